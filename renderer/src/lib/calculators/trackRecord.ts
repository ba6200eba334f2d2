/**
 * A method's track record: how far its projections from past years' data landed from what was then
 * published. `spread` summarises a list of errors (projection − published). Pure.
 */

export interface Spread {
  n: number
  mean: number
  meanAbsolute: number
  min: number
  max: number
  /** Root mean square error. */
  rmse: number
}

export function spread(errors: readonly number[]): Spread | null {
  const finite = errors.filter(Number.isFinite)
  const n = finite.length
  if (!n) return null
  const sum = (f: (e: number) => number) => finite.reduce((a, e) => a + f(e), 0)
  return {
    n,
    mean: sum((e) => e) / n,
    meanAbsolute: sum(Math.abs) / n,
    min: Math.min(...finite),
    max: Math.max(...finite),
    rmse: Math.sqrt(sum((e) => e * e) / n),
  }
}
