/**
 * Goal Seek, as in a spreadsheet: find the input x within explicit bounds [lo, hi] for which f(x)
 * equals a target. A bracketing solver (bisection): it needs f(lo) − target and f(hi) − target to have
 * opposite signs (or one of them to be zero), and then halves the bracket until f(x) is within
 * `relTol · |target|` of the target (for a target of 0: `relTol` times the larger |f − target| at the
 * two bounds) or the bracket cannot be split any further. In the latter case (the answer lies between
 * two adjacent doubles) it is accepted only within `acceptRelTol` (default 1e-9, relative in the same
 * way), so a function that jumps over the target is reported, not "solved".
 *
 * It never returns a number it has not checked: if the bracket holds no sign change, or f jumps over
 * the target, or f is not finite somewhere it looked, the answer is `{ ok: false, reason }` instead of
 * a wrong x. Pure; no dependencies.
 */

export interface GoalSeekBounds {
  /** Lowest x searched (inclusive). */
  lo: number
  /** Highest x searched (inclusive). */
  hi: number
}

export interface GoalSeekOptions {
  /** Accept x when |f(x) − target| ≤ relTol · |target| (see above for a zero target). Default 1e-12. */
  relTol?: number
  /** The looser check for an answer at the limit of double precision. Default 1e-9. */
  acceptRelTol?: number
  /** Safety cap on bisection steps. Default 2000 (bisection on doubles stops far earlier). */
  maxIterations?: number
}

export type GoalSeekFailure = 'no solution within bounds' | 'invalid input' | 'not a finite number'

export type GoalSeekResult =
  | { ok: true; x: number; value: number; iterations: number }
  | { ok: false; reason: GoalSeekFailure; detail: string }

/** The tolerance a solution is checked against (also what tests of round trips rely on). */
export const GOAL_SEEK_REL_TOL = 1e-12

export function goalSeek(
  f: (x: number) => number,
  target: number,
  bounds: GoalSeekBounds,
  options: GoalSeekOptions = {},
): GoalSeekResult {
  const relTol = options.relTol ?? GOAL_SEEK_REL_TOL
  const acceptRelTol = options.acceptRelTol ?? 1e-9
  const maxIterations = options.maxIterations ?? 2000
  let { lo, hi } = bounds
  if (!Number.isFinite(target))
    return { ok: false, reason: 'invalid input', detail: 'The target is not a finite number.' }
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
    return {
      ok: false,
      reason: 'invalid input',
      detail: 'The bounds must be finite numbers with lower < upper.',
    }
  }
  const g = (x: number) => f(x) - target
  let glo = g(lo)
  let ghi = g(hi)
  if (!Number.isFinite(glo) || !Number.isFinite(ghi)) {
    return {
      ok: false,
      reason: 'not a finite number',
      detail: 'The result is not a finite number at a bound of the search.',
    }
  }
  const scale = target !== 0 ? Math.abs(target) : Math.max(Math.abs(glo), Math.abs(ghi))
  const tolerance = relTol * scale
  if (Math.abs(glo) <= tolerance) return { ok: true, x: lo, value: glo + target, iterations: 0 }
  if (Math.abs(ghi) <= tolerance) return { ok: true, x: hi, value: ghi + target, iterations: 0 }
  if (Math.sign(glo) === Math.sign(ghi)) {
    return {
      ok: false,
      reason: 'no solution within bounds',
      detail: 'The target is not between the results at the two bounds.',
    }
  }
  let iterations = 0
  while (iterations < maxIterations) {
    const mid = lo + (hi - lo) / 2
    if (mid <= lo || mid >= hi) break // the bracket is two adjacent doubles
    iterations += 1
    const gm = g(mid)
    if (!Number.isFinite(gm))
      return {
        ok: false,
        reason: 'not a finite number',
        detail: 'The result is not a finite number inside the search.',
      }
    if (Math.abs(gm) <= tolerance) return { ok: true, x: mid, value: gm + target, iterations }
    if (Math.sign(gm) === Math.sign(glo)) {
      lo = mid
      glo = gm
    } else {
      hi = mid
      ghi = gm
    }
  }
  // The bracket cannot shrink further: f jumps over the target here (or the tolerance is unreachable).
  const [x, gx] = Math.abs(glo) <= Math.abs(ghi) ? [lo, glo] : [hi, ghi]
  if (Math.abs(gx) <= acceptRelTol * scale) return { ok: true, x, value: gx + target, iterations }
  return {
    ok: false,
    reason: 'no solution within bounds',
    detail: 'No input within the bounds gives exactly the target (the result jumps over it).',
  }
}
