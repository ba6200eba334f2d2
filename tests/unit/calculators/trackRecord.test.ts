/**
 * The track record (backtests) and the yuan view over the real bundled data, through the same queries
 * the app sends. Every expected value is computed here from the package's CSV files, by rules written
 * out in this file, not by the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  defaultFullYearInputs,
  defaultPartnerMixInputs,
  defaultWorldShareInputs,
} from '../../../electron/shared/calculatorState'
import type { CalculatorData } from '../../../renderer/src/lib/calculators/dataQueries'
import { buildFullYearModel } from '../../../renderer/src/lib/calculators/fullYearModel'
import { buildPartnerMixModel } from '../../../renderer/src/lib/calculators/partnerMixModel'
import { buildWorldShareModel } from '../../../renderer/src/lib/calculators/worldShareModel'
import { openCalculatorData, preferred, preferredRows, rows } from './bundledData'

let data: CalculatorData
let close: () => Promise<void>
const mm = (m: number) => String(m).padStart(2, '0')

/**
 * Jan–`cutoff` of year Y from the monthly balances: every month covered exactly once by a published
 * point inside the span (Jan–Feb published combined counts for both), else undefined.
 */
function sumOfMonths(year: number, cutoff: number): number | undefined {
  const inside = preferredRows('monthly.csv', 'trade_balance_usd').filter(
    (r) => r.period_start! >= `${year}-01` && r.period_end! <= `${year}-${mm(cutoff)}`,
  )
  const covered = new Map<number, number>()
  for (const r of inside)
    for (let m = Number(r.period_start!.slice(5)); m <= Number(r.period_end!.slice(5)); m += 1)
      covered.set(m, (covered.get(m) ?? 0) + 1)
  for (let m = 1; m <= cutoff; m += 1) if (covered.get(m) !== 1) return undefined
  return inside.reduce((a, r) => a + Number(r.value), 0)
}

beforeAll(async () => {
  ;({ data, close } = await openCalculatorData())
})
afterAll(() => close())

describe('track record of the full-year surplus', () => {
  it('balance method at zero growth, Jan–Nov: every year with a published annual figure, error = YTD + last December − published annual', () => {
    // Expected, from the CSVs: the published Jan–Nov YTD balance, else the sum of the monthly balances;
    // plus December of the year before (as displayed); minus the published full-year balance.
    const expected = preferredRows('annual.csv', 'trade_balance_usd_annual')
      .filter((r) => /^\d{4}$/.test(r.period!))
      .map((r) => {
        const y = Number(r.period)
        const ytd =
          preferred('cumulative.csv', 'trade_balance_usd_ytd', `${y}-01..${y}-11`) ?? sumOfMonths(y, 11)
        const dec = preferred('monthly.csv', 'trade_balance_usd', `${y - 1}-12`)
        return {
          year: y,
          error: ytd === undefined || dec === undefined ? null : ytd + dec - Number(r.value),
        }
      })
      .sort((a, b) => a.year - b.year)
    const computable = expected.filter((e) => e.error !== null)
    // The data allows a backtest in at least the six years 2020–2025.
    expect(computable.map((e) => e.year)).toEqual(
      expect.arrayContaining([2020, 2021, 2022, 2023, 2024, 2025]),
    )

    const m = buildFullYearModel({ ...defaultFullYearInputs(), baseVintage: 'as-published' }, data.surplus)
    const got = m.trackRecord.balance.rows
    expect(got.map((r) => r.year)).toEqual(expected.map((e) => e.year))
    for (const [i, e] of expected.entries()) {
      if (e.error === null) expect(got[i]!.error).toBeNull()
      else expect(got[i]!.error).toBeCloseTo(e.error, 9)
    }
    const errors = computable.map((e) => e.error!)
    const s = m.trackRecord.balance.spread!
    expect(s.n).toBe(errors.length)
    expect(s.min).toBeCloseTo(Math.min(...errors), 9)
    expect(s.max).toBeCloseTo(Math.max(...errors), 9)
    expect(s.meanAbsolute).toBeCloseTo(errors.reduce((a, e) => a + Math.abs(e), 0) / errors.length, 9)
  })

  it('the levels method needs last December’s exports and imports: years without them are listed as missing, not filled', () => {
    const m = buildFullYearModel(defaultFullYearInputs(), data.surplus)
    for (const r of m.trackRecord.levels.rows) {
      const y = r.year
      const hasLevels =
        preferred('monthly.csv', 'exports_usd', `${y - 1}-12`) !== undefined &&
        preferred('monthly.csv', 'imports_usd', `${y - 1}-12`) !== undefined
      if (!hasLevels) {
        expect(r.error).toBeNull()
        expect(r.missing).toContain(`${y - 1}-12`)
      }
    }
  })
})

describe('the full-year result: methods, precision', () => {
  it('a per-month method table, and a warning when methods are mixed', () => {
    const inputs = { ...defaultFullYearInputs(), cutoffMonth: 9, ytdBasis: 'sum-of-months' as const }
    const auto = buildFullYearModel(inputs, data.surplus)
    // Automatic choice: levels where last year's exports and imports are both published, else balance.
    for (const p of auto.plans) {
      const x = preferred('monthly.csv', 'exports_usd', p.base)
      const i = preferred('monthly.csv', 'imports_usd', p.base)
      expect(p.requested).toBe(x !== undefined && i !== undefined ? 'levels' : 'balance')
    }
    // 2024 from Jan–Oct: November 2023 on the balance, December 2023 on levels (both published).
    for (const series of ['exports_usd', 'imports_usd'])
      expect(preferred('monthly.csv', series, '2023-12')).toBeDefined()
    expect(preferred('monthly.csv', 'trade_balance_usd', '2023-11')).toBeDefined()
    const mixed = buildFullYearModel(
      { ...inputs, year: 2024, cutoffMonth: 10, methods: { '2023-11': 'balance', '2023-12': 'levels' } },
      data.surplus,
    )
    expect(mixed.plans.map((p) => p.method)).toEqual(['balance', 'levels'])
    expect(mixed.mixedMethods).toEqual({ levels: ['2024-12'], balance: ['2024-11'] })
    const one = buildFullYearModel(
      { ...inputs, methods: { '2024-10': 'balance', '2024-11': 'balance', '2024-12': 'balance' } },
      data.surplus,
    )
    expect(one.mixedMethods).toBeNull()
  })

  it('the result is known to the coarsest place of the published figures it adds ($1.08 trillion → tens of billions)', () => {
    const m = buildFullYearModel(defaultFullYearInputs(), data.surplus)
    // 1080 ("$1.08 trillion") is known to the nearest 10; December 2024's balance to 0.01.
    expect(preferred('cumulative.csv', 'trade_balance_usd_ytd', '2025-01..2025-11')).toBe(1080)
    expect(m.place).toBe(1)
  })
})

describe('yuan, from the published yuan series only', () => {
  it('Jan–Nov 2025 exports and imports as published in CNY tn; the balance computed from them and labelled; December 2024 from the published yuan balance', () => {
    const x = preferred('cumulative.csv', 'exports_cny_ytd', '2025-01..2025-11')!
    const i = preferred('cumulative.csv', 'imports_cny_ytd', '2025-01..2025-11')!
    const dec = preferred('monthly.csv', 'trade_balance_cny', '2024-12')!
    expect(preferred('cumulative.csv', 'trade_balance_cny_ytd', '2025-01..2025-11')).toBeUndefined()
    const m = buildFullYearModel(defaultFullYearInputs(), data.surplus, data.yuan).yuan!
    expect(m.ytd.exports).toMatchObject({ kind: 'published', asPublished: x, unit: 'CNY tn' })
    expect(m.ytd.imports).toMatchObject({ kind: 'published', asPublished: i, unit: 'CNY tn' })
    expect(m.ytd.balance).toMatchObject({ kind: 'computed', rule: 'exports − imports' })
    expect(m.ytd.balance!.value).toBeCloseTo((x - i) * 1000, 9)
    expect(m.months[0]!.balance).toMatchObject({ kind: 'published', asPublished: dec, unit: 'CNY bn' })
    expect(m.result!.total).toBeCloseTo((x - i) * 1000 + dec, 9)
    // The full year 2025 in yuan: published exports − imports (a computed check).
    const ax = preferred('annual.csv', 'exports_cny_annual', '2025')!
    const ai = preferred('annual.csv', 'imports_cny_annual', '2025')!
    expect(m.annual?.value).toBeCloseTo((ax - ai) * 1000, 9)
    // Every published yuan figure carries its source.
    const src = m.ytd.exports!.kind === 'published' ? m.ytd.exports!.source.origin : null
    expect(src?.kind === 'data' && data.sources[src.sourceId]?.url).toMatch(/^https?:\/\//)
  })

  it('a year with no published yuan figures says what is missing and computes nothing', () => {
    const m = buildFullYearModel({ ...defaultFullYearInputs(), year: 2022 }, data.surplus, data.yuan).yuan!
    expect(m.result).toBeNull()
    expect(m.missing).toContain('2022-01..2022-11')
  })
})

describe('partner mix: every level the data has, and its coverage', () => {
  it('every partner with a 2024 export level in the data is in the mix; coverage = their sum / total', () => {
    const year = '2024'
    const withLevel = rows('partners.csv').filter(
      (r) =>
        r.preferred === 'true' &&
        r.flow === 'exports' &&
        r.measure === 'level' &&
        r.frequency === 'year' &&
        r.unit === 'USD bn' &&
        r.period === year,
    )
    const total = preferred('annual.csv', 'exports_usd_annual', year)!
    const m = buildPartnerMixModel(defaultPartnerMixInputs(), data.partners)
    const fromData = m.partners.filter((p) => p.inData)
    expect(fromData.map((p) => p.id).sort()).toEqual(withLevel.map((r) => r.partner).sort())
    expect(m.coverage!.fromData).toBeCloseTo(withLevel.reduce((a, r) => a + Number(r.value), 0) / total, 12)
  })
})

describe('world share: bases and track record', () => {
  it('the base is the latest published WTO share, or the bank estimate by name, labelled as such', () => {
    const wto = rows('world.csv').filter(
      (r) =>
        r.series === 'china_share_world_merchandise_exports_pct' &&
        /^\d{4}$/.test(r.period!) &&
        r.preferred === 'true',
    )
    const latest = wto.reduce((a, r) => (Number(r.period) > Number(a.period) ? r : a))
    const m = buildWorldShareModel(defaultWorldShareInputs(), data.share)
    expect(m.baseYear).toBe(Number(latest.period))
    expect(m.base?.value).toBe(Number(latest.value))
    expect(m.baseIsEstimate).toBe(false)

    const est = rows('world.csv').find(
      (r) => r.series === 'china_share_world_exports_pct' && r.preferred === 'true',
    )!
    const e = buildWorldShareModel({ ...defaultWorldShareInputs(), baseSource: 'estimate' }, data.share)
    expect([e.baseYear, e.base?.value, e.baseIsEstimate]).toEqual([
      Number(est.period),
      Number(est.value),
      true,
    ])
  })

  it('track record: each published annual share projected to every later one at the current rates', () => {
    const wto = rows('world.csv')
      .filter(
        (r) =>
          r.series === 'china_share_world_merchandise_exports_pct' &&
          /^\d{4}$/.test(r.period!) &&
          r.preferred === 'true',
      )
      .map((r) => ({ year: Number(r.period), share: Number(r.value) }))
      .sort((a, b) => a.year - b.year)
    const m = buildWorldShareModel(defaultWorldShareInputs(), data.share)
    const pairs = wto.flatMap((a) => wto.filter((b) => b.year > a.year).map((b) => [a, b] as const))
    expect(m.trackRecord['rest-of-world'].rows).toHaveLength(pairs.length)
    // At 0 % and 0 % the path is flat: the error is the base share minus the later published share.
    for (const [i, [a, b]] of pairs.entries())
      expect(m.trackRecord['rest-of-world'].rows[i]!.error).toBeCloseTo(a.share - b.share, 12)
  })
})
