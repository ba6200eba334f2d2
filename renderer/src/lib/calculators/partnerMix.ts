/**
 * Partner mix: how growth by destination adds up to China's total export growth.
 *
 * In the base year, total exports T split into the named partners p (those whose level the data, or
 * the user, gives) and the rest of the world R = T − Σ_p E_p. Each partner grows by g_p, the rest by
 * g_R (fractions: 0.05 = 5 %). Of the exports lost in one market (the US by default, u),
 *
 *     L = max(0, −g_u · E_u)
 *
 * a share r ∈ [0, 1] is redirected and sold elsewhere: to the destinations the user names (those the
 * user believes receive it, e.g. ASEAN), else to every other destination, in proportion to their base
 * levels within that set Q: D_q = r · L · E_q / Σ_{k ∈ Q} E_k (equal parts if they all had zero).
 * Redirection is added on top of each receiver's own growth g_q: if that growth already includes
 * diverted trade, it is counted twice (the calculator warns). Then
 *
 *     E'_p = E_p · (1 + g_p) + D_p        T' = Σ E'_p = T + Σ_p E_p · g_p + r · L
 *     G    = T' / T − 1                   (total export growth)
 *     c_p  = E_p · g_p / T                (partner p's contribution to G, a fraction)
 *     c_D  = r · L / T                    (the redirection's contribution)
 *
 * so G = Σ_p c_p + c_D, which the waterfall draws. G is non-decreasing in every g_p and in r.
 */

export const REST = 'rest'

export interface PartnerMixParams {
  /** Base-year total exports (USD bn). */
  total: number
  /** The partners split out, with their base-year level (USD bn) and growth (fraction). */
  partners: { id: string; base: number; growth: number }[]
  /** Growth of the rest of the world (fraction). */
  restGrowth: number
  /** Share of the exports lost in `redirectFrom` sold elsewhere (fraction 0..1). */
  redirection: number
  /** The market whose losses are redirected; default `us`. */
  redirectFrom?: string
  /** Where the redirected exports go (partner ids or `rest`); empty or absent: every other destination. */
  redirectTo?: readonly string[]
}

export interface PartnerRow {
  id: string
  base: number
  growth: number
  /** Exports redirected here from the losing market (USD bn). */
  redirectedIn: number
  next: number
  baseShare: number
  nextShare: number
  /** E_p · g_p / T (fraction). */
  contribution: number
}

export type PartnerMixResult =
  | {
      ok: true
      baseTotal: number
      nextTotal: number
      totalGrowth: number
      lost: number
      redirected: number
      redirectionContribution: number
      /** The named partners, then the rest of the world (id `rest`). */
      rows: PartnerRow[]
    }
  | {
      ok: false
      problem: 'total not positive' | 'partners exceed total' | 'invalid growth' | 'invalid redirection'
      detail: string
    }

export function partnerMix(p: PartnerMixParams): PartnerMixResult {
  if (!(p.total > 0) || !Number.isFinite(p.total))
    return {
      ok: false,
      problem: 'total not positive',
      detail: 'The base-year total must be a positive number.',
    }
  const named = p.partners.reduce((a, x) => a + x.base, 0)
  const restBase = p.total - named
  // Rounding in published figures can leave a hair below zero; anything more is a real inconsistency.
  if (restBase < -1e-9 * p.total)
    return {
      ok: false,
      problem: 'partners exceed total',
      detail: `The partners add up to ${named}, more than the total ${p.total}.`,
    }
  const all = [...p.partners, { id: REST, base: Math.max(0, restBase), growth: p.restGrowth }]
  if (
    all.some((x) => !Number.isFinite(x.growth) || x.growth < -1 || !Number.isFinite(x.base) || x.base < 0)
  ) {
    return {
      ok: false,
      problem: 'invalid growth',
      detail: 'Growth rates must be at least −100 % and levels at least 0.',
    }
  }
  if (!(p.redirection >= 0 && p.redirection <= 1))
    return {
      ok: false,
      problem: 'invalid redirection',
      detail: 'The redirected share must be between 0 % and 100 %.',
    }
  const from = p.redirectFrom ?? 'us'
  const losing = all.find((x) => x.id === from)
  const lost = losing ? Math.max(0, -losing.growth * losing.base) : 0
  const redirected = p.redirection * lost
  const chosen = new Set((p.redirectTo ?? []).filter((id) => id !== from))
  const picked = all.filter((x) => chosen.has(x.id))
  const receivers = picked.length ? picked : all.filter((x) => x.id !== from)
  const receiverBase = receivers.reduce((a, x) => a + x.base, 0)
  const redirectedTo = (id: string, base: number): number => {
    if (redirected === 0 || !receivers.some((x) => x.id === id)) return 0
    // With no base level among the receivers, the rest of the world takes it if it is one of them,
    // else the named receivers share it equally.
    if (receiverBase === 0) {
      if (receivers.some((x) => x.id === REST)) return id === REST ? redirected : 0
      return redirected / receivers.length
    }
    return (redirected * base) / receiverBase
  }
  const pre = all.map((x) => ({ ...x, redirectedIn: redirectedTo(x.id, x.base), next: 0 }))
  for (const x of pre) x.next = x.base * (1 + x.growth) + x.redirectedIn
  const nextTotal = pre.reduce((a, x) => a + x.next, 0)
  const rows: PartnerRow[] = pre.map((x) => ({
    id: x.id,
    base: x.base,
    growth: x.growth,
    redirectedIn: x.redirectedIn,
    next: x.next,
    baseShare: x.base / p.total,
    nextShare: nextTotal > 0 ? x.next / nextTotal : Number.NaN,
    contribution: (x.base * x.growth) / p.total,
  }))
  return {
    ok: true,
    baseTotal: p.total,
    nextTotal,
    totalGrowth: nextTotal / p.total - 1,
    lost,
    redirected,
    redirectionContribution: redirected / p.total,
    rows,
  }
}

/** One floating bar of the waterfall: from `start` to `end`, in fractions of the base total. */
export interface WaterfallStep {
  id: string
  start: number
  end: number
  kind: 'step' | 'total'
}

/** Waterfall of contributions: each partner's c_p, then the redirection c_D, then the total G. */
export function waterfall(result: Extract<PartnerMixResult, { ok: true }>): WaterfallStep[] {
  const steps: WaterfallStep[] = []
  let at = 0
  for (const row of result.rows) {
    steps.push({ id: row.id, start: at, end: at + row.contribution, kind: 'step' })
    at += row.contribution
  }
  steps.push({ id: 'redirection', start: at, end: at + result.redirectionContribution, kind: 'step' })
  steps.push({ id: 'total', start: 0, end: result.totalGrowth, kind: 'total' })
  return steps
}

/**
 * Why the waterfall has no bar to draw, or null when it has one: every contribution is zero, because
 * every growth rate is 0 % and nothing is redirected (`noGrowth`, the calculator as it opens), or
 * because the rates that are not 0 % are those of destinations with no exports in the base year
 * (`noLevel`). A chart of zero-height bars on an empty axis says neither.
 */
export function flatWaterfall(
  result: Extract<PartnerMixResult, { ok: true }>,
): 'noGrowth' | 'noLevel' | null {
  const zero = (v: number) => Math.abs(v) < 1e-12
  if (!result.rows.every((r) => zero(r.contribution)) || !zero(result.redirectionContribution)) return null
  return result.rows.every((r) => r.growth === 0) ? 'noGrowth' : 'noLevel'
}

export interface TornadoBar {
  /** A partner id, `rest`, or `redirection`. */
  id: string
  lowInput: number
  highInput: number
  /** Total growth G with this one assumption at its low / high value (the others unchanged). */
  low: number
  high: number
  /** |high − low|: how much this assumption moves G. */
  swing: number
}

/**
 * Tornado: each assumption moved alone by ± its swing (growth rates by `growthSwing`, floored at −100 %;
 * the redirected share by `redirectionSwing`, kept within 0..1), sorted by how far it moves G.
 */
export function tornado(
  p: PartnerMixParams,
  swings: { growthSwing: number; redirectionSwing: number },
): TornadoBar[] {
  const g = (q: PartnerMixParams): number => {
    const r = partnerMix(q)
    return r.ok ? r.totalGrowth : Number.NaN
  }
  const bars: TornadoBar[] = []
  const growthBar = (id: string, value: number, set: (v: number) => PartnerMixParams) => {
    const lowInput = Math.max(-1, value - swings.growthSwing)
    const highInput = value + swings.growthSwing
    const low = g(set(lowInput))
    const high = g(set(highInput))
    bars.push({ id, lowInput, highInput, low, high, swing: Math.abs(high - low) })
  }
  p.partners.forEach((x, i) =>
    growthBar(x.id, x.growth, (v) => ({
      ...p,
      partners: p.partners.map((y, j) => (j === i ? { ...y, growth: v } : y)),
    })),
  )
  growthBar(REST, p.restGrowth, (v) => ({ ...p, restGrowth: v }))
  const lowR = Math.max(0, p.redirection - swings.redirectionSwing)
  const highR = Math.min(1, p.redirection + swings.redirectionSwing)
  const low = g({ ...p, redirection: lowR })
  const high = g({ ...p, redirection: highR })
  bars.push({ id: 'redirection', lowInput: lowR, highInput: highR, low, high, swing: Math.abs(high - low) })
  return bars.sort((a, b) => b.swing - a.swing || a.id.localeCompare(b.id))
}
