/**
 * Importing through the UI in Chromium, against the real services: "Open file…" (the platform dialog is
 * played by the test), the progress bar, China's exports by partner charted from the imported file, a
 * second import cancelled midway with no trace left, the column mapping for an unknown layout, and
 * a path sent instead of a file id refused.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { holdCall, launchBrowser, repoRootFixtures, screenshot, type TestBrowser } from './importSupport'
import { startWebApp, type WebApp } from '../support/webApp'

let app: WebApp
let browser: TestBrowser
let page: Page
/** What the next "Open file…" dialog answers. */
let nextFile: string | null = null
/** Holds an import just before its commit until the test lets it go. */
let hold: Promise<void> | null = null

const fixture = (name: string) => join(repoRootFixtures, name)
/** The chart's value table, one "label value" string per row. */
const tableRows = () =>
  page
    .locator('[data-test="breakdown-table"] tr')
    .evaluateAll((rows) =>
      rows.map((r) => Array.from(r.children, (c) => (c.textContent ?? '').trim()).join(' ')),
    )
const libraryDir = () => join(app.userDataDir, 'library')
const manifest = () => readFileSync(join(libraryDir(), 'library.json'), 'utf8')
const staging = () => {
  try {
    return readdirSync(join(libraryDir(), '.staging'))
  } catch {
    return []
  }
}

beforeAll(async () => {
  app = await startWebApp({
    chooseFile: async () => nextFile,
    importHooks: { beforeCommit: () => hold ?? Promise.resolve() },
  })
  browser = await launchBrowser(app.server.origin)
  page = await browser.newPage()
  await page.goto(app.server.url)
  await page.click('nav >> text=Import')
  await page.locator('[data-test="library-empty"]').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('Import', () => {
  it('imports a Comtrade file through "Open file…" with a progress bar, then charts China’s exports by partner', async () => {
    nextFile = fixture('comtrade-plus-china-2024.csv')
    let release!: () => void
    hold = new Promise<void>((resolve) => (release = resolve))
    try {
      await page.click('[data-test="open-file"]')
      const bar = page.locator('[role="progressbar"]')
      await bar.waitFor()
      expect(await page.locator('[data-test="layout"]').textContent()).toContain(
        'Recognised: UN Comtrade (Comtrade Plus)',
      )
      // The job is held just before its commit: everything read, the summaries being written.
      // (The import runs in the engine: on a busy machine it reaches the commit in more than a second.)
      await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBe(100)
      expect(await bar.getAttribute('aria-valuemin')).toBe('0')
      expect(await bar.getAttribute('aria-valuemax')).toBe('100')
      await expect
        .poll(() => bar.getAttribute('aria-valuetext'))
        .toBe('Writing summaries: 4 kB of 4 kB · about 14 rows')
      expect(await page.locator('[data-test="cancel-import"]').isVisible()).toBe(true)
      await screenshot(page, 'import-progress')
    } finally {
      hold = null
      release()
    }

    await page.locator('[data-test="import-done"]').waitFor()
    expect(await page.textContent('[data-test="import-done"]')).toContain('14 rows, Jan 2024 to Feb 2024')
    const row = page.locator('[data-dataset="comtrade-plus-china-2024"]')
    expect(await row.locator('[data-test="rows"]').textContent()).toBe('14')
    expect(await row.locator('[data-test="versions"]').textContent()).toContain('1')

    await page.locator('[data-test="breakdown-chart"] canvas').waitFor()
    expect(await page.textContent('[data-test="chart-title"]')).toContain(
      'China: exports by partner, Jan 2024 to Feb 2024',
    )
    const table = await tableRows()
    expect(table).toEqual([
      'United States $75.0 bn',
      'Japan $22.5 bn',
      'Vietnam $21.0 bn',
      'Germany $17.0 bn',
    ])
    expect(await page.textContent('[data-test="chart-panel"]')).toContain(
      'Total against the World in the file: $400.0 bn',
    )

    // Blocs from the same file.
    await page.selectOption('[data-test="chart-by"]', 'bloc')
    await expect.poll(tableRows).toEqual([
      'Rest of the world $97.5 bn',
      // Each bloc is the sum of the one member the file names, and its bar says so.
      'ASEAN: 1 of 10 members in the file $21.0 bn',
      'European Union (27): 1 of 27 members in the file $17.0 bn',
    ])
    await screenshot(page, 'import-chart')
    browser.assertOffline()
  })

  it('in Chinese, the chart names the file’s reporter and partners by their Chinese names', async () => {
    const zh = await browser.newPage({ locale: 'zh-CN' })
    try {
      await zh.goto(app.server.url)
      await zh.click('nav >> text=导入')
      await zh.locator('[data-dataset="comtrade-plus-china-2024"] [data-test="show-chart"]').click()
      await zh.locator('[data-test="breakdown-chart"] canvas').waitFor()
      expect(await zh.textContent('[data-test="chart-title"]')).toMatch(/^\s*中国：按伙伴的出口/)
      const rows = await zh
        .locator('[data-test="breakdown-table"] th')
        .evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').trim()))
      expect(rows).toEqual(['美国', '日本', '越南', '德国'])
      // What a screen reader reads for the chart, with Chinese marks between and after its names.
      expect(await zh.locator('[data-test="breakdown-chart"] canvas').getAttribute('aria-label')).toBe(
        '中国，出口：美国 750.0 亿美元；日本 225.0 亿美元；越南 210.0 亿美元；德国 170.0 亿美元',
      )
      // Blocs by their Chinese names, each saying how many of its members the file names.
      await zh.selectOption('[data-test="chart-by"]', 'bloc')
      const blocRows = () =>
        zh
          .locator('[data-test="breakdown-table"] th')
          .evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').trim()))
      await expect
        .poll(blocRows)
        .toEqual(['世界其他地区', '东盟：文件列出 10 个成员中的 1 个', '欧盟：文件列出 27 个成员中的 1 个'])
      expect(await zh.textContent('[data-test="chart-title"]')).toMatch(/^\s*中国：按区域集团的出口/)
    } finally {
      await zh.close()
    }
  })

  it('a new window does not call the library empty while its list is on its way', async () => {
    // A slow machine: the library's list answers only when the test lets it.
    const fresh = await browser.newPage()
    const answer = await holdCall(fresh, 'listImports')
    try {
      await fresh.goto(`${app.server.url}#/import`)
      const library = fresh.locator('[data-test="library"]')
      await library.waitFor()
      expect(await library.getAttribute('aria-busy')).toBe('true')
      expect(await fresh.locator('[data-test="library-empty"]').count()).toBe(0)
      answer()
      await fresh.locator('[data-test="library"][aria-busy="false"]').waitFor()
      expect(
        await library
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-dataset'))),
      ).toEqual(['comtrade-plus-china-2024'])
      expect(await fresh.locator('[data-test="library-empty"]').count()).toBe(0)
    } finally {
      await fresh.close()
    }
  })

  it('cancels a second import midway: no dataset, no files, the first dataset untouched', async () => {
    const before = manifest()
    // About 30 MB of Comtrade rows, written for this test.
    const lines = readFileSync(fixture('comtrade-plus-china-2024.csv'), 'utf8').split('\n')
    const big = join(app.userDataDir, 'big-comtrade.csv')
    writeFileSync(big, `${lines[0]}\n${`${lines[1]}\n`.repeat(90_000)}`)
    nextFile = big
    // If DuckDB finishes reading before the click lands, the job waits here and the cancel still stops it.
    hold = new Promise<void>((resolve) => setTimeout(resolve, 10_000))
    // A slow machine: the page asks for the import, which reaches the engine only when the test lets it.
    // Until the engine has the job, a cancel would find nothing to stop: Cancel is shown, not offered.
    const letThrough = await holdCall(page, 'importFile')
    await page.click('[data-test="open-file"]')
    await page.locator('[role="progressbar"]').waitFor()
    expect(await page.locator('[data-test="cancel-import"]').isDisabled()).toBe(true)
    letThrough()
    // Offered once the engine reports the job (a click waits for the button to be enabled).
    await page.click('[data-test="cancel-import"]')
    await page.locator('[data-test="import-cancelled"]').waitFor()
    hold = null
    expect(await page.textContent('[data-test="import-cancelled"]')).toBe(
      'Import cancelled: nothing was saved.',
    )
    expect(await page.locator('[data-test="library"] tbody tr').count()).toBe(1)
    expect(manifest()).toBe(before)
    expect(staging()).toEqual([])
    // Only the first dataset's folder and the manifest (the empty staging folder aside).
    expect(
      readdirSync(libraryDir())
        .filter((f) => f !== '.staging')
        .sort(),
    ).toEqual(['comtrade-plus-china-2024', 'library.json'])
    rmSync(big)
    browser.assertOffline()
  })

  it('an unknown layout gets the column mapping with a preview; the confirmed mapping imports it', async () => {
    nextFile = fixture('us-census-china-semicolon.csv')
    await page.click('[data-test="open-file"]')
    const dialog = page.locator('[data-test="mapping-dialog"]')
    await dialog.waitFor()
    expect(await dialog.locator('[data-test="preview"] thead').textContent()).toContain('Month')
    expect(await dialog.locator('[data-test="preview"] tbody tr').first().textContent()).toContain('1,187.5')
    expect(await dialog.locator('[data-test="role-period"]').inputValue()).toBe('0')
    for (const i of [1, 2, 3]) expect(await dialog.locator(`[data-test="value-${i}"]`).isChecked()).toBe(true)
    await dialog.locator('[data-test="reporter-code"]').fill('USA')
    await dialog.locator('[data-test="partner-code"]').fill('CHN')
    await dialog.locator('[data-test="unit-label"]').fill('USD million')
    await screenshot(page, 'import-mapping')
    await dialog.locator('[data-test="confirm-mapping"]').click()
    await page.locator('[data-test="import-done"]').waitFor()
    const [dataset] = (await app.host.handlers.listImports({})).items.filter(
      (d) => d.fileName === 'us-census-china-semicolon.csv',
    )
    expect(dataset?.mapping).toMatchObject({
      period: 0,
      values: [1, 2, 3],
      reporterCode: 'USA',
      partnerCode: 'CHN',
      unitLabel: 'USD million',
    })
    // The stated unit brings the values into dollars: 1,187.5 + 1,289.8 + 1,658.1 million.
    await expect.poll(tableRows).toEqual(['China $4.1 bn'])
    expect(await page.textContent('[data-test="chart-title"]')).toContain(
      'United States: exports by partner, Jan 2001 to Mar 2001',
    )
  })

  it('a path (or an id the app never handed out) sent instead of a file id is refused', async () => {
    const answers = await page.evaluate(async () => {
      const trade = (window as unknown as { trade: Record<string, (args: unknown) => Promise<unknown>> })
        .trade
      return [
        await trade.importFile!({ fileId: '/etc/passwd' }),
        await trade.inspectImport!({ fileId: 'f-0123456789abcdef0123456789abcdef' }),
        await trade.importFile!({ fileId: 'f-0123456789abcdef0123456789abcdef', path: '/etc/passwd' }),
      ]
    })
    expect(answers).toMatchObject([
      { ok: false, error: { code: 'INVALID_ARGUMENT' } },
      {
        ok: false,
        error: { code: 'NOT_FOUND', message: expect.stringContaining('only opens files you chose') },
      },
      { ok: false, error: { code: 'INVALID_ARGUMENT' } },
    ])
  })

  it('logged no page errors, and nothing left the app origin', () => {
    expect(browser.pageErrors).toEqual([])
    browser.assertOffline()
  })
})
