/**
 * Bars too thin to read are drawn another way: the bars' width worked out as Chart.js sizes them
 * (checked against the bars Chromium draws in tests/e2e/chartEdges.test.ts), and the chart drawn for a
 * view at a width, worked out here by hand.
 */
import { describe, expect, it } from 'vitest'
import { defaultViewState, type ViewState } from '@shared/viewState'
import { MIN_BAR_WIDTH } from '../../../renderer/src/lib/barWidth'
import { drawnChart, thinnestBar } from '../../../renderer/src/lib/chartConfig'
import type { ChartModel } from '../../../renderer/src/lib/chartModel'

const months = (n: number) =>
  Array.from({ length: n }, (_, i) => `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`)

function model(periods: string[], keys: string[], projection = false): ChartModel {
  return {
    periods,
    series: keys.map((key, i) => ({ key, projection: projection && i === keys.length - 1 })),
    unit: 'USD bn',
    sources: new Map(),
  } as unknown as ChartModel
}

const view = (chart: ViewState['chart'], extra: Partial<ViewState> = {}): ViewState => ({
  ...defaultViewState(),
  chart,
  ...extra,
})

describe('the thinnest bar', () => {
  it('100 months of 3 series on 630 px: a month is 630 / 100 px, 81% of it split three ways', () => {
    // The axis runs half a month either side of the first and last month: 99 + 1 = 100 months.
    expect(thinnestBar(model(months(100), ['a', 'b', 'c']), view('bar'), 630)).toBeCloseTo(
      (6.3 * 0.81) / 3,
      9,
    )
    // Stacked: one bar a month.
    expect(thinnestBar(model(months(100), ['a', 'b', 'c']), view('stackedBar'), 630)).toBeCloseTo(
      6.3 * 0.81,
      9,
    )
    // A hidden series and a projection take no place in the group.
    expect(
      thinnestBar(model(months(100), ['a', 'b', 'c'], true), view('bar', { hidden: ['a'] }), 630),
    ).toBeCloseTo(6.3 * 0.81, 9)
  })

  it('a combined January–February beside its months: every bar gets half a month', () => {
    // Dec 2017 (x = −1), Jan (0), Jan–Feb (0.5), Feb (1), Mar (2): the closest two are half a month
    // apart; the axis runs from −1.5 to 2.5, 4 months on 400 px.
    const periods = ['2017-12', '2018-01', '2018-01..2018-02', '2018-02', '2018-03']
    expect(thinnestBar(model(periods, ['a']), view('bar'), 400)).toBeCloseTo(100 * 0.5 * 0.81, 9)
  })

  it('a missing year takes no room from the others, and a lone bar has the whole axis', () => {
    // 2018, 2020, 2021 (no 2019): the closest are a year apart; the axis runs from mid-2017 to
    // mid-2021 plus half a year either side, 4 years on 400 px, so 100 px a year, 81% split five ways.
    const years = model(['2018', '2020', '2021'], ['a', 'b', 'c', 'd', 'e'])
    expect(thinnestBar(years, view('bar', { frequency: 'year' }), 400)).toBeCloseTo((100 * 0.81) / 5, 9)
    expect(thinnestBar(model(['2018'], ['a']), view('bar', { frequency: 'year' }), 400)).toBeCloseTo(
      400 * 0.81,
      9,
    )
  })

  it('no bars, no width', () => {
    expect(thinnestBar(model([], ['a']), view('bar'), 400)).toBeNull()
  })
})

describe('the chart drawn', () => {
  const long = model(months(100), ['a', 'b', 'c'])
  it('bars under the minimum become lines, stacked bars stacked areas, share bars 100% areas; others are left alone', () => {
    expect(MIN_BAR_WIDTH).toBe(3)
    expect(drawnChart(long, view('bar'), 630)).toBe('line')
    // 1,200 px: 12 × 0.81 / 3 = 3.24 px, wide enough.
    expect(drawnChart(long, view('bar'), 1200)).toBe('bar')
    expect(drawnChart(long, view('stackedBar'), 300)).toBe('stackedArea')
    expect(drawnChart(long, view('stackedBar'), 630)).toBe('stackedBar')
    // One bar a month as on a stacked chart: 3 × 0.81 = 2.43 px at 300 px, 5.1 px at 630 px.
    expect(drawnChart(long, view('share'), 300)).toBe('shareArea')
    expect(drawnChart(long, view('share'), 630)).toBe('share')
    expect(drawnChart(long, view('line'), 100)).toBe('line')
  })
})
