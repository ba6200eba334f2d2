/**
 * `npm run screenshots`: every screen of the built app in Chromium (the web transport), in English and
 * Chinese, light and dark, at 1280 px and 1024 px, into tests/artifacts/pages/ for a person to look at:
 * first the pages a new user sees before importing anything (empty-*), then each page, the Explorer's
 * ready-made views and each chart type, an imported Comtrade file with its ranking, drill-down by
 * product, treemap and world map, the Mirror over an imported Census file, the three calculators, the
 * import mapping dialog and a refused file, the Notes and Snapshots pages with a note and a snapshot,
 * an opened snapshot, and the dialogs (shortcuts, export, add note, save snapshot). With `--readme`, only the README's two pictures instead
 * (docs/screenshot-*.png, English, light, 1280 × 900). Run after `npm run build` (the npm script does
 * it). Needs Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { artifactsDir, launchBrowser } from '../tests/support/browser'
import { PRESET_IDS } from '../renderer/src/lib/presets'
import { CHART_TYPES } from '../electron/shared/viewState'
import { repoRoot, startWebApp } from '../tests/support/webApp'

const CHART = '[data-test="explorer-chart"] canvas'
const real = (path: string) => join(repoRoot, 'tests', 'fixtures', 'real', path)
/** A real Comtrade download with partners and products (ranking, treemap, map). */
const COMTRADE = real('comtrade/plus-thailand-hs8542-imports.csv')
const COMTRADE_ID = 'plus-thailand-hs8542-imports'
/** A real Census file: the Mirror's partner side; its layout asks for the mapping dialog. */
const CENSUS = real('census/usa-china-trade-data.csv')
/** Not a table (a picture): the Import page refuses it. */
const NOT_A_TABLE = join(repoRoot, 'docs', 'screenshot-overview.png')

const readme = process.argv.includes('--readme')
const outDir = join(artifactsDir, 'pages')
if (!readme) mkdirSync(outDir, { recursive: true })

/** Settled: nothing loading, and fonts and the chart drawn. */
async function settle(page: Page, ready: string): Promise<void> {
  await page.locator(ready).first().waitFor({ timeout: 60_000 })
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, {
    timeout: 60_000,
  })
  await page.evaluate(() => document.fonts.ready)
}

let nextFile: string | null = null
const app = await startWebApp({ chooseFile: async () => nextFile })
const browser = await launchBrowser(app.server.origin)

/** Opens a route and waits for what shows it is drawn. */
async function open(page: Page, route: string, ready: string): Promise<void> {
  await page.goto(`${app.server.url}#${route}`)
  await settle(page, ready)
}

async function choosePreset(page: Page, id: string): Promise<void> {
  await page.selectOption('[data-test="preset"]', id)
  await page.waitForFunction(
    (id) => (document.querySelector('[data-test="preset"]') as HTMLSelectElement).value === id,
    id,
  )
  await settle(page, CHART)
}

/** The library every pass sees: the two imported files, a note and a snapshot; the imported view's address. */
async function prepare(): Promise<{ importedView: string; censusId: string }> {
  const page = await browser.newPage({ width: 1280, height: 900 })
  await open(page, '/import', 'main h2')
  nextFile = COMTRADE
  await page.click('[data-test="open-file"]')
  await page.locator(`[data-test="library"] [data-dataset="${COMTRADE_ID}"]`).waitFor({ timeout: 120_000 })
  nextFile = CENSUS
  await page.click('[data-test="open-file"]')
  const dialog = page.locator('[data-test="mapping-dialog"]')
  await dialog.waitFor()
  await dialog.locator('[data-test="reporter-code"]').fill('USA')
  await dialog.locator('[data-test="partner-code"]').fill('CHN')
  await dialog.locator('[data-test="unit-label"]').fill('USD million')
  await dialog.locator('[data-test="confirm-mapping"]').click()
  let censusId = ''
  for (let i = 0; i < 600 && !censusId; i++) {
    censusId =
      (await app.host.handlers.listImports({})).items.find((d) => d.fileName === 'usa-china-trade-data.csv')
        ?.id ?? ''
    if (!censusId) await new Promise((resolve) => setTimeout(resolve, 100))
  }
  if (!censusId) throw new Error('The Census file was not imported.')

  // A note and a snapshot on the headline view, so those pages show one of each.
  await open(page, '/explorer', CHART)
  await choosePreset(page, 'headline')
  await page.click('[data-test="add-note"]')
  await page.fill('[data-test="note-text"]', 'Exports **rebound** after the truce.')
  await page.click('[data-test="note-save"]')
  await page.locator('[data-test="note-editor"]').waitFor({ state: 'detached' })
  await page.click('[data-test="save-snapshot"]')
  await page.fill('[data-test="snapshot-title"]', 'Headline trade')
  await page.click('[data-test="snapshot-save"]')
  await page.locator('[data-test="snapshot-saved"]').waitFor()

  // The imported file in the Explorer: imports from China, with its ranking below the chart.
  await page.selectOption('[data-test="dataset"]', COMTRADE_ID)
  await settle(page, CHART)
  await page.fill('[data-test="partner-filter"]', 'China')
  await page.click('[data-test="partner-china"]')
  await page.click('[data-test="partner-world"]')
  await settle(page, CHART)
  const importedView = new URL(page.url()).hash.slice(1)
  await page.close()
  return { importedView, censusId }
}

/** What a new user sees before importing or saving anything. */
const EMPTY: Screen[] = [
  { name: 'empty-import', show: (page) => open(page, '/import', 'main h2') },
  { name: 'empty-notes', show: (page) => open(page, '/notes', 'main h2') },
  { name: 'empty-snapshots', show: (page) => open(page, '/snapshots', 'main h2') },
  { name: 'empty-explorer', show: (page) => open(page, '/explorer', CHART) },
]

interface Screen {
  name: string
  /** Only at the wide size (the ready-made views: their layout is the Explorer's, shot at both sizes). */
  wideOnly?: boolean
  show(page: Page): Promise<void>
}

function screens(importedView: string, censusId: string): Screen[] {
  const dialog = (name: string, button: string, ready: string): Screen => ({
    name,
    async show(page) {
      await open(page, '/explorer', CHART)
      await page.click(button)
      await page.locator(ready).waitFor()
    },
  })
  return [
    { name: 'overview', show: (page) => open(page, '/', '[data-test="monthly-chart"] canvas') },
    { name: 'explorer', show: (page) => open(page, '/explorer', CHART) },
    ...PRESET_IDS.map((id): Screen => ({
      name: `explorer-${id}`,
      wideOnly: true,
      async show(page) {
        await open(page, '/explorer', CHART)
        await choosePreset(page, id)
      },
    })),
    // Each chart type on the headline view (those the view cannot draw are disabled, and skipped).
    ...CHART_TYPES.filter((c) => c !== 'line').map((c): Screen => ({
      name: `explorer-chart-${c}`,
      wideOnly: true,
      async show(page) {
        await open(page, '/explorer', CHART)
        await choosePreset(page, 'headline')
        // Years side by side draw one series' running total: exports alone, year to date.
        if (c === 'ytdByYear') {
          await page.click('[data-test="flow-imports"]')
          await page.click('[data-test="flow-balance"]')
          await page.selectOption('[data-test="transform"]', 'ytd')
          await settle(page, CHART)
        }
        const button = page.locator(`[data-test="chart-${c}"]`)
        if (await button.isEnabled()) await button.click()
        await settle(page, CHART)
      },
    })),
    { name: 'explorer-imported', show: (page) => open(page, importedView, '[data-test="ranking"]') },
    {
      name: 'explorer-drilldown',
      async show(page) {
        await open(page, importedView, '[data-test="ranking"]')
        await page.selectOption('[data-test="ranking-by"]', 'product')
        await page.click('[data-test="show-table"]')
        await page.click('[data-test="drill-hs_s16"]')
        await page.click('[data-test="drill-hs85"]')
        await settle(page, CHART)
      },
    },
    {
      name: 'explorer-treemap',
      async show(page) {
        await open(page, importedView, '[data-test="ranking"]')
        await page.click('[data-test="show-treemap"]')
        await settle(page, '[data-test="breakdown-treemap"] canvas')
      },
    },
    {
      name: 'explorer-map',
      async show(page) {
        await open(page, importedView, '[data-test="ranking"]')
        await page.click('[data-test="show-map"]')
        await settle(page, '[data-test="breakdown-map"] canvas')
      },
    },
    {
      name: 'mirror',
      async show(page) {
        await open(page, '/mirror', 'main h2')
        await page.selectOption('[data-test="mirror-china-dataset"]', 'china-trade')
        await page.selectOption('[data-test="mirror-partner-dataset"]', censusId)
        await page.selectOption('[data-test="mirror-partner"]', 'us')
        await settle(page, '[data-test="mirror-chart"] canvas')
      },
    },
    // Each calculator, with what shows its data has loaded.
    ...Object.entries({
      fullYear: '[data-test^="fy-month-"]',
      partnerMix: '[data-test="pm-base-total"]',
      worldShare: '[data-test="ws-base"]',
    }).map(([c, ready]): Screen => ({
      name: `calculators-${c}`,
      async show(page) {
        await open(page, '/calculators', '[data-test="tab-fullYear"]')
        await page.click(`[data-test="tab-${c}"]`)
        await settle(page, ready)
      },
    })),
    { name: 'import', show: (page) => open(page, '/import', '[data-test="library"]') },
    {
      name: 'import-mapping',
      async show(page) {
        await open(page, '/import', '[data-test="library"]')
        nextFile = CENSUS
        await page.click('[data-test="open-file"]')
        await page.locator('[data-test="mapping-dialog"]').waitFor()
      },
    },
    {
      name: 'import-refused',
      async show(page) {
        await open(page, '/import', '[data-test="library"]')
        nextFile = NOT_A_TABLE
        await page.click('[data-test="open-file"]')
        await page.locator('[data-test="import-error"]').waitFor()
      },
    },
    { name: 'datasets', show: (page) => open(page, '/datasets', 'main h2') },
    { name: 'notes', show: (page) => open(page, '/notes', 'main h2') },
    { name: 'snapshots', show: (page) => open(page, '/snapshots', '[data-test="snapshot-list"]') },
    {
      name: 'snapshot-opened',
      async show(page) {
        await open(page, '/snapshots', '[data-test="snapshot-list"]')
        await page.click('[data-test="snapshot-open"]')
        await settle(page, '[data-test="snapshot-banner"]')
      },
    },
    // With its licence list, which loads after the heading.
    { name: 'about', show: (page) => open(page, '/about', '[data-package="@duckdb/node-api"]') },
    dialog('dialog-shortcuts', '[data-test="show-shortcuts"]', '[data-test="shortcuts"]'),
    dialog('dialog-export', '[data-test="export-open"]', '[data-test="export-dialog"]'),
    dialog('dialog-note', '[data-test="add-note"]', '[data-test="note-editor"]'),
    dialog('dialog-snapshot', '[data-test="save-snapshot"]', '[data-test="snapshot-title"]'),
  ]
}

try {
  const shots: string[] = []
  if (!readme) {
    /** Each screen of a list, at each width, in each theme and language. */
    const shootAll = async (list: () => Screen[]) => {
      for (const width of [1280, 1024])
        for (const colorScheme of ['light', 'dark'] as const)
          for (const locale of ['en-US', 'zh-CN']) {
            const page = await browser.newPage({ colorScheme, locale, width, height: 900 })
            for (const screen of list()) {
              if (screen.wideOnly && width !== 1280) continue
              await screen.show(page)
              const file = join(outDir, `${screen.name}-${width}-${colorScheme}-${locale}.png`)
              await page.screenshot({ path: file, fullPage: true })
              shots.push(file)
              // A dialog left open would cover the next screen.
              if (screen.name.startsWith('dialog-')) await page.keyboard.press('Escape')
            }
            await page.close()
          }
    }
    await shootAll(() => EMPTY)
    const { importedView, censusId } = await prepare()
    await shootAll(() => screens(importedView, censusId))
  } else {
    const page = await browser.newPage({ colorScheme: 'light', locale: 'en-US', width: 1280, height: 900 })
    await open(page, '/', '[data-test="monthly-chart"] canvas')
    await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-overview.png') })
    await open(page, '/explorer', CHART)
    await choosePreset(page, 'cumulativeSurplus')
    await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-explorer.png') })
    shots.push('docs/screenshot-overview.png', 'docs/screenshot-explorer.png')
  }
  browser.assertOffline()
  if (browser.pageErrors.length) throw new Error(`The pages logged errors:\n${browser.pageErrors.join('\n')}`)
  console.log(`${shots.length} screenshots in ${readme ? 'docs/' : outDir}`)
} finally {
  await browser.close()
  await app.close()
}
