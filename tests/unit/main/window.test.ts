/**
 * The main window's webPreferences, switch by switch (Electron's security checklist items 2–4, 6, 8–11),
 * developer tools only in development, and where a remembered window opens.
 */
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ BrowserWindow: class {} }))
const { initialWindowState, mainWindowOptions, MIN_SIZE } = await import('../../../electron/main/window')

describe('mainWindowOptions', () => {
  it.each([true, false])('hardens every renderer switch (packaged: %s)', (isPackaged) => {
    const prefs = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isPackaged }).webPreferences!
    expect(prefs).toEqual({
      preload: '/app/out/preload/index.cjs',
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
      devTools: !isPackaged,
    })
  })

  it('opens where the remembered state says, at least the minimum size', () => {
    const options = mainWindowOptions({
      preloadPath: '/p',
      isPackaged: true,
      state: { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true, fullScreen: false },
    })
    expect(options).toMatchObject({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      show: false,
    })
    expect(mainWindowOptions({ preloadPath: '/p', isPackaged: true })).toMatchObject({
      width: 1280,
      height: 820,
    })
    expect(mainWindowOptions({ preloadPath: '/p', isPackaged: true }).x).toBeUndefined()
  })

  it('initialWindowState fits the saved state to the displays Electron reports', () => {
    const screen = {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1440, height: 877 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1440, height: 877 } }),
    } as never
    expect(
      initialWindowState(
        { bounds: { x: 3000, y: 0, width: 1000, height: 700 }, maximized: false, fullScreen: false },
        screen,
      ).bounds,
    ).toEqual({ x: 220, y: 89, width: 1000, height: 700 })
    expect(initialWindowState(null, screen).bounds).toEqual({ x: 80, y: 29, width: 1280, height: 820 })
  })
})
