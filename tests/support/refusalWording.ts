/** A refusal as the page words it, outside a page: vue-i18n with the refusal messages only. */
import { createI18n } from 'vue-i18n'
import type { Said } from '../../electron/shared/messages'
import refusals from '../../renderer/src/i18n/messages/refusals'
import { wordRefusal, type Wording } from '../../renderer/src/lib/refusals'

export function refusalWording(locale: 'en' | 'zh-CN'): Wording {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: refusals })
  return {
    locale,
    te: (key) => i18n.global.te(key),
    t: (key, params) => i18n.global.t(key, params),
  }
}

/** The refusal in Chinese, or null where it carries no catalogued message the page knows. */
export function inChinese(said: Said | undefined): string | null {
  return said ? wordRefusal(said, refusalWording('zh-CN')) : null
}
