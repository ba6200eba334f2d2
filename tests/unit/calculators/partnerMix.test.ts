import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  flatWaterfall,
  partnerMix,
  tornado,
  waterfall,
  type PartnerMixParams,
} from '../../../renderer/src/lib/calculators/partnerMix'

const ok = (p: PartnerMixParams) => {
  const r = partnerMix(p)
  if (!r.ok) throw new Error(r.detail)
  return r
}

const base: PartnerMixParams = {
  total: 1000,
  partners: [
    { id: 'us', base: 200, growth: -0.2 },
    { id: 'eu', base: 150, growth: 0.1 },
    { id: 'asean', base: 150, growth: 0.1 },
  ],
  restGrowth: 0,
  redirection: 0.5,
}

const rate = fc.double({ min: -1, max: 1, noNaN: true })
const arbParams: fc.Arbitrary<PartnerMixParams> = fc
  .tuple(
    fc.array(fc.record({ base: fc.double({ min: 0, max: 500, noNaN: true }), growth: rate }), {
      minLength: 1,
      maxLength: 6,
    }),
    fc.double({ min: 0, max: 2000, noNaN: true }),
    rate,
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([ps, rest, restGrowth, redirection]) => {
    const partners = ps.map((p, i) => ({ id: i === 0 ? 'us' : `p${i}`, ...p }))
    const total = partners.reduce((a, p) => a + p.base, 0) + rest + 1
    return { total, partners, restGrowth, redirection }
  })

describe('partnerMix', () => {
  it('worked example: the US loses 40, half is sold elsewhere pro rata; total growth 0.0 + 3 % − 4 % + 2 %', () => {
    const r = ok(base)
    expect(r.lost).toBeCloseTo(40, 10)
    expect(r.redirected).toBeCloseTo(20, 10)
    // Σ E·g = −40 + 15 + 15 = −10; + redirected 20 → +10 on 1,000 = +1 %.
    expect(r.totalGrowth).toBeCloseTo(0.01, 12)
    const rest = r.rows.find((x) => x.id === 'rest')!
    expect(rest.base).toBe(500)
    // The rest of the world holds 500 of the 800 non-US base: 5/8 of the 20 redirected.
    expect(rest.redirectedIn).toBeCloseTo(12.5, 10)
    expect(r.rows.reduce((a, x) => a + x.nextShare, 0)).toBeCloseTo(1, 12)
  })

  it('refuses partners that add up to more than the total, and out-of-range inputs', () => {
    expect(partnerMix({ ...base, total: 400 })).toMatchObject({ ok: false, problem: 'partners exceed total' })
    expect(partnerMix({ ...base, total: 0 })).toMatchObject({ ok: false, problem: 'total not positive' })
    expect(partnerMix({ ...base, redirection: 1.5 })).toMatchObject({
      ok: false,
      problem: 'invalid redirection',
    })
    expect(partnerMix({ ...base, restGrowth: -1.5 })).toMatchObject({ ok: false, problem: 'invalid growth' })
  })

  it('property: zero growth leaves the total and every share unchanged', () => {
    fc.assert(
      fc.property(arbParams, (p) => {
        const r = ok({ ...p, restGrowth: 0, partners: p.partners.map((x) => ({ ...x, growth: 0 })) })
        expect(r.totalGrowth).toBeCloseTo(0, 12)
        for (const row of r.rows) expect(row.nextShare).toBeCloseTo(row.baseShare, 9)
      }),
    )
  })

  it('property: the contributions add up to the total growth (the waterfall closes)', () => {
    fc.assert(
      fc.property(arbParams, (p) => {
        const r = ok(p)
        const steps = waterfall(r)
        const last = steps.at(-2)!
        expect(last.end).toBeCloseTo(r.totalGrowth, 9)
        expect(steps.at(-1)).toMatchObject({ id: 'total', start: 0 })
      }),
    )
  })

  it('says why the waterfall has nothing to draw: every rate 0 % (as it opens), or rates only where there are no exports', () => {
    const still = { ...base, partners: base.partners.map((p) => ({ ...p, growth: 0 })) }
    expect(waterfall(ok(still)).every((s) => s.start === 0 && s.end === 0)).toBe(true)
    expect(flatWaterfall(ok(still))).toBe('noGrowth')
    // A rate for a destination with no exports in the base year moves nothing either.
    const empty = { ...still, partners: [...still.partners, { id: 'africa', base: 0, growth: 0.25 }] }
    expect(flatWaterfall(ok(empty))).toBe('noLevel')
    // The US shrinking with nothing redirected is a contribution (−4 pp): there is a bar.
    expect(flatWaterfall(ok({ ...still, partners: base.partners.slice(0, 1), redirection: 0 }))).toBeNull()
    expect(flatWaterfall(ok(base))).toBeNull()
    // The rest of the world growing alone is one too.
    expect(flatWaterfall(ok({ ...still, restGrowth: 0.01 }))).toBeNull()
  })

  it('property: the waterfall is called flat exactly when none of its bars has a height', () => {
    fc.assert(
      fc.property(arbParams, fc.boolean(), (p, still) => {
        const q = still ? { ...p, partners: p.partners.map((x) => ({ ...x, growth: 0 })), restGrowth: 0 } : p
        const r = ok(q)
        const drawn = waterfall(r).some((s) => Math.abs(s.end - s.start) >= 1e-12)
        expect(flatWaterfall(r) === null).toBe(drawn)
      }),
    )
  })

  it('property: total growth is non-decreasing in each partner’s growth, the rest’s growth and the redirected share', () => {
    fc.assert(
      fc.property(
        arbParams,
        fc.nat(5),
        rate,
        rate,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, k, a, b, r2) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a]
          const i = k % p.partners.length
          const set = (g: number) => ({
            ...p,
            partners: p.partners.map((x, j) => (j === i ? { ...x, growth: g } : x)),
          })
          expect(ok(set(hi)).totalGrowth).toBeGreaterThanOrEqual(ok(set(lo)).totalGrowth - 1e-12)
          expect(ok({ ...p, restGrowth: hi }).totalGrowth).toBeGreaterThanOrEqual(
            ok({ ...p, restGrowth: lo }).totalGrowth - 1e-12,
          )
          const [rl, rh] = p.redirection <= r2 ? [p.redirection, r2] : [r2, p.redirection]
          expect(ok({ ...p, redirection: rh }).totalGrowth).toBeGreaterThanOrEqual(
            ok({ ...p, redirection: rl }).totalGrowth - 1e-12,
          )
        },
      ),
    )
  })

  it('tornado: sorted by swing; with zero redirection and the US growing, redirection moves nothing', () => {
    const bars = tornado(base, { growthSwing: 0.05, redirectionSwing: 0.25 })
    // rest ±25 → 5 pp; redirection 25–75 % of 40 → 2 pp; EU, ASEAN 150 × ±5 % → 1.5 pp; US ±10 lost, half back → 1 pp.
    expect(bars.map((b) => b.id)).toEqual(['rest', 'redirection', 'asean', 'eu', 'us'])
    for (let i = 1; i < bars.length; i += 1) expect(bars[i - 1]!.swing).toBeGreaterThanOrEqual(bars[i]!.swing)
    // rest: 500 × ±5 % = ±25 on 1,000 → swing 5 pp.
    expect(bars[0]!.swing).toBeCloseTo(0.05, 12)
    const growing = tornado(
      { ...base, partners: base.partners.map((x) => (x.id === 'us' ? { ...x, growth: 0.1 } : x)) },
      { growthSwing: 0.05, redirectionSwing: 0.25 },
    )
    expect(growing.find((b) => b.id === 'redirection')!.swing).toBe(0)
  })
})

describe('partnerMix: redirection to chosen partners', () => {
  it('the redirected exports go only to the partners named, pro rata to their base levels', () => {
    // US loses 40 (200 × 20 %); half of it, 20, goes to ASEAN alone.
    const r = ok({ ...base, redirectTo: ['asean'] })
    const row = (id: string) => r.rows.find((x) => x.id === id)!
    expect(r.redirected).toBeCloseTo(20, 12)
    expect(row('asean').redirectedIn).toBeCloseTo(20, 12)
    expect(row('eu').redirectedIn).toBe(0)
    expect(row('rest').redirectedIn).toBe(0)
    expect(row('asean').next).toBeCloseTo(150 * 1.1 + 20, 12)
    // Two receivers: 150 : 500 of the 20.
    const two = ok({ ...base, redirectTo: ['asean', 'rest'] })
    expect(two.rows.find((x) => x.id === 'asean')!.redirectedIn).toBeCloseTo((20 * 150) / 650, 12)
    expect(two.rows.find((x) => x.id === 'rest')!.redirectedIn).toBeCloseTo((20 * 500) / 650, 12)
  })

  it('property: wherever it goes, the total is the same (redirection adds r · L once)', () => {
    fc.assert(
      fc.property(arbParams, fc.subarray(['p1', 'p2', 'p3', 'rest']), (p, to) => {
        const all = partnerMix(p)
        const chosen = partnerMix({ ...p, redirectTo: to })
        if (!all.ok || !chosen.ok) return
        expect(chosen.nextTotal).toBeCloseTo(all.nextTotal, 6)
        const into = chosen.rows.reduce((a, x) => a + x.redirectedIn, 0)
        expect(into).toBeCloseTo(chosen.redirected, 6)
      }),
    )
  })
})
