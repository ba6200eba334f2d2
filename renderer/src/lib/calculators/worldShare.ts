/**
 * China's share of world exports, projected from a base year.
 *
 * With s₀ the share in the base year (in %), China's exports growing by g_c a year and the world's by
 * g_w (fractions: 0.05 = 5 %), after t years
 *
 *     s_t = s₀ · ((1 + g_c) / (1 + g_w))^t
 *
 * (China's exports and world exports both compound; the share is their ratio.) So the share stays
 * flat when g_c = g_w, rises when g_c > g_w and falls when g_c < g_w. Inverted for Goal Seek: to
 * reach a target share S in t years with world growth g_w fixed,
 *
 *     g_c = (1 + g_w) · (S / s₀)^(1/t) − 1,   gap = g_c − g_w = (1 + g_w) · ((S / s₀)^(1/t) − 1).
 */
import { goalSeek, type GoalSeekResult } from './goalSeek'

export interface ShareParams {
  /** Share in the base year, in % (e.g. 14.2). */
  baseShare: number
  /** China's export growth per year (fraction, > −1). */
  chinaGrowth: number
  /** World export growth per year (fraction, > −1). */
  worldGrowth: number
}

/** s_t = s₀ · ((1 + g_c)/(1 + g_w))^t. NaN when g_w ≤ −1 (the world's exports would vanish). */
export function shareAt(p: ShareParams, t: number): number {
  if (!(1 + p.worldGrowth > 0)) return Number.NaN
  return p.baseShare * Math.pow((1 + p.chinaGrowth) / (1 + p.worldGrowth), t)
}

/** One year's step: s_{t+1} = s_t · (1 + g_c)/(1 + g_w). */
export function stepShare(share: number, p: Omit<ShareParams, 'baseShare'>): number {
  return (share * (1 + p.chinaGrowth)) / (1 + p.worldGrowth)
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

/** The closed-form China growth for a target share S in t years (see the module comment). */
export function requiredChinaGrowth(
  baseShare: number,
  target: number,
  t: number,
  worldGrowth: number,
): number {
  return (1 + worldGrowth) * Math.pow(target / baseShare, 1 / t) - 1
}

/** Goal Seek bounds for China's growth: −99 % to +200 % a year. */
export const CHINA_GROWTH_BOUNDS = { lo: -0.99, hi: 2 } as const

export type GapResult =
  | { ok: true; chinaGrowth: number; gap: number; share: number; iterations: number }
  | { ok: false; reason: GoalSeekFailureReason; detail: string }
type GoalSeekFailureReason =
  Extract<GoalSeekResult, { ok: false }>['reason'] | 'target year not after base year'

/**
 * Goal Seek: the growth gap g_c − g_w that takes the share from s₀ to `target` (in %) in `years`
 * years, with world growth held at g_w. Solved numerically within explicit bounds on g_c.
 */
export function solveGap(
  p: Pick<ShareParams, 'baseShare' | 'worldGrowth'>,
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
  const r = goalSeek((gc) => shareAt({ ...p, chinaGrowth: gc }, years), target, bounds)
  if (!r.ok) return r
  return { ok: true, chinaGrowth: r.x, gap: r.x - p.worldGrowth, share: r.value, iterations: r.iterations }
}
