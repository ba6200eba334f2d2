/**
 * The main window's size, position and maximised state, remembered between runs. Electron-free: the
 * decision of where to put the window is a pure function of the saved state and the displays there are
 * now (table-tested: unplugged monitors, negative coordinates, a window larger than the screen), and the
 * state is a small JSON file written atomically. main/window.ts does the Electron part.
 */
import { readJsonFile, writeFileAtomicSync } from './atomicFile'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  /** The normal (restored) bounds, also while maximised or full screen. */
  bounds: Rect
  maximized: boolean
  fullScreen: boolean
}

export interface Size {
  width: number
  height: number
}

export interface PlacementOptions {
  defaultSize: Size
  minSize: Size
}

/** How much of the window's top strip must be on a display for the saved position to count as visible. */
export const MIN_VISIBLE = { width: 120, height: 32 }
const LIMIT = 100_000

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
}

/** A saved state as read from disk, or null when any part of it is missing or absurd. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (!raw || typeof raw !== 'object') return null
  const { bounds, maximized, fullScreen } = raw as Record<string, unknown>
  if (!bounds || typeof bounds !== 'object') return null
  const b = bounds as Record<string, unknown>
  if (
    !isInt(b.x, -LIMIT, LIMIT) ||
    !isInt(b.y, -LIMIT, LIMIT) ||
    !isInt(b.width, 1, LIMIT) ||
    !isInt(b.height, 1, LIMIT)
  )
    return null
  return {
    bounds: {
      x: Math.round(b.x),
      y: Math.round(b.y),
      width: Math.round(b.width),
      height: Math.round(b.height),
    },
    maximized: maximized === true,
    fullScreen: fullScreen === true,
  }
}

function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max))

function fitSize(size: Size, area: Rect, minSize: Size): Size {
  return {
    width: clamp(size.width, Math.min(minSize.width, area.width), area.width),
    height: clamp(size.height, Math.min(minSize.height, area.height), area.height),
  }
}

function centred(size: Size, area: Rect): Rect {
  return {
    x: Math.round(area.x + (area.width - size.width) / 2),
    y: Math.round(area.y + (area.height - size.height) / 2),
    width: size.width,
    height: size.height,
  }
}

/**
 * Where to open the window. The saved bounds are kept if the window's title-bar strip is still on one
 * of the displays' work areas (so the user can grab it); they are then shrunk to that display and moved
 * fully inside it. Otherwise (no saved state, monitor unplugged, resolution lowered) the window opens
 * centred on the primary display, at the saved size if it fits, else the default size.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  primary: Rect,
  opts: PlacementOptions,
): WindowState {
  if (!saved)
    return {
      bounds: centred(fitSize(opts.defaultSize, primary, opts.minSize), primary),
      maximized: false,
      fullScreen: false,
    }
  const { bounds } = saved
  const titleStrip: Rect = {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: Math.min(bounds.height, MIN_VISIBLE.height),
  }
  let best: { area: Rect; visible: number } | null = null
  for (const area of workAreas) {
    const shared = intersection(titleStrip, area)
    if (
      !shared ||
      shared.width < Math.min(MIN_VISIBLE.width, bounds.width) ||
      shared.height < Math.min(MIN_VISIBLE.height, bounds.height)
    )
      continue
    const visible = shared.width * shared.height
    if (!best || visible > best.visible) best = { area, visible }
  }
  if (!best) {
    return {
      bounds: centred(fitSize(bounds, primary, opts.minSize), primary),
      maximized: saved.maximized,
      fullScreen: saved.fullScreen,
    }
  }
  const { area } = best
  const size = fitSize(bounds, area, opts.minSize)
  return {
    bounds: {
      x: clamp(bounds.x, area.x, area.x + area.width - size.width),
      y: clamp(bounds.y, area.y, area.y + area.height - size.height),
      width: size.width,
      height: size.height,
    },
    maximized: saved.maximized,
    fullScreen: saved.fullScreen,
  }
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  return parseWindowState(await readJsonFile(file, 16 * 1024))
}

/** Synchronous on purpose: it runs as the window closes, possibly while the app quits. */
export function saveWindowState(file: string, state: WindowState): void {
  const valid = parseWindowState(state)
  if (!valid) return // never persist something we would refuse to read
  writeFileAtomicSync(file, `${JSON.stringify(valid, null, 2)}\n`)
}
