import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareDecimal,
  formatDecimal,
  halfLastPlace,
  lastDigitPower,
  parseDecimal,
  roundAt,
  shiftDecimal,
  subtract,
  trimDecimal,
} from '../../../scripts/data/decimal'

const d = parseDecimal
const f = (x: ReturnType<typeof d>) => formatDecimal(x)

describe('exact decimals', () => {
  it('parse and format keep every printed digit, trailing zeros included', () => {
    for (const v of ['0', '-0.5', '12.50', '221337434', '-1.000001']) expect(f(d(v))).toBe(v)
    expect(() => d('1,080')).toThrow(/not a decimal number/)
    expect(() => d('1e6')).toThrow(/not a decimal number/)
  })

  it('rescale USD thousand to USD bn exactly (× 10⁻⁶): no float noise', () => {
    expect(f(shiftDecimal(d('221337434'), -6))).toBe('221.337434')
    expect(f(shiftDecimal(d('135200630'), -6))).toBe('135.200630')
    expect(f(shiftDecimal(d('2499028927'), -6))).toBe('2499.028927')
    expect(f(shiftDecimal(d('-7'), -6))).toBe('-0.000007')
    expect(f(shiftDecimal(d('1.5'), 3))).toBe('1500')
    expect(f(shiftDecimal(d('1.2345'), 2))).toBe('123.45')
    // The float route is the noise this avoids: GACC's October 2019 exports.
    expect(String(212916095 * 1e-6)).toBe('212.91609499999998')
    expect(f(shiftDecimal(d('212916095'), -6))).toBe('212.916095')
  })

  it('a shift there and back is the identity, for any printed number', () => {
    const printed = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
      .map(([neg, units, scale]) => f({ units: neg ? -units : units, scale }))
    fc.assert(
      fc.property(printed, fc.integer({ min: 1, max: 9 }), (v, p) => {
        const back = shiftDecimal(shiftDecimal(d(v), -p), p)
        expect(compareDecimal(back, d(v))).toBe(0)
        expect(f(back)).toBe(v)
      }),
    )
  })

  it('compare numerically, subtract exactly', () => {
    expect(compareDecimal(d('1.0'), d('1'))).toBe(0)
    expect(compareDecimal(d('-2'), d('-1.99'))).toBe(-1)
    expect(f(subtract(subtract(d('221.337434'), d('183.411013')), d('38.73')))).toBe('-0.803579')
    expect(f(subtract(d('0.3'), d('0.1')))).toBe('0.2')
  })

  it('round half away from zero at a power of ten', () => {
    expect(f(roundAt(d('27.97'), -1))).toBe('28.00')
    expect(f(roundAt(d('-3.45'), -1))).toBe('-3.50')
    expect(f(roundAt(d('2478.5'), 1))).toBe('2480.0')
    expect(f(roundAt(d('1.2'), -3))).toBe('1.2')
  })

  it('reads the last significant digit, trailing zeros of a whole number as rounding', () => {
    expect([d('12.50'), d('7'), d('2480'), d('2700'), d('0')].map(lastDigitPower)).toEqual([-2, 0, 1, 2, 0])
    expect([d('12.5'), d('30'), d('221.337434')].map((x) => f(halfLastPlace(x)))).toEqual([
      '0.05',
      '5',
      '0.0000005',
    ])
    expect(f(trimDecimal(d('0.0050010')))).toBe('0.005001')
    expect(f(trimDecimal(d('2480')))).toBe('2480')
  })
})
