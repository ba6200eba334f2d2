/**
 * Puts several series on one period axis for a chart. A period that a series lacks is a gap (null),
 * never a filled value; combined periods such as `2025-01..2025-02` stay one point. A month that no
 * series covers is on the axis too, empty for all: without it a line ran straight across it (March
 * 2026, published by no source yet, vanished between January–February and April).
 */
import type { Series, SeriesPoint } from '@shared/api'
import { compareBounds, monthIndex, monthOf } from '@shared/periods'

export interface AlignedSeries {
  /** Every period any series has, in time order. */
  periods: string[]
  /** Per series, its point at each period, or null where it has none. */
  points: (SeriesPoint | null)[][]
}

export function alignSeries(series: readonly Series[]): AlignedSeries {
  const bounds = new Map<string, { start: string; end: string }>()
  for (const s of series)
    for (const p of s.points) bounds.set(p.period, { start: p.periodStart, end: p.periodEnd })
  const covered = new Set<number>()
  for (const { start, end } of bounds.values())
    for (let m = monthIndex(start); m <= monthIndex(end); m++) covered.add(m)
  if (covered.size) {
    const first = Math.min(...covered)
    const last = Math.max(...covered)
    for (let m = first; m <= last; m++)
      if (!covered.has(m)) bounds.set(monthOf(m), { start: monthOf(m), end: monthOf(m) })
  }
  const periods = [...bounds.keys()].sort((a, b) => compareBounds(bounds.get(a)!, bounds.get(b)!))
  const points = series.map((s) => {
    const byPeriod = new Map(s.points.map((p) => [p.period, p]))
    return periods.map((period) => byPeriod.get(period) ?? null)
  })
  return { periods, points }
}
