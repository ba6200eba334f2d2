/**
 * A service's refusal in the page's language, from its catalogue id and parameters (ApiErrorBody.said,
 * electron/shared/messages.ts). Text from the user's file is shown as it is; numbers, periods and lists
 * go through the one formatter and period module. Where the page does not know an id (an engine newer
 * than the page), the caller shows the engine's English text instead.
 */
import type { ParamValue, Said } from '@shared/say'
import { formatPeriod } from '@shared/periods'
import { listText, numberText } from './format'

/** The part of vue-i18n this needs: the page's language, and its messages. */
export interface Wording {
  locale: string
  te(key: string): boolean
  t(key: string, params: Record<string, string>): string
}

export function wordRefusal(said: Said, wording: Wording): string | null {
  const key = `refusals.${said.id}`
  if (!wording.te(key)) return null
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(said.params ?? {})) {
    const text = wordParam(value, wording)
    if (text === null) return null
    params[name] = text
  }
  return wording.t(key, params)
}

function wordParam(value: ParamValue, wording: Wording): string | null {
  const { locale } = wording
  if (typeof value === 'string') return value
  if (typeof value === 'number') return numberText(value, { locale })
  if ('period' in value) return formatPeriod(value.period, locale)
  if ('list' in value) return listText(value.list, locale)
  return wordRefusal(value, wording)
}
