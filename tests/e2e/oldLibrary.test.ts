/**
 * A user who upgrades, in Chromium: the library an earlier version of the app wrote from the real WTO
 * Stats file (tests/fixtures/library-rules-1/1f43187, quarters read as their years) is opened by
 * today's app. The Datasets page and the Explorer over that dataset say, in English and Chinese, what
 * is out of date and that importing the same file again mends it; the link goes to the Import page,
 * and importing the file there makes a new version of the same dataset, after which nothing is said.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, type TestBrowser } from './importSupport'
import { repoRoot, startWebApp, type WebApp } from '../support/webApp'

const FILE = join(repoRoot, 'tests', 'fixtures', 'real', 'wto', 'WtoData_algeria.csv')
const DATASET = 'wtodata-algeria'

let app: WebApp
let browser: TestBrowser
let page: Page
let userDataDir: string

beforeAll(async () => {
  userDataDir = mkdtempSync(join(tmpdir(), 'cte-e2e-old-library-'))
  cpSync(join(repoRoot, 'tests', 'fixtures', 'library-rules-1', '1f43187'), join(userDataDir, 'library'), {
    recursive: true,
  })
  app = await startWebApp({ userDataDir, chooseFile: async () => FILE })
  browser = await launchBrowser(app.server.origin)
  page = await browser.newPage({ width: 1400, height: 1000 })
  await page.goto(app.server.url)
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true })
})

const notice = (p: Page) => p.locator('[data-test="outdated-dataset"]')

describe('a dataset imported by an earlier version of the app', () => {
  it('the Datasets page says what is out of date and that importing the same file again mends it', async () => {
    await page.click('nav >> text=Datasets')
    const card = page.locator(`[data-dataset="${DATASET}"]`)
    await card.waitFor()
    const text = await card.locator('[data-test="outdated-dataset"]').innerText()
    expect(text).toContain('Imported by an earlier version of the app')
    expect(text).toContain(
      "The file's quarterly exports and imports were added up into years. Importing the same file again charts them as quarters.",
    )
    expect(text).toContain('Import WtoData_algeria.csv again')
    expect(text).not.toMatch(/library[\\/]|\.parquet|\/home\/|quartersAsYears/)
    // The bundled package says nothing of the kind.
    expect(await notice(page).count()).toBe(1)
  })

  it('the Explorer over it says the same, in Chinese too', async () => {
    await page.click('nav >> text=Explorer')
    await page.locator('[data-test="dataset"]').waitFor()
    await expect.poll(() => notice(page).count()).toBe(0)
    await page.selectOption('[data-test="dataset"]', DATASET)
    await notice(page).waitFor()
    expect(await notice(page).innerText()).toContain('were added up into years')

    const zh = await browser.newPage({ locale: 'zh-CN', width: 1400, height: 1000 })
    await zh.goto(page.url())
    await notice(zh).waitFor()
    const text = await notice(zh).innerText()
    expect(text).toContain('由本应用的早期版本导入')
    expect(text).toContain('重新导入同一文件后即可按季度绘制')
    expect(text).toContain('重新导入 WtoData_algeria.csv')
    await zh.close()
  })

  it('its link opens the Import page, where importing the file again makes a new version of the same dataset', async () => {
    await page.click('[data-test="outdated-reimport"]')
    await page.locator('[data-test="open-file"]').waitFor()
    await page.click('[data-test="open-file"]')
    const versions = page.locator(`[data-test="library"] [data-dataset="${DATASET}"] [data-test="versions"]`)
    await expect.poll(() => versions.innerText(), { timeout: 60_000 }).toBe('2')
    expect(await page.locator('[data-test="library"] [data-dataset]').count()).toBe(1)
    await page.click('nav >> text=Datasets')
    await page.locator(`[data-dataset="${DATASET}"]`).waitFor()
    await expect.poll(() => notice(page).count()).toBe(0)
  })
})
