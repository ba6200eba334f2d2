/**
 * Every calculator with its inputs from imported files, in Chromium against the real services, each
 * file imported through the Import page:
 * - world share: a real World Bank WDI download (exports of goods and services, current US$) as the base;
 * - full year: a real US Census table of US trade in goods with China by month;
 * - partner mix: a real UN Comtrade download of China's trade by partner in 2022;
 * - yuan: the Census file is in dollars, and the yuan view says it has no yuan series (nothing converted);
 * - full year without a balance column: a real Statistics Korea table of Korea's trade with China by
 *   month (exports and imports only): each month's balance computed as exports − imports, marked so.
 * Each result shown is checked against a figure computed here from the file's own bytes (papaparse and
 * plain sums), never from the app; each file's name and version stand beside the numbers, and a
 * snapshot records the files (id, version, hash) and the outputs.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import type { Page, Request } from 'playwright-core'
import type { Snapshot } from '../../electron/shared/snapshot'
import { API_PREFIX } from '../../electron/web/wire'
import { holdCall, launchBrowser, screenshot, type TestBrowser } from '../support/browser'
import { importThroughUi } from '../support/explorerWalk'
import { startWebApp, type WebApp } from '../support/webApp'
import { censusMonths, csvRows, plainNumber, realFile } from '../support/realFiles'
import { zipMember } from '../support/zipMember'

const ZIP = realFile('wdi/API_NE.EXP.GNFS.CD_DS2_en_csv_v2_3025.zip')
const CENSUS = realFile('census/usa-china-trade-data.csv')
const COMTRADE = realFile('comtrade/plus-china-imports-by-partner-2022.csv')
const KOREA = realFile('customs/korea-china-trade-data.csv')

/** A number as the page shows it ("$1,234.5 bn", "−$3 bn") → 1234.5. */
const shown = (text: string) => Number(text.replace(/[−–]/g, '-').replace(/[^0-9.-]/g, ''))

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

/** Imports a file through the Import page (answering the mapping dialog where it asks): its dataset's id. */
async function importFile(path: string, mapping?: Record<string, string>): Promise<string> {
  nextFile = path
  return importThroughUi(page, { fileName: path.split(/[\\/]/).pop()!, app }, mapping)
}

let censusId = ''
let comtradeId = ''

beforeAll(async () => {
  app = await startWebApp({ chooseFile: async () => nextFile })
  browser = await launchBrowser(app.server.origin)
  page = await browser.newPage({ width: 1400, height: 1000 })
  await page.goto(app.server.url)
  // A recognised layout is imported at once.
  await importFile(ZIP)
  // The Census table names neither reporter nor partner nor unit: the mapping dialog asks.
  censusId = await importFile(CENSUS, {
    'reporter-code': 'USA',
    'partner-code': 'CHN',
    'unit-label': 'USD million',
  })
  comtradeId = await importFile(COMTRADE)
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
    // The file's dimensions are read first: seconds on a busy machine.
    await page.locator('[data-test="ws-imported-file"]').waitFor()
    // The reporters come from the file's own dimensions: the World and China rows, found by their codes,
    // named as the Explorer names them.
    await expect
      .poll(() => page.locator('[data-test="ws-imported-world"] option:checked').innerText())
      .toBe('World (total)')
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

  it('full year: the Census file’s monthly balances and last December’s levels, in USD bn; no yuan series, nothing converted', async () => {
    const byMonth = censusMonths()
    // The file's last month is December 2019: the calculator moves to 2019, through November.
    const last = [...byMonth.keys()].sort().at(-1)!
    expect(last).toBe('2019-12')
    const ytdMn = [...Array(11).keys()].reduce(
      (a, i) => a + byMonth.get(`2019-${String(i + 1).padStart(2, '0')}`)!.balance,
      0,
    )
    const dec = byMonth.get('2018-12')!
    // USD million → bn; December 2019 = December 2018's exports × 1.10 − its imports (levels method).
    const total = ytdMn / 1000 + (dec.exports * 1.1 - dec.imports) / 1000

    await page.click('nav >> text=Calculators')
    await page.click('[data-test="tab-fullYear"]')
    await page.selectOption('select[data-test="fy-dataset"]', censusId)
    await page.locator('[data-test="fy-imported-file"]').waitFor()
    // The picks come from the file's own dimensions: the US reporting its trade with China, three flows.
    await expect.poll(() => page.locator('[data-test="fy-imported-reporter"]').inputValue()).toBe('us')
    expect(await page.locator('[data-test="fy-imported-partner"]').inputValue()).toBe('china')
    expect(await page.locator('[data-test="fy-imported-exportsFlow"]').inputValue()).toBe('exports')
    expect(await page.locator('[data-test="fy-imported-importsFlow"]').inputValue()).toBe('imports')
    expect(await page.locator('[data-test="fy-imported-balanceFlow"]').inputValue()).toBe('balance')
    expect(await page.locator('[data-test="fy-imported-file"]').innerText()).toMatch(
      /^usa-china-trade-data\.csv, version 1\b/,
    )
    // Once the file's months are read, the year moves into them.
    await expect.poll(() => page.locator('input[data-test="fy-year"]').inputValue()).toBe('2019')
    const input = page.locator('input[data-test="fy-exportGrowth"]')
    await input.fill('')
    await input.pressSequentially('10')
    const totalText = () => page.locator('[data-test="fy-total"] .num').first().innerText()
    await expect.poll(async () => shown(await totalText())).toBeCloseTo(total, 3)
    // The figures read from the file cite it, with its version.
    expect(
      await page
        .locator('[data-test="calc-fullYear"] [data-test="from-data"] >> visible=true')
        .first()
        .innerText(),
    ).toContain('usa-china-trade-data.csv (imported')
    await screenshot(page, 'calc-full-year-imported')

    // Yuan: the file is in dollars; the yuan view converts nothing and says so.
    await page.click('[data-test="fy-currency-cny"]')
    await expect
      .poll(() => page.locator('[data-test="calc-fullYear"] .problems[role="alert"]').allInnerTexts())
      .toContain('This dataset has no yuan series.')
    await page.click('[data-test="fy-currency-usd"]')

    // A year the file does not have: missing stays missing (no total, the months named).
    const year = page.locator('input[data-test="fy-year"]')
    await year.fill('')
    await year.pressSequentially('2020')
    await expect.poll(totalText).toBe('—')
    expect(await page.locator('[data-test="fy-problems"]').innerText()).toContain('2020')
    await year.fill('')
    await year.pressSequentially('2019')
    await expect.poll(async () => shown(await totalText())).toBeCloseTo(total, 3)
  })

  it('partner mix: China’s 2022 exports to the World and by partner from the Comtrade file, in USD bn', async () => {
    const exportsTo = (iso: string) =>
      plainNumber(
        csvRows(COMTRADE, 'latin1').find(
          (r) =>
            r.reporterISO === 'CHN' && r.flowCode === 'X' && r.partnerISO === iso && r.cmdCode === 'TOTAL',
        )!.primaryValue,
      ) / 1e9
    const world = exportsTo('W00')
    const us = exportsTo('USA')
    const japan = exportsTo('JPN')

    await page.click('[data-test="tab-partnerMix"]')
    // A slow machine: the file's series (asked for by reporter, as the bundled package's never are) come
    // after its dataset and its choices. Until they do, the calculator says it is loading, never that the
    // data lacks the total.
    const isFileSeries = (request: Request) =>
      (JSON.parse(request.postData() ?? '{}') as { reporter?: string }).reporter !== undefined
    const releaseSeries = await holdCall(page, 'getSeries', isFileSeries)
    const seriesAsked = page.waitForRequest(
      (request) => new URL(request.url()).pathname === `${API_PREFIX}getSeries` && isFileSeries(request),
    )
    await page.selectOption('select[data-test="pm-dataset"]', comtradeId)
    await seriesAsked
    const panel = page.locator('[data-test="calc-partnerMix"]')
    await expect.poll(() => panel.innerText()).toContain('Loading…')
    expect(await panel.innerText()).not.toMatch(/not in the data|not computable/)
    await screenshot(page, 'calc-partner-mix-imported-loading')
    releaseSeries()
    await page.locator('[data-test="pm-imported-file"]').waitFor()
    await expect.poll(() => page.locator('[data-test="pm-imported-reporter"]').inputValue()).toBe('china')
    expect(await page.locator('[data-test="pm-imported-flow"]').inputValue()).toBe('exports')
    expect(await page.locator('[data-test="pm-imported-file"]').innerText()).toMatch(
      /^plus-china-imports-by-partner-2022\.csv, version 1\b/,
    )
    // The file's one year becomes the base year (once its series are read: seconds on a busy machine).
    await expect.poll(() => page.locator('[data-test="pm-base-year"]').inputValue()).toBe('2022')
    await expect
      .poll(async () => shown(await page.locator('[data-test="pm-base-total"]').innerText()))
      .toBeCloseTo(world, 0)
    for (const [field, value] of [
      ['pm-growth-us', '-10'],
      ['pm-redirection', '0'],
    ] as const) {
      const input = page.locator(`input[data-test="${field}"]`)
      await input.fill('')
      await input.pressSequentially(value)
    }
    const next = world - 0.1 * us
    await expect
      .poll(async () => shown(await page.locator('[data-test="pm-next-total"] .num').first().innerText()))
      .toBeCloseTo(next, 0)
    expect(await page.locator('[data-test="pm-row-us"]').innerText()).toContain(
      'plus-china-imports-by-partner-2022.csv (imported',
    )
    await screenshot(page, 'calc-partner-mix-imported')

    // The snapshot keeps both calculators' files (id, version, hash) and the outputs computed from them.
    await page.click('nav >> text=Explorer')
    await page.click('[data-test="save-snapshot"]')
    await page.fill('[data-test="snapshot-title"]', 'Calculators from imported files')
    await page.click('[data-test="snapshot-save"]')
    await page.locator('[data-test="save-snapshot-dialog"]').waitFor({ state: 'detached' })
    const saved = snapshots().find((s) => s.title === 'Calculators from imported files')!
    const c = saved.calculators!
    expect(c.fullYear.imported).toMatchObject({
      dataset: censusId,
      sha256: createHash('sha256').update(readFileSync(CENSUS)).digest('hex'),
      reporter: 'us',
      partner: 'china',
    })
    expect(c.fullYear.imported!.version).toMatch(/^1\b/)
    expect(c.partnerMix.imported).toMatchObject({
      dataset: comtradeId,
      sha256: createHash('sha256').update(readFileSync(COMTRADE)).digest('hex'),
      reporter: 'china',
      flow: 'exports',
    })
    expect(c.outputs!.partnerMix!.baseTotalUsdBn).toBeCloseTo(world, 9)
    expect(c.outputs!.partnerMix!.nextTotalUsdBn).toBeCloseTo(next, 9)
    expect(c.outputs!.partnerMix!.share_japan_pct).toBeCloseTo((japan / next) * 100, 9)
  })

  it('full year from a file with exports and imports but no balance: each month’s balance computed as exports − imports and marked so, the year to date their sum', async () => {
    // Korea's trade with China, thousands of US dollars, "2019.12" months, no balance column.
    const byMonth = new Map(
      csvRows(KOREA).map(
        (r) => [r.Date!.replace('.', '-'), { x: plainNumber(r.Exports), m: plainNumber(r.Imports) }] as const,
      ),
    )
    expect([...byMonth.keys()].sort().at(-1)).toBe('2019-12')
    expect(Object.keys(csvRows(KOREA)[0]!)).not.toContain('Balance')
    const month = (i: number) => `2019-${String(i + 1).padStart(2, '0')}`
    // USD thousand → bn; the balance of each month January–November 2019, then December 2018's levels.
    const ytdThousand = [...Array(11).keys()].reduce(
      (a, i) => a + byMonth.get(month(i))!.x - byMonth.get(month(i))!.m,
      0,
    )
    const dec = byMonth.get('2018-12')!
    const total = ytdThousand / 1e6 + (dec.x * 1.1 - dec.m) / 1e6
    const march = byMonth.get('2019-03')!

    // Every row's partner is China: the user states it for the whole file, as the Census file's is.
    const koreaId = await importFile(KOREA, {
      'role-reporter': '',
      'role-partner': '',
      'reporter-code': 'KOR',
      'partner-code': 'CHN',
      'unit-label': 'USD thousand',
    })
    // A slow machine: the full year's file until now (Census) is read again as the page opens, and its
    // answer comes only after the Korean file, chosen next, has been read and shown. The file chosen
    // last stays, its choices too.
    const isCensus = (request: Request) =>
      (JSON.parse(request.postData() ?? '{}') as { dataset?: string }).dataset === censusId
    const releaseCensus = await holdCall(page, 'getDimensions', isCensus)
    const censusAsked = page.waitForRequest(
      (request) => new URL(request.url()).pathname === `${API_PREFIX}getDimensions` && isCensus(request),
    )
    await page.click('nav >> text=Calculators')
    await page.click('[data-test="tab-fullYear"]')
    await censusAsked
    await page.selectOption('select[data-test="fy-dataset"]', koreaId)
    await page.locator('[data-test="fy-imported-file"]').waitFor()
    await expect
      .poll(() => page.locator('[data-test="fy-imported-reporter"]').inputValue())
      .toBe('south_korea')
    // The page is busy while a file's dimensions are on their way: once it is not, the late answer has
    // been dealt with.
    expect(await page.locator('section.calculators').getAttribute('aria-busy')).toBe('true')
    releaseCensus()
    await page.locator('section.calculators[aria-busy="false"]').waitFor()
    expect(await page.locator('select[data-test="fy-dataset"]').inputValue()).toBe(koreaId)
    expect(await page.locator('[data-test="fy-imported-reporter"]').inputValue()).toBe('south_korea')
    expect(await page.locator('[data-test="fy-imported-partner"]').inputValue()).toBe('china')
    // The file has no balance flow: “none in the file” is the pick.
    expect(await page.locator('[data-test="fy-imported-balanceFlow"]').inputValue()).toBe('')
    expect(await page.locator('[data-test="fy-imported-file"]').innerText()).toMatch(
      /^korea-china-trade-data\.csv, version 1\b/,
    )
    await expect.poll(() => page.locator('input[data-test="fy-year"]').inputValue()).toBe('2019')
    const input = page.locator('input[data-test="fy-exportGrowth"]')
    await input.fill('')
    await input.pressSequentially('10')
    const totalText = () => page.locator('[data-test="fy-total"] .num').first().innerText()
    await expect.poll(async () => shown(await totalText())).toBeCloseTo(total, 3)
    expect(await page.locator('[data-test="fy-problems"]').count()).toBe(0)
    // The year to date: the sum of eleven computed monthly balances, each with its rule and its two readings.
    const sum = page.locator('label:has([data-test="fy-basis-sum"])')
    // Shown to $0.1 bn.
    expect(shown(await sum.locator('strong').first().innerText())).toBeCloseTo(ytdThousand / 1e6, 1)
    await sum.locator('summary').click()
    const terms = sum.locator('li')
    expect(await terms.count()).toBe(11)
    const third = await terms.nth(2).innerText()
    expect(third).toContain('COMPUTED')
    expect(third).toContain('exports − imports')
    expect(third).toContain(
      `exports $${(march.x / 1e6).toLocaleString('en-US', { maximumFractionDigits: 6 })} bn`,
    )
    expect(third).toContain(
      `imports $${(march.m / 1e6).toLocaleString('en-US', { maximumFractionDigits: 6 })} bn`,
    )
    expect(await terms.locator('[data-test="computed-balance"]').count()).toBe(11)
    expect(await sum.locator('[data-test="fy-months-computed"]').innerText()).toBe(
      '11 of them computed as exports − imports: the data states no balance for those periods.',
    )
    // Last December's balance, shown beside its levels, is computed the same way.
    expect(await page.locator('[data-test="fy-balance-2018-12"]').innerText()).toContain('exports − imports')
    await screenshot(page, 'calc-full-year-computed-balance')
  })
})
