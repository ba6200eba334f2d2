/**
 * The one fake Electron for unit tests of `electron/main` and `electron/preload` (the real binary cannot
 * run on our machines; the real-Electron suite is `tests/electron/`). Every piece is typed against
 * Electron's own definitions (`implements Pick<Electron.X, …>`, events built as `Electron.Event<…Params>`),
 * so an API change in a new Electron breaks the type check here rather than silently passing.
 *
 * Where tests depend on Electron's behaviour, the fake behaves as Electron does:
 * - `ipcMain.handle` twice on one channel throws (Electron's own message); invoking a channel with no
 *   handler rejects; arguments and answers are structured-cloned like real IPC.
 * - The preload's `ipcRenderer.invoke` reaches the main-process handler through that same fake, with a
 *   `senderFrame` that is the page's frame (whose URL tests can change: a foreign or sub frame).
 * - Navigation emits `will-navigate` (main frame) then `will-frame-navigate` with ONE details object
 *   (`Electron.Event<WebContentsWillFrameNavigateEventParams>`), and stops at the first preventDefault.
 * - `protocol.handle` registers a real `(Request) => Response` handler; `loadURL` and `fetch` go
 *   through it with a real `Request`, after the session's `webRequest.onBeforeRequest` filter (a cancelled
 *   request rejects with ERR_BLOCKED_BY_CLIENT, as `loadURL` does).
 * - `webContents.getLastWebPreferences()` answers the EFFECTIVE preferences: Electron's documented
 *   defaults with the window's options on top (e.g. `webSecurity: false` turns on insecure content).
 * - `webUtils.getPathForFile` knows the path of files "dropped from disk" and answers '' for a File the
 *   page built itself; it throws for anything that is not a File.
 * - `utilityProcess.fork` starts a real Node child (`child_process.fork`) whose module sees
 *   `process.parentPort` as in a utility process.
 *
 * Use: in the test file, `const h = vi.hoisted(() => ({ electron: undefined as unknown as FakeElectron }))`,
 * `vi.mock('electron', async () => (await import('../../support/fakeElectron')).electronModule(() => h.electron))`
 * and `h.electron = createFakeElectron()` before each test. Modules that take Electron objects as
 * parameters get the fake's objects directly.
 */
import { fork as forkChild, type ChildProcess } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { constants as osConstants } from 'node:os'
import { fileURLToPath } from 'node:url'
import type {
  App,
  BrowserWindowConstructorOptions,
  CallbackResponse,
  ContextBridge,
  CustomScheme,
  Dialog,
  ForkOptions,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  IpcRenderer,
  IpcRendererEvent,
  Menu,
  MenuItemConstructorOptions,
  OnBeforeRequestListenerDetails,
  MessageBoxOptions,
  MessageBoxReturnValue,
  OpenDialogOptions,
  OpenDialogReturnValue,
  PrintToPDFOptions,
  Protocol,
  Rectangle,
  SaveDialogOptions,
  SaveDialogReturnValue,
  Screen,
  Session,
  Shell,
  UtilityProcess,
  WebContents,
  WebContentsWillFrameNavigateEventParams,
  WebContentsWillNavigateEventParams,
  WebContentsWillRedirectEventParams,
  WebFrameMain,
  WebPreferences,
  WebUtils,
  WindowOpenHandlerResponse,
  Event as ElectronEvent,
} from 'electron'

/** An Electron event object: `preventDefault()` sets `defaultPrevented`, plus the event's own params. */
export function electronEvent<P extends object>(params: P): ElectronEvent<P> {
  let prevented = false
  return Object.assign(
    {
      preventDefault: () => {
        prevented = true
      },
      get defaultPrevented() {
        return prevented
      },
    },
    params,
  )
}

// ---------------------------------------------------------------------------------------------------
// Frames

/** A frame as our code reads it (`url`, `parent`, `top`, `origin`). */
export class FakeFrame implements Pick<WebFrameMain, 'url' | 'origin' | 'detached' | 'isDestroyed'> {
  destroyed = false
  detached = false
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
  get origin(): string {
    try {
      return new URL(this.url).origin
    } catch {
      return 'null'
    }
  }
  get top(): FakeFrame {
    return this.parent ? this.parent.top : this
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** The frame where Electron's API hands a WebFrameMain (only the fields above are ever read). */
  asWebFrameMain(): WebFrameMain {
    return this as unknown as WebFrameMain
  }
}

// ---------------------------------------------------------------------------------------------------
// IPC

/** Electron's ipcMain: one handler per channel; a second `handle` throws. */
export class FakeIpcMain
  extends EventEmitter
  implements Pick<IpcMain, 'handle' | 'handleOnce' | 'removeHandler'>
{
  private readonly handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: any[]) => unknown>()

  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: any[]) => unknown): void {
    // Electron's own wording (lib/browser/ipc-main-impl.ts).
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }

  handleOnce(channel: string, listener: (event: IpcMainInvokeEvent, ...args: any[]) => unknown): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel)
      return listener(event, ...args)
    })
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  channels(): string[] {
    return [...this.handlers.keys()]
  }

  /**
   * What a renderer's `ipcRenderer.invoke(channel, ...args)` does: arguments and the answer are
   * structured-cloned (functions and class instances do not survive), a missing handler or a throwing
   * one rejects with Electron's wording.
   */
  async invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler)
      throw new Error(
        `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
      )
    let answer: unknown
    try {
      answer = await handler(event, ...structuredClone(args))
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error })
    }
    return structuredClone(answer)
  }
}

/** The IpcMainInvokeEvent main sees for a call from `frame` of `contents`. */
export function invokeEvent(frame: FakeFrame | null, contents?: FakeWebContents): IpcMainInvokeEvent {
  return {
    ...electronEvent({}),
    type: 'frame',
    frameId: 1,
    processId: 1,
    sender: (contents ?? null) as unknown as WebContents,
    senderFrame: frame?.destroyed ? null : (frame?.asWebFrameMain() ?? null),
  }
}

/**
 * The preload's ipcRenderer: `invoke` reaches the fake ipcMain as a call from `frame` (the page the
 * preload runs in); main-to-page messages arrive with `deliver` and reach the `on` listeners with an
 * IpcRendererEvent first, as in Electron.
 */
export class FakeIpcRenderer extends EventEmitter implements IpcRenderer {
  readonly sent: Array<{ channel: string; args: unknown[] }> = []
  readonly invoked: Array<{ channel: string; args: unknown[] }> = []

  constructor(
    private readonly ipcMain: FakeIpcMain,
    readonly frame: FakeFrame,
  ) {
    super()
  }

  invoke(channel: string, ...args: any[]): Promise<any> {
    this.invoked.push({ channel, args })
    return this.ipcMain.invoke(channel, invokeEvent(this.frame), ...args)
  }

  // The preload never sends on its own: these are recorded, and a test asserts there are none.
  send(channel: string, ...args: any[]): void {
    this.sent.push({ channel, args })
  }
  sendSync(channel: string, ...args: any[]): any {
    this.sent.push({ channel, args })
  }
  sendToHost(channel: string, ...args: any[]): void {
    this.sent.push({ channel, args })
  }
  postMessage(channel: string, message: any): void {
    this.sent.push({ channel, args: [message] })
  }

  /** Main's `webContents.send(channel, payload)` arriving in this renderer. */
  deliver(channel: string, ...args: unknown[]): void {
    const event = { sender: this, senderId: 0, ports: [] } as unknown as IpcRendererEvent
    this.emit(channel, event, ...structuredClone(args))
  }
}

/** contextBridge: what the preload exposed, by key. A key exposed twice throws, as in Electron. */
export class FakeContextBridge implements Pick<ContextBridge, 'exposeInMainWorld'> {
  readonly mainWorld: Record<string, unknown> = {}
  exposeInMainWorld(apiKey: string, api: any): void {
    if (apiKey in this.mainWorld)
      throw new Error(`Cannot bind an API on top of an existing property on the window object`)
    this.mainWorld[apiKey] = api
  }
}

/** webUtils: only files "from disk" (made with `fileFromDisk`) have a path. */
export class FakeWebUtils implements WebUtils {
  private readonly paths = new WeakMap<File, string>()
  fileFromDisk(path: string, contents = ''): File {
    const file = new File([contents], path.split(/[\\/]/).pop() ?? path)
    this.paths.set(file, path)
    return file
  }
  getPathForFile(file: File): string {
    if (!(file instanceof File)) throw new TypeError('getPathForFile expects a File')
    return this.paths.get(file) ?? ''
  }
}

// ---------------------------------------------------------------------------------------------------
// Session, protocol

type BeforeRequestListener = (
  details: OnBeforeRequestListenerDetails,
  callback: (response: CallbackResponse) => void,
) => void

export class FakeWebRequest implements Pick<Session['webRequest'], 'onBeforeRequest'> {
  listener: BeforeRequestListener | null = null
  filter: { urls: string[] } | null = null
  onBeforeRequest(...args: any[]): void {
    // Electron accepts (listener) or (filter, listener); a second call replaces the first.
    const [filter, listener] = args.length === 1 ? [null, args[0]] : args
    this.filter = filter
    this.listener = listener
  }
}

export class FakeSession implements Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setSpellCheckerEnabled'
  | 'isSpellCheckerEnabled'
> {
  readonly webRequest = new FakeWebRequest()
  permissionRequestHandler: Parameters<Session['setPermissionRequestHandler']>[0] = null
  permissionCheckHandler: Parameters<Session['setPermissionCheckHandler']>[0] = null
  devicePermissionHandler: Parameters<Session['setDevicePermissionHandler']>[0] = null
  private spellChecker = true

  setPermissionRequestHandler(handler: Parameters<Session['setPermissionRequestHandler']>[0]): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: Parameters<Session['setPermissionCheckHandler']>[0]): void {
    this.permissionCheckHandler = handler
  }
  setDevicePermissionHandler(handler: Parameters<Session['setDevicePermissionHandler']>[0]): void {
    this.devicePermissionHandler = handler
  }
  setSpellCheckerEnabled(enable: boolean): void {
    this.spellChecker = enable
  }
  isSpellCheckerEnabled(): boolean {
    return this.spellChecker
  }

  /** Would Electron let this request out? Runs the onBeforeRequest listener with a real callback. */
  async allows(url: string, resourceType: 'mainFrame' | 'script' | 'xhr' = 'xhr'): Promise<boolean> {
    const listener = this.webRequest.listener
    if (!listener) return true
    const details = {
      id: 1,
      url,
      method: 'GET',
      resourceType,
      referrer: '',
      timestamp: Date.now(),
      uploadData: [],
    }
    return new Promise<boolean>((resolve) =>
      listener(details as never, (response) => resolve(!response.cancel && !response.redirectURL)),
    )
  }

  /** A permission request from `url`: what the installed handler answers (Electron grants by default). */
  async requestPermission(permission: string, url: string): Promise<boolean> {
    const handler = this.permissionRequestHandler
    if (!handler) return true
    return new Promise<boolean>((resolve) =>
      handler(null as never, permission as never, resolve, {
        requestingUrl: url,
        isMainFrame: true,
      } as never),
    )
  }

  checkPermission(permission: string, origin: string): boolean {
    const handler = this.permissionCheckHandler
    if (!handler) return true
    return handler(null, permission as never, origin, { requestingUrl: origin, isMainFrame: true } as never)
  }
}

export class FakeProtocol implements Pick<
  Protocol,
  'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'
> {
  readonly privileged: CustomScheme[] = []
  private readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>()

  constructor(private readonly app: FakeApp) {}

  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    // Electron: "protocol.registerSchemesAsPrivileged should be called before app is ready".
    if (this.app.isReady())
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    this.privileged.push(...customSchemes)
  }

  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (!this.app.isReady()) throw new Error('protocol.handle must be called after the app is ready')
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
    this.handlers.set(scheme, handler)
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme)
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme)
  }

  /**
   * The response the scheme's handler gives `request` (a URL becomes a real Request; a Request-shaped
   * object passes as is, for the raw spellings Chromium can hand over); undefined if the scheme has no
   * handler.
   */
  async fetch(request: string | Request, init?: RequestInit): Promise<Response | undefined> {
    const url = typeof request === 'string' ? request : request.url
    const handler = this.handlers.get(url.slice(0, url.indexOf(':')))
    if (!handler) return undefined
    return await handler(typeof request === 'string' ? new Request(request, init) : request)
  }
}

// ---------------------------------------------------------------------------------------------------
// Windows

/** Electron's defaults for the preferences we harden (docs: BrowserWindow, webPreferences). */
function effectivePreferences(given: WebPreferences = {}): WebPreferences {
  const nodeIntegration = given.nodeIntegration ?? false
  const webSecurity = given.webSecurity ?? true
  return {
    javascript: true,
    images: true,
    devTools: true,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    navigateOnDragDrop: false,
    safeDialogs: false,
    spellcheck: true,
    contextIsolation: true,
    ...given,
    nodeIntegration,
    webSecurity,
    // Since Electron 20 renderers are sandboxed unless Node integration is on.
    sandbox: given.sandbox ?? !nodeIntegration,
    // "webSecurity: false … will also set allowRunningInsecureContent to true if not set by the user".
    allowRunningInsecureContent: given.allowRunningInsecureContent ?? !webSecurity,
  }
}

let nextContentsId = 1

export class FakeWebContents
  extends EventEmitter
  implements Pick<WebContents, 'id' | 'setWindowOpenHandler' | 'send' | 'getURL' | 'isDestroyed'>
{
  readonly id = nextContentsId++
  readonly mainFrame: FakeFrame
  readonly sentToPage: Array<{ channel: string; args: unknown[] }> = []
  /** Replace to script what the page answers (`executeJavaScript`) or prints (`printToPDF`). */
  executeJavaScript: (code: string, userGesture?: boolean) => Promise<unknown> = async () => undefined
  printToPDF: (options: PrintToPDFOptions) => Promise<Buffer> = async () => Buffer.from('%PDF-1.7\n%%EOF\n')
  lastResponse: Response | undefined
  private openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null
  private destroyed = false

  constructor(
    private readonly electron: FakeElectron,
    private readonly preferences: WebPreferences,
  ) {
    super()
    this.mainFrame = new FakeFrame('')
  }

  /** Where Electron's API takes a WebContents (its `on` returns the fake, not a full WebContents). */
  asWebContents(): WebContents {
    return this as unknown as WebContents
  }

  /** The effective webPreferences, as Electron's (undocumented) `getLastWebPreferences` reports them. */
  getLastWebPreferences(): WebPreferences {
    return { ...this.preferences }
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler
  }

  /** `window.open(url)` in the page: the handler's decision ('allow' when none is set, as in Electron). */
  openWindow(url: string): WindowOpenHandlerResponse['action'] {
    if (!this.openHandler) return 'allow'
    const details: HandlerDetails = {
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: this.mainFrame.url, policy: 'strict-origin-when-cross-origin' },
    }
    return this.openHandler(details).action
  }

  /**
   * A renderer-initiated navigation (link click, `location = …`) of the main frame or a subframe:
   * `will-navigate` (main frame only) then `will-frame-navigate`, each stopping it when prevented.
   * Returns whether the navigation went ahead.
   */
  navigate(url: string, frame: FakeFrame = this.mainFrame): boolean {
    const isMainFrame = frame === this.mainFrame
    if (isMainFrame) {
      const details = electronEvent<WebContentsWillNavigateEventParams>({
        url,
        isSameDocument: false,
        isMainFrame,
        frame: frame.asWebFrameMain(),
        initiator: frame.asWebFrameMain(),
      })
      this.emit('will-navigate', details, url, false, isMainFrame, 1, 1)
      if (details.defaultPrevented) return false
    }
    const details = electronEvent<WebContentsWillFrameNavigateEventParams>({
      url,
      isSameDocument: false,
      isMainFrame,
      frame: frame.asWebFrameMain(),
      initiator: frame.asWebFrameMain(),
    })
    this.emit('will-frame-navigate', details)
    if (details.defaultPrevented) return false
    frame.url = url
    return true
  }

  /** A server redirect during a navigation; returns whether it was followed. */
  redirect(url: string): boolean {
    const details = electronEvent<WebContentsWillRedirectEventParams>({
      url,
      isSameDocument: false,
      isMainFrame: true,
      frame: this.mainFrame.asWebFrameMain(),
      initiator: null,
    })
    this.emit('will-redirect', details, url, false, true, 1, 1)
    return !details.defaultPrevented
  }

  /** A `<webview>` about to attach; returns whether it was allowed. */
  attachWebview(src: string): boolean {
    const event = electronEvent({})
    const webPreferences: WebPreferences = {}
    this.emit('will-attach-webview', event, webPreferences, { src })
    return !event.defaultPrevented
  }

  /**
   * Electron's `loadURL`: the session's request filter first (a cancelled load rejects), then the
   * scheme's protocol handler with a real Request; the main frame is at `url` afterwards.
   */
  async loadURL(url: string): Promise<void> {
    this.emit('did-start-loading')
    if (!(await this.electron.session.defaultSession.allows(url, 'mainFrame')))
      throw new Error(`ERR_BLOCKED_BY_CLIENT (-20) loading '${url}'`)
    this.lastResponse = await this.electron.protocol.fetch(url)
    this.mainFrame.url = url
  }

  /** The page finished loading (Electron emits this once the document and its subresources are in). */
  finishLoad(): void {
    this.emit('did-finish-load')
  }

  getURL(): string {
    return this.mainFrame.url
  }

  send(channel: string, ...args: any[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.sentToPage.push({ channel, args: structuredClone(args) })
  }

  /** What was sent on `channel`, payloads only. */
  sentOn(channel: string): unknown[] {
    return this.sentToPage.filter((m) => m.channel === channel).map((m) => m.args[0])
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  destroy(): void {
    this.destroyed = true
    this.mainFrame.destroyed = true
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents
  private shown = false
  private minimized = false
  private maximized = false
  private fullScreen = false
  private destroyed = false
  private bounds: Rectangle
  focused = false

  constructor(
    private readonly electron: FakeElectron,
    readonly options: BrowserWindowConstructorOptions = {},
  ) {
    super()
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    }
    this.webContents = new FakeWebContents(electron, effectivePreferences(options.webPreferences))
    electron.windows.push(this)
    // As in Electron: a window's web contents is announced before the constructor returns.
    electron.app.emit('web-contents-created', electronEvent({}), this.webContents)
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  /** The page has painted once (`ready-to-show`). */
  readyToShow(): void {
    this.emit('ready-to-show')
  }
  show(): void {
    this.shown = true
    this.minimized = false
  }
  isVisible(): boolean {
    return this.shown && !this.destroyed
  }
  focus(): void {
    this.focused = true
  }
  minimize(): void {
    this.minimized = true
  }
  restore(): void {
    this.minimized = false
  }
  isMinimized(): boolean {
    return this.minimized
  }
  maximize(): void {
    this.maximized = true
  }
  isMaximized(): boolean {
    return this.maximized
  }
  setFullScreen(flag: boolean): void {
    this.fullScreen = flag
  }
  isFullScreen(): boolean {
    return this.fullScreen
  }
  getNormalBounds(): Rectangle {
    return { ...this.bounds }
  }
  setBounds(bounds: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds }
  }
  /** The user closes the window: `close`, then `closed`, then `window-all-closed` if it was the last. */
  close(): void {
    const event = electronEvent({})
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroy()
  }
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.webContents.destroy()
    this.emit('closed')
    const windows = this.electron.windows
    windows.splice(windows.indexOf(this), 1)
    if (windows.length === 0) this.electron.app.emit('window-all-closed')
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

// ---------------------------------------------------------------------------------------------------
// App, menus, dialogs, shell, screen

export class FakeApp
  extends EventEmitter
  implements
    Pick<
      App,
      | 'setName'
      | 'getName'
      | 'getLocale'
      | 'requestSingleInstanceLock'
      | 'enableSandbox'
      | 'whenReady'
      | 'isReady'
      | 'quit'
      | 'getAppPath'
      | 'getPath'
      | 'addRecentDocument'
      | 'clearRecentDocuments'
    >
{
  isPackaged = false
  /** False: another instance holds the single-instance lock. */
  gotLock = true
  readonly recentDocuments: string[] = []
  quitRequests = 0
  sandboxed = false
  /** The OS's language as Chromium reports it (app.getLocale()): 'en-US', 'zh-CN', 'zh-TW'… */
  locale = 'en-US'
  private name = 'Electron'
  private ready = false
  private readyPromise: Promise<void>
  private resolveReady!: () => void

  constructor(
    private readonly appPath: string,
    private readonly userData: string,
  ) {
    super()
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve))
  }

  setName(name: string): void {
    this.name = name
  }
  getName(): string {
    return this.name
  }
  getLocale(): string {
    return this.locale
  }
  requestSingleInstanceLock(): boolean {
    return this.gotLock
  }
  enableSandbox(): void {
    // Electron: "app.enableSandbox() can only be called before app is ready".
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready')
    this.sandboxed = true
  }
  /** Electron is ready: `will-finish-launching` has passed, `ready` fires, `whenReady()` resolves. */
  becomeReady(): void {
    if (this.ready) return
    this.ready = true
    this.emit('ready', electronEvent({}), {})
    this.resolveReady()
  }
  whenReady(): Promise<void> {
    return this.readyPromise
  }
  isReady(): boolean {
    return this.ready
  }
  /** As Electron: `before-quit` (cancellable), then, unless prevented, `will-quit` and `quit`. */
  quit(): void {
    this.quitRequests += 1
    const event = electronEvent({})
    this.emit('before-quit', event)
    if (event.defaultPrevented) return
    const willQuit = electronEvent({})
    this.emit('will-quit', willQuit)
    if (!willQuit.defaultPrevented) this.emit('quit', electronEvent({}), 0)
  }
  getAppPath(): string {
    return this.appPath
  }
  getPath(_name: Parameters<App['getPath']>[0]): string {
    return this.userData
  }
  /** The OS list: most recent last; a document added again moves to the end (no duplicates). */
  addRecentDocument(path: string): void {
    const at = this.recentDocuments.indexOf(path)
    if (at >= 0) this.recentDocuments.splice(at, 1)
    this.recentDocuments.push(path)
  }
  clearRecentDocuments(): void {
    this.recentDocuments.length = 0
  }
}

/** A built menu: the template it was built from. */
export interface FakeBuiltMenu {
  template: MenuItemConstructorOptions[]
}

export class FakeMenu {
  applicationMenu: FakeBuiltMenu | null = null
  buildFromTemplate(template: Array<MenuItemConstructorOptions>): Menu {
    return { template } as FakeBuiltMenu as unknown as Menu
  }
  setApplicationMenu(menu: Menu | null): void {
    this.applicationMenu = menu as unknown as FakeBuiltMenu | null
  }
  /** The item with `id` in the current application menu, searched through submenus. */
  item(id: string): MenuItemConstructorOptions | undefined {
    const walk = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined => {
      for (const item of items) {
        if (item.id === id) return item
        const inner = Array.isArray(item.submenu) ? walk(item.submenu) : undefined
        if (inner) return inner
      }
      return undefined
    }
    return this.applicationMenu ? walk(this.applicationMenu.template) : undefined
  }
}
// Type check: the fake Menu has the static methods our code calls, with Electron's signatures.
const _menuShape: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'> = new FakeMenu()
void _menuShape

export class FakeDialog implements Pick<Dialog, 'showErrorBox'> {
  readonly errorBoxes: Array<{ title: string; content: string }> = []
  /** What the next open/save dialog answers; cancelled by default. */
  openAnswer: OpenDialogReturnValue = { canceled: true, filePaths: [] }
  saveAnswer: SaveDialogReturnValue = { canceled: true, filePath: '' }
  readonly opened: OpenDialogOptions[] = []
  readonly saved: SaveDialogOptions[] = []
  /** The button the next message box answers with (its cancelId when unset, as Escape would). */
  messageAnswer: number | undefined = undefined
  /** Every message box shown, and whether it had a parent window (a modal sheet on macOS). */
  readonly messages: Array<{ options: MessageBoxOptions; parented: boolean }> = []

  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content })
  }
  async showOpenDialog(
    ...args: [unknown, OpenDialogOptions] | [OpenDialogOptions]
  ): Promise<OpenDialogReturnValue> {
    this.opened.push(args.at(-1) as OpenDialogOptions)
    return this.openAnswer
  }
  async showSaveDialog(
    ...args: [unknown, SaveDialogOptions] | [SaveDialogOptions]
  ): Promise<SaveDialogReturnValue> {
    this.saved.push(args.at(-1) as SaveDialogOptions)
    return this.saveAnswer
  }
  async showMessageBox(
    ...args: [unknown, MessageBoxOptions] | [MessageBoxOptions]
  ): Promise<MessageBoxReturnValue> {
    const options = args.at(-1) as MessageBoxOptions
    this.messages.push({ options, parented: args.length === 2 })
    const response = this.messageAnswer ?? options.cancelId ?? 0
    return { response, checkboxChecked: false }
  }
}
const _dialogShape: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'> = new FakeDialog()
void _dialogShape

export class FakeShell implements Pick<Shell, 'openExternal'> {
  readonly opened: string[] = []
  async openExternal(url: string): Promise<void> {
    this.opened.push(url)
  }
}

export class FakeScreen implements Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'> {
  workAreas: Rectangle[] = [{ x: 0, y: 0, width: 1920, height: 1040 }]
  getAllDisplays(): ReturnType<Screen['getAllDisplays']> {
    return this.workAreas.map((workArea) => ({ workArea }) as ReturnType<Screen['getPrimaryDisplay']>)
  }
  getPrimaryDisplay(): ReturnType<Screen['getPrimaryDisplay']> {
    return this.getAllDisplays()[0]!
  }
}

// ---------------------------------------------------------------------------------------------------
// utilityProcess

const CHILD_BOOTSTRAP = fileURLToPath(new URL('./utilityChild.mjs', import.meta.url))

/**
 * A utility process backed by a real Node child: `postMessage` crosses a real process boundary, the
 * child's module sees `process.parentPort` (messages arrive as `{ data }`), a crash or `kill()` ends it
 * with an `exit` event carrying a non-zero code, as Electron's UtilityProcess does.
 */
export class FakeUtilityProcess
  extends EventEmitter
  implements Pick<UtilityProcess, 'postMessage' | 'kill' | 'pid' | 'stdout' | 'stderr'>
{
  readonly child: ChildProcess
  pid: number | undefined
  stdout: NodeJS.ReadableStream | null
  stderr: NodeJS.ReadableStream | null

  constructor(modulePath: string, args: string[] = [], options: ForkOptions = {}) {
    super()
    const piped = options.stdio === 'pipe' || (Array.isArray(options.stdio) && options.stdio.includes('pipe'))
    this.child = forkChild(CHILD_BOOTSTRAP, [modulePath, ...args], {
      cwd: options.cwd,
      env: { ...(options.env ?? process.env) } as NodeJS.ProcessEnv,
      // TypeScript modules run through tsx, as the rest of the tests do.
      execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
      stdio: piped ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    })
    this.pid = undefined
    this.stdout = this.child.stdout
    this.stderr = this.child.stderr
    this.child.once('spawn', () => {
      this.pid = this.child.pid
      this.emit('spawn')
    })
    this.child.on('message', (message) => this.emit('message', message))
    this.child.once('exit', (code, signal) => {
      this.pid = undefined
      // Electron reports the wait status code; a signal-killed child is non-zero (128 + signal number).
      this.emit('exit', code ?? 128 + (signal ? (osConstants.signals[signal] ?? 0) : 1))
    })
  }

  postMessage(message: any): void {
    if (!this.child.connected) throw new Error('Cannot post a message to a utility process that has exited')
    this.child.send(message)
  }

  kill(): boolean {
    return this.child.kill()
  }
}

export const fakeUtilityProcess = {
  fork(modulePath: string, args?: string[], options?: ForkOptions): FakeUtilityProcess {
    return new FakeUtilityProcess(modulePath, args, options)
  },
}

// ---------------------------------------------------------------------------------------------------
// Everything together

export interface FakeElectronOptions {
  /** `app.getAppPath()` (default: the process's working directory). */
  appPath?: string
  /** `app.getPath(any)`: give each test its own folder. */
  userData?: string
  /** The URL of the page the preload runs in (default: the app's own main frame). */
  pageUrl?: string
}

export class FakeElectron {
  readonly windows: FakeBrowserWindow[] = []
  readonly app: FakeApp
  readonly ipcMain = new FakeIpcMain()
  readonly protocol: FakeProtocol
  readonly session = { defaultSession: new FakeSession() }
  readonly dialog = new FakeDialog()
  readonly shell = new FakeShell()
  readonly Menu = new FakeMenu()
  readonly screen = new FakeScreen()
  readonly contextBridge = new FakeContextBridge()
  readonly webUtils = new FakeWebUtils()
  readonly utilityProcess = fakeUtilityProcess
  /** The page's `window` as the preload sees it (events only: drag and drop). */
  readonly pageWindow = new EventTarget()
  /** The page frame the preload runs in: change its `url`/`parent` to play a foreign or sub frame. */
  readonly pageFrame: FakeFrame
  readonly ipcRenderer: FakeIpcRenderer
  readonly BrowserWindow: new (options?: BrowserWindowConstructorOptions) => FakeBrowserWindow

  constructor(options: FakeElectronOptions = {}) {
    this.app = new FakeApp(options.appPath ?? process.cwd(), options.userData ?? process.cwd())
    this.protocol = new FakeProtocol(this.app)
    this.pageFrame = new FakeFrame(options.pageUrl ?? 'app://trade/index.html')
    this.ipcRenderer = new FakeIpcRenderer(this.ipcMain, this.pageFrame)
    // The window class below is made per fake and must reach this fake from its constructor.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const electron = this
    this.BrowserWindow = class extends FakeBrowserWindow {
      constructor(windowOptions?: BrowserWindowConstructorOptions) {
        super(electron, windowOptions)
      }
      static getAllWindows(): FakeBrowserWindow[] {
        return [...electron.windows]
      }
    }
  }
}

/**
 * The user drops `files` on the page: a cancellable `drop` event with a `dataTransfer.files` list,
 * dispatched on the page's window. Returns the event (was the default, opening the file, prevented?).
 */
export function dropOn(target: EventTarget, files: File[]): Event {
  const event = new Event('drop', { cancelable: true })
  Object.defineProperty(event, 'dataTransfer', { value: { files, types: ['Files'] } })
  target.dispatchEvent(event)
  return event
}

export function createFakeElectron(options: FakeElectronOptions = {}): FakeElectron {
  return new FakeElectron(options)
}

/**
 * The module `vi.mock('electron', …)` answers: every export reads the CURRENT fake (tests create a new
 * one per test and re-import the code under test).
 */
export function electronModule(current: () => FakeElectron): Record<string, unknown> {
  const names = [
    'app',
    'ipcMain',
    'protocol',
    'session',
    'dialog',
    'shell',
    'Menu',
    'screen',
    'contextBridge',
    'webUtils',
    'utilityProcess',
    'ipcRenderer',
    'BrowserWindow',
  ] as const
  const module: Record<string, unknown> = {}
  for (const name of names)
    Object.defineProperty(module, name, { enumerable: true, get: () => current()[name] })
  return module
}
