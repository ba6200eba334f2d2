/**
 * What the app's web contents may navigate to, and what leaves the app. The decisions are pure
 * functions (table-tested with hostile URLs); `guardWebContents` only wires them to Electron events.
 *
 * The renderer only ever shows app://trade pages. Nothing opens in a new Electron window. The one
 * thing that leaves the app is a data source link (a news-site https URL), handed to the system
 * browser through the `openExternal` callback the caller supplies (shell.openExternal in main).
 */
import type { WebContents } from 'electron'
import { isAppUrl } from './appUrl'
import { isDevServerUrl } from './devServer'

export const MAX_EXTERNAL_URL_LENGTH = 4096

/** May the main frame (or any frame) go to `url`? Only our origin, and the dev server in development. */
export function isAllowedNavigation(url: unknown, devServerUrl?: string): boolean {
  return isAppUrl(url) || isDevServerUrl(url, devServerUrl)
}

/** `window.open`, `target=_blank` and friends never create an Electron window. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' }
}

/**
 * The normalised URL to give the system browser, or null. Only `https:` to a public-looking DNS name:
 * no userinfo (`https://bank.com@evil.com`), no explicit port, no IP literals or localhost (a link in a
 * dataset must not reach into the user's network), no punycode (lookalike domains), no whitespace or
 * backslashes that WHATWG parsing would silently rewrite.
 */
export function safeExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return null
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(url)) return null
  if (!/^https:\/\//i.test(url)) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return null
  const host = parsed.hostname.toLowerCase()
  if (!host.includes('.') || host.startsWith('[') || /^[0-9.]+$/.test(host)) return null
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return null
  if (host.split('.').some((label) => label.startsWith('xn--') || label.length === 0)) return null
  return parsed.href
}

export function isSafeExternalUrl(url: unknown): boolean {
  return safeExternalUrl(url) !== null
}

export interface GuardOptions {
  devServerUrl?: string
  /** Called with a vetted https URL when the page tries to open a source link. */
  openExternal?: (url: string) => void
}

/** Web contents already wired (a window's contents is seen by `web-contents-created` and by window.ts). */
const guarded = new WeakSet<object>()

/** The subset of WebContents we wire; keeps the fakes in tests small. */
export type GuardableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

export function guardWebContents(contents: GuardableContents, opts: GuardOptions = {}): void {
  if (guarded.has(contents)) return
  guarded.add(contents)
  const { devServerUrl, openExternal } = opts

  const handOut = (url: unknown): void => {
    const external = safeExternalUrl(url)
    if (external && openExternal) openExternal(external)
  }

  // A link click or location change in the main frame: stay home; a source link goes to the browser.
  contents.on('will-navigate', (event, legacyUrl) => {
    const url = event.url ?? legacyUrl
    if (isAllowedNavigation(url, devServerUrl)) return
    event.preventDefault()
    handOut(url)
  })
  // Any frame (there should be none but the main one: CSP has frame-src 'none').
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, devServerUrl)) event.preventDefault()
  })
  // A server redirect cannot happen on app://, but refuse one anywhere else.
  contents.on('will-redirect', (event, legacyUrl) => {
    if (!isAllowedNavigation(event.url ?? legacyUrl, devServerUrl)) event.preventDefault()
  })
  // <webview> is disabled in webPreferences; refuse attachment anyway.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    handOut(url)
    return windowOpenDecision()
  })
}
