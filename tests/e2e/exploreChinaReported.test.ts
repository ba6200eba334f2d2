/**
 * China's own report of its trade in the Explorer, in Chromium against the real services: a real UN
 * Comtrade download by China (its trade with the United States, Germany, Japan, Korea and Hong Kong by
 * SITC division, 2015–2018; tests/fixtures/real/README.md), imported through the Import page; China's
 * exports to the United States charted over time, with y/y computed from the file's levels. Every
 * expected number is summed here from the file's divisions with papaparse. The divisions are SITC, not
 * HS: the Explorer offers no HS drill-down for them (the drill to HS headings is walked on China's own
 * report of 2018 at every HS level in exploreChinaHs.test.ts, and over several years from the mirror
 * side in exploreComtrade.test.ts).
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, screenshot, type TestBrowser } from '../support/browser'
import { repoRoot, startWebApp, type WebApp } from '../support/webApp'
import { importThroughUi, openDataset, percentIn } from '../support/explorerWalk'
import { zipCsvRows } from '../support/zipMember'

const FILE = join(
  repoRoot,
  'tests',
  'fixtures',
  'real',
  'comtrade',
  'legacy-china-sitc-by-partner-2015-2018.zip',
)
const ID = 'legacy-china-sitc-by-partner-2015-2018-zip'

const rows = zipCsvRows(FILE, 'comtrade (1).csv')
/** China-reported exports to the US by year: the sum of the file's SITC divisions. */
const exportsToUs = new Map<string, number>()
for (const r of rows.filter((r) => r['Trade Flow'] === 'Export' && r['Partner ISO'] === 'USA'))
  exportsToUs.set(r.Year!, (exportsToUs.get(r.Year!) ?? 0) + Number(r['Trade Value (US$)']))
const years = [...exportsToUs.keys()].sort()

let app: WebApp
let browser: TestBrowser
let page: Page

beforeAll(async () => {
  app = await startWebApp({ chooseFile: async () => FILE })
  browser = await launchBrowser(app.server.origin)
  page = await browser.newPage({ width: 1400, height: 1000 })
  await page.goto(app.server.url)
  await importThroughUi(page, { id: ID })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('a China-reported Comtrade download in the Explorer', () => {
  it('charts China’s exports to the United States over time, and their y/y computed from the file’s levels', async () => {
    expect(years).toEqual(['2015', '2016', '2017', '2018'])
    await openDataset(page, ID)
    // The controls are rebuilt when the file's dimensions arrive, which can undo a tick made before
    // (the bundled package has a partner-us box too): tick until the view has the United States.
    await expect
      .poll(async () => {
        const us = page.locator('[data-test="partner-us"]')
        if (!(await us.isChecked())) await us.click()
        return page.textContent('[data-test="view-title"]')
      })
      .toContain('United States')
    if (await page.locator('[data-test="partner-world"]').isChecked())
      await page.click('[data-test="partner-world"]')
    if (await page.locator('[data-test="flow-imports"]').isChecked())
      await page.click('[data-test="flow-imports"]')
    await expect.poll(() => page.locator('[data-test="flow-exports"]').isChecked()).toBe(true)

    await expect.poll(() => page.textContent('[data-test="view-title"]')).toContain('United States')
    await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
    // Levels first: each year as the sum of its divisions.
    await page.click('[data-test="tab-table"]')
    await page.locator('[data-test="data-table"]').waitFor()
    const cells = () =>
      page
        .locator('[data-test="data-table"] td[data-series="exports:us:all"]')
        .evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').trim()))
    await expect.poll(async () => (await cells()).length).toBe(years.length)
    // Newest first, in whole dollars as the file gives them.
    expect(await cells()).toEqual(
      [...years].reverse().map((y) => `${new Intl.NumberFormat('en-US').format(exportsToUs.get(y)!)} USD`),
    )

    await page.click('[data-test="tab-chart"]')
    await page.selectOption('[data-test="transform"]', 'yoy')
    await expect.poll(() => page.textContent('[data-test="view-title"]')).toContain('(% y/y)')
    await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
    await page.click('[data-test="tab-table"]')
    await expect.poll(async () => (await cells()).at(-1)).toBe('—')
    const changes = await cells()
    // Newest first; the first year has no year before it in the file.
    const expected = years
      .slice(1)
      .map((y, i) => (exportsToUs.get(y)! / exportsToUs.get(years[i]!)! - 1) * 100)
      .reverse()
    changes.slice(0, -1).forEach((cell, i) => {
      expect(cell).toContain('†')
      expect(percentIn(cell)).toBeCloseTo(expected[i]!, 1)
    })
    await page.click('[data-test="tab-chart"]')
    // SITC divisions are not HS chapters: no HS products to pick or drill into.
    expect(await page.locator('[data-test="product-filter"]').count()).toBe(0)
    await screenshot(page, 'explore-china-reported-sitc')
    browser.assertOffline()
    expect(browser.pageErrors).toEqual([])
  })
})
