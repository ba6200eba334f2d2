/**
 * The world-share calculator's model: the base share (the WTO statistic, the bank estimate or the
 * user's figure), the path to the horizon, published projections as references, Goal Seek with its
 * closed-form check, each model's track record and a summary of outputs. Pure, like the other models.
 */
import type { OutputSummary, WorldShareInputs } from '../../../../electron/shared/calculatorState'
import { fraction, percent, summary, yearsOf } from './modelParts'
import { fromData, fromUser, pointAt, type DataPoint, type SeriesData, type Sourced } from './provenance'
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

export interface ShareData {
  /** China's share of world exports (%), annual: the WTO statistic. */
  observed: SeriesData | null
  /** The bank estimate the data reports (“roughly 15% today”), reached by name: an assumption, not a statistic. */
  estimate: SeriesData | null
  /** Published projections (status `projection`), drawn as references. */
  projection: SeriesData | null
  /** China's and world exports read from an imported dataset, when the base is computed from them. */
  imported?: ImportedExports | null
}

export interface ImportedExports {
  china: SeriesData | null
  world: SeriesData | null
}

/**
 * China's share of world exports from two imported series: for each year both have (world exports
 * above zero), China ÷ World × 100, marked computed with the two readings it came from. Never a year
 * one of them lacks.
 */
export function importedShares(x: ImportedExports): {
  series: SeriesData
  at: (year: string) => Sourced | null
} {
  const annual = (s: SeriesData | null) =>
    new Map((s?.points ?? []).filter((p) => /^\d{4}$/.test(p.period)).map((p) => [p.period, p]))
  const china = annual(x.china)
  const world = annual(x.world)
  const points = [...china.values()].flatMap((c) => {
    const w = world.get(c.period)
    return w && w.value > 0 ? [{ ...c, value: (c.value / w.value) * 100, sourceId: w.sourceId }] : []
  })
  const part = (role: 'china' | 'world', s: SeriesData, p: DataPoint) => ({
    role,
    series: s.series,
    period: p.period,
    value: p.value,
    sourceId: p.sourceId,
  })
  return {
    series: { series: 'imported-share', points },
    at: (year) => {
      const c = china.get(year)
      const w = world.get(year)
      if (!c || !w || !(w.value > 0)) return null
      return {
        value: (c.value / w.value) * 100,
        origin: {
          kind: 'computed',
          rule: 'share',
          parts: [part('china', x.china!, c), part('world', x.world!, w)],
        },
      }
    },
  }
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
  const imported =
    inputs.baseSource === 'imported' ? importedShares(data.imported ?? { china: null, world: null }) : null
  const baseSeries = imported
    ? imported.series
    : inputs.baseSource === 'estimate'
      ? data.estimate
      : data.observed
  const baseYears = yearsOf(baseSeries)
  const baseYear = inputs.baseYear ?? baseYears[0] ?? null
  const point = baseYear === null ? null : pointAt(baseSeries, String(baseYear))
  const override = inputs.overrides.find((o) => o.target === 'baseShare')
  // A base share the user typed replaces the data's; it is labelled as theirs.
  const base = override
    ? fromUser(override.value, override.note)
    : point && imported
      ? imported.at(point.period)
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
