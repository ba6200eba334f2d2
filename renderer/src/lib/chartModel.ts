/**
 * From a view state and the series fetched for it to what the chart and the table show: one pure
 * function, so the chart, the table, the CSV export and a snapshot all read the same numbers.
 */
import type { Series, SeriesPoint, Source } from '@shared/api'
import type { SeriesSelection, ViewState } from '@shared/viewState'
import { compareBounds, periodBounds } from '@shared/periods'
import {
  fromSeries,
  indexTo,
  janFebAverage,
  monthOnMonth,
  movingAverage3,
  quarterOnQuarter,
  rolling12,
  scale,
  shareOf,
  yearOnYear,
  yearOnYearChange,
  yearToDate,
  type TPoint,
} from './transforms'

/** What was fetched for one selected series. `error` says why a series is absent (shown, not hidden). */
export interface FetchedSeries {
  selection: SeriesSelection
  series: Series | null
  /** Published y/y or year-to-date values that win over computed ones (see transforms.ts). */
  published: Series | null
  /** The partner-world total, for the share transform. */
  total: Series | null
  /** Why there is no series: a refusal as the page worded it, or a MissingReason code. */
  error?: string
}

/**
 * Why a series has no data where the app itself says so, saved in a snapshot as a code and worded
 * in the reader's language when shown (missingReason), so a snapshot saved on an English page reads
 * in Chinese on a Chinese one.
 */
export type MissingReason = 'no-data' | 'not-in-snapshot'

/** The English texts snapshots saved before the codes, read as the codes. */
const LEGACY_REASONS: Readonly<Record<string, MissingReason>> = {
  'no data': 'no-data',
  'not in the snapshot': 'not-in-snapshot',
}

/** A saved reason as its code, old snapshots' English too; null for a refusal kept as worded. */
export function missingReason(reason: string | undefined): MissingReason | null {
  if (reason === 'no-data' || reason === 'not-in-snapshot') return reason
  return (reason && LEGACY_REASONS[reason]) || null
}

export interface ModelSeries {
  key: string
  /** A published projection drawn after the observed data (dashed), listed in the table and CSV too. */
  projection?: boolean
  selection: SeriesSelection
  label: string
  points: TPoint[]
  missing?: string
  /**
   * The published readings by period, in their series' own unit, behind the points shown as published:
   * the series itself as published, or the published y/y or year-to-date series a transform shows.
   */
  readings?: { unit: string; byPeriod: ReadonlyMap<string, SeriesPoint> }
  /**
   * Under a transform, the periods of the published series in the view's range that have other
   * readings: a computed value uses the reading shown for each, so the page says where the others are.
   */
  readingsBehindComputed?: string[]
}

export interface ChartModel {
  /** Every period any series has, in time order. */
  periods: string[]
  series: ModelSeries[]
  /** The unit of the numbers shown, after the transform. */
  unit: string
  sources: Map<string, Source>
}

/**
 * y/y of a trade balance: a rate is not meaningful for a value that changes sign, so a view of
 * balances alone shows the change in USD instead, and a mixed view leaves the balance's rate out (saying why).
 */
export const balanceOnly = (view: ViewState) => view.flows.every((f) => f === 'balance')

/**
 * How the bundled catalogue's labels end where they name their unit in words rather than in brackets
 * (series.csv: "Exports to the US, y/y %" is in % y/y).
 */
const UNIT_ENDINGS: Readonly<Record<string, string>> = { '% y/y': ', y/y %' }

/**
 * A series' label without the unit it ends with ("Rare-earth exports (tonnes)" → "Rare-earth exports",
 * "Exports to the US, annual, y/y %" → "Exports to the US, annual"): for a line whose numbers are in
 * another unit (a % y/y), and for the title, which prints the unit shown once, after the names.
 */
export function labelWithoutUnit(label: string, unit: string | undefined): string {
  if (!unit) return label
  const ending = [` (${unit})`, UNIT_ENDINGS[unit]].find((e) => e && label.endsWith(e))
  return ending ? label.slice(0, -ending.length) : label
}

/**
 * The frequency every label ends with, to be said once in a title rather than after each
 * name: the last ", …" part in English, the closing "（…）" in Chinese ("Exports to the US, annual" and
 * "Exports to the EU, annual" are the names "Exports to the US", "Exports to the EU", qualified
 * "annual"). Only one of `qualifiers` counts (a product's own words, "…, parts thereof", are part of its
 * name); null for fewer than two labels, or where their endings differ.
 */
export function sharedQualifier(
  labels: readonly string[],
  qualifiers: readonly string[],
): { names: string[]; qualifier: string } | null {
  if (labels.length < 2) return null
  const parts = labels.map((l) => /^(.+?)(?:, ([^,]+)|（([^（）]+)）)$/.exec(l))
  const qualifier = parts[0] ? (parts[0][2] ?? parts[0][3])! : null
  if (!qualifier || !qualifiers.includes(qualifier)) return null
  if (parts.some((m) => !m || (m[2] ?? m[3]) !== qualifier)) return null
  return { names: parts.map((m) => m![1]!), qualifier }
}

/** How the bundled catalogue's English labels end, after their names (series.csv; units aside). */
export const LABEL_QUALIFIERS = ['annual', 'year to date'] as const

/** Whether a series has a value drawn (a balance's withheld % change has none): the title names only those. */
export const isDrawn = (s: Pick<ModelSeries, 'points'>) => s.points.some((p) => p.value !== null)

/** The unit a transform's numbers are in, which names the transform; null where they keep the series' unit. */
function transformUnit(view: ViewState, seriesUnit: string): string | null {
  switch (view.transform) {
    case 'yoy':
      return balanceOnly(view) ? `${seriesUnit}, change y/y` : '% y/y'
    case 'mom':
      return '% m/m'
    case 'qoq':
      return '% q/q'
    case 'index':
      return `index, ${view.indexBase ?? 'first period'} = 100`
    case 'share':
      return '% of total'
    default:
      return null
  }
}

/** The unit the numbers are in after the view's transform and display unit. */
export function unitOf(view: ViewState, seriesUnit: string): string {
  return (
    transformUnit(view, seriesUnit) ??
    (seriesUnit === 'USD bn' && view.displayUnit === 'mn' ? 'USD mn' : seriesUnit)
  )
}

/**
 * Whether the unit shown already names the view's transform ("% y/y", "index, 2020 = 100", "% of
 * total"): the title, which prints that unit after it, then leaves the transform's name out rather
 * than say it twice ("Year-on-year % (% y/y)"). A year to date or a moving average keeps the series'
 * unit, and is named.
 */
export const unitNamesTransform = (view: ViewState): boolean => transformUnit(view, '') !== null

export function transformPoints(view: ViewState, fetched: FetchedSeries): TPoint[] {
  if (!fetched.series) return []
  const levels = fromSeries(fetched.series.points)
  const published = fetched.published ? fromSeries(fetched.published.points) : []
  switch (view.transform) {
    case 'none':
      return toDisplayUnit(view, fetched.series.unit, janFebAverageOn(view) ? janFebAverage(levels) : levels)
    case 'yoy':
      if (fetched.selection.flow === 'balance')
        return balanceOnly(view)
          ? yearOnYearChange(levels)
          : levels.map((p) => ({ ...p, value: null, kind: 'computed', note: BALANCE_RATE_NOTE }))
      return yearOnYear(levels, published)
    case 'ytd':
      return toDisplayUnit(view, fetched.series.unit, yearToDate(levels, published))
    case 'rolling12':
      return toDisplayUnit(view, fetched.series.unit, rolling12(levels))
    case 'ma3':
      return toDisplayUnit(view, fetched.series.unit, movingAverage3(levels))
    case 'mom':
      return monthOnMonth(levels)
    case 'qoq':
      return quarterOnQuarter(levels)
    case 'index':
      return indexTo(levels, view.indexBase ?? levels[0]?.period ?? '')
    case 'share':
      return shareOf(levels, fetched.total ? fromSeries(fetched.total.points) : [])
  }
}

/**
 * The series an index view draws nothing for because its base period comes before the series' first
 * value: an index needs the base's own value, which is never filled in. Each with that first period,
 * the earliest base the series can be indexed to, for the page to say why it is empty.
 */
export function indexBaseBeforeData(
  view: ViewState,
  fetched: readonly FetchedSeries[],
): { key: string; base: string; first: string }[] {
  const base = view.transform === 'index' && view.indexBase ? view.indexBase : null
  const bounds = base ? periodBounds(base) : null
  if (!base || !bounds) return []
  return fetched.flatMap((f) => {
    const first = f.series ? fromSeries(f.series.points).find((p) => p.value !== null) : undefined
    return first && bounds.start < first.start ? [{ key: f.selection.key, base, first: first.period }] : []
  })
}

/** Whether a view shows January and February as a monthly average: asked for, on monthly levels as published. */
export const janFebAverageOn = (view: ViewState) => view.janFeb === 'average' && janFebAverageApplies(view)

/** Where the Jan–Feb average can apply: monthly levels with no transform (elsewhere the option is disabled). */
export const janFebAverageApplies = (view: ViewState) =>
  view.frequency === 'month' && view.measure === 'level' && view.transform === 'none'

export const BALANCE_RATE_NOTE =
  'no % change for a balance (its sign can change); show the balance alone for the change in USD'

function toDisplayUnit(view: ViewState, unit: string, points: TPoint[]): TPoint[] {
  return unit === 'USD bn' && view.displayUnit === 'mn' ? scale(points, 1000) : points
}

/** Keeps the points inside the view's range. Transforms run first, so a y/y at the range start has its base. */
export function inRange(view: ViewState, points: TPoint[]): TPoint[] {
  const from = view.range.from ? periodBounds(view.range.from)?.start : undefined
  const to = view.range.to ? periodBounds(view.range.to)?.end : undefined
  return points.filter((p) => (!from || p.start >= from) && (!to || p.end <= to))
}

export function buildChartModel(
  view: ViewState,
  fetched: readonly FetchedSeries[],
  labelOf: (s: SeriesSelection) => string,
  /** A published projection of the first series' measure (the chart draws it dashed after the data). */
  projection: Series | null = null,
): ChartModel {
  const sources = new Map<string, Source>()
  for (const f of fetched) {
    for (const s of [f.series, f.published, f.total])
      for (const src of s?.sources ?? []) sources.set(src.id, src)
  }
  const series: ModelSeries[] = fetched.map((f) => ({
    key: f.selection.key,
    selection: f.selection,
    // A label naming its unit keeps it only where the numbers are in it (not on a % y/y line).
    label: f.series
      ? unitOf(view, f.series.unit) === f.series.unit
        ? f.series.label
        : labelWithoutUnit(f.series.label, f.series.unit)
      : labelOf(f.selection),
    points: inRange(view, transformPoints(view, f)),
    missing: f.series ? undefined : (f.error ?? ('no-data' satisfies MissingReason)),
    ...readingsOf(view, f),
  }))
  const projected = projectionSeries(view, fetched[0], series, projection)
  if (projected) {
    series.push(projected)
    for (const src of projection?.sources ?? []) sources.set(src.id, src)
  }
  const periods = periodsInOrder(series)
  const firstUnit = fetched.find((f) => f.series)?.series?.unit ?? view.unit ?? ''
  return { periods, series, unit: unitOf(view, firstUnit), sources }
}

/**
 * Every period any series has, in time order (by the months each covers, so computed spans such as a
 * rolling 12 months across a year end sort too).
 */
export function periodsInOrder(
  series: readonly { points: readonly Pick<TPoint, 'period' | 'start' | 'end'>[] }[],
): string[] {
  const spans = new Map<string, { start: string; end: string }>()
  for (const s of series) for (const p of s.points) spans.set(p.period, p)
  return [...spans.keys()].sort((a, b) => compareBounds(spans.get(a)!, spans.get(b)!))
}

/**
 * The projection's points after the first series' last observed period, in the view's range, marked
 * `projected` with the publisher's note. Only where the projection is in the unit shown (no transform).
 */
function projectionSeries(
  view: ViewState,
  first: FetchedSeries | undefined,
  series: readonly ModelSeries[],
  projection: Series | null,
): ModelSeries | null {
  if (!projection || !first?.series || view.transform !== 'none') return null
  const lastObserved = series[0]?.points.filter((p) => p.value !== null).at(-1)?.end ?? ''
  const points = inRange(view, fromSeries(projection.points))
    .filter((p) => p.start > lastObserved)
    .map((p) => ({
      ...p,
      kind: 'projected' as const,
      note: projection.points.find((q) => q.period === p.period)?.note || undefined,
    }))
  if (!points.length) return null
  return {
    key: `projection:${projection.series}`,
    selection: first.selection,
    label: projection.label,
    points,
    projection: true,
  }
}

/** Where a series' published points come from (see ModelSeries.readings and readingsBehindComputed). */
function readingsOf(
  view: ViewState,
  f: FetchedSeries,
): Pick<ModelSeries, 'readings' | 'readingsBehindComputed'> {
  if (!f.series) return {}
  const byPeriod = (s: Series) => ({ unit: s.unit, byPeriod: new Map(s.points.map((p) => [p.period, p])) })
  if (view.transform === 'none') return { readings: byPeriod(f.series) }
  const behind = inRange(view, fromSeries(f.series.points.filter((p) => p.others?.length))).map(
    (p) => p.period,
  )
  return {
    ...(f.published ? { readings: byPeriod(f.published) } : {}),
    ...(behind.length ? { readingsBehindComputed: behind } : {}),
  }
}

/** A published reading, with the unit of its series (its other readings are in the same unit). */
export type Reading = SeriesPoint & { unit: string }

/**
 * The published reading behind a point shown as published: its printed figure, why it is the one
 * shown, and the other readings of the period. Null for a computed point.
 */
export function readingOf(series: ModelSeries | undefined, point: TPoint | null): Reading | null {
  if (!series?.readings || !point || point.kind !== 'published') return null
  const reading = series.readings.byPeriod.get(point.period)
  return reading && point.sourceIds.length === 1 && reading.sourceId === point.sourceIds[0]
    ? { ...reading, unit: series.readings.unit }
    : null
}

/** The value of each series at each period of the model (null where it has none): the table's rows. */
export function valueGrid(model: ChartModel): (TPoint | null)[][] {
  return model.series.map((s) => {
    const byPeriod = new Map(s.points.map((p) => [p.period, p]))
    return model.periods.map((period) => byPeriod.get(period) ?? null)
  })
}

/**
 * For the "cumulative year to date by year" chart: one line per year, x = the month a value ends in
 * (a combined Jan–Feb value sits at February), y = the year-to-date value.
 */
export function byYear(points: readonly TPoint[]): Map<string, (TPoint | null)[]> {
  const years = new Map<string, (TPoint | null)[]>()
  for (const p of points) {
    const year = p.end.slice(0, 4)
    const row = years.get(year) ?? Array.from({ length: 12 }, () => null)
    row[Number(p.end.slice(5, 7)) - 1] = p
    years.set(year, row)
  }
  return years
}
