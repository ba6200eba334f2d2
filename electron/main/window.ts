/**
 * The one application window. Every renderer hardening switch is set explicitly (even where it is the
 * default) so a reviewer can see it and a future default change cannot loosen it.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type Screen } from 'electron'
import { placeWindow, type WindowState } from '../services/windowState'
import { APP_ENTRY } from './appUrl'
import { guardWebContents } from './navigation'

export const WINDOW_TITLE = 'China Trade Explorer'
export const DEFAULT_SIZE = { width: 1280, height: 820 }
export const MIN_SIZE = { width: 960, height: 640 }

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string
  /** The vetted dev server URL (see devServer.ts); undefined in a packaged app. */
  devServerUrl?: string
  /** Developer tools only in development. */
  isPackaged: boolean
  openExternal?: (url: string) => void
  /** Where to open (placeWindow's answer for the saved state and today's displays). */
  state?: WindowState
  /** Called with the window's state when it closes, to be saved for next time. */
  onStateChange?: (state: WindowState) => void
}

export function mainWindowOptions(
  opts: Pick<MainWindowOptions, 'preloadPath' | 'isPackaged' | 'state'>,
): BrowserWindowConstructorOptions {
  const bounds = opts.state?.bounds
  return {
    title: WINDOW_TITLE,
    ...(bounds ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height } : DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false, // shown on ready-to-show: no white flash, no half-painted window
    backgroundColor: '#ffffff',
    autoHideMenuBar: false, // the menu bar is the app's File/Edit/View/Window/Help menu (menuModel.ts)
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !opts.isPackaged,
    },
  }
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  // security: CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK — the options come from mainWindowOptions() above (contextIsolation: true, sandbox: true, nodeIntegration: false), asserted by tests/unit/main/index.test.ts "creates one hardened window".
  // security: AUXCLICK_JS_CHECK — a middle click cannot open a window: guardWebContents() below sets a window-open handler that always denies (tests/unit/main/navigation.test.ts).
  const window = new BrowserWindow(mainWindowOptions(opts))
  guardWebContents(window.webContents, { devServerUrl: opts.devServerUrl, openExternal: opts.openExternal })
  window.once('ready-to-show', () => {
    if (opts.state?.maximized) window.maximize()
    if (opts.state?.fullScreen) window.setFullScreen(true)
    window.show()
  })
  if (opts.onStateChange) {
    const report = opts.onStateChange
    window.on('close', () =>
      report({
        bounds: window.getNormalBounds(),
        maximized: window.isMaximized(),
        fullScreen: window.isFullScreen(),
      }),
    )
  }
  const entry = !opts.isPackaged && opts.devServerUrl ? opts.devServerUrl : APP_ENTRY
  void window.loadURL(entry).catch((error: unknown) => console.error('[window] could not load', entry, error))
  return window
}

/** Where the window opens: the saved state fitted to the displays connected now. Call after ready. */
export function initialWindowState(
  saved: WindowState | null,
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>,
): WindowState {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  return placeWindow(saved, workAreas, screen.getPrimaryDisplay().workArea, {
    defaultSize: DEFAULT_SIZE,
    minSize: MIN_SIZE,
  })
}
