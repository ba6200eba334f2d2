import type { SeriesPoint } from '@shared/api'
import { periodBounds } from '@shared/periods'

/** A published point of a test series, its bounds read by the one period module. */
export function publishedPoint(period: string, value: number): SeriesPoint {
  const b = periodBounds(period)!
  return {
    period,
    periodStart: b.start,
    periodEnd: b.end,
    value,
    status: 'published',
    note: '',
    sourceId: 's',
    alternatives: 0,
  }
}
