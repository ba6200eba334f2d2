/**
 * Keyboard shortcuts as the user reads them: Electron's accelerator syntax (shared/commands.ts) shown
 * as ⌘⇧E on a Mac and Ctrl+Shift+E elsewhere. Pure.
 */
const MAC_SYMBOLS: Record<string, string> = {
  cmdorctrl: '⌘',
  commandorcontrol: '⌘',
  cmd: '⌘',
  command: '⌘',
  ctrl: '⌃',
  control: '⌃',
  shift: '⇧',
  alt: '⌥',
  option: '⌥',
}
const OTHER_NAMES: Record<string, string> = {
  cmdorctrl: 'Ctrl',
  commandorcontrol: 'Ctrl',
  ctrl: 'Ctrl',
  control: 'Ctrl',
  shift: 'Shift',
  alt: 'Alt',
  option: 'Alt',
}

export function formatAccelerator(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+').filter(Boolean)
  if (mac) return parts.map((p) => MAC_SYMBOLS[p.toLowerCase()] ?? p.toUpperCase()).join('')
  return parts.map((p) => OTHER_NAMES[p.toLowerCase()] ?? p.toUpperCase()).join('+')
}

export function isMacPlatform(nav: Pick<Navigator, 'platform' | 'userAgent'> = navigator): boolean {
  return /mac/i.test(nav.platform) || /Mac OS X/.test(nav.userAgent)
}

/** Is the key event typed into a field (where `?` is just a question mark)? */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false
  const el = target as HTMLElement
  return Boolean(el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'))
}

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>

/**
 * Does a key event press this accelerator? Used where no app menu catches accelerators (the app in a
 * browser), so every shortcut the `?` overlay lists works there too.
 */
export function matchesAccelerator(accelerator: string, event: KeyLike, mac: boolean): boolean {
  const parts = accelerator.toLowerCase().split('+').filter(Boolean)
  const key = parts.at(-1)
  const has = (...names: string[]) => parts.some((p) => names.includes(p))
  const primary = has('cmdorctrl', 'commandorcontrol')
  const wantCtrl = has('ctrl', 'control') || (primary && !mac)
  const wantMeta = has('cmd', 'command') || (primary && mac)
  return (
    event.key.toLowerCase() === key &&
    event.ctrlKey === wantCtrl &&
    event.metaKey === wantMeta &&
    event.shiftKey === has('shift') &&
    event.altKey === has('alt', 'option')
  )
}

/** The desktop app (Electron) has a menu that handles accelerators itself; a browser page does not. */
export function hasAppMenu(nav: Pick<Navigator, 'userAgent'> = navigator): boolean {
  return /\bElectron\//.test(nav.userAgent)
}
