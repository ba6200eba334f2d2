/**
 * Full-year trade surplus from year-to-date actuals and last year's remaining months.
 *
 * For year Y with data through month M (the cut-off), and growth rates given as **fractions**
 * (0.05 = 5 %):
 *
 *     S(Y) = YTD(Y, 1..M) + Σ_{m = M+1..12} term_m
 *     term_m = X(Y−1, m) · (1 + x) − I(Y−1, m) · (1 + y)     ("levels" method)
 *     term_m = B(Y−1, m) · (1 + b)                           ("balance" method)
 *
 * X, I and B are last year's exports, imports and balance in month m, as published. The balance method
 * exists because the data has gaps: when last year's import level for a month was never published
 * (e.g. December 2024), the levels method cannot be used without a number nobody published. Then the
 * calculator either applies one growth rate b to the published balance, or uses a level the user typed
 * in, labelled a user assumption. It never fills a gap itself.
 *
 * YTD(Y, 1..M) is either the published year-to-date balance for `Y-01..Y-MM` (preferred reading) or
 * the sum of the monthly balances, when the months 1..M are each covered exactly once
 * (January–February published combined counts for both months). A monthly balance is as published,
 * or, from an imported file that states none, exports − imports marked computed (importedInputs.ts).
 */
import { goalSeek, type GoalSeekResult } from './goalSeek'
import {
  fromData,
  fromUser,
  monthId,
  pointAt,
  type DataPoint,
  type SeriesData,
  type Sourced,
} from './provenance'

export type Method = 'levels' | 'balance'
export type YtdBasis = 'published-ytd' | 'sum-of-months'
export type GrowthVariable = 'exportGrowth' | 'importGrowth' | 'balanceGrowth'

/** One remaining month's contribution, as plain numbers (USD bn). */
export type MonthTerm =
  { method: 'levels'; exports: number; imports: number } | { method: 'balance'; balance: number }

export interface FullYearParams {
  /** Year-to-date surplus, USD bn. */
  ytd: number
  /** One term per remaining month. */
  months: MonthTerm[]
  /** Growth of exports on the same month a year earlier, as a fraction. */
  exportGrowth: number
  /** Growth of imports on the same month a year earlier, as a fraction. */
  importGrowth: number
  /** Growth of the balance on the same month a year earlier, as a fraction (balance method only). */
  balanceGrowth: number
}

export interface FullYearResult {
  total: number
  ytd: number
  /** Per remaining month, its projected balance. */
  contributions: number[]
  remaining: number
}

/** The projected balance of one remaining month. */
export function monthContribution(term: MonthTerm, p: Pick<FullYearParams, GrowthVariable>): number {
  return impliedLevels(term, p).balance
}

/** A projected month's implied levels: exports and imports only where the method projects them. */
export interface ImpliedLevels {
  exports: number | null
  imports: number | null
  balance: number
}

/** The levels a month's term implies (e.g. December exports = December last year × (1 + x)). */
export function impliedLevels(term: MonthTerm, p: Pick<FullYearParams, GrowthVariable>): ImpliedLevels {
  if (term.method === 'levels') {
    const exports = term.exports * (1 + p.exportGrowth)
    const imports = term.imports * (1 + p.importGrowth)
    return { exports, imports, balance: exports - imports }
  }
  // The balance method projects the balance alone; it says nothing about exports or imports.
  return { exports: null, imports: null, balance: term.balance * (1 + p.balanceGrowth) }
}

/** S = YTD + Σ term_m (see the module comment). */
export function fullYearSurplus(p: FullYearParams): FullYearResult {
  const contributions = p.months.map((m) => monthContribution(m, p))
  const remaining = contributions.reduce((a, b) => a + b, 0)
  return { total: p.ytd + remaining, ytd: p.ytd, contributions, remaining }
}

/** Whether a growth rate enters the result at all (export growth does not when no month uses levels). */
export function variableEnters(p: FullYearParams, variable: GrowthVariable): boolean {
  const method: Method = variable === 'balanceGrowth' ? 'balance' : 'levels'
  return p.months.some((m) => m.method === method)
}

/** Default Goal Seek bounds for a growth rate: −100 % to +200 %. */
export const GROWTH_BOUNDS = { lo: -1, hi: 2 } as const

export type SolveResult = GoalSeekResult | { ok: false; reason: 'does not enter'; detail: string }

/**
 * Goal Seek: the value of one growth rate (the others fixed) for which S equals `target`. S is linear
 * in each rate, so within the bounds there is one answer or none.
 */
export function solveGrowth(
  p: FullYearParams,
  variable: GrowthVariable,
  target: number,
  bounds: { lo: number; hi: number } = GROWTH_BOUNDS,
): SolveResult {
  if (!variableEnters(p, variable))
    return { ok: false, reason: 'does not enter', detail: `${variable} does not enter the result.` }
  return goalSeek((v) => fullYearSurplus({ ...p, [variable]: v }).total, target, bounds)
}

// ——— Reading the inputs from the data ———

/**
 * Which reading of last year's months is the base: `revised` takes a later vintage where the data has
 * one (a reading published after the month's first release, e.g. December 2024 exports 335.6 cited a
 * year later against 336 first published), `as-published` the value the data displays.
 */
export type BaseVintage = 'revised' | 'as-published'

export interface SurplusData {
  exports: SeriesData | null
  imports: SeriesData | null
  balance: SeriesData | null
  balanceYtd: SeriesData | null
  balanceAnnual: SeriesData | null
}

export type YtdSum = { ok: true; value: number; terms: Sourced[] } | { ok: false; missing: string[] }

export interface YtdActuals {
  /** The published year-to-date balance for `Y-01..Y-MM`, or null if no source gave it. */
  published: Sourced | null
  /** The sum of the monthly balances (published, or computed as exports − imports), or the months that have none. */
  sumOfMonths: YtdSum
}

/**
 * Monthly points that cover the months 1..M of year Y exactly once, in order; or the months not
 * covered (a point straddling the cut-off, or overlapping another, counts as not covering).
 */
export function coverMonths(
  series: SeriesData | null,
  year: number,
  through: number,
): { ok: true; points: DataPoint[] } | { ok: false; missing: string[] } {
  const first = monthId(year, 1)
  const last = monthId(year, through)
  const inside = (series?.points ?? []).filter((p) => p.periodStart >= first && p.periodEnd <= last)
  const seen = new Map<string, number>()
  for (const p of inside) {
    for (let m = 1; m <= through; m += 1) {
      const id = monthId(year, m)
      if (id >= p.periodStart && id <= p.periodEnd) seen.set(id, (seen.get(id) ?? 0) + 1)
    }
  }
  const missing: string[] = []
  for (let m = 1; m <= through; m += 1) {
    const id = monthId(year, m)
    if (seen.get(id) !== 1) missing.push(id)
  }
  if (missing.length) return { ok: false, missing }
  return { ok: true, points: [...inside].sort((a, b) => a.periodStart.localeCompare(b.periodStart)) }
}

export function ytdActuals(data: SurplusData, year: number, cutoff: number): YtdActuals {
  const period = `${monthId(year, 1)}..${monthId(year, cutoff)}`
  const ytdPoint = pointAt(data.balanceYtd, period)
  const published = ytdPoint && data.balanceYtd ? fromData(data.balanceYtd, ytdPoint) : null
  const cover = coverMonths(data.balance, year, cutoff)
  const sumOfMonths: YtdSum = cover.ok
    ? {
        ok: true,
        value: cover.points.reduce((a, p) => a + p.value, 0),
        terms: cover.points.map((p) => fromData(data.balance!, p)),
      }
    : { ok: false, missing: cover.missing }
  return { published, sumOfMonths }
}

/** The YTD figure (USD bn) for a basis; null when that basis has no figure. */
export function ytdValue(actuals: YtdActuals, basis: YtdBasis): number | null {
  if (basis === 'published-ytd') return actuals.published?.value ?? null
  return actuals.sumOfMonths.ok ? actuals.sumOfMonths.value : null
}

/** A user-entered level standing in for a month the data lacks. */
export interface LevelOverride {
  flow: 'exports' | 'imports'
  /** Last year's month, `YYYY-MM`. */
  period: string
  value: number
  note: string
}

export type Level = 'exports' | 'imports' | 'balance'

export interface MonthPlan {
  /** The projected month, `Y-MM`. */
  month: string
  /** The same month a year earlier, whose published figures are the base. */
  base: string
  exports: Sourced | null
  imports: Sourced | null
  balance: Sourced | null
  /** The same figures as the data displays them (first published, as a rule), beside a revised base. */
  asPublished: Record<Level, Sourced | null>
  /** The method in use, or null when the chosen method lacks a figure. */
  method: Method | null
  /** The method the user asked for (or the automatic choice). */
  requested: Method
  /** The figures the requested method needs and neither the data nor the user gave. */
  missing: Level[]
}

/**
 * The remaining months M+1..12 and what the data (and user overrides) give for each. The automatic
 * method is `levels` when both last-year levels are available, else `balance` when the balance is,
 * else `levels` (reported as missing). A user override is used only for a level and is labelled.
 */
export function planRemainingMonths(
  data: SurplusData,
  year: number,
  cutoff: number,
  overrides: readonly LevelOverride[] = [],
  methods: Readonly<Record<string, Method>> = {},
  vintage: BaseVintage = 'revised',
): MonthPlan[] {
  const plans: MonthPlan[] = []
  for (let m = cutoff + 1; m <= 12; m += 1) {
    const base = monthId(year - 1, m)
    const read = (flow: Level): { used: Sourced | null; asPublished: Sourced | null } => {
      const s = data[flow]
      const p = pointAt(s, base)
      const asPublished = s && p ? fromData(s, p) : null
      const later = vintage === 'revised' ? s?.revised?.[base] : undefined
      return { used: s && later ? fromData(s, later, 'revised') : asPublished, asPublished }
    }
    const level = (flow: 'exports' | 'imports'): Sourced | null => {
      const o = overrides.find((x) => x.flow === flow && x.period === base)
      return o ? fromUser(o.value, o.note) : read(flow).used
    }
    const exports = level('exports')
    const imports = level('imports')
    const balance = read('balance').used
    const asPublished = {
      exports: read('exports').asPublished,
      imports: read('imports').asPublished,
      balance: read('balance').asPublished,
    }
    const auto: Method = exports && imports ? 'levels' : balance ? 'balance' : 'levels'
    const requested = methods[base] ?? auto
    const missing: Level[] =
      requested === 'levels'
        ? [...(exports ? [] : (['exports'] as const)), ...(imports ? [] : (['imports'] as const))]
        : balance
          ? []
          : ['balance']
    plans.push({
      month: monthId(year, m),
      base,
      exports,
      imports,
      balance,
      asPublished,
      requested,
      method: missing.length ? null : requested,
      missing,
    })
  }
  return plans
}

/** The month terms of a plan, or the months that cannot be computed. */
export function termsOf(
  plans: readonly MonthPlan[],
): { ok: true; terms: MonthTerm[] } | { ok: false; incomplete: MonthPlan[] } {
  const incomplete = plans.filter((p) => p.method === null)
  if (incomplete.length) return { ok: false, incomplete }
  return {
    ok: true,
    terms: plans.map((p) =>
      p.method === 'levels'
        ? { method: 'levels', exports: p.exports!.value, imports: p.imports!.value }
        : { method: 'balance', balance: p.balance!.value },
    ),
  }
}

/** The largest annual surplus in the data before year Y (the record to beat), with its source. */
export function previousRecord(annual: SeriesData | null, year: number): (Sourced & { year: number }) | null {
  let best: (Sourced & { year: number }) | null = null
  for (const p of annual?.points ?? []) {
    const y = Number(p.period)
    if (!/^\d{4}$/.test(p.period) || y >= year) continue
    if (!best || p.value > best.value) best = { ...fromData(annual!, p), year: y }
  }
  return best
}

/** The published annual balance for year Y itself, if the data already has it (a check, not an input). */
export function publishedAnnual(annual: SeriesData | null, year: number): Sourced | null {
  const p = pointAt(annual, String(year))
  return annual && p ? fromData(annual, p) : null
}

// ——— Track record ———

export interface BacktestRow {
  year: number
  /** The published full-year balance the projection is compared with. */
  published: Sourced
  /** The YTD basis used (the chosen one, else the other where the chosen one has no figure). */
  basis: YtdBasis | null
  projected: number | null
  /** projected − published (USD bn), or null with the figures that were missing. */
  error: number | null
  missing: string[]
}

/**
 * Backtest of one method: for every year Y with a published full-year balance, project Y from its own
 * data through the cut-off month (YTD + last year's remaining months, every month on `method`, at the
 * given growth rates) and compare with the published figure. Years the data cannot project are listed
 * with what is missing, never filled.
 */
export function surplusBacktest(
  data: SurplusData,
  opts: {
    cutoff: number
    basis: YtdBasis
    method: Method
    vintage: BaseVintage
    growth: Pick<FullYearParams, GrowthVariable>
  },
): BacktestRow[] {
  const rows: BacktestRow[] = []
  const annual = (data.balanceAnnual?.points ?? [])
    .filter((p) => /^\d{4}$/.test(p.period) && p.status !== 'projection')
    .sort((a, b) => a.period.localeCompare(b.period))
  for (const point of annual) {
    const year = Number(point.period)
    const published = fromData(data.balanceAnnual!, point)
    const actuals = ytdActuals(data, year, opts.cutoff)
    const other: YtdBasis = opts.basis === 'published-ytd' ? 'sum-of-months' : 'published-ytd'
    const chosen = ytdValue(actuals, opts.basis)
    const basis = chosen !== null ? opts.basis : ytdValue(actuals, other) !== null ? other : null
    const ytd = basis ? ytdValue(actuals, basis) : null
    const methods: Record<string, Method> = {}
    for (let m = opts.cutoff + 1; m <= 12; m += 1) methods[monthId(year - 1, m)] = opts.method
    const plans = planRemainingMonths(data, year, opts.cutoff, [], methods, opts.vintage)
    const terms = termsOf(plans)
    const missing = [
      ...(ytd === null ? [`${monthId(year, 1)}..${monthId(year, opts.cutoff)}`] : []),
      ...plans.filter((p) => p.method === null).map((p) => p.base),
    ]
    const projected =
      ytd !== null && terms.ok ? fullYearSurplus({ ytd, months: terms.terms, ...opts.growth }).total : null
    rows.push({
      year,
      published,
      basis,
      projected,
      error: projected === null ? null : projected - published.value,
      missing,
    })
  }
  return rows
}
