/**
 * The breakdown under the Explorer's chart is part of the view state: drilled two levels into the
 * products of a real Comtrade download (section XVI → chapter 85) and shown as the treemap, the same
 * picture at the same level comes back from the address (a reload), from a saved snapshot (reopened
 * after the user moved on), from the exported snapshot folder, and from the autosaved session in a
 * fresh window; undo steps back up the drill-down.
 *
 * The file: Thailand's imports of HS 8542 by partner (tests/fixtures/real/README.md), as in
 * exploreComtrade.test.ts; its only heading is 8542, in chapter 85 of section XVI.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import { parseSnapshot } from '../../electron/shared/snapshotParse'
import { launchBrowser, screenshot, type TestBrowser } from '../support/browser'
import { importThroughUi } from '../support/explorerWalk'
import { stepsInOrder } from '../support/steps'
import { repoRoot, startWebApp, type WebApp } from '../support/webApp'

const FILE = join(repoRoot, 'tests', 'fixtures', 'real', 'comtrade', 'plus-thailand-hs8542-imports.csv')
const ID = 'plus-thailand-hs8542-imports'
const DRILLED = { by: 'product', picture: 'treemap', top: 10, drill: 'hs85' }

/** Thailand's imports of 8542 from China in the file's latest year, read independently of the app. */
const rows = Papa.parse<Record<string, string>>(readFileSync(FILE, 'latin1'), {
  header: true,
  skipEmptyLines: true,
}).data.filter((r) => r.flowCode === 'M' && r.cmdCode === '8542' && r.partnerISO === 'CHN')
const latest = rows
  .map((r) => r.refYear!)
  .sort()
  .at(-1)!
const fromChina = Number(rows.find((r) => r.refYear === latest)!.primaryValue)

let app: WebApp
let browser: TestBrowser
let page: Page
let nextFile: string | null = null
let exportTarget: string | null = null
const work = mkdtempSync(join(tmpdir(), 'cte-breakdown-state-'))

/** What the breakdown shows: the picture, the trail of the drill-down and the rectangles drawn. */
async function shown(on: Page = page): Promise<{ picture: string; path: string; drawn: unknown }> {
  const figure = on.locator('[data-test="breakdown-treemap"]')
  await figure.waitFor()
  await on.locator('[data-test="ranking"][aria-busy="false"]').waitFor()
  await expect.poll(async () => (await figure.getAttribute('data-drawn')) ?? '[]').not.toBe('[]')
  return {
    picture: (
      await on.locator('[data-test="ranking"] [role="radio"][aria-checked="true"]').innerText()
    ).trim(),
    path: (await on.locator('[data-test="ranking-path"]').innerText()).replace(/\s+/g, ' ').trim(),
    drawn: JSON.parse((await figure.getAttribute('data-drawn'))!),
  }
}
const expected = {
  picture: 'Treemap',
  drawn: [{ code: 'hs8542', value: fromChina }],
}

beforeAll(async () => {
  app = await startWebApp({
    chooseFile: async () => nextFile,
    snapshotPlatform: { chooseExportTarget: async () => exportTarget, chooseSnapshotFile: async () => null },
  })
  browser = await launchBrowser(app.server.origin)
  page = await browser.newPage({ width: 1280, height: 1000 })
  await page.goto(app.server.url)
  nextFile = FILE
  await importThroughUi(page, { id: ID })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  rmSync(work, { recursive: true, force: true })
})

describe('the drill-down level and the picture are kept with the view', () => {
  stepsInOrder()

  let path = ''

  it('drills two levels, shows the treemap, and the address holds all of it', async () => {
    await page.click('nav >> text=Explorer')
    await page.locator(`[data-test="dataset"] option[value="${ID}"]`).waitFor({ state: 'attached' })
    await page.selectOption('[data-test="dataset"]', ID)
    await page.fill('[data-test="partner-filter"]', 'China')
    await page.click('[data-test="partner-china"]')
    await page.click('[data-test="partner-world"]')
    await page.click('[data-test="drill-hs_s16"]')
    await page.click('[data-test="drill-hs85"]')
    await page.click('[data-test="show-treemap"]')
    const now = await shown()
    expect(now).toMatchObject(expected)
    expect(now.path).toContain('HS 85')
    path = now.path
    const address = new URLSearchParams(new URL(page.url()).hash.split('?')[1])
    expect(Object.fromEntries(['by', 'picture', 'top', 'drill'].map((k) => [k, address.get(k)]))).toEqual({
      ...DRILLED,
      top: '10',
    })
    await screenshot(page, 'breakdown-state-drilled')
  })

  it('undo steps back up the drill-down, one change at a time', async () => {
    // Undo history lives in the window: before any reload.
    await page.keyboard.press('Control+z')
    await page.locator('[data-test="ranking-table"]').waitFor()
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator('[data-test="ranking-path"]').innerText()).not.toContain('HS 85')
    await page.keyboard.press('Control+Shift+z')
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => shown()).toEqual({ ...expected, path })
  })

  it('a reload of the address shows the same picture at the same level', async () => {
    await page.reload()
    await expect.poll(() => shown()).toEqual({ ...expected, path })
  })

  it('a saved snapshot reopens at the same picture and level after the user moved on', async () => {
    await page.click('[data-test="save-snapshot"]')
    await page.fill('[data-test="snapshot-title"]', 'Chips by heading')
    await page.click('[data-test="snapshot-save"]')
    await page.locator('[data-test="save-snapshot-dialog"]').waitFor({ state: 'detached' })
    const [file] = readdirSync(join(app.userDataDir, 'snapshots')).filter((f) => f.endsWith('.ctesnap'))
    const saved = parseSnapshot(JSON.parse(readFileSync(join(app.userDataDir, 'snapshots', file!), 'utf8')))
    expect(saved.ok && saved.snapshot.view.breakdown).toEqual(DRILLED)

    // Moved on: back to all products, as a table.
    await page.click('[data-test="crumb-all"]')
    await page.click('[data-test="show-table"]')
    await page.locator('[data-test="drill-hs_s16"]').waitFor()
    await page.click('nav >> text=Snapshots')
    await page
      .locator('[data-test="snapshot-list"] li', { hasText: 'Chips by heading' })
      .locator('[data-test="snapshot-open"]')
      .click()
    await expect.poll(() => shown()).toEqual({ ...expected, path })
  })

  it('the exported snapshot carries the breakdown, and its README says so', async () => {
    const fresh = await browser.newPage()
    await fresh.goto(`${app.server.url}#/snapshots`)
    exportTarget = join(work, 'chips-export')
    await fresh
      .locator('[data-test="snapshot-list"] li', { hasText: 'Chips by heading' })
      .locator('[data-test="snapshot-folder"]')
      .click()
    await expect
      .poll(() => fresh.locator('[data-test="snapshots-message"]').innerText())
      .toContain('Exported')
    const exported = parseSnapshot(JSON.parse(readFileSync(join(exportTarget, 'snapshot.ctesnap'), 'utf8')))
    expect(exported.ok && exported.snapshot.view.breakdown).toEqual(DRILLED)
    expect(readFileSync(join(exportTarget, 'README.md'), 'utf8')).toContain(
      '- Breakdown: products as a treemap, top 10, drilled into `hs85`',
    )
    await fresh.close()
  })

  it('a fresh window restores it from the autosaved session', async () => {
    // The session is written about a second after the last change (later on a loaded machine).
    const session = join(app.userDataDir, 'session.json')
    await expect
      .poll(() => (existsSync(session) ? JSON.parse(readFileSync(session, 'utf8')).view : null))
      .toMatchObject({ dataset: ID, breakdown: DRILLED })
    const fresh = await browser.newPage({ width: 1280, height: 1000 })
    await fresh.goto(app.server.url)
    await fresh.click('nav >> text=Explorer')
    await expect.poll(() => shown(fresh)).toEqual({ ...expected, path })
    browser.assertOffline()
    expect(browser.pageErrors).toEqual([])
  })
})
