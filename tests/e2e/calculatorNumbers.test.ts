/**
 * The calculators' numbers as each language writes them, in Chromium: a percentage with no space before
 * its sign in English and Chinese (14.2%, never "100 %"), the words around it included; a column of
 * numbers read down at one precision.
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

describe("the calculators' numbers", () => {
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

  it.each(['zh-CN', 'en-US'])(
    "in %s the partner-mix calculator's contributions are one precision down the column",
    { timeout: 120_000 },
    async (locale) => {
      const page = await calculator(locale, 'partnerMix', locale === 'zh-CN' ? 'light' : 'dark')
      const cells = page.locator('[data-test="pm-shares"] tbody td:last-child')
      // Only the US moves (and the part of its loss sold elsewhere): the other partners add nothing.
      await page.fill('[data-test="pm-growth-us"]', '-10')
      await expect.poll(async () => (await cells.allInnerTexts()).some((c) => /[1-9]/.test(c))).toBe(true)
      await screenshot(page, `calc-contributions-${locale}`)
      const texts = await cells.allInnerTexts()
      const decimals = texts.map((c) => /\d+(?:\.(\d+))?/.exec(c)?.[1]?.length ?? 0)
      expect(texts.length).toBeGreaterThan(2)
      expect(new Set(decimals), texts.join(' | ')).toEqual(new Set([2]))
      // A partner that does not move reads 0.00 beside the US's decimals, not 0.
      expect(texts.some((c) => /^0\.00 /.test(c))).toBe(true)
      await page.close()
    },
  )

  it.each([
    ['zh-CN', 'worldShare', 'dark'],
    ['en-US', 'worldShare', 'light'],
    ['en-US', 'fullYear', 'dark'],
  ] as const)(
    "in %s the %s calculator's track record reads each computed column at one precision",
    { timeout: 120_000 },
    async (locale, id, colorScheme) => {
      const page = await calculator(locale, id, colorScheme)
      await page.locator('[data-test^="track-row-"]').first().waitFor()
      // Each method's projections and errors, column by column: the error cell and the one before it.
      const columns = await page.evaluate(() => {
        const out: Record<string, string[]> = {}
        for (const error of Array.from(
          document.querySelectorAll<HTMLElement>('[data-test^="track-error-"]'),
        )) {
          const method = error.dataset.test!
          const projected = error.previousElementSibling as HTMLElement
          ;(out[`${method} projected`] ??= []).push(projected.innerText.trim())
          ;(out[`${method} error`] ??= []).push(error.innerText.trim())
        }
        return out
      })
      await screenshot(page, `calc-track-${id}-${locale}-${colorScheme}`)
      expect(Object.keys(columns).length).toBeGreaterThan(1)
      for (const [column, texts] of Object.entries(columns)) {
        const decimals = new Set(
          texts.map((c) => /\d+(?:\.(\d+))?/.exec(c.replace(/,/g, ''))?.[1]?.length ?? 0),
        )
        expect({ column, decimals: decimals.size }, texts.join(' | ')).toEqual({ column, decimals: 1 })
      }
      await page.close()
    },
  )

  it('no page logged an error', () => {
    expect(suite.browser.pageErrors, suite.browser.pageErrors.join('\n')).toEqual([])
    suite.browser.assertOffline()
  })
})
