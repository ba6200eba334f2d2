/**
 * The calculators over the real bundled data, through the same queries the app sends, checked against
 * numbers this test reads straight from the package's CSV files (not through the app's code).
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
import { openCalculatorData, preferred, rows } from './bundledData'

let data: CalculatorData
let close: () => Promise<void>

beforeAll(async () => {
  ;({ data, close } = await openCalculatorData())
})
afterAll(() => close())

describe('full-year surplus over the real data', () => {
  it('Jan–Nov 2025 actuals and December 2024 as the base, zero December growth: the published YTD plus Dec 2024’s balance', () => {
    const ytd = preferred('cumulative.csv', 'trade_balance_usd_ytd', '2025-01..2025-11')
    const dec2024Balance = preferred('monthly.csv', 'trade_balance_usd', '2024-12')
    const record2024 = preferred('annual.csv', 'trade_balance_usd_annual', '2024')
    expect([ytd, dec2024Balance, record2024]).toEqual([1080, 104.84, 992.16])
    // The December 2024 imports level is a gap in the data: the levels method is not available.
    expect(preferred('monthly.csv', 'imports_usd', '2024-12')).toBeUndefined()

    const m = buildFullYearModel(defaultFullYearInputs(), data.surplus)
    expect(m.plans).toHaveLength(1)
    expect(m.plans[0]).toMatchObject({ base: '2024-12', method: 'balance', imports: null })
    expect(m.problems).toEqual([])
    expect(m.result!.total).toBeCloseTo(ytd! + dec2024Balance!, 10) // 1,184.84
    expect(m.record).toMatchObject({ value: record2024, year: 2024 })
    expect(m.vsRecord).toBeCloseTo(ytd! + dec2024Balance! - record2024!, 10) // +192.68
    // Every figure carries the source it was read from.
    expect(m.actuals.published?.origin).toMatchObject({
      kind: 'data',
      series: 'trade_balance_usd_ytd',
      period: '2025-01..2025-11',
    })
    const src = m.actuals.published!.origin.kind === 'data' ? m.actuals.published!.origin.sourceId : ''
    expect(data.sources[src]?.url).toMatch(/^https?:\/\//)
    // The data already has the published full-year 2025 figure; the calculator shows it as a check.
    expect(m.published?.value).toBe(preferred('annual.csv', 'trade_balance_usd_annual', '2025'))
  })

  it('on the sum-of-months basis: Σ published monthly balances Jan–Feb … Nov 2025 (+ Dec 2024)', () => {
    const periods = [
      '2025-01..2025-02',
      ...['03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2025-${m}`),
    ]
    const monthly = periods.map((p) => preferred('monthly.csv', 'trade_balance_usd', p))
    expect(monthly.every((v) => v !== undefined)).toBe(true)
    const sum = monthly.reduce((a, v) => a! + v!, 0)!
    expect(sum).toBeCloseTo(1080.1, 9)
    const m = buildFullYearModel({ ...defaultFullYearInputs(), ytdBasis: 'sum-of-months' }, data.surplus)
    expect(m.ytd).toBeCloseTo(sum, 10)
    expect(m.result!.total).toBeCloseTo(sum + 104.84, 10)
  })

  it('with the user’s own December 2024 imports level (a labelled assumption), x and y apply to the levels, on the revised export base', () => {
    // The data displays December 2024 exports as first published (336) and also has a later vintage,
    // cited a year after the month: that revised reading is the base customs' y/y uses.
    const readings = rows('monthly.csv').filter((r) => r.series === 'exports_usd' && r.period === '2024-12')
    const sourceDate = (id: string) => rows('sources.csv').find((r) => r.source_id === id)!.published!
    const later = readings.find((r) => r.preferred === 'false' && sourceDate(r.source_id!) >= '2025-02')!
    const exportsDec = Number(later.value)
    expect(exportsDec).not.toBe(preferred('monthly.csv', 'exports_usd', '2024-12'))
    const inputs = {
      ...defaultFullYearInputs(),
      methods: { '2024-12': 'levels' as const },
      overrides: [
        {
          kind: 'user-assumption' as const,
          target: 'imports:2024-12',
          value: 231,
          unit: 'USD bn' as const,
          note: 'my estimate',
        },
      ],
      exportGrowthPct: 6.6,
      importGrowthPct: 5.7,
    }
    const m = buildFullYearModel(inputs, data.surplus)
    expect(m.plans[0]!.imports).toEqual({ value: 231, origin: { kind: 'user', note: 'my estimate' } })
    expect(m.plans[0]!.exports).toMatchObject({ value: exportsDec, origin: { vintage: 'revised' } })
    expect(m.plans[0]!.asPublished.exports?.value).toBe(preferred('monthly.csv', 'exports_usd', '2024-12'))
    expect(m.revisedBase).toBe(true)
    expect(m.result!.total).toBeCloseTo(1080 + exportsDec * 1.066 - 231 * 1.057, 10)
    // The implied December 2025 levels: exports and imports at their growth rates, and their balance.
    expect(m.implied[0]).toEqual({
      exports: expect.closeTo(exportsDec * 1.066, 10),
      imports: expect.closeTo(231 * 1.057, 10),
      balance: expect.closeTo(exportsDec * 1.066 - 231 * 1.057, 10),
    })
    // On the base as first published, the displayed figure is used instead.
    const asPublished = buildFullYearModel({ ...inputs, baseVintage: 'as-published' }, data.surplus)
    expect(asPublished.plans[0]!.exports?.value).toBe(preferred('monthly.csv', 'exports_usd', '2024-12'))
    expect(asPublished.revisedBase).toBe(false)
    // Goal Seek: export growth that makes the year end exactly at $1,200 bn, then evaluate it.
    const solved = buildFullYearModel(
      { ...inputs, goalSeek: { variable: 'exportGrowth', targetUsdBn: 1200 } },
      data.surplus,
    ).goalSeek
    expect(solved?.ok).toBe(true)
    if (solved?.ok) {
      const check = buildFullYearModel({ ...inputs, exportGrowthPct: solved.x * 100 }, data.surplus)
      expect(Math.abs(check.result!.total - 1200)).toBeLessThanOrEqual(1e-9 * 1200)
    }
  })

  it('2024 from Jan–Nov 2024 and December 2023 levels (all published); the record to beat is 2022’s', () => {
    const ytd = preferred('cumulative.csv', 'trade_balance_usd_ytd', '2024-01..2024-11')!
    const x = preferred('monthly.csv', 'exports_usd', '2023-12')!
    const i = preferred('monthly.csv', 'imports_usd', '2023-12')!
    const m = buildFullYearModel({ ...defaultFullYearInputs(), year: 2024 }, data.surplus)
    expect(m.plans[0]).toMatchObject({ base: '2023-12', method: 'levels' })
    expect(m.result!.total).toBeCloseTo(ytd + x - i, 10) // 884.7 + 303.6 − 228.2
    expect(m.record).toMatchObject({
      year: 2022,
      value: preferred('annual.csv', 'trade_balance_usd_annual', '2022'),
    })
    // The sensitivity table is export × import growth here, centred on 0, with cells above the record flagged.
    expect(m.sensitivity?.rows).toBe('exportGrowth')
    expect(m.sensitivity?.columns).toBe('importGrowth')
    const centre = m.sensitivity!.table.cells[3]![3]!
    expect(centre.value).toBeCloseTo(m.result!.total, 10)
    expect(centre.beyond).toBe(m.result!.total > m.record!.value)
  })

  it('a cut-off with no published YTD figure says so; the sum of monthly balances (Jan and Feb separate in 2018) answers', () => {
    expect(preferred('cumulative.csv', 'trade_balance_usd_ytd', '2025-01..2025-10')).toBeUndefined()
    const m = buildFullYearModel({ ...defaultFullYearInputs(), cutoffMonth: 10 }, data.surplus)
    expect(m.result).toBeNull()
    expect(m.problems[0]).toMatchObject({ key: 'noYtd', basis: 'published-ytd' })

    const months = ['01', '02', '03', '04', '05', '06'].map((mm) =>
      preferred('monthly.csv', 'trade_balance_usd', `2018-${mm}`)!,
    )
    const sum = buildFullYearModel(
      { ...defaultFullYearInputs(), year: 2018, cutoffMonth: 6, ytdBasis: 'sum-of-months' },
      data.surplus,
    )
    expect(sum.ytd).toBeCloseTo(
      months.reduce((a, v) => a + v, 0),
      10,
    )
  })
})

describe('partner mix over the real data', () => {
  it('base year 2024: US, ASEAN and Africa from the data; EU, Latin America and Japan folded into the rest', () => {
    const m = buildPartnerMixModel(defaultPartnerMixInputs(), data.partners)
    const total = preferred('annual.csv', 'exports_usd_annual', '2024')!
    expect(m.total?.value).toBe(total)
    const level = (id: string) => m.partners.find((p) => p.id === id)!.level?.value ?? null
    expect(level('us')).toBe(preferred('partners.csv', 'exports_to_us_usd_annual', '2024'))
    expect(level('asean')).toBe(preferred('partners.csv', 'exports_to_asean_usd_annual', '2024'))
    expect(level('africa')).toBe(preferred('partners.csv', 'exports_to_africa_usd_annual', '2024'))
    expect([level('eu'), level('latin_america'), level('japan')]).toEqual([null, null, null])
    const rest = m.result!.rows.find((r) => r.id === 'rest')!
    expect(rest.base).toBeCloseTo(total - level('us')! - level('asean')! - level('africa')!, 9)
    expect(m.result!.totalGrowth).toBe(0)
  })
})

describe('share of world exports over the real data', () => {
  it('from 2023’s published share, g_c = g_w stays flat; the 2030 projection is a reference, not data', () => {
    const s2023 = Number(
      rows('world.csv').find(
        (r) => r.series === 'china_share_world_merchandise_exports_pct' && r.period === '2023',
      )!.value,
    )
    const m = buildWorldShareModel(
      { ...defaultWorldShareInputs(), model: 'world-growth', chinaGrowthPct: 4, worldGrowthPct: 4 },
      data.share,
    )
    expect(m.base?.value).toBe(s2023)
    for (const p of m.path) expect(p.share).toBeCloseTo(s2023, 10)
    expect(m.projections).toEqual([expect.objectContaining({ year: 2030, value: 16.5 })])
    expect(m.vsProjection?.value).toBeCloseTo(s2023 - 16.5, 10)
    // Goal Seek: the gap that reaches 16.5 % in 2030 from 14.2 % in 2023, world growth 4 %.
    const g = buildWorldShareModel(
      {
        ...defaultWorldShareInputs(),
        model: 'world-growth',
        worldGrowthPct: 4,
        goalSeek: { targetSharePct: 16.5, targetYear: 2030 },
      },
      data.share,
    )
    expect(g.goalSeek?.ok).toBe(true)
    if (g.goalSeek?.ok) {
      expect(g.goalSeek.gap).toBeCloseTo(1.04 * ((16.5 / s2023) ** (1 / 7) - 1), 10)
      expect(g.goalSeek.gap).toBeCloseTo(g.closedFormGap!, 10)
    }
  })
})
