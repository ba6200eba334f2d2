/**
 * English and Simplified Chinese UI. Each feature keeps its strings in its own file under messages/
 * (`export default { en: {...}, 'zh-CN': {...} }`, keys under the feature's name), merged here, so
 * features never edit one shared catalogue. Numbers are formatted per locale with Intl.
 */
import { createI18n } from 'vue-i18n'

export const LOCALES = ['en', 'zh-CN'] as const
export type Locale = (typeof LOCALES)[number]

type Messages = Record<string, unknown>
const modules = import.meta.glob<{ default: Record<Locale, Messages> }>('./messages/*.ts', { eager: true })

function merge(locale: Locale): Messages {
  return Object.assign({}, ...Object.values(modules).map((m) => m.default[locale]))
}

export function initialLocale(languages: readonly string[] = navigator.languages): Locale {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en'
}

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { en: merge('en'), 'zh-CN': merge('zh-CN') },
})
