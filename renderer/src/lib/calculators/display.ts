/**
 * Numbers as the calculators show them. A result that is not a finite number (a division by zero, an
 * overflow, a missing input) is never printed as NaN or Infinity: it is shown as “—” with a reason the
 * UI can put next to it. Pure; the locale is a parameter.
 */

export type Shown = { text: string; finite: true } | { text: '—'; finite: false; reason: NonFiniteReason }
export type NonFiniteReason = 'not-a-number' | 'infinite' | 'missing'

export interface DisplayOptions {
  locale?: string
  /** 'usd-bn' → `$1,080.1 bn`; 'pct' → `5.2%`; 'pp' → `+1.2 pp`; 'plain' → `1,080.1`. */
  style?: 'usd-bn' | 'pct' | 'pp' | 'plain'
  /** Maximum fraction digits (default 2). */
  digits?: number
  /** Show a + on positive values. */
  signed?: boolean
}

const cache = new Map<string, Intl.NumberFormat>()
function formatter(locale: string, digits: number, signed: boolean): Intl.NumberFormat {
  const k = `${locale}|${digits}|${signed}`
  let f = cache.get(k)
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      maximumFractionDigits: digits,
      minimumFractionDigits: 0,
      signDisplay: signed ? 'exceptZero' : 'auto',
    })
    cache.set(k, f)
  }
  return f
}

/** Formats a number, or explains why there is none. */
export function showNumber(value: number | null | undefined, options: DisplayOptions = {}): Shown {
  if (value === null || value === undefined) return { text: '—', finite: false, reason: 'missing' }
  if (Number.isNaN(value)) return { text: '—', finite: false, reason: 'not-a-number' }
  if (!Number.isFinite(value)) return { text: '—', finite: false, reason: 'infinite' }
  const { locale = 'en', style = 'plain', digits = 2, signed = style === 'pp' } = options
  // −0 would print as "-0"; a rounded tiny negative as "-0" too. Both are zero to the reader.
  const rounded = Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value
  const body = formatter(locale, digits, signed).format(rounded)
  switch (style) {
    case 'usd-bn': {
      const negative = body.startsWith('-') || body.startsWith('−')
      const plus = body.startsWith('+')
      const digitsOnly = negative || plus ? body.slice(1) : body
      return { text: `${negative ? '-' : plus ? '+' : ''}$${digitsOnly} bn`, finite: true }
    }
    case 'pct':
      return { text: `${body}%`, finite: true }
    case 'pp':
      return { text: `${body} pp`, finite: true }
    default:
      return { text: body, finite: true }
  }
}

/** Just the text (for charts' tick labels and tooltips, where no explanation fits). */
export function numberText(value: number | null | undefined, options: DisplayOptions = {}): string {
  return showNumber(value, options).text
}

const monthFormats = new Map<string, Intl.DateTimeFormat>()
function monthFormat(locale: string, withYear: boolean): Intl.DateTimeFormat {
  const k = `${locale}|${withYear}`
  let f = monthFormats.get(k)
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale,
      withYear ? { year: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' },
    )
    monthFormats.set(k, f)
  }
  return f
}
const monthDate = (id: string) => new Date(Date.UTC(Number(id.slice(0, 4)), Number(id.slice(5, 7)) - 1, 1))

/**
 * A period in the reader's language: `2024-12` → “Dec 2024” / “2024年12月”; `2025-01..2025-11` →
 * “Jan–Nov 2025”; `2024` → “2024”. Anything else is returned as it is.
 */
export function periodLabel(period: string, locale = 'en'): string {
  if (/^\d{4}$/.test(period)) return period
  const m = /^(\d{4}-\d{2})(?:\.\.(\d{4}-\d{2}))?$/.exec(period)
  if (!m) return period
  const [, start, end] = m
  if (!end || end === start) return monthFormat(locale, true).format(monthDate(start!))
  if (start!.slice(0, 4) === end.slice(0, 4)) {
    if (locale.startsWith('zh'))
      return `${start!.slice(0, 4)}年${Number(start!.slice(5))}–${Number(end.slice(5))}月`
    return `${monthFormat(locale, false).format(monthDate(start!))}–${monthFormat(locale, true).format(monthDate(end))}`
  }
  return `${monthFormat(locale, true).format(monthDate(start!))}–${monthFormat(locale, true).format(monthDate(end))}`
}
