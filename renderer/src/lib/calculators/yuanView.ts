/**
 * The full-year surplus in yuan, from the **published yuan series only**: no dollar figure is ever
 * converted at an exchange rate. Yuan figures are published in CNY tn (exports, imports) and CNY bn
 * (the monthly balance); they are brought to CNY bn by an exact change of unit (× 1,000), which is
 * not a conversion. Where the data has no published yuan balance, it is computed as exports − imports,
 * both published, and marked computed with that rule. Anything else missing stays missing, and the
 * yuan result is then not computed. Pure.
 */
import {
  fullYearSurplus,
  planRemainingMonths,
  termsOf,
  type FullYearParams,
  type FullYearResult,
  type Method,
  type MonthPlan,
} from './fullYearSurplus'
import { fromData, monthId, pointAt, type SeriesData, type Sourced } from './provenance'

type YuanSeries = (SeriesData & { unit: string }) | null
export interface YuanData {
  exportsYtd: YuanSeries
  importsYtd: YuanSeries
  balanceYtd: YuanSeries
  exports: YuanSeries
  imports: YuanSeries
  balance: YuanSeries
  exportsAnnual: YuanSeries
  importsAnnual: YuanSeries
  balanceAnnual: YuanSeries
}

/** CNY bn per unit of a yuan series; null for a unit that is not yuan (never converted). */
export function cnyBnFactor(unit: string): number | null {
  return unit === 'CNY bn' ? 1 : unit === 'CNY tn' ? 1000 : null
}

/** A yuan figure in CNY bn: published (with the unit it was published in) or computed (with its parts). */
export type YuanFigure =
  | { kind: 'published'; value: number; asPublished: number; unit: string; source: Sourced }
  | { kind: 'computed'; value: number; rule: 'exports − imports'; parts: [YuanFigure, YuanFigure] }
  | { kind: 'computed'; value: number; rule: 'sum of months'; parts: YuanFigure[] }

function published(s: YuanSeries, period: string): YuanFigure | null {
  const p = pointAt(s, period)
  const factor = s ? cnyBnFactor(s.unit) : null
  if (!s || !p || factor === null) return null
  return {
    kind: 'published',
    value: p.value * factor,
    asPublished: p.value,
    unit: s.unit,
    source: fromData(s, p),
  }
}

/** A published balance, else exports − imports from two published figures, else null. */
function balanceOf(
  balance: YuanFigure | null,
  x: YuanFigure | null,
  i: YuanFigure | null,
): YuanFigure | null {
  if (balance) return balance
  if (x && i) return { kind: 'computed', value: x.value - i.value, rule: 'exports − imports', parts: [x, i] }
  return null
}

/**
 * The year-to-date balance as the sum of months 1..cutoff, each a published (or computed) monthly
 * balance; null if any month has none (a month is never filled).
 */
function sumOfMonths(data: YuanData, year: number, cutoff: number): YuanFigure | null {
  const parts: YuanFigure[] = []
  for (let m = 1; m <= cutoff; m += 1) {
    const id = monthId(year, m)
    const b = balanceOf(published(data.balance, id), published(data.exports, id), published(data.imports, id))
    if (!b) return null
    parts.push(b)
  }
  return { kind: 'computed', value: parts.reduce((a, p) => a + p.value, 0), rule: 'sum of months', parts }
}

export interface YuanModel {
  period: string
  ytd: { exports: YuanFigure | null; imports: YuanFigure | null; balance: YuanFigure | null }
  months: { month: string; base: string; balance: YuanFigure | null; method: Method | null }[]
  /** Null when a yuan figure the projection needs was not published. */
  result: FullYearResult | null
  /** The full-year yuan balance the data has for the year (published or computed), as a check. */
  annual: YuanFigure | null
  missing: string[]
}

/** Rescales a yuan series to CNY bn for the shared surplus arithmetic (exact: × 1 or × 1,000). */
function inCnyBn(s: YuanSeries): SeriesData | null {
  const f = s ? cnyBnFactor(s.unit) : null
  if (!s || f === null) return null
  return { series: s.series, points: s.points.map((p) => ({ ...p, value: p.value * f })) }
}

export function buildYuanModel(
  data: YuanData,
  inputs: {
    year: number
    cutoffMonth: number
    exportGrowthPct: number
    importGrowthPct: number
    balanceGrowthPct: number
    methods: Readonly<Record<string, Method>>
    /** With `sum-of-months` (the basis chosen for the dollar figures), a year-to-date balance not published is the sum of the months. */
    ytdBasis?: 'published-ytd' | 'sum-of-months'
  },
): YuanModel {
  const period = `${monthId(inputs.year, 1)}..${monthId(inputs.year, inputs.cutoffMonth)}`
  const ex = published(data.exportsYtd, period)
  const im = published(data.importsYtd, period)
  const ytdBalance =
    balanceOf(published(data.balanceYtd, period), ex, im) ??
    (inputs.ytdBasis === 'sum-of-months' ? sumOfMonths(data, inputs.year, inputs.cutoffMonth) : null)
  // Last year's months on the same methods as the dollar calculator (no revised yuan vintages read).
  const plans: MonthPlan[] = planRemainingMonths(
    {
      exports: inCnyBn(data.exports),
      imports: inCnyBn(data.imports),
      balance: inCnyBn(data.balance),
      balanceYtd: null,
      balanceAnnual: null,
    },
    inputs.year,
    inputs.cutoffMonth,
    [],
    inputs.methods,
    'as-published',
  )
  const months = plans.map((p) => ({
    month: p.month,
    base: p.base,
    method: p.method,
    balance: balanceOf(
      published(data.balance, p.base),
      published(data.exports, p.base),
      published(data.imports, p.base),
    ),
  }))
  const missing: string[] = []
  if (!ytdBalance) missing.push(period)
  for (const p of plans) if (p.method === null) missing.push(p.base)
  const terms = termsOf(plans)
  const params: FullYearParams | null =
    ytdBalance && terms.ok
      ? {
          ytd: ytdBalance.value,
          months: terms.terms,
          exportGrowth: inputs.exportGrowthPct / 100,
          importGrowth: inputs.importGrowthPct / 100,
          balanceGrowth: inputs.balanceGrowthPct / 100,
        }
      : null
  const y = String(inputs.year)
  return {
    period,
    ytd: { exports: ex, imports: im, balance: ytdBalance },
    months,
    result: params ? fullYearSurplus(params) : null,
    annual: balanceOf(
      published(data.balanceAnnual, y),
      published(data.exportsAnnual, y),
      published(data.importsAnnual, y),
    ),
    missing,
  }
}
