/**
 * The app is offline: nothing the renderer loads may come from the network. Every request the
 * session makes passes `isAllowedRequest` (pure, table-tested) or is cancelled, so a stray web font,
 * an analytics snippet in a dependency or a hostile URL in a dataset cannot phone anywhere.
 */
import type { Session } from 'electron'
import { isAppUrl } from './appUrl'
import { isDevServerSocket, isDevServerUrl } from './devServer'

/**
 * Allowed: our app:// origin; `data:` (Vite inlines small assets; data: never leaves the process);
 * `blob:` minted by our own origin; and, in development only, the dev server origin and its
 * HMR websocket. Everything else (http, https, ws, file, ftp, chrome, devtools, …) is refused.
 */
export function isAllowedRequest(url: unknown, devServerUrl?: string): boolean {
  if (typeof url !== 'string') return false
  if (isAppUrl(url)) return true
  if (/^data:/i.test(url)) return true
  if (/^blob:/i.test(url)) {
    const inner = url.slice('blob:'.length)
    return isAppUrl(inner) || isDevServerUrl(inner, devServerUrl)
  }
  return isDevServerUrl(url, devServerUrl) || isDevServerSocket(url, devServerUrl)
}

export interface NetworkFilterOptions {
  devServerUrl?: string
  /** Told about each refused request (main logs it), so a blocked asset is diagnosable. */
  onBlocked?: (url: string) => void
}

export function installNetworkFilter(
  session: { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> },
  opts: NetworkFilterOptions = {},
): void {
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const allowed = isAllowedRequest(details.url, opts.devServerUrl)
    if (!allowed) opts.onBlocked?.(details.url)
    callback({ cancel: !allowed })
  })
}
