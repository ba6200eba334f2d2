/**
 * The merged facts in the built app: new partners and commodities charted with their sources, a customs
 * table's value with the figure it printed (US$1,000), a conflict's other readings with their sources, and
 * the Datasets page's data-quality list of trade-identity failures (counted from quality.csv).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readCsvRecords } from '../../electron/shared/csv'
import { formatPeriod } from '../../electron/shared/periods'
import { defaultViewState, encodeViewState, type ViewState } from '../../electron/shared/viewState'
import { screenshot } from '../support/browser'
import { appInBrowser } from '../support/suite'
import { dataDir } from '../support/webApp'

const suite = appInBrowser()

async function openView(
  patch: Partial<ViewState>,
  options: { colorScheme?: 'light' | 'dark'; locale?: string } = {},
): Promise<Page> {
  const page = await suite.browser.newPage(options)
  const view = { ...defaultViewState(), ...patch }
  await page.goto(`${suite.app.server.url}#/explorer?${encodeViewState(view)}`)
  await page.locator('[data-test="explorer-chart"] canvas').waitFor()
  await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
  return page
}

async function showTable(page: Page): Promise<void> {
  await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
  if (!(await page.locator('[data-test="data-table"]').isVisible()))
    await page.click('[data-test="tab-table"]')
  await page.locator('[data-test="data-table"]').waitFor()
}

const cell = (page: Page, period: string, series: string) =>
  page.locator(`[data-test="data-table"] tr[data-period="${period}"] td[data-series="${series}"]`)
/** The row under a period's values with the printed figures and other readings. */
const details = (page: Page, period: string, series: string) =>
  page.locator(
    `[data-test="data-table"] tr[data-readings-for="${period}"] td[data-readings-series="${series}"]`,
  )

/** Points the mouse at a period's point of the chart's first series; the tooltip's text (drawn on the canvas). */
async function hover(page: Page, period: string, locale = 'en'): Promise<string> {
  const chart = page.locator('[data-test="explorer-chart"]')
  // The chart is made anew once its plugins have loaded: point again until the tooltip shows the
  // period, and read the tooltip the poll saw. Read again after it, the attribute can already be the
  // new chart's, which nobody has pointed at yet (empty).
  let tip = ''
  await expect
    .poll(async () => {
      const drawn = JSON.parse((await chart.getAttribute('data-drawn')) ?? '{"series":[]}') as {
        series: { points: { period: string; x: number }[] }[]
      }
      const x = drawn.series[0]?.points.find((p) => p.period === period)?.x
      if (x === undefined) return ''
      const canvas = chart.locator('canvas')
      const box = await canvas.boundingBox()
      if (!box) return ''
      await canvas.hover({ position: { x, y: box.height / 2 } })
      return (tip = (await chart.getAttribute('data-tooltip')) ?? '')
    })
    .toContain(formatPeriod(period, locale))
  // Its lines are wrapped to the chart's width: read as one text.
  return tip.replace(/\s+/g, ' ')
}

/** The preferred reading of a series at a period, straight from the services. */
async function reading(query: Record<string, string>, period: string) {
  const s = await suite.app.services.query.series({ dataset: 'china-trade', ...query } as never)
  const point = s.points.find((p) => p.period === period)!
  return { point, sources: s.sources }
}

describe('new partners and commodities', () => {
  it('charts exports to Taiwan, offered by the partner list because the data has it, with sources', async () => {
    const page = await openView({ measure: 'yoy', flows: ['exports'], partners: ['us'], unit: undefined })
    const box = page.locator('[data-test="partner-taiwan"]')
    expect(await page.locator('label:has([data-test="partner-taiwan"])').innerText()).toContain('Taiwan')
    await box.check()
    await page.locator('[data-test="partner-us"]').uncheck()
    await showTable(page)
    const { point, sources } = await reading(
      {
        flow: 'exports',
        partner: 'taiwan',
        measure: 'yoy',
        reporter: 'china',
        product: 'all',
        frequency: 'month',
      },
      '2019-09',
    )
    const text = (await cell(page, '2019-09', 'exports:taiwan:all').innerText()).trim()
    const pct = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, signDisplay: 'exceptZero' })
    expect(text).toBe(`${pct.format(point.value)}%`)
    const source = sources.find((s) => s.id === point.sourceId)!
    expect(await page.locator(`.table-wrap details.sources a[href="${source.url}"]`).count()).toBe(1)
    await screenshot(page, 'readings-taiwan-exports')
  })

  it('charts crude-oil imports in million tonnes, with sources', async () => {
    const page = await openView({
      flows: ['imports'],
      products: ['crude_oil'],
      unit: 'million tonnes',
    })
    await showTable(page)
    const { point, sources } = await reading(
      {
        flow: 'imports',
        product: 'crude_oil',
        reporter: 'china',
        partner: 'world',
        measure: 'level',
        frequency: 'month',
      },
      '2019-09',
    )
    expect((await cell(page, '2019-09', 'imports:world:crude_oil').innerText()).trim()).toBe(
      `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(point.value)} million tonnes`,
    )
    const source = sources.find((s) => s.id === point.sourceId)!
    expect(await page.locator(`.table-wrap details.sources a[href="${source.url}"]`).count()).toBe(1)
    // The view keeps the range it came with (from Jan 2018), before the first crude-oil month: the From
    // list still offers it, so it never shows blank.
    const from = page.locator('[data-test="range-from"]')
    expect(await from.inputValue()).toBe('2018-01')
    expect(await from.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent?.trim())).toBe(
      'Jan 2018',
    )
    await page.click('[data-test="tab-chart"]')
    await screenshot(page, 'readings-crude-oil-chart')
  })
})

describe('readings', () => {
  it("shows a customs table's value with the figure it printed in US$1,000, and the press reading beside it", async () => {
    const page = await openView({ flows: ['exports'] })
    await showTable(page)
    expect((await cell(page, '2019-10', 'exports:world:all').innerText()).trim()).toBe('$212.92 bn')
    const oct = details(page, '2019-10', 'exports:world:all')
    expect(await oct.locator('[data-test="printed"]').innerText()).toBe('Printed: 212,916,095 USD thousand')
    await oct.locator('[data-test="readings"] summary').click()
    const others = oct.locator('[data-test="other-reading"]')
    expect(await others.count()).toBe(1)
    expect(await others.first().innerText()).toMatch(/^\$212\.93 bn —/)
    expect(await oct.locator('[data-test="chosen"]').innerText()).toContain("customs agency's own table")
    await screenshot(page, 'readings-customs-table')
  })

  it('shows a conflict with its other reading and source, and the written reason for the one shown', async () => {
    const page = await openView({ flows: ['exports'], partners: ['us'] })
    await showTable(page)
    expect((await cell(page, '2019-08', 'exports:us:all').innerText()).trim()).toBe('$37.3 bn')
    const aug = details(page, '2019-08', 'exports:us:all')
    expect(await aug.locator('[data-test="readings"] summary').innerText()).toBe('1 other reading')
    await aug.locator('[data-test="readings"] summary').click()
    const other = aug.locator('[data-test="other-reading"]')
    expect(await other.innerText()).toMatch(/^\$44\.4 bn — AP via Federal News Network/)
    const { point, sources } = await reading(
      {
        flow: 'exports',
        partner: 'us',
        reporter: 'china',
        product: 'all',
        measure: 'level',
        frequency: 'month',
      },
      '2019-08',
    )
    const ap = sources.find((s) => s.id === point.others![0]!.sourceId)!
    expect(await other.locator('a').getAttribute('href')).toBe(ap.url)
    expect(await aug.locator('[data-test="chosen"]').innerText()).toContain(point.reason!)
    await screenshot(page, 'readings-conflict')
  })

  it('reads in Simplified Chinese, dark', async () => {
    const page = await openView(
      { flows: ['exports'], partners: ['us', 'taiwan'] },
      { locale: 'zh-CN', colorScheme: 'dark' },
    )
    await showTable(page)
    const aug = details(page, '2019-08', 'exports:us:all')
    expect(await aug.locator('[data-test="readings"] summary').innerText()).toBe('另有 1 个读数')
    await aug.locator('[data-test="readings"] summary').click()
    expect(await aug.locator('[data-test="chosen"]').innerText()).toMatch(/^采用理由：人工选定/)
    expect(await page.locator('label:has([data-test="partner-taiwan"])').innerText()).toContain('中国台湾')
    await screenshot(page, 'readings-zh-dark')
  })
})

describe('readings in the chart tooltip', () => {
  it("shows a customs table's printed US$1,000 figure and the other reading when pointing at the value", async () => {
    const page = await openView({ flows: ['exports'], range: { from: '2019-01', to: '2019-12' } })
    const tip = await hover(page, '2019-10')
    expect(tip).toContain('Exports: $212.92 bn')
    expect(tip).toContain('Printed: 212,916,095 USD thousand')
    expect(tip).toMatch(/Other readings: \$212\.93 bn — /)
    expect(tip).toContain("Shown: the customs agency's own table beats press reports")
    await screenshot(page, 'readings-tooltip-customs-en-light')
  })

  it('shows a conflict and its reason in the tooltip', async () => {
    const page = await openView({
      flows: ['exports'],
      partners: ['us'],
      range: { from: '2019-01', to: '2019-12' },
    })
    const tip = await hover(page, '2019-08')
    expect(tip).toMatch(/Other readings: \$44\.4 bn — AP via Federal News Network/)
    expect(tip).toContain('Shown: chosen by hand: Reuters')
  })
})

describe('readings under a transform', () => {
  it('lists the other readings of a published y/y rate shown under "Year-on-year %"', async () => {
    const page = await openView({ flows: ['imports'], partners: ['us'], transform: 'yoy' })
    await showTable(page)
    const { point, sources } = await reading(
      {
        flow: 'imports',
        partner: 'us',
        reporter: 'china',
        product: 'all',
        measure: 'yoy',
        frequency: 'month',
      },
      '2018-09',
    )
    expect((await cell(page, '2018-09', 'imports:us:all').innerText()).trim()).toBe('-9%')
    const sep = details(page, '2018-09', 'imports:us:all')
    expect(await sep.locator('[data-test="readings"] summary').innerText()).toBe(
      `${point.others!.length} other readings`,
    )
    await sep.locator('[data-test="readings"] summary').click()
    const listed = await sep.locator('[data-test="other-reading"]').allInnerTexts()
    expect(listed.some((text) => /^\+9% — AP via TraderPlanet/.test(text))).toBe(true)
    for (const o of point.others!) {
      const url = sources.find((s) => s.id === o.sourceId)!.url
      expect(await sep.locator(`[data-test="other-reading"] a[href="${url}"]`).count()).toBe(1)
    }
    expect(await sep.locator('[data-test="chosen"]').innerText()).toContain(point.reason!)
    await screenshot(page, 'readings-yoy-published')
  })

  it('says where the other readings are when the values shown are computed (12-month sum)', async () => {
    const page = await openView({ flows: ['exports'], transform: 'rolling12' })
    await showTable(page)
    const note = page.locator('[data-test="readings-behind-computed"]')
    await note.waitFor()
    // Every period of the published series in range that has other readings, counted from the services.
    const s = await suite.app.services.query.series({
      dataset: 'china-trade',
      flow: 'exports',
      partner: 'world',
      reporter: 'china',
      product: 'all',
      measure: 'level',
      frequency: 'month',
      unit: 'USD bn',
    } as never)
    const n = s.points.filter((p) => p.others?.length && p.periodStart >= '2018-01').length
    expect(n).toBeGreaterThan(0)
    expect(await note.innerText()).toContain(`${n} of those periods have other readings`)
    expect(await note.innerText()).toContain('Transform “As published”')
    expect(await page.locator('[data-test="data-table"] [data-test="readings"]').count()).toBe(0)
    await page.click('[data-test="tab-chart"]')
    const drawn = JSON.parse((await page.locator('[data-test="explorer-chart"]').getAttribute('data-drawn'))!)
    const computed = drawn.series[0].points.find(
      (p: { kind: string; value: number | null }) => p.kind === 'computed' && p.value !== null,
    )
    expect(await hover(page, computed.period)).toContain(
      'Computed from the reading shown for each period; other readings: Transform “As published”',
    )
    await screenshot(page, 'readings-computed-tooltip')
  })
})

describe('readings and data quality in both languages, light and dark', () => {
  it.each([
    ['en-US', 'light'],
    ['en-US', 'dark'],
    ['zh-CN', 'light'],
    ['zh-CN', 'dark'],
  ] as const)('%s, %s: tooltip, table and data-quality list', async (locale, colorScheme) => {
    const zh = locale === 'zh-CN'
    const page = await openView(
      { flows: ['exports'], partners: ['world', 'us'], range: { from: '2019-06', to: '2019-12' } },
      { locale, colorScheme },
    )
    const tip = await hover(page, '2019-10', locale)
    expect(tip).toContain(zh ? '原表数字：212,916,095 千美元' : 'Printed: 212,916,095 USD thousand')
    await screenshot(page, `readings-tooltip-${zh ? 'zh' : 'en'}-${colorScheme}`)
    await showTable(page)
    const oct = details(page, '2019-10', 'exports:world:all')
    expect(await oct.locator('[data-test="printed"]').innerText()).toBe(
      zh ? '原表数字：212,916,095 千美元' : 'Printed: 212,916,095 USD thousand',
    )
    await details(page, '2019-08', 'exports:us:all').locator('[data-test="readings"] summary').click()
    await oct.locator('[data-test="readings"] summary').click()
    expect(await page.locator('[data-test="data-table"] caption').innerText()).toContain(
      zh ? '（亿美元）' : '(USD bn)',
    )
    await screenshot(page, `readings-table-${zh ? 'zh' : 'en'}-${colorScheme}`)

    await page.goto(`${suite.app.server.url}#/datasets`)
    const dataset = page.locator('[data-dataset="china-trade"]')
    const list = dataset.locator('[data-test="data-quality"]')
    await list.waitFor()
    const summary = suite.app.services.catalog.list().find((d) => d.id === 'china-trade')!
    expect(await dataset.locator('[data-test="coverage"]').innerText()).toContain(
      formatPeriod(summary.coverage.from!, locale),
    )
    const nov = list.locator('[data-test="quality-finding"][data-period="2019-11"][data-partner="world"]')
    expect(await nov.innerText()).toContain(
      // In 亿 in Chinese, each term's decimal point moved one place: every printed digit kept.
      zh ? '2,213.37434 − 1,834.11013 − 387.3 亿美元' : '221.337434 − 183.411013 − 38.73 USD bn',
    )
    // The difference and the rounding it allows in that same scale.
    expect(await nov.locator('.figures').innerText()).toMatch(
      zh
        ? /差值：\s*-8\.03579 亿美元\s*（四舍五入允许 ±0\.05001）/
        : /Difference: -0\.803579 USD bn\s+\(rounding allows ±0\.005001\)/,
    )
    await screenshot(page, `datasets-quality-${zh ? 'zh' : 'en'}-${colorScheme}`)
  })
})

describe('Datasets page: data quality', () => {
  const findingsInFile = async () =>
    readCsvRecords(await readFile(join(dataDir, 'china-trade', 'quality.csv'), 'utf8'), { strict: true })
      .slice(1)
      .map((r) => r.fields)

  it('lists every trade-identity failure of quality.csv with its figures and sources', async () => {
    const page = await suite.browser.newPage()
    await page.goto(`${suite.app.server.url}#/datasets`)
    const list = page.locator('[data-dataset="china-trade"] [data-test="data-quality"]')
    await list.waitFor()
    const rows = await findingsInFile()
    expect(rows.length).toBeGreaterThan(0)
    await expect.poll(() => list.locator('[data-test="quality-finding"]').count()).toBe(rows.length)
    const nov = list.locator('[data-test="quality-finding"][data-period="2019-11"][data-partner="world"]')
    expect(await nov.innerText()).toContain('221.337434 − 183.411013 − 38.73 USD bn')
    expect(await nov.locator('.figures').innerText()).toMatch(
      /Difference: -0\.803579 USD bn\s+\(rounding allows ±0\.005001\)/,
    )
    expect(await nov.locator('a').count()).toBe(3)
    expect(await list.locator('h4').innerText()).toContain(`${rows.length} findings`)
    await screenshot(page, 'datasets-quality-en-light')
  })

  it('reads in Simplified Chinese, dark', async () => {
    const page = await suite.browser.newPage({ locale: 'zh-CN', colorScheme: 'dark' })
    await page.goto(`${suite.app.server.url}#/datasets`)
    const list = page.locator('[data-dataset="china-trade"] [data-test="data-quality"]')
    await list.waitFor()
    expect(await list.locator('h4').innerText()).toContain('数据质量')
    expect(await list.locator('[data-test="quality-finding"]').count()).toBe((await findingsInFile()).length)
    await screenshot(page, 'datasets-quality-zh-dark')
    suite.browser.assertOffline()
  })
})
