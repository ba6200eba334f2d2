/**
 * Imported datasets in the Explorer, in Chromium against the real services: the dataset picker lists
 * the bundled package and the imported file with their versions, the controls come from the file's own
 * dimensions, and a transform (y/y) runs on the imported series with the same "computed" marks.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import type { Snapshot } from '../../electron/shared/snapshot'
import { launchBrowser, screenshot, type TestBrowser } from '../support/browser'
import { importThroughUi } from '../support/explorerWalk'
import { stepsInOrder } from '../support/steps'
import { repoRoot, startWebApp, type WebApp } from '../support/webApp'

let app: WebApp
let browser: TestBrowser
let page: Page
let nextFile: string | null = null

const fixture = (name: string) => join(repoRoot, 'tests', 'fixtures', 'import', name)

/** Imports a file through "Open file…" and waits for its row in the library table. */
async function importFile(path: string, id: string): Promise<void> {
  nextFile = path
  await importThroughUi(page, { id })
}

let tableBefore: string[] = []
/** The Explorer's table, one text line per row (header included). */
async function tableText(): Promise<string[]> {
  await page.click('[data-test="tab-table"]')
  await page.locator('[data-test="data-table"]').waitFor()
  return page
    .locator('[data-test="data-table"] tr')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()))
}
/** The snapshot files in the library, parsed. */
function snapshotFiles(): Snapshot[] {
  const dir = join(app.userDataDir, 'snapshots')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ctesnap'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Snapshot)
}
async function openSnapshot(title: string): Promise<void> {
  await page.click('nav >> text=Snapshots')
  await page
    .locator('[data-test="snapshot-list"] li', { hasText: title })
    .locator('[data-test="snapshot-open"]')
    .click()
  await page.locator('[data-test="explorer-chart"] canvas').waitFor()
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
  await importFile(fixture('imf-dots-timeseries.csv'), 'imf-dots-timeseries')
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('Explorer over an imported dataset', () => {
  stepsInOrder()

  it('lists the bundled package and the imported file, each with its version', async () => {
    await page.click('nav >> text=Explorer')
    const picker = page.locator('[data-test="dataset"]')
    await picker.waitFor()
    const read = () =>
      picker
        .locator('option')
        .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, (o.textContent ?? '').trim()]))
    // The library's list arrives from the engine process after the picker is drawn.
    await expect
      .poll(async () => (await read()).map(([value]) => value))
      .toEqual(['china-trade', 'imf-dots-timeseries'])
    const options = await read()
    // Each option is the dataset's title; the chosen one's version is under the list (a long title
    // with its version would be cut in the list at 1024 px).
    expect(options[1]![1]).toBe('imf-dots-timeseries.csv')
    await expect
      .poll(() => page.locator('[data-test="dataset-version"]').innerText())
      .toMatch(/^Version \S+$/)
    await page.selectOption('[data-test="dataset"]', 'imf-dots-timeseries')
    await expect
      .poll(() => page.locator('[data-test="dataset-version"]').innerText())
      .toMatch(/^Version 1 \(imported \d{4}-\d\d-\d\d\)$/)
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

  it('names the file’s countries in the reader’s language (CLDR), not the file’s English', async () => {
    const zh = await browser.newPage({ width: 1400, height: 1000, locale: 'zh-CN' })
    await zh.goto(page.url())
    const label = (code: string) => zh.locator(`label:has([data-test="partner-${code}"])`)
    await label('deu').waitFor()
    expect((await label('deu').textContent())!.trim()).toBe('德国')
    expect((await label('us').textContent())!.trim()).toBe('美国')
    await zh.close()
  })

  it('charts China’s exports to the US with y/y computed from the file’s levels, marked computed', async () => {
    await page.click('[data-test="partner-us"]')
    await page.click('[data-test="partner-world"]')
    await page.selectOption('[data-test="transform"]', 'yoy')
    await expect
      .poll(() => page.textContent('[data-test="view-title"]'))
      .toBe('China exports — United States (% y/y)')
    // IMF DOTS, China → United States, USD million: 577,127.5 (2021), 581,766.3 (2022), 500,291.4 (2023):
    // +0.80% in 2022 and −14.0% in 2023; 2021 has no year before it in the file. Newest first.
    expect((581766.3 / 577127.5 - 1) * 100).toBeCloseTo(0.8, 2)
    expect((500291.4 / 581766.3 - 1) * 100).toBeCloseTo(-14.0, 1)
    // The title follows the controls at once; the table, the series asked for (on a loaded machine, later).
    await page.click('[data-test="tab-table"]')
    await expect.poll(() => cells('exports:us:all')).toEqual(['-14%†', '+0.8%†', '—'])
    expect(await page.textContent('.note')).toContain('computed here from published values')
    await screenshot(page, 'explore-imported-yoy')
    await page.click('[data-test="tab-chart"]')
    browser.assertOffline()
    expect(browser.pageErrors).toEqual([])
  })

  it('keeps a note and two snapshots of the imported view: linked (with the file’s hash) and self-contained', async () => {
    await page.click('[data-test="add-note"]')
    await page.fill('[data-test="note-text"]', 'DOTS: the 2023 fall')
    await page.click('[data-test="note-save"]')
    await page.locator('[data-test="note-editor"]').waitFor({ state: 'detached' })
    await expect
      .poll(() => page.locator('[data-test="chart-notes"] li').innerText())
      .toContain('DOTS: the 2023 fall')
    tableBefore = await tableText()

    for (const [title, selfContained] of [
      ['Linked DOTS view', false],
      ['Self-contained DOTS view', true],
    ] as const) {
      await page.click('[data-test="save-snapshot"]')
      await page.fill('[data-test="snapshot-title"]', title)
      if (selfContained) await page.check('[data-test="snapshot-self-contained"]')
      await page.click('[data-test="snapshot-save"]')
      await page.locator('[data-test="save-snapshot-dialog"]').waitFor({ state: 'detached' })
    }
    const saved = snapshotFiles()
    const linked = saved.find((s) => s.title === 'Linked DOTS view')!
    const contained = saved.find((s) => s.title === 'Self-contained DOTS view')!
    const entry = (await app.host.handlers.listImports({})).items.find((d) => d.id === 'imf-dots-timeseries')!
    for (const s of [linked, contained])
      expect(s.datasets).toEqual([
        {
          id: 'imf-dots-timeseries',
          version: expect.stringMatching(/^1 \(imported /),
          fileName: 'imf-dots-timeseries.csv',
          sha256: entry.versions[0]!.sha256,
        },
      ])
    expect(linked.embedded).toBeUndefined()
    expect(contained.embedded?.series.map((e) => e.key)).toEqual(['exports:us:all'])
    // The levels as read from the file, before the y/y transform.
    expect(contained.embedded?.series[0]?.series?.points.map((p) => [p.period, p.value])).toEqual([
      ['2021', 577127.5e6],
      ['2022', 581766.3e6],
      ['2023', 500291.4e6],
    ])
  })

  it('reopens the linked snapshot identical, and says it reads the library', async () => {
    await page.selectOption('[data-test="transform"]', 'none')
    await openSnapshot('Linked DOTS view')
    await expect.poll(tableText).toEqual(tableBefore)
    expect(await page.locator('[data-test="snapshot-kind"]').getAttribute('data-kind')).toBe('linked')
    await expect
      .poll(() => page.locator('[data-test="chart-notes"] li').innerText())
      .toContain('DOTS: the 2023 fall')
  })

  it('after the dataset is deleted: the self-contained copy opens identical, the linked one says what to import', async () => {
    await page.click('nav >> text=Datasets')
    const card = page.locator('[data-dataset="imf-dots-timeseries"]')
    await card.locator('[data-test="delete-dataset"]').click()
    await card.locator('[data-test="delete-dataset-confirm"]').click()
    await card.waitFor({ state: 'detached' })
    expect((await app.host.handlers.listImports({})).items.map((d) => d.id)).not.toContain(
      'imf-dots-timeseries',
    )

    await openSnapshot('Self-contained DOTS view')
    await expect.poll(tableText).toEqual(tableBefore)
    const kind = page.locator('[data-test="snapshot-kind"]')
    expect(await kind.getAttribute('data-kind')).toBe('self-contained')
    expect(await kind.innerText()).toContain(
      'Self-contained snapshot. The chart, the table and the breakdown (ranking, treemap or map) show the data saved in it',
    )
    expect(await page.locator('[data-test="snapshot-reimport"]').innerText()).toContain(
      'The dataset imf-dots-timeseries is not in your library; the snapshot does not need it.',
    )
    await page.click('[data-test="tab-chart"]')
    await expect
      .poll(() => page.locator('[data-test="chart-notes"] li').innerText())
      .toContain('DOTS: the 2023 fall')
    // The banner says the numbers are the saved ones, never "the same in today's data" (there is none).
    expect(await page.locator('[data-test="values-saved"]').innerText()).toContain(
      'This snapshot is self-contained: the numbers shown are the ones saved in it',
    )
    expect(await page.locator('[data-test="values-same"]').count()).toBe(0)
    await screenshot(page, 'explore-self-contained-reopened')

    await openSnapshot('Linked DOTS view')
    await expect
      .poll(() => page.locator('[data-test="snapshot-reimport"]').innerText())
      .toMatch(
        /^The dataset imf-dots-timeseries is not in your library\. Import imf-dots-timeseries\.csv again \(version 1 \(imported \d{4}-\d\d-\d\d\), SHA-256 [0-9a-f]{12}…\) to see this view\.$/,
      )
    browser.assertOffline()
    expect(browser.pageErrors).toEqual([])
  })

  it('breaks a real BACI file down by product: sections → chapter → 4-digit headings, with shares and totals', async () => {
    const baci = join(repoRoot, 'tests', 'fixtures', 'real', 'baci', 'r-export-hs17-2021.csv')
    await importFile(baci, 'r-export-hs17-2021')
    await page.click('nav >> text=Explorer')
    await page.selectOption('[data-test="dataset"]', 'r-export-hs17-2021')
    await page.selectOption('[data-test="reporter"]', 'afg')
    const table = page.locator('[data-test="ranking-table"]')
    await table.waitFor()
    // Afghanistan's exports in the file (BACI: thousands of USD, six-digit rows), summed here.
    const rows = Papa.parse<Record<string, string>>(readFileSync(baci, 'utf8'), { header: true }).data.filter(
      (r) => r.i === '4' && r.k,
    )
    const chapters = new Map<string, number>()
    for (const r of rows) {
      const k = r.k!.trim().padStart(6, '0')
      chapters.set(k.slice(0, 2), (chapters.get(k.slice(0, 2)) ?? 0) + Number(r.v) * 1000)
    }
    const [topChapter] = [...chapters].sort((a, b) => b[1] - a[1])[0]!
    const headings = new Map<string, number>()
    for (const r of rows) {
      const k = r.k!.trim().padStart(6, '0')
      if (k.startsWith(topChapter))
        headings.set(k.slice(0, 4), (headings.get(k.slice(0, 4)) ?? 0) + Number(r.v) * 1000)
    }
    // Drill: the chapter's section, then the chapter, down to its 4-digit headings.
    await page.locator(`[data-test^="drill-hs_s"]`).first().waitFor()
    const sectionCodes = await table
      .locator('tbody tr[data-code^="hs_s"]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))
    expect(sectionCodes.length).toBeGreaterThan(1)
    const path = page.locator('[data-test="ranking-path"]')
    for (const code of sectionCodes) {
      await page.click(`[data-test="drill-${code}"]`)
      await page.locator('[data-test="crumb-all"]').waitFor()
      await table.locator('tbody tr[data-code^="hs"]:not([data-code^="hs_s"])').first().waitFor()
      const found = await table.locator(`tr[data-code="hs${topChapter}"]`).count()
      if (found) break
      await page.click('[data-test="crumb-all"]')
      await expect.poll(() => path.innerText()).not.toContain('›')
    }
    await page.click(`[data-test="drill-hs${topChapter}"]`)
    await expect
      .poll(() =>
        table
          .locator('tbody tr[data-code]')
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code'))),
      )
      .toEqual(
        [...headings]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 10)
          .map(([k]) => `hs${k}`),
      )
    expect(await page.locator('[data-test="ranking-path"]').innerText()).toContain(`HS ${topChapter} `)
    const total = [...headings].reduce((s, [, v]) => s + v, 0)
    expect(await page.locator('[data-test="ranking-total"]').innerText()).toBe(
      total >= 1e9
        ? `$${(total / 1e9).toFixed(1)} bn`
        : total >= 1e6
          ? `$${(total / 1e6).toFixed(1)} mn`
          : `$${total}`,
    )
    await screenshot(page, 'explore-ranking-hs4')
    // A heading, charted over time in the Explorer.
    const first = [...headings].sort((a, b) => b[1] - a[1])[0]![0]
    await page.click(`[data-test="chart-hs${first}"]`)
    await expect.poll(() => page.textContent('[data-test="view-title"]')).toContain(`HS ${first}`)
    expect(browser.pageErrors).toEqual([])
  })
})
