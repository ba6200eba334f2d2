/**
 * Choosing what to read from a workbook or an archive, in Chromium against the real services: the IMF
 * Direction of Trade workbook (two sheets) imported from its second sheet, and a ZIP of several
 * Comtrade downloads imported as one dataset, then another of its files chosen and mapped by hand. In
 * English, then in Chinese in the dark theme. Expected values are read from the files by the test
 * itself (read-excel-file, papaparse), never from the app.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import readXlsxFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, screenshot, type TestBrowser } from './importSupport'
import { repoRoot, startWebApp, type WebApp } from '../support/webApp'

let app: WebApp
let browser: TestBrowser
let page: Page
let nextFile: string | null = null

const real = (name: string) => join(repoRoot, 'tests', 'fixtures', 'real', name)
const WORKBOOK = real('imf/Exports_and_Imports_by_Areas_and_Countries.xlsx')
const ARCHIVE = real('zip/comtrade-plus-two-downloads.zip')
const csvRows = (file: string, delimiter = ',') =>
  Papa.parse<Record<string, string>>(readFileSync(real(file), 'latin1'), {
    header: true,
    delimiter,
    skipEmptyLines: true,
  }).data
const done = () => page.locator('[data-test="import-done"]')
const memberBox = (name: string) => page.locator(`[data-test="source-chooser"] input[data-member="${name}"]`)
/** After a choice, the file has been read again once the chooser is no longer busy. */
const settled = () => page.locator('[data-test="source-chooser"][aria-busy="false"]').waitFor()

beforeAll(async () => {
  app = await startWebApp({ chooseFile: async () => nextFile })
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

describe('Import: the sheet of a workbook, the files of an archive', () => {
  it('a workbook with two sheets asks which one; the Imports sheet is imported on its own', async () => {
    const book = await readXlsxFile(WORKBOOK)
    const [head, ...body] = book.find((s) => s.sheet === 'Imports')!.data
    // One row per country and month with a number; the workbook lists Australia twice, identically.
    const cells = new Set<string>()
    for (const row of body)
      head!.forEach((month, i) => {
        if (i > 0 && typeof row[i] === 'number') cells.add(`${String(row[0])}|${String(month)}`)
      })

    nextFile = WORKBOOK
    await page.click('[data-test="open-file"]')
    const sheet = page.locator('[data-test="source-sheet"]')
    await sheet.waitFor()
    expect(await sheet.locator('option').allTextContents()).toEqual(book.map((s) => s.sheet))
    expect(await sheet.inputValue()).toBe('Exports')
    expect(await page.textContent('[data-test="source-chooser"]')).toContain(
      'This workbook has 2 sheets. Sheet to import:',
    )
    // Nothing is imported before the user has seen the choice.
    expect(await page.locator('[data-test="library-empty"]').isVisible()).toBe(true)

    await sheet.selectOption('Imports')
    await settled()
    expect(await sheet.inputValue()).toBe('Imports')
    await screenshot(page, 'import-sheet-choice')
    await page.click('[data-test="import-recognised"]')
    await done().waitFor()
    expect(await done().textContent()).toContain(
      `${cells.size.toLocaleString('en-US')} rows, Jan 2014 to Dec 2017`,
    )
    // "Done" is said when the import answers; the library's list and the chart are asked for after it.
    const row = page.locator('[data-test="library"] tbody tr')
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.locator('strong').textContent()).toBe(
      'Exports_and_Imports_by_Areas_and_Countries.xlsx (Imports)',
    )
    await expect.poll(() => page.locator('[data-test="chart-flow"]').inputValue()).toBe('imports')
  })

  it('an archive of same-layout downloads is one dataset; another of its files can be chosen and mapped', async () => {
    const members = [
      'TradeData_algeria_exports.csv',
      'TradeData_algeria_imports.csv',
      'other-layout/japan-china-trade-data.csv',
    ]
    const years = [
      ...csvRows('comtrade/plus-algeria-exports-total.csv'),
      ...csvRows('comtrade/plus-world-imports-total.csv'),
    ]
      .map((r) => r.period!)
      .sort()

    nextFile = ARCHIVE
    await page.click('[data-test="open-file"]')
    await page.locator('[data-test="source-chooser"]').waitFor()
    expect(await page.textContent('[data-test="source-chooser"] legend')).toBe(
      'This archive holds 3 data files. Files to import:',
    )
    for (const [i, name] of members.entries()) expect(await memberBox(name).isChecked()).toBe(i < 2)
    expect(await page.textContent('[data-test="layout"]')).toContain(
      'Recognised: UN Comtrade (Comtrade Plus)',
    )
    await screenshot(page, 'import-member-choice')
    await page.click('[data-test="import-recognised"]')
    await done().waitFor()
    expect(await done().textContent()).toContain(`${years[0]} to ${years.at(-1)}`)
    const archiveRow = page.locator('[data-test="library"] tbody tr', { hasText: 'comtrade-plus-two' })
    expect(await archiveRow.locator('strong').textContent()).toBe('comtrade-plus-two-downloads.zip')

    // Again, now the Japanese customs file alone: its layout is not known, so the mapping dialog.
    const japan = csvRows('customs/japan-china-trade-data.csv', ';')
    const values = japan.flatMap((r) => [r.Exports, r.Imports]).filter((v) => v !== undefined && v !== '')
    await page.click('[data-test="open-file"]')
    await page.locator('[data-test="source-chooser"]').waitFor()
    await memberBox(members[2]!).check()
    await settled()
    await memberBox(members[0]!).uncheck()
    await settled()
    await memberBox(members[1]!).uncheck()
    await settled()
    // The last file cannot be unticked: one file at least.
    await memberBox(members[2]!).click()
    expect(await page.textContent('[data-test="source-chooser"] [role="alert"]')).toBe(
      'Choose at least one file.',
    )
    expect(await memberBox(members[2]!).isChecked()).toBe(true)
    const dialog = page.locator('[data-test="mapping-dialog"]')
    await dialog.waitFor()
    expect(await dialog.locator('[data-test="preview"] thead').textContent()).toBe('DateExportsImports')
    await dialog.locator('[data-test="reporter-code"]').fill('JPN')
    await dialog.locator('[data-test="partner-code"]').fill('CHN')
    await dialog.locator('[data-test="unit-label"]').fill('JPY thousand')
    await screenshot(page, 'import-member-mapping')
    await dialog.locator('[data-test="confirm-mapping"]').click()
    await done().waitFor()
    expect(await done().textContent()).toContain(
      `${values.length.toLocaleString('en-US')} rows, Jan 2001 to ${
        japan.at(-1)!.Date === '2019/12' ? 'Dec 2019' : japan.at(-1)!.Date
      }`,
    )
    const japanRow = page.locator('[data-test="library"] tbody tr', { hasText: 'japan-china-trade-data' })
    expect(await japanRow.locator('strong').textContent()).toBe(
      'comtrade-plus-two-downloads.zip (other-layout/japan-china-trade-data.csv)',
    )
    expect(await page.locator('[data-test="library"] tbody tr').count()).toBe(3)
  })

  it('in Chinese, dark: the same choices, in Chinese', async () => {
    const zh = await browser.newPage({ locale: 'zh-CN', colorScheme: 'dark' })
    await zh.goto(app.server.url)
    await zh.click('nav >> text=导入')
    nextFile = WORKBOOK
    await zh.click('[data-test="open-file"]')
    await zh.locator('[data-test="source-sheet"]').waitFor()
    expect(await zh.textContent('[data-test="source-chooser"]')).toContain(
      '此工作簿有 2 个工作表。要导入的工作表：',
    )
    expect(await zh.textContent('[data-test="import-recognised"]')).toBe('导入')
    await screenshot(zh, 'import-sheet-choice-zh-dark')
    nextFile = ARCHIVE
    // A new file replaces the one waiting for a choice.
    await zh.click('[data-test="open-file"]')
    await zh.locator('[data-test="source-chooser"] fieldset').waitFor()
    expect(await zh.textContent('[data-test="source-chooser"] legend')).toBe(
      '此压缩包含有 3 个数据文件。要导入的文件：',
    )
    await screenshot(zh, 'import-member-choice-zh-dark')
  })

  it('logged no page errors, and nothing left the app origin', () => {
    expect(browser.pageErrors).toEqual([])
    browser.assertOffline()
  })
})
