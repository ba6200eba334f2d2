/**
 * The one period module: every period the app keeps is parsed, checked, ordered and shown here.
 *
 * Canonical forms (what the catalog, the contract, notes and snapshots hold):
 * - `2025` — a calendar year;
 * - `2025-Q2` — a calendar quarter;
 * - `2025-11` — a month;
 * - `2025-01..2025-02` — several consecutive months: China's customs publish January and February
 *   combined, and year-to-date (cumulative) figures are `2025-01..2025-11`. A span may cross a year end
 *   (`2024-12..2025-02`); the facts file's stricter rules live with its build.
 *
 * Labels as other publishers write them ('May 2001', '2001M05', fiscal years…) are read by
 * `parsePeriodLabel`, which turns a label into one of the forms above or refuses it in plain words;
 * new label forms are added to `LABEL_FORMS` there, never parsed elsewhere.
 *
 * Pure functions, importing only the message catalogue (for their refusals), shared by the main and
 * the engine process, the renderer and the build scripts.
 */
import { english } from './messages'
import { say, type Said } from './say'

export type PeriodKind = 'year' | 'quarter' | 'month' | 'span'

export interface PeriodBounds {
  /** First month covered, `YYYY-MM`. */
  start: string
  /** Last month covered, `YYYY-MM`. */
  end: string
}

export interface Period extends PeriodBounds {
  /** The canonical text, e.g. `2025-01..2025-02`. */
  text: string
  kind: PeriodKind
}

/**
 * Years a period may fall in: every four-digit year from 1000. Wide enough for any historical series,
 * projection or synthetic benchmark series (100,000 months), narrow enough that a typo such as `0225`
 * or `20255` is refused.
 */
export const FIRST_YEAR = 1000
export const LAST_YEAR = 9999

const YEAR = /^(\d{4})$/
const QUARTER = /^(\d{4})-Q([1-4])$/
const MONTH = /^(\d{4})-(\d{2})$/

const pad2 = (n: number) => String(n).padStart(2, '0')
/** A text quoted in a message, cut short so a hostile caller's megabyte never comes back in full. */
/** A label as a refusal quotes it: the first 40 characters. */
const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text)

/** Why `text` is not a period, in plain words, or null when it is one. */
export function periodProblem(text: string): string | null {
  const problem = periodRefusal(text)
  return problem && english(problem)
}

/**
 * Why `text` is not a period as a catalogued message, or null when it is one: for the contract's
 * schemas, which the page loads before its first chart without the catalogue's texts.
 */
export function periodRefusal(text: string): Said | null {
  return read(text).problem
}

/** The period `text` stands for, or null when it is not a canonical period (see `periodProblem`). */
export function parsePeriod(text: string): Period | null {
  return read(text).period
}

export function isPeriod(text: string): boolean {
  return read(text).period !== null
}

/** First and last month a period covers, or null when `text` is not a period. */
export function periodBounds(text: string): PeriodBounds | null {
  const p = read(text).period
  return p ? { start: p.start, end: p.end } : null
}

function read(text: string): { period: Period | null; problem: Said | null } {
  const fail = (problem: Said) => ({ period: null, problem })
  const ok = (kind: PeriodKind, start: string, end: string) => ({
    period: { text, kind, start, end },
    problem: null,
  })
  const yearProblem = (year: string) =>
    Number(year) < FIRST_YEAR || Number(year) > LAST_YEAR
      ? say('yearOutside', {
          year,
          first: { period: String(FIRST_YEAR) },
          last: { period: String(LAST_YEAR) },
        })
      : null
  const monthProblem = (m: string): Said | null => {
    const match = MONTH.exec(m)
    if (!match) return say('notMonthWritten', { value: clip(m) })
    const month = Number(match[2])
    if (month < 1 || month > 12) return say('noSuchMonth', { month: match[2]! })
    return yearProblem(match[1]!)
  }

  if (typeof text !== 'string' || text === '') return fail(say('periodEmpty'))
  const year = YEAR.exec(text)
  if (year) {
    const p = yearProblem(text)
    return p ? fail(p) : ok('year', `${text}-01`, `${text}-12`)
  }
  const quarter = QUARTER.exec(text)
  if (quarter) {
    const p = yearProblem(quarter[1]!)
    const q = Number(quarter[2])
    return p ? fail(p) : ok('quarter', `${quarter[1]}-${pad2(q * 3 - 2)}`, `${quarter[1]}-${pad2(q * 3)}`)
  }
  const parts = text.split('..')
  if (parts.length === 1) {
    if (!MONTH.test(text)) return fail(say('notPeriodLike', { value: clip(text) }))
    const p = monthProblem(text)
    return p ? fail(p) : ok('month', text, text)
  }
  if (parts.length !== 2) return fail(say('spanOneDotDot', { value: clip(text) }))
  const [first, last] = parts as [string, string]
  const p = monthProblem(first) ?? monthProblem(last)
  if (p) return fail(p)
  if (last <= first) return fail(say('spanBackwards', { value: clip(text) }))
  return ok('span', first, last)
}

/** True for China's combined January–February period, `YYYY-01..YYYY-02`. */
export function isJanFeb(p: Period): boolean {
  return p.kind === 'span' && p.start.endsWith('-01') && p.end.endsWith('-02') && sameYear(p)
}

/**
 * True for a year-to-date (cumulative) figure: January to a later month of the same year, past
 * February (`2025-01..2025-07`); January–February alone is the combined period (`isJanFeb`).
 */
export function isYearToDate(p: Period): boolean {
  return p.kind === 'span' && p.start.endsWith('-01') && sameYear(p) && !isJanFeb(p)
}

const sameYear = (p: PeriodBounds) => p.start.slice(0, 4) === p.end.slice(0, 4)

/* ——— Order and arithmetic ——— */

/** `2025-03` → 24302 (months since year 0), so months can be compared and spans measured with arithmetic. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1
}

/** The month (`YYYY-MM`) at a `monthIndex`. */
export function monthOf(index: number): string {
  const year = Math.floor(index / 12)
  return `${String(year).padStart(4, '0')}-${pad2((index % 12) + 1)}`
}

/** How many months a period covers (a year 12, a quarter 3, `2025-01..2025-02` 2). */
export function monthCount(bounds: PeriodBounds): number {
  return monthIndex(bounds.end) - monthIndex(bounds.start) + 1
}

/**
 * Time order of two periods: by first month, then by last month (so `2025-01` comes before
 * `2025-01..2025-02`, which comes before `2025-01..2025-11` and then `2025`). Anything that is not a
 * period sorts after every period, by its text.
 */
export function comparePeriods(a: string, b: string): number {
  const pa = periodBounds(a)
  const pb = periodBounds(b)
  if (!pa || !pb) return pa ? -1 : pb ? 1 : a < b ? -1 : a > b ? 1 : 0
  return compareBounds(pa, pb)
}

/** The calendar quarter a month (`YYYY-MM`) falls in: `2025-05` → `2025-Q2`. */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`
}

/**
 * Where a period lies on a time axis counted in months (`monthIndex`): from the start of its first
 * month (`from`, half a month before that month's index) to the end of its last (`to`), and its middle.
 * A quarter `2025-Q2` spans April to June and sits at May; a year sits mid-year. Null when `text` is
 * not a period.
 */
export function axisSpan(text: string): { from: number; to: number; middle: number } | null {
  const b = periodBounds(text)
  if (!b) return null
  const first = monthIndex(b.start)
  const last = monthIndex(b.end)
  return { from: first - 0.5, to: last + 0.5, middle: (first + last) / 2 }
}

/** Time order of two spans of months given by their bounds (see `comparePeriods`). */
export function compareBounds(a: PeriodBounds, b: PeriodBounds): number {
  return monthIndex(a.start) - monthIndex(b.start) || monthIndex(a.end) - monthIndex(b.end)
}

/** The periods in time order (a new array). */
export function sortPeriods(periods: Iterable<string>): string[] {
  return [...periods].sort(comparePeriods)
}

/** Does `period` lie wholly inside the range from `from`'s first month to `to`'s last? Either end may be open. */
export function periodWithin(period: string, from?: string, to?: string): boolean {
  const b = periodBounds(period)
  if (!b) return false
  const f = from === undefined ? undefined : periodBounds(from)
  const t = to === undefined ? undefined : periodBounds(to)
  if (f === null || t === null) return false
  return (!f || b.start >= f.start) && (!t || b.end <= t.end)
}

/**
 * The months a range of periods covers: from `from`'s first month to `to`'s last, either end open.
 * Throws on a period that is not one (the contract refuses those first; a range is never silently dropped).
 */
export function rangeBounds(from?: string, to?: string): { start?: string; end?: string } {
  const bounds = (p: string) => {
    const b = periodBounds(p)
    if (!b) throw new RangeError(periodProblem(p) ?? 'not a period')
    return b
  }
  return {
    start: from === undefined ? undefined : bounds(from).start,
    end: to === undefined ? undefined : bounds(to).end,
  }
}

/* ——— Display, per locale ——— */

const formats = new Map<string, Intl.DateTimeFormat>()
function dateFormat(locale: string, parts: 'month' | 'month-year' | 'year'): Intl.DateTimeFormat {
  const key = `${locale}|${parts}`
  let f = formats.get(key)
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      parts === 'month'
        ? { month: 'short' }
        : parts === 'year'
          ? { year: 'numeric' }
          : { year: 'numeric', month: 'short' }
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
    formats.set(key, f)
  }
  return f
}
const dateOf = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1))
const isChinese = (locale: string) => locale.toLowerCase().startsWith('zh')
const CHINESE_QUARTERS = ['一', '二', '三', '四']

/** A month's short name, 1-based: (11, 'en') → `Nov`; (11, 'zh-CN') → `11月`. */
export function monthName(month: number, locale = 'en'): string {
  return dateFormat(locale, 'month').format(dateOf(`2000-${pad2(month)}`))
}

/**
 * A period in the reader's language. English: `2025-11` → `Nov 2025`, `2025-01..2025-02` →
 * `Jan–Feb 2025`, `2025-Q2` → `Q2 2025`, `2024` → `2024`. Chinese: `2025年11月`, `2025年1–2月`,
 * `2025年第二季度` (quarters in Chinese numerals, as the statistics bureaus write them), `2024年`. Text that is not a period is returned as it is.
 */
export function formatPeriod(period: string, locale = 'en'): string {
  const p = parsePeriod(period)
  if (!p) return period
  const year = p.start.slice(0, 4)
  switch (p.kind) {
    case 'year':
      return dateFormat(locale, 'year').format(dateOf(p.start))
    case 'quarter': {
      const q = Number(period.slice(-1))
      return isChinese(locale) ? `${year}年第${CHINESE_QUARTERS[q - 1]}季度` : `Q${q} ${year}`
    }
    case 'month':
      return dateFormat(locale, 'month-year').format(dateOf(p.start))
    case 'span': {
      // Intl's formatRange spaces the dash differently per engine; a fixed pattern keeps labels stable.
      const monthYear = dateFormat(locale, 'month-year')
      if (p.end.slice(0, 4) !== year)
        return `${monthYear.format(dateOf(p.start))}–${monthYear.format(dateOf(p.end))}`
      if (isChinese(locale)) return `${year}年${Number(p.start.slice(5))}–${Number(p.end.slice(5))}月`
      return `${monthName(Number(p.start.slice(5)), locale)}–${monthYear.format(dateOf(p.end))}`
    }
  }
}

/* ——— Labels as other publishers write them ——— */

/** A label read: the canonical period, or why it cannot be one (in plain words, for the user). */
export type PeriodLabel = { period: string } | { refused: Said }

/**
 * One way publishers write a period. `read` returns the canonical period text, a refusal, or
 * undefined when the label is not in this form (the next form is tried).
 */
interface LabelForm {
  read(label: string): PeriodLabel | undefined
}

const canonicalForm: LabelForm = {
  read(label) {
    if (isPeriod(label)) return { period: label }
    return undefined
  },
}

/** English month names, lower-case, January first (as statistics offices write them in full). */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/** 'May', 'Jan', 'Sept.', 'september' → 5, 1, 9, 9 (English names, as statistics offices write them). */
function monthNumber(name: string): number | null {
  const n = name.toLowerCase().replace(/\.$/, '')
  const i = MONTH_NAMES.findIndex((m) => m === n || (m.startsWith(n) && (n.length === 3 || n === 'sept')))
  return i < 0 ? null : i + 1
}

const inYears = (y: number) => y >= FIRST_YEAR && y <= LAST_YEAR
const QUARTER_NAMES = ['first', 'second', 'third', 'fourth']
/** A month, or undefined (the fallback then says what is wrong) when the numbers are out of range. */
const monthLabel = (y: number, m: number): PeriodLabel | undefined =>
  inYears(y) && m >= 1 && m <= 12 ? { period: `${y}-${pad2(m)}` } : undefined

/**
 * How trade publishers write periods: months as `202403`, `2024/03`, `2024.03`, `2024M03`, `2024-M03`,
 * `2024M3`, `March 2024`, `Mar 2024`, `Mar-2024`, dates (`2024-03-31`, with a time too, `31/03/2024`);
 * quarters as `2024Q1`, `2024 Q1`, `Q1 2024`, `First Quarter 2024`; Taiwan's years of the Republic (`102年`,
 * `102年3月`). Fiscal or split years (`FY2024`, `2023/24`, `2023-2024`),
 * two-digit years and day/month orders that read both ways (`03/04/2024`) are refused, never guessed.
 */
const publisherForms: LabelForm = {
  read(p) {
    let m: RegExpExecArray | null
    if ((m = /^(\d{4})(0[1-9]|1[0-2])$/.exec(p))) return monthLabel(+m[1]!, +m[2]!)
    if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(p))) {
      if (m[2]!.length === 2 && +m[2]! > 12 && +m[2]! === (+m[1]! + 1) % 100)
        return { refused: say('fiscalYear', { value: clip(p) }) }
      return monthLabel(+m[1]!, +m[2]!)
    }
    if ((m = /^(\d{4})-?M(\d{1,2})$/i.exec(p))) return monthLabel(+m[1]!, +m[2]!)
    if ((m = /^(\d{4})[-\s]?Q([1-4])$/i.exec(p)) ?? (m = /^Q([1-4])[-\s]?(\d{4})$/i.exec(p))) {
      const [y, q] = /^Q/i.test(p) ? [+m[2]!, m[1]!] : [+m[1]!, m[2]!]
      return inYears(y) ? { period: `${y}-Q${q}` } : undefined
    }
    // WTO Stats names its quarters "First Quarter" … "Fourth Quarter" (with the year beside them).
    if ((m = /^(first|second|third|fourth)\s+quarter[\s,]+(\d{4})$/i.exec(p))) {
      const y = +m[2]!
      return inYears(y) ? { period: `${y}-Q${QUARTER_NAMES.indexOf(m[1]!.toLowerCase()) + 1}` } : undefined
    }
    if ((m = /^(\d{4})-(\d{2})-(\d{2})([T\s][\d:.]+Z?)?$/.exec(p))) return monthLabel(+m[1]!, +m[2]!)
    if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(p)) && +m[3]! >= 1 && +m[3]! <= 31)
      return monthLabel(+m[1]!, +m[2]!)
    if ((m = /^([A-Za-z]{3,9}\.?)[\s-]+(\d{4})$/.exec(p)) ?? (m = /^(\d{4})[\s-]+([A-Za-z]{3,9})$/.exec(p))) {
      const [name, year] = /^\d/.test(p) ? [m[2]!, +m[1]!] : [m[1]!, +m[2]!]
      const month = monthNumber(name)
      return month ? monthLabel(year, month) : { refused: say('monthNotEnglish', { value: clip(p) }) }
    }
    if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(p))) {
      const [a, b, y] = [+m[1]!, +m[2]!, +m[3]!]
      if (a > 12 && b <= 12) return monthLabel(y, b)
      if (b > 12 && a <= 12) return monthLabel(y, a)
      if (a === b) return monthLabel(y, a)
      return { refused: say('dayOrMonth', { value: clip(p) }) }
    }
    // Taiwan's statistics count years from 1912, the first year of the Republic of China (民國): 102年
    // is 2013, 102年3月 March 2013. A cumulative span (114年1月~114年7月, January to July 2025) is not
    // one month, and is refused rather than charted as one.
    if ((m = /^(?:民國)?(\d{2,3})年(?:(\d{1,2})月)?$/.exec(p))) {
      const y = +m[1]! + 1911
      if (m[2] === undefined) return inYears(y) ? { period: String(y) } : undefined
      return monthLabel(y, +m[2])
    }
    if (/^(?:民國)?\d{2,3}年\d{1,2}月\s*[~～至-]\s*(?:民國)?\d{2,3}年\d{1,2}月/.test(p))
      return { refused: say('monthsSummed', { value: clip(p) }) }
    if (/^FY|fiscal|^\d{4}\s*[-/–]\s*\d{4}$/i.test(p))
      return { refused: say('fiscalYear', { value: clip(p) }) }
    if (/^[A-Za-z]{3,9}[\s-]+\d{2}$/.test(p)) return { refused: say('twoDigitYear', { value: clip(p) }) }
    return undefined
  },
}

/** The label forms tried in order. Importers add their publishers' forms here. */
const LABEL_FORMS: readonly LabelForm[] = [canonicalForm, publisherForms]

/**
 * A period label as found in a file (surrounding spaces ignored) → the canonical period, or a plain
 * refusal when no known form reads it.
 */
export function parsePeriodLabel(label: string): PeriodLabel {
  const text = label.trim()
  for (const form of LABEL_FORMS) {
    const read = form.read(text)
    if (read) return read
  }
  return { refused: read(text).problem ?? say('unreadablePeriod', { value: clip(text) }) }
}
