/**
 * The series the calculators read from a dataset, as API queries. The store runs them through the app's
 * API client; unit tests run the very same queries against the real services. A series the dataset does
 * not have is `null` (the calculators then say what is missing); any other error is passed on.
 */
import type { Observation, Series, SeriesInfo, SeriesQuery, Source } from '../../../../electron/shared/api'
import type { SurplusData } from './fullYearSurplus'
import type { PartnerData } from './partnerMixModel'
import type { ShareData } from './worldShareModel'
import type { SeriesData } from './provenance'
import { revisedReading } from './vintages'
import type { YuanData } from './yuanView'

export interface CalculatorData {
  dataset: string
  surplus: SurplusData
  partners: PartnerData
  share: ShareData
  yuan: YuanData
  /** Every source the loaded series cite, by id (for showing publisher, title and link). */
  sources: Record<string, Source>
}

/** The API calls the loader needs (the app's client, or the services in tests). */
export interface CalculatorApi {
  series: (query: SeriesQuery) => Promise<Series>
  /** Every reading of a series (all periods, all sources) when no period is given. */
  observations: (args: { dataset: string; series: string; period?: string }) => Promise<Observation[]>
  listSeries: (args: { dataset: string }) => Promise<SeriesInfo[]>
}

/** The share series that is an estimate, not a statistic: reached by name (the WTO's is the default). */
export const SHARE_ESTIMATE_SERIES = 'china_share_world_exports_pct'

/** The queries, by role. Names are given only where two series share every dimension. */
export function calculatorQueries(dataset: string) {
  const usd = { dataset, unit: 'USD bn' } as const
  const share = { dataset, flow: 'exports', measure: 'share', frequency: 'year', unit: '%' } as const
  const yuan = (flow: string, frequency: 'month' | 'ytd' | 'year', series: string): SeriesQuery => ({
    dataset,
    flow,
    frequency,
    series,
  })
  return {
    exports: { ...usd, flow: 'exports' } as SeriesQuery,
    imports: { ...usd, flow: 'imports' } as SeriesQuery,
    balance: { ...usd, flow: 'balance' } as SeriesQuery,
    balanceYtd: { ...usd, flow: 'balance', frequency: 'ytd' } as SeriesQuery,
    balanceAnnual: { ...usd, flow: 'balance', frequency: 'year' } as SeriesQuery,
    // Exports on the customs basis; the WTO-basis series shares every other dimension.
    exportsAnnual: {
      ...usd,
      flow: 'exports',
      frequency: 'year',
      series: 'exports_usd_annual',
    } as SeriesQuery,
    partner: (partner: string): SeriesQuery => ({ ...usd, flow: 'exports', partner, frequency: 'year' }),
    share: share as SeriesQuery,
    shareEstimate: { ...share, series: SHARE_ESTIMATE_SERIES } as SeriesQuery,
    shareProjection: { ...share, series: 'china_share_world_exports_pct_projection' } as SeriesQuery,
    // The published yuan series, by name (their units differ: CNY tn and CNY bn).
    yuan: {
      exportsYtd: yuan('exports', 'ytd', 'exports_cny_ytd'),
      importsYtd: yuan('imports', 'ytd', 'imports_cny_ytd'),
      balanceYtd: yuan('balance', 'ytd', 'trade_balance_cny_ytd'),
      exports: yuan('exports', 'month', 'exports_cny'),
      imports: yuan('imports', 'month', 'imports_cny'),
      balance: yuan('balance', 'month', 'trade_balance_cny'),
      exportsAnnual: yuan('exports', 'year', 'exports_cny_annual'),
      importsAnnual: yuan('imports', 'year', 'imports_cny_annual'),
      balanceAnnual: yuan('balance', 'year', 'trade_balance_cny_annual'),
    },
  } as const
}

/** Partners with an annual USD export level in the dataset: every level the data has. */
export function partnersWithLevels(list: readonly SeriesInfo[]): string[] {
  return [
    ...new Set(
      list
        .filter(
          (s) =>
            s.reporter === 'china' &&
            s.flow === 'exports' &&
            s.product === 'all' &&
            s.measure === 'level' &&
            s.frequency === 'year' &&
            s.unit === 'USD bn' &&
            s.partner !== 'world' &&
            !s.projection,
        )
        .map((s) => s.partner),
    ),
  ].sort()
}

const withUnit = (s: Series | null): (SeriesData & { unit: string }) | null => s

export async function loadCalculatorData(
  dataset: string,
  api: CalculatorApi,
  isNotFound: (error: unknown) => boolean,
): Promise<CalculatorData> {
  const q = calculatorQueries(dataset)
  const optional = async (query: SeriesQuery): Promise<Series | null> => {
    try {
      return await api.series(query)
    } catch (error) {
      if (isNotFound(error)) return null
      throw error
    }
  }
  // Everything in parallel: the monthly levels' later vintages are asked for as soon as each monthly
  // series arrives, and the partners as soon as the series list does.
  const revisionSources: Source[] = []
  const monthly = (query: SeriesQuery) =>
    optional(query).then(async (s) => {
      if (s) revisionSources.push(...(await attachRevisions(dataset, s, api, isNotFound)))
      return s
    })
  const partnersLoaded = api.listSeries({ dataset }).then(async (list) => {
    const ids = partnersWithLevels(list)
    return { ids, series: await Promise.all(ids.map((p) => optional(q.partner(p)))) }
  })
  const yuanKeys = Object.keys(q.yuan) as (keyof typeof q.yuan)[]
  const [
    exports,
    imports,
    balance,
    balanceYtd,
    balanceAnnual,
    exportsAnnual,
    share,
    estimate,
    projection,
    ...yuanSeries
  ] = await Promise.all([
    monthly(q.exports),
    monthly(q.imports),
    monthly(q.balance),
    optional(q.balanceYtd),
    optional(q.balanceAnnual),
    optional(q.exportsAnnual),
    optional(q.share),
    optional(q.shareEstimate),
    optional(q.shareProjection),
    ...yuanKeys.map((k) => optional(q.yuan[k])),
  ])
  const { ids: partnerIds, series: partners } = await partnersLoaded
  const rest = [...yuanSeries, ...partners]
  const all = [
    exports,
    imports,
    balance,
    balanceYtd,
    balanceAnnual,
    exportsAnnual,
    share,
    estimate,
    projection,
    ...rest,
  ]
  const sources: Record<string, Source> = {}
  for (const s of all) for (const src of s?.sources ?? []) sources[src.id] = src
  for (const src of revisionSources) sources[src.id] = src
  return {
    dataset,
    surplus: { exports, imports, balance, balanceYtd, balanceAnnual },
    partners: {
      total: exportsAnnual,
      byPartner: Object.fromEntries(partnerIds.map((p, i) => [p, partners[i] ?? null])),
    },
    share: { observed: share, estimate, projection },
    yuan: Object.fromEntries(
      yuanKeys.map((k, i) => [k, withUnit(yuanSeries[i] ?? null)]),
    ) as unknown as YuanData,
    sources,
  }
}

/** Sets `revised` on a series (see vintages.ts); returns the sources of the revised readings. */
async function attachRevisions(
  dataset: string,
  s: Series,
  api: CalculatorApi,
  isNotFound: (error: unknown) => boolean,
): Promise<Source[]> {
  const revised: NonNullable<SeriesData['revised']> = {}
  const sources: Source[] = []
  let readings: Observation[] = []
  if (s.points.some((p) => p.alternatives > 0)) {
    try {
      // One call for every reading of the series; most periods have only one.
      readings = await api.observations({ dataset, series: s.series })
    } catch (error) {
      // A dataset that keeps no other readings (e.g. an import) simply has no revised base.
      if (!isNotFound(error)) throw error
    }
  }
  for (const p of s.points) {
    if (p.alternatives === 0) continue
    const r = revisedReading(
      readings.filter((o) => o.period === p.period).map((o) => ({ ...o, published: o.source.published })),
      p.periodEnd,
    )
    if (!r) continue
    sources.push(r.source)
    revised[p.period] = {
      period: r.period,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      value: r.value,
      sourceId: r.source.id,
      status: r.status,
      note: r.note,
    }
  }
  ;(s as Series & SeriesData).revised = revised
  return sources
}
