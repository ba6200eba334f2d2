/**
 * The main process wired end to end against the shared fake Electron (tests/support/fakeElectron.ts;
 * the real binary cannot run here — tests/electron/ runs the same checks against the live app on CI):
 * import electron/main/index.ts, make the fake app ready, and drive it as Electron would — IPC calls
 * from frames, navigations, window.open, requests through the session filter, quitting.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { channelOf, DROP_CHANNEL, methods } from '../../../electron/shared/methods'
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp'
import {
  createFakeElectron,
  electronEvent,
  FakeFrame,
  invokeEvent,
  type FakeBrowserWindow,
  type FakeElectron,
} from '../../support/fakeElectron'
import { createHandlers } from '../../../electron/handlers'

const h = vi.hoisted(() => {
  const SNAPSHOT_TOKEN = `g-${'5'.repeat(32)}`
  const services = {
    catalog: { list: vi.fn((): unknown[] => []), problems: vi.fn((): unknown[] => []) },
    query: { headline: vi.fn(), series: vi.fn(), observations: vi.fn() },
    imports: {
      summaries: vi.fn((): unknown[] => []),
      grant: vi.fn(async (path: string, _via: string) => ({ fileId: 'f-1', name: path, size: 1 })),
    },
    workspace: { snapshots: { grant: vi.fn(async (_path: string) => SNAPSHOT_TOKEN) } },
    close: vi.fn(async () => undefined),
  }
  // Main's half of the app (engine/host.ts): the one handler registry over these services, the grants
  // desk and the workspace. The engine process itself is tested in tests/unit/engine/ and utilityEngine.test.ts.
  const host = () => ({
    handlers: createHandlers(services as never),
    desk: services.imports,
    workspace: services.workspace,
    close: services.close,
  })
  const openServices = vi.fn(
    async (_options: {
      dataDir: string
      events?: { emit: (e: string, p: unknown) => void }
      start?: () => unknown
    }) => host(),
  )
  return { electron: undefined as unknown as FakeElectron, services, openServices, host, SNAPSHOT_TOKEN }
})

vi.mock('electron', async () => (await import('../../support/fakeElectron')).electronModule(() => h.electron))
vi.mock('../../../electron/engine/host', () => ({ openHost: h.openServices }))

let userData: string

/** Loads main as Electron would: the module runs before `ready`, then the app becomes ready. */
async function startMain() {
  const main = await import('../../../electron/main/index')
  h.electron.app.becomeReady()
  await main.started
  return main
}

const appFrame = () => invokeEvent(new FakeFrame('app://trade/index.html'))
const call = (channel: string, event = appFrame(), ...args: unknown[]) =>
  h.electron.ipcMain.invoke(channel, event, ...args)
const mainWindow = (): FakeBrowserWindow => h.electron.windows[0]!
const commandsSent = (window: FakeBrowserWindow) => window.webContents.sentOn('trade-event:command')
const settle = () => new Promise((resolve) => setTimeout(resolve, 10))
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)()

beforeEach(() => {
  vi.resetModules()
  vi.clearAllMocks()
  userData = mkdtempSync(path.join(tmpdir(), 'cte-main-'))
  h.electron = createFakeElectron({ appPath: '/repo', userData })
  h.openServices.mockImplementation(async () => h.host())
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('main process start-up', () => {
  it('registers one IPC handler per contract method, and nothing else', async () => {
    await startMain()
    // Plus the one channel the preload uses on its own: paths of files dropped on the window (dropFiles.ts).
    expect(h.electron.ipcMain.channels().sort()).toEqual(
      [...methods.map((m) => `trade:${m}`), DROP_CHANNEL].sort(),
    )
  })

  it('registers the app:// scheme before ready, and serves it after with the security headers', async () => {
    await startMain()
    // The fake refuses registerSchemesAsPrivileged after ready, as Electron does: it happened before.
    expect(h.electron.protocol.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ])
    expect(h.electron.protocol.privileged[0]!.privileges!.bypassCSP).toBeUndefined()
    expect(h.electron.app.sandboxed).toBe(true)
    expect(h.electron.protocol.isProtocolHandled('app')).toBe(true)
    // Served from out/renderer beside the main bundle; under the sources there is none: a 404, headers still on.
    const response = (await h.electron.protocol.fetch('app://trade/index.html'))!
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(h.electron.app.getName()).toBe('China Trade Explorer')
  })

  it('installs the permission guards and the network filter on the default session', async () => {
    await startMain()
    const ses = h.electron.session.defaultSession
    expect(await ses.requestPermission('camera', 'app://trade/index.html')).toBe(false)
    expect(ses.checkPermission('clipboard-read', 'app://trade')).toBe(false)
    expect(ses.devicePermissionHandler!({ deviceType: 'usb', origin: 'app://trade' } as never)).toBe(false)
    expect(ses.isSpellCheckerEnabled()).toBe(false)
    expect(ses.webRequest.filter).toEqual({ urls: ['<all_urls>'] })
    expect(await ses.allows('https://fonts.googleapis.com/css2')).toBe(false)
    expect(await ses.allows('http://localhost:5173/')).toBe(false)
    expect(await ses.allows('app://trade/index.html')).toBe(true)
  })

  it('opens the services on <app path>/data in development, the data engine in a utility process with a warm standby', async () => {
    await startMain()
    expect(h.openServices).toHaveBeenCalledWith({
      start: expect.any(Function),
      log: expect.any(Function),
      standby: { delayMs: 3_000 },
      dataDir: path.join('/repo', 'data'),
      events: expect.any(Object),
      userDataDir: userData,
      chooseFile: expect.any(Function),
      setLanguage: expect.any(Function),
      snapshotPlatform: {
        chooseSnapshotFile: expect.any(Function),
        chooseExportTarget: expect.any(Function),
        printPdf: expect.any(Function),
      },
    })
    expect(h.electron.dialog.errorBoxes).toEqual([])
    // The engine is the built entry beside main's, started as a utility process.
    const fork = vi.spyOn(h.electron.utilityProcess, 'fork').mockImplementation(() => {
      throw new Error('not started in this test')
    })
    expect(() => h.openServices.mock.calls[0]![0].start!()).toThrow('not started in this test')
    expect(fork).toHaveBeenCalledWith(
      expect.stringMatching(/[\\/]engine\.js$/),
      [],
      expect.objectContaining({ serviceName: 'China Trade Explorer data engine' }),
    )
  })

  it('File › Open shows Electron’s open dialog on the window and answers the chosen path', async () => {
    await startMain()
    const options = h.openServices.mock.calls[0]![0] as unknown as {
      chooseFile: () => Promise<string | null>
    }
    h.electron.dialog.openAnswer = { canceled: false, filePaths: ['/home/ana/exports.csv'] }
    expect(await options.chooseFile()).toBe('/home/ana/exports.csv')
    expect(h.electron.dialog.opened[0]).toMatchObject({ properties: ['openFile'] })
  })

  it.each([
    ['en-US', 'Open Data File…', '打开数据文件…', '打开贸易数据文件'],
    ['zh-CN', '打开数据文件…', 'Open Data File…', 'Open a trade data file'],
  ])(
    'OS in %s: the menu starts in its language, then follows the language the page says, as do the dialogs',
    async (osLocale, first, then, dialogTitle) => {
      h.electron.app.locale = osLocale
      await startMain()
      expect(h.electron.Menu.item('openDataFile')?.label).toBe(first)
      const options = h.openServices.mock.calls[0]![0] as unknown as {
        setLanguage: (language: 'en' | 'zh-CN') => Promise<void>
        chooseFile: () => Promise<string | null>
      }
      await options.setLanguage(osLocale === 'zh-CN' ? 'en' : 'zh-CN')
      expect(h.electron.Menu.item('openDataFile')?.label).toBe(then)
      await options.chooseFile()
      expect(h.electron.dialog.opened[0]!.title).toBe(dialogTitle)
    },
  )

  it('sends service events to the app window on the event channel, validated', async () => {
    await startMain()
    const events = h.openServices.mock.calls[0]![0].events!
    const progress = { jobId: 'j1', file: 'a.csv', phase: 'reading', bytesRead: 1, totalBytes: 2, rows: 0 }
    events.emit('importProgress', progress)
    expect(mainWindow().webContents.sentOn('trade-event:importProgress')).toEqual([progress])
    expect(() => events.emit('importProgress', { jobId: 'j1' })).toThrow()
  })

  it('creates one hardened window that loads app://trade/index.html and shows when ready', async () => {
    await startMain()
    expect(h.electron.windows).toHaveLength(1)
    const window = mainWindow()
    // The effective preferences (Electron's defaults under ours), as the live-app suite reads them back.
    const prefs = window.webContents.getLastWebPreferences()
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: true,
    })
    expect(prefs.preload!.endsWith(path.join('preload', 'index.cjs'))).toBe(true)
    expect(window.options).toMatchObject({
      show: false,
      title: 'China Trade Explorer',
      minWidth: 960,
      minHeight: 640,
    })
    await vi.waitFor(() => expect(window.webContents.getURL()).toBe('app://trade/index.html'))
    expect(window.isVisible()).toBe(false)
    window.readyToShow()
    expect(window.isVisible()).toBe(true)
  })

  it('guards the window contents: navigation away is refused, window.open denied, an https link goes to the browser once confirmed', async () => {
    await startMain()
    const contents = mainWindow().webContents
    expect(contents.navigate('file:///etc/passwd')).toBe(false)
    expect(contents.navigate('app://trade.evil/')).toBe(false)
    expect(contents.navigate('https://www.reuters.com/a')).toBe(false)
    await settle() // the question about it answered (one question at a time: externalLinks.ts)
    expect(contents.navigate('app://trade/index.html#/explorer')).toBe(true)
    const subframe = new FakeFrame('app://trade/index.html', contents.mainFrame)
    expect(contents.navigate('https://evil.example/', subframe)).toBe(false)
    expect(contents.redirect('https://evil.example/')).toBe(false)
    expect(contents.attachWebview('app://trade/index.html')).toBe(false)
    expect(contents.openWindow('https://www.reuters.com/b')).toBe('deny')
    expect(contents.openWindow('file:///etc/passwd')).toBe('deny')
    expect(contents.openWindow('app://trade/index.html')).toBe('deny')
    // Nothing left the app on the page's word: each vetted link was put to the user, who said no (Escape).
    await vi.waitFor(() => expect(h.electron.dialog.messages).toHaveLength(2))
    expect(h.electron.shell.opened).toEqual([])
  })

  it('a link leaves the app only after the user confirms the full URL in main’s own dialog', async () => {
    await startMain()
    const contents = mainWindow().webContents
    const url = 'https://www.reuters.com/markets/asia/china-exports-2025?ref=note#para-3'
    // A note link clicked (a navigation), or a script's window.open: the same question, on the window.
    expect(contents.navigate(url)).toBe(false)
    await vi.waitFor(() => expect(h.electron.dialog.messages).toHaveLength(1))
    const asked = h.electron.dialog.messages[0]!
    expect(asked.parented).toBe(true)
    expect(asked.options.detail).toBe(url)
    expect(asked.options.buttons).toEqual(['Open in browser', 'Cancel'])
    expect(asked.options.cancelId).toBe(asked.options.defaultId)
    expect(h.electron.shell.opened).toEqual([])
    await settle()

    h.electron.dialog.messageAnswer = 0
    expect(contents.openWindow(url)).toBe('deny')
    await vi.waitFor(() => expect(h.electron.shell.opened).toEqual([url]))
    expect(h.electron.dialog.messages).toHaveLength(2)
    // A link safeExternalUrl refuses is never even offered.
    expect(contents.navigate('https://user:pw@evil.example/')).toBe(false)
    expect(contents.openWindow('http://www.reuters.com/')).toBe('deny')
    await settle()
    expect(h.electron.dialog.messages).toHaveLength(2)
    expect(h.electron.shell.opened).toEqual([url])
  })

  it('guards every web contents ever created, not only the main window', async () => {
    await startMain()
    const stray = new h.electron.BrowserWindow({ show: false })
    expect(stray.webContents.navigate('https://evil.example/')).toBe(false)
    expect(stray.webContents.openWindow('https://evil.example/')).toBe('deny')
  })

  it('answers a call from the app frame, and refuses an untrusted sender with FORBIDDEN_SENDER', async () => {
    await startMain()
    expect(await call(channelOf('listDatasets'), appFrame(), {})).toEqual({
      ok: true,
      data: { datasets: [], problems: [] },
    })
    h.services.catalog.list.mockClear()
    const top = new FakeFrame('app://trade/index.html')
    const gone = new FakeFrame('app://trade/index.html')
    gone.destroyed = true
    for (const frame of [
      null,
      gone,
      new FakeFrame('https://evil.example/'),
      new FakeFrame('app://trade/index.html', top),
      new FakeFrame('file:///home/ana/page.html'),
    ]) {
      const answer = await call(channelOf('listDatasets'), invokeEvent(frame), {})
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    }
    expect(h.services.catalog.list).not.toHaveBeenCalled()
  })

  it('refuses hostile arguments from a trusted sender with INVALID_ARGUMENT', async () => {
    await startMain()
    const cases: Array<[string, unknown]> = [
      ['getHeadline', { dataset: '../../../etc/passwd' }],
      ['getSeries', { dataset: 'cn', flow: 'exports', extra: "'; DROP TABLE x; --" }],
      ['getObservations', { dataset: 'cn', series: 'exports', period: 'x'.repeat(10_000) }],
      ['listDatasets', { anything: true }],
    ]
    for (const [method, args] of cases) {
      expect(await call(`trade:${method}`, appFrame(), args)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT' },
      })
    }
    for (const fn of [
      h.services.catalog.list,
      h.services.query.headline,
      h.services.query.series,
      h.services.query.observations,
    ]) {
      expect(fn).not.toHaveBeenCalled()
    }
  })

  it('closes the services before quitting, once', async () => {
    await startMain()
    const quit = vi.fn()
    h.electron.app.on('quit', quit)
    h.electron.app.quit()
    expect(quit).not.toHaveBeenCalled() // held back until the database is closed
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1))
    expect(h.services.close).toHaveBeenCalledTimes(1)
    h.electron.app.quit()
    expect(quit).toHaveBeenCalledTimes(2)
    expect(h.services.close).toHaveBeenCalledTimes(1)
  })

  it('quits when the last window is closed, and a second instance restores and focuses the window', async () => {
    await startMain()
    const window = mainWindow()
    window.minimize()
    h.electron.app.emit('second-instance', electronEvent({}), [], '/home/ana', {})
    expect(window.isMinimized()).toBe(false)
    expect(window.focused).toBe(true)
    const quit = vi.fn()
    h.electron.app.on('quit', quit)
    window.close()
    await vi.waitFor(() => expect(quit).toHaveBeenCalled())
    expect(h.services.close).toHaveBeenCalledTimes(1)
  })
})

describe('main process failures', () => {
  it.each([
    ['en-US', 'China Trade Explorer could not start', /^Something went wrong while the app was starting/],
    ['zh-CN', 'China Trade Explorer 无法启动', /^应用启动时出现问题/],
  ])(
    'OS in %s: shows an error box in that language and quits when the services cannot open: never a blank window, never the error’s own words',
    async (osLocale, title, content) => {
      h.electron.app.locale = osLocale
      const folder = path.join(h.electron.app.getPath('userData'), 'library')
      const error = new Error(`EACCES: permission denied, open '${folder}/catalog.duckdb'`)
      h.openServices.mockRejectedValueOnce(error)
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
      await startMain()
      expect(h.electron.dialog.errorBoxes).toEqual([{ title, content: expect.stringMatching(content) }])
      expect(JSON.stringify(h.electron.dialog.errorBoxes)).not.toMatch(/EACCES|permission denied|library/)
      // What failed is in the log instead.
      expect(logged).toHaveBeenCalledWith('[main] start-up failed', error)
      expect(h.electron.app.quitRequests).toBeGreaterThan(0)
      expect(h.electron.windows).toHaveLength(0)
      expect(h.electron.ipcMain.channels()).toEqual([])
    },
  )

  it('quits at once without the single-instance lock', async () => {
    h.electron.app.gotLock = false
    const whenReady = vi.spyOn(h.electron.app, 'whenReady')
    await startMain()
    expect(h.electron.app.quitRequests).toBe(1)
    expect(whenReady).not.toHaveBeenCalled()
    expect(h.openServices).not.toHaveBeenCalled()
    expect(h.electron.windows).toHaveLength(0)
  })

  it('ignores a non-loopback ELECTRON_RENDERER_URL', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://evil.example:5173/')
    await startMain()
    await vi.waitFor(() => expect(mainWindow().webContents.getURL()).toBe('app://trade/index.html'))
  })

  it('loads the loopback dev server in development (the session filter lets only it through)', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    await startMain()
    await vi.waitFor(() => expect(mainWindow().webContents.getURL()).toBe('http://localhost:5173/'))
    expect(await h.electron.session.defaultSession.allows('http://localhost:5174/')).toBe(false)
  })
})

describe('desktop integration (menu, files from the OS, window state)', () => {
  it('installs the application menu; a menu command reaches the page as a command event once it has loaded', async () => {
    await startMain()
    const window = mainWindow()
    await vi.waitFor(() => expect(window.webContents.getURL()).toBe('app://trade/index.html'))
    const open = h.electron.Menu.item('openDataFile')
    expect(open).toMatchObject({ label: 'Open Data File…', accelerator: 'CmdOrCtrl+O', enabled: true })
    click(open)
    expect(commandsSent(window)).toEqual([]) // queued: the page is not listening yet
    window.webContents.finishLoad()
    expect(commandsSent(window)).toEqual([{ command: 'openDataFile' }])
    click(h.electron.Menu.item('about'))
    expect(commandsSent(window)).toEqual([{ command: 'openDataFile' }, { command: 'about' }])
  })

  it('registers open-file before ready, and delivers a file opened before the window existed', async () => {
    const snapshot = path.join(userData, 'trade view.ctesnap')
    writeFileSync(snapshot, '{}')
    const main = await import('../../../electron/main/index')
    // macOS fires open-file as the app launches, before ready.
    const event = electronEvent({})
    h.electron.app.emit('open-file', event, snapshot)
    expect(event.defaultPrevented).toBe(true)
    expect(h.electron.windows).toHaveLength(0)
    h.electron.app.becomeReady()
    await main.started
    await vi.waitFor(() => expect(h.electron.app.recentDocuments).toEqual([snapshot]))
    await vi.waitFor(() => expect(mainWindow().webContents.getURL()).toBe('app://trade/index.html'))
    mainWindow().webContents.finishLoad()
    expect(commandsSent(mainWindow())).toEqual([{ command: 'openSnapshot', file: h.SNAPSHOT_TOKEN }])
  })

  it('a second launch with a file focuses the window, opens the file and lists it under Open Recent', async () => {
    await startMain()
    await vi.waitFor(() => expect(mainWindow().webContents.getURL()).toBe('app://trade/index.html'))
    mainWindow().webContents.finishLoad()
    const dataFile = path.join(userData, 'exports.csv')
    writeFileSync(dataFile, 'a,b\n1,2\n')
    const argv = [
      'C:\\Program Files\\China Trade Explorer\\China Trade Explorer.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13372036854775807',
      'exports.csv',
    ]
    h.electron.app.emit('second-instance', electronEvent({}), argv, userData, {})
    expect(mainWindow().focused).toBe(true)
    await vi.waitFor(() => expect(commandsSent(mainWindow())).toEqual([{ command: 'openDataFile' }]))
    expect(h.electron.app.recentDocuments).toEqual([dataFile])
    expect(h.services.imports.grant).toHaveBeenCalledWith(dataFile, 'open-with')
    await vi.waitFor(() => expect(h.electron.Menu.item('recent-0')).toMatchObject({ label: 'exports.csv' }))
    const saved = JSON.parse(readFileSync(path.join(userData, 'recent-files.json'), 'utf8'))
    expect(saved.files).toEqual([dataFile])

    // Clear Recent empties our list and the OS one.
    click(h.electron.Menu.item('clearRecent'))
    await vi.waitFor(() => expect(h.electron.Menu.item('recent-none')).toBeDefined())
    expect(h.electron.app.recentDocuments).toEqual([])
  })

  it('files dropped on the window, through the preload’s drop channel: a .ctesnap opens as a snapshot, a data file goes to the importer', async () => {
    await startMain()
    await vi.waitFor(() => expect(mainWindow().webContents.getURL()).toBe('app://trade/index.html'))
    mainWindow().webContents.finishLoad()
    const snapshot = path.join(userData, 'busan.ctesnap')
    const csv = path.join(userData, 'exports.csv')
    writeFileSync(snapshot, '{}')
    writeFileSync(csv, 'a,b\n1,2\n')
    expect(await call(DROP_CHANNEL, appFrame(), [snapshot, csv])).toBe(2)
    expect(h.services.workspace.snapshots.grant).toHaveBeenCalledWith(snapshot)
    expect(h.services.imports.grant).toHaveBeenCalledWith(csv, 'drop')
    expect(h.services.imports.grant).not.toHaveBeenCalledWith(snapshot, expect.anything())
    await vi.waitFor(() =>
      expect(commandsSent(mainWindow())).toEqual([{ command: 'openSnapshot', file: h.SNAPSHOT_TOKEN }]),
    )
    // The same drop from a foreign frame grants nothing.
    h.services.imports.grant.mockClear()
    expect(await call(DROP_CHANNEL, invokeEvent(new FakeFrame('https://evil.example/')), [csv])).toBe(0)
    expect(h.services.imports.grant).not.toHaveBeenCalled()
  })

  it('PDF export prints the print page in a hidden window with the main window’s hardened preferences, then destroys it', async () => {
    await startMain()
    const options = h.openServices.mock.calls[0]![0] as {
      snapshotPlatform?: { printPdf?: (id: string) => Promise<Uint8Array> }
    }
    const printing = options.snapshotPlatform!.printPdf!('s-abcd-1234')
    const window = h.electron.windows.at(-1)!
    expect(window).not.toBe(mainWindow())
    expect(window.options.show).toBe(false)
    expect(window.webContents.getLastWebPreferences()).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    window.webContents.executeJavaScript = async () => true
    expect(Buffer.from(await printing).toString('latin1')).toMatch(/^%PDF-/)
    expect(window.webContents.getURL()).toBe('app://trade/index.html#/print/snapshot/s-abcd-1234')
    expect(window.isDestroyed()).toBe(true)
    expect(mainWindow().isDestroyed()).toBe(false)
  })

  it('ignores a second launch without files (just focuses)', async () => {
    await startMain()
    mainWindow().webContents.finishLoad()
    h.electron.app.emit(
      'second-instance',
      electronEvent({}),
      ['/opt/China Trade Explorer/china-trade-explorer', '--no-sandbox', '.'],
      '/home/user',
      {},
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(commandsSent(mainWindow())).toEqual([])
    expect(h.electron.app.recentDocuments).toEqual([])
  })

  it('remembers the window bounds on close and reopens there, maximised if it was', async () => {
    await startMain()
    const window = mainWindow()
    window.setBounds({ x: 40, y: 30, width: 1000, height: 700 })
    window.maximize()
    window.close()
    const file = path.join(userData, 'window-state.json')
    expect(existsSync(file)).toBe(true)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      bounds: { x: 40, y: 30, width: 1000, height: 700 },
      maximized: true,
      fullScreen: false,
    })

    // A new run of the app, same user-data folder.
    vi.resetModules()
    h.electron = createFakeElectron({ appPath: '/repo', userData })
    await startMain()
    expect(h.electron.dialog.errorBoxes).toEqual([])
    expect(mainWindow().options).toMatchObject({ x: 40, y: 30, width: 1000, height: 700 })
    mainWindow().readyToShow()
    expect(mainWindow().isMaximized()).toBe(true)
  })
})
