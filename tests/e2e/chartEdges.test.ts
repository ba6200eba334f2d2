/**
 * What the charts draw at their edges and on long spans, in Chromium, read from what each chart
 * reports it drew (`data-drawn`), not from screenshots: a note's ring on the first or the last period,
 * and a note's label on a peak, lie whole inside the plot, where the annotation plugin clips them; no bar is drawn thinner than
 * MIN_BAR_WIDTH (the Explorer draws such a bar chart as lines, and says so; the Overview's bars are wide).
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { MIN_BAR_WIDTH } from '../../renderer/src/lib/barWidth'
import { appInBrowser } from '../support/suite'

const suite = appInBrowser()

interface Drawn {
  view: string
  chart: string
  drawnAs: string
  bars: { count: number; thinnest: number | null }
  series: {
    key: string
    points: { period: string; from: number; to: number; bar?: { left: number; right: number } }[]
  }[]
  area: { left: number; right: number; top: number; bottom: number }
  noteMarkers: { x: number; y: number; radius: number; border: number }[]
  noteLabels: { top: number; bottom: number; left: number; right: number }[]
}

const WIDTHS = [1024, 1440]

async function drawn(page: Page): Promise<Drawn> {
  return JSON.parse((await page.getAttribute('[data-test="explorer-chart"]', 'data-drawn'))!) as Drawn
}

const idle = (page: Page) => page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()

/** The headline view, monthly since January 2018: some hundred months, a few pixels each. */
async function openHeadline(width: number): Promise<Page> {
  const page = await suite.browser.newPage({ width, height: 900 })
  await page.goto(`${suite.app.server.url}#/explorer`)
  await page.locator('[data-test="explorer-chart"] canvas').waitFor()
  await page.selectOption('[data-test="preset"]', 'headline')
  await idle(page)
  return page
}

describe('a note on the first or last period, or on a peak', () => {
  it('is drawn whole: its ring and its label lie inside the plot at 1024 and 1440 px', async () => {
    const page = await openHeadline(WIDTHS[0]!)
    // The editor opens on the last period; the second note is moved to the first, the third to the
    // highest point (January–February 2026, near the plot's top), where its label goes above.
    for (const at of ['last', 'first', 'peak'] as const) {
      await page.click('[data-test="add-note"]')
      await page.fill('[data-test="note-text"]', `On the ${at} period`)
      if (at === 'first') {
        const first = await page.locator('[data-test="note-period"] option').first().getAttribute('value')
        await page.selectOption('[data-test="note-period"]', first!)
      }
      if (at === 'peak') await page.selectOption('[data-test="note-period"]', '2026-01..2026-02')
      await page.click('[data-test="note-save"]')
      await page.locator('[data-test="note-editor"]').waitFor({ state: 'detached' })
    }
    await page.close()

    for (const width of WIDTHS) {
      const page = await openHeadline(width)
      // The markers come with the annotation plugin, loaded after the first drawing.
      await expect.poll(async () => (await drawn(page)).noteMarkers.length, { timeout: 20_000 }).toBe(3)
      const { area, noteMarkers, noteLabels } = await drawn(page)
      const [left, , right] = [...noteMarkers].sort((a, b) => a.x - b.x)
      // On a long monthly chart half a month is a few pixels: the ring reached past the plot before.
      expect(right!.x, `${width} px: the last period's ring is near the right edge`).toBeGreaterThan(
        area.right - 20,
      )
      expect(left!.x, `${width} px: the first period's ring is near the left edge`).toBeLessThan(
        area.left + 20,
      )
      for (const m of noteMarkers) {
        const reach = m.radius + m.border / 2
        expect(m.x - reach, `${width} px: ring at ${m.x}`).toBeGreaterThanOrEqual(area.left)
        expect(m.x + reach, `${width} px: ring at ${m.x}`).toBeLessThanOrEqual(area.right)
        expect(m.y - reach).toBeGreaterThanOrEqual(area.top)
        expect(m.y + reach).toBeLessThanOrEqual(area.bottom)
      }
      // Their labels too: the peak's, put above it as the notes alternate, was cut off at the top.
      expect(noteLabels).toHaveLength(3)
      for (const l of noteLabels) {
        const where = `${width} px: label at ${l.left}, ${l.top}`
        expect(l.top, where).toBeGreaterThanOrEqual(area.top)
        expect(l.bottom, where).toBeLessThanOrEqual(area.bottom)
        expect(l.left, where).toBeGreaterThanOrEqual(area.left)
        expect(l.right, where).toBeLessThanOrEqual(area.right)
      }
      await page.close()
    }
    suite.browser.assertOffline()
    expect(suite.browser.pageErrors).toEqual([])
  })
})

describe('bars on a long monthly span', () => {
  /** The chart once it shows `view`'s bars at the given range (after the click that set it). */
  async function barsOf(page: Page, ready: (d: Drawn) => boolean): Promise<Drawn> {
    await idle(page)
    await expect.poll(async () => ready(await drawn(page)), { timeout: 20_000 }).toBe(true)
    return drawn(page)
  }
  const notice = (page: Page) => page.locator('[data-test="bars-as-lines"]')

  it('are never hairlines: too thin, they are drawn as lines and the page says so', async () => {
    for (const width of WIDTHS) {
      const page = await openHeadline(width)
      await page.click('[data-test="chart-bar"]')
      // A hundred months of three series: 1 to 2 px a bar here, so lines, said above the chart.
      const long = await barsOf(page, (d) => d.chart === 'bar')
      expect(long.drawnAs, `${width} px`).toBe('line')
      expect(long.bars.count).toBe(0)
      expect(await notice(page).innerText()).toContain(`under ${MIN_BAR_WIDTH} px`)
      // A year of them: bars, none thinner than the minimum, and nothing said.
      await page.click('[data-test="range-1y"]')
      const year = await barsOf(page, (d) => d.chart === 'bar' && d.drawnAs === 'bar' && d.bars.count > 0)
      expect(year.bars.thinnest!, `${width} px`).toBeGreaterThanOrEqual(MIN_BAR_WIDTH)
      expect(await notice(page).count()).toBe(0)
      await page.close()
    }
  })

  it('the 100% share chart too: too thin, its columns are drawn as 100% stacked areas, and the page says so', async () => {
    const page = await openHeadline(WIDTHS[0]!)
    // Shares of exports and imports (the balance is no part of a total), over all the monthly data.
    await page.click('[data-test="flow-balance"]')
    await idle(page)
    await page.click('[data-test="chart-share"]')
    await page.click('[data-test="range-all"]')
    const long = await barsOf(page, (d) => d.chart === 'share' && d.view.includes('chart=share'))
    // Some 80 months at 1024 px: bars of 2.6 px were drawn before.
    expect(long.drawnAs).toBe('shareArea')
    expect(long.bars.count).toBe(0)
    expect(await notice(page).innerText()).toContain(`100% stacked areas`)
    await page.click('[data-test="range-1y"]')
    const year = await barsOf(page, (d) => d.drawnAs === 'share' && d.bars.count > 0)
    expect(year.bars.thinnest!).toBeGreaterThanOrEqual(MIN_BAR_WIDTH)
    expect(await notice(page).count()).toBe(0)
    await page.close()
    expect(suite.browser.pageErrors).toEqual([])
  })

  it('the ready-made bar views and the Overview draw no bar under the minimum', async () => {
    for (const width of WIDTHS) {
      const page = await suite.browser.newPage({ width, height: 900 })
      await page.goto(`${suite.app.server.url}#/`)
      const overview = page.locator('[data-test="monthly-chart"]')
      await expect
        .poll(async () => (await overview.getAttribute('data-drawn')) ?? '', { timeout: 20_000 })
        .toContain('"bars"')
      const { bars } = JSON.parse((await overview.getAttribute('data-drawn'))!) as Drawn
      expect(bars.count, `Overview at ${width} px`).toBeGreaterThan(50)
      expect(bars.thinnest!, `Overview at ${width} px`).toBeGreaterThanOrEqual(MIN_BAR_WIDTH)

      await page.goto(`${suite.app.server.url}#/explorer`)
      await page.locator('[data-test="explorer-chart"] canvas').waitFor()
      let before = ''
      for (const preset of ['headlineYoy', 'partnersLevel', 'rareEarths', 'soybeans']) {
        await page.selectOption('[data-test="preset"]', preset)
        const d = await barsOf(page, (d) => d.view !== before && d.chart === 'bar')
        before = d.view
        if (d.drawnAs === 'bar')
          expect(d.bars.thinnest!, `${preset} at ${width} px`).toBeGreaterThanOrEqual(MIN_BAR_WIDTH)
        else expect(await notice(page).count(), `${preset} at ${width} px`).toBe(1)
        // Each bar inside its own period: a year missing from every series once pushed the groups
        // beside it off their years (and the first year's off the chart).
        const bars = d.series.flatMap((s) => s.points.filter((p) => p.bar).map((p) => ({ ...p, key: s.key })))
        expect(bars.length).toBe(d.bars.count)
        for (const p of bars) {
          const where = `${preset} at ${width} px: ${p.key} ${p.period}`
          expect(p.bar!.left, where).toBeGreaterThanOrEqual(p.from - 0.5)
          expect(p.bar!.right, where).toBeLessThanOrEqual(p.to + 0.5)
        }
      }
      await page.close()
    }
    suite.browser.assertOffline()
    expect(suite.browser.pageErrors).toEqual([])
  })
})
