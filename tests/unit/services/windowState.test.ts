import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  loadWindowState,
  parseWindowState,
  placeWindow,
  saveWindowState,
  type Rect,
  type WindowState,
} from '../../../electron/services/windowState'

const opts = { defaultSize: { width: 1280, height: 820 }, minSize: { width: 960, height: 640 } }
const laptop: Rect = { x: 0, y: 0, width: 1440, height: 877 } // work area, menu bar and dock excluded
const external: Rect = { x: 1440, y: -200, width: 2560, height: 1400 }
const leftMonitor: Rect = { x: -1920, y: 0, width: 1920, height: 1040 }
const state = (
  x: number,
  y: number,
  width: number,
  height: number,
  extra: Partial<WindowState> = {},
): WindowState => ({
  bounds: { x, y, width, height },
  maximized: false,
  fullScreen: false,
  ...extra,
})

describe('placeWindow', () => {
  it.each<[string, WindowState | null, Rect[], Rect, WindowState]>([
    [
      'first run: default size, centred on the primary display',
      null,
      [laptop],
      laptop,
      state(80, 29, 1280, 820),
    ],
    [
      'first run on a small screen: shrunk to fit',
      null,
      [{ x: 0, y: 0, width: 1024, height: 700 }],
      { x: 0, y: 0, width: 1024, height: 700 },
      state(0, 0, 1024, 700),
    ],
    ['saved and visible: kept', state(100, 50, 1200, 800), [laptop], laptop, state(100, 50, 1200, 800)],
    [
      'on the external monitor, still connected: kept',
      state(2000, 0, 1600, 1000),
      [laptop, external],
      laptop,
      state(2000, 0, 1600, 1000),
    ],
    [
      'external monitor unplugged: centred on the primary display',
      state(2000, 0, 1600, 1000),
      [laptop],
      laptop,
      state(0, 0, 1440, 877),
    ],
    [
      'monitor to the left (negative x), connected: kept',
      state(-1800, 100, 1200, 800),
      [leftMonitor, laptop],
      laptop,
      state(-1800, 100, 1200, 800),
    ],
    [
      'monitor to the left, gone: centred on the primary',
      state(-1800, 100, 1200, 800),
      [laptop],
      laptop,
      state(120, 39, 1200, 800),
    ],
    [
      'far off screen: centred',
      state(50_000, 50_000, 1200, 800),
      [laptop],
      laptop,
      state(120, 39, 1200, 800),
    ],
    [
      'title bar above the screen (y < 0): centred, it could not be grabbed',
      state(100, -700, 1200, 800),
      [laptop],
      laptop,
      state(120, 39, 1200, 800),
    ],
    [
      'mostly off the right edge: moved inside',
      state(1300, 100, 1200, 800),
      [laptop],
      laptop,
      state(240, 77, 1200, 800),
    ],
    [
      'only a sliver of title bar visible: centred',
      state(1400, 100, 1200, 800),
      [laptop],
      laptop,
      state(120, 39, 1200, 800),
    ],
    [
      'larger than the display (resolution lowered): shrunk and moved in',
      state(0, 0, 3000, 2000),
      [laptop],
      laptop,
      state(0, 0, 1440, 877),
    ],
    [
      'maximised and full screen are kept',
      state(100, 50, 1200, 800, { maximized: true, fullScreen: true }),
      [laptop],
      laptop,
      state(100, 50, 1200, 800, { maximized: true, fullScreen: true }),
    ],
    [
      'no displays reported: falls back to the primary',
      state(100, 50, 1200, 800),
      [],
      laptop,
      state(120, 39, 1200, 800),
    ],
  ])('%s', (_name, saved, areas, primary, expected) => {
    expect(placeWindow(saved, areas, primary, opts)).toEqual(expected)
  })

  it('the result is always inside some work area when the saved state was visible', () => {
    for (let x = -2000; x <= 4000; x += 250) {
      for (let y = -300; y <= 1500; y += 150) {
        const placed = placeWindow(state(x, y, 1100, 700), [laptop, external], laptop, opts).bounds
        const inside = [laptop, external].some(
          (a) =>
            placed.x >= a.x &&
            placed.y >= a.y &&
            placed.x + placed.width <= a.x + a.width &&
            placed.y + placed.height <= a.y + a.height,
        )
        expect(inside, `${x},${y}`).toBe(true)
      }
    }
  })
})

describe('parseWindowState', () => {
  it.each([
    null,
    42,
    'x',
    {},
    { bounds: null },
    { bounds: { x: 0, y: 0, width: 0, height: 100 } },
    { bounds: { x: 'a', y: 0, width: 100, height: 100 } },
    { bounds: { x: Number.NaN, y: 0, width: 100, height: 100 } },
    { bounds: { x: 1e12, y: 0, width: 100, height: 100 } },
    { bounds: { x: 0, y: 0, width: -5, height: 100 } },
  ])('refuses %j', (raw) => expect(parseWindowState(raw)).toBeNull())

  it('rounds and defaults the flags', () => {
    expect(
      parseWindowState({ bounds: { x: 1.4, y: 2.6, width: 1000.2, height: 700 }, maximized: 'yes' }),
    ).toEqual(state(1, 3, 1000, 700))
  })
})

describe('persistence', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cte-window-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('round-trips, atomically', async () => {
    const file = path.join(dir, 'sub', 'window-state.json')
    expect(await loadWindowState(file)).toBeNull()
    saveWindowState(file, state(10, 20, 1000, 700, { maximized: true }))
    expect(await loadWindowState(file)).toEqual(state(10, 20, 1000, 700, { maximized: true }))
    expect(readdirSync(path.join(dir, 'sub'))).toEqual(['window-state.json'])
  })

  it('a corrupt file reads as no state; an invalid state is not written', async () => {
    const file = path.join(dir, 'window-state.json')
    writeFileSync(file, '{"bounds": {"x": 1')
    expect(await loadWindowState(file)).toBeNull()
    saveWindowState(file, {
      bounds: { x: 0, y: 0, width: Number.NaN, height: 1 },
      maximized: false,
      fullScreen: false,
    })
    expect(await loadWindowState(file)).toBeNull()
  })
})
