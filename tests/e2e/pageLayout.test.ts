/**
 * What a new user sees of the pages' controls, mostly at the narrowest common width (1024 px), in
 * English and Chinese, measured in Chromium rather than looked at: a choice is never cut short by a box narrower
 * than its text, and the shortcuts list keeps each command's name apart from its keys, a calculator's
 * "not in the data" apart from its button.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appInBrowser } from '../support/suite'

const suite = appInBrowser()
const LOCALES = ['en-US', 'zh-CN']

/**
 * Each select on the page that is narrower than it would be with nothing around it (the chosen text
 * cut off): measured against a copy of it placed beside it, out of the flow.
 */
function squeezedSelects(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('main select')).flatMap((element) => {
      const select = element as HTMLSelectElement
      if (!select.checkVisibility()) return []
      const copy = select.cloneNode(true) as HTMLSelectElement
      copy.style.position = 'absolute'
      copy.style.visibility = 'hidden'
      select.parentElement!.append(copy)
      copy.value = select.value
      const natural = copy.getBoundingClientRect().width
      copy.remove()
      const width = select.getBoundingClientRect().width
      return width < natural - 1 ? [`${select.dataset.test}: ${width} px of ${natural}`] : []
    }),
  )
}

describe('at 1024 px', () => {
  it.each(LOCALES)('the Mirror’s choices show their whole text (%s)', async (locale) => {
    const page = await suite.browser.newPage({ width: 1024, height: 900, locale })
    await page.goto(`${suite.app.server.url}#/mirror`)
    await page.locator('[data-test="mirror-view"][aria-busy="false"]').waitFor()
    await page.locator('[data-test="mirror-china-dataset"] option').first().waitFor({ state: 'attached' })
    // The bundled dataset's long name was cut at 26rem.
    expect(await squeezedSelects(page)).toEqual([])
    await page.close()
  })

  it.each(LOCALES)('the shortcuts list keeps names and keys apart (%s)', async (locale) => {
    const page = await suite.browser.newPage({ width: 1024, height: 900, locale })
    await page.goto(`${suite.app.server.url}#/explorer`)
    await page.click('[data-test="show-shortcuts"]')
    await page.locator('[data-test="shortcuts"]').waitFor()
    const gaps = await page.$$eval('[data-test="shortcuts"] tr', (rows) =>
      rows.map((row) => {
        const [name, keys] = Array.from(row.querySelectorAll('td'))
        const text = document.createRange()
        text.selectNodeContents(name!)
        return {
          row: name!.textContent!.trim(),
          gap: keys!.querySelector('kbd')!.getBoundingClientRect().left - text.getBoundingClientRect().right,
        }
      }),
    )
    expect(gaps.length).toBeGreaterThan(5)
    for (const { row, gap } of gaps) expect(gap, row).toBeGreaterThanOrEqual(8)
    await page.close()
  })
})

describe('at 1440 px, where the Chinese words fit on one line with it', () => {
  it.each(LOCALES)('a calculator’s “not in the data” keeps apart from its button (%s)', async (locale) => {
    const page = await suite.browser.newPage({ width: 1440, height: 900, locale })
    await page.goto(`${suite.app.server.url}#/calculators`)
    await page.click('[data-test="tab-partnerMix"]')
    await page.locator('[data-test^="pm-enter-"]').first().waitFor()
    const gaps = await page.$$eval('.gap + button', (buttons) =>
      buttons.map((button) => {
        const words = document.createRange()
        words.selectNodeContents(button.previousElementSibling!)
        const last = Array.from(words.getClientRects()).at(-1)!
        const box = button.getBoundingClientRect()
        // On the same line: the space between the words' end and the button.
        return last.bottom > box.top && last.top < box.bottom ? box.left - last.right : Infinity
      }),
    )
    expect(gaps.length).toBeGreaterThan(0)
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(4)
    await page.close()
  })
})
