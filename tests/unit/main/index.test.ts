/**
 * The main process wired end to end against a fake Electron (the real binary cannot run here):
 * import electron/main/index.ts, let the fake `app.whenReady()` resolve, and check what got installed.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { channelOf, DROP_CHANNEL, methods } from '../../../electron/shared/methods'

type Listener = (...args: any[]) => any

const h = vi.hoisted(() => {
  const listeners = new Map<string, Listener[]>()
  const emit = (name: string, ...args: unknown[]) => {
    for (const listener of listeners.get(name) ?? []) listener(...args)
  }
  const app = {
    isPackaged: false,
    setName: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener])
      return app
    }),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    getAppPath: vi.fn(() => '/repo'),
    // A fresh user-data folder per test (recent files, window state).
    userData: '',
    getPath: vi.fn((_name: string) => app.userData),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
  }
  const menus: { template: any[] }[] = []
  const Menu = {
    buildFromTemplate: vi.fn((template: any[]) => ({ template })),
    setApplicationMenu: vi.fn((menu: { template: any[] }) => menus.push(menu)),
  }
  const screen = {
    getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
    getPrimaryDisplay: vi.fn(() => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } })),
  }
  const ipcChannels = new Map<string, Listener>()
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (ipcChannels.has(channel)) throw new Error(`second handler for ${channel}`)
      ipcChannels.set(channel, listener)
    }),
    removeHandler: vi.fn((channel: string) => ipcChannels.delete(channel)),
  }
  const filters: Listener[] = []
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setSpellCheckerEnabled: vi.fn(),
      webRequest: {
        onBeforeRequest: vi.fn((_filter: unknown, listener: Listener) => filters.push(listener)),
      },
    },
  }
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }
  const windows: any[] = []
  class BrowserWindow {
    readonly options: any
    readonly webContents: any
    readonly windowListeners = new Map<string, Listener>()
    constructor(options: any) {
      this.options = options
      const contentsListeners = new Map<string, Listener[]>()
      this.webContents = {
        listeners: contentsListeners,
        on: vi.fn((name: string, listener: Listener) => {
          contentsListeners.set(name, [...(contentsListeners.get(name) ?? []), listener])
        }),
        setWindowOpenHandler: vi.fn((handler: Listener) => (this.webContents.openHandler = handler)),
        send: vi.fn(),
      }
      windows.push(this)
      // As in Electron: creating a window creates its web contents, which main must guard.
      emit('web-contents-created', {}, this.webContents)
    }
    loadURL = vi.fn(async () => undefined)
    once = vi.fn((name: string, listener: Listener) => this.windowListeners.set(name, listener))
    on = vi.fn((name: string, listener: Listener) => this.windowListeners.set(name, listener))
    show = vi.fn()
    focus = vi.fn()
    restore = vi.fn()
    isMinimized = vi.fn(() => true)
    maximize = vi.fn()
    setFullScreen = vi.fn()
    isMaximized = vi.fn(() => false)
    isFullScreen = vi.fn(() => false)
    getNormalBounds = vi.fn(() => ({ x: 40, y: 30, width: 1000, height: 700 }))
  }
  const dialog = { showErrorBox: vi.fn() }
  const shell = { openExternal: vi.fn(async () => undefined) }
  const services = {
    catalog: { list: vi.fn() },
    query: { headline: vi.fn(), series: vi.fn(), observations: vi.fn() },
    imports: { grant: vi.fn(async (path: string, _via: string) => ({ fileId: 'f-1', name: path, size: 1 })) },
    workspace: { snapshots: { grant: vi.fn(async (_path: string) => undefined) } },
    close: vi.fn(async () => undefined),
  }
  const openServices = vi.fn(
    async (_options: { dataDir: string; events?: { emit: (e: string, p: unknown) => void } }) => services,
  )
  return {
    menus,
    Menu,
    screen,
    listeners,
    emit,
    app,
    ipcChannels,
    ipcMain,
    filters,
    session,
    protocol,
    windows,
    BrowserWindow,
    dialog,
    shell,
    services,
    openServices,
  }
})

vi.mock('electron', () => ({
  app: h.app,
  ipcMain: h.ipcMain,
  BrowserWindow: h.BrowserWindow,
  protocol: h.protocol,
  session: h.session,
  dialog: h.dialog,
  shell: h.shell,
  Menu: h.Menu,
  screen: h.screen,
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn() },
}))
vi.mock('../../../electron/services', () => ({ openServices: h.openServices }))

async function startMain() {
  const main = await import('../../../electron/main/index')
  await main.started
  return main
}

const appFrame = { senderFrame: { url: 'app://trade/index.html', parent: null } }

beforeEach(() => {
  vi.resetModules()
  vi.clearAllMocks()
  h.app.userData = mkdtempSync(path.join(tmpdir(), 'cte-main-'))
  h.menus.length = 0
  h.listeners.clear()
  h.ipcChannels.clear()
  h.filters.length = 0
  h.windows.length = 0
  h.app.requestSingleInstanceLock.mockReturnValue(true)
  h.openServices.mockImplementation(async () => h.services)
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
    expect([...h.ipcChannels.keys()].sort()).toEqual(
      [...methods.map((m) => `trade:${m}`), DROP_CHANNEL].sort(),
    )
    expect(h.ipcMain.handle).toHaveBeenCalledTimes(methods.length + 1)
  })

  it('registers the app:// scheme before ready, and serves it after', async () => {
    await startMain()
    expect(h.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1)
    const [[[scheme]]] = h.protocol.registerSchemesAsPrivileged.mock.calls as any
    expect(scheme).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } })
    expect(scheme.privileges.bypassCSP).toBeUndefined()
    expect(h.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      h.app.whenReady.mock.invocationCallOrder[0]!,
    )
    expect(h.app.enableSandbox).toHaveBeenCalled()
    expect(h.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    expect(h.app.setName).toHaveBeenCalledWith('China Trade Explorer')
  })

  it('installs the permission guards and the network filter on the default session', async () => {
    await startMain()
    const ses = h.session.defaultSession
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledTimes(1)
    expect(ses.setPermissionCheckHandler).toHaveBeenCalledTimes(1)
    expect(ses.setDevicePermissionHandler).toHaveBeenCalledTimes(1)
    expect(ses.setSpellCheckerEnabled).toHaveBeenCalledWith(false)
    const request = ses.setPermissionRequestHandler.mock.calls[0]![0] as Listener
    const callback = vi.fn()
    request({}, 'camera', callback, {})
    expect(callback).toHaveBeenCalledWith(false)
    expect(
      (ses.setPermissionCheckHandler.mock.calls[0]![0] as Listener)(
        null,
        'clipboard-read',
        'app://trade',
        {},
      ),
    ).toBe(false)

    expect(ses.webRequest.onBeforeRequest).toHaveBeenCalledWith(
      { urls: ['<all_urls>'] },
      expect.any(Function),
    )
    const decide = (url: string) => {
      const cb = vi.fn()
      h.filters[0]!({ url }, cb)
      return cb.mock.calls[0]![0]
    }
    expect(decide('https://fonts.googleapis.com/css2')).toEqual({ cancel: true })
    expect(decide('http://localhost:5173/')).toEqual({ cancel: true })
    expect(decide('app://trade/index.html')).toEqual({ cancel: false })
  })

  it('opens the services on <app path>/data in development', async () => {
    await startMain()
    expect(h.openServices).toHaveBeenCalledWith({
      dataDir: path.join('/repo', 'data'),
      events: expect.any(Object),
      userDataDir: h.app.userData,
      chooseFile: expect.any(Function),
      snapshotPlatform: {
        chooseSnapshotFile: expect.any(Function),
        chooseExportTarget: expect.any(Function),
        printPdf: expect.any(Function),
      },
    })
    expect(h.dialog.showErrorBox).not.toHaveBeenCalled()
  })

  it('sends service events to the app window on the event channel, validated', async () => {
    await startMain()
    const events = h.openServices.mock.calls[0]![0].events!
    const progress = { jobId: 'j1', file: 'a.csv', phase: 'reading', bytesRead: 1, totalBytes: 2, rows: 0 }
    events.emit('importProgress', progress)
    expect(h.windows[0].webContents.send).toHaveBeenCalledWith('trade-event:importProgress', progress)
    expect(() => events.emit('importProgress', { jobId: 'j1' })).toThrow()
  })

  it('creates one hardened window that loads app://trade/index.html and shows when ready', async () => {
    await startMain()
    expect(h.windows).toHaveLength(1)
    const [window] = h.windows
    const prefs = window.options.webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
    })
    expect(prefs.preload.endsWith(path.join('preload', 'index.cjs'))).toBe(true)
    expect(window.options).toMatchObject({
      show: false,
      title: 'China Trade Explorer',
      minWidth: 960,
      minHeight: 640,
    })
    expect(window.loadURL).toHaveBeenCalledWith('app://trade/index.html')
    window.windowListeners.get('ready-to-show')()
    expect(window.show).toHaveBeenCalled()
  })

  it('guards the window contents once: navigation away is refused, window.open denied, source links go to the browser', async () => {
    await startMain()
    const contents = h.windows[0].webContents
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1)
    expect(contents.listeners.get('will-navigate')).toHaveLength(1)
    const event = { url: 'file:///etc/passwd', preventDefault: vi.fn() }
    contents.listeners.get('will-navigate')[0](event, event.url)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(contents.openHandler({ url: 'https://www.reuters.com/a' })).toEqual({ action: 'deny' })
    expect(h.shell.openExternal).toHaveBeenCalledWith('https://www.reuters.com/a')
    expect(contents.openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(h.shell.openExternal).toHaveBeenCalledTimes(1)
  })

  it('refuses an untrusted sender with FORBIDDEN_SENDER', async () => {
    await startMain()
    for (const event of [
      { senderFrame: null },
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'app://trade/', parent: {} } },
    ]) {
      const answer = await h.ipcChannels.get(channelOf('listDatasets'))!(event, {})
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
      const answer = await h.ipcChannels.get(`trade:${method}`)!(appFrame, args)
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
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

  it('closes the services before quitting', async () => {
    await startMain()
    const event = { preventDefault: vi.fn() }
    h.emit('before-quit', event)
    expect(event.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(h.app.quit).toHaveBeenCalled())
    expect(h.services.close).toHaveBeenCalledTimes(1)
    // The second quit goes through.
    const again = { preventDefault: vi.fn() }
    h.emit('before-quit', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
    expect(h.services.close).toHaveBeenCalledTimes(1)
  })

  it('quits when every window is closed, and a second instance focuses the window', async () => {
    await startMain()
    h.emit('second-instance')
    expect(h.windows[0].restore).toHaveBeenCalled()
    expect(h.windows[0].focus).toHaveBeenCalled()
    h.emit('window-all-closed')
    expect(h.app.quit).toHaveBeenCalled()
  })
})

describe('main process failures', () => {
  it('shows an error box and quits when the services cannot open: never a blank window', async () => {
    h.openServices.mockRejectedValueOnce(new Error('data/catalog.json is missing'))
    await startMain()
    expect(h.dialog.showErrorBox).toHaveBeenCalledWith(
      expect.stringContaining('could not start'),
      'data/catalog.json is missing',
    )
    expect(h.app.quit).toHaveBeenCalled()
    expect(h.windows).toHaveLength(0)
    expect(h.ipcMain.handle).not.toHaveBeenCalled()
  })

  it('quits at once without the single-instance lock', async () => {
    h.app.requestSingleInstanceLock.mockReturnValue(false)
    await startMain()
    expect(h.app.quit).toHaveBeenCalled()
    expect(h.app.whenReady).not.toHaveBeenCalled()
    expect(h.openServices).not.toHaveBeenCalled()
    expect(h.windows).toHaveLength(0)
  })

  it('ignores a non-loopback ELECTRON_RENDERER_URL', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://evil.example:5173/')
    await startMain()
    expect(h.windows[0].loadURL).toHaveBeenCalledWith('app://trade/index.html')
  })

  it('loads the loopback dev server in development', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    await startMain()
    expect(h.windows[0].loadURL).toHaveBeenCalledWith('http://localhost:5173/')
  })
})

describe('desktop integration (menu, files from the OS, window state)', () => {
  const pageLoaded = (window: any) => {
    for (const listener of window.webContents.listeners.get('did-finish-load') ?? []) listener()
  }
  const commandsSent = (window: any) =>
    window.webContents.send.mock.calls
      .filter(([channel]: [string]) => channel === 'trade-event:command')
      .map(([, payload]: [string, unknown]) => payload)
  const findItem = (items: any[], id: string): any => {
    for (const item of items) {
      if (item.id === id) return item
      const inner = item.submenu ? findItem(item.submenu, id) : undefined
      if (inner) return inner
    }
    return undefined
  }

  it('installs the application menu; a menu command reaches the page as a command event once it has loaded', async () => {
    await startMain()
    expect(h.Menu.setApplicationMenu).toHaveBeenCalled()
    const template = h.menus.at(-1)!.template
    const open = findItem(template, 'openDataFile')
    expect(open).toMatchObject({ label: 'Open Data File…', accelerator: 'CmdOrCtrl+O', enabled: true })
    open.click()
    expect(commandsSent(h.windows[0])).toEqual([]) // queued: the page is not listening yet
    pageLoaded(h.windows[0])
    expect(commandsSent(h.windows[0])).toEqual([{ command: 'openDataFile' }])
    findItem(template, 'about').click()
    expect(commandsSent(h.windows[0])).toEqual([{ command: 'openDataFile' }, { command: 'about' }])
  })

  it('registers open-file before ready, and delivers a file opened before the window existed', async () => {
    const snapshot = path.join(h.app.userData, 'trade view.ctesnap')
    writeFileSync(snapshot, '{}')
    let ready!: () => void
    h.app.whenReady.mockImplementationOnce(() => new Promise<void>((resolve) => (ready = resolve)))
    const main = await import('../../../electron/main/index')
    // macOS fires open-file as the app launches, before ready.
    const openFile = h.app.on.mock.calls.find(([name]) => name === 'open-file')
    expect(openFile).toBeDefined()
    expect(h.app.on.mock.invocationCallOrder[h.app.on.mock.calls.indexOf(openFile!)]).toBeLessThan(
      h.app.whenReady.mock.invocationCallOrder[0] ?? Infinity,
    )
    const event = { preventDefault: vi.fn() }
    openFile![1](event, snapshot)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(h.windows).toHaveLength(0)
    ready()
    await main.started
    await vi.waitFor(() => expect(h.app.addRecentDocument).toHaveBeenCalledWith(snapshot))
    pageLoaded(h.windows[0])
    expect(commandsSent(h.windows[0])).toEqual([{ command: 'openSnapshot', path: snapshot }])
  })

  it('a second launch with a file focuses the window, opens the file and lists it under Open Recent', async () => {
    await startMain()
    expect(h.dialog.showErrorBox.mock.calls).toEqual([])
    pageLoaded(h.windows[0])
    const dataFile = path.join(h.app.userData, 'exports.csv')
    writeFileSync(dataFile, 'a,b\n1,2\n')
    const argv = [
      'C:\\Program Files\\China Trade Explorer\\China Trade Explorer.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13372036854775807',
      'exports.csv',
    ]
    h.emit('second-instance', {}, argv, h.app.userData)
    expect(h.windows[0].focus).toHaveBeenCalled()
    await vi.waitFor(() => expect(commandsSent(h.windows[0])).toEqual([{ command: 'openDataFile' }]))
    expect(h.app.addRecentDocument).toHaveBeenCalledWith(dataFile)
    expect(h.services.imports.grant).toHaveBeenCalledWith(dataFile, 'open-with')
    await vi.waitFor(() =>
      expect(findItem(h.menus.at(-1)!.template, 'recent-0')).toMatchObject({ label: 'exports.csv' }),
    )
    const saved = JSON.parse(readFileSync(path.join(h.app.userData, 'recent-files.json'), 'utf8'))
    expect(saved.files).toEqual([dataFile])

    // Clear Recent empties our list and the OS one.
    findItem(h.menus.at(-1)!.template, 'clearRecent').click()
    await vi.waitFor(() => expect(h.app.clearRecentDocuments).toHaveBeenCalled())
    await vi.waitFor(() => expect(findItem(h.menus.at(-1)!.template, 'recent-none')).toBeDefined())
  })

  it('a dropped .ctesnap opens as a snapshot (granted, then the openSnapshot command); a dropped data file goes to the importer', async () => {
    await startMain()
    pageLoaded(h.windows[0])
    const snapshot = path.join(h.app.userData, 'busan.ctesnap')
    const csv = path.join(h.app.userData, 'exports.csv')
    writeFileSync(snapshot, '{}')
    writeFileSync(csv, 'a,b\n1,2\n')
    expect(await h.ipcChannels.get(DROP_CHANNEL)!(appFrame, [snapshot, csv])).toBe(2)
    expect(h.services.workspace.snapshots.grant).toHaveBeenCalledWith(snapshot)
    expect(h.services.imports.grant).toHaveBeenCalledWith(csv, 'drop')
    expect(h.services.imports.grant).not.toHaveBeenCalledWith(snapshot, expect.anything())
    await vi.waitFor(() =>
      expect(commandsSent(h.windows[0])).toEqual([{ command: 'openSnapshot', path: snapshot }]),
    )
  })

  it('PDF export prints the print page in a hidden window with the main window’s hardened options', async () => {
    await startMain()
    const options = h.openServices.mock.calls[0]![0] as {
      snapshotPlatform?: { printPdf?: (id: string) => Promise<Uint8Array> }
    }
    const printPdf = options.snapshotPlatform!.printPdf!
    const printing = printPdf('s-abcd-1234')
    const window = h.windows.at(-1)
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    })
    expect(window.loadURL).toHaveBeenCalledWith('app://trade/index.html#/print/snapshot/s-abcd-1234')
    window.webContents.executeJavaScript = vi.fn(async () => true)
    window.webContents.printToPDF = vi.fn(async () => Buffer.from('%PDF'))
    window.destroy = vi.fn()
    expect((await printing).toString()).toBe('%PDF')
    expect(window.destroy).toHaveBeenCalled()
  })

  it('ignores a second launch without files (just focuses)', async () => {
    await startMain()
    pageLoaded(h.windows[0])
    h.emit(
      'second-instance',
      {},
      ['/opt/China Trade Explorer/china-trade-explorer', '--no-sandbox', '.'],
      '/home/user',
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(commandsSent(h.windows[0])).toEqual([])
    expect(h.app.addRecentDocument).not.toHaveBeenCalled()
  })

  it('remembers the window bounds on close and reopens there, maximised if it was', async () => {
    await startMain()
    const window = h.windows[0]
    window.isMaximized.mockReturnValue(true)
    window.windowListeners.get('close')()
    const file = path.join(h.app.userData, 'window-state.json')
    expect(existsSync(file)).toBe(true)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      bounds: { x: 40, y: 30, width: 1000, height: 700 },
      maximized: true,
      fullScreen: false,
    })

    // A new run of the app, same user-data folder.
    vi.resetModules()
    h.windows.length = 0
    h.ipcChannels.clear()
    await startMain()
    expect(h.dialog.showErrorBox.mock.calls).toEqual([])
    expect(h.windows[0].options).toMatchObject({ x: 40, y: 30, width: 1000, height: 700 })
    h.windows[0].windowListeners.get('ready-to-show')()
    expect(h.windows[0].maximize).toHaveBeenCalled()
  })
})
