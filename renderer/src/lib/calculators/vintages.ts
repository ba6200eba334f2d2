/**
 * First-published and revised readings. Customs revise a month's figures in later releases, and the
 * data keeps every reading it found (one marked as displayed, usually the first published). A reading
 * is a **later vintage** when its source was published after the period's first release (from the
 * second month after the period's end: December 2024 is first released in January 2025, so a reading
 * published in February 2025 or later is a later vintage) and it differs from the displayed value.
 * The revised reading of a period is the latest such. A reading whose source has no date is never
 * taken as a revision: nothing is assumed about when it was published. Pure.
 */
import { monthId } from './provenance'

export interface Reading {
  value: number
  /** The source's publication date, `YYYY-MM-DD` (or `YYYY-MM`), or null when unknown. */
  published: string | null
  preferred: boolean
}

/** The first month in which a reading counts as a later vintage: two months after the period's end. */
export function laterVintageFrom(periodEnd: string): string {
  const y = Number(periodEnd.slice(0, 4))
  const m = Number(periodEnd.slice(5, 7)) + 2
  return monthId(y + Math.floor((m - 1) / 12), ((m - 1) % 12) + 1)
}

/** The revised reading among one period's readings, or null when the data has none. */
export function revisedReading<R extends Reading>(readings: readonly R[], periodEnd: string): R | null {
  const shown = readings.find((r) => r.preferred)
  if (!shown) return null
  const from = laterVintageFrom(periodEnd)
  const later = readings.filter(
    (r) =>
      !r.preferred &&
      r.value !== shown.value &&
      r.published !== null &&
      /^\d{4}-\d{2}/.test(r.published) &&
      r.published.slice(0, 7) >= from,
  )
  later.sort((a, b) => (a.published! < b.published! ? 1 : a.published! > b.published! ? -1 : 0))
  return later[0] ?? null
}
