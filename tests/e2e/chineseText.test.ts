/**
 * The app in Chinese shows no English, counts amounts in one scale (万, 亿, never 十亿), and at 1024 px
 * no control sticks out of its box: every page, the Explorer's ready-made views, the three calculators
 * and the dialogs, in Chromium with the system language zh-CN. The visible text (and each select's chosen option, placeholders and accessible
 * names) is scanned for Latin words; what may stay in Latin letters is listed below with why. A
 * citation (a source's published title, a file's name), a note quoted from the data and the software
 * licences' package names are marked `translate="no"` and not scanned: they stay as published.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { PRESET_IDS } from '../../renderer/src/lib/presets'
import { headerSecondLine, holdCall, screenshot } from '../support/browser'
import { appInBrowser } from '../support/suite'
import { repoRoot } from '../support/webApp'

let nextFile: string | null = null
const suite = appInBrowser({ chooseFile: async () => nextFile })

/**
 * Latin words a Chinese reader sees in Chinese publications too: the names of organisations, data
 * products and publishers as they publish them, file formats, keys, codes and symbols.
 */
const ALLOWED = new Set(
  [
    // Statistical agencies, their data products and the publishers the package's source groups name.
    'GACC WTO UNCTAD WDI IMF OECD UN Comtrade Plus CEPII BACI Eurostat SDMX Stats IMTS ITC',
    'AP Reuters Bloomberg SCMP CNBC dpa AFX FocusEconomics Macrobond',
    // Licences, formats, software and standards.
    'CC BY CSV PNG SVG PDF JSON XLSX Parquet Markdown HTML README UTF SHA ISO HS Electron Chromium',
    // Text encodings by their registered names (WINDOWS-1252, GB18030).
    'WINDOWS',
    'Natural Earth world atlas m',
    // Keys (the shortcuts overlay) and the trade terms Chinese statistics use in Latin letters.
    'Ctrl Alt Shift Cmd Esc Enter Tab CIF FOB',
    // Formula symbols in the calculators' formulas (single letters are never counted as words).
    'YTD max US',
    // The language menu names English in English, as language menus do.
    'English',
  ]
    .join(' ')
    .split(' '),
)

/** What the page shows in words, outside citations. */
function shownText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = 'code, kbd, pre, script, style, [translate="no"], [data-test="preview"]'
    const texts: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || el.closest(skip) || el.closest('option, optgroup')) continue
      if (!el.checkVisibility({ visibilityProperty: true })) continue
      const text = node.textContent?.trim()
      if (text) texts.push(text)
    }
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>('select, input, textarea, [aria-label]'),
    )) {
      if (el.closest(skip) || !el.checkVisibility({ visibilityProperty: true })) continue
      if (el instanceof HTMLSelectElement && el.selectedOptions[0])
        texts.push(el.selectedOptions[0].textContent?.trim() ?? '')
      const placeholder = el.getAttribute('placeholder')
      if (placeholder) texts.push(placeholder)
      const label = el.getAttribute('aria-label')
      if (label) texts.push(label)
    }
    return texts
  })
}

/** The Latin words in a text that are not allowed: file names and column names (a_b) are codes. */
function englishIn(text: string): string[] {
  const stripped = text
    .replace(/[\w.-]*\.(csv|json|png|svg|html|ctesnap|xlsx|zip)\b/gi, ' ')
    .replace(/\b[a-z]+(_[a-z]+)+\b/g, ' ')
    // A SHA-256 prefix is a code.
    .replace(/\b[0-9a-f]{8,}\b/g, ' ')
    // An HS heading's description as the HS list gives it, said to be English (the tariff's Chinese
    // heading texts are not in the app's code list; lib/names.ts).
    .replace(/（英文名称：[^）]*）/g, ' ')
  // One letter is a symbol or a key (x, g_c, Ctrl+S), not a word.
  const words = (stripped.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.has(w))
  // And one scale: Chinese counts amounts in 万, 亿 and 万亿, as the axes and imported amounts do, so
  // billions written as 十亿 (a translation of "bn") beside them is reported too.
  return [...words, ...(stripped.match(/十亿/g) ?? [])]
}

async function english(page: Page): Promise<string[]> {
  const found = new Set<string>()
  for (const text of await shownText(page)) if (englishIn(text).length) found.add(text.slice(0, 160))
  return [...found]
}

/** Controls wider than the box that holds them (a fieldset, section, card or the window). */
function cutControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    if (document.documentElement.scrollWidth > window.innerWidth)
      out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`)
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('select, button, input, textarea'))) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue
      const box = el.parentElement?.closest<HTMLElement>(
        'fieldset, section, article, aside, header, .box, dialog',
      )
      if (!box) continue
      const r = el.getBoundingClientRect()
      const b = box.getBoundingClientRect()
      if (r.width > 0 && r.right > b.right + 1)
        out.push(
          `${el.outerHTML.slice(0, 100)} ends at ${Math.round(r.right)} px, its box at ${Math.round(b.right)}`,
        )
    }
    // A table wider than the box that scrolls it: its last columns are out of sight.
    for (const table of Array.from(document.querySelectorAll('table'))) {
      const box = table.parentElement
      if (!box || !table.checkVisibility({ visibilityProperty: true })) continue
      if (getComputedStyle(box).overflowX !== 'visible' && box.scrollWidth > box.clientWidth + 1)
        out.push(
          `a table is cut: ${table.textContent!.trim().slice(0, 60)}… needs ${box.scrollWidth} px, has ${box.clientWidth}`,
        )
    }
    return out
  })
}

/**
 * Selects whose chosen option's text is wider than the select shows (the text is cut): measured with
 * the select's own font, less its padding and the arrow.
 */
function cutSelects(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const context = document.createElement('canvas').getContext('2d')!
    for (const el of Array.from(document.querySelectorAll('select'))) {
      if (!el.checkVisibility({ visibilityProperty: true }) || !el.selectedOptions[0]) continue
      const style = getComputedStyle(el)
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      const text = el.selectedOptions[0].textContent?.trim() ?? ''
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16
      if (context.measureText(text).width > room)
        out.push(`${el.getAttribute('data-test') ?? el.name}: "${text.slice(0, 80)}" in ${el.clientWidth} px`)
    }
    return out
  })
}

async function open(route: string, ready: string, width = 1024): Promise<Page> {
  const page = await suite.browser.newPage({ locale: 'zh-CN', width })
  await page.goto(`${suite.app.server.url}#${route}`)
  await page.locator(ready).first().waitFor()
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'))
  return page
}

const CHART = '[data-test="explorer-chart"] canvas'

/** Settled: nothing loading. */
const settle = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 60_000 })
const PAGES = [
  { route: '/', ready: '[data-test="monthly-chart"] canvas' },
  { route: '/explorer', ready: CHART },
  { route: '/mirror', ready: 'main h1' },
  { route: '/datasets', ready: '[data-dataset="china-trade"]' },
  { route: '/import', ready: 'main h2' },
  { route: '/notes', ready: 'main h2' },
  { route: '/snapshots', ready: 'main h2' },
  { route: '/about', ready: 'main h2' },
]

describe('in Chinese, at 1024 px', () => {
  it.each(PAGES)(
    '$route shows no English and no control outside its box',
    { timeout: 120_000 },
    async (p) => {
      const page = await open(p.route, p.ready)
      expect(await english(page)).toEqual([])
      expect(await cutControls(page)).toEqual([])
      expect(await cutSelects(page)).toEqual([])
      await page.close()
    },
  )

  it.each(['fullYear', 'partnerMix', 'worldShare'])(
    'the %s calculator shows no English and no control outside its box',
    { timeout: 120_000 },
    async (calculator) => {
      const page = await open('/calculators', '[data-test="tab-fullYear"]')
      await page.click(`[data-test="tab-${calculator}"]`)
      // Its data loaded: a number, or the words saying why there is none, in the results.
      await page.locator(`[data-test="calc-${calculator}"] .results`).waitFor()
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'))
      // The calculators' data read (the page says "loading" without marking anything busy).
      await page.locator('main .loading[role="status"]').waitFor({ state: 'detached' })
      await screenshot(page, `zh-calculator-${calculator}`)
      expect(await english(page)).toEqual([])
      expect(await cutControls(page)).toEqual([])
      await page.close()
    },
  )

  it('every ready-made view in the Explorer shows no English', { timeout: 300_000 }, async () => {
    const page = await open('/explorer', CHART, 1280)
    for (const id of PRESET_IDS) {
      await page.selectOption('[data-test="preset"]', id)
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'))
      expect({ id, english: await english(page) }).toEqual({ id, english: [] })
    }
    await page.close()
  })

  it.each([
    ['shortcuts', '[data-test="show-shortcuts"]', '[data-test="shortcuts"]'],
    ['export', '[data-test="export-open"]', '[data-test="export-dialog"]'],
    ['note', '[data-test="add-note"]', '[data-test="note-editor"]'],
    ['snapshot', '[data-test="save-snapshot"]', '[data-test="snapshot-title"]'],
  ])('the %s dialog shows no English', { timeout: 120_000 }, async (_name, button, dialog) => {
    const page = await open('/explorer', CHART)
    await page.click(button)
    await page.locator(dialog).waitFor()
    expect(await english(page)).toEqual([])
    await page.close()
  })

  it(
    'a saved note on the Notes page names its dataset in Chinese, and never by its id while the list of datasets loads',
    { timeout: 120_000 },
    async () => {
      const page = await open('/explorer', CHART)
      await page.click('[data-test="add-note"]')
      await page.fill('[data-test="note-text"]', '休战后出口回升。')
      await page.click('[data-test="note-save"]')
      await page.locator('[data-test="note-editor"]').waitFor({ state: 'detached' })
      await page.close()

      // A new window on the Notes page, its list of datasets slow to answer (held by the test): the
      // note's dataset reads as loading, never as its id (china-trade), and the list is busy till then.
      const notes = await suite.browser.newPage({ locale: 'zh-CN', width: 1024 })
      const answer = await holdCall(notes, 'listDatasets')
      await notes.goto(`${suite.app.server.url}#/notes`)
      const list = notes.locator('[data-test="notes-list"]')
      const note = list.locator('li', { hasText: '休战后出口回升' })
      await note.waitFor()
      expect(await list.getAttribute('aria-busy')).toBe('true')
      expect(await english(notes)).toEqual([])
      answer()
      await notes.locator('[data-test="notes-list"][aria-busy="false"]').waitFor()
      expect(await note.locator('.meta').innerText()).toMatch(/^中国对外贸易/)
      expect(await english(notes)).toEqual([])
      await note.locator('[data-test="note-delete"]').click()
      await notes.close()
    },
  )

  it('no page logged an error', () => {
    expect(suite.browser.pageErrors, suite.browser.pageErrors.join('\n')).toEqual([])
    suite.browser.assertOffline()
  })
})

describe('in English, at 1280 and 1024 px', () => {
  it.each([1280, 1024])(
    'at %i px the Explorer and the header cut no text',
    { timeout: 120_000 },
    async (width) => {
      const page = await suite.browser.newPage({ locale: 'en-GB', width })
      await page.goto(`${suite.app.server.url}#/explorer`)
      await page.locator(CHART).first().waitFor()
      await settle(page)
      await screenshot(page, `en-explorer-${width}`)
      expect({
        cut: [...(await cutSelects(page)), ...(await cutControls(page))],
        secondLine: await headerSecondLine(page),
      }).toEqual({ cut: [], secondLine: [] })
      await page.close()
    },
  )
})

const real = (path: string) => join(repoRoot, 'tests', 'fixtures', 'real', path)
/** A real Comtrade download with partners and HS products (ranking, drill-down, treemap, map). */
const COMTRADE = real('comtrade/plus-thailand-hs8542-imports.csv')
const COMTRADE_ID = 'plus-thailand-hs8542-imports'
/** A real Census file: its layout asks for the mapping dialog; the Mirror's and a calculator's source. */
const CENSUS = real('census/usa-china-trade-data.csv')

/** Points at the chart's first series at its last period; the tooltip's text (drawn on the canvas). */
async function tooltipText(page: Page): Promise<string> {
  const chart = page.locator('[data-test="explorer-chart"]')
  // The chart can be made anew once its plugins have loaded: point again until a tooltip shows, and
  // read the one the poll saw (read again, the attribute can already be the new chart's: empty).
  let tip = ''
  await expect
    .poll(
      async () => {
        const drawn = JSON.parse((await chart.getAttribute('data-drawn')) ?? '{"series":[]}') as {
          series: { points: { x: number }[] }[]
        }
        const x = drawn.series[0]?.points.at(-1)?.x
        const box = await chart.locator('canvas').boundingBox()
        if (x === undefined || !box) return ''
        await chart.locator('canvas').hover({ position: { x, y: box.height / 2 } })
        return (tip = (await chart.getAttribute('data-tooltip')) ?? '')
      },
      { timeout: 30_000 },
    )
    .not.toBe('')
  return tip.replace(/\s+/g, ' ')
}

describe('in Chinese, at 1024 px, with imported files', () => {
  it(
    'the Datasets page, the Explorer (ranking, drill-down, treemap, map, a computed bloc), the Mirror and the calculators show no English and cut no text',
    { timeout: 600_000 },
    async () => {
      const page = await suite.browser.newPage({ locale: 'zh-CN', width: 1024 })
      /** Every screen's English words and cut controls, by screen: all listed at once when one fails. */
      const found: Record<string, string[]> = {}
      const scan = async (screen: string) => {
        await settle(page)
        const problems = [...(await english(page)), ...(await cutControls(page)), ...(await cutSelects(page))]
        if (problems.length) found[screen] = problems
      }

      await page.goto(`${suite.app.server.url}#/import`)
      await page.locator('main h2').first().waitFor()
      nextFile = COMTRADE
      await page.click('[data-test="open-file"]')
      await page
        .locator(`[data-test="library"] [data-dataset="${COMTRADE_ID}"]`)
        .waitFor({ timeout: 120_000 })
      nextFile = CENSUS
      await page.click('[data-test="open-file"]')
      const dialog = page.locator('[data-test="mapping-dialog"]')
      await dialog.waitFor()
      // The dialog's words and hints (the file's column names are its own, as written).
      await scan('mapping dialog')
      await dialog.locator('[data-test="reporter-code"]').fill('USA')
      await dialog.locator('[data-test="partner-code"]').fill('CHN')
      await dialog.locator('[data-test="unit-label"]').fill('USD million')
      await dialog.locator('[data-test="confirm-mapping"]').click()
      let censusId = ''
      await expect
        .poll(
          async () =>
            (censusId =
              (await suite.app.host.handlers.listImports({})).items.find(
                (d) => d.fileName === 'usa-china-trade-data.csv',
              )?.id ?? ''),
          { timeout: 120_000 },
        )
        .not.toBe('')

      await page.goto(`${suite.app.server.url}#/datasets`)
      await page.locator(`[data-dataset="${censusId}"]`).waitFor()
      await scan('datasets page')

      await page.goto(`${suite.app.server.url}#/explorer`)
      await page.locator(CHART).first().waitFor()
      await page.selectOption('[data-test="dataset"]', COMTRADE_ID)
      await page.locator('[data-test="drill-hs_s16"]').waitFor()
      await scan('Explorer, an imported file by product')
      // Thailand's imports, not China's: the title names the file's reporter, as the English one does.
      expect(await page.locator('[data-test="view-title"]').innerText()).toMatch(/^泰国 · 进口/)
      await page.click('[data-test="drill-hs_s16"]')
      await page.locator('[data-test="drill-hs85"]').waitFor()
      await scan('Explorer, drilled into a section')
      await page.click('[data-test="drill-hs85"]')
      await page.getByText('HS 8542（英文名称：Electronic integrated circuits）').first().waitFor()
      await scan('Explorer, drilled into a chapter: its heading by code and English description')
      await page.click('[data-test="show-treemap"]')
      await page.locator('[data-test="breakdown-treemap"] canvas').waitFor()
      await scan('Explorer, treemap')
      await page.click('[data-test="show-map"]')
      await page.locator('[data-test="breakdown-map"] canvas').waitFor()
      await scan('Explorer, world map')
      // What the keyboard reads out for a partner is Chinese too: full-width colon and stop, its figures
      // listed with 、, the amount in 亿 or 万 as the axes count.
      await page.focus('[data-test="breakdown-map-figure"]')
      await page.keyboard.press('ArrowRight')
      await expect
        .poll(() => page.textContent('[data-test="breakdown-announcement"]'))
        .toMatch(/^[^:]+：[\d,.]+ (万|亿|万亿)?美元、占.+、.+。/)
      // A bloc the file does not total itself: its points are computed, the tooltip states the rule.
      await page.click('[data-test="partner-asean"]')
      await settle(page)
      await scan('Explorer, a computed bloc')
      // Its last line names the sources: citations, as published.
      const tooltip = (await tooltipText(page)).replace(/来源：.*$/, '')
      if (englishIn(tooltip).length) found['Explorer, a computed bloc, tooltip'] = [tooltip]

      await page.goto(`${suite.app.server.url}#/mirror`)
      await page.locator('main h1').first().waitFor()
      await page.selectOption('[data-test="mirror-china-dataset"]', 'china-trade')
      await page.selectOption('[data-test="mirror-partner-dataset"]', censusId)
      await page.selectOption('[data-test="mirror-partner"]', 'us')
      await page.locator('[data-test="mirror-chart"] canvas').waitFor()
      await scan('Mirror over an imported file')

      await page.goto(`${suite.app.server.url}#/calculators`)
      await page.click('[data-test="tab-partnerMix"]')
      await page.selectOption('select[data-test="pm-dataset"]', COMTRADE_ID)
      await page.locator('[data-test="pm-imported-file"]').waitFor()
      await scan('partner-mix calculator over an imported file')
      await page.click('[data-test="tab-fullYear"]')
      await page.selectOption('select[data-test="fy-dataset"]', censusId)
      await page.locator('[data-test="fy-imported-file"]').waitFor()
      await scan('full-year calculator over an imported file')

      await screenshot(page, 'zh-imported-calculator')
      expect(found).toEqual({})
      expect(suite.browser.pageErrors, suite.browser.pageErrors.join('\n')).toEqual([])
      await page.close()
    },
  )
})
