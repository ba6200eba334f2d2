/** The query service over the real bundled package: what the Overview and charts will show. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { openServices, type Services } from '../../../electron/services'
import { AppError } from '../../../electron/shared/errors'
import { inChinese } from '../../support/refusalWording'

const dataDir = fileURLToPath(new URL('../../../data', import.meta.url))
let services: Services

beforeAll(async () => {
  services = await openServices({ dataDir })
})
afterAll(() => services.close())

const base = {
  dataset: 'china-trade',
  reporter: 'china',
  partner: 'world',
  product: 'all',
  measure: 'level',
  frequency: 'month',
} as const

describe('headline', () => {
  it('November 2025 equals the published release: exports 330.3 (+5.9%), imports 218.6 (+1.9%)', async () => {
    const h = await services.query.headline('china-trade', '2025-11')
    const byFlow = Object.fromEntries(h.figures.map((f) => [f.flow, f]))
    expect(byFlow.exports?.level?.value).toBe(330.3)
    expect(byFlow.exports?.yoy?.value).toBe(5.9)
    expect(byFlow.imports?.level?.value).toBe(218.6)
    expect(byFlow.imports?.yoy?.value).toBe(1.9)
    expect(byFlow.balance?.level?.value).toBeGreaterThan(100)
    expect(byFlow.balance?.yoy).toBeNull()
    for (const f of h.figures) {
      expect(f.level?.source.url).toMatch(/^https?:\/\//)
      expect(f.level?.source.title.length).toBeGreaterThan(5)
    }
  })

  it('defaults to the latest month with a published export level, and lists later months too', async () => {
    const h = await services.query.headline('china-trade')
    const exportsLevel = await services.query.series({ ...base, flow: 'exports', unit: 'USD bn' })
    expect(h.period).toBe(exportsLevel.points.at(-1)?.period)
    expect(h.figures.find((f) => f.flow === 'exports')?.level).not.toBeNull()
    expect(h.periods[0]! >= h.period).toBe(true)
    expect(h.periods).toContain('2025-01..2025-02')
    expect(h.periods).not.toContain('2025-01')
  })

  it('a missing level stays missing while its published y/y is shown', async () => {
    const h = await services.query.headline('china-trade', '2024-10')
    const imports = h.figures.find((f) => f.flow === 'imports')!
    expect(imports.level).toBeNull()
    expect(imports.yoy).not.toBeNull()
  })

  it('refuses a period it has no figures for, and an unknown dataset, with a clear message', async () => {
    const none = (await services.query
      .headline('china-trade', '1999-01')
      .catch((e: unknown) => e)) as AppError
    expect(none.message).toBe('This dataset has no headline figures for 1999-01. Choose another month.')
    expect(inChinese(none.said)).toBe('此数据集没有 1999年1月 的出口、进口与贸易差额数据。请选择其他月份。')
    await expect(services.query.headline('nope')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('"nope"'),
    })
  })
})

describe('series', () => {
  it('returns the preferred value per period with its source, in time order, combined Jan–Feb kept', async () => {
    const s = await services.query.series({ ...base, flow: 'exports', from: '2018-01' })
    expect(s.unit).toBe('USD bn')
    expect(s.label).toBe('Exports')
    const periods = s.points.map((p) => p.periodStart + p.periodEnd)
    expect(periods).toEqual([...periods].sort())
    expect(s.points.find((p) => p.period === '2025-11')?.value).toBe(330.3)
    expect(s.points.find((p) => p.period === '2025-01..2025-02')).toBeDefined()
    const ids = new Set(s.sources.map((x) => x.id))
    for (const p of s.points) expect(ids.has(p.sourceId)).toBe(true)
  })

  it('counts the other sources of a period as alternatives', async () => {
    const s = await services.query.series({ ...base, flow: 'exports' })
    // Two sources give March 2024 exports (279.7 and a rounded 280).
    expect(s.points.find((p) => p.period === '2024-03')?.alternatives).toBe(1)
    expect(s.points.find((p) => p.period === '2025-11')?.alternatives).toBe(0)
  })

  it('gives the other readings with their sources, and why the shown one was chosen', async () => {
    const us = await services.query.series({ ...base, flow: 'exports', partner: 'us' })
    const aug = us.points.find((p) => p.period === '2019-08')!
    expect([aug.value, aug.preferredBy, aug.alternatives]).toEqual([37.3, 'curated', 1])
    expect(aug.reason).toMatch(/Reuters' partner table/)
    expect(aug.others?.map((o) => o.value)).toEqual([44.4])
    const ap = us.sources.find((s) => s.id === aug.others![0]!.sourceId)
    expect(ap?.title).toMatch(/AP via Federal News Network/)
    // A period with one reading has no rule and no others.
    const single = us.points.find((p) => p.alternatives === 0)!
    expect([single.preferredBy, single.others]).toEqual([undefined, undefined])
  })

  it("keeps the customs table's printed US$1,000 figure beside its exact USD bn value", async () => {
    const exports = await services.query.series({ ...base, flow: 'exports', unit: 'USD bn' })
    const oct = exports.points.find((p) => p.period === '2019-10')!
    expect([oct.value, oct.printed, oct.preferredBy]).toEqual([
      212.916095,
      { value: '212916095', unit: 'USD thousand' },
      'customs',
    ])
    expect(oct.others).toEqual([{ value: 212.93, sourceId: expect.any(String), note: expect.any(String) }])
  })

  it('serves the new partners and commodities: exports to Taiwan, crude-oil imports', async () => {
    const taiwan = await services.query.series({
      ...base,
      flow: 'exports',
      partner: 'taiwan',
      measure: 'yoy',
    })
    expect(taiwan.series).toBe('exports_to_taiwan_yoy')
    expect(taiwan.points.length).toBeGreaterThan(10)
    const crude = await services.query.series({ ...base, flow: 'imports', product: 'crude_oil' })
    expect([crude.series, crude.unit]).toEqual(['crude_oil_imports_mt', 'million tonnes'])
    expect(crude.sources.length).toBeGreaterThan(0)
  })

  it('leaves a gap where no source was read (exports, November 2024 is in; imports October 2024 is not)', async () => {
    const imports = await services.query.series({ ...base, flow: 'imports', unit: 'USD bn' })
    expect(imports.points.find((p) => p.period === '2024-10')).toBeUndefined()
  })

  it('filters by period range', async () => {
    const s = await services.query.series({
      ...base,
      flow: 'exports',
      measure: 'yoy',
      from: '2025-01',
      to: '2025-12',
    })
    expect(s.points[0]?.periodStart).toBe('2025-01')
    expect(s.points.every((p) => p.periodEnd <= '2025-12')).toBe(true)
    expect(s.points.find((p) => p.period === '2025-10')?.value).toBe(-1.1)
  })

  it('serves partners and commodities: exports to the US fell 28.6% in November 2025', async () => {
    const us = await services.query.series({ ...base, flow: 'exports', partner: 'us', measure: 'yoy' })
    expect(us.points.find((p) => p.period === '2025-11')?.value).toBe(-28.6)
    const rare = await services.query.series({
      ...base,
      flow: 'exports',
      product: 'rare_earths',
      unit: 'tonnes',
    })
    expect(rare.points.find((p) => p.period === '2025-11')?.value).toBeCloseTo(5493.9)
  })

  it('answers NOT_FOUND for a series the dataset lacks, in plain words in both languages', async () => {
    const error = await services.query
      .series({ ...base, flow: 'exports', measure: 'yoy', partner: 'atlantis' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('NOT_FOUND')
    // What was asked, as the page offers it, and which choice to change; no series or partner code.
    expect((error as AppError).message).toBe(
      'This dataset has no monthly year-on-year changes of exports for the chosen reporter, partner and product. Choose another partner, product or frequency.',
    )
    expect(inChinese((error as AppError).said)).toBe(
      '此数据集中没有所选报告方、伙伴和产品的月度出口同比变化。请选择其他伙伴、产品或频率。',
    )
  })
})

describe('observations', () => {
  it('lists every source for one cell, preferred first: the Jan–Nov 2025 surplus passed $1 trillion', async () => {
    const rows = await services.query.observations('china-trade', 'trade_balance_usd_ytd', '2025-01..2025-11')
    expect(rows.map((r) => [r.value, r.preferred])).toEqual([
      [1080, true],
      [1076, false],
    ])
    expect(rows.every((r) => r.source.url.startsWith('http'))).toBe(true)
  })

  it('without a period, every reading of the series: as many as the package has rows for it', async () => {
    const csv = readFileSync(`${dataDir}/china-trade/monthly.csv`, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('exports_usd,'))
    const rows = await services.query.observations('china-trade', 'exports_usd')
    expect(rows).toHaveLength(csv.length)
    // One displayed reading per period, and the later vintage of December 2024 among them.
    expect(new Set(rows.filter((r) => r.preferred).map((r) => r.period)).size).toBe(
      rows.filter((r) => r.preferred).length,
    )
    expect(rows.filter((r) => r.period === '2024-12').map((r) => r.value)).toEqual(
      expect.arrayContaining([336, 335.6]),
    )
  })
})

describe('series that share dimensions', () => {
  it('serves the customs basis by default where WTO totals match too, and each basis by name', async () => {
    const annual = { ...base, flow: 'exports', frequency: 'year', unit: 'USD bn' } as const
    const byDefault = await services.query.series(annual)
    expect(byDefault.series).toBe('exports_usd_annual')
    expect(byDefault.points.find((p) => p.period === '2023')?.value).toBe(3380)
    const wto = await services.query.series({ ...annual, series: 'china_merchandise_exports_usd_annual_wto' })
    expect(wto.series).toBe('china_merchandise_exports_usd_annual_wto')
    expect(wto.points.map((p) => p.period)).toEqual(['2024'])
  })

  it('serves US dollars by default where a partner series is also in yuan, and the yuan by unit', async () => {
    const q = { ...base, flow: 'exports', partner: 'russia' } as const
    expect((await services.query.series(q)).series).toBe('exports_to_russia_usd')
    expect((await services.query.series({ ...q, unit: 'CNY bn' })).series).toBe('exports_to_russia_cny')
  })

  it('serves the WTO share statistic by default, not a bank estimate of the same share', async () => {
    const share = { ...base, flow: 'exports', measure: 'share', frequency: 'year', unit: '%' } as const
    expect((await services.query.series(share)).series).toBe('china_share_world_merchandise_exports_pct')
    const estimate = await services.query.series({ ...share, series: 'china_share_world_exports_pct' })
    expect(estimate.points.map((p) => [p.period, p.value])).toEqual([['2025', 15]])
  })

  it('keeps one series apart by frequency: annual shares and part-year shares are different series', async () => {
    const share = { ...base, flow: 'exports', measure: 'share', unit: '%' } as const
    const yearly = await services.query.series({ ...share, frequency: 'year' })
    const partYear = await services.query.series({ ...share, frequency: 'ytd' })
    expect(yearly.points.every((p) => /^\d{4}$/.test(p.period))).toBe(true)
    expect(partYear.points.every((p) => p.period.includes('..'))).toBe(true)
    expect(yearly.label).not.toBe(partYear.label)
  })
})

describe('listSeries', () => {
  it('lists every series with its dimensions, label and coverage, one row per series, unit and frequency', async () => {
    const all = await services.query.listSeries('china-trade')
    const us = all.find((s) => s.series === 'exports_to_us_yoy' && s.frequency === 'month')
    expect(us).toMatchObject({
      flow: 'exports',
      partner: 'us',
      product: 'all',
      measure: 'yoy',
      unit: '% y/y',
    })
    expect(us!.observations).toBeGreaterThan(20)
    expect(us!.label).toMatch(/US/)
    const keys = all.map((s) => `${s.series}|${s.unit}|${s.frequency}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(all.find((s) => s.product === 'rare_earths' && s.frequency === 'month')?.unit).toBe('tonnes')
    expect(all.filter((s) => s.projection).map((s) => s.series)).toContain(
      'china_share_world_exports_pct_projection',
    )
    expect(us!.projection).toBe(false)
  })
})
