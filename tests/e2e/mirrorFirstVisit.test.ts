/**
 * The Mirror page in a new library (only the bundled data): before the partner's side is chosen the
 * page says what to choose, in plain words and not as an error; a chosen dataset without the data
 * still says so as an error. While the list of datasets is still on its way, nothing is called missing.
 */
import { describe, expect, it } from 'vitest'
import { holdCall, screenshot } from '../support/browser'
import { appInBrowser } from '../support/suite'

const suite = appInBrowser()

describe('the Mirror page before the partner’s data is chosen', () => {
  for (const [locale, guidance, problem] of [
    ['en-US', /Choose where the partner’s imports come from/, /No series for/],
    ['zh-CN', /请选择伙伴进口数据的来源/, /没有数据/],
  ] as const)
    it(`says what to choose, not that data is missing (${locale})`, async () => {
      const page = await suite.browser.newPage({ locale })
      await page.goto(`${suite.app.server.url}#/mirror`)
      const hint = page.locator('[data-test="mirror-guidance"]')
      await hint.waitFor()
      expect(await hint.innerText()).toMatch(guidance)
      expect(await page.locator('[role="alert"]').count()).toBe(0)
      expect(await page.locator('[data-test="mirror-partner-error"]').count()).toBe(0)
      await screenshot(page, `mirror-first-visit-${locale}`)

      // Chosen, the bundled dataset has no partner's report: now that is an error, and says so.
      await page.selectOption('[data-test="mirror-partner-dataset"]', 'china-trade')
      await expect.poll(() => page.url()).toContain('partnerData=china-trade')
      const error = page.locator('[data-test="mirror-partner-error"]')
      await error.waitFor()
      expect(await error.innerText()).toMatch(problem)
      expect(await hint.count()).toBe(0)
      await page.close()
    })
})

describe('the Mirror page while the list of datasets is on its way', () => {
  for (const [locale, loading, missing, bundled] of [
    ['en-US', 'Loading…', /not in this library/, /China/],
    ['zh-CN', '加载中…', /不在本机数据库中/, /中国/],
  ] as const)
    it(`reads as loading and busy, not as a dataset missing from the library (${locale})`, async () => {
      // A slow machine: the catalog answers only when the test lets it.
      const page = await suite.browser.newPage({ locale })
      const answer = await holdCall(page, 'listDatasets')
      await page.goto(`${suite.app.server.url}#/mirror`)
      const china = page.locator('[data-test="mirror-china-dataset"]')
      await china.waitFor()
      expect(await china.locator('option').allInnerTexts()).toEqual([loading])
      expect(await page.locator('[data-test="mirror-view"]').getAttribute('aria-busy')).toBe('true')

      answer()
      await page.locator('[data-test="mirror-view"][aria-busy="false"]').waitFor()
      const labels = await china.locator('option').allInnerTexts()
      expect(labels.join('\n')).not.toMatch(missing)
      expect(await china.locator('option:checked').innerText()).toMatch(bundled)
      expect(suite.browser.pageErrors).toEqual([])
      await page.close()
    })
})
