/**
 * From the serialisable inputs (rates in percent, see calculatorState.ts) and the data read for a
 * dataset to everything a calculator shows: the figures taken from the data with their provenance,
 * the user's stand-in figures, the result, Goal Seek, the sensitivity table and a summary of outputs.
 * Pure (no Vue, no API calls), so the same code runs in the app, in unit tests over the real data,
 * and when comparing saved scenarios.
 */
import type {
  FullYearInputs,
  OutputSummary,
  PartnerId,
  PartnerMixInputs,
  UserAssumption,
  WorldShareInputs,
} from '../../../../electron/shared/calculatorState'
import { PARTNER_IDS } from '../../../../electron/shared/calculatorState'
import {
  fullYearSurplus,
  impliedLevels,
  planRemainingMonths,
  surplusBacktest,
  previousRecord,
  publishedAnnual,
  solveGrowth,
  termsOf,
  variableEnters,
  ytdActuals,
  ytdValue,
  type FullYearParams,
  type BacktestRow,
  type FullYearResult,
  type GrowthVariable,
  type ImpliedLevels,
  type Method,
  type LevelOverride,
  type MonthPlan,
  type SolveResult,
  type SurplusData,
  type YtdActuals,
} from './fullYearSurplus'
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
import { coarsestPlace } from './precision'
import { fromData, fromUser, pointAt, type SeriesData, type Sourced } from './provenance'
import { axisAround, twoWayTable, type SensitivityTable } from './sensitivity'
import { spread, type Spread } from './trackRecord'
import {
  sharePath,
  shareAt,
  shareBacktest,
  solveGap,
  requiredChinaGrowth,
  type GapResult,
  type ShareBacktestRow,
  type ShareModel,
  type ShareParams,
} from './worldShare'
import { buildYuanModel, type YuanData, type YuanModel } from './yuanView'

/** A percentage as typed (5) to the fraction the maths uses (0.05). */
export const fraction = (pct: number): number => pct / 100
/** A fraction (0.05) to percent (5), for display and for writing a solved rate back into an input. */
export const percent = (f: number): number => f * 100

const finiteOrNull = (v: number | null | undefined): number | null =>
  v !== null && v !== undefined && Number.isFinite(v) ? v : null

function summary(entries: Record<string, number | null | undefined>): OutputSummary {
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, finiteOrNull(v)]))
}

// ——— Full-year surplus ———

export const SENSITIVITY_STEP_PCT = 2
export const SENSITIVITY_STEPS_EACH_SIDE = 3
const GROWTH_VARIABLES: GrowthVariable[] = ['exportGrowth', 'importGrowth', 'balanceGrowth']
const PCT_FIELD: Record<GrowthVariable, 'exportGrowthPct' | 'importGrowthPct' | 'balanceGrowthPct'> = {
  exportGrowth: 'exportGrowthPct',
  importGrowth: 'importGrowthPct',
  balanceGrowth: 'balanceGrowthPct',
}
export const pctFieldOf = (v: GrowthVariable) => PCT_FIELD[v]

export type FullYearProblem =
  | { key: 'noYtd'; basis: FullYearInputs['ytdBasis']; missing: string[] }
  | { key: 'monthIncomplete'; month: string; missing: string[] }

export interface FullYearModel {
  actuals: YtdActuals
  /** The YTD surplus on the chosen basis, or null when that basis has no figure. */
  ytd: number | null
  plans: MonthPlan[]
  record: (Sourced & { year: number }) | null
  /** The published full-year figure for this year, if the data already has one (shown as a check). */
  published: Sourced | null
  params: FullYearParams | null
  result: FullYearResult | null
  vsRecord: number | null
  problems: FullYearProblem[]
  /** Which growth rates enter the result (export/import growth only when a month uses levels). */
  enters: Record<GrowthVariable, boolean>
  /** The Goal Seek variable in effect: the chosen one if it enters, else the first that does. */
  seekVariable: GrowthVariable | null
  goalSeek: SolveResult | null
  sensitivity: { rows: GrowthVariable; columns: GrowthVariable | null; table: SensitivityTable } | null
  /** The months on each method, when the remaining months do not all use one method (a warning). */
  mixedMethods: Record<Method, string[]> | null
  /** Per projected month, the levels the inputs imply (null where the month cannot be computed). */
  implied: (ImpliedLevels | null)[]
  /** Whether any base figure is a later vintage (the revised base) rather than as first displayed. */
  revisedBase: boolean
  /** The decimal place the result is known to (the coarsest among the published figures it adds). */
  place: number
  /** The track record of each method at the current growth rates, and its spread. */
  trackRecord: Record<Method, { rows: BacktestRow[]; spread: Spread | null }>
  /** The same calculation from the published yuan series (null when the dataset has none). */
  yuan: YuanModel | null
  summary: OutputSummary
}

export function levelOverrides(overrides: readonly UserAssumption[]): LevelOverride[] {
  return overrides.flatMap((o) => {
    const m = /^(exports|imports):(\d{4}-\d{2})$/.exec(o.target)
    return m ? [{ flow: m[1] as 'exports' | 'imports', period: m[2]!, value: o.value, note: o.note }] : []
  })
}

export function buildFullYearModel(
  inputs: FullYearInputs,
  data: SurplusData,
  yuanData: YuanData | null = null,
): FullYearModel {
  const actuals = ytdActuals(data, inputs.year, inputs.cutoffMonth)
  const ytd = ytdValue(actuals, inputs.ytdBasis)
  const plans = planRemainingMonths(
    data,
    inputs.year,
    inputs.cutoffMonth,
    levelOverrides(inputs.overrides),
    inputs.methods,
    inputs.baseVintage,
  )
  const record = previousRecord(data.balanceAnnual, inputs.year)
  const published = publishedAnnual(data.balanceAnnual, inputs.year)
  const problems: FullYearProblem[] = []
  if (ytd === null) {
    problems.push({
      key: 'noYtd',
      basis: inputs.ytdBasis,
      missing: actuals.sumOfMonths.ok ? [] : actuals.sumOfMonths.missing,
    })
  }
  for (const p of plans)
    if (p.method === null) problems.push({ key: 'monthIncomplete', month: p.base, missing: p.missing })
  const terms = termsOf(plans)
  const params: FullYearParams | null =
    ytd !== null && terms.ok
      ? {
          ytd,
          months: terms.terms,
          exportGrowth: fraction(inputs.exportGrowthPct),
          importGrowth: fraction(inputs.importGrowthPct),
          balanceGrowth: fraction(inputs.balanceGrowthPct),
        }
      : null
  const result = params ? fullYearSurplus(params) : null
  const vsRecord = result && record ? result.total - record.value : null
  const enters = Object.fromEntries(
    GROWTH_VARIABLES.map((v) => [v, params ? variableEnters(params, v) : false]),
  ) as Record<GrowthVariable, boolean>
  const seekVariable = enters[inputs.goalSeek.variable]
    ? inputs.goalSeek.variable
    : (GROWTH_VARIABLES.find((v) => enters[v]) ?? null)
  const target = inputs.goalSeek.targetUsdBn
  const goalSeek =
    params && seekVariable && target !== null ? solveGrowth(params, seekVariable, target) : null

  let sensitivity: FullYearModel['sensitivity'] = null
  const entering = GROWTH_VARIABLES.filter((v) => enters[v])
  if (params && entering.length) {
    const rows = entering[0]!
    const columns = entering[1] ?? null
    const axis = (v: GrowthVariable) =>
      axisAround(inputs[PCT_FIELD[v]], SENSITIVITY_STEP_PCT, SENSITIVITY_STEPS_EACH_SIDE).filter(
        (x) => x >= -100,
      )
    const table = twoWayTable(
      axis(rows),
      columns ? axis(columns) : [inputs[PCT_FIELD[rows]]],
      (r, c) =>
        fullYearSurplus({ ...params, [rows]: fraction(r), ...(columns ? { [columns]: fraction(c) } : {}) })
          .total,
      record ? { value: record.value, direction: 'above' } : null,
    )
    sensitivity = { rows, columns, table }
  }

  const byMethod: Record<Method, string[]> = { levels: [], balance: [] }
  for (const p of plans) if (p.method) byMethod[p.method].push(p.month)
  const mixedMethods = byMethod.levels.length && byMethod.balance.length ? byMethod : null
  const implied = plans.map((_, i) => (params ? impliedLevels(params.months[i]!, params) : null))
  const used = plans.flatMap((p) =>
    p.method === 'levels' ? [p.exports, p.imports] : p.method === 'balance' ? [p.balance] : [],
  )
  const place = coarsestPlace([...(ytd !== null ? [ytd] : []), ...used.map((u) => u!.value)])
  const growth = params ?? {
    exportGrowth: fraction(inputs.exportGrowthPct),
    importGrowth: fraction(inputs.importGrowthPct),
    balanceGrowth: fraction(inputs.balanceGrowthPct),
  }
  const trackOf = (method: Method) => {
    const rows = surplusBacktest(data, {
      cutoff: inputs.cutoffMonth,
      basis: inputs.ytdBasis,
      method,
      vintage: inputs.baseVintage,
      growth: {
        exportGrowth: growth.exportGrowth,
        importGrowth: growth.importGrowth,
        balanceGrowth: growth.balanceGrowth,
      },
    })
    return { rows, spread: spread(rows.flatMap((r) => (r.error === null ? [] : [r.error]))) }
  }

  return {
    actuals,
    ytd,
    plans,
    record,
    published,
    params,
    result,
    vsRecord,
    problems,
    enters,
    seekVariable,
    goalSeek,
    sensitivity,
    mixedMethods,
    implied,
    revisedBase: used.some((u) => u?.origin.kind === 'data' && u.origin.vintage === 'revised'),
    place,
    trackRecord: { levels: trackOf('levels'), balance: trackOf('balance') },
    yuan: yuanData ? buildYuanModel(yuanData, inputs) : null,
    summary: summary({
      totalUsdBn: result?.total,
      ytdUsdBn: ytd,
      remainingUsdBn: result?.remaining,
      recordUsdBn: record?.value,
      vsRecordUsdBn: vsRecord,
      exportGrowthPct: inputs.exportGrowthPct,
      importGrowthPct: inputs.importGrowthPct,
      balanceGrowthPct: inputs.balanceGrowthPct,
      goalSeekTargetUsdBn: target,
      goalSeekSolutionPct: goalSeek?.ok ? percent(goalSeek.x) : null,
    }),
  }
}

// ——— Partner mix ———

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

const yearsOf = (s: SeriesData | null): number[] =>
  [
    ...new Set(
      (s?.points ?? [])
        .filter((p) => /^\d{4}$/.test(p.period) && p.status !== 'projection')
        .map((p) => Number(p.period)),
    ),
  ].sort((a, b) => b - a)

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

// ——— Share of world exports ———

export interface ShareData {
  /** China's share of world exports (%), annual: the WTO statistic. */
  observed: SeriesData | null
  /** The bank estimate the data reports (“roughly 15% today”), reached by name: an assumption, not a statistic. */
  estimate: SeriesData | null
  /** Published projections (status `projection`), drawn as references. */
  projection: SeriesData | null
}

export type ShareProblem = { key: 'noBase'; year: number | null } | { key: 'horizon' }

export interface WorldShareModel {
  /** Years the chosen base has, newest first. */
  baseYears: number[]
  /** The base year in effect (the chosen one, or the latest the base has). */
  baseYear: number | null
  base: Sourced | null
  baseInData: boolean
  /** Whether the base is the bank estimate rather than the WTO statistic (shown as an assumption). */
  baseIsEstimate: boolean
  /** The published projections: reference points, never inputs. */
  projections: (Sourced & { year: number; note: string })[]
  params: ShareParams | null
  path: { year: number; share: number }[]
  /** The path with China growing as fast as the other side (flat), for reference. */
  flat: { year: number; share: number }[]
  horizonShare: number | null
  /** The world-growth form would need the rest of the world's exports below zero somewhere on the path. */
  exceedsWorld: boolean
  /** The path's share in the projection's year minus the projection (pp), when both exist. */
  vsProjection: { year: number; value: number; projection: number } | null
  goalSeek: GapResult | null
  /** The closed-form answer, shown next to the solver's as a check. */
  closedFormGap: number | null
  /** Observed shares (annual) for the chart. */
  history: { year: number; share: number }[]
  /** Each model's track record: from every published year to every later one, at the current rates. */
  trackRecord: Record<ShareModel, { rows: ShareBacktestRow[]; spread: Spread | null }>
  problems: ShareProblem[]
  summary: OutputSummary
}

const annualShares = (s: SeriesData | null) =>
  (s?.points ?? [])
    .filter((p) => /^\d{4}$/.test(p.period) && p.status !== 'projection')
    .map((p) => ({ year: Number(p.period), share: p.value }))

export function buildWorldShareModel(inputs: WorldShareInputs, data: ShareData): WorldShareModel {
  const baseSeries = inputs.baseSource === 'estimate' ? data.estimate : data.observed
  const baseYears = yearsOf(baseSeries)
  const baseYear = inputs.baseYear ?? baseYears[0] ?? null
  const point = baseYear === null ? null : pointAt(baseSeries, String(baseYear))
  const override = inputs.overrides.find((o) => o.target === 'baseShare')
  // A base share the user typed replaces the data's; it is labelled as theirs.
  const base = override
    ? fromUser(override.value, override.note)
    : point && baseSeries
      ? fromData(baseSeries, point)
      : null
  const projections = (data.projection?.points ?? [])
    .filter((p) => p.status === 'projection' && /^\d{4}$/.test(p.period))
    .map((p) => ({ ...fromData(data.projection!, p), year: Number(p.period), note: p.note ?? '' }))
  const problems: ShareProblem[] = []
  if (!base || baseYear === null) problems.push({ key: 'noBase', year: baseYear })
  const horizonOk = baseYear !== null && inputs.horizonYear > baseYear
  if (baseYear !== null && !horizonOk) problems.push({ key: 'horizon' })
  const otherGrowthPct = inputs.model === 'world-growth' ? inputs.worldGrowthPct : inputs.restGrowthPct
  const rates = {
    model: inputs.model,
    chinaGrowth: fraction(inputs.chinaGrowthPct),
    otherGrowth: fraction(otherGrowthPct),
  }
  const params: ShareParams | null = base && baseYear !== null ? { ...rates, baseShare: base.value } : null
  const path = params && horizonOk ? sharePath(params, baseYear!, inputs.horizonYear) : []
  const flat =
    params && horizonOk
      ? sharePath({ ...params, chinaGrowth: params.otherGrowth }, baseYear!, inputs.horizonYear)
      : []
  const horizonShare = path.at(-1)?.share ?? null
  const reference = projections[0]
  const vsProjection =
    params && reference && baseYear !== null && reference.year > baseYear
      ? {
          year: reference.year,
          value: shareAt(params, reference.year - baseYear) - reference.value,
          projection: reference.value,
        }
      : null
  const t = baseYear === null ? 0 : inputs.goalSeek.targetYear - baseYear
  const target = inputs.goalSeek.targetSharePct
  const goalSeek = params && target !== null ? solveGap(params, target, t) : null
  const closedFormGap =
    params && target !== null && t > 0
      ? requiredChinaGrowth(params.model, params.baseShare, target, t, params.otherGrowth) -
        params.otherGrowth
      : null
  const history = annualShares(data.observed)
  const trackOf = (model: ShareModel) => {
    const rows = shareBacktest(history, { ...rates, model })
    return { rows, spread: spread(rows.map((r) => r.error)) }
  }
  return {
    baseYears,
    baseYear,
    base,
    baseInData: !!point,
    baseIsEstimate: inputs.baseSource === 'estimate' && !override,
    projections,
    params,
    path,
    flat,
    horizonShare: horizonShare !== null && Number.isFinite(horizonShare) ? horizonShare : null,
    exceedsWorld: path.some((p) => !Number.isFinite(p.share)),
    vsProjection,
    goalSeek,
    closedFormGap,
    history,
    trackRecord: { 'rest-of-world': trackOf('rest-of-world'), 'world-growth': trackOf('world-growth') },
    problems,
    summary: summary({
      baseSharePct: base?.value,
      chinaGrowthPct: inputs.chinaGrowthPct,
      otherGrowthPct,
      horizonSharePct: horizonShare,
      projectionYearSharePct: vsProjection ? vsProjection.value + vsProjection.projection : null,
      vsProjectionPp: vsProjection?.value,
      goalSeekTargetPct: target,
      goalSeekGapPp: goalSeek?.ok ? percent(goalSeek.gap) : null,
    }),
  }
}
