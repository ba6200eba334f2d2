import { describe, expect, it } from 'vitest'
import {
  fromSeries,
  indexTo,
  monthOnMonth,
  movingAverage3,
  rolling12,
  scale,
  shareOf,
  yearOnYear,
  yearToDate,
  type TPoint,
} from '../../../renderer/src/lib/transforms'
import { monthIndex, monthOf, periodBounds } from '@shared/periods'

/** A published point; `value: null` stands for a gap in a derived input. */
const p = (period: string, value: number | null, source = `s-${period}`): TPoint => {
  const b = periodBounds(period)!
  return { period, start: b.start, end: b.end, value, kind: 'published', sourceIds: [source] }
}
const values = (points: TPoint[]) =>
  Object.fromEntries(
    points.map((x) => [x.period, x.value === null ? null : Math.round(x.value * 1000) / 1000]),
  )

describe('months', () => {
  it('round-trips month indexes', () => {
    for (const m of ['2018-01', '2024-12', '2025-02']) expect(monthOf(monthIndex(m))).toBe(m)
    expect(monthIndex('2025-01') - monthIndex('2024-12')).toBe(1)
  })
})

describe('fromSeries', () => {
  it('keeps a point the data marks computed (a summed World or bloc) computed, with its rule', () => {
    const point = (status: 'published' | 'computed', note: string) => ({
      period: '2024-01',
      periodStart: '2024-01',
      periodEnd: '2024-01',
      value: 1,
      status,
      note,
      sourceId: 'file-v1',
      alternatives: 0,
    })
    const rule = 'computed: sum of the 4 partners the file names (the file gives no World total)'
    expect(fromSeries([point('computed', rule)])[0]).toMatchObject({ kind: 'computed', note: rule })
    const published = fromSeries([point('published', 'a remark')])[0]!
    expect(published.kind).toBe('published')
    expect(published).not.toHaveProperty('note')
  })
})

describe('yearOnYear', () => {
  it('shows the published rate where there is one, and a computed one (labelled) elsewhere', () => {
    const levels = [p('2024-03', 279.7), p('2025-03', 313.9), p('2024-04', 292.45), p('2025-04', 315.69)]
    const published = [p('2025-03', 12.4, 'pub')]
    const out = yearOnYear(levels, published)
    const march = out.find((x) => x.period === '2025-03')!
    expect(march).toMatchObject({ value: 12.4, kind: 'published', sourceIds: ['pub'] })
    const april = out.find((x) => x.period === '2025-04')!
    expect(april.kind).toBe('computed')
    expect(april.value).toBeCloseTo((315.69 / 292.45 - 1) * 100, 9)
    expect(april.sourceIds).toEqual(['s-2025-04', 's-2024-04'])
    expect(out.find((x) => x.period === '2024-03')).toMatchObject({
      value: null,
      note: 'no level a year earlier',
    })
  })

  it('compares combined Jan–Feb with the year-earlier Jan–Feb, or with the sum of separately published months', () => {
    const combined = yearOnYear([p('2024-01..2024-02', 528.01), p('2025-01..2025-02', 539.94)])
    expect(values(combined)['2025-01..2025-02']).toBeCloseTo((539.94 / 528.01 - 1) * 100, 3)
    const fromParts = yearOnYear([p('2019-01', 217.6), p('2019-02', 135.2), p('2020-01..2020-02', 292.45)])
    const point = fromParts.find((x) => x.period === '2020-01..2020-02')!
    expect(point.value).toBeCloseTo((292.45 / (217.6 + 135.2) - 1) * 100, 9)
    expect(point.note).toMatch(/sum of 2 separately published months/)
  })

  it('leaves a gap where the year-earlier level is missing, and keeps a published rate without any level', () => {
    const out = yearOnYear([p('2025-10', 305.35)], [p('2024-11', 6.7)])
    expect(values(out)).toEqual({ '2024-11': 6.7, '2025-10': null })
  })
})

describe('yearToDate', () => {
  it('cumulates from January, counts Jan–Feb as two months, and restarts each year', () => {
    const out = yearToDate([
      p('2024-12', 104.8),
      p('2025-01..2025-02', 170.52),
      p('2025-03', 102.64),
      p('2025-04', 96.18),
    ])
    expect(values(out)).toEqual({
      '2024-12': null,
      '2025-01..2025-02': 170.52,
      '2025-03': 273.16,
      '2025-04': 369.34,
    })
    expect(out[0]!.note).toMatch(/no value for 2024-01/)
    expect(out[3]!.sourceIds).toEqual(['s-2025-01..2025-02', 's-2025-03', 's-2025-04'])
  })

  it('breaks the sum for the rest of the year after a missing month, but shows a published year-to-date figure', () => {
    const out = yearToDate(
      [p('2025-01..2025-02', 10), p('2025-04', 5), p('2025-05', 5)],
      [p('2025-01..2025-05', 30, 'pub-ytd')],
    )
    expect(values(out)).toEqual({ '2025-01..2025-02': 10, '2025-04': null, '2025-05': 30 })
    expect(out[2]).toMatchObject({ kind: 'published', sourceIds: ['pub-ytd'] })
  })
})

describe('rolling12', () => {
  it('sums exactly 12 months, combined periods included, and is null without full cover', () => {
    const months = [
      p('2024-01..2024-02', 20),
      ...Array.from({ length: 10 }, (_, i) => p(`2024-${String(i + 3).padStart(2, '0')}`, 10)),
      p('2025-01..2025-02', 30),
    ]
    const out = values(rolling12(months))
    expect(out['2024-12']).toBe(120)
    expect(out['2024-11']).toBeNull()
    expect(out['2025-01..2025-02']).toBe(130)
  })
})

describe('movingAverage3', () => {
  it('averages the three months ending at each point (their sum ÷ 3), Jan–Feb combined covering two of them, and says so', () => {
    const out = movingAverage3([
      p('2024-12', 30),
      p('2025-01..2025-02', 60),
      p('2025-03', 36),
      p('2025-04', 33),
      p('2025-06', 40),
    ])
    const v = values(out)
    // Dec + Jan–Feb = the three months Dec, Jan, Feb.
    expect(v['2025-01..2025-02']).toBe(30)
    expect(v['2025-03']).toBe(32) // (60 + 36) / 3
    expect(v['2025-04']).toBeNull() // Feb is inside Jan–Feb, which starts before the window
    expect(v['2025-06']).toBeNull() // May is missing
    expect(v['2024-12']).toBeNull()
    const march = out.find((x) => x.period === '2025-03')!
    expect(march.kind).toBe('computed')
    expect(march.note).toMatch(/average of the 3 months/)
    expect(march.sourceIds).toEqual(['s-2025-03', 's-2025-01..2025-02'])
  })
})

describe('monthOnMonth', () => {
  it('compares consecutive single months only', () => {
    const out = monthOnMonth([
      p('2025-01..2025-02', 539.94),
      p('2025-03', 313.9),
      p('2025-04', 315.69),
      p('2025-06', 325.2),
    ])
    expect(values(out)).toEqual({
      '2025-01..2025-02': null,
      '2025-03': null,
      '2025-04': Math.round((315.69 / 313.9 - 1) * 100000) / 1000,
      '2025-06': null,
    })
  })
})

describe('indexTo', () => {
  it('rebases to 100 and refuses periods of another length', () => {
    const out = indexTo([p('2025-01..2025-02', 500), p('2025-03', 300), p('2025-04', 330)], '2025-03')
    expect(values(out)).toEqual({ '2025-01..2025-02': null, '2025-03': 100, '2025-04': 110 })
    expect(values(indexTo([p('2025-03', 300)], '1999-01'))).toEqual({ '2025-03': null })
  })
})

describe('shareOf and scale', () => {
  it('computes a share of the total for the same period only', () => {
    expect(values(shareOf([p('2025-05', 28.8), p('2025-06', 38)], [p('2025-05', 316.1)]))).toEqual({
      '2025-05': 9.111,
      '2025-06': null,
    })
  })

  it('converts USD bn to mn without touching gaps', () => {
    expect(values(scale([p('2025-05', 316.1), p('2025-06', null)], 1000))).toEqual({
      '2025-05': 316100,
      '2025-06': null,
    })
  })
})
