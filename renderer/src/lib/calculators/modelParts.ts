/**
 * What the three calculator models share: percent ↔ fraction, the summary of outputs a scenario keeps,
 * and the published years of an annual series.
 */
import type { OutputSummary } from '../../../../electron/shared/calculatorState'
import type { SeriesData } from './provenance'

/** A percentage as typed (5) to the fraction the maths uses (0.05). */
export const fraction = (pct: number): number => pct / 100
/** A fraction (0.05) to percent (5), for display and for writing a solved rate back into an input. */
export const percent = (f: number): number => f * 100

const finiteOrNull = (v: number | null | undefined): number | null =>
  v !== null && v !== undefined && Number.isFinite(v) ? v : null

export function summary(entries: Record<string, number | null | undefined>): OutputSummary {
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, finiteOrNull(v)]))
}

/** The years with a published (not projected) annual value, newest first. */
export const yearsOf = (s: SeriesData | null): number[] =>
  [
    ...new Set(
      (s?.points ?? [])
        .filter((p) => /^\d{4}$/.test(p.period) && p.status !== 'projection')
        .map((p) => Number(p.period)),
    ),
  ].sort((a, b) => b - a)
