/**
 * Issue 11's walk to HS 4 digits on China's own report, in Chromium against the real services: a real
 * UN Comtrade download by China (its exports to the United States in 2018 at every HS level: 97
 * chapters, 1,106 headings, 4,322 subheadings beside the TOTAL row; tests/fixtures/real/README.md),
 * imported through the Import page. The Explorer shows China's exports to the US in 2018, drills
 * HS section XVI → chapter 85 → its 4-digit headings, checking at each level the values, shares and
 * top 10 + "other" against sums made here from the zip's bytes (the test's own ZIP reader and
 * papaparse); shows the treemap at chapter level (section XI's fourteen chapters) and heading level,
 * each block labelled, and the world map with the US value; adds a note on the drilled view, saves it
 * linked and self-contained, reopens it identical (same drill level and numbers) and opens the
 * self-contained copy after the dataset is deleted. Screenshots in English and Chinese.
 *
 * The file holds one year, so every y/y here is "—". China's exports to one partner over time with
 * y/y are walked on China-reported files with no HS detail: SITC divisions 2015–2018
 * (exploreChinaReported.test.ts) and all commodities 2013–2023 (mirror.test.ts); the same walk on a
 * multi-year HS file, from the mirror side, is exploreComtrade.test.ts.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, screenshot, type TestBrowser } from '../support/browser'
import {
  addNote,
  deleteDataset,
  drawn,
  importThroughUi,
  openDataset,
  openSnapshot,
  percentIn,
  saveSnapshot,
  tableText,
} from '../support/explorerWalk'
import { stepsInOrder } from '../support/steps'
import { repoRoot, startWebApp, type WebApp } from '../support/webApp'
import { zipCsvRows } from '../support/zipMember'

const FILE = join(
  repoRoot,
  'tests',
  'fixtures',
  'real',
  'comtrade',
  'legacy-china-usa-hs-all-levels-2018.zip',
)
const ID = 'legacy-china-usa-hs-all-levels-2018-zip'

/* ——— Expected values, from the zip's bytes ——— */

const rows = zipCsvRows(FILE, 'comtrade_ch_us_ex.csv')
const valueOf = (r: Record<string, string>) => Number(r['Trade Value (US$)'])
const atLevel = (level: string) => rows.filter((r) => r['Aggregate Level'] === level)
const TOTAL = valueOf(rows.find((r) => r['Commodity Code'] === 'TOTAL')!)
const chapters = new Map(atLevel('2').map((r) => [r['Commodity Code']!, valueOf(r)]))
/**
 * The first chapter of each of the HS's 21 sections (WCO, HS 2017 nomenclature); chapter 77 is
 * reserved, 98 and 99 belong to no section.
 */
const SECTION_STARTS = [1, 6, 15, 16, 25, 28, 39, 41, 44, 47, 50, 64, 68, 71, 72, 84, 86, 90, 93, 94, 97, 98]
function sectionOf(chapter: string): number | null {
  const n = Number(chapter)
  const i = SECTION_STARTS.findIndex((start, k) => n >= start && n < (SECTION_STARTS[k + 1] ?? 98))
  return i >= 0 && n < 98 ? i + 1 : null
}
/** Products of one drill level as the ranking names them, with their values. */
type Level = [code: string, value: number][]
const sections: Level = (() => {
  const sums = new Map<string, number>()
  for (const [chapter, value] of chapters) {
    const section = sectionOf(chapter)
    const code = section ? `hs_s${section}` : `hs${chapter}`
    sums.set(code, (sums.get(code) ?? 0) + value)
  }
  return [...sums]
})()
const chaptersOf = (section: number): Level =>
  [...chapters].filter(([c]) => sectionOf(c) === section).map(([c, v]) => [`hs${c}`, v])
const headingsOf = (chapter: string): Level =>
  atLevel('4')
    .filter((r) => r['Commodity Code']!.startsWith(chapter))
    .map((r) => [`hs${r['Commodity Code']}`, valueOf(r)])
const ranked = (level: Level) => [...level].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
const sum = (level: Level) => level.reduce((s, [, v]) => s + v, 0)

/** The drill path: the largest section, its largest chapter, that chapter's headings. */
const largestSection = Number(ranked(sections)[0]![0].slice(4))
const largestChapter = ranked(chaptersOf(largestSection))[0]![0].slice(2)
const largestHeading = ranked(headingsOf(largestChapter))[0]!

/** An amount as a reader writes it (the test's own rounding, one decimal): $119.5 bn, $35.0 mn. */
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const amount = (v: number) =>
  v >= 1e9 ? `$${oneDecimal.format(v / 1e9)} bn` : `$${oneDecimal.format(v / 1e6)} mn`
const TOP = 10

let app: WebApp
let browser: TestBrowser
let page: Page
let tableBefore: string[] = []
let treemapBefore: Awaited<ReturnType<typeof drawn>> = []
let rankingBefore: Awaited<ReturnType<typeof rankingShown>> | null = null
const NOTE = 'Phones and other HS 8517 apparatus: the largest heading of China’s exports to the US in 2018'

/** The ranking table as shown: each row's code, value, share and y/y, "other" and the total. */
async function rankingShown(): Promise<{
  rows: { code: string; value: string; share: string; yoy: string }[]
  other: string[] | null
  total: string
}> {
  const table = page.locator('[data-test="ranking-table"]')
  const rows = await table.locator('tbody tr[data-code]').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())
      return { code: (tr as HTMLElement).dataset.code!, value: cells[1]!, share: cells[2]!, yoy: cells[3]! }
    }),
  )
  const other = table.locator('[data-test="ranking-other"]')
  return {
    rows,
    other: (await other.count())
      ? await other.locator('th, td').evaluateAll((cs) => cs.map((c) => (c.textContent ?? '').trim()))
      : null,
    total: (await table.locator('[data-test="ranking-total"]').textContent())!.trim(),
  }
}

/** Checks the ranking shown against one level summed from the file: top 10 + "other", shares, total. */
async function expectRanking(level: Level): Promise<void> {
  const expected = ranked(level)
  const total = sum(level)
  await expect
    .poll(async () => (await rankingShown()).rows.map((r) => r.code))
    .toEqual(expected.slice(0, TOP).map(([c]) => c))
  const shown = await rankingShown()
  shown.rows.forEach((row, i) => {
    const [, value] = expected[i]!
    expect(row.value).toBe(amount(value))
    expect(percentIn(row.share)).toBeCloseTo((value / total) * 100, 1)
    // One year in the file: no year before it to compare with.
    expect(row.yoy).toBe('—')
  })
  const rest = expected.slice(TOP)
  if (rest.length === 0) expect(shown.other).toBeNull()
  else {
    const restValue = sum(rest)
    expect(shown.other![1]).toBe(`Other (${rest.length})`)
    expect(shown.other![2]).toBe(amount(restValue))
    expect(percentIn(shown.other![3]!)).toBeCloseTo((restValue / total) * 100, 1)
    expect(shown.other![4]).toBe('—')
  }
  expect(shown.total).toBe(amount(total))
}

/** The treemap drawn: the top 10 of a level and "other", exact values, each block named in its table. */
async function expectTreemap(level: Level): Promise<void> {
  const expected = ranked(level)
  const rest = expected.slice(TOP)
  await expect
    .poll(() => drawn(page, 'treemap'))
    .toEqual([
      ...expected.slice(0, TOP).map(([code, value]) => ({ code, value })),
      ...(rest.length ? [{ code: 'other', value: sum(rest) }] : []),
    ])
  const labels = await page
    .locator('[data-test="breakdown-treemap-table"] tbody th')
    .evaluateAll((ths) => ths.map((th) => (th.textContent ?? '').trim()))
  expect(labels).toHaveLength(Math.min(expected.length, TOP) + (rest.length ? 1 : 0))
  // Each block carries its code-list name (not a bare code).
  for (const label of labels) expect(label).toMatch(/[a-z]{4,}/i)
}

beforeAll(async () => {
  app = await startWebApp({ chooseFile: async () => FILE })
  browser = await launchBrowser(app.server.origin)
  page = await browser.newPage({ width: 1400, height: 1100 })
  await page.goto(app.server.url)
  await importThroughUi(page, { id: ID })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('China’s exports to the US at every HS level, drilled to 4 digits', () => {
  stepsInOrder()

  it('the file as the test reads it: one year, the chapters add up to the TOTAL row, section XVI › 85 › 8517 lead', () => {
    expect(new Set(rows.map((r) => r.Year))).toEqual(new Set(['2018']))
    expect(sum([...chapters])).toBe(TOTAL)
    expect(chapters.size).toBe(97)
    expect([largestSection, largestChapter, largestHeading[0]]).toEqual([16, '85', 'hs8517'])
    // The headings of chapter 85 add up to the chapter.
    expect(sum(headingsOf('85'))).toBe(chapters.get('85'))
  })

  it('shows China’s exports to the United States in 2018: the file’s TOTAL row', async () => {
    await openDataset(page, ID)
    // The file has one partner, the United States; the Explorer opens on the World (summed from the
    // file's partners). The controls are rebuilt when the file's dimensions arrive, which can undo a
    // tick made before: tick until the view has the United States.
    await expect
      .poll(async () => {
        const us = page.locator('[data-test="partner-us"]')
        if (!(await us.isChecked())) await us.click()
        return page.textContent('[data-test="view-title"]')
      })
      .toContain('United States')
    if (await page.locator('[data-test="partner-world"]').isChecked())
      await page.click('[data-test="partner-world"]')
    await expect
      .poll(() => page.textContent('[data-test="view-title"]'))
      .toBe('China exports — United States (USD)')
    expect(await page.locator('[data-test="flow-exports"]').isChecked()).toBe(true)
    await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
    await page.click('[data-test="tab-table"]')
    await expect
      .poll(() =>
        page
          .locator('[data-test="data-table"] td[data-series="exports:us:all"]')
          .evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').trim())),
      )
      .toEqual([`${new Intl.NumberFormat('en-US').format(TOTAL)} USD`])
    await page.click('[data-test="tab-chart"]')
    expect(browser.pageErrors).toEqual([])
  })

  it('drills HS section → chapter → 4-digit heading: values, shares, top 10 + other summed from the file', async () => {
    await page.locator('[data-test="ranking-table"]').waitFor()
    await expectRanking(sections)
    expect(await page.locator('[data-test="ranking-caption"]').innerText()).toContain('2018')

    await page.click(`[data-test="drill-hs_s${largestSection}"]`)
    await expectRanking(chaptersOf(largestSection))

    await page.click(`[data-test="drill-hs${largestChapter}"]`)
    await expectRanking(headingsOf(largestChapter))
    const path = await page.locator('[data-test="ranking-path"]').innerText()
    expect(path).toMatch(/^All products › .+ › .+$/)
    expect(path).toContain('XVI')
    // Headings drill on to the file's 6-digit subheadings.
    expect(await page.locator(`[data-test="drill-${largestHeading[0]}"]`).count()).toBe(1)

    // The largest heading charted over time: its exact value in the Explorer's table.
    await page.click(`[data-test="chart-${largestHeading[0]}"]`)
    await expect.poll(() => page.textContent('[data-test="view-title"]')).toContain('8517')
    await page.click('[data-test="tab-table"]')
    await expect
      .poll(() =>
        page
          .locator(`[data-test="data-table"] td[data-series="exports:us:${largestHeading[0]}"]`)
          .evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').trim())),
      )
      .toEqual([`${new Intl.NumberFormat('en-US').format(largestHeading[1])} USD`])
    await page.click('[data-test="tab-chart"]')
    // Charting a heading keeps the drill-down where it was.
    await expectRanking(headingsOf(largestChapter))
    await screenshot(page, 'explore-china-hs-drill')
    expect(browser.pageErrors).toEqual([])
  })

  it('shows the treemap at chapter level (section XI’s chapters) and heading level, each block labelled', async () => {
    // Section XI, textiles: fourteen chapters, many blocks.
    await page.click('[data-test="crumb-all"]')
    await page.click('[data-test="drill-hs_s11"]')
    await page.click('[data-test="show-treemap"]')
    await page.locator('[data-test="breakdown-treemap"] canvas').waitFor()
    await expectTreemap(chaptersOf(11))
    await screenshot(page, 'explore-china-hs-treemap-chapters')

    // Back to all products, then down the treemap by keyboard: the largest block each time.
    await page.click('[data-test="crumb-all"]')
    await expectTreemap(sections)
    const figure = page.locator('[data-test="breakdown-treemap-figure"]')
    for (const level of [chaptersOf(largestSection), headingsOf(largestChapter)]) {
      await figure.focus()
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('Enter')
      await expectTreemap(level)
    }
    await screenshot(page, 'explore-china-hs-treemap-headings')
    browser.assertOffline()
    expect(browser.pageErrors).toEqual([])
  })

  it('shows the world map with the United States at its value', async () => {
    await page.click('[data-test="show-map"]')
    await page.locator('[data-test="breakdown-map"] canvas').waitFor()
    // The partners of the charted heading: the file's one partner, shaded on its country.
    await expect
      .poll(() => drawn(page, 'map'))
      .toEqual([{ code: 'us', value: largestHeading[1], shaded: true }])
    await screenshot(page, 'explore-china-hs-map')
    // Back to the drilled treemap, the view the note and snapshots keep.
    await page.click('[data-test="show-treemap"]')
    await expectTreemap(headingsOf(largestChapter))
    expect(browser.pageErrors).toEqual([])
  })

  it('in Chinese: the drilled treemap, the ranking and the map', async () => {
    const zh = await browser.newPage({ width: 1400, height: 1100, locale: 'zh-CN' })
    await zh.goto(page.url())
    await zh.locator('[data-test="breakdown-treemap"] canvas').waitFor()
    await zh.locator('[data-test="breakdown-treemap-figure"][aria-busy="false"]').waitFor()
    await screenshot(zh, 'explore-china-hs-treemap-headings-zh')
    await zh.click('[data-test="show-table"]')
    await zh.locator('[data-test="ranking-table"]').waitFor()
    await screenshot(zh, 'explore-china-hs-drill-zh')
    await zh.click('[data-test="show-map"]')
    await zh.locator('[data-test="breakdown-map"] canvas').waitFor()
    await screenshot(zh, 'explore-china-hs-map-zh')
    await zh.close()
    expect(browser.pageErrors).toEqual([])
  })

  it('keeps a note and snapshots of the drilled view, reopens it identical, and opens its self-contained copy after the dataset is deleted', async () => {
    await addNote(page, NOTE)
    tableBefore = await tableText(page)
    await page.click('[data-test="tab-chart"]')
    treemapBefore = await drawn(page, 'treemap')
    const pathBefore = await page.locator('[data-test="ranking-path"]').innerText()
    const captionBefore = await page.locator('[data-test="ranking-caption"]').innerText()
    await saveSnapshot(page, 'Linked HS 85 view', false)
    await saveSnapshot(page, 'Self-contained HS 85 view', true)

    const expectSame = async () => {
      await expect.poll(() => tableText(page)).toEqual(tableBefore)
      await page.click('[data-test="tab-chart"]')
      await expect.poll(() => page.locator('[data-test="chart-notes"] li').innerText()).toContain(NOTE)
    }
    const expectSameBreakdown = async () => {
      await expect.poll(() => page.locator('[data-test="ranking-path"]').innerText()).toBe(pathBefore)
      await expect.poll(() => drawn(page, 'treemap')).toEqual(treemapBefore)
      expect(await page.locator('[data-test="ranking-caption"]').innerText()).toBe(captionBefore)
    }
    // Another view first, so reopening has something to restore.
    await page.click('[data-test="crumb-all"]')
    await expectTreemap(sections)
    await openSnapshot(page, 'Linked HS 85 view')
    await expectSame()
    await expectSameBreakdown()
    // The treemap's own ranking as a table (the same query): rows, shares, y/y, "other" and total.
    await page.click('[data-test="show-table"]')
    await expectRanking(headingsOf(largestChapter))
    rankingBefore = await rankingShown()

    await deleteDataset(page, ID)
    await openSnapshot(page, 'Self-contained HS 85 view')
    const kind = page.locator('[data-test="snapshot-kind"]')
    expect(await kind.getAttribute('data-kind')).toBe('self-contained')
    expect(await kind.innerText()).toContain(
      'the breakdown (ranking, treemap or map) show the data saved in it',
    )
    await expectSame()
    // The breakdown panel without the dataset: the same drill level, treemap and ranking, from the file.
    await expectSameBreakdown()
    await page.click('[data-test="show-table"]')
    await expectRanking(headingsOf(largestChapter))
    expect(await rankingShown()).toEqual(rankingBefore)
    expect(await page.locator('[data-test="ranking-error"]').count()).toBe(0)
    browser.assertOffline()
    expect(browser.pageErrors).toEqual([])
  })
})
