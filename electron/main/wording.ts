/**
 * What main shows the user itself (the menu, its dialogs, the start-up error box), in the language the
 * page uses: the catalogue's English (shared/messages.ts) or its Chinese (shared/desktopMessages.ts).
 * Main learns the page's language when the page says it (`setLanguage`); until then it follows the OS,
 * by the same rule the page uses for its own 'system' choice (any Chinese → zh-CN).
 */
import type { UiLanguage } from '../shared/api'
import { desktopMessagesZh } from '../shared/desktopMessages'
import { english, englishParam, say, type MessageId, type Said } from '../shared/messages'

export type MainLocale = UiLanguage

/** The app's language for an OS locale (`app.getLocale()`: 'zh-CN', 'zh-TW', 'en-GB', 'fr'…). */
export function localeOf(osLocale: string): MainLocale {
  return osLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

const zh: Partial<Record<MessageId, string>> = desktopMessagesZh

/** A message in `locale`, its slots filled; a message with no Chinese text reads in English. */
export function word(said: Said, locale: MainLocale): string {
  const template = locale === 'zh-CN' ? zh[said.id] : undefined
  if (template === undefined) return english(said)
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = said.params?.[name]
    if (value === undefined) return slot
    if (typeof value === 'object' && 'id' in value) return word(value, locale)
    // Main's texts take the app's name and its own words only; nothing in them needs a number formatter.
    return englishParam(value)
  })
}

/**
 * The box shown when start-up fails, before main quits. It never carries the error's own text (which
 * may name a folder of the user's, or be a library's wording): main logs that instead.
 */
export function startFailedBox(appName: string, locale: MainLocale): { title: string; content: string } {
  return {
    title: word(say('startFailedTitle', { app: appName }), locale),
    content: word(say('startFailed'), locale),
  }
}
