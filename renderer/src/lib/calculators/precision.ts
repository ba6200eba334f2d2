/**
 * Honest precision: a result is shown no more precisely than the published figures it is built from.
 * A figure's precision is the decimal place of its last significant digit, read from the number as
 * published: 104.84 → 0.01, 1189 → 1, and 1080 (“$1.08 trillion”) → 10, because the trailing zeros of
 * a whole number are taken as rounding (the usual reading when nothing says otherwise). A sum is as
 * precise as its least precise term, so the result is rounded to the coarsest place among its inputs;
 * the exact figure stays available (shown on hover). Pure.
 */

/** The power of ten of a figure's last significant digit (104.84 → −2, 1189 → 0, 1080 → 1). */
export function placeOf(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0
  const text = Math.abs(value).toString()
  if (/e/i.test(text)) return Math.floor(Math.log10(Math.abs(value)))
  const [whole = '', fraction = ''] = text.split('.')
  if (fraction) return -fraction.length
  const zeros = /0*$/.exec(whole)![0].length
  return Math.min(zeros, whole.length - 1)
}

/** The place a result built by adding these figures is known to: the coarsest among them. */
export function coarsestPlace(values: readonly number[]): number {
  return values.length ? Math.max(...values.map(placeOf)) : 0
}

/** Rounds to a power of ten (place 1 → nearest 10, −1 → nearest 0.1), without float residue. */
export function roundToPlace(value: number, place: number): number {
  if (!Number.isFinite(value)) return value
  if (place <= 0) return Number(value.toFixed(-place))
  const unit = 10 ** place
  return Math.round(value / unit) * unit
}

/** Fraction digits to print a number rounded to `place` (place −2 → 2, place ≥ 0 → 0). */
export const digitsFor = (place: number): number => Math.max(0, -place)

/** ± half a unit of the place: the rounding uncertainty of a figure known to that place. */
export const halfUnit = (place: number): number => 10 ** place / 2
