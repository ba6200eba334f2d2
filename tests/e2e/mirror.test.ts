/**
 * The mirror comparison in Chromium against the real services, from real published files
 * (tests/fixtures/real): the US Census Bureau's monthly trade with China (US-reported imports from
 * China) against China's customs figures for its exports to the US (the bundled package), and a
 * UN Comtrade download (China-reported exports to Germany against Germany-reported imports from
 * China), and pairs of separately imported Comtrade downloads, one by China and one by the United States
 * (one year in common, and eleven years in common).
 * Expected numbers are read by this test from the same files with papaparse. A linked snapshot,
 * reopened, is compared with today's data.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { readCsvRecords } from '../../electron/shared/csv'
import type { Snapshot } from '../../electron/shared/snapshot'
import { launchBrowser, screenshot, type TestBrowser } from '../support/browser'
import { importThroughUi } from '../support/explorerWalk'
import { stepsInOrder } from '../support/steps'
import { repoRoot, startWebApp, type WebApp } from '../support/webApp'
import { censusMonths, csvRows, plainNumber, realFile } from '../support/realFiles'
import { zipMember } from '../support/zipMember'

let app: WebApp
let browser: TestBrowser
let page: Page
let nextFile: string | null = null

/** US-reported imports from China by month, USD million, as the Census file prints them. */
const census = new Map([...censusMonths()].map(([period, month]) => [period, month.imports] as const))
/** China-reported exports to the US by month, USD bn, the bundled package's preferred values. */
const bundled = new Map(
  csvRows(join(repoRoot, 'data', 'china-trade', 'partners.csv'))
    .filter((r) => r.series === 'exports_to_us_usd' && r.preferred === 'true')
    .map((r) => [r.period!, Number(r.value)] as const),
)

const nf = (locale: string, digits = 2) =>
  new Intl.NumberFormat(locale, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits === 3 ? 3 : 0,
  })
const mn = (v: number) => `$${nf('en-US').format(v)} mn`
/** A gap: signed, with a true minus sign. */
const signed = (v: number) => (v > 0 ? `+${mn(v)}` : v < 0 ? `−${mn(-v)}` : mn(v))

/** Imports a file through the Import page, answering the mapping dialog where it asks. */
async function importFile(path: string, mapping?: Record<string, string>): Promise<void> {
  nextFile = path
  await importThroughUi(page, { fileName: path.split(/[\\/]/).pop()!, app }, mapping)
}

const datasetOf = async (fileName: string) =>
  (await app.host.handlers.listImports({})).items.find((d) => d.fileName === fileName)!.id

async function row(p: Page, period: string): Promise<Record<string, string>> {
  const tr = p.locator(`[data-test="mirror-table"] tr[data-period="${period}"]`)
  await tr.waitFor()
  const cells = await tr
    .locator('td')
    .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-col'), (td.textContent ?? '').trim()]))
  return Object.fromEntries(cells)
}

let censusId = ''
let comtradeId = ''

beforeAll(async () => {
  app = await startWebApp({ chooseFile: async () => nextFile })
  browser = await launchBrowser(app.server.origin)
  page = await browser.newPage({ width: 1300, height: 1000 })
  await page.goto(app.server.url)
  await importFile(realFile('census/usa-china-trade-data.csv'), {
    'reporter-code': 'USA',
    'partner-code': 'CHN',
    'unit-label': 'USD million',
  })
  await importFile(realFile('comtrade/plus-china-imports-by-partner-2022.csv'))
  censusId = await datasetOf('usa-china-trade-data.csv')
  comtradeId = await datasetOf('plus-china-imports-by-partner-2022.csv')
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('Mirror comparison', () => {
  it('sets China’s customs exports to the US against US Census imports from China, month by month', async () => {
    await page.click('nav >> text=Mirror')
    await page.selectOption('[data-test="mirror-china-dataset"]', 'china-trade')
    await page.selectOption('[data-test="mirror-partner-dataset"]', censusId)
    await page.selectOption('[data-test="mirror-partner"]', 'us')
    await page.locator('[data-test="mirror-chart"] canvas').waitFor()
    // The span both cover: China's series starts in 2018-01, the Census file ends in 2019-12.
    expect(await page.textContent('[data-test="mirror-title"]')).toBe(
      'Mirror: China and United States, Jan 2018 – Dec 2019',
    )
    expect(await page.textContent('[data-test="mirror-units"]')).toContain('USD mn')
    expect(await page.textContent('[data-test="mirror-units"]')).toContain('USD bn')
    // The Census file's stated "USD million" was brought into dollars when it was imported.
    expect(await page.textContent('[data-test="mirror-units"]')).toContain('the partner’s in USD,')
    const periods = [...census.keys()].filter((p) => p >= '2018-01' && p <= '2019-12')
    expect(await page.locator('[data-test="mirror-table"] tbody tr').count()).toBe(periods.length)
    for (const period of periods) {
      const us = census.get(period)!
      const cn = bundled.get(period)
      const r = await row(page, period)
      expect(r.partner).toBe(mn(us))
      if (cn === undefined) {
        // China's side has no value this month: it stays missing, and so do the gap and the ratio.
        expect([r.china, r.gap, r.ratio]).toEqual(['—', '—', '—'])
        continue
      }
      // USD bn → USD million: ×1000 on the printed decimals (two at most), so an integer.
      const cnMillion = Math.round(cn * 1000)
      expect(r.china).toBe(mn(cnMillion))
      // Gap in tenths of a million, the Census file's precision, so the subtraction is exact.
      const gap = (Math.round(us * 10) - cnMillion * 10) / 10
      expect(r.gap).toBe(signed(gap))
      expect(r.ratio).toBe(nf('en-US', 3).format(us / cnMillion))
    }
    const missing = periods.filter((p) => !bundled.has(p)).length
    expect(missing).toBeGreaterThan(0)
    expect(await page.textContent('[data-test="mirror-missing"]')).toContain(`${missing} period(s)`)
    expect(await page.textContent('[data-test="mirror-rules"]')).toContain(
      'partner-reported imports − China-reported exports',
    )
    const why = await page.textContent('[data-test="mirror-why"]')
    for (const word of ['CIF', 'FOB', 'Hong Kong', 'weeks']) expect(why).toContain(word)
    expect(await page.textContent('[data-test="mirror-sources"]')).toContain('usa-china-trade-data.csv')
    await screenshot(page, 'mirror-census-light-en')
    // The choice is in the address: reloading keeps it.
    await page.reload()
    await page.locator('[data-test="mirror-chart"] canvas').waitFor()
    expect(await page.locator('[data-test="mirror-partner-dataset"]').inputValue()).toBe(censusId)
    browser.assertOffline()
  })

  it('says so when the Census file has no annual data, rather than summing months unasked', async () => {
    await page.selectOption('[data-test="mirror-frequency"]', 'year')
    await expect
      .poll(() => page.textContent('[data-test="mirror-partner-error"]'))
      .toContain('no annual data')
    await page.selectOption('[data-test="mirror-frequency"]', 'month')
  })

  it('draws from imported files: a Comtrade download’s China-reported exports to Germany against Germany’s imports', async () => {
    const rows = csvRows(realFile('comtrade/plus-china-imports-by-partner-2022.csv'), 'latin1')
    const cnX = plainNumber(
      rows.find(
        (r) =>
          r.reporterISO === 'CHN' && r.flowCode === 'X' && r.partnerISO === 'DEU' && r.cmdCode === 'TOTAL',
      )!.primaryValue,
    )
    const deM = plainNumber(
      rows.find(
        (r) =>
          r.reporterISO === 'DEU' && r.flowCode === 'M' && r.partnerISO === 'CHN' && r.cmdCode === 'TOTAL',
      )!.primaryValue,
    )
    await page.selectOption('[data-test="mirror-china-dataset"]', comtradeId)
    await page.selectOption('[data-test="mirror-frequency"]', 'year')
    await page.selectOption('[data-test="mirror-partner-dataset"]', comtradeId)
    await page.selectOption('[data-test="mirror-partner"]', 'deu')
    const r = await row(page, '2022')
    expect(await page.textContent('[data-test="mirror-title"]')).toBe('Mirror: China and Germany, 2022')
    // USD → USD million: six places to the left.
    expect(r.china).toBe(mn(cnX / 1e6))
    expect(r.partner).toBe(mn(deM / 1e6))
    expect(r.gap).toBe(signed((deM - cnX) / 1e6))
    expect(r.ratio).toBe(nf('en-US', 3).format(deM / cnX))
    await screenshot(page, 'mirror-comtrade-deu')
  })

  it('two imported files: a side without the chosen frequency says so, and nothing is paired', async () => {
    await page.selectOption('[data-test="mirror-partner-dataset"]', censusId)
    await page.selectOption('[data-test="mirror-partner"]', 'us')
    await page.selectOption('[data-test="mirror-frequency"]', 'month')
    // The Comtrade file is annual only: China's side says so; the Census file (2001–2019) has months.
    await expect.poll(() => page.textContent('[data-test="mirror-china-error"]')).toContain('no monthly data')
    expect(await page.locator('[data-test="mirror-table"]').count()).toBe(0)
    expect(browser.pageErrors).toEqual([])
  })

  for (const colorScheme of ['light', 'dark'] as const)
    for (const locale of ['en-US', 'zh-CN'])
      it(`reads in ${locale}, ${colorScheme}`, async () => {
        const p = await browser.newPage({ colorScheme, locale, width: 1300, height: 1000 })
        await p.goto(
          `${app.server.url}#/mirror?china=china-trade&partnerData=${censusId}&partner=us&freq=month`,
        )
        await p.locator('[data-test="mirror-chart"] canvas').waitFor()
        const title = await p.textContent('[data-test="mirror-title"]')
        if (locale === 'zh-CN') {
          expect(title).toContain('镜像')
          expect(await p.textContent('[data-test="mirror-why"]')).toContain('到岸价')
          expect(await p.textContent('[data-test="mirror-rules"]')).toContain(
            '差额 = 伙伴申报进口 − 中国申报出口',
          )
        } else expect(title).toContain('Mirror')
        await screenshot(p, `mirror-${colorScheme}-${locale}`)
        expect(browser.pageErrors).toEqual([])
      })
})

describe('Mirror exports and snapshots', () => {
  stepsInOrder()

  const mirrorUrl = () =>
    `${app.server.url}#/mirror?china=china-trade&partnerData=${censusId}&partner=us&freq=month`
  const snapshotFiles = (): Snapshot[] => {
    const dir = join(app.userDataDir, 'snapshots')
    return readdirSync(dir)
      .filter((f) => f.endsWith('.ctesnap'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Snapshot)
  }
  const tableText = () =>
    page
      .locator('[data-test="mirror-table"] tr')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()))
  async function openSnapshot(title: string): Promise<void> {
    await page.click('nav >> text=Snapshots')
    await page
      .locator('[data-test="snapshot-list"] li', { hasText: title })
      .locator('[data-test="snapshot-open"]')
      .click()
    await page.locator('[data-test="mirror-view"]').waitFor()
  }
  let tableBefore: string[] = []

  it('exports the table as CSV (both sides, gap and ratio marked computed, with units and sources)', async () => {
    await page.goto(mirrorUrl())
    await page.locator('[data-test="mirror-chart"] canvas').waitFor()
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-test="mirror-export-csv"]'),
    ])
    const [header, ...rows] = readCsvRecords(await readFile((await csvDownload.path())!, 'utf8'), {
      strict: true,
    }).map((r) => r.fields)
    expect(header).toEqual(['period', 'series', 'value', 'unit', 'kind', 'note', 'sources'])
    // June 2019: both sides have the month (the Census file, and China's customs in USD bn).
    const june = rows.filter((r) => r[0] === '2019-06')
    const us = census.get('2019-06')!
    const cn = Math.round(bundled.get('2019-06')! * 1000)
    expect(june.map((r) => r.slice(1, 5))).toEqual([
      ['China-reported exports to United States', String(cn), 'USD mn', 'published'],
      ['United States-reported imports from China', String(us), 'USD mn', 'published'],
      ['Gap (partner − China)', String((Math.round(us * 10) - cn * 10) / 10), 'USD mn', 'computed'],
      ['Ratio (partner ÷ China)', String(us / cn), 'ratio', 'computed'],
    ])
    expect(june[2]![5]).toBe('computed: partner-reported imports − China-reported exports')
    for (const r of june) expect(r[6]).not.toBe('')
    // A month China's side lacks is a missing row, with no gap and no ratio.
    const gapMonth = [...census.keys()].find((p) => p >= '2018-01' && !bundled.has(p))!
    expect(rows.filter((r) => r[0] === gapMonth).map((r) => [r[2], r[4]])).toEqual([
      ['', 'missing'],
      [String(census.get(gapMonth)), 'published'],
      ['', 'missing'],
      ['', 'missing'],
    ])
  })

  it('exports the chart as PNG and SVG through the Explorer’s dialog, with title, units, sources and why they differ', async () => {
    await page.click('[data-test="mirror-export-open"]')
    await page.check('[data-test="export-format-png"]')
    await page.selectOption('[data-test="export-size"]', '800x600')
    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-test="export-run"]'),
    ])
    const png = await readFile((await pngDownload.path())!)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 1200])

    await page.click('[data-test="mirror-export-open"]')
    await page.check('[data-test="export-format-svg"]')
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-test="export-run"]'),
    ])
    expect(svgDownload.suggestedFilename()).toBe('mirror-china-and-united-states-jan-2018-dec-2019.svg')
    const svg = await readFile((await svgDownload.path())!, 'utf8')
    expect(svg.slice(0, 300)).toMatch(/^<svg[^>]*width="800" height="600"/)
    for (const text of [
      'Mirror: China and United States, Jan 2018 – Dec 2019',
      'USD mn',
      'Sources:',
      'CIF',
      'FOB',
      'Hong Kong',
    ])
      expect(svg).toContain(text)
    expect(svg).not.toMatch(/<script|<image/)
    const svgPage = await browser.newPage()
    await svgPage.setContent(svg)
    await screenshot(svgPage, 'mirror-export-svg')
  })

  it('saves a linked and a self-contained snapshot recording both datasets: versions and the imported file’s hash', async () => {
    tableBefore = await tableText()
    for (const [title, selfContained] of [
      ['Linked mirror', false],
      ['Self-contained mirror', true],
    ] as const) {
      await page.click('[data-test="mirror-save-snapshot"]')
      const form = page.locator('[data-test="mirror-snapshot-form"]')
      await form.locator('[data-test="snapshot-title"]').fill(title)
      if (selfContained) await form.locator('[data-test="snapshot-self-contained"]').check()
      await form.locator('[data-test="snapshot-save"]').click()
      await expect.poll(() => form.locator('[data-test="snapshot-saved"]').textContent()).toContain(title)
      await form.getByRole('button', { name: 'Cancel' }).click()
    }
    await screenshot(page, 'mirror-saved')
    const sha256 = createHash('sha256')
      .update(readFileSync(realFile('census/usa-china-trade-data.csv')))
      .digest('hex')
    const bundledVersion = (await app.host.handlers.listDatasets({})).datasets.find(
      (d) => d.id === 'china-trade',
    )!.version
    const saved = snapshotFiles()
    const linked = saved.find((s) => s.title === 'Linked mirror')!
    const contained = saved.find((s) => s.title === 'Self-contained mirror')!
    for (const s of [linked, contained]) {
      expect(s.mirror).toEqual({
        chinaDataset: 'china-trade',
        partnerDataset: censusId,
        partner: 'us',
        frequency: 'month',
      })
      expect(s.datasets).toEqual([
        { id: 'china-trade', version: bundledVersion },
        {
          id: censusId,
          version: expect.stringMatching(/^1 \(imported /),
          fileName: 'usa-china-trade-data.csv',
          sha256,
        },
      ])
      expect(s.numbers.series.map((x) => x.key)).toEqual(['mirror:china', 'mirror:partner', 'mirror:gap'])
    }
    expect(linked.embedded).toBeUndefined()
    const partnerSide = contained.embedded?.series.find((x) => x.key === 'mirror:partner')?.series
    // The Census file's months as read (its whole span, 2001–2019), kept so the mirror redraws without it.
    expect(partnerSide?.points.map((p) => p.period)).toEqual([...census.keys()])
  })

  it('after the partner’s file is deleted: the self-contained copy reopens identical, the linked one says what to import', async () => {
    await page.click('nav >> text=Datasets')
    const card = page.locator(`[data-dataset="${censusId}"]`)
    await card.locator('[data-test="delete-dataset"]').click()
    await card.locator('[data-test="delete-dataset-confirm"]').click()
    await card.waitFor({ state: 'detached' })

    await openSnapshot('Self-contained mirror')
    await expect.poll(tableText).toEqual(tableBefore)
    const kind = page.locator('[data-test="snapshot-kind"]')
    expect(await kind.getAttribute('data-kind')).toBe('self-contained')
    expect(await kind.innerText()).toContain(
      'Self-contained snapshot. The chart and the table show the data saved in it',
    )
    expect(await page.locator('[data-test="snapshot-reimport"]').innerText()).toBe(
      `The dataset ${censusId} is not in your library; the snapshot does not need it.`,
    )
    expect(await page.locator('[data-test="mirror-partner-dataset"]').inputValue()).toBe(censusId)
    await page.locator('[data-test="mirror-chart"] canvas').waitFor()
    await screenshot(page, 'mirror-self-contained-reopened')

    await openSnapshot('Linked mirror')
    await expect
      .poll(() => page.locator('[data-test="snapshot-reimport"]').innerText())
      .toMatch(
        new RegExp(
          `^The dataset ${censusId} is not in your library\\. Import usa-china-trade-data\\.csv again \\(version 1 \\(imported \\d{4}-\\d\\d-\\d\\d\\), SHA-256 [0-9a-f]{12}…\\) to see this view\\.$`,
        ),
      )
    expect(await page.locator('[data-test="snapshot-kind"]').getAttribute('data-kind')).toBe('linked')
    expect(await page.locator('[data-test="mirror-table"]').count()).toBe(0)
    browser.assertOffline()
    expect(browser.pageErrors).toEqual([])
  })
})

/**
 * Two separately imported real files, one per side: China's own report of its exports to the United
 * States (a UN Comtrade download by China, SITC divisions by partner, 2015–2018, zipped whole) and the
 * United States' report of its imports from China (a UN Comtrade download by the US, HS chapters,
 * 2017). Neither file has an all-products row: each side's total is the sum of its products, and the
 * expected numbers are summed here from the files' own bytes.
 */
describe('Mirror from two imported files, one per side', () => {
  stepsInOrder()

  const CHINA_ZIP = realFile('comtrade/legacy-china-sitc-by-partner-2015-2018.zip')
  const US_FILE = realFile('comtrade/legacy-usa-china-hs-chapters-2017.csv')
  const sum = (rows: Record<string, string>[]) =>
    rows.reduce((s, r) => s + plainNumber(r['Trade Value (US$)']), 0)
  let chinaRows: Record<string, string>[] = []
  let cnX = 0
  let usM = 0
  let chinaId = ''
  let usId = ''
  const snapshotDir = () => join(app.userDataDir, 'snapshots')
  const savedSnapshots = () =>
    readdirSync(snapshotDir())
      .filter((f) => f.endsWith('.ctesnap'))
      .map((f) => JSON.parse(readFileSync(join(snapshotDir(), f), 'utf8')) as Snapshot)
  async function openSnapshot(title: string): Promise<void> {
    await page.click('nav >> text=Snapshots')
    await page
      .locator('[data-test="snapshot-list"] li', { hasText: title })
      .locator('[data-test="snapshot-open"]')
      .click()
    await page.locator('[data-test="mirror-view"]').waitFor()
  }

  beforeAll(async () => {
    chinaRows = Papa.parse<Record<string, string>>(
      zipMember(CHINA_ZIP, 'comtrade (1).csv').toString('utf8'),
      {
        header: true,
        skipEmptyLines: true,
      },
    ).data
    // China-reported exports to the US in 2017: the sum of the SITC divisions.
    cnX = sum(
      chinaRows.filter(
        (r) =>
          r['Reporter ISO'] === 'CHN' &&
          r['Trade Flow'] === 'Export' &&
          r['Partner ISO'] === 'USA' &&
          r.Year === '2017',
      ),
    )
    // US-reported imports from China in 2017: the sum of the HS chapters (two in E-notation, as saved).
    usM = sum(
      csvRows(US_FILE).filter(
        (r) =>
          r.Reporter === 'USA' && r.Partner === 'China' && r['Trade Flow'] === 'Import' && r.Year === '2017',
      ),
    )
    await importFile(CHINA_ZIP)
    await importFile(US_FILE)
    chinaId = await datasetOf('legacy-china-sitc-by-partner-2015-2018.zip')
    usId = await datasetOf('legacy-usa-china-hs-chapters-2017.csv')
  })

  it('sets China’s exports to the US from China’s file against US imports from China from the US file, with the gap and ratio computed', async () => {
    expect(chinaId).not.toBe(usId)
    await page.click('nav >> text=Mirror')
    await page.selectOption('[data-test="mirror-china-dataset"]', chinaId)
    await page.selectOption('[data-test="mirror-partner-dataset"]', usId)
    await page.selectOption('[data-test="mirror-frequency"]', 'year')
    // The partners offered are the ones China's file reports exports to.
    await expect
      .poll(() => page.locator('[data-test="mirror-partner"] option').allInnerTexts())
      .toEqual(['Germany', 'Hong Kong', 'Japan', 'South Korea', 'United States'])
    await page.selectOption('[data-test="mirror-partner"]', 'us')
    await page.locator('[data-test="mirror-chart"] canvas').waitFor()
    // China's file covers 2015–2018, the US file 2017: the comparison is over the year both report.
    await expect
      .poll(() => page.textContent('[data-test="mirror-title"]'))
      .toBe('Mirror: China and United States, 2017')
    expect(await page.locator('[data-test="mirror-table"] tbody tr').count()).toBe(1)
    const r = await row(page, '2017')
    expect(r.china).toBe(mn(cnX / 1e6))
    expect(r.partner).toBe(mn(usM / 1e6))
    expect(r.gap).toBe(signed((usM - cnX) / 1e6))
    expect(r.ratio).toBe(nf('en-US', 3).format(usM / cnX))
    // The US reports more than China: imports valued CIF, goods shipped through Hong Kong counted as from China.
    expect(usM).toBeGreaterThan(cnX)

    // The chart draws the same numbers: both reports, the gap (bars) and the ratio.
    const drawn = JSON.parse(
      (await page.locator('[data-test="mirror-chart"]').getAttribute('data-drawn')) ?? '{}',
    ) as { labels: string[]; datasets: { label: string; data: (number | null)[] }[] }
    expect(drawn.labels).toEqual(['2017'])
    const drawnValue = (label: string) => drawn.datasets.find((d) => d.label.startsWith(label))!.data[0]!
    expect(drawn.datasets.map((d) => d.label)).toHaveLength(4)
    expect(drawnValue('China-reported exports to United States')).toBeCloseTo(cnX / 1e6, 6)
    expect(drawnValue('United States-reported imports from China')).toBeCloseTo(usM / 1e6, 6)
    expect(drawnValue('Gap')).toBeCloseTo((usM - cnX) / 1e6, 6)
    expect(drawnValue('Ratio')).toBeCloseTo(usM / cnX, 9)

    const why = await page.textContent('[data-test="mirror-why"]')
    for (const word of ['CIF', 'FOB', 'Hong Kong', 'weeks']) expect(why).toContain(word)
    const sources = await page.textContent('[data-test="mirror-sources"]')
    expect(sources).toContain('legacy-china-sitc-by-partner-2015-2018.zip')
    expect(sources).toContain('legacy-usa-china-hs-chapters-2017.csv')
    await screenshot(page, 'mirror-two-files')
    expect(browser.pageErrors).toEqual([])
  })

  it('a linked snapshot, reopened, compares its numbers with today’s data: the same, or then and now side by side', async () => {
    await page.click('[data-test="mirror-save-snapshot"]')
    const form = page.locator('[data-test="mirror-snapshot-form"]')
    await form.locator('[data-test="snapshot-title"]').fill('Two-file mirror 2017')
    await form.locator('[data-test="snapshot-save"]').click()
    await expect.poll(() => form.locator('[data-test="snapshot-saved"]').textContent()).toContain('2017')
    await form.getByRole('button', { name: 'Cancel' }).click()

    await page.click('nav >> text=Explorer')
    await openSnapshot('Two-file mirror 2017')
    expect(await page.locator('[data-test="snapshot-kind"]').getAttribute('data-kind')).toBe('linked')
    await expect
      .poll(() => page.locator('[data-test="values-same"]').textContent())
      .toContain('Every value in the snapshot is the same in today’s data.')
    expect(await page.locator('[data-test="values-changed"]').count()).toBe(0)

    // The same snapshot as it would read had it been saved from an earlier release of the US file,
    // which said $20 bn less: what changed is listed, then and now, and the version line says why.
    const linked = savedSnapshots().find((s) => s.title === 'Two-file mirror 2017')!
    const earlier = structuredClone(linked)
    earlier.title = 'Two-file mirror, earlier release'
    earlier.datasets = earlier.datasets.map((d) =>
      d.id === usId ? { ...d, version: '0 (imported 2018-06-01)' } : d,
    )
    for (const s of earlier.numbers.series)
      if (s.key !== 'mirror:china')
        for (const p of s.points) p.value = p.value === null ? null : p.value - 20_000
    writeFileSync(join(snapshotDir(), 's-two-file-mirror-earlier.ctesnap'), JSON.stringify(earlier))

    await openSnapshot('Two-file mirror, earlier release')
    await page.locator('[data-test="values-changed"]').waitFor()
    expect(await page.textContent('[data-test="values-changed"]')).toBe(
      '2 value(s) shown differ from today’s data (then and now side by side).',
    )
    expect(await page.locator('[data-test="data-version-changed"]').innerText()).toContain(
      `${usId} was version 0 (imported 2018-06-01)`,
    )
    const change = (key: string) =>
      page.locator(`[data-test="changes"] tr[data-series="${key}"][data-period="2017"]`)
    expect(await page.locator('[data-test="changes"] tbody tr').count()).toBe(2)
    expect(await change('mirror:partner').locator('[data-test="then"]').innerText()).toBe(
      mn(usM / 1e6 - 20_000),
    )
    expect(await change('mirror:partner').locator('[data-test="now"]').innerText()).toBe(mn(usM / 1e6))
    expect(await change('mirror:gap').locator('[data-test="now"]').innerText()).toBe(mn((usM - cnX) / 1e6))
    // China's side is as it was: not listed.
    expect(await change('mirror:china').count()).toBe(0)
    await screenshot(page, 'mirror-snapshot-changed')
    browser.assertOffline()
    expect(browser.pageErrors).toEqual([])
  })

  it('the comparison reads in Chinese, on a dark page', async () => {
    const p = await browser.newPage({ colorScheme: 'dark', locale: 'zh-CN', width: 1300, height: 1000 })
    await p.goto(`${app.server.url}#/snapshots`)
    await p
      .locator('[data-test="snapshot-list"] li', { hasText: 'Two-file mirror, earlier release' })
      .locator('[data-test="snapshot-open"]')
      .click()
    await p.locator('[data-test="values-changed"]').waitFor()
    expect(await p.textContent('[data-test="values-changed"]')).toBe(
      '有 2 个数值与当前数据不同（并列显示当时与现在）。',
    )
    expect(await p.locator('[data-test="changes"] thead').innerText()).toContain('快照中')
    // The series are named in the reader's language, though the snapshot was saved from an English page.
    expect(
      await p.locator('[data-test="changes"] tr[data-series="mirror:partner"] td').first().innerText(),
    ).toBe('美国申报：自中国进口')
    await screenshot(p, 'mirror-snapshot-changed-dark-zh-CN')
    expect(browser.pageErrors).toEqual([])
  })
})

/**
 * Two real UN Comtrade downloads (Comtrade Plus, all commodities), one per side, over many years: China's
 * report of its trade with the United States, 2013–2023, and the United States' report of its trade with
 * China, 2013–2024. The comparison covers the eleven years both report; every expected number is read
 * here from the files' own bytes.
 */
describe('Mirror over several years from two imported files', () => {
  const CHINA_FILE = realFile('comtrade/plus-china-usa-total-2013-2023.csv')
  const US_FILE = realFile('comtrade/plus-usa-china-total-2013-2024.csv')
  /** The file's all-commodities value by year for one reporter and flow. */
  const byYear = (path: string, reporter: string, flow: string) =>
    new Map(
      csvRows(path)
        .filter((r) => r.reporterISO === reporter && r.flowCode === flow && r.cmdCode === 'TOTAL')
        .map((r) => [r.refYear!, plainNumber(r.primaryValue)] as const),
    )

  it('sets China’s exports to the US against US imports from China for every year both files report, with the gap and ratio computed', async () => {
    const cnX = byYear(CHINA_FILE, 'CHN', 'X')
    const usM = byYear(US_FILE, 'USA', 'M')
    const years = [...cnX.keys()].filter((y) => usM.has(y)).sort()
    expect(years).toEqual(Array.from({ length: 11 }, (_, i) => String(2013 + i)))
    // The US file goes one year further: that year has no China side to compare with.
    expect(usM.has('2024') && !cnX.has('2024')).toBe(true)

    await importFile(CHINA_FILE)
    await importFile(US_FILE)
    const chinaId = await datasetOf('plus-china-usa-total-2013-2023.csv')
    const usId = await datasetOf('plus-usa-china-total-2013-2024.csv')
    await page.click('nav >> text=Mirror')
    await page.selectOption('[data-test="mirror-china-dataset"]', chinaId)
    await page.selectOption('[data-test="mirror-partner-dataset"]', usId)
    await page.selectOption('[data-test="mirror-frequency"]', 'year')
    await expect
      .poll(() => page.locator('[data-test="mirror-partner"] option').allInnerTexts())
      .toEqual(['United States'])
    await page.selectOption('[data-test="mirror-partner"]', 'us')
    await page.locator('[data-test="mirror-chart"] canvas').waitFor()
    await expect.poll(() => page.textContent('[data-test="mirror-title"]')).toContain('2013')
    expect(await page.textContent('[data-test="mirror-title"]')).toContain('2023')
    expect(await page.locator('[data-test="mirror-table"] tbody tr').count()).toBe(years.length)
    for (const year of years) {
      const cn = cnX.get(year)!
      const us = usM.get(year)!
      const r = await row(page, year)
      expect(r.china).toBe(mn(cn / 1e6))
      expect(r.partner).toBe(mn(us / 1e6))
      expect(r.gap).toBe(signed((us - cn) / 1e6))
      expect(r.ratio).toBe(nf('en-US', 3).format(us / cn))
    }

    // The chart draws every year: both reports, the gap and the ratio.
    const drawn = JSON.parse(
      (await page.locator('[data-test="mirror-chart"]').getAttribute('data-drawn')) ?? '{}',
    ) as { labels: string[]; datasets: { label: string; data: (number | null)[] }[] }
    expect(drawn.labels).toEqual(years)
    const series = (label: string) => drawn.datasets.find((d) => d.label.startsWith(label))!.data
    years.forEach((year, i) => {
      expect(series('China-reported exports to United States')[i]).toBeCloseTo(cnX.get(year)! / 1e6, 6)
      expect(series('United States-reported imports from China')[i]).toBeCloseTo(usM.get(year)! / 1e6, 6)
      expect(series('Ratio')[i]).toBeCloseTo(usM.get(year)! / cnX.get(year)!, 9)
    })
    const sources = await page.textContent('[data-test="mirror-sources"]')
    expect(sources).toContain('plus-china-usa-total-2013-2023.csv')
    expect(sources).toContain('plus-usa-china-total-2013-2024.csv')
    await screenshot(page, 'mirror-two-files-eleven-years')
    browser.assertOffline()
    expect(browser.pageErrors).toEqual([])
  })
})
