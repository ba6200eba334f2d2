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
}

const cell = (page: Page, period: string, series: string) =>
  page.locator(`[data-test="data-table"] tr[data-period="${period}"] td[data-series="${series}"]`)
/** The row under a period's values with the printed figures and other readings. */
const details = (page: Page, period: string, series: string) =>
  page.locator(
    `[data-test="data-table"] tr[data-readings-for="${period}"] td[data-readings-series="${series}"]`,
  )

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
