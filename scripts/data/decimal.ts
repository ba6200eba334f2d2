/**
 * Exact decimal arithmetic on numbers as written ("-12.50", "221337434"), for the build.
 *
 * The facts file keeps every value as its source printed it. Rescaling a unit, comparing two readings
 * after rounding, or checking exports − imports = balance must not pick up binary floating-point noise
 * (0.1 + 0.2 ≠ 0.3), so a value is held as an integer of its smallest written unit: "-12.50" is
 * -1250 × 10⁻². Nothing here ever goes through a JavaScript number.
 */

export interface Decimal {
  /** The digits as an integer: "-12.50" → -1250n. */
  units: bigint
  /** Digits after the decimal point as written: "-12.50" → 2 (trailing zeros count: they were printed). */
  scale: number
}

const NUMBER = /^(-?)(\d+)(?:\.(\d+))?$/

export function parseDecimal(text: string): Decimal {
  const m = NUMBER.exec(text)
  if (!m) throw new Error(`"${text}" is not a decimal number`)
  const frac = m[3] ?? ''
  const units = BigInt(m[2]! + frac)
  return { units: m[1] ? -units : units, scale: frac.length }
}

/** The value written out with exactly `scale` decimals (no exponent, no rounding). */
export function formatDecimal(d: Decimal): string {
  const neg = d.units < 0n
  const digits = (neg ? -d.units : d.units).toString().padStart(d.scale + 1, '0')
  const body = d.scale === 0 ? digits : `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`
  return (neg ? '-' : '') + body
}

/** The value without trailing decimal zeros, for computed figures: "0.0050010" → "0.005001", "2.50" → "2.5". */
export function trimDecimal(d: Decimal): Decimal {
  let { units, scale } = d
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n
    scale--
  }
  return { units, scale }
}

const pow10 = (n: number): bigint => 10n ** BigInt(n)

/** The same value held with `scale` decimals; `scale` must not be smaller than `d.scale`. */
function widen(d: Decimal, scale: number): bigint {
  if (scale < d.scale) throw new Error('internal: widen to a smaller scale')
  return d.units * pow10(scale - d.scale)
}

/**
 * Multiply by 10^`power` exactly, keeping every printed digit: "221337434" × 10⁻⁶ → "221.337434",
 * "1.5" × 10³ → "1500".
 */
export function shiftDecimal(d: Decimal, power: number): Decimal {
  if (power >= 0) {
    const scale = Math.max(0, d.scale - power)
    return { units: d.units * pow10(power - (d.scale - scale)), scale }
  }
  return { units: d.units, scale: d.scale - power }
}

/**
 * The power of ten of the last significant printed digit: "12.50" → -2, "7" → 0, "2480" → 1. Trailing
 * zeros of a whole number are read as rounding: the sources write "$2.48 trillion", compiled as 2480.
 */
export function lastDigitPower(d: Decimal): number {
  if (d.scale > 0) return -d.scale
  if (d.units === 0n) return 0
  let power = 0
  for (let u = d.units < 0n ? -d.units : d.units; u % 10n === 0n; u /= 10n) power++
  return power
}

/** Round half away from zero to a multiple of 10^`power` (as published figures are rounded). */
export function roundAt(d: Decimal, power: number): Decimal {
  if (power <= -d.scale) return d
  const f = pow10(power + d.scale)
  const neg = d.units < 0n
  const q = ((neg ? -d.units : d.units) + f / 2n) / f
  return { units: (neg ? -q : q) * f, scale: d.scale }
}

/** a − b, exactly. */
export function subtract(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale)
  return { units: widen(a, scale) - widen(b, scale), scale }
}

/** -1, 0 or 1 as a < b, a = b, a > b (numerically: "1.0" equals "1"). */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const s = subtract(a, b).units
  return s < 0n ? -1 : s > 0n ? 1 : 0
}

export function absDecimal(d: Decimal): Decimal {
  return d.units < 0n ? { units: -d.units, scale: d.scale } : d
}

/** Half a unit in the last significant place, the most a correctly rounded figure can be off by. */
export function halfLastPlace(d: Decimal): Decimal {
  const power = lastDigitPower(d)
  return power >= 1 ? { units: 5n * pow10(power - 1), scale: 0 } : { units: 5n, scale: 1 - power }
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale)
  return { units: widen(a, scale) + widen(b, scale), scale }
}
