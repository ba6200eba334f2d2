/**
 * The partner-mix calculator's model: every partner level the data has (or the user's stand-in), the
 * result, the waterfall, the tornado, coverage and double-counting warnings, and a summary of outputs.
 * Pure, like the other calculator models.
 */
import type { OutputSummary, PartnerId, PartnerMixInputs } from '../../../../electron/shared/calculatorState'
import { PARTNER_IDS } from '../../../../electron/shared/calculatorState'
import {
  partnerMix,
  tornado,
  waterfall,
  type PartnerMixParams,
  type PartnerMixResult,
  type TornadoBar,
  type WaterfallStep,
} from './partnerMix'
import { partnerDefinition, type PartnerDefinition } from './partnerDefinitions'
import { fraction, percent, summary, yearsOf } from './modelParts'
import { fromData, fromUser, pointAt, type SeriesData, type Sourced } from './provenance'

export interface PartnerData {
  total: SeriesData | null
  /** Every partner with an annual export level in the dataset, by partner code. */
  byPartner: Partial<Record<PartnerId, SeriesData | null>>
}

export interface PartnerEntry {
  id: PartnerId
  /** The base-year level: from the data, from the user, or null (then folded into the rest of the world). */
  level: Sourced | null
  /** Whether the data has a level for this partner in the base year (a user figure replaces it only when it has not). */
  inData: boolean
  growthPct: number
  /** What the name covers in the base year (EU28 / EU27, ASEAN's ten members), where it matters. */
  definition: PartnerDefinition | null
}

export type PartnerProblem =
  | { key: 'noTotal'; year: number }
  | { key: 'mix'; detail: string; problem: Extract<PartnerMixResult, { ok: false }>['problem'] }

export interface PartnerMixModel {
  /** Years with a published total, newest first (the base-year choices). */
  baseYears: number[]
  total: Sourced | null
  partners: PartnerEntry[]
  /** Share of the base-year total the named partners' levels cover (the rest is “rest of the world”). */
  coverage: { fromData: number; withUser: number } | null
  params: PartnerMixParams | null
  result: Extract<PartnerMixResult, { ok: true }> | null
  /** Receivers of redirected exports that also have their own growth: counted twice if that growth already includes diverted trade. */
  doubleCounted: string[]
  waterfall: WaterfallStep[]
  tornado: TornadoBar[]
  problems: PartnerProblem[]
  summary: OutputSummary
}

/** The partners offered: those the calculator always lists, then every other one the data has a level for. */
export function partnerIdsOf(data: PartnerData): PartnerId[] {
  const extra = Object.keys(data.byPartner)
    .filter((id) => !(PARTNER_IDS as readonly string[]).includes(id))
    .sort()
  return [...PARTNER_IDS, ...extra]
}

export function buildPartnerMixModel(inputs: PartnerMixInputs, data: PartnerData): PartnerMixModel {
  const year = String(inputs.baseYear)
  const totalPoint = pointAt(data.total, year)
  const total = totalPoint && data.total ? fromData(data.total, totalPoint) : null
  const partners: PartnerEntry[] = partnerIdsOf(data).map((id) => {
    const series = data.byPartner[id] ?? null
    const point = pointAt(series, year)
    const override = inputs.overrides.find((o) => o.target === `partner:${id}`)
    const level =
      point && series ? fromData(series, point) : override ? fromUser(override.value, override.note) : null
    return {
      id,
      level,
      inData: !!point,
      growthPct: inputs.growthPct[id] ?? 0,
      definition: partnerDefinition(id, inputs.baseYear),
    }
  })
  const problems: PartnerProblem[] = []
  let params: PartnerMixParams | null = null
  let result: PartnerMixModel['result'] = null
  if (!total) problems.push({ key: 'noTotal', year: inputs.baseYear })
  else {
    params = {
      total: total.value,
      partners: partners
        .filter((p) => p.level)
        .map((p) => ({ id: p.id, base: p.level!.value, growth: fraction(p.growthPct) })),
      restGrowth: fraction(inputs.restGrowthPct),
      redirection: fraction(inputs.redirectionPct),
      redirectFrom: 'us',
      redirectTo: inputs.redirectTo,
    }
    const r = partnerMix(params)
    if (r.ok) result = r
    else problems.push({ key: 'mix', detail: r.detail, problem: r.problem })
  }
  const swing = {
    growthSwing: fraction(inputs.tornadoSwingPct),
    redirectionSwing: fraction(Math.max(inputs.tornadoSwingPct, 10)),
  }
  const bars = params && result ? tornado(params, swing) : []
  const shareOf = (id: string) => result?.rows.find((r) => r.id === id)?.nextShare
  const sumOf = (list: PartnerEntry[]) => list.reduce((a, p) => a + (p.level?.value ?? 0), 0)
  const coverage = total
    ? {
        fromData: sumOf(partners.filter((p) => p.inData)) / total.value,
        withUser: sumOf(partners) / total.value,
      }
    : null
  const doubleCounted = (result?.rows ?? [])
    .filter((r) => r.redirectedIn > 0 && r.growth !== 0)
    .map((r) => r.id)
  return {
    baseYears: yearsOf(data.total),
    total,
    partners,
    coverage,
    params,
    result,
    doubleCounted,
    waterfall: result ? waterfall(result) : [],
    tornado: bars,
    problems,
    summary: summary({
      baseTotalUsdBn: total?.value,
      nextTotalUsdBn: result?.nextTotal,
      totalGrowthPct: result ? percent(result.totalGrowth) : null,
      redirectedUsdBn: result?.redirected,
      coverageFromDataPct: coverage ? percent(coverage.fromData) : null,
      ...Object.fromEntries(
        [...partners.map((p) => p.id), 'rest'].map((id) => [
          `share_${id}_pct`,
          shareOf(id) === undefined ? null : percent(shareOf(id)!),
        ]),
      ),
    }),
  }
}
