/**
 * The world-share calculator with world exports from an imported file, in Chromium against the real
 * services: a real World Bank WDI download (exports of goods and services, current US$) is imported
 * through the Import page, then chosen as the calculator's base; the share shown is checked against
 * China ÷ World computed here from the file's own bytes (papaparse), never from the app. The file's
 * name, version and hash stand beside the numbers, and a snapshot records them.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import type { Snapshot } from '../../electron/shared/snapshot'
import { launchBrowser, screenshot, type TestBrowser } from '../support/browser'
import { repoRoot, startWebApp, type WebApp } from '../support/webApp'
import { zipMember } from '../support/zipMember'

const ZIP = join(repoRoot, 'tests', 'fixtures', 'real', 'wdi', 'API_NE.EXP.GNFS.CD_DS2_en_csv_v2_3025.zip')

let app: WebApp
let browser: TestBrowser
let page: Page
let nextFile: string | null = null

/** The one member of the archive, as text (read with zlib, not with the app's reader). */
const memberText = async () =>
  zipMember(ZIP, 'API_NE.EXP.GNFS.CD_DS2_en_csv_v2_3025.csv')
    .toString('utf8')
    .replace(/^\uFEFF/, '')

/** China's and the World's rows of the WDI table: year → value (empty cells are no value). */
async function wdiRows(): Promise<{ china: Map<string, number>; world: Map<string, number> }> {
  const lines = (await memberText()).split(/\r?\n/)
  const start = lines.findIndex((l) => l.startsWith('"Country Name"'))
  const rows = Papa.parse<Record<string, string>>(lines.slice(start).join('\n'), {
    header: true,
    skipEmptyLines: true,
  }).data
  const row = (code: string) => {
    const r = rows.find((x) => x['Country Code'] === code)!
    return new Map(
      Object.entries(r)
        .filter(([k, v]) => /^\d{4}$/.test(k) && v !== '')
        .map(([k, v]) => [k, Number(v)]),
    )
  }
  return { china: row('CHN'), world: row('WLD') }
}

const snapshots = (): Snapshot[] => {
  const dir = join(app.userDataDir, 'snapshots')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ctesnap'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Snapshot)
}

beforeAll(async () => {
  app = await startWebApp({ chooseFile: async () => nextFile })
  browser = await launchBrowser(app.server.origin)
  page = await browser.newPage({ width: 1400, height: 1000 })
  await page.goto(app.server.url)
  await page.click('nav >> text=Import')
  nextFile = ZIP
  // A recognised layout is imported at once.
  await page.click('[data-test="open-file"]')
  await page.locator('[data-test="library"] tbody tr', { hasText: 'API_NE.EXP.GNFS.CD' }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('World-share calculator from an imported WDI file', () => {
  it('takes China’s and world exports from the file, shows the share with the file’s name and version, and a snapshot records the file', async () => {
    const { china, world } = await wdiRows()
    // The latest year both rows have: the base year the calculator must pick.
    const year = [...china.keys()]
      .filter((y) => world.has(y))
      .sort()
      .at(-1)!
    const share = (china.get(year)! / world.get(year)!) * 100

    await page.click('nav >> text=Calculators')
    await page.click('[data-test="tab-worldShare"]')
    await page.locator('[data-test="ws-base-year"]').waitFor()
    await page.selectOption('[data-test="ws-base-year"]', 'imported')
    const box = page.locator('[data-test="ws-imported"]')
    await box.waitFor()
    // The file's dimensions are read first (on a busy machine that takes more than a poll's default second).
    await page.locator('[data-test="ws-imported-file"]').waitFor()
    // The reporters come from the file's own dimensions: the World and China rows, found by their codes.
    await expect
      .poll(() => page.locator('[data-test="ws-imported-world"] option:checked').innerText())
      .toBe('World')
    expect(await page.locator('[data-test="ws-imported-china"] option:checked').innerText()).toBe('China')
    const dataset = await page.locator('[data-test="ws-imported-dataset"]').inputValue()
    // The first import of this file: version 1 (the library's Versions column says 1).
    const file = await page.locator('[data-test="ws-imported-file"]').innerText()
    expect(file).toMatch(/^API_NE\.EXP\.GNFS\.CD_DS2_en_csv_v2_3025\.zip, version 1\b/)
    const sha = createHash('sha256').update(readFileSync(ZIP)).digest('hex')
    expect(file).toContain(`SHA-256 ${sha.slice(0, 12)}`)

    const base = page.locator('[data-test="ws-base"]')
    await expect.poll(() => base.innerText()).toContain(`(${year})`)
    expect(await base.locator('strong').innerText()).toBe(`${share.toFixed(2)}%`)
    expect(await base.locator('[data-test="computed-share"]').innerText()).toContain(
      'China’s exports ÷ world exports × 100',
    )
    await screenshot(page, 'calc-world-share-imported')

    // A snapshot keeps the calculator with the file's id, version and hash, and the share it showed.
    await page.click('nav >> text=Explorer')
    await page.click('[data-test="save-snapshot"]')
    await page.fill('[data-test="snapshot-title"]', 'Share from WDI')
    await page.click('[data-test="snapshot-save"]')
    await page.locator('[data-test="save-snapshot-dialog"]').waitFor({ state: 'detached' })
    const saved = snapshots().find((s) => s.title === 'Share from WDI')!
    const recorded = saved.calculators!.worldShare.importedBase!
    expect(recorded.dataset).toBe(dataset)
    expect(recorded.version).toMatch(/^1\b/)
    expect(file).toContain(`version ${recorded.version}`)
    expect(recorded.sha256).toBe(sha)
    expect(saved.calculators!.outputs!.worldShare!.baseSharePct).toBeCloseTo(share, 10)
  })
})
