import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  coverMonths,
  fullYearSurplus,
  planRemainingMonths,
  previousRecord,
  solveGrowth,
  termsOf,
  ytdActuals,
  type FullYearParams,
  type MonthTerm,
  type SurplusData,
} from '../../../renderer/src/lib/calculators/fullYearSurplus'
import type { DataPoint, SeriesData } from '../../../renderer/src/lib/calculators/provenance'

const pt = (period: string, value: number): DataPoint => {
  const [a, b] = period.split('..')
  const start = /^\d{4}$/.test(a!) ? `${a}-01` : a!
  const end = b ?? (/^\d{4}$/.test(a!) ? `${a}-12` : a!)
  return { period, periodStart: start, periodEnd: end, value, sourceId: `src-${period}` }
}
const series = (name: string, points: DataPoint[]): SeriesData => ({ series: name, points })

const levels = fc.double({ min: 0, max: 600, noNaN: true })
const rate = fc.double({ min: -0.9, max: 1, noNaN: true })
const term: fc.Arbitrary<MonthTerm> = fc.oneof(
  fc.record({ method: fc.constant('levels' as const), exports: levels, imports: levels }),
  fc.record({
    method: fc.constant('balance' as const),
    balance: fc.double({ min: -200, max: 200, noNaN: true }),
  }),
)
const params: fc.Arbitrary<FullYearParams> = fc.record({
  ytd: fc.double({ min: -2000, max: 2000, noNaN: true }),
  months: fc.array(term, { minLength: 0, maxLength: 10 }),
  exportGrowth: rate,
  importGrowth: rate,
  balanceGrowth: rate,
})

describe('fullYearSurplus: formula', () => {
  it('YTD + Σ (X(1+x) − I(1+y)) + Σ B(1+b)', () => {
    const r = fullYearSurplus({
      ytd: 1000,
      months: [
        { method: 'levels', exports: 300, imports: 200 },
        { method: 'balance', balance: 100 },
      ],
      exportGrowth: 0.1,
      importGrowth: 0.05,
      balanceGrowth: -0.2,
    })
    expect(r.contributions).toEqual([300 * 1.1 - 200 * 1.05, 80])
    expect(r.total).toBeCloseTo(1000 + 120 + 80, 10)
  })

  it('property: zero growth leaves last year’s months unchanged', () => {
    fc.assert(
      fc.property(params, (p) => {
        const r = fullYearSurplus({ ...p, exportGrowth: 0, importGrowth: 0, balanceGrowth: 0 })
        const unchanged = p.months.reduce(
          (a, m) => a + (m.method === 'levels' ? m.exports - m.imports : m.balance),
          0,
        )
        expect(r.total).toBeCloseTo(p.ytd + unchanged, 9)
      }),
    )
  })

  it('property: non-decreasing in export growth, non-increasing in import growth, in the balance direction for b', () => {
    fc.assert(
      fc.property(params, rate, rate, (p, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(fullYearSurplus({ ...p, exportGrowth: hi }).total).toBeGreaterThanOrEqual(
          fullYearSurplus({ ...p, exportGrowth: lo }).total - 1e-9,
        )
        expect(fullYearSurplus({ ...p, importGrowth: hi }).total).toBeLessThanOrEqual(
          fullYearSurplus({ ...p, importGrowth: lo }).total + 1e-9,
        )
        // b scales last year's balance: the surplus moves with b in the direction of Σ B.
        const sumB = p.months.reduce((s, m) => s + (m.method === 'balance' ? m.balance : 0), 0)
        const d =
          fullYearSurplus({ ...p, balanceGrowth: hi }).total -
          fullYearSurplus({ ...p, balanceGrowth: lo }).total
        expect(d * Math.sign(sumB)).toBeGreaterThanOrEqual(-1e-9)
      }),
    )
  })

  it('property: Goal Seek round trip — solve a rate, evaluate, get the target within 1e-9 relative', () => {
    fc.assert(
      fc.property(
        params,
        fc.constantFrom('exportGrowth' as const, 'importGrowth' as const, 'balanceGrowth' as const),
        fc.double({ min: -0.99, max: 1.99, noNaN: true }),
        (p, v, truth) => {
          const target = fullYearSurplus({ ...p, [v]: truth }).total
          fc.pre(Math.abs(target) >= 1)
          const r = solveGrowth(p, v, target)
          const enters = p.months.some((m) => m.method === (v === 'balanceGrowth' ? 'balance' : 'levels'))
          if (!enters) {
            expect(r).toMatchObject({ ok: false, reason: 'does not enter' })
            return
          }
          // A rate whose months add to zero has no effect: then any answer it gives must still hit the target.
          if (r.ok)
            expect(Math.abs(fullYearSurplus({ ...p, [v]: r.x }).total - target)).toBeLessThanOrEqual(
              1e-9 * Math.abs(target),
            )
          else expect(r.reason).toBe('no solution within bounds')
        },
      ),
    )
  })

  it('Goal Seek says so when the target needs growth beyond the bounds', () => {
    const p: FullYearParams = {
      ytd: 1000,
      months: [{ method: 'levels', exports: 300, imports: 200 }],
      exportGrowth: 0,
      importGrowth: 0,
      balanceGrowth: 0,
    }
    // +200 % export growth adds 600 at most; 5,000 is out of reach.
    expect(solveGrowth(p, 'exportGrowth', 5000)).toMatchObject({
      ok: false,
      reason: 'no solution within bounds',
    })
    const r = solveGrowth(p, 'exportGrowth', 1130)
    expect(r.ok && r.x).toBeCloseTo(0.1, 12)
  })
})

describe('reading the data honestly', () => {
  const data: SurplusData = {
    exports: series('exports_usd', [pt('2024-11', 312.31), pt('2024-12', 336)]),
    imports: series('imports_usd', []),
    balance: series('trade_balance_usd', [
      pt('2025-01..2025-02', 170.52),
      pt('2025-03', 102.64),
      pt('2024-11', 97.44),
      pt('2024-12', 104.84),
    ]),
    balanceYtd: series('trade_balance_usd_ytd', [pt('2025-01..2025-03', 273)]),
    balanceAnnual: series('trade_balance_usd_annual', [
      pt('2022', 877.6),
      pt('2023', 823.22),
      pt('2024', 992.16),
      pt('2025', 1189),
    ]),
  }

  it('YTD: the published figure and the sum of monthly balances (Jan–Feb combined covers both months)', () => {
    const a = ytdActuals(data, 2025, 3)
    expect(a.published?.value).toBe(273)
    expect(a.published?.origin).toMatchObject({
      kind: 'data',
      series: 'trade_balance_usd_ytd',
      period: '2025-01..2025-03',
    })
    expect(a.sumOfMonths).toMatchObject({ ok: true })
    if (a.sumOfMonths.ok) expect(a.sumOfMonths.value).toBeCloseTo(273.16, 10)
  })

  it('YTD: months without a published balance are listed, not filled', () => {
    const a = ytdActuals(data, 2025, 5)
    expect(a.published).toBeNull()
    expect(a.sumOfMonths).toEqual({ ok: false, missing: ['2025-04', '2025-05'] })
  })

  it('coverMonths refuses a cut-off inside a combined period', () => {
    expect(coverMonths(data.balance, 2025, 1)).toEqual({ ok: false, missing: ['2025-01'] })
  })

  it('a month without last year’s imports level uses the balance method automatically; levels need a user figure', () => {
    const plans = planRemainingMonths(data, 2025, 11)
    expect(plans).toHaveLength(1)
    expect(plans[0]).toMatchObject({
      month: '2025-12',
      base: '2024-12',
      method: 'balance',
      requested: 'balance',
      imports: null,
    })
    expect(plans[0]!.balance?.origin).toMatchObject({ kind: 'data', sourceId: 'src-2024-12' })

    const forced = planRemainingMonths(data, 2025, 11, [], { '2024-12': 'levels' })
    expect(forced[0]).toMatchObject({ method: null, requested: 'levels', missing: ['imports'] })
    expect(termsOf(forced)).toMatchObject({ ok: false })

    const withUser = planRemainingMonths(
      data,
      2025,
      11,
      [{ flow: 'imports', period: '2024-12', value: 231.16, note: 'my estimate' }],
      { '2024-12': 'levels' },
    )
    expect(withUser[0]).toMatchObject({ method: 'levels', missing: [] })
    expect(withUser[0]!.imports).toEqual({ value: 231.16, origin: { kind: 'user', note: 'my estimate' } })
    expect(withUser[0]!.exports?.origin.kind).toBe('data')
  })

  it('the record is the largest annual surplus before the year, from the data', () => {
    expect(previousRecord(data.balanceAnnual, 2025)).toMatchObject({ value: 992.16, year: 2024 })
    expect(previousRecord(data.balanceAnnual, 2024)).toMatchObject({ value: 877.6, year: 2022 })
    expect(previousRecord(data.balanceAnnual, 2022)).toBeNull()
  })
})
