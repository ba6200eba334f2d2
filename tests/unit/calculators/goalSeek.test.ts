import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { goalSeek } from '../../../renderer/src/lib/calculators/goalSeek'

describe('goalSeek', () => {
  it('solves a linear equation within its bounds', () => {
    const r = goalSeek((x) => 3 * x + 1, 10, { lo: -10, hi: 10 })
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.x).toBeCloseTo(3, 10)
  })

  it('solves a decreasing function too (the bracket is by sign, not by order)', () => {
    const r = goalSeek((x) => -x * x * x, -8, { lo: 0, hi: 5 })
    expect(r.ok && r.x).toBeCloseTo(2, 9)
  })

  it('reports "no solution within bounds" instead of a wrong number', () => {
    expect(goalSeek((x) => x, 20, { lo: -10, hi: 10 })).toMatchObject({
      ok: false,
      reason: 'no solution within bounds',
    })
    // A constant never reaches another value.
    expect(goalSeek(() => 5, 6, { lo: -1, hi: 1 })).toMatchObject({
      ok: false,
      reason: 'no solution within bounds',
    })
    // A jump across the target: the sign changes, but no x gives the target.
    expect(goalSeek((x) => (x < 0.3 ? 0 : 10), 5, { lo: 0, hi: 1 })).toMatchObject({
      ok: false,
      reason: 'no solution within bounds',
    })
  })

  it('refuses bad bounds, a non-finite target and non-finite results', () => {
    expect(goalSeek((x) => x, 0, { lo: 1, hi: 1 })).toMatchObject({ ok: false, reason: 'invalid input' })
    expect(goalSeek((x) => x, 0, { lo: Number.NaN, hi: 1 })).toMatchObject({
      ok: false,
      reason: 'invalid input',
    })
    expect(goalSeek((x) => x, Number.POSITIVE_INFINITY, { lo: 0, hi: 1 })).toMatchObject({
      ok: false,
      reason: 'invalid input',
    })
    expect(goalSeek((x) => 1 / x, 1, { lo: 0, hi: 2 })).toMatchObject({
      ok: false,
      reason: 'not a finite number',
    })
  })

  it('returns a bound itself when it already hits the target', () => {
    expect(goalSeek((x) => 2 * x, 4, { lo: 2, hi: 3 })).toMatchObject({ ok: true, x: 2, iterations: 0 })
  })

  it('property: for increasing affine f and a target inside [f(lo), f(hi)], f(solution) is the target within 1e-9 relative', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, u) => {
          const f = (x: number) => a * x + b
          const target = f(-1) + u * (f(2) - f(-1))
          // Near zero, f's own rounding (a·x + b cancelling) exceeds any relative tolerance.
          fc.pre(Math.abs(target) >= 1)
          const r = goalSeek(f, target, { lo: -1, hi: 2 })
          expect(r.ok).toBe(true)
          if (r.ok) expect(Math.abs(f(r.x) - target)).toBeLessThanOrEqual(1e-9 * Math.abs(target))
        },
      ),
    )
  })
})
