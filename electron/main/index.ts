/**
 * The main process: app lifecycle and wiring only. Every security decision lives in a small pure
 * module beside this one (appUrl, csp, navigation, networkFilter, senderCheck, devServer) with its own
 * table-driven test; this file connects them to Electron. Nothing here contacts the network: no update
 * checks, no telemetry, no crash uploads.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron'
import { openServices } from '../services'
import { createEventSink } from '../events'
import { createHandlers } from '../handlers'
import { eventChannelOf } from '../shared/methods'
import { resolveDevServerUrl } from './devServer'
import { registerIpc } from './ipc'
import { guardWebContents, type GuardOptions } from './navigation'
import { installNetworkFilter } from './networkFilter'
import { installPermissionGuards } from './permissions'
import { handleAppProtocol, registerAppSchemePrivileges } from './protocol'
import { createMainWindow, WINDOW_TITLE } from './window'

type Services = Awaited<ReturnType<typeof openServices>>

// Main is ESM (out/main/index.js): there is no __dirname. The renderer and preload builds sit beside it.
const mainDir = fileURLToPath(new URL('.', import.meta.url))
const rendererDir = path.join(mainDir, '../renderer')
const preloadPath = path.join(mainDir, '../preload/index.cjs')

let mainWindow: BrowserWindow | null = null
let services: Services | null = null
let closing: Promise<void> | null = null
let quitting = false

app.setName(WINDOW_TITLE)

const devServerUrl = resolveDevServerUrl(process.env['ELECTRON_RENDERER_URL'], app.isPackaged)
if (process.env['ELECTRON_RENDERER_URL'] && !devServerUrl) {
  console.warn('[main] ignoring ELECTRON_RENDERER_URL: only a loopback http(s) URL, and never in a packaged app')
}

const guardOptions: GuardOptions = {
  devServerUrl,
  openExternal: (url) => {
    shell.openExternal(url).catch((error: unknown) => console.error('[main] could not open', url, error))
  }
}

/** Resolves when start-up has finished (or failed and asked to quit). The tests await it. */
export const started: Promise<void> = app.requestSingleInstanceLock() ? start() : Promise.resolve(app.quit())

async function start(): Promise<void> {
  // Both must happen before `ready`.
  registerAppSchemePrivileges(protocol)
  app.enableSandbox()

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })
  // Every web contents ever created (windows, and anything a bug might create) gets the same guards.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, guardOptions))
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', (event) => {
    quitting = true
    if (!services) return
    // Close the database cleanly before the process goes; quit again once it is closed.
    event.preventDefault()
    if (closing) return
    const open = services
    closing = open
      .close()
      .catch((error: unknown) => console.error('[main] closing services failed', error))
      .finally(() => {
        services = null
        app.quit()
      })
  })

  try {
    await app.whenReady()

    const ses = session.defaultSession
    installPermissionGuards(ses)
    installNetworkFilter(ses, {
      devServerUrl,
      onBlocked: (url) => console.warn('[network] blocked', url.length > 200 ? `${url.slice(0, 200)}…` : url)
    })
    // The spellchecker downloads dictionaries from Google: off (webPreferences.spellcheck is off too).
    ses.setSpellCheckerEnabled(false)
    handleAppProtocol(protocol, rendererDir)

    // Events go to the app window, if there is one yet; the page subscribes through the preload.
    const events = createEventSink((event, payload) => mainWindow?.webContents.send(eventChannelOf(event), payload))
    const opened = await openServices({ dataDir: dataDir(), events })
    if (quitting) {
      await opened.close()
      return
    }
    services = opened
    registerIpc(ipcMain, createHandlers(opened), { devServerUrl })

    mainWindow = createMainWindow({ preloadPath, devServerUrl, isPackaged: app.isPackaged, openExternal: guardOptions.openExternal })
    mainWindow.on('closed', () => {
      mainWindow = null
    })
  } catch (error) {
    // Never leave the user with a blank window or a silent exit: say what failed, then quit.
    const message = error instanceof Error ? error.message : String(error)
    console.error('[main] start-up failed', error)
    dialog.showErrorBox(`${WINDOW_TITLE} could not start`, message)
    app.quit()
  }
}

/** The bundled data: beside the app's resources when packaged, `<repo>/data` in development. */
function dataDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'data') : path.join(app.getAppPath(), 'data')
}
