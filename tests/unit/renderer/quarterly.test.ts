/**
 * Quarterly data charted as quarters: the transforms compare a quarter with the same quarter a year
 * before (y/y) or with the quarter just before (q/q), add quarters up within a year (year to date) and
 * over four quarters (the rolling year), each computed value stating its rule; nothing adds months up
 * into quarters. The controls offer Quarterly only where the dataset has quarters, and the chart draws
 * each quarter inside its own three months, its axis named in quarters. Expected values are worked by
 * hand from the levels below.
 */
import { describe, expect, it } from 'vitest'
import type { Series, SeriesInfo } from '@shared/api'
import type { Dimensions } from '@shared/exploreApi'
import { axisSpan, periodBounds } from '@shared/periods'
import { defaultViewState, TRANSFORMS, type ViewState } from '@shared/viewState'
import { timeTicks, xOf, buildChartConfig, chartText } from '../../../renderer/src/lib/chartConfig'
import { buildChartModel, unitOf, type FetchedSeries } from '../../../renderer/src/lib/chartModel'
import { firstViewOf } from '../../../renderer/src/lib/datasetView'
import { formatValue } from '../../../renderer/src/lib/format'
import {
  monthOnMonth,
  quarterOnQuarter,
  rolling12,
  yearOnYear,
  yearToDate,
  type TPoint,
} from '../../../renderer/src/lib/transforms'
import {
  chartAvailable,
  normalizeView,
  options,
  transformAvailable,
} from '../../../renderer/src/lib/viewRules'

const p = (period: string, value: number | null): TPoint => {
  const b = periodBounds(period)!
  return { period, start: b.start, end: b.end, value, kind: 'published', sourceIds: [`s-${period}`] }
}
const values = (points: TPoint[]) =>
  Object.fromEntries(
    points.map((x) => [x.period, x.value === null ? null : Math.round(x.value * 1000) / 1000]),
  )
const notes = (points: TPoint[]) => Object.fromEntries(points.map((x) => [x.period, x.note]))

// Two years and a quarter, with 2024-Q2 published empty.
const levels = [
  p('2023-Q1', 100),
  p('2023-Q2', 110),
  p('2023-Q3', 120),
  p('2023-Q4', 130),
  p('2024-Q1', 105),
  p('2024-Q2', null),
  p('2024-Q3', 132),
  p('2024-Q4', 143),
  p('2025-Q1', 126),
]

describe('quarterly transforms', () => {
  it('y/y: each quarter against the same quarter a year before, saying which', () => {
    const out = yearOnYear(levels)
    expect(values(out)).toEqual({
      '2023-Q1': null,
      '2023-Q2': null,
      '2023-Q3': null,
      '2023-Q4': null,
      '2024-Q1': 5, // 105 / 100 − 1
      '2024-Q2': null,
      '2024-Q3': 10, // 132 / 120 − 1
      '2024-Q4': 10, // 143 / 130 − 1
      '2025-Q1': 20, // 126 / 105 − 1
    })
    expect(out.every((x) => x.kind === 'computed')).toBe(true)
    expect(notes(out)['2024-Q1']).toBe('% change on the same quarter a year before (2023-Q1)')
    expect(notes(out)['2025-Q1']).toBe('% change on the same quarter a year before (2024-Q1)')
    expect(notes(out)['2023-Q4']).toBe('no level a year earlier')
    expect(out.find((x) => x.period === '2024-Q1')!.sourceIds).toEqual(['s-2024-Q1', 's-2023-Q1'])
  })

  it('q/q: each quarter against the one just before; a gap leaves the next quarter without a rate', () => {
    const out = quarterOnQuarter(levels)
    expect(values(out)).toEqual({
      '2023-Q1': null,
      '2023-Q2': 10, // 110 / 100 − 1
      '2023-Q3': 9.091, // 120 / 110 − 1
      '2023-Q4': 8.333, // 130 / 120 − 1
      '2024-Q1': -19.231, // 105 / 130 − 1
      '2024-Q2': null,
      '2024-Q3': null,
      '2024-Q4': 8.333, // 143 / 132 − 1
      '2025-Q1': -11.888, // 126 / 143 − 1
    })
    expect(notes(out)['2024-Q1']).toBe('% change on the previous quarter (2023-Q4)')
    expect(notes(out)['2023-Q1']).toBe('the previous quarter has no comparable value')
    expect(notes(out)['2024-Q3']).toBe('no value to compare')
  })

  it('q/q never adds months up into quarters, and m/m never compares quarters', () => {
    const months = ['2024-01', '2024-02', '2024-03', '2024-04'].map((m) => p(m, 10))
    expect(quarterOnQuarter(months).map((x) => [x.value, x.note])).toEqual(
      months.map(() => [null, 'only a calendar quarter has a quarter-on-quarter change']),
    )
    expect(monthOnMonth(levels).every((x) => x.value === null)).toBe(true)
  })

  it('year to date: the quarters of each year added up from Q1; a missing quarter ends the year’s sum', () => {
    const out = yearToDate(levels)
    expect(values(out)).toEqual({
      '2023-Q1': 100,
      '2023-Q2': 210,
      '2023-Q3': 330,
      '2023-Q4': 460,
      '2024-Q1': 105,
      '2024-Q2': null,
      '2024-Q3': null,
      '2024-Q4': null,
      '2025-Q1': 126,
    })
    expect(notes(out)['2023-Q3']).toBe('sum of the quarters 2023-Q1 to 2023-Q3')
    expect(notes(out)['2024-Q4']).toBe('year to date unknown: 2024-Q2 has no value')
    // A quarter the file does not have at all is named as a quarter.
    const withoutQ2 = yearToDate(levels.filter((x) => x.period !== '2024-Q2'))
    expect(notes(withoutQ2)['2024-Q3']).toBe('year to date unknown: no value for 2024-Q2')
  })

  it('rolling year: the sum of exactly four quarters, none while one of them is missing', () => {
    const out = rolling12(levels)
    expect(values(out)).toEqual({
      '2023-Q1': null,
      '2023-Q2': null,
      '2023-Q3': null,
      '2023-Q4': 460, // 100 + 110 + 120 + 130
      '2024-Q1': 465, // 110 + 120 + 130 + 105
      '2024-Q2': null,
      '2024-Q3': null,
      '2024-Q4': null,
      '2025-Q1': null,
    })
    expect(notes(out)['2024-Q1']).toBe('sum of the 4 quarters to 2024-Q1')
    expect(notes(out)['2024-Q3']).toBe('no value for 2024-Q2 inside the 4 quarters')
    expect(out.filter((x) => x.value !== null).every((x) => x.kind === 'computed')).toBe(true)
  })
})

const info = (flow: string, frequency: SeriesInfo['frequency']): SeriesInfo => ({
  series: `${flow}_dza_world`,
  label: flow,
  reporter: 'dza',
  flow,
  partner: 'world',
  product: 'all',
  measure: 'level',
  unit: 'USD',
  frequency,
  observations: 4,
  firstPeriod: '2023',
  lastPeriod: '2025',
  projection: false,
})
const view = (patch: Partial<ViewState> = {}): ViewState => ({
  ...defaultViewState(),
  dataset: 'wto-algeria',
  reporter: 'dza',
  flows: ['imports'],
  unit: 'USD',
  range: {},
  ...patch,
})

describe('the controls', () => {
  const withQuarters = [info('imports', 'year'), info('imports', 'quarter'), info('exports', 'year')]

  it('offer Quarterly only where the dataset has the flow’s quarters', () => {
    expect(options(view({ frequency: 'year' }), withQuarters).frequencies).toEqual(['quarter', 'year'])
    expect(options(view({ frequency: 'year', flows: ['exports'] }), withQuarters).frequencies).toEqual([
      'year',
    ])
    expect(
      options(view({ frequency: 'year' }), [info('imports', 'year'), info('imports', 'month')]).frequencies,
    ).toEqual(['month', 'year'])
    // A view asking for quarters of a flow that has none falls back to a frequency it has.
    expect(normalizeView(view({ frequency: 'quarter', flows: ['exports'] }), withQuarters).frequency).toBe(
      'year',
    )
  })

  it('offer on quarters: y/y, q/q, year to date, the rolling year and the index; not m/m or the 3-month average', () => {
    const q = view({ frequency: 'quarter' })
    expect(TRANSFORMS.filter((t) => transformAvailable(q, t))).toEqual([
      'none',
      'yoy',
      'ytd',
      'rolling12',
      'qoq',
      'index',
    ])
    expect(transformAvailable(view({ frequency: 'month' }), 'qoq')).toBe(false)
    expect(transformAvailable(view({ frequency: 'year' }), 'qoq')).toBe(false)
    // The year-to-date-by-year chart has one slot per month: monthly data only.
    expect(chartAvailable({ ...q, transform: 'ytd' }, 'ytdByYear')).toBe(false)
  })

  it('open a dataset at its finest frequency: quarters before years', () => {
    const dims = {
      dataset: 'wto-algeria',
      version: '1',
      bundled: false,
      sha256: null,
      fileName: 'WtoData_algeria.csv',
      reporters: [{ code: 'dza', label: 'Algeria' }],
      flows: [{ code: 'imports', label: 'imports' }],
      partners: [{ code: 'world', label: 'World' }],
      products: [{ code: 'all', label: 'All products' }],
      frequencies: ['quarter', 'year'],
      measures: ['level'],
      units: ['USD'],
      productLevels: [],
      coverage: { from: '2015', to: '2025-Q4' },
    } satisfies Dimensions
    expect(firstViewOf(dims, withQuarters).frequency).toBe('quarter')
  })
})

describe('the chart of quarters', () => {
  const series: Series = {
    dataset: 'wto-algeria',
    series: 'imports_dza_world',
    label: 'Algeria imports — World',
    unit: 'USD',
    frequency: 'quarter',
    points: levels
      .filter((x) => x.value !== null)
      .map((x) => ({
        period: x.period,
        periodStart: x.start,
        periodEnd: x.end,
        value: x.value!,
        status: 'published' as const,
        note: '',
        sourceId: 'file',
        alternatives: 0,
      })),
    sources: [{ id: 'file', title: 'WtoData_algeria.csv', publisher: 'WTO', published: null, url: '' }],
  }
  const fetched: FetchedSeries[] = [
    {
      selection: { key: 'imports:world:all', flow: 'imports', partner: 'world', product: 'all' },
      series,
      published: null,
      total: null,
    },
  ]

  it('puts each quarter at its middle month, inside its three months', () => {
    for (const x of levels) {
      const span = axisSpan(x.period)!
      expect(xOf(x.period, 'quarter')).toBe(span.middle)
      expect(span.to - span.from).toBe(3)
      expect(xOf(x.period, 'quarter')).toBeGreaterThan(span.from)
      expect(xOf(x.period, 'quarter')).toBeLessThan(span.to)
    }
  })

  it('ticks and names its axis in quarters (Q2 2024, 2024年第二季度), in years over a long span', () => {
    const v = view({ frequency: 'quarter' })
    const model = buildChartModel(v, fetched, () => 'imports')
    for (const [locale, first, second] of [
      ['en', 'Q1 2023', 'Q2 2023'],
      ['zh-CN', '2023年第一季度', '2023年第二季度'],
    ] as const) {
      const config = buildChartConfig(
        model,
        v,
        { annual: null, projection: null },
        { text: '#111', muted: '#555', grid: '#ddd', surface: '#fff' },
        chartText((k) => k, locale),
      )
      const x = config.options!.scales!.x as unknown as {
        min: number
        max: number
        ticks: { callback: (value: number) => string }
      }
      const ticks = timeTicks(x.min, x.max, true, true)
      expect(ticks.map((t) => x.ticks.callback(t)).slice(0, 2)).toEqual([first, second])
      // One tick per quarter (the empty 2024-Q2 too), each where that quarter's point is drawn.
      expect(ticks).toEqual(levels.map((q) => xOf(q.period, 'quarter')))
    }
    expect(new Set(timeTicks(0, 24_000 + 120, true, true).map((t) => t % 12))).toEqual(new Set([0]))
  })

  it('states the unit of q/q and shows its values as signed changes', () => {
    const v = view({ frequency: 'quarter', transform: 'qoq' })
    expect(unitOf(v, 'USD')).toBe('% q/q')
    const model = buildChartModel(v, fetched, () => 'imports')
    const q2 = model.series[0]!.points.find((x) => x.period === '2023-Q2')!
    expect(formatValue(q2.value, model.unit, 'en-US')).toBe('+10%')
  })
})
