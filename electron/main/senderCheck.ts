/**
 * Who may call the API over IPC: only the main frame of a page on our own origin (or, in development,
 * the dev server's origin). Not a subframe, not a page that navigated elsewhere, not a destroyed frame.
 * Pure, no Electron import; ipc.ts turns Electron's `event.senderFrame` into the plain shape below.
 */
import { isAppUrl } from './appUrl'
import { isDevServerUrl } from './devServer'

export interface SenderFrameInfo {
  url: string
  isMainFrame: boolean
}

export function isTrustedSender(frame: SenderFrameInfo | null | undefined, devServerUrl?: string): boolean {
  if (!frame || typeof frame !== 'object') return false
  if (frame.isMainFrame !== true) return false
  return isAppUrl(frame.url) || isDevServerUrl(frame.url, devServerUrl)
}
