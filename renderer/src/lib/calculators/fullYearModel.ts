/**
 * The full-year surplus calculator's model: from its serialisable inputs (rates in percent, see
 * calculatorState.ts) and the data read for a dataset to everything it shows — the figures taken from
 * the data with their provenance, the user's stand-in figures, the result, Goal Seek, the sensitivity
 * table, each method's track record and a summary of outputs. Pure (no Vue, no API calls), so the same
 * code runs in the app, in unit tests over the real data, and when comparing saved scenarios.
 */
import type {
  FullYearInputs,
  OutputSummary,
  UserAssumption,
} from '../../../../electron/shared/calculatorState'
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
import { fraction, percent, summary } from './modelParts'
import { coarsestPlace } from './precision'
import type { Sourced } from './provenance'
import { axisAround, twoWayTable, type SensitivityTable } from './sensitivity'
import { spread, type Spread } from './trackRecord'
import { buildYuanModel, type YuanData, type YuanModel } from './yuanView'

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
