/**
 * Numbers as the calculators show them (periods are shown by the period module's `formatPeriod`). A result that is not a finite number (a division by zero, an
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
