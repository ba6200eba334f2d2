/**
 * The main window, created through the shared fake Electron: its EFFECTIVE webPreferences (Electron's
 * defaults under ours, read back as the live-app suite reads them), switch by switch (Electron's
 * security checklist items 2–4, 6, 8–11), developer tools only in development, its guards, how it
 * loads and shows, and where a remembered window opens.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { FakeElectron } from '../../support/fakeElectron'

const h = vi.hoisted(() => ({ electron: undefined as unknown as FakeElectron }))
vi.mock('electron', async () => (await import('../../support/fakeElectron')).electronModule(() => h.electron))

const { createFakeElectron } = await import('../../support/fakeElectron')
const { createMainWindow, initialWindowState, mainWindowOptions, MIN_SIZE } =
  await import('../../../electron/main/window')

beforeEach(() => {
  h.electron = createFakeElectron()
})

function openWindow(options: Partial<Parameters<typeof createMainWindow>[0]> = {}) {
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', isPackaged: true, ...options })
  expect(h.electron.windows).toHaveLength(1)
  return h.electron.windows[0]!
}

describe('createMainWindow', () => {
  it.each([true, false])('hardens every renderer switch (packaged: %s)', (isPackaged) => {
    const prefs = openWindow({ isPackaged }).webContents.getLastWebPreferences()
    expect(prefs).toMatchObject({
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

  it('loads app://trade/index.html (never the dev server when packaged), hidden until ready to show', async () => {
    const window = openWindow({ devServerUrl: 'http://localhost:5173/' })
    await vi.waitFor(() => expect(window.webContents.getURL()).toBe('app://trade/index.html'))
    expect(window.isVisible()).toBe(false)
    window.readyToShow()
    expect(window.isVisible()).toBe(true)
  })

  it('guards its own contents: no navigation away, no new window; a source link goes to the browser', () => {
    const openExternal = vi.fn()
    const contents = openWindow({ openExternal }).webContents
    expect(contents.navigate('https://www.reuters.com/a')).toBe(false)
    expect(contents.openWindow('https://www.reuters.com/b')).toBe('deny')
    expect(openExternal.mock.calls).toEqual([['https://www.reuters.com/a'], ['https://www.reuters.com/b']])
  })

  it('reopens maximised as remembered, and reports its state when it closes', () => {
    const onStateChange = vi.fn()
    const window = openWindow({
      state: { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true, fullScreen: false },
      onStateChange,
    })
    window.readyToShow()
    expect(window.isMaximized()).toBe(true)
    window.close()
    expect(onStateChange).toHaveBeenCalledWith({
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
      maximized: true,
      fullScreen: false,
    })
  })
})

describe('mainWindowOptions', () => {
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
