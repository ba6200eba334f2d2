/**
 * The real built renderer in Debian Chromium, against the real handlers over the web transport.
 * What the user reads must equal the bundled data, and the app must never leave its own origin.
 */
import { describe, expect, it } from 'vitest'
import type { Page, Request } from 'playwright-core'
import { API_PREFIX } from '../../electron/web/wire'
import { formatPeriod } from '../../electron/shared/periods'
import { holdCall, screenshot } from '../support/browser'
import { appInBrowser } from '../support/suite'

const suite = appInBrowser()

const card = (page: Page, flow: string, part: 'level' | 'yoy') =>
  page.locator(`[data-flow="${flow}"] [data-test="${part}"]`)

async function openOverview(): Promise<Page> {
  const page = await suite.browser.newPage()
  await page.goto(suite.app.server.url)
  await card(page, 'exports', 'level').waitFor()
  return page
}

describe('Overview', () => {
  it('opens on the latest month in the data, with its sources', async () => {
    const page = await openOverview()
    const latest = await suite.app.services.query.headline('china-trade')
    await expect
      .poll(() => page.locator('[data-test="period-title"]').textContent())
      .toBe(formatPeriod(latest.period))
    const exports = latest.figures.find((f) => f.flow === 'exports')!
    if (exports.yoy)
      expect(await card(page, 'exports', 'yoy').textContent()).toContain(
        `${exports.yoy.value > 0 ? '+' : ''}${exports.yoy.value}%`,
      )
    // What the release holds, as sentences each followed by a space (they once ran together).
    const contents = (await page.locator('[data-test="release-contents"]').textContent())!
    expect(contents).toMatch(/^Published for this month: .+\.( \S.*\.)*$/)
    expect(contents).not.toMatch(/\.[A-Z]/)
    await page.locator('[data-test="monthly-chart"] canvas').waitFor()
    await screenshot(page, 'overview-latest')
    suite.browser.assertOffline()
  })

  it('shows November 2025 as published: exports $330.3 bn +5.9%, imports $218.6 bn +1.9%', async () => {
    const page = await openOverview()
    await page.selectOption('[data-test="period"]', '2025-11')
    await expect.poll(() => page.locator('[data-test="period-title"]').textContent()).toBe('Nov 2025')
    // The title follows the choice at once; the cards when November's figures have arrived (a busy
    // machine can take a while): wait for each value, never read a card once.
    await expect.poll(() => card(page, 'exports', 'level').textContent()).toBe('$330.3 bn')
    await expect.poll(() => card(page, 'exports', 'yoy').textContent()).toContain('+5.9%')
    await expect.poll(() => card(page, 'imports', 'level').textContent()).toBe('$218.6 bn')
    await expect.poll(() => card(page, 'imports', 'yoy').textContent()).toContain('+1.9%')

    // The balance card shows exactly the preferred observation, and every card names its source.
    const [balance] = await suite.app.services.query.observations(
      'china-trade',
      'trade_balance_usd',
      '2025-11',
    )
    await expect.poll(() => card(page, 'balance', 'level').textContent()).toBe(`$${balance!.value} bn`)
    const exportsSource = (
      await suite.app.services.query.observations('china-trade', 'exports_usd', '2025-11')
    )[0]!.source
    const sources = page.locator('[data-flow="exports"] .sources')
    await expect.poll(() => sources.textContent()).toContain(exportsSource.title)
    expect(await sources.locator('a').first().getAttribute('href')).toBe(exportsSource.url)
    await screenshot(page, 'overview-2025-11')
    suite.browser.assertOffline()
  })

  it('shows October 2025 exports at -1.1% and a missing import level as missing, not filled', async () => {
    const page = await openOverview()
    await page.selectOption('[data-test="period"]', '2025-10')
    await expect.poll(() => card(page, 'exports', 'yoy').textContent()).toContain('-1.1%')
    // No source read gives the import level for October 2024; the y/y rate was published.
    await page.selectOption('[data-test="period"]', '2024-10')
    await expect
      .poll(() => card(page, 'imports', 'level').textContent())
      .toContain('not published in the sources read')
    expect(await card(page, 'imports', 'yoy').textContent()).toMatch(/[+-]?\d/)
  })

  it('shows the month chosen last when an earlier month’s figures arrive after it', async () => {
    const page = await openOverview()
    // A slow machine: October's figures are held until November's, chosen after it, are on screen.
    const isOctober = (request: Request) =>
      new URL(request.url()).pathname === `${API_PREFIX}getHeadline` &&
      (JSON.parse(request.postData() ?? '{}') as { period?: string }).period === '2025-10'
    const answer = await holdCall(page, 'getHeadline', isOctober)
    await page.selectOption('[data-test="period"]', '2025-10')
    await page.selectOption('[data-test="period"]', '2025-11')
    await expect.poll(() => card(page, 'exports', 'level').textContent()).toBe('$330.3 bn')
    const late = page.waitForEvent('requestfinished', isOctober)
    answer()
    await late
    // October's answer is in, and the page has had a frame and a task after it to show it (it would have).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))))
    expect(await page.locator('[data-test="period-title"]').textContent()).toBe('Nov 2025')
    expect(await card(page, 'exports', 'level').textContent()).toBe('$330.3 bn')
    expect(await page.locator('[data-test="period"]').inputValue()).toBe('2025-11')
    await page.close()
  })

  it('keeps January and February combined as one period', async () => {
    const page = await openOverview()
    const options = await page.locator('[data-test="period"] option').allTextContents()
    expect(options).toContain('Jan–Feb 2025')
    expect(options).not.toContain('Jan 2025')
    await page.selectOption('[data-test="period"]', '2025-01..2025-02')
    await expect.poll(() => page.locator('[data-test="period-title"]').textContent()).toBe('Jan–Feb 2025')
    expect(await page.textContent('main')).toContain('January and February combined')
  })
})

describe('Datasets', () => {
  it('lists the bundled package with its coverage, licence, sources and resources', async () => {
    const page = await openOverview()
    await page.click('nav >> text=Datasets')
    const dataset = page.locator('[data-dataset="china-trade"]')
    await dataset.waitFor()
    const [summary] = suite.app.services.catalog.list()
    expect(await dataset.locator('h3').textContent()).toBe(summary!.title)
    expect(await dataset.locator('[data-test="coverage"]').textContent()).toContain(
      formatPeriod(summary!.coverage.from!),
    )
    expect(await dataset.textContent()).toContain('Creative Commons Attribution 4.0')
    for (const resource of summary!.resources) expect(await dataset.textContent()).toContain(resource.title)
    await screenshot(page, 'datasets')
    suite.browser.assertOffline()
  })
})

describe('Errors', () => {
  it('shows the main process error message to the user instead of a blank page', async () => {
    const page = await suite.browser.newPage()
    // A page without this run's token: every API call is refused with UNAUTHORIZED.
    await page.goto(`${suite.app.server.origin}/`)
    const alert = page.locator('[role="alert"]')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('did not give the local server its access key')
    await screenshot(page, 'error-unauthorized')
  })

  it('no page logged an error other than the refused calls, and nothing left the app origin', () => {
    expect(suite.browser.pageErrors.filter((e) => !e.includes('401'))).toEqual([])
    suite.browser.assertOffline()
  })
})
