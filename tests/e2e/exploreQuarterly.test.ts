/**
 * Quarterly data end to end, in Chromium against the real services: the real WTO Stats bulk CSV for
 * Algeria (tests/fixtures/real/wto, with annual rows and quarterly totals ITS_MTV_QX / ITS_MTV_QM) is
 * imported through the Import page, opened in the Explorer and charted at the quarterly frequency. The
 * table's numbers are checked against the file read here with papaparse, y/y against this test's own
 * arithmetic on the same quarter a year before, and every drawn point against its quarter's months.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatValue } from '../../renderer/src/lib/format'
import { launchBrowser, screenshot, type TestBrowser } from '../support/browser'
import { stepsInOrder } from '../support/steps'
import { repoRoot, startWebApp, type WebApp } from '../support/webApp'

const FILE = join(repoRoot, 'tests', 'fixtures', 'real', 'wto', 'WtoData_algeria.csv')

let app: WebApp
let browser: TestBrowser
let page: Page
let nextFile: string | null = null

/** The file's quarterly merchandise imports as the WTO prints them (million US dollars), by quarter. */
function quarterlyImports(): Map<string, number> {
  const rows = Papa.parse<Record<string, string>>(
    new TextDecoder('windows-1252').decode(readFileSync(FILE)),
    {
      header: true,
      skipEmptyLines: true,
    },
  ).data
  const quarterly = rows.filter(
    (r) =>
      r['Indicator Code'] === 'ITS_MTV_QM' && r['Frequency Code'] === 'Q' && r['Partner Economy'] === 'World',
  )
  return new Map(quarterly.map((r) => [`${r.Year}-${r['Period Code']}`, Number(r.Value) * 1e6]))
}

/** The Explorer's table as period → the imports cell's text. */
async function importsColumn(): Promise<Map<string, string>> {
  await page.click('[data-test="tab-table"]')
  await page.locator('[data-test="data-table"]').waitFor()
  const rows = await page.$$eval('[data-test="data-table"] td[data-series="imports:world:all"]', (tds) =>
    tds.map((td) => [td.closest('tr')!.getAttribute('data-period')!, (td.textContent ?? '').trim()] as const),
  )
  return new Map(rows)
}

interface Drawn {
  view: string
  ticks: { label: string; x: number }[]
  series: {
    key: string
    points: { period: string; value: number | null; x: number; from: number; to: number }[]
  }[]
}
const drawn = async (): Promise<Drawn> =>
  JSON.parse((await page.getAttribute('[data-test="explorer-chart"]', 'data-drawn'))!) as Drawn

/** Waits until the chart shows the view the address names (the Explorer is no longer busy). */
async function settled(): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector('[data-test="explorer-main"]')
    const figure = document.querySelector<HTMLElement>('[data-test="explorer-chart"]')
    const state = new URLSearchParams(location.hash.split('?')[1] ?? '').toString()
    return (
      main?.getAttribute('aria-busy') === 'false' &&
      !!figure?.dataset.drawn &&
      new URLSearchParams(JSON.parse(figure.dataset.drawn).view).toString() === state
    )
  })
}

beforeAll(async () => {
  app = await startWebApp({ chooseFile: async () => nextFile })
  browser = await launchBrowser(app.server.origin)
  page = await browser.newPage({ width: 1400, height: 1000 })
  await page.goto(app.server.url)
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('a real WTO file’s quarters in the Explorer', () => {
  stepsInOrder()

  let dataset = ''

  it('imports through the Import page, which says the quarters are kept and where to chart them', async () => {
    nextFile = FILE
    await page.click('nav >> text=Import')
    await page.click('[data-test="open-file"]')
    const row = page.locator('[data-test="library"] [data-dataset^="wtodata"]')
    await row.waitFor({ timeout: 60_000 })
    dataset = (await row.getAttribute('data-dataset'))!
    await expect
      .poll(() => page.locator('main').innerText())
      .toMatch(
        /rows are quarterly \(Q1 2015 to Q4 2025: exports, imports\)[^]*choose Quarterly in the Explorer/,
      )
  })

  it('offers Quarterly beside Annual, opening at the finer one', async () => {
    await page.click('nav >> text=Explorer')
    await page.locator('[data-test="dataset"]').waitFor()
    await expect
      .poll(() =>
        page
          .locator('[data-test="dataset"] option')
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
      )
      .toContain(dataset)
    await page.selectOption('[data-test="dataset"]', dataset)
    await expect.poll(() => page.inputValue('[data-test="frequency"]'), { timeout: 20_000 }).toBe('quarter')
    expect(await page.locator('[data-test="frequency"] option').allTextContents()).toEqual([
      'Quarterly',
      'Annual',
    ])
    // Pick Annual, then Quarterly again, as a reader would.
    await page.selectOption('[data-test="frequency"]', 'year')
    await settled()
    expect((await drawn()).series[0]!.points.map((p) => p.period)).toContain('2018')
    await page.selectOption('[data-test="frequency"]', 'quarter')
    await settled()
  })

  it('tables each quarter’s imports exactly as the file prints them', async () => {
    await page.click('[data-test="flow-imports"]')
    await page.click('[data-test="flow-exports"]')
    await settled()
    const expected = quarterlyImports()
    expect(expected.size).toBe(44) // 2015-Q1 … 2025-Q4
    const table = await importsColumn()
    expect([...table.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [quarter, value] of expected)
      expect(table.get(quarter), quarter).toBe(formatValue(value, 'USD', 'en-US'))
    // Row headers name quarters: Q2 2025 … (newest first).
    expect(await page.locator('[data-test="data-table"] tbody th').first().innerText()).toBe('Q4 2025')
    await page.click('[data-test="tab-chart"]')
    // Every point is drawn inside its quarter's three months.
    const { series } = await drawn()
    expect(series[0]!.points).toHaveLength(44)
    for (const p of series[0]!.points) {
      expect(p.x, p.period).toBeGreaterThan(p.from)
      expect(p.x, p.period).toBeLessThan(p.to)
      expect(p.to - p.from, p.period).toBeGreaterThan(0)
    }
    await screenshot(page, 'explore-quarterly-levels')
  })

  it('computes y/y on the same quarter a year before, marked computed with its rule; no m/m on quarters', async () => {
    expect(await page.locator('[data-test="transform"] option[value="mom"]').isDisabled()).toBe(true)
    expect(await page.locator('[data-test="transform"] option[value="ma3"]').isDisabled()).toBe(true)
    expect(await page.locator('[data-test="transform"] option[value="qoq"]').isDisabled()).toBe(false)
    await page.selectOption('[data-test="transform"]', 'yoy')
    await settled()
    const levels = quarterlyImports()
    const table = await importsColumn()
    for (const [quarter, value] of levels) {
      const before = levels.get(`${Number(quarter.slice(0, 4)) - 1}${quarter.slice(4)}`)
      expect(table.get(quarter), quarter).toBe(
        before === undefined ? '—' : `${formatValue((value / before - 1) * 100, '% y/y', 'en-US')}†`,
      )
    }
    // Hand check of one: Q1 2025 11,600 against Q1 2024 10,664 (million US dollars): +8.78%.
    expect(table.get('2025-Q1')).toBe('+8.78%†')
    // Each computed value states its rule (the cell's title, as the CSV keeps it).
    const cell = (quarter: string) =>
      page.locator(
        `[data-test="data-table"] tr[data-period="${quarter}"] td[data-series="imports:world:all"]`,
      )
    expect(await cell('2025-Q1').getAttribute('title')).toBe(
      '% change on the same quarter a year before (2024-Q1)',
    )
    expect(await cell('2015-Q3').getAttribute('title')).toBe('no level a year earlier')
    await page.click('[data-test="tab-chart"]')
    await screenshot(page, 'explore-quarterly-yoy')
    expect(browser.pageErrors).toEqual([])
  })

  it('names the quarters in Chinese: 2025年第一季度', async () => {
    const zh = await browser.newPage({ width: 1400, height: 1000, locale: 'zh-CN' })
    await zh.goto(page.url())
    await zh.locator('[data-test="explorer-chart"] canvas').waitFor()
    await zh.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
    await zh.click('[data-test="tab-table"]')
    await zh.locator('[data-test="data-table"]').waitFor()
    const heads = await zh.locator('[data-test="data-table"] tbody th').allInnerTexts()
    expect(heads).toContain('2025年第一季度')
    expect(await zh.locator('[data-test="frequency"] option:checked').innerText()).toBe('季度')
    await zh.close()
  })
})
