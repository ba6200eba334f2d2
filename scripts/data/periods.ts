/**
 * Periods as the facts file writes them, and the frequency each one stands for.
 *
 * - `YYYY-MM`: one month.
 * - `YYYY`: one calendar year.
 * - `YYYY-MM..YYYY-MM`: several months, within one year (China publishes January and February
 *   combined, e.g. `2025-01..2025-02`; year-to-date figures are `2025-01..2025-11`).
 */

export type PeriodShape = 'month' | 'year' | 'span'
export type Frequency = 'month' | 'year' | 'ytd'

export interface Period {
  text: string
  shape: PeriodShape
  /** First month covered, `YYYY-MM`. */
  start: string
  /** Last month covered, `YYYY-MM`. */
  end: string
}

const MONTH = /^(\d{4})-(\d{2})$/

function month(text: string, whole: string): { year: number; month: number } {
  const m = MONTH.exec(text)
  if (!m) throw new Error(`malformed period "${whole}": "${text}" is not YYYY-MM`)
  const year = Number(m[1])
  const mon = Number(m[2])
  if (mon < 1 || mon > 12) throw new Error(`malformed period "${whole}": month ${m[2]} is not 01-12`)
  if (year < 1900 || year > 2100) throw new Error(`malformed period "${whole}": year ${m[1]} is out of range`)
  return { year, month: mon }
}

/** Parse a period; throws on anything else (including spans that run backwards or across years). */
export function parsePeriod(text: string): Period {
  if (/^\d{4}$/.test(text)) {
    const year = Number(text)
    if (year < 1900 || year > 2100) throw new Error(`malformed period "${text}": year out of range`)
    return { text, shape: 'year', start: `${text}-01`, end: `${text}-12` }
  }
  if (MONTH.test(text)) {
    month(text, text)
    return { text, shape: 'month', start: text, end: text }
  }
  const parts = text.split('..')
  if (parts.length === 2) {
    const [a, b] = parts as [string, string]
    const s = month(a, text)
    const e = month(b, text)
    if (s.year !== e.year) throw new Error(`malformed period "${text}": a span must stay within one year`)
    if (e.month <= s.month) throw new Error(`malformed period "${text}": a span must end after it starts`)
    return { text, shape: 'span', start: a, end: b }
  }
  throw new Error(`malformed period "${text}": expected YYYY-MM, YYYY or YYYY-MM..YYYY-MM`)
}

/** True for China's combined January-February period, `YYYY-01..YYYY-02`. */
export function isJanFeb(p: Period): boolean {
  return p.shape === 'span' && p.start.endsWith('-01') && p.end.endsWith('-02')
}

/**
 * The frequency of one observation, from the series' suffix (`_annual` → year, `_ytd` → ytd, none
 * → decided by the period) and the period's shape. Throws when the two disagree.
 */
export function frequencyOf(suffix: 'annual' | 'ytd' | null, p: Period): Frequency {
  if (suffix === 'annual') {
    if (p.shape !== 'year') throw new Error(`an _annual series needs a YYYY period, not "${p.text}"`)
    return 'year'
  }
  if (suffix === 'ytd') {
    if (p.shape !== 'span') throw new Error(`a _ytd series needs a YYYY-01..YYYY-MM period, not "${p.text}"`)
    if (!p.start.endsWith('-01')) throw new Error(`a year-to-date period must start in January, not "${p.text}"`)
    return 'ytd'
  }
  if (p.shape === 'month') return 'month'
  if (p.shape === 'year') return 'year'
  if (isJanFeb(p)) return 'month'
  if (!p.start.endsWith('-01')) throw new Error(`a multi-month period must start in January, not "${p.text}"`)
  return 'ytd'
}
