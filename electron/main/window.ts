/**
 * The one application window. Every renderer hardening switch is set explicitly (even where it is the
 * default) so a reviewer can see it and a future default change cannot loosen it.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'
import { APP_ENTRY } from './appUrl'
import { guardWebContents } from './navigation'

export const WINDOW_TITLE = 'China Trade Explorer'

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string
  /** The vetted dev server URL (see devServer.ts); undefined in a packaged app. */
  devServerUrl?: string
  /** Developer tools only in development. */
  isPackaged: boolean
  openExternal?: (url: string) => void
}

export function mainWindowOptions(opts: Pick<MainWindowOptions, 'preloadPath' | 'isPackaged'>): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false, // shown on ready-to-show: no white flash, no half-painted window
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
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
      devTools: !opts.isPackaged
    }
  }
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(opts))
  guardWebContents(window.webContents, { devServerUrl: opts.devServerUrl, openExternal: opts.openExternal })
  window.once('ready-to-show', () => window.show())
  const entry = !opts.isPackaged && opts.devServerUrl ? opts.devServerUrl : APP_ENTRY
  void window.loadURL(entry).catch((error: unknown) => console.error('[window] could not load', entry, error))
  return window
}
