/**
 * Periods as China's customs publish them: `2025-11` (a month), `2025` (a year), and spans such as
 * `2025-01..2025-02` (January and February published combined) or `2025-01..2025-11` (year to date).
 * Pure functions shared by the main process and the renderer.
 */
export interface PeriodBounds {
  /** First month covered, `YYYY-MM`. */
  start: string
  /** Last month covered, `YYYY-MM`. */
  end: string
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
const YEAR = /^(\d{4})$/

export function periodBounds(period: string): PeriodBounds | null {
  const [first, last, ...rest] = period.split('..')
  if (first === undefined || rest.length > 0) return null
  if (last === undefined) {
    if (YEAR.test(first)) return { start: `${first}-01`, end: `${first}-12` }
    return MONTH.test(first) ? { start: first, end: first } : null
  }
  if (!MONTH.test(first) || !MONTH.test(last) || last < first) return null
  return { start: first, end: last }
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `2025-11` → `Nov 2025`; `2025-01..2025-02` → `Jan–Feb 2025`; `2024` → `2024`. */
export function formatPeriod(period: string): string {
  const bounds = periodBounds(period)
  if (!bounds) return period
  if (YEAR.test(period)) return period
  const [sy, sm] = splitMonth(bounds.start)
  const [ey, em] = splitMonth(bounds.end)
  if (bounds.start === bounds.end) return `${MONTHS_EN[sm - 1]} ${sy}`
  if (sy === ey) return `${MONTHS_EN[sm - 1]}–${MONTHS_EN[em - 1]} ${sy}`
  return `${MONTHS_EN[sm - 1]} ${sy}–${MONTHS_EN[em - 1]} ${ey}`
}

function splitMonth(month: string): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
}
