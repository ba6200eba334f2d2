/**
 * The Explorer's view logic as pure functions: where points sit on the time axis, projections in the
 * table, honest stacks, balances under y/y, the streak band, bases, and what a selection offers.
 */
import { describe, expect, it } from 'vitest'
import type { Series, SeriesInfo, SeriesPoint } from '@shared/api'
import { formatPeriod, monthIndex, periodBounds } from '@shared/periods'
import { defaultViewState, encodeViewState, selectionsOf, type ViewState } from '@shared/viewState'
import { decodeViewState } from '@shared/viewStateSchema'
import {
  buildChartConfig,
  chartText,
  incompleteStackPeriods,
  legendItems,
  wrapLines,
  xOf,
} from '../../../renderer/src/lib/chartConfig'
import {
  buildChartModel,
  isDrawn,
  LABEL_QUALIFIERS,
  labelWithoutUnit,
  sharedQualifier,
  unitNamesTransform,
  type FetchedSeries,
} from '../../../renderer/src/lib/chartModel'
import { exportDecoration, modelCsv } from '../../../renderer/src/lib/exportView'
import { sourcesOf } from '../../../renderer/src/lib/snapshotBuild'
import { formatValue, unitLabel } from '../../../renderer/src/lib/format'
import { countryName } from '../../../renderer/src/lib/names'
import { yearOnYearChange, type TPoint } from '../../../renderer/src/lib/transforms'
import {
  bases,
  chartAvailable,
  normalizeView,
  options,
  seriesOnBasis,
  stackBlockedByBalance,
  unknownCodes,
} from '../../../renderer/src/lib/viewRules'
import { STREAK_RULES } from '../../../renderer/src/lib/presets'
import { findStreaks } from '../../../renderer/src/lib/streaks'

const theme = { text: '#111', muted: '#555', grid: '#ddd', surface: '#fff' }
const text = chartText((key, values) => `${key} ${JSON.stringify(values)}`, 'en')

const point = (period: string, value: number, note = ''): SeriesPoint => {
  const b = periodBounds(period)!
  return {
    period,
    periodStart: b.start,
    periodEnd: b.end,
    value,
    status: 'published',
    note,
    sourceId: `src-${period}`,
    alternatives: 0,
  }
}
const series = (
  id: string,
  frequency: Series['frequency'],
  points: SeriesPoint[],
  unit = 'USD bn',
): Series => ({
  dataset: 'china-trade',
  series: id,
  label: id,
  unit,
  frequency,
  points,
  sources: points.map((p) => ({
    id: p.sourceId,
    title: `t ${p.period}`,
    publisher: `Pub ${p.period}`,
    published: null,
    url: 'https://example.org/',
  })),
})
/** A chart as the configuration's callbacks see it: a canvas that measures every character as CHAR px wide. */
const CHAR = 6
const fakeChart = (width: number, datasets: readonly object[] = []) => ({
  width,
  chartArea: { width },
  options: { font: { family: 'sans-serif' } },
  ctx: { save() {}, restore() {}, font: '', measureText: (s: string) => ({ width: s.length * CHAR }) },
  data: { datasets },
  isDatasetVisible: () => true,
})
const view = (patch: Partial<ViewState>): ViewState => ({ ...defaultViewState(), range: {}, ...patch })
const fetchedFor = (v: ViewState, data: Record<string, Series | null>): FetchedSeries[] =>
  selectionsOf(v).map((selection) => ({
    selection,
    series: data[selection.key] ?? null,
    published: null,
    total: null,
  }))

/** The chart's model and its x axis's ticks and labels, as Chart.js builds them from the configuration. */
function xTicks(v: ViewState, data: Record<string, Series | null>) {
  const model = buildChartModel(v, fetchedFor(v, data), (s) => s.key)
  const config = buildChartConfig(model, v, { annual: null, projection: null }, theme, text)
  const x = config.options!.scales!.x as unknown as {
    min: number
    max: number
    afterBuildTicks: (axis: { min: number; max: number; ticks: { value: number }[] }) => void
    ticks: { callback: (value: number) => string }
  }
  const axis = { min: x.min, max: x.max, ticks: [] as { value: number }[] }
  x.afterBuildTicks(axis)
  return { model, ticks: axis.ticks.map((t) => ({ at: t.value, label: x.ticks.callback(t.value) })) }
}

/** The x axis's tick labels. */
const tickLabels = (v: ViewState, data: Record<string, Series | null>): string[] =>
  xTicks(v, data).ticks.map((t) => t.label)

/** For every drawn point, the year label of the tick the reader reads it against. */
function yearOfEachPoint(v: ViewState, data: Record<string, Series | null>) {
  const { model, ticks } = xTicks(v, data)
  const monthAxis = v.frequency !== 'year'
  return model.periods.map((period) => {
    const px = xOf(period, v.frequency)
    // A month axis's year tick marks where the year starts; an annual axis's, the middle of the year.
    const tick = monthAxis
      ? ticks.filter((t) => t.at <= px).at(-1)
      : ticks.reduce((a, b) => (Math.abs(b.at - px) < Math.abs(a.at - px) ? b : a))
    const b = periodBounds(period)!
    return {
      period,
      inside: px >= monthIndex(b.start) - 0.5 && px <= monthIndex(b.end) + 0.5,
      readAs: tick?.label,
    }
  })
}

describe('points on the time axis', () => {
  it('draws a year-to-date figure inside its own year, read against that year', () => {
    const v = view({ frequency: 'ytd', flows: ['exports'] })
    const ytd = series('exports_usd_ytd', 'ytd', [
      point('2018-01..2018-11', 2250),
      point('2024-01..2024-11', 3200),
      point('2025-01..2025-06', 1810),
      point('2025-01..2025-11', 3410),
    ])
    for (const p of yearOfEachPoint(v, { 'exports:world:all': ytd })) {
      expect(p.inside, p.period).toBe(true)
      expect(p.readAs, p.period).toBe(p.period.slice(0, 4))
    }
  })

  it('draws annual and monthly figures inside their periods too', () => {
    const annual = series('exports_usd_annual', 'year', [point('2018', 2487), point('2024', 3577)])
    for (const p of yearOfEachPoint(view({ frequency: 'year', flows: ['exports'] }), {
      'exports:world:all': annual,
    })) {
      expect(p.inside).toBe(true)
      expect(p.readAs).toBe(p.period)
    }
    const monthly = series('exports', 'month', [
      point('2024-12', 335),
      point('2025-01..2025-02', 539.94),
      point('2025-03', 313.9),
    ])
    for (const p of yearOfEachPoint(view({ flows: ['exports'] }), { 'exports:world:all': monthly }))
      expect(p.inside).toBe(true)
  })

  it('draws each grid line on its tick in bar charts too (Chart.js shifts a bar chart’s by half a step)', () => {
    const monthly = series('exports', 'month', [point('2024-12', 335), point('2025-03', 313.9)])
    for (const chart of ['line', 'bar', 'stackedBar', 'share'] as const) {
      const v = view({ flows: ['exports'], chart })
      const model = buildChartModel(v, fetchedFor(v, { 'exports:world:all': monthly }), (s) => s.key)
      const config = buildChartConfig(model, v, { annual: null, projection: null }, theme, text)
      expect((config.options!.scales!.x as { grid?: { offset?: boolean } }).grid?.offset, chart).toBe(false)
    }
  })
})

describe('projections', () => {
  const observed = series('share', 'year', [point('2024', 14.6), point('2025', 15.1)], '%')
  const projection = series('share_projection', 'year', [point('2030', 16.5, 'bank forecast')], '%')
  const v = view({ measure: 'share', frequency: 'year', unit: '%', flows: ['exports'] })

  it('are in the model (so the table and the CSV), marked projected, after the observed data', () => {
    const model = buildChartModel(
      v,
      fetchedFor(v, { 'exports:world:all': observed }),
      (s) => s.key,
      projection,
    )
    expect(model.periods).toEqual(['2024', '2025', '2030'])
    const projected = model.series.find((s) => s.projection)!
    expect(projected.points).toMatchObject([
      { period: '2030', value: 16.5, kind: 'projected', note: 'bank forecast' },
    ])
    expect(model.sources.has('src-2030')).toBe(true)
    const csv = modelCsv(model)
    expect(csv).toMatch(/^2030,share_projection,16\.5,%,projected,bank forecast,Pub 2030/m)
  })

  it('are drawn dashed from the last observed value, and not for a transform of other units', () => {
    const model = buildChartModel(
      v,
      fetchedFor(v, { 'exports:world:all': observed }),
      (s) => s.key,
      projection,
    )
    const config = buildChartConfig(model, v, { annual: null, projection }, theme, text)
    const dashed = config.data.datasets.find((d) => (d as { borderDash?: number[] }).borderDash)!
    expect(dashed.data.filter((p) => p.y !== null)).toEqual([
      { x: xOf('2025', 'year'), y: 15.1 },
      { x: xOf('2030', 'year'), y: 16.5 },
    ])
    const yoy = { ...v, transform: 'yoy' as const }
    expect(
      buildChartModel(yoy, fetchedFor(yoy, { 'exports:world:all': observed }), (s) => s.key, projection)
        .series,
    ).toHaveLength(1)
  })
})

describe('stacked charts', () => {
  const v = view({ flows: ['exports', 'imports'], chart: 'stackedArea' })
  const data = {
    'exports:world:all': series('exports', 'month', [point('2025-03', 313.9), point('2025-04', 315.69)]),
    'imports:world:all': series('imports', 'month', [point('2025-04', 219.5)]),
  }

  it('start the y axis at zero and leave out (and list) periods where a series shown has no value', () => {
    const model = buildChartModel(v, fetchedFor(v, data), (s) => s.key)
    const config = buildChartConfig(model, v, { annual: null, projection: null }, theme, text)
    expect((config.options!.scales!.y as { beginAtZero?: boolean }).beginAtZero).toBe(true)
    const exportsDrawn = config.data.datasets[0]!.data.map((p) => p.y)
    expect(exportsDrawn).toEqual([null, 315.69])
    expect(incompleteStackPeriods(model, v)).toEqual(['2025-03'])
    expect(incompleteStackPeriods(model, { ...v, chart: 'line' })).toEqual([])
    expect(incompleteStackPeriods(model, { ...v, hidden: ['imports:world:all'] })).toEqual([])
  })
})

describe("a title's shared frequency or measure", () => {
  it('is said once after the names, in English and Chinese', () => {
    const en = ['Exports to the US, annual', 'Exports to the EU, annual', 'Exports to ASEAN, annual']
    expect(sharedQualifier(en, LABEL_QUALIFIERS)).toEqual({
      names: ['Exports to the US', 'Exports to the EU', 'Exports to ASEAN'],
      qualifier: 'annual',
    })
    const zh = ['出口 · 美国（年度）', '出口 · 欧盟（年度）']
    expect(sharedQualifier(zh, ['年度'])).toEqual({
      names: ['出口 · 美国', '出口 · 欧盟'],
      qualifier: '年度',
    })
  })

  it("is not taken where the endings differ, from one label, or from a name's own words", () => {
    expect(
      sharedQualifier(['Exports to the US, annual', 'Exports to the EU, y/y %'], LABEL_QUALIFIERS),
    ).toBeNull()
    expect(sharedQualifier(['Exports to the US, annual'], LABEL_QUALIFIERS)).toBeNull()
    expect(sharedQualifier(['Exports', 'Imports'], LABEL_QUALIFIERS)).toBeNull()
    expect(
      sharedQualifier(['Machinery, parts thereof', 'Vehicles, parts thereof'], LABEL_QUALIFIERS),
    ).toBeNull()
  })
})

describe('what a title leaves to the unit printed after it', () => {
  it("is a label's unit, in brackets or in the catalogue's words", () => {
    expect(labelWithoutUnit('Rare-earth exports (tonnes)', 'tonnes')).toBe('Rare-earth exports')
    expect(labelWithoutUnit('Exports to the US, y/y %', '% y/y')).toBe('Exports to the US')
    expect(labelWithoutUnit('Exports to the US, annual, y/y %', '% y/y')).toBe('Exports to the US, annual')
    // Only the unit the numbers are in.
    expect(labelWithoutUnit('Exports to the US, y/y %', 'USD bn')).toBe('Exports to the US, y/y %')
    expect(labelWithoutUnit('Exports (USD bn)', undefined)).toBe('Exports (USD bn)')
  })

  it('is a transform whose numbers are in a unit of its own, never one that keeps the series unit', () => {
    const v = defaultViewState()
    for (const transform of ['yoy', 'mom', 'qoq', 'index', 'share'] as const)
      expect(unitNamesTransform({ ...v, transform }), transform).toBe(true)
    for (const transform of ['none', 'ytd', 'rolling12', 'ma3'] as const)
      expect(unitNamesTransform({ ...v, transform }), transform).toBe(false)
    // A balance's y/y is its change in USD, said by its unit too.
    expect(unitNamesTransform({ ...v, flows: ['balance'], transform: 'yoy' })).toBe(true)
  })
})

describe('the 100% share chart drawn as areas (its bars too thin)', () => {
  it('draws the same shares as its bars, as filled lines stacked to 100%', () => {
    const v = view({ flows: ['exports', 'imports'], chart: 'share' })
    const exp = series('exports_usd', 'month', [point('2025-01', 300), point('2025-02', 250)])
    const imp = series('imports_usd', 'month', [point('2025-01', 200), point('2025-02', 250)])
    const model = buildChartModel(
      v,
      fetchedFor(v, { 'exports:world:all': exp, 'imports:world:all': imp }),
      (s) => s.key,
    )
    const refs = { annual: null, projection: null }
    const bars = buildChartConfig(model, v, refs, theme, text, undefined, [], 'share')
    const areas = buildChartConfig(model, v, refs, theme, text, undefined, [], 'shareArea')
    const ys = (c: typeof bars) => c.data.datasets.map((d) => d.data.map((p) => p.y))
    // 300 / 500 = 60%, 200 / 500 = 40%; 250 / 500 = 50% each.
    expect(ys(bars)).toEqual([
      [60, 50],
      [40, 50],
    ])
    expect(ys(areas)).toEqual(ys(bars))
    expect(bars.data.datasets.map((d) => d.type)).toEqual(['bar', 'bar'])
    expect(areas.data.datasets.map((d) => d.type)).toEqual(['line', 'line'])
    expect(areas.data.datasets.map((d) => (d as { fill?: unknown }).fill)).toEqual(['origin', '-1'])
    const y = areas.options!.scales!.y as { stacked?: boolean; max?: number }
    expect([y.stacked, y.max]).toEqual([true, 100])
    // A plot width gives the same choice: 2 months on 4 px are bars under the minimum.
    expect(
      buildChartConfig(model, v, refs, theme, text, undefined, [], 4).data.datasets.map((d) => d.type),
    ).toEqual(['line', 'line'])
  })
})

describe('the trade balance in stacked charts', () => {
  const both = view({ flows: ['exports', 'imports'] })
  const withBalance = view({ flows: ['exports', 'imports', 'balance'] })

  it('is never stacked nor taken as a share: those charts are unavailable, with the reason', () => {
    for (const chart of ['stackedBar', 'stackedArea', 'share'] as const) {
      expect(chartAvailable(both, chart)).toBe(true)
      expect(chartAvailable(withBalance, chart)).toBe(false)
    }
    expect(chartAvailable(withBalance, 'line')).toBe(true)
    expect(stackBlockedByBalance(withBalance)).toBe(true)
    // Only where a stack would otherwise be offered is the balance given as the reason.
    expect(stackBlockedByBalance(both)).toBe(false)
    expect(stackBlockedByBalance(view({ flows: ['exports', 'balance'], transform: 'yoy' }))).toBe(false)
  })

  it('a view asking for it (an old address) is drawn as bars or lines instead', () => {
    expect(normalizeView({ ...withBalance, chart: 'share' }, []).chart).toBe('line')
    expect(normalizeView({ ...withBalance, chart: 'stackedBar' }, []).chart).toBe('bar')
    expect(normalizeView({ ...both, chart: 'share' }, []).chart).toBe('share')
  })
})

describe('the trade balance under y/y', () => {
  const balance = series('balance', 'month', [
    point('2024-03', -10),
    point('2025-03', 30),
    point('2024-04', 40),
    point('2025-04', 35.5),
  ])

  it('shows the change in USD when shown alone, never a rate across a change of sign', () => {
    const v = view({ flows: ['balance'], transform: 'yoy' })
    const model = buildChartModel(v, fetchedFor(v, { 'balance:world:all': balance }), (s) => s.key)
    expect(model.unit).toBe('USD bn, change y/y')
    const byPeriod = Object.fromEntries(model.series[0]!.points.map((p) => [p.period, p.value]))
    expect(byPeriod).toMatchObject({ '2025-03': 40, '2025-04': -4.5, '2024-03': null })
    expect(formatValue(40, model.unit, 'en-US')).toBe('+$40 bn')
    expect(formatValue(-4.5, model.unit, 'en-US')).toBe('−$4.5 bn')
  })

  it('leaves the balance rate out, with the reason, beside exports', () => {
    const v = view({ flows: ['exports', 'balance'], transform: 'yoy' })
    const model = buildChartModel(
      v,
      fetchedFor(v, { 'exports:world:all': balance, 'balance:world:all': balance }),
      (s) => s.key,
    )
    expect(model.unit).toBe('% y/y')
    const b = model.series.find((s) => s.selection.flow === 'balance')!
    expect(b.points.every((p) => p.value === null && /sign can change/.test(p.note ?? ''))).toBe(true)
  })

  it('is not named where nothing of it is drawn: the legend and the title leave it out', () => {
    const v = view({ flows: ['exports', 'balance'], transform: 'yoy' })
    const exports = { ...balance, series: 'exports', label: 'Exports' }
    const model = buildChartModel(
      v,
      fetchedFor(v, { 'exports:world:all': exports, 'balance:world:all': balance }),
      (s) => s.key,
    )
    expect(model.series.filter(isDrawn).map((s) => s.selection.flow)).toEqual(['exports'])
    const config = buildChartConfig(model, v, { annual: null, projection: null }, theme, text)
    expect(legendItems(fakeChart(800, config.data.datasets), theme).map((i) => i.text)).toEqual(['Exports'])
  })

  it('yearOnYearChange compares the same span a year earlier only', () => {
    const pts: TPoint[] = [
      {
        period: '2024-01..2024-02',
        start: '2024-01',
        end: '2024-02',
        value: 100,
        kind: 'published',
        sourceIds: ['a'],
      },
      {
        period: '2025-01..2025-02',
        start: '2025-01',
        end: '2025-02',
        value: 130,
        kind: 'published',
        sourceIds: ['b'],
      },
    ]
    expect(yearOnYearChange(pts).map((p) => p.value)).toEqual([null, 30])
  })
})

describe('streak rules declared by ready-made views', () => {
  const v = view({ flows: ['exports'], partners: ['us'], measure: 'yoy', unit: '% y/y' })
  const months = ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']
  const rates = (values: number[]) =>
    series(
      'us_yoy',
      'month',
      values.map((value, i) => point(months[i]!, value)),
      '% y/y',
    )

  it('is labelled computed, with its rule and its span', () => {
    const model = buildChartModel(
      v,
      fetchedFor(v, { 'exports:us:all': rates([-21, -34, -16, -22, -33, -27]) }),
      (s) => s.key,
    )
    const config = buildChartConfig(
      model,
      v,
      { annual: null, projection: null },
      theme,
      chartText(
        (k, vals) =>
          k === 'explorer.streakBelow'
            ? `Computed: ${vals.series} ${vals.n} ≤ ${vals.threshold}, min ${vals.min} (${vals.from}–${vals.to})`
            : k,
        'en',
      ),
    )
    const band = (
      config.options!.plugins!.annotation as {
        annotations: Record<string, { label: { content: (ctx: { chart: unknown }) => string[] } }>
      }
    ).annotations['streak-0']!
    expect(band.label.content({ chart: fakeChart(800) })).toEqual([
      'Computed: us_yoy 6 ≤ -10%, min 3 (Apr 2025–Sep 2025)',
    ])
    // On a narrow chart the label wraps to the plot's width instead of running off its edge.
    const narrow = band.label.content({ chart: fakeChart(150) })
    expect(narrow.length).toBeGreaterThan(1)
    for (const line of narrow) expect(line.length * CHAR).toBeLessThanOrEqual(150 - 20)
    expect(narrow.map((l) => l.trim()).join(' ')).toBe('Computed: us_yoy 6 ≤ -10%, min 3 (Apr 2025–Sep 2025)')
  })

  it('follows the data: a later month above −10% ends the run, a new run of 3 replaces it', () => {
    const ended = buildChartModel(
      v,
      fetchedFor(v, { 'exports:us:all': rates([-21, -34, -16, -5, -33, -27]) }),
      (s) => s.key,
    )
    expect(findStreaks(ended, v, STREAK_RULES).map(({ from, to, length }) => ({ from, to, length }))).toEqual(
      [{ from: 0, to: 2, length: 3 }],
    )
    const short = buildChartModel(
      v,
      fetchedFor(v, { 'exports:us:all': rates([-21, -34, 2, -5, -33, -27]) }),
      (s) => s.key,
    )
    expect(findStreaks(short, v, STREAK_RULES)).toEqual([])
    // The rule is on y/y rates: the same series as levels has no streak.
    expect(findStreaks(ended, { ...v, measure: 'level' }, STREAK_RULES)).toEqual([])
  })

  it('any view can declare a rule for any series: a run of rises of world imports above a level', () => {
    const w = view({ flows: ['imports'], partners: ['world'], unit: 'USD bn' })
    const levels = series(
      'imports_usd',
      'month',
      [210, 221, 225, 219, 230, 232].map((value, i) => point(months[i]!, value)),
      'USD bn',
    )
    const model = buildChartModel(w, fetchedFor(w, { 'imports:world:all': levels }), (s) => s.key)
    const rule = {
      series: { flow: 'imports', partner: 'world' },
      measure: 'level',
      direction: 'atOrAbove',
      threshold: 220,
      minLength: 2,
    } as const
    // 221, 225 (a run of 2) then 219 breaks it; 230, 232 is the latest run.
    expect(findStreaks(model, w, [rule])).toMatchObject([{ from: 4, to: 5, length: 2, rule }])
    expect(findStreaks(model, w, [{ ...rule, minLength: 3 }])).toEqual([])
    // The US rule does not watch this series.
    expect(findStreaks(model, w, STREAK_RULES)).toEqual([])
  })
})

const info = (p: Partial<SeriesInfo> & Pick<SeriesInfo, 'series' | 'flow'>): SeriesInfo => ({
  label: p.series,
  reporter: 'china',
  partner: 'world',
  product: 'all',
  measure: 'level',
  unit: 'USD bn',
  frequency: 'month',
  observations: 1,
  firstPeriod: '2020',
  lastPeriod: '2025',
  projection: false,
  ...p,
})
const catalog: SeriesInfo[] = [
  info({ series: 'exports_usd', flow: 'exports' }),
  info({ series: 'imports_usd', flow: 'imports' }),
  info({ series: 'exports_usd_annual', flow: 'exports', frequency: 'year' }),
  info({ series: 'china_merchandise_exports_usd_annual_wto', flow: 'exports', frequency: 'year' }),
  info({ series: 'imports_usd_annual', flow: 'imports', frequency: 'year' }),
  info({ series: 'trade_usd_annual', flow: 'trade', frequency: 'year' }),
  info({ series: 'exports_yoy', flow: 'exports', measure: 'yoy', unit: '% y/y' }),
  info({ series: 'rare_earth_exports_tons', flow: 'exports', product: 'rare_earths', unit: 'tonnes' }),
]

describe('what a selection offers', () => {
  it('offers a basis choice, customs first, only where a total exists on more than one basis', () => {
    const annual = view({ frequency: 'year', flows: ['exports', 'imports'] })
    expect(bases(annual, catalog)).toEqual(['customs', 'wto'])
    expect(bases(view({ flows: ['exports'] }), catalog)).toEqual(['customs'])
    const wto = { ...annual, basis: 'wto' }
    const [exportsSel, importsSel] = selectionsOf(wto)
    expect(seriesOnBasis(wto, catalog, exportsSel!)).toBe('china_merchandise_exports_usd_annual_wto')
    expect(seriesOnBasis(wto, catalog, importsSel!)).toBeNull() // said as missing, never silently customs
    expect(seriesOnBasis(annual, catalog, exportsSel!)).toBeUndefined()
    // A basis that does not exist for the view is dropped; customs is the default, so never written.
    expect(normalizeView({ ...view({ flows: ['exports'] }), basis: 'wto' }, catalog).basis).toBeUndefined()
    expect(normalizeView({ ...annual, basis: 'customs' }, catalog).basis).toBeUndefined()
  })

  it('marks flows without a series at the frequency, and falls back to a measure the product has', () => {
    expect(options(view({}), catalog).flowsHere).toEqual(['exports', 'imports'])
    expect(options(view({ frequency: 'year' }), catalog).flowsHere).toContain('trade')
    const rare = normalizeView(
      view({ flows: ['exports'], products: ['rare_earths'], measure: 'yoy', unit: '% y/y' }),
      catalog,
    )
    expect(rare.measure).toBe('level')
    expect(options(rare, catalog).units).toEqual(['tonnes'])
  })
})

describe('in the reader’s language', () => {
  it('writes periods, units and country names in Chinese', () => {
    expect(formatPeriod('2025-11', 'zh-CN')).toBe('2025年11月')
    expect(formatPeriod('2025-01..2025-02', 'zh-CN')).toBe('2025年1–2月')
    expect(formatPeriod('2024-12..2025-02', 'zh-CN')).toBe('2024年12月–2025年2月')
    expect(formatPeriod('2025-11')).toBe('Nov 2025')
    expect(unitLabel('USD bn', 'zh-CN')).toBe('亿美元')
    expect(unitLabel('index, 2025-03 = 100', 'zh-CN', (p) => formatPeriod(p, 'zh-CN'))).toBe(
      '指数（2025年3月 = 100）',
    )
    expect(formatValue(1080, 'USD bn', 'zh-CN')).toBe('10,800 亿美元')
    expect(countryName('us', 'zh-CN')).toBe('美国')
    expect(countryName('south_korea', 'en')).toBe('South Korea')
    expect(countryName('asean', 'en')).toBeNull()
  })
})

describe('what leaves the app', () => {
  const v = view({ flows: ['exports'], range: { from: '2025-03' } })
  const all = series('exports', 'month', [
    point('2025-01..2025-02', 539.94),
    point('2025-03', 313.9),
    point('2025-04', 315.69),
  ])
  const model = buildChartModel(v, fetchedFor(v, { 'exports:world:all': all }), (s) => s.key)

  it('an exported image names the sources of the numbers shown, in the footer', () => {
    const d = exportDecoration(model, 'Exports', 'USD bn', 1200, text)
    expect(d.footer[0]).toContain('Pub 2025-03; Pub 2025-04')
    expect(d.footer[0]).not.toContain('Pub 2025-01..2025-02') // outside the range shown
    expect(d.subtitle).toBe('USD bn · Mar 2025–Apr 2025 · app.title {}')
  })

  it('a snapshot keeps only the sources its points cite', () => {
    expect(model.sources.size).toBe(3)
    expect(sourcesOf(model).map((s) => s.id)).toEqual(['src-2025-03', 'src-2025-04'])
  })
})

describe('tooltips that fit the chart', () => {
  const measure = (s: string) => s.length * CHAR

  it('wraps lines at spaces, or between Chinese characters, to the width given', () => {
    expect(wrapLines(['Source: Reuters via CNA; China Daily'], 20 * CHAR, measure)).toEqual([
      'Source: Reuters via',
      '  CNA; China Daily',
    ])
    const zh = wrapLines(['来源：海关总署；路透社；新华社'], 8 * CHAR, measure)
    expect(zh.length).toBeGreaterThan(1)
    for (const line of zh) expect(measure(line)).toBeLessThanOrEqual(8 * CHAR)
    expect(zh.map((l) => l.trim()).join('')).toBe('来源：海关总署；路透社；新华社')
    // Indentation is kept, and a continuation goes two spaces further in.
    expect(wrapLines(['  12.0 — Pub one two'], 11 * CHAR, measure)).toEqual([
      '  12.0 —',
      '    Pub one',
      '    two',
    ])
    expect(wrapLines(['short'], 100, measure)).toEqual(['short'])
  })

  it('lists three sources and how many more, each line within the chart, at its right edge too', () => {
    // Year to date through May sums five months, each from its own publisher.
    const v = view({ flows: ['exports'], transform: 'ytd' })
    const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']
    const many = series(
      'exports_usd',
      'month',
      months.map((m) => point(m, 300)),
    )
    many.sources = many.sources.map((s, i) => ({
      ...s,
      publisher: `Publisher with a long name ${'abcde'[i]}`,
    }))
    const model = buildChartModel(v, fetchedFor(v, { 'exports:world:all': many }), (s) => s.key)
    const t = chartText(
      (k, vals) =>
        k === 'explorer.tooltip.moreSources'
          ? `${vals.names} and ${vals.n} more`
          : k === 'app.labelledValue'
            ? `${vals.label}: ${vals.value}`
            : k,
      'en',
    )
    const config = buildChartConfig(model, v, { annual: null, projection: null }, theme, t)
    // One list of sources for the whole tooltip, under its values.
    const footer = config.options!.plugins!.tooltip!.callbacks!.footer as unknown as (
      items: { chart: unknown; datasetIndex: number; dataIndex: number }[],
    ) => string[]
    const chart = fakeChart(300)
    const lines = footer([{ chart, datasetIndex: 0, dataIndex: model.periods.indexOf('2025-05') }])
    const joined = lines.map((l) => l.trim()).join(' ')
    expect(joined).toContain('Publisher with a long name c and 2 more')
    expect(joined).not.toContain('name d')
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(300 - 60)
  })
})

describe('legend markers', () => {
  it("show each series' own style, not its first point's", () => {
    const v = view({ flows: ['exports', 'imports'] })
    // January–February combined comes first: its point is marked, and drawn as a triangle.
    const exp = series('exports_usd', 'month', [point('2025-01..2025-02', 540), point('2025-03', 313)])
    const imp = series('imports_usd', 'month', [point('2025-01..2025-02', 370), point('2025-03', 211)])
    const model = buildChartModel(
      v,
      fetchedFor(v, { 'exports:world:all': exp, 'imports:world:all': imp }),
      (s) => s.key,
    )
    const line = buildChartConfig(model, v, { annual: null, projection: null }, theme, text)
    expect(line.data.datasets[0]!.data[0]).toMatchObject({ combined: true })
    const items = legendItems(fakeChart(800, line.data.datasets), theme)
    expect(items.map((i) => [i.pointStyle, i.lineDash, i.lineWidth])).toEqual([
      ['line', [], 2],
      ['line', [], 2],
    ])
    expect(items.map((i) => i.strokeStyle)).toEqual(line.data.datasets.map((d) => d.borderColor))

    const bars = buildChartConfig(
      model,
      { ...v, chart: 'bar' },
      { annual: null, projection: null },
      theme,
      text,
    )
    expect(legendItems(fakeChart(800, bars.data.datasets), theme).map((i) => i.pointStyle)).toEqual([
      'rect',
      'rect',
    ])
    const area = buildChartConfig(
      model,
      { ...v, chart: 'stackedArea' },
      { annual: null, projection: null },
      theme,
      text,
    )
    expect(legendItems(fakeChart(800, area.data.datasets), theme).map((i) => i.pointStyle)).toEqual([
      'rect',
      'rect',
    ])
  })

  it('draws a projection as a dashed line', () => {
    const v = view({ flows: ['exports'] })
    const exp = series('exports_usd', 'month', [point('2025-03', 313)])
    const model = buildChartModel(v, fetchedFor(v, { 'exports:world:all': exp }), (s) => s.key)
    const config = buildChartConfig(model, v, { annual: null, projection: null }, theme, text)
    const projection = { ...config.data.datasets[0]!, borderDash: [6, 4], label: 'projection' }
    const [item] = legendItems(fakeChart(800, [projection]), theme)
    expect(item!.pointStyle).toBe('line')
    expect(item!.lineDash).toEqual([6, 4])
  })
})

describe('January–February combined points', () => {
  it('are marked on their data, while every point option stays one plain value a dataset shares', () => {
    const v = view({ flows: ['exports', 'imports'] })
    const exp = series('exports_usd', 'month', [point('2025-01..2025-02', 540), point('2025-03', 313)])
    const imp = series('imports_usd', 'month', [point('2025-01..2025-02', 370), point('2025-03', 211)])
    const fetched = fetchedFor(v, { 'exports:world:all': exp, 'imports:world:all': imp })
    const model = buildChartModel(v, fetched, (s) => s.key)
    for (const chart of ['line', 'stackedArea'] as const) {
      const config = buildChartConfig(model, { ...v, chart }, { annual: null, projection: null }, theme, text)
      for (const dataset of config.data.datasets) {
        // An array (or a function) here would make Chart.js resolve each point's options on its own.
        expect(dataset).toMatchObject({ pointRadius: 2, pointStyle: 'circle' })
        expect(dataset.data.map((p) => p.combined === true)).toEqual([true, false])
      }
    }
    // Bars have no points; an annual chart no combined periods.
    const bars = buildChartConfig(
      model,
      { ...v, chart: 'bar' },
      { annual: null, projection: null },
      theme,
      text,
    )
    expect(bars.data.datasets.flatMap((d) => d.data).some((p) => p.combined)).toBe(false)
  })
})

describe('January–February as a monthly average', () => {
  const exp = series('exports_usd', 'month', [
    point('2025-01..2025-02', 539.94),
    point('2025-03', 313.9),
    point('2026-01..2026-02', 656.6),
  ])

  it('is off by default: the combined value stays one point, as published', () => {
    const v = view({ flows: ['exports'] })
    expect(v.janFeb).toBeUndefined()
    const model = buildChartModel(v, fetchedFor(v, { 'exports:world:all': exp }), (s) => s.key)
    expect(model.periods).toEqual(['2025-01..2025-02', '2025-03', '2026-01..2026-02'])
    expect(model.series[0]!.points[0]).toMatchObject({ value: 539.94, kind: 'published' })
  })

  it('when asked for, shows January and February each as the combined value ÷ 2, marked computed with the rule', () => {
    const v = view({ flows: ['exports'], janFeb: 'average' })
    const model = buildChartModel(v, fetchedFor(v, { 'exports:world:all': exp }), (s) => s.key)
    expect(model.periods).toEqual(['2025-01', '2025-02', '2025-03', '2026-01', '2026-02'])
    const [jan, feb, mar] = model.series[0]!.points
    for (const p of [jan!, feb!]) {
      expect(p.value).toBeCloseTo(539.94 / 2, 10)
      expect(p.kind).toBe('computed')
      expect(p.note).toContain('Jan–Feb combined value ÷ 2')
      expect(p.sourceIds).toEqual(['src-2025-01..2025-02'])
    }
    expect(mar).toMatchObject({ value: 313.9, kind: 'published' })
    // The CSV says what each value is and how it was made.
    const csv = modelCsv(model).split('\n')
    const janRow = csv.find((line) => line.startsWith('2025-01,'))!
    expect(janRow).toContain(',computed,')
    expect(janRow).toContain('Jan–Feb combined value ÷ 2')
    // The tooltip gives the rule in the reader's language.
    const t = chartText((k) => (k === 'explorer.janFebAverage.rule' ? 'RULE' : k), 'en')
    const config = buildChartConfig(model, v, { annual: null, projection: null }, theme, t)
    const afterLabel = config.options!.plugins!.tooltip!.callbacks!.afterLabel as unknown as (item: {
      chart: unknown
      datasetIndex: number
      dataIndex: number
    }) => string[]
    expect(afterLabel({ chart: fakeChart(800), datasetIndex: 0, dataIndex: 0 })).toContain('RULE')
  })

  it('applies only to monthly levels as published, and travels in the view string', () => {
    for (const patch of [{ transform: 'yoy' as const }, { transform: 'ytd' as const }]) {
      const v = view({ flows: ['exports'], janFeb: 'average', ...patch })
      const model = buildChartModel(v, fetchedFor(v, { 'exports:world:all': exp }), (s) => s.key)
      expect(model.periods).not.toContain('2025-01')
    }
    const v = view({ flows: ['exports'], janFeb: 'average' })
    const encoded = encodeViewState(v)
    expect(encoded).toContain('janFeb=average')
    expect(decodeViewState(encoded)).toEqual({ ok: true, view: v })
    expect(decodeViewState(encodeViewState(view({}))).ok).toBe(true)
    expect(decodeViewState('v=1&dataset=china-trade&janFeb=half').ok).toBe(false)
  })
})

describe('the chart in Chinese', () => {
  it('titles the y axis with the unit in Chinese, the 100% share axis too', () => {
    const v = view({ flows: ['exports'] })
    const exp = series('exports_usd', 'month', [point('2025-03', 313.9)])
    const model = buildChartModel(v, fetchedFor(v, { 'exports:world:all': exp }), (s) => s.key)
    const zh = chartText((k) => (k === 'explorer.shareAxis' ? '占所示序列合计的 %' : k), 'zh-CN')
    const y = (c: ReturnType<typeof buildChartConfig>) =>
      (c.options!.scales!.y as { title: { text: string } }).title.text
    expect(y(buildChartConfig(model, v, { annual: null, projection: null }, theme, zh))).toBe(
      unitLabel('USD bn', 'zh-CN'),
    )
    expect(unitLabel('USD bn', 'zh-CN')).toBe('亿美元')
    expect(
      y(buildChartConfig(model, { ...v, chart: 'share' }, { annual: null, projection: null }, theme, zh)),
    ).toBe('占所示序列合计的 %')
  })
})

describe('labels that agree with the axis', () => {
  const tonnes = {
    ...series('rare', 'month', [point('2024-03', 4000), point('2025-03', 5000)], 'tonnes'),
    label: 'Rare-earth exports (tonnes)',
  }
  const v = view({ flows: ['exports'], products: ['rare_earths'], unit: 'tonnes' })

  it('a label keeps its unit where the numbers are in it, and drops it on a % y/y line', () => {
    const at = (patch: Partial<ViewState>) =>
      buildChartModel(
        { ...v, ...patch },
        fetchedFor(v, { 'exports:world:rare_earths': tonnes }),
        (s) => s.key,
      )
    expect(at({}).series[0]!.label).toBe('Rare-earth exports (tonnes)')
    const yoy = at({ transform: 'yoy' })
    expect([yoy.unit, yoy.series[0]!.label]).toEqual(['% y/y', 'Rare-earth exports'])
  })
})

describe('month ticks on a narrow axis', () => {
  /** The x axis's tick labels on a plot `width` px wide whose text is `perChar` px a character. */
  function ticksAt(width: number, perChar: number | null): string[] {
    const v = view({ flows: ['exports'] })
    const months = Array.from({ length: 28 }, (_, i) => {
      const m = i % 12
      return point(`${2024 + Math.floor(i / 12)}-${String(m + 1).padStart(2, '0')}`, i)
    })
    const model = buildChartModel(
      v,
      fetchedFor(v, { 'exports:world:all': series('x', 'month', months) }),
      (s) => s.key,
    )
    const config = buildChartConfig(model, v, { annual: null, projection: null }, theme, text)
    const x = config.options!.scales!.x as unknown as {
      min: number
      max: number
      afterBuildTicks: (axis: object) => void
      ticks: { callback: (value: number) => string }
    }
    // A canvas that measures text as Chromium would, roughly: a width per character.
    const ctx = perChar
      ? { font: '', save() {}, restore() {}, measureText: (t: string) => ({ width: t.length * perChar }) }
      : undefined
    const axis = { min: x.min, max: x.max, width, ctx, options: {}, ticks: [] as { value: number }[] }
    x.afterBuildTicks(axis)
    return axis.ticks.map((t) => x.ticks.callback(t.value))
  }

  it('labels every third month where the labels fit, every sixth where they would touch', () => {
    // 28 months on 600 px: 21.4 px a month, 64 px between quarterly ticks.
    expect(ticksAt(600, 5)).toEqual([
      'Jan 2024',
      'Apr 2024',
      'Jul 2024',
      'Oct 2024',
      'Jan 2025',
      'Apr 2025',
      'Jul 2025',
      'Oct 2025',
      'Jan 2026',
      'Apr 2026',
    ])
    // Labels of 8 characters at 9 px (72 px, plus the gap) do not fit in 64 px: every six months.
    expect(ticksAt(600, 9)).toEqual(['Jan 2024', 'Jul 2024', 'Jan 2025', 'Jul 2025', 'Jan 2026'])
    // An axis that cannot measure text (before it is drawn) keeps every third month.
    expect(ticksAt(600, null)).toHaveLength(10)
  })
})

describe('a view with no data, or naming a code its dataset lacks', () => {
  it('an empty chart labels no period on its axis', () => {
    const v = view({ flows: ['total'] })
    expect(tickLabels(v, {})).toEqual([])
    expect(tickLabels(view({ flows: ['exports'] }), {})).toEqual([])
    // With data, the axis is labelled as before.
    const one = { 'exports:world:all': series('x', 'month', [point('2025-03', 1)]) }
    expect(tickLabels(view({ flows: ['exports'] }), one).length).toBeGreaterThan(0)
  })

  it('names the codes the dataset does not have, and still offers its measures and frequencies', () => {
    const pasted = decodeViewState(
      'v=2&dataset=china-trade&measure=level&frequency=month&unit=USD+bn&transform=none&displayUnit=bn&chart=line&flows=total&partners=world&products=all',
    )
    if (!pasted.ok) throw new Error(pasted.message)
    expect(unknownCodes(pasted.view, catalog)).toEqual([{ kind: 'flows', code: 'total' }])
    expect(unknownCodes(view({ flows: ['exports', 'imports'] }), catalog)).toEqual([])
    const offered = options(pasted.view, catalog)
    expect(offered.measures).toContain('level')
    expect(offered.frequencies).toContain('month')
    // Once an indicator the dataset has is ticked beside it, the unknown one goes.
    expect(normalizeView({ ...pasted.view, flows: ['total', 'exports'] }, catalog).flows).toEqual(['exports'])
    expect(normalizeView(pasted.view, catalog).flows).toEqual(['total'])
    // Partners and products by the dataset's dimensions, where known.
    const dims = {
      dataset: 'china-trade',
      partners: [{ code: 'us', label: 'US' }],
      products: [{ code: 'soybeans', label: 'Soybeans' }],
    } as unknown as Parameters<typeof unknownCodes>[2]
    expect(
      unknownCodes(
        view({ flows: ['exports'], partners: ['world', 'us', 'atlantis'], products: ['coal'] }),
        catalog,
        dims,
      ),
    ).toEqual([
      { kind: 'partners', code: 'atlantis' },
      { kind: 'products', code: 'coal' },
    ])
  })
})
