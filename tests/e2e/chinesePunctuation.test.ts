/**
 * The Chinese pages punctuate as Chinese text does: no ASCII comma, colon, semicolon or bracket beside a
 * Chinese character ("出口, 2026年4月", "键盘快捷键 (?)", "出口: 1,234"), in what the page shows and in what a
 * screen reader or a hover reads (aria-label, title). The calculators' formulas are mathematics, written
 * in ASCII, and are not read here.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appInBrowser } from '../support/suite'

const suite = appInBrowser()

/** Texts with an ASCII mark beside a Chinese character (or a full-width bracket). */
function misPunctuated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const han = '\\u4e00-\\u9fff）」”'
    const wrong = new RegExp(`[${han}] ?[,:;!?(]|[,:;!?)] ?[${han.slice(0, -3)}]`)
    const skip = 'code, kbd, pre, script, style, [translate="no"], .formula'
    const found = new Set<string>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || el.closest(skip) || !el.checkVisibility({ visibilityProperty: true })) continue
      const text = node.textContent ?? ''
      if (wrong.test(text)) found.add(text.trim().slice(0, 120))
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title]'))) {
      if (el.closest(skip)) continue
      for (const name of ['aria-label', 'title']) {
        const text = el.getAttribute(name)
        if (text && wrong.test(text)) found.add(`${name}: ${text.slice(0, 120)}`)
      }
    }
    return [...found]
  })
}

async function settled(page: Page, ready: string): Promise<void> {
  await page.locator(ready).first().waitFor()
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'))
}

describe('Chinese punctuation', () => {
  it(
    'every page and calculator punctuates its Chinese text with Chinese marks',
    { timeout: 180_000 },
    async () => {
      const page = await suite.browser.newPage({ locale: 'zh-CN' })
      const found: Record<string, string[]> = {}
      const check = async (screen: string) => {
        const texts = await misPunctuated(page)
        if (texts.length) found[screen] = texts
      }
      // One window goes from page to page: what shows a page is ready is its own (the page before it,
      // still on screen while the next one's code loads, has a `main h2` too).
      for (const [route, ready] of [
        ['/', '[data-test="monthly-chart"] canvas'],
        ['/explorer', '[data-test="explorer-chart"] canvas'],
        ['/mirror', '[data-test="mirror-view"]'],
        ['/datasets', '[data-dataset="china-trade"]'],
        ['/notes', '[data-test="notes-search"]'],
        ['/about', '[data-test="licences"] li'],
      ]) {
        await page.goto(`${suite.app.server.url}#${route}`)
        await settled(page, ready!)
        // The Overview's cards are named by their flow and month, once the month is read.
        if (route === '/') await page.locator('article.card[aria-label*="月"]').first().waitFor()
        await check(route!)
      }
      await page.goto(`${suite.app.server.url}#/calculators`)
      for (const id of ['fullYear', 'partnerMix', 'worldShare']) {
        await page.click(`[data-test="tab-${id}"]`)
        await settled(page, `[data-test="calc-${id}"] .results`)
        await page.locator('main .loading[role="status"]').waitFor({ state: 'detached' })
        await check(id)
      }
      expect(found).toEqual({})
      expect(suite.browser.pageErrors, suite.browser.pageErrors.join('\n')).toEqual([])
      await page.close()
    },
  )
})
