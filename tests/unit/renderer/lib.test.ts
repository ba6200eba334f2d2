import { describe, expect, it } from 'vitest'
import type { Series, SeriesPoint } from '@shared/api'
import { formatPeriod, periodBounds } from '@shared/periods'
import { alignSeries } from '../../../renderer/src/lib/align'
import { formatChange, formatDifference, formatLevel } from '../../../renderer/src/lib/format'

const point = (period: string, value: number): SeriesPoint => {
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
const series = (name: string, points: SeriesPoint[]): Series => ({
  dataset: 'd',
  series: name,
  label: name,
  unit: 'USD bn',
  frequency: 'month',
  points,
  sources: [],
})

describe('alignSeries', () => {
  it('puts series on one time axis, keeps combined Jan–Feb as one period and leaves gaps as null', () => {
    const a = series('exports', [point('2025-03', 313.9), point('2025-01..2025-02', 539.94)])
    const b = series('imports', [point('2024-12', 1), point('2025-03', 2)])
    const { periods, points } = alignSeries([a, b])
    expect(periods).toEqual(['2024-12', '2025-01..2025-02', '2025-03'])
    expect(points[0]!.map((p) => p?.value ?? null)).toEqual([null, 539.94, 313.9])
    expect(points[1]!.map((p) => p?.value ?? null)).toEqual([1, null, 2])
  })
})

describe('periods', () => {
  it.each([
    ['2025-11', { start: '2025-11', end: '2025-11' }, 'Nov 2025'],
    ['2025-01..2025-02', { start: '2025-01', end: '2025-02' }, 'Jan–Feb 2025'],
    ['2024', { start: '2024-01', end: '2024-12' }, '2024'],
    ['2024-12..2025-02', { start: '2024-12', end: '2025-02' }, 'Dec 2024–Feb 2025'],
  ])('%s', (period, bounds, label) => {
    expect(periodBounds(period)).toEqual(bounds)
    expect(formatPeriod(period)).toBe(label)
  })

  it.each(['2025-13', '2025-00', '2025-02..2025-01', '2025-01..', '25-01', '2025-01..2025-02..2025-03', ''])(
    'refuses %j',
    (bad) => {
      expect(periodBounds(bad)).toBeNull()
    },
  )
})

describe('format', () => {
  it('keeps published precision and signs changes', () => {
    expect(formatLevel(330.3, 'USD bn')).toBe('$330.3 bn')
    expect(formatLevel(305.35, 'USD bn')).toBe('$305.35 bn')
    expect(formatLevel(5493.9, 'tonnes')).toBe('5,493.9 tonnes')
    expect(formatChange(5.9)).toBe('+5.9%')
    expect(formatChange(-1.1)).toBe('-1.1%')
    expect(formatChange(0)).toBe('0%')
  })

  it('signs a difference of levels outside the currency, with a true minus', () => {
    expect(formatDifference(-567, 'USD mn')).toBe('−$567 mn')
    expect(formatDifference(1109.3, 'USD mn')).toBe('+$1,109.3 mn')
    expect(formatDifference(0, 'USD mn')).toBe('$0 mn')
    expect(formatDifference(-2.5, 'USD mn', 'zh-CN')).toBe('−2.5 百万美元')
  })
})
