/**
 * A user who upgrades, in Chromium: the library an earlier version of the app wrote from the real WTO
 * Stats file (tests/fixtures/library-rules-1/1f43187, quarters read as their years) is opened by
 * today's app. The Datasets page and the Explorer over that dataset say, in English and Chinese, what
 * is out of date and that importing the same file again mends it. One click imports it again where the
 * file is still where it was imported from; where it is not, the Import page says so and what to do,
 * and choosing it there makes a new version of the same dataset, after which nothing is said.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, screenshot, type TestBrowser } from './importSupport'
import { repoRoot, startWebApp, type WebApp } from '../support/webApp'

const FILE = join(repoRoot, 'tests', 'fixtures', 'real', 'wto', 'WtoData_algeria.csv')
const DATASET = 'wtodata-algeria'

let app: WebApp
let browser: TestBrowser
let page: Page
let userDataDir: string
/** How often the open dialog was shown. */
let dialogs = 0

/**
 * The earlier version's library in a fresh user-data folder. As made, it records the file at
 * /home/user/Downloads (not on this machine: moved since); `originalAt` puts the file there instead.
 */
function upgradedLibrary(originalAt?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cte-e2e-old-library-'))
  cpSync(join(repoRoot, 'tests', 'fixtures', 'library-rules-1', '1f43187'), join(dir, 'library'), {
    recursive: true,
  })
  if (originalAt) {
    const manifest = join(dir, 'library', 'library.json')
    const text = readFileSync(manifest, 'utf8')
    writeFileSync(manifest, text.replace('/home/user/Downloads/WtoData_algeria.csv', originalAt))
  }
  return dir
}

beforeAll(async () => {
  userDataDir = upgradedLibrary()
  app = await startWebApp({ userDataDir, chooseFile: async () => (dialogs++, FILE) })
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

  it('its file moved since: the Import page says so and what to do, in Chinese too; the file chosen there makes a new version of the same dataset', async () => {
    const missing = (p: Page) => p.locator('[data-test="reimport-missing"]')
    const zh = await browser.newPage({ locale: 'zh-CN', width: 1400, height: 1000 })
    await zh.goto(page.url())
    await zh.locator('[data-test="outdated-reimport"]').click()
    await missing(zh).waitFor()
    expect(await missing(zh).innerText()).toContain('WtoData_algeria.csv 已不在导入时的位置')
    await screenshot(zh, 'old-library-reimport-moved-zh-CN')
    await zh.close()

    await page.click('[data-test="outdated-reimport"]')
    await missing(page).waitFor()
    const text = await missing(page).innerText()
    expect(text).toContain('WtoData_algeria.csv is no longer where it was imported from')
    expect(text).toContain('Choose it with Open file… where it is now')
    expect(text).not.toMatch(/\/home\/|Downloads/)
    // Nothing was imported, and no dialog opened by itself.
    const versions = page.locator(`[data-test="library"] [data-dataset="${DATASET}"] [data-test="versions"]`)
    expect(await versions.innerText()).toBe('1')
    expect(dialogs).toBe(0)
    await screenshot(page, 'old-library-reimport-moved')

    await page.click('[data-test="open-file"]')
    await expect.poll(() => versions.innerText(), { timeout: 60_000 }).toBe('2')
    // The one dialog the click opened, and no other: a dialog opened by itself, before the notice or
    // after it, counts here whatever the order it came in.
    expect(dialogs).toBe(1)
    expect(await page.locator('[data-test="library"] [data-dataset]').count()).toBe(1)
    expect(await missing(page).count()).toBe(0)
    await page.click('nav >> text=Datasets')
    await page.locator(`[data-dataset="${DATASET}"]`).waitFor()
    await expect.poll(() => notice(page).count()).toBe(0)
  })
})

describe('a dataset imported by an earlier version of the app, its file where it was imported from', () => {
  let second: WebApp
  let secondBrowser: TestBrowser
  let dir: string
  let downloads: string
  let opened = 0

  beforeAll(async () => {
    downloads = mkdtempSync(join(tmpdir(), 'cte-e2e-downloads-'))
    mkdirSync(downloads, { recursive: true })
    copyFileSync(FILE, join(downloads, 'WtoData_algeria.csv'))
    dir = upgradedLibrary(join(downloads, 'WtoData_algeria.csv'))
    second = await startWebApp({ userDataDir: dir, chooseFile: async () => (opened++, null) })
    secondBrowser = await launchBrowser(second.server.origin)
  })

  afterAll(async () => {
    await secondBrowser?.close()
    await second?.close()
    for (const d of [dir, downloads]) if (d) rmSync(d, { recursive: true, force: true })
  })

  it('one click on the notice imports it again: a new version of the same dataset, no dialog, and the notice is gone', async () => {
    const p = await secondBrowser.newPage({ width: 1400, height: 1000 })
    await p.goto(second.server.url)
    await p.click('nav >> text=Datasets')
    await notice(p).waitFor()
    await p.click('[data-test="outdated-reimport"]')
    await p.locator('[data-test="import-done"]').waitFor({ timeout: 60_000 })
    const versions = p.locator(`[data-test="library"] [data-dataset="${DATASET}"] [data-test="versions"]`)
    expect(await versions.innerText()).toBe('2')
    expect(opened).toBe(0)
    await screenshot(p, 'old-library-reimport-one-click')
    await p.click('nav >> text=Datasets')
    await p.locator(`[data-dataset="${DATASET}"]`).waitFor()
    await expect.poll(() => notice(p).count()).toBe(0)
    // Still no dialog, now that the import and the pages after it are done.
    expect(opened).toBe(0)
    secondBrowser.assertOffline()
  })
})
