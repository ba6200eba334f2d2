/**
 * A real file in yuan as a calculator's input, in Chromium against the real services: the China Customs
 * query download of China's soybean imports by partner and month, 2024 (GBK bytes, Chinese headers,
 * values in yuan; tests/fixtures/real/README.md), imported through the Import page. The partner mix
 * reads annual totals in US dollars; this file holds months only, in yuan, so the calculator reads
 * nothing from it, and says why in plain words beside the file's name and version — never "choose
 * another base year", as if a year were missing, and never a number converted from yuan.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type TestBrowser } from '../support/browser'
import { importThroughUi } from '../support/explorerWalk'
import { repoRoot, startWebApp, type WebApp } from '../support/webApp'

const FILE = join(repoRoot, 'tests', 'fixtures', 'real', 'customs', 'china-customs-soybean-imports-2024.csv')
const NAME = 'china-customs-soybean-imports-2024.csv'

/** The file read here, not by the app: GBK, one row per month, partner and HS code. */
const rows = Papa.parse<Record<string, string>>(new TextDecoder('gbk').decode(readFileSync(FILE)), {
  header: true,
  skipEmptyLines: true,
}).data

let app: WebApp
let browser: TestBrowser
let page: Page
let id = ''

beforeAll(async () => {
  app = await startWebApp({ chooseFile: async () => FILE })
  browser = await launchBrowser(app.server.origin)
  page = await browser.newPage({ width: 1400, height: 1000 })
  await page.goto(app.server.url)
  // The file names no reporter: the mapping dialog asks, and China is the reporter of its customs' data.
  id = await importThroughUi(page, { fileName: NAME, app }, { 'reporter-code': 'CHN' })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('a calculator given a real China Customs file in yuan', () => {
  it('the file as the test reads it: months of 2024 only, values in yuan', () => {
    expect(Object.keys(rows[0]!)).toContain('人民币')
    const periods = new Set(rows.map((r) => r['数据年月']!))
    expect([...periods].every((p) => /^2024(0[1-9]|1[0-2])$/.test(p))).toBe(true)
    expect(periods.size).toBe(12)
  })

  it('partner mix: names the file and its version, and says plainly that it has no annual data; nothing is converted', async () => {
    await page.click('nav >> text=Calculators')
    await page.click('[data-test="tab-partnerMix"]')
    await page.selectOption('select[data-test="pm-dataset"]', id)
    await page.locator('[data-test="pm-imported-file"]').waitFor()
    // The reporter is chosen from the file's dimensions, which arrive after the file's name is shown.
    await expect.poll(() => page.locator('[data-test="pm-imported-reporter"]').inputValue()).toBe('china')
    expect(await page.locator('[data-test="pm-imported-file"]').innerText()).toMatch(
      new RegExp(`^${NAME.replace(/\./g, '\\.')}, version 1\\b`),
    )
    await expect
      .poll(() => page.locator('[data-test="pm-imported-unread"]').innerText())
      .toBe('Nothing this calculator reads is in the file: This dataset has no annual data.')
    // Not "choose another base year": no year of this file would do.
    expect(await page.locator('[data-test="pm-problems"]').count()).toBe(0)
    expect(await page.locator('[data-test="calc-partnerMix"]').innerText()).not.toContain(
      'choose another base year',
    )
    // No total and no partner level is shown from the file: nothing converted from yuan.
    const levels = await page.locator('[data-test="calc-partnerMix"] [data-test="from-data"]').allInnerTexts()
    expect(levels.filter((text) => text.includes(NAME))).toEqual([])
    browser.assertOffline()
    expect(browser.pageErrors).toEqual([])
  })
})
