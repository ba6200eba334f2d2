/**
 * The calculators' numbers as each language writes them, in Chromium: a percentage with no space before
 * its sign in English and Chinese (14.2%, never "100 %"), the words around it included.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshot } from '../support/browser'
import { appInBrowser } from '../support/suite'

const suite = appInBrowser()

async function calculator(
  locale: string,
  id: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const page = await suite.browser.newPage({ locale, colorScheme })
  await page.goto(`${suite.app.server.url}#/calculators`)
  await page.click(`[data-test="tab-${id}"]`)
  await page.locator(`[data-test="calc-${id}"] .results`).waitFor()
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'))
  await page.locator('main .loading[role="status"]').waitFor({ state: 'detached' })
  return page
}

/** Every percentage the page shows with a space (of any width) between the number and its sign. */
async function spacedPercents(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText()
  return text.split('\n').filter((line) => /\d[ \u00a0\u202f]+%/.test(line))
}

describe('percentages in the world-share calculator', () => {
  it.each([
    ['zh-CN', '超过 100%'],
    ['en-US', 'more than 100%'],
  ])(
    'in %s they have no space before the sign, in results, notes and refusals',
    { timeout: 120_000 },
    async (locale, above) => {
      const page = await calculator(locale, 'worldShare', locale === 'zh-CN' ? 'dark' : 'light')
      // The world-growth form: its caveat, and a path that passes the whole of world exports.
      await page.click('[data-test="ws-model-world"]')
      await page.locator('[data-test="ws-caveat"]').waitFor()
      await page.fill('[data-test="ws-china"]', '40')
      await page.locator('[data-test="ws-exceeds"]').waitFor()
      // A target share out of its range: the field's refusal names the range.
      await page.fill('[data-test="ws-goal-target"]', '150')
      await page.locator('[data-test="ws-goal"] [data-test="field-error"]').waitFor()
      await screenshot(page, `calc-percent-${locale}`)
      expect(await page.locator('[data-test="ws-caveat"]').innerText()).toContain('100%')
      expect(await page.locator('main').innerText()).toContain(above)
      expect(await page.locator('[data-test="ws-goal"] [data-test="field-error"]').innerText()).toMatch(
        /0%.+99\.99%/,
      )
      expect(await spacedPercents(page)).toEqual([])
      await page.close()
    },
  )

  it('no page logged an error', () => {
    expect(suite.browser.pageErrors, suite.browser.pageErrors.join('\n')).toEqual([])
    suite.browser.assertOffline()
  })
})
