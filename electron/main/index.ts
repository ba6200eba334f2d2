/**
 * The main process: app lifecycle and wiring only. Every security decision lives in a small pure
 * module beside this one (appUrl, csp, navigation, networkFilter, senderCheck, devServer) with its own
 * table-driven test; this file connects them to Electron. Nothing here contacts the network: no update
 * checks, no telemetry, no crash uploads.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  utilityProcess,
} from 'electron'
import { openHost, type Host } from '../engine/host'
import { APP_STANDBY } from '../engine/supervisor'
import { createEventSink } from '../events'
import { createRecentFiles } from '../services/recentFiles'
import { loadWindowState, saveWindowState } from '../services/windowState'
import { eventChannelOf } from '../shared/methods'
import { resolveDevServerUrl } from './devServer'
import { registerIpc } from './ipc'
import { registerDropFiles } from './dropFiles'
import { chooseDataFile } from './importDialog'
import { guardWebContents, type GuardOptions } from './navigation'
import { installNetworkFilter } from './networkFilter'
import { installPermissionGuards } from './permissions'
import { handleAppProtocol, registerAppSchemePrivileges } from './protocol'
import { createDesktop } from './desktop'
import { createMainWindow, initialWindowState, mainWindowOptions, WINDOW_TITLE } from './window'
import { APP_ENTRY } from './appUrl'
import { openKindOf } from './openFile'
import { createPdfPrinter } from './printPdf'
import { chooseExportTarget, chooseSnapshotFile } from './snapshotDialogs'
import { createLinkOpener, linkConfirmation } from './externalLinks'
import { localeOf, startFailedBox, type MainLocale } from './wording'
import { utilityEngine } from './utilityEngine'

// Main is ESM (out/main/index.js): there is no __dirname. The renderer and preload builds sit beside it.
const mainDir = fileURLToPath(new URL('.', import.meta.url))
const rendererDir = path.join(mainDir, '../renderer')
const preloadPath = path.join(mainDir, '../preload/index.cjs')
// The data engine's entry, built beside this file (electron.vite.config.ts).
const engineEntry = path.join(mainDir, 'engine.js')

let mainWindow: BrowserWindow | null = null
let services: Host | null = null
let closing: Promise<void> | null = null
let quitting = false
// The language main words its menu and dialogs in: the OS's once the app is ready (app.getLocale() is
// only reliable then), then the page's. English, the catalogue's own, until then: nothing is shown before.
let locale: MainLocale = 'en'

app.setName(WINDOW_TITLE)

const devServerUrl = resolveDevServerUrl(process.env['ELECTRON_RENDERER_URL'], app.isPackaged)
if (process.env['ELECTRON_RENDERER_URL'] && !devServerUrl) {
  console.warn(
    '[main] ignoring ELECTRON_RENDERER_URL: only a loopback http(s) URL, and never in a packaged app',
  )
}

// A link leaves the app only after the user says so in main's own dialog, which shows the full URL
// (externalLinks.ts): a snapshot's note or a script in the page cannot send the user anywhere alone.
const openLink = createLinkOpener({
  confirm: async (url) => {
    const question = linkConfirmation(url, locale)
    const answer = mainWindow
      ? await dialog.showMessageBox(mainWindow, question)
      : await dialog.showMessageBox(question)
    return answer.response === 0
  },
  open: (url) =>
    // security: OPEN_EXTERNAL_JS_CHECK — `url` comes only from guardWebContents(), vetted by safeExternalUrl() and confirmed by the user in linkConfirmation()'s dialog (tests/unit/main/navigation.test.ts "safeExternalUrl", index.test.ts "a link leaves the app only after the user confirms the full URL").
    shell.openExternal(url),
})

const guardOptions: GuardOptions = {
  devServerUrl,
  openExternal: (url) => void openLink(url),
}

/** Resolves when start-up has finished (or failed and asked to quit). The tests await it. */
export const started: Promise<void> = app.requestSingleInstanceLock() ? start() : Promise.resolve(app.quit())

async function start(): Promise<void> {
  // Both must happen before `ready`.
  registerAppSchemePrivileges(protocol)
  app.enableSandbox()

  // Menu commands and files from the OS reach the page as `command` events (desktop.ts). A file can
  // arrive before the window exists (macOS open-file at launch, our own argv): it waits in a queue.
  const toPage = createEventSink((event, payload) =>
    mainWindow?.webContents.send(eventChannelOf(event), payload),
  )
  // A data file from the OS is granted to the importer ("Open with") once the services are open.
  let servicesOpened: (opened: Host) => void = () => {}
  const servicesReady = new Promise<Host>((resolve) => (servicesOpened = resolve))
  const desktop = createDesktop({
    platform: process.platform,
    isPackaged: app.isPackaged,
    appName: WINDOW_TITLE,
    locale,
    menu: Menu,
    os: app,
    recent: createRecentFiles({ file: path.join(app.getPath('userData'), 'recent-files.json') }),
    send: (event) => toPage.emit('command', event),
    focus: focusWindow,
    grantDataFile: async (file) => {
      await (await servicesReady).desk.grant(file, 'open-with')
    },
    // A .ctesnap from the OS: the page gets a token to open it by, never the path.
    grantSnapshotFile: async (file) => (await servicesReady).workspace.snapshots.grant(file),
  })
  // macOS: must be registered before `ready`, or a double-clicked file that launches the app is lost.
  app.on('open-file', (event, file) => {
    event.preventDefault()
    void desktop.open('open-file', { path: file })
  })
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow()
    void desktop.open('second-instance', { argv, workingDirectory, execPath: process.execPath })
  })
  void desktop.open('argv', { argv: process.argv, execPath: process.execPath })
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
    locale = localeOf(app.getLocale())
    await desktop.setLocale(locale)

    const ses = session.defaultSession
    installPermissionGuards(ses)
    installNetworkFilter(ses, {
      devServerUrl,
      onBlocked: (url) => console.warn('[network] blocked', url.length > 200 ? `${url.slice(0, 200)}…` : url),
    })
    // The spellchecker downloads dictionaries from Google: off (webPreferences.spellcheck is off too).
    ses.setSpellCheckerEnabled(false)
    handleAppProtocol(protocol, rendererDir)

    // Events go to the app window, if there is one yet; the page subscribes through the preload.
    const events = createEventSink((event, payload) =>
      mainWindow?.webContents.send(eventChannelOf(event), payload),
    )
    // DuckDB, imports and queries run in a supervised utility process; main keeps windows, dialogs and grants.
    const opened = await openHost({
      start: utilityEngine((entry, args, options) => utilityProcess.fork(entry, args, options), engineEntry),
      log: (message) => console.warn(message),
      standby: APP_STANDBY,
      dataDir: dataDir(),
      events,
      // Imported files live in the user-data folder; File › Open is Electron's dialog (importDialog.ts).
      userDataDir: app.getPath('userData'),
      chooseFile: () => chooseDataFile(dialog, mainWindow, locale),
      // The page says its language (on load and when the user changes it): the menu is rebuilt in it.
      setLanguage: async (language) => {
        locale = language
        await desktop.setLocale(language)
      },
      // Snapshots: Open/Save dialogs, and PDF export by printing the snapshot's print page in a hidden window.
      snapshotPlatform: {
        chooseSnapshotFile: () => chooseSnapshotFile(dialog, mainWindow, locale),
        chooseExportTarget: (request) => chooseExportTarget(dialog, mainWindow, request, locale),
        printPdf: createPdfPrinter({
          entry: !app.isPackaged && devServerUrl ? devServerUrl : APP_ENTRY,
          createWindow: () =>
            // security: CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK — the same hardened options as the main window (mainWindowOptions: contextIsolation, sandbox, no node integration), hidden; tests/unit/main/index.test.ts "PDF export prints the print page" asserts them.
            // security: AUXCLICK_JS_CHECK — the hidden print window is never shown or clicked, and web-contents-created above gives it guardWebContents() (window-open handler that always denies), like every web contents.
            new BrowserWindow({
              ...mainWindowOptions({ preloadPath, isPackaged: app.isPackaged }),
              show: false,
            }),
        }),
      },
    })
    if (quitting) {
      await opened.close()
      return
    }
    services = opened
    servicesOpened(opened)
    registerIpc(ipcMain, opened.handlers, { devServerUrl })
    // Files dropped on the window: the preload resolves them to paths, the importer grants them (dropFiles.ts).
    // A dropped .ctesnap opens as a snapshot (granted, then the openSnapshot command), like a double-click.
    registerDropFiles(
      ipcMain,
      (file) =>
        openKindOf(file) === 'snapshot'
          ? desktop.open('open-file', { path: file })
          : opened.desk.grant(file, 'drop'),
      {
        devServerUrl,
        log: (m, e) => console.warn(m, e),
      },
    )

    await desktop.refreshMenu()
    const windowStateFile = path.join(app.getPath('userData'), 'window-state.json')
    mainWindow = createMainWindow({
      preloadPath,
      devServerUrl,
      isPackaged: app.isPackaged,
      openExternal: guardOptions.openExternal,
      state: initialWindowState(await loadWindowState(windowStateFile), screen),
      onStateChange: (state) => {
        try {
          saveWindowState(windowStateFile, state)
        } catch (error) {
          console.error('[main] could not save the window state', error)
        }
      },
    })
    mainWindow.webContents.on('did-start-loading', () => desktop.pageGone())
    mainWindow.webContents.on('did-finish-load', () => desktop.pageReady())
    mainWindow.on('closed', () => {
      mainWindow = null
      desktop.pageGone()
    })
  } catch (error) {
    // Never leave the user with a blank window or a silent exit: say that it failed, then quit. What
    // failed goes to the log only: its text can name the user's folders or be a library's wording.
    console.error('[main] start-up failed', error)
    const box = startFailedBox(WINDOW_TITLE, locale)
    dialog.showErrorBox(box.title, box.content)
    app.quit()
  }
}

function focusWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

/** The bundled data: beside the app's resources when packaged, `<repo>/data` in development. */
function dataDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'data') : path.join(app.getAppPath(), 'data')
}
