/**
 * English and Simplified Chinese UI. Each feature keeps its strings in its own file under messages/
 * (`export default { en: {...}, 'zh-CN': {...} }`, keys under the feature's name), merged here, so
 * features never edit one shared catalogue. Numbers are formatted per locale with Intl.
 */
import { compile } from '@intlify/core-base'
import { createI18n, type MessageCompiler } from 'vue-i18n'
import type { Said } from '@shared/say'

export const LOCALES = ['en', 'zh-CN'] as const
export type Locale = (typeof LOCALES)[number]

type Messages = Record<string, unknown>
type MessageModule = { default: Record<Locale, Messages> }
// The calculators' strings (the largest file) load with their page, and the services' refusals when the
// page first words one (api/client.ts), not before the first chart.
const modules = import.meta.glob<MessageModule>(
  ['./messages/*.ts', '!./messages/calculators.ts', '!./messages/refusals.ts'],
  { eager: true },
)

function merge(locale: Locale): Messages {
  return Object.assign({}, ...Object.values(modules).map((m) => m.default[locale]))
}

export function initialLocale(languages: readonly string[] = navigator.languages): Locale {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en'
}

/** What makes a message more than text in vue-i18n's syntax: placeholders, links, plural cases. */
const MESSAGE_SYNTAX = /[{}@|]/

/**
 * Most messages (about three in four) are plain text, and a plain text message reads as it is written:
 * it is returned as it is instead of going through vue-i18n's message compiler, which tokenises and
 * parses each message on its first use, on the page's thread before the Explorer's first chart. Any
 * other message is compiled by that compiler, as before.
 */
export const messageCompiler: MessageCompiler = (message, context) =>
  typeof message === 'string' && !MESSAGE_SYNTAX.test(message) ? () => message : compile(message, context)

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  messageCompiler,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { en: merge('en'), 'zh-CN': merge('zh-CN') },
})

function mergeMessages(messages: Record<Locale, Messages>): void {
  for (const locale of LOCALES) i18n.global.mergeLocaleMessage(locale, messages[locale])
}

let calculatorMessages: Promise<void> | null = null

/** Adds the calculators' strings (both languages) to the app's, once; the Calculators page awaits it. */
export function loadCalculatorMessages(): Promise<void> {
  calculatorMessages ??= import('./messages/calculators').then(({ default: messages }) =>
    mergeMessages(messages),
  )
  return calculatorMessages
}

/**
 * Adds the services' refusals (both languages) to the app's (api/client.ts `loadRefusals`, which loads
 * them once), and gives the catalogue's English writer that comes with them.
 */
export async function loadRefusalMessages(): Promise<(said: Said) => string> {
  const { default: messages, english } = await import('./messages/refusals')
  mergeMessages(messages)
  return english
}
