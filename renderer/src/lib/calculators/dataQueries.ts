/**
 * The series the calculators read from a dataset, as API queries. The store runs them through the app's
 * API client; unit tests run the very same queries against the real services. A series the dataset does
 * not have is `null` (the calculators then say what is missing); any other error is passed on.
 */
import type { Series, SeriesQuery, Source } from '../../../../electron/shared/api'
import { PARTNER_IDS, type PartnerId } from '../../../../electron/shared/calculatorState'
import type { SurplusData } from './fullYearSurplus'
import type { PartnerData, ShareData } from './models'

export interface CalculatorData {
  dataset: string
  surplus: SurplusData
  partners: PartnerData
  share: ShareData
  /** Every source the loaded series cite, by id (for showing publisher, title and link). */
  sources: Record<string, Source>
}

export type FetchSeries = (query: SeriesQuery) => Promise<Series>

/** The queries, by role. Names are given only where two series share every dimension. */
export function calculatorQueries(dataset: string) {
  const usd = { dataset, unit: 'USD bn' } as const
  return {
    exports: { ...usd, flow: 'exports' },
    imports: { ...usd, flow: 'imports' },
    balance: { ...usd, flow: 'balance' },
    balanceYtd: { ...usd, flow: 'balance', frequency: 'ytd' },
    balanceAnnual: { ...usd, flow: 'balance', frequency: 'year' },
    // Exports on the customs basis; the WTO-basis series shares every other dimension.
    exportsAnnual: { ...usd, flow: 'exports', frequency: 'year', series: 'exports_usd_annual' },
    partner: (partner: PartnerId) => ({ ...usd, flow: 'exports', partner, frequency: 'year' }),
    share: { dataset, flow: 'exports', measure: 'share', frequency: 'year', unit: '%' },
    shareProjection: {
      dataset,
      flow: 'exports',
      measure: 'share',
      frequency: 'year',
      unit: '%',
      series: 'china_share_world_exports_pct_projection',
    },
  } satisfies Record<string, SeriesQuery | ((p: PartnerId) => SeriesQuery)>
}

export async function loadCalculatorData(
  dataset: string,
  fetch: FetchSeries,
  isNotFound: (error: unknown) => boolean,
): Promise<CalculatorData> {
  const q = calculatorQueries(dataset)
  const optional = async (query: SeriesQuery): Promise<Series | null> => {
    try {
      return await fetch(query)
    } catch (error) {
      if (isNotFound(error)) return null
      throw error
    }
  }
  const [
    exports,
    imports,
    balance,
    balanceYtd,
    balanceAnnual,
    exportsAnnual,
    share,
    projection,
    ...partners
  ] = await Promise.all([
    optional(q.exports),
    optional(q.imports),
    optional(q.balance),
    optional(q.balanceYtd),
    optional(q.balanceAnnual),
    optional(q.exportsAnnual),
    optional(q.share),
    optional(q.shareProjection),
    ...PARTNER_IDS.map((p) => optional(q.partner(p))),
  ])
  const all = [
    exports,
    imports,
    balance,
    balanceYtd,
    balanceAnnual,
    exportsAnnual,
    share,
    projection,
    ...partners,
  ]
  const sources: Record<string, Source> = {}
  for (const s of all) for (const src of s?.sources ?? []) sources[src.id] = src
  return {
    dataset,
    surplus: { exports, imports, balance, balanceYtd, balanceAnnual },
    partners: {
      total: exportsAnnual,
      byPartner: Object.fromEntries(PARTNER_IDS.map((p, i) => [p, partners[i] ?? null])),
    },
    share: { observed: share, projection },
    sources,
  }
}
