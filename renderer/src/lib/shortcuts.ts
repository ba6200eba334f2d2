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
