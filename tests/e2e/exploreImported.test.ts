/**
 * Imported datasets in the Explorer, in Chromium against the real services: the dataset picker lists
 * the bundled package and the imported file with their versions, the controls come from the file's own
 * dimensions, and a transform (y/y) runs on the imported series with the same "computed" marks.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, screenshot, type TestBrowser } from '../support/browser'
import { repoRoot, startWebApp, type WebApp } from '../support/webApp'

let app: WebApp
let browser: TestBrowser
let page: Page
let nextFile: string | null = null

const fixture = (name: string) => join(repoRoot, 'tests', 'fixtures', 'import', name)

async function importThroughUi(path: string): Promise<void> {
  nextFile = path
  await page.click('nav >> text=Import')
  await page.click('[data-test="open-file"]')
  await page.locator('[data-test="import-done"]').waitFor()
}

const cells = (series: string) =>
  page
    .locator(`[data-test="data-table"] td[data-series="${series}"]`)
    .evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').trim()))

beforeAll(async () => {
  app = await startWebApp({ chooseFile: async () => nextFile })
  browser = await launchBrowser(app.server.origin)
  page = await browser.newPage({ width: 1400, height: 1000 })
  await page.goto(app.server.url)
  await importThroughUi(fixture('imf-dots-timeseries.csv'))
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('Explorer over an imported dataset', () => {
  it('lists the bundled package and the imported file, each with its version', async () => {
    await page.click('nav >> text=Explorer')
    const picker = page.locator('[data-test="dataset"]')
    await picker.waitFor()
    const options = await picker
      .locator('option')
      .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, (o.textContent ?? '').trim()]))
    expect(options.map(([value]) => value)).toEqual(['china-trade', 'imf-dots-timeseries'])
    expect(options[1]![1]).toMatch(/^imf-dots-timeseries\.csv — version 1 \(imported \d{4}-\d\d-\d\d\)$/)
    expect(options[0]![1]).toMatch(/ — version \S+/)
  })

  it('builds the controls from the file: its partners, not the bundled list', async () => {
    await page.selectOption('[data-test="dataset"]', 'imf-dots-timeseries')
    await expect.poll(() => page.textContent('[data-test="view-title"]')).toContain('China exports — World')
    const partners = await page
      .locator('[data-test^="partner-"][type="checkbox"]')
      .evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-test')))
    // The file has the United States and Germany (and the World total, summed from its partners).
    expect(partners).toEqual(expect.arrayContaining(['partner-world', 'partner-us', 'partner-deu']))
    // Nothing the file does not hold: the bundled package's Africa, Latin America, Russia…
    expect(partners).not.toContain('partner-africa')
    expect(partners).not.toContain('partner-latin_america')
    expect(await page.locator('[data-test="frequency"] option').allTextContents()).toEqual(['Annual'])
    expect(new URL(page.url().replace('#/', '')).searchParams.get('dataset')).toBe('imf-dots-timeseries')
  })

  it('charts China’s exports to the US with y/y computed from the file’s levels, marked computed', async () => {
    await page.click('[data-test="partner-us"]')
    await page.click('[data-test="partner-world"]')
    await page.selectOption('[data-test="transform"]', 'yoy')
    await expect
      .poll(() => page.textContent('[data-test="view-title"]'))
      .toBe('China exports — United States — Year-on-year % (% y/y)')
    await page.click('[data-test="tab-table"]')
    // IMF DOTS, China → United States, USD million: 577,127.5 (2021), 581,766.3 (2022), 500,291.4 (2023):
    // +0.80% in 2022 and −14.0% in 2023; 2021 has no year before it in the file. Newest first.
    expect((581766.3 / 577127.5 - 1) * 100).toBeCloseTo(0.8, 2)
    expect((500291.4 / 581766.3 - 1) * 100).toBeCloseTo(-14.0, 1)
    expect(await cells('exports:us:all')).toEqual(['-14%†', '+0.8%†', '—'])
    expect(await page.textContent('.note')).toContain('computed here from published values')
    await screenshot(page, 'explore-imported-yoy')
    await page.click('[data-test="tab-chart"]')
    browser.assertOffline()
    expect(browser.pageErrors).toEqual([])
  })
})
