/**
 * The app in Chinese shows no English, and at 1024 px no control sticks out of its box: every page, the
 * Explorer's ready-made views, the three calculators and the dialogs, in Chromium with the system
 * language zh-CN. The visible text (and each select's chosen option, placeholders and accessible
 * names) is scanned for Latin words; what may stay in Latin letters is listed below with why. A
 * citation (a source's published title, a file's name), a note quoted from the data and the software
 * licences' package names are marked `translate="no"` and not scanned: they stay as published.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { PRESET_IDS } from '../../renderer/src/lib/presets'
import { screenshot } from '../support/browser'
import { appInBrowser } from '../support/suite'

const suite = appInBrowser()

/**
 * Latin words a Chinese reader sees in Chinese publications too: the names of organisations, data
 * products and publishers as they publish them, file formats, keys, codes and symbols.
 */
const ALLOWED = new Set(
  [
    // Statistical agencies, their data products and the publishers the package's source groups name.
    'GACC WTO UNCTAD WDI IMF OECD UN Comtrade CEPII BACI Eurostat SDMX Stats IMTS ITC',
    'AP Reuters Bloomberg SCMP CNBC dpa AFX FocusEconomics Macrobond',
    // Licences, formats, software and standards.
    'CC BY CSV PNG SVG PDF JSON XLSX Parquet Markdown HTML README UTF SHA ISO HS Electron Chromium',
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
  // One letter is a symbol or a key (x, g_c, Ctrl+S), not a word.
  return (stripped.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.has(w))
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
      const box = el.parentElement?.closest<HTMLElement>('fieldset, section, article, aside, .box, dialog')
      if (!box) continue
      const r = el.getBoundingClientRect()
      const b = box.getBoundingClientRect()
      if (r.width > 0 && r.right > b.right + 1)
        out.push(
          `${el.outerHTML.slice(0, 100)} ends at ${Math.round(r.right)} px, its box at ${Math.round(b.right)}`,
        )
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

  it('no page logged an error', () => {
    expect(suite.browser.pageErrors, suite.browser.pageErrors.join('\n')).toEqual([])
    suite.browser.assertOffline()
  })
})
