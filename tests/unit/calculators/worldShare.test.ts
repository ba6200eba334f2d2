import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  requiredChinaGrowth,
  shareAt,
  sharePath,
  solveGap,
  stepShare,
} from '../../../renderer/src/lib/calculators/worldShare'

const share = fc.double({ min: 0.5, max: 60, noNaN: true })
const g = fc.double({ min: -0.3, max: 0.3, noNaN: true })

describe('worldShare', () => {
  it('s_t = s0 · ((1+gc)/(1+gw))^t', () => {
    expect(shareAt({ baseShare: 14.2, chinaGrowth: 0.05, worldGrowth: 0.03 }, 7)).toBeCloseTo(
      14.2 * (1.05 / 1.03) ** 7,
      12,
    )
    expect(
      sharePath({ baseShare: 15, chinaGrowth: 0.02, worldGrowth: 0.02 }, 2023, 2030).map((p) => p.year),
    ).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030])
  })

  it('NaN, not a number on screen, when world exports would vanish', () => {
    expect(shareAt({ baseShare: 14, chinaGrowth: 0, worldGrowth: -1 }, 3)).toBeNaN()
  })

  it('property: g_c = g_w keeps the share flat', () => {
    fc.assert(
      fc.property(share, g, fc.integer({ min: 0, max: 30 }), (s0, gw, t) => {
        expect(shareAt({ baseShare: s0, chinaGrowth: gw, worldGrowth: gw }, t)).toBeCloseTo(s0, 9)
      }),
    )
  })

  it('property: increasing in China’s growth, decreasing in the world’s (t > 0)', () => {
    fc.assert(
      fc.property(share, g, g, g, fc.integer({ min: 1, max: 20 }), (s0, a, b, other, t) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(shareAt({ baseShare: s0, chinaGrowth: hi, worldGrowth: other }, t)).toBeGreaterThanOrEqual(
          shareAt({ baseShare: s0, chinaGrowth: lo, worldGrowth: other }, t) * (1 - 1e-12),
        )
        expect(shareAt({ baseShare: s0, chinaGrowth: other, worldGrowth: hi }, t)).toBeLessThanOrEqual(
          shareAt({ baseShare: s0, chinaGrowth: other, worldGrowth: lo }, t) * (1 + 1e-12),
        )
      }),
    )
  })

  it('property: compounding over t years equals t one-year steps', () => {
    fc.assert(
      fc.property(share, g, g, fc.integer({ min: 0, max: 25 }), (s0, gc, gw, t) => {
        let s = s0
        for (let i = 0; i < t; i += 1) s = stepShare(s, { chinaGrowth: gc, worldGrowth: gw })
        // Relative tolerance: after 25 years of compounding the share can be large, and an absolute
        // 1e-9 would test the float format rather than the model.
        const closed = shareAt({ baseShare: s0, chinaGrowth: gc, worldGrowth: gw }, t)
        expect(Math.abs(closed - s)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(s)))
      }),
    )
  })

  it('property: Goal Seek round trip — the solved gap reaches the target share within 1e-9 relative, and matches the closed form', () => {
    fc.assert(
      fc.property(share, g, g, fc.integer({ min: 1, max: 20 }), (s0, gcTrue, gw, t) => {
        const target = shareAt({ baseShare: s0, chinaGrowth: gcTrue, worldGrowth: gw }, t)
        fc.pre(target > 0 && target < 100)
        const r = solveGap({ baseShare: s0, worldGrowth: gw }, target, t)
        expect(r.ok).toBe(true)
        if (!r.ok) return
        const reached = shareAt({ baseShare: s0, chinaGrowth: r.chinaGrowth, worldGrowth: gw }, t)
        expect(Math.abs(reached - target)).toBeLessThanOrEqual(1e-9 * target)
        expect(r.gap).toBeCloseTo(requiredChinaGrowth(s0, target, t, gw) - gw, 8)
      }),
    )
  })

  it('Goal Seek reports no solution within bounds, and refuses a target year not after the base', () => {
    // From 14.2 % to 90 % in one year needs China growth far above +200 %.
    expect(solveGap({ baseShare: 14.2, worldGrowth: 0.03 }, 90, 1)).toMatchObject({
      ok: false,
      reason: 'no solution within bounds',
    })
    expect(solveGap({ baseShare: 14.2, worldGrowth: 0.03 }, 16.5, 0)).toMatchObject({
      ok: false,
      reason: 'target year not after base year',
    })
  })
})
