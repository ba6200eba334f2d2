/**
 * How a link leaves the app. A link in a note can come from a snapshot someone else wrote, and a page
 * can call `location.href = …` or `window.open` without the user doing anything, so nothing goes to the
 * system browser on the page's word alone: main asks first, in its own dialog (which the page cannot
 * draw, dismiss or click), showing the full URL, and opens it only if the user chooses to. The URL has
 * already passed `safeExternalUrl` (navigation.ts); the dialog is the user's gesture.
 */
import type { MessageBoxOptions } from 'electron'
import { say } from '../shared/messages'
import { word, type MainLocale } from './wording'

/**
 * The question main asks, in the app's language (wording.ts), with the full URL in view so a link's
 * text cannot hide where it goes.
 */
export function linkConfirmation(url: string, locale: MainLocale): MessageBoxOptions {
  return {
    type: 'question',
    title: word(say('linkTitle'), locale),
    message: word(say('linkQuestion'), locale),
    detail: url,
    buttons: [word(say('linkOpen'), locale), word(say('linkCancel'), locale)],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  }
}

export interface LinkOpenerOptions {
  /** Shows `linkConfirmation(url, locale)`; resolves true only if the user chose to open it. */
  confirm(url: string): Promise<boolean>
  /** Hands the URL to the system browser. */
  open(url: string): Promise<void>
  log?: (message: string, error?: unknown) => void
}

/**
 * Returns the `openExternal` callback for `guardWebContents`. One question at a time: while one is
 * open, further links are dropped, so a page that opens links in a loop cannot stack up dialogs.
 */
export function createLinkOpener(options: LinkOpenerOptions): (url: string) => Promise<void> {
  const log = options.log ?? ((message, error) => console.error(`[main] ${message}`, error ?? ''))
  let asking = false
  return async (url) => {
    if (asking) return
    asking = true
    try {
      if (await options.confirm(url)) await options.open(url)
    } catch (error) {
      log('could not open a link', error)
    } finally {
      asking = false
    }
  }
}
