/**
 * China's share of world exports, projected from a base year. Two models:
 *
 * **China against the rest of the world** (the default). World exports are China's exports C plus the
 * rest of the world's R, each compounding at its own rate (fractions: 0.05 = 5 %):
 *
 *     C_t = s₀ · (1 + g_c)^t      R_t = (1 − s₀) · (1 + g_r)^t      s_t = C_t / (C_t + R_t)
 *
 * (with s₀ as a fraction of world exports). As C and R are both positive, the share stays strictly
 * between 0 and 100 % for any growth rates above −100 %. Inverted for Goal Seek: with
 * k = (S / (1 − S)) · ((1 − s₀) / s₀), reaching a target S in t years needs
 *
 *     g_c = (1 + g_r) · k^(1/t) − 1,   gap = g_c − g_r.
 *
 * **China against world growth** (kept as an option, with its caveat): the world grows at g_w, so
 *
 *     s_t = s₀ · ((1 + g_c) / (1 + g_w))^t.
 *
 * Holding world growth fixed while China's changes quietly changes the rest of the world's growth
 * (world growth includes China's), and the formula is not capped: it can exceed 100 %, which would
 * need the rest of the world's exports to be negative. Such a share is reported as impossible (NaN)
 * with that reason, never drawn.
 */
import { goalSeek, type GoalSeekResult } from './goalSeek'

export type ShareModel = 'rest-of-world' | 'world-growth'
export const SHARE_MODELS: readonly ShareModel[] = ['rest-of-world', 'world-growth']

export interface ShareParams {
  model: ShareModel
  /** Share in the base year, in % (e.g. 14.2); must be in (0, 100). */
  baseShare: number
  /** China's export growth per year (fraction, > −1). */
  chinaGrowth: number
  /** The other side's growth per year (fraction, > −1): the rest of the world's, or the world's. */
  otherGrowth: number
}

/** The largest double below 100 (doubles in [64, 128) are 2⁻⁴⁶ apart). */
const LARGEST_BELOW_100 = 100 - 2 ** -46

/**
 * The true share is strictly inside (0, 100 %). Where it lies closer to a bound than a double can tell
 * apart, the nearest double inside is returned, so rounding never produces a share of 0 or 100 %.
 */
const inside = (pct: number): number => Math.min(Math.max(pct, Number.MIN_VALUE), LARGEST_BELOW_100)

/** The share after t years, in %; NaN when the inputs leave the model's domain (see the module comment). */
export function shareAt(p: ShareParams, t: number): number {
  if (!(p.baseShare > 0 && p.baseShare < 100) || !(1 + p.chinaGrowth > 0) || !(1 + p.otherGrowth > 0))
    return Number.NaN
  const s0 = p.baseShare / 100
  if (p.model === 'world-growth') {
    const s = s0 * Math.pow((1 + p.chinaGrowth) / (1 + p.otherGrowth), t)
    return s < 1 ? inside(s * 100) : Number.NaN
  }
  // In logs, so that long horizons with very different rates neither overflow nor lose the share.
  const logC = Math.log(s0) + t * Math.log1p(p.chinaGrowth)
  const logR = Math.log(1 - s0) + t * Math.log1p(p.otherGrowth)
  const s = 100 / (1 + Math.exp(logR - logC))
  return inside(s)
}

/** The share in every year from the base year to `endYear` inclusive. */
export function sharePath(
  p: ShareParams,
  baseYear: number,
  endYear: number,
): { year: number; share: number }[] {
  const path: { year: number; share: number }[] = []
  for (let year = baseYear; year <= endYear; year += 1)
    path.push({ year, share: shareAt(p, year - baseYear) })
  return path
}

/** The closed-form China growth for a target share S (%) in t years (see the module comment). */
export function requiredChinaGrowth(
  model: ShareModel,
  baseShare: number,
  target: number,
  t: number,
  otherGrowth: number,
): number {
  const s0 = baseShare / 100
  const s = target / 100
  const ratio = model === 'world-growth' ? s / s0 : (s / (1 - s)) * ((1 - s0) / s0)
  return (1 + otherGrowth) * Math.pow(ratio, 1 / t) - 1
}

/** Goal Seek bounds for China's growth: −99 % to +200 % a year. */
export const CHINA_GROWTH_BOUNDS = { lo: -0.99, hi: 2 } as const

export type GapResult =
  | { ok: true; chinaGrowth: number; gap: number; share: number; iterations: number }
  | { ok: false; reason: GoalSeekFailureReason; detail: string }
type GoalSeekFailureReason =
  | Extract<GoalSeekResult, { ok: false }>['reason']
  | 'target year not after base year'
  | 'target share not between 0 and 100'

/**
 * Goal Seek: the growth gap g_c − g_other that takes the share from s₀ to `target` (in %) in `years`
 * years, with the other side's growth held fixed. Solved numerically within explicit bounds on g_c.
 */
export function solveGap(
  p: Omit<ShareParams, 'chinaGrowth'>,
  target: number,
  years: number,
  bounds: { lo: number; hi: number } = CHINA_GROWTH_BOUNDS,
): GapResult {
  if (!(years > 0))
    return {
      ok: false,
      reason: 'target year not after base year',
      detail: 'The target year must come after the base year.',
    }
  if (!(target > 0 && target < 100))
    return {
      ok: false,
      reason: 'target share not between 0 and 100',
      detail: 'A share of world exports is between 0 % and 100 %.',
    }
  // Where the world-growth form leaves its domain (share ≥ 100 %), the result is NaN; the solver
  // treats that as "not a finite number" rather than passing over it, so keep the bracket inside.
  const r = goalSeek((gc) => shareAt({ ...p, chinaGrowth: gc }, years), target, bounds)
  if (!r.ok && r.reason === 'not a finite number' && p.model === 'world-growth') {
    const cap = requiredChinaGrowth(p.model, p.baseShare, 99.999999, years, p.otherGrowth)
    if (cap > bounds.lo) {
      const capped = goalSeek((gc) => shareAt({ ...p, chinaGrowth: gc }, years), target, {
        lo: bounds.lo,
        hi: Math.min(bounds.hi, cap),
      })
      if (capped.ok)
        return {
          ok: true,
          chinaGrowth: capped.x,
          gap: capped.x - p.otherGrowth,
          share: capped.value,
          iterations: capped.iterations,
        }
      return capped
    }
  }
  if (!r.ok) return r
  return { ok: true, chinaGrowth: r.x, gap: r.x - p.otherGrowth, share: r.value, iterations: r.iterations }
}

/** One backtest of a share path: projected from a published base year to a later published year. */
export interface ShareBacktestRow {
  baseYear: number
  year: number
  baseShare: number
  projected: number
  published: number
  /** projected − published, percentage points. */
  error: number
}

/**
 * The track record of a share model: from every published year to every later published year, the
 * share projected with the given growth rates against the share published for that year.
 */
export function shareBacktest(
  published: readonly { year: number; share: number }[],
  p: Omit<ShareParams, 'baseShare'>,
): ShareBacktestRow[] {
  const rows: ShareBacktestRow[] = []
  const years = [...published].sort((a, b) => a.year - b.year)
  for (const base of years)
    for (const later of years) {
      if (later.year <= base.year) continue
      const projected = shareAt({ ...p, baseShare: base.share }, later.year - base.year)
      rows.push({
        baseYear: base.year,
        year: later.year,
        baseShare: base.share,
        projected,
        published: later.share,
        error: projected - later.share,
      })
    }
  return rows
}
