/**
 * Chart-ready queries over the catalog's observations: one preferred value per period, each with its
 * source. Results are small (a series has at most a few hundred periods); nothing here returns raw tables.
 */
import { PreferenceRule } from '../shared/api'
import type {
  SeriesPoint,
  Headline,
  HeadlineFigure,
  Observation,
  ParsedArgsOf,
  Series,
  SeriesInfo,
  Source,
} from '../shared/api'
import { AppError } from '../shared/errors'
import { flowWord, measureWord, say } from '../shared/messages'
import { FREQUENCY_MESSAGES } from './import/queries'
import { periodBounds, rangeBounds } from '../shared/periods'
import type { Catalog } from './catalog'
import type { CatalogIndex, ReadingRow } from './catalogIndex'
import type { Engine } from './engine'

export type SeriesArgs = ParsedArgsOf<'getSeries'>

export interface QueryService {
  series(query: SeriesArgs): Promise<Series>
  headline(dataset: string, period?: string): Promise<Headline>
  /** Every reading of one period, or of every period when `period` is not given. */
  observations(dataset: string, series: string, period?: string): Promise<Observation[]>
  listSeries(dataset: string): Promise<SeriesInfo[]>
}

interface SeriesKey {
  series: string
  unit: string
}

interface PointRow extends ReadingRow {
  alternatives: number
  others: ReadingRow[]
}

interface SourceRow {
  source_id: string
  title: string
  publisher: string | null
  published: string | null
  url: string
}

/** The headline cards: China's totals against the world, monthly, in USD. */
const HEADLINE: { flow: string; label: string; yoy: boolean }[] = [
  { flow: 'exports', label: 'Exports', yoy: true },
  { flow: 'imports', label: 'Imports', yoy: true },
  { flow: 'balance', label: 'Trade balance', yoy: false },
]
const HEADLINE_LEVEL_UNIT = 'USD bn'

/** Series that win when several bases match one selection: customs totals, and WTO's share statistic. */
const DEFAULT_BASIS: ReadonlySet<string> = new Set([
  'exports_usd_annual',
  'imports_usd_annual',
  'china_share_world_merchandise_exports_pct',
  'china_share_world_merchandise_imports_pct',
])

export function createQueryService(engine: Engine, catalog: Catalog, index: CatalogIndex): QueryService {
  function findSeries(q: SeriesArgs): SeriesKey {
    const matches = index.candidates(q)
    // A projection-only series (e.g. a 2030 share) is never picked in place of observed data.
    const observed = matches.filter((m) => !m.projection)
    const candidates: SeriesKey[] = (matches.length > 1 && observed.length > 0 ? observed : matches).map(
      ({ series, unit }) => ({ series, unit }),
    )
    const [only] = candidates
    if (!only) {
      throw new AppError(
        'NOT_FOUND',
        say('noSeriesForChoice', {
          frequency: FREQUENCY_MESSAGES[q.frequency],
          measure: measureWord(q.measure),
          flow: flowWord(q.flow),
        }),
      )
    }
    if (candidates.length === 1) return only
    // Several bases for one selection (customs vs WTO totals; WTO's share vs a bank's estimate): the
    // official basis is the default, the others are reached by naming the series.
    const preferred = candidates.filter((c) => DEFAULT_BASIS.has(c.series))
    if (preferred.length === 1 && preferred[0]) return preferred[0]
    // Exports in USD and in yuan share every dimension but the unit: US dollars are the default.
    const usd = candidates.filter((c) => c.unit.startsWith('USD'))
    if (usd.length === 1 && usd[0]) return usd[0]
    throw new AppError(
      'INVALID_ARGUMENT',
      say('severalSeries', { series: { list: candidates.map((c) => `${c.series} (${c.unit})`) } }),
    )
  }

  /** The preferred reading of each period in the range, with the others beside it. */
  function points(
    dataset: string,
    key: SeriesKey,
    frequency: string,
    from?: string,
    to?: string,
  ): PointRow[] {
    const { start, end } = rangeBounds(from, to)
    const byPeriod = new Map<string, PointRow>()
    const others = new Map<string, ReadingRow[]>()
    for (const r of index.readings(dataset, key.series, key.unit, frequency)) {
      if ((start && r.period_start < start) || (end && r.period_end > end)) continue
      if (r.preferred) byPeriod.set(r.period, { ...r, alternatives: 0, others: [] })
      else others.set(r.period, [...(others.get(r.period) ?? []), r])
    }
    for (const [period, rows] of others) {
      const p = byPeriod.get(period)
      if (p) Object.assign(p, { alternatives: rows.length, others: rows })
    }
    return [...byPeriod.values()]
  }

  function sourcesOf(dataset: string, ids: string[]): Map<string, Source> {
    return new Map(index.sources(dataset, ids).map((source) => [source.id, source]))
  }

  return {
    async series(q) {
      catalog.require(q.dataset)
      const key = findSeries(q)
      const rows = points(q.dataset, key, q.frequency, q.from, q.to)
      const cited = rows.flatMap((r) => [r.source_id, ...r.others.map((o) => o.source_id)])
      const sources = sourcesOf(q.dataset, [...new Set(cited)])
      return {
        dataset: q.dataset,
        series: key.series,
        label: index.label(q.dataset, key.series, key.unit, q.frequency) ?? key.series,
        unit: key.unit,
        frequency: q.frequency,
        points: rows.map((r) => ({
          period: r.period,
          periodStart: r.period_start,
          periodEnd: r.period_end,
          value: r.value,
          status: r.status,
          note: r.note ?? '',
          sourceId: r.source_id,
          alternatives: r.alternatives,
          ...readingExtras(r),
          ...(r.others.length
            ? {
                others: r.others.map((o) => ({
                  value: o.value,
                  sourceId: o.source_id,
                  note: o.note ?? '',
                  ...printedOf(o),
                })),
              }
            : {}),
        })),
        sources: [...sources.values()],
      }
    },

    async headline(dataset, period) {
      catalog.require(dataset)
      const base = {
        dataset,
        reporter: 'china',
        partner: 'world',
        product: 'all',
        frequency: 'month' as const,
      }
      const cells = HEADLINE.map((h) => ({
        h,
        level: optionalSeries({ ...base, flow: h.flow, measure: 'level', unit: HEADLINE_LEVEL_UNIT }),
        yoy: h.yoy ? optionalSeries({ ...base, flow: h.flow, measure: 'yoy' }) : null,
      }))
      const periods = [
        ...new Set(cells.flatMap((c) => [...(c.level?.keys() ?? []), ...(c.yoy?.keys() ?? [])])),
      ].sort(byPeriodDesc)
      // By default, the latest month whose export level is published: a release's lead figure. Later
      // months that only have y/y rates so far stay one click away in the picker.
      const exportLevels = cells.find((c) => c.h.flow === 'exports')?.level
      const withExports = exportLevels ? periods.filter((p) => exportLevels.has(p)) : []
      const chosen = period ?? withExports[0] ?? periods[0]
      if (!chosen || !periods.includes(chosen)) {
        throw new AppError(
          'NOT_FOUND',
          period ? say('noHeadlineFor', { period: { period } }) : say('noHeadline'),
        )
      }
      const used = cells
        .flatMap((c) => [c.level?.get(chosen)?.source_id, c.yoy?.get(chosen)?.source_id])
        .filter((id): id is string => !!id)
      const sources = sourcesOf(dataset, used)
      const figures: HeadlineFigure[] = cells.map(({ h, level, yoy }) => {
        const l = level?.get(chosen)
        const y = yoy?.get(chosen)
        return {
          flow: h.flow,
          label: h.label,
          level: l
            ? {
                value: l.value,
                unit: HEADLINE_LEVEL_UNIT,
                source: sourceOrThrow(sources, l.source_id),
                note: l.note ?? '',
              }
            : null,
          yoy: y ? { value: y.value, source: sourceOrThrow(sources, y.source_id), note: y.note ?? '' } : null,
        }
      })
      return { dataset, period: chosen, periods, figures }
    },

    async listSeries(dataset) {
      catalog.require(dataset)
      // Counted from the observations themselves, so a package without a series resource still lists.
      return engine.all<SeriesInfo>(
        `SELECT o.series, coalesce(min(i.label), o.series) AS label, o.reporter, o.flow, o.partner, o.product, o.measure, o.unit, o.frequency,
                count(*) FILTER (WHERE o.preferred) AS observations, min(o.period_start) AS "firstPeriod", max(o.period_end) AS "lastPeriod",
                bool_and(o.status = 'projection') AS projection
           FROM observations o
           LEFT JOIN series_info i ON i.dataset = o.dataset AND i.series = o.series AND i.unit = o.unit AND i.frequency = o.frequency
          WHERE o.dataset = $1
          GROUP BY o.series, o.reporter, o.flow, o.partner, o.product, o.measure, o.unit, o.frequency
          ORDER BY o.flow, o.partner, o.product, o.measure, o.frequency, o.series`,
        [dataset],
      )
    },

    async observations(dataset, series, period) {
      catalog.require(dataset)
      const rows = await engine.all<
        PointRow & SourceRow & { series: string; unit: string; preferred: boolean }
      >(
        `SELECT o.series, o.period, o.period_start, o.period_end, o.value, o.unit, o.preferred, o.status, o.note,
                s.source_id, s.title, s.publisher, s.published, s.url
           FROM observations o JOIN sources s ON s.dataset = o.dataset AND s.source_id = o.source_id
          WHERE o.dataset = $1 AND o.series = $2 AND ($3::VARCHAR IS NULL OR o.period = $3)
          ORDER BY o.period_start, o.period_end, o.preferred DESC, s.published NULLS LAST, s.source_id`,
        [dataset, series, period ?? null],
      )
      if (rows.length === 0)
        throw new AppError(
          'NOT_FOUND',
          period
            ? say('noObservationFor', { dataset, series, period: { period } })
            : say('noObservation', { dataset, series }),
        )
      return rows.map((r) => ({
        series: r.series,
        period: r.period,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        value: r.value,
        unit: r.unit,
        preferred: r.preferred,
        status: r.status,
        note: r.note ?? '',
        source: toSource(r),
      }))
    },
  }

  /** A series that may not exist in this dataset: its preferred rows by period, or null. */
  function optionalSeries(q: SeriesArgs): Map<string, PointRow> | null {
    try {
      const key = findSeries(q)
      return new Map(points(q.dataset, key, q.frequency).map((r) => [r.period, r]))
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null
      throw error
    }
  }
}

/** The figure as printed, for a reading the build rescaled. */
function printedOf(r: ReadingRow): { printed?: { value: string; unit: string } } {
  return r.published_unit && r.published_value
    ? { printed: { value: r.published_value, unit: r.published_unit } }
    : {}
}

/** The printed figure, and how the reading was chosen where the period has several. */
function readingExtras(r: ReadingRow): Pick<SeriesPoint, 'printed' | 'preferredBy' | 'reason'> {
  const rule = PreferenceRule.safeParse(r.preferred_by)
  return {
    ...printedOf(r),
    ...(rule.success ? { preferredBy: rule.data } : {}),
    ...(r.preferred_reason ? { reason: r.preferred_reason } : {}),
  }
}

function toSource(r: SourceRow): Source {
  return {
    id: r.source_id,
    title: r.title,
    publisher: r.publisher || null,
    published: r.published || null,
    url: r.url,
  }
}

function sourceOrThrow(sources: Map<string, Source>, id: string): Source {
  const source = sources.get(id)
  if (!source) throw new AppError('DATA_ERROR', say('sourceNotListed', { id }))
  return source
}

/** Newest first by the last month covered; a combined Jan–Feb sorts where February does. */
function byPeriodDesc(a: string, b: string): number {
  const ea = periodBounds(a)?.end ?? a
  const eb = periodBounds(b)?.end ?? b
  return ea < eb ? 1 : ea > eb ? -1 : 0
}
