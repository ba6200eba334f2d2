import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  requiredChinaGrowth,
  shareAt,
  shareBacktest,
  sharePath,
  solveGap,
  type ShareModel,
} from '../../../renderer/src/lib/calculators/worldShare'

const share = fc.double({ min: 0.5, max: 60, noNaN: true })
const g = fc.double({ min: -0.3, max: 0.3, noNaN: true })
/** Any share strictly inside (0, 100) and any growth above −100 %, up to +1,000 % a year. */
const anyShare = fc.double({ min: 1e-6, max: 100 - 1e-6, noNaN: true })
const anyGrowth = fc.double({ min: -0.999999, max: 10, noNaN: true })
const model = fc.constantFrom<ShareModel>('rest-of-world', 'world-growth')

describe('worldShare: China against the rest of the world', () => {
  it('s_t = C_t / (C_t + R_t), each compounding at its own rate', () => {
    // 14.2 % base, China +5 %, rest of the world +3 %, 7 years: computed here by hand.
    const c = 14.2 * 1.05 ** 7
    const r = 85.8 * 1.03 ** 7
    expect(
      shareAt({ model: 'rest-of-world', baseShare: 14.2, chinaGrowth: 0.05, otherGrowth: 0.03 }, 7),
    ).toBeCloseTo((100 * c) / (c + r), 10)
    expect(
      sharePath(
        { model: 'rest-of-world', baseShare: 15, chinaGrowth: 0.02, otherGrowth: 0.02 },
        2023,
        2030,
      ).map((p) => p.year),
    ).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030])
  })

  it('the audit case (China +50 %, world 0 % for 7 years): the old form gives no number above 100 %; the rest-of-world form stays below 100 %', () => {
    const p = { baseShare: 14.2, chinaGrowth: 0.5, otherGrowth: 0 }
    // 14.2 · 1.5^7 = 242.6 %: impossible, so not a number, never drawn.
    expect(14.2 * 1.5 ** 7).toBeCloseTo(242.6, 1)
    expect(shareAt({ ...p, model: 'world-growth' }, 7)).toBeNaN()
    const row = shareAt({ ...p, model: 'rest-of-world' }, 7)
    expect(row).toBeCloseTo((100 * 14.2 * 1.5 ** 7) / (14.2 * 1.5 ** 7 + 85.8), 10) // 73.9 %
    expect(row).toBeLessThan(100)
  })

  it('property: for any inputs the share is strictly within (0, 100 %) (rest of the world), or not a number (world growth beyond its domain)', () => {
    fc.assert(
      fc.property(anyShare, anyGrowth, anyGrowth, fc.integer({ min: 0, max: 200 }), (s0, gc, gr, t) => {
        const s = shareAt({ model: 'rest-of-world', baseShare: s0, chinaGrowth: gc, otherGrowth: gr }, t)
        expect(s).toBeGreaterThan(0)
        expect(s).toBeLessThan(100)
        const w = shareAt({ model: 'world-growth', baseShare: s0, chinaGrowth: gc, otherGrowth: gr }, t)
        if (!Number.isNaN(w)) {
          expect(w).toBeGreaterThan(0)
          expect(w).toBeLessThan(100)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('property: equal growth keeps the share flat; it rises with China’s growth and falls with the other side’s', () => {
    fc.assert(
      fc.property(model, share, g, g, g, fc.integer({ min: 1, max: 20 }), (m, s0, a, b, other, t) => {
        expect(shareAt({ model: m, baseShare: s0, chinaGrowth: other, otherGrowth: other }, t)).toBeCloseTo(
          s0,
          9,
        )
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        const at = (gc: number, go: number) =>
          shareAt({ model: m, baseShare: s0, chinaGrowth: gc, otherGrowth: go }, t)
        const up = [at(hi, other), at(lo, other)]
        if (up.every(Number.isFinite)) expect(up[0]!).toBeGreaterThanOrEqual(up[1]! * (1 - 1e-12))
        const down = [at(other, hi), at(other, lo)]
        if (down.every(Number.isFinite)) expect(down[0]!).toBeLessThanOrEqual(down[1]! * (1 + 1e-12))
      }),
    )
  })

  it('property: the rest-of-world model round-trips through Goal Seek (the solved gap reaches the target; it matches the closed form)', () => {
    fc.assert(
      fc.property(model, share, g, g, fc.integer({ min: 1, max: 20 }), (m, s0, gcTrue, go, t) => {
        const target = shareAt({ model: m, baseShare: s0, chinaGrowth: gcTrue, otherGrowth: go }, t)
        fc.pre(Number.isFinite(target) && target > 0.01 && target < 99.99)
        const r = solveGap({ model: m, baseShare: s0, otherGrowth: go }, target, t)
        expect(r.ok).toBe(true)
        if (!r.ok) return
        const reached = shareAt({ model: m, baseShare: s0, chinaGrowth: r.chinaGrowth, otherGrowth: go }, t)
        expect(Math.abs(reached - target)).toBeLessThanOrEqual(1e-9 * target)
        expect(r.gap).toBeCloseTo(requiredChinaGrowth(m, s0, target, t, go) - go, 8)
        expect(r.gap).toBeCloseTo(r.chinaGrowth - go, 15)
      }),
    )
  })

  it('Goal Seek: the rest-of-world gap for 14.2 % → 16.5 % in 7 years, against a hand computation', () => {
    const k = (0.165 / 0.835) * (0.858 / 0.142)
    const r = solveGap({ model: 'rest-of-world', baseShare: 14.2, otherGrowth: 0.03 }, 16.5, 7)
    expect(r.ok && r.gap).toBeCloseTo(1.03 * (k ** (1 / 7) - 1), 9)
  })

  it('Goal Seek reports no solution within bounds, an impossible target, and a target year not after the base', () => {
    // From 14.2 % to 99 % in one year needs China growth far above +200 %.
    expect(solveGap({ model: 'rest-of-world', baseShare: 14.2, otherGrowth: 0.03 }, 99, 1)).toMatchObject({
      ok: false,
      reason: 'no solution within bounds',
    })
    expect(solveGap({ model: 'world-growth', baseShare: 14.2, otherGrowth: 0.03 }, 120, 5)).toMatchObject({
      ok: false,
      reason: 'target share not between 0 and 100',
    })
    expect(solveGap({ model: 'rest-of-world', baseShare: 14.2, otherGrowth: 0.03 }, 16.5, 0)).toMatchObject({
      ok: false,
      reason: 'target year not after base year',
    })
  })

  it('the world-growth form solves within its domain even where the upper bound would leave it', () => {
    const r = solveGap({ model: 'world-growth', baseShare: 14.2, otherGrowth: 0.03 }, 90, 3)
    expect(r.ok).toBe(true)
    if (r.ok)
      expect(
        shareAt({ model: 'world-growth', baseShare: 14.2, chinaGrowth: r.chinaGrowth, otherGrowth: 0.03 }, 3),
      ).toBeCloseTo(90, 8)
  })

  it('track record: every published year projected to every later one, error = projected − published', () => {
    const rows = shareBacktest(
      [
        { year: 2021, share: 15 },
        { year: 2020, share: 14.7 },
        { year: 2023, share: 14.2 },
      ],
      { model: 'rest-of-world', chinaGrowth: 0, otherGrowth: 0 },
    )
    expect(rows.map((r) => [r.baseYear, r.year])).toEqual([
      [2020, 2021],
      [2020, 2023],
      [2021, 2023],
    ])
    // At equal growth the projection is the base share held flat.
    expect(rows.map((r) => r.error)).toEqual(
      [14.7 - 15, 14.7 - 14.2, 15 - 14.2].map((e) => expect.closeTo(e, 12)),
    )
  })
})
