/**
 * View invariants, in Chromium, over every ready-made view × frequency × transform × chart type that
 * the controls allow: every drawn point lies inside its period on the x axis, the table holds exactly
 * the chart's numbers (projections included and marked), computed values carry their mark, and no
 * error text is shown. One page per ready-made view; each combination is opened through the address
 * bar and checked from what the chart reports it drew (`data-drawn`), not from screenshots.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { SeriesInfo } from '../../electron/shared/api'
import { CHART_TYPES, encodeViewState, TRANSFORMS, type ViewState } from '../../electron/shared/viewState'
import { formatValue } from '../../renderer/src/lib/format'
import { PRESET_IDS, PRESETS } from '../../renderer/src/lib/presets'
import { normalizeView } from '../../renderer/src/lib/viewRules'
import { appInBrowser } from '../support/suite'

const suite = appInBrowser()

interface DrawnPoint {
  period: string
  value: number | null
  kind: 'published' | 'computed' | 'projected'
  y: number | null
  x: number
  from: number
  to: number
}
interface Drawn {
  view: string
  chart: string
  area: { left: number; right: number }
  series: { key: string; label: string; hidden: boolean; points: DrawnPoint[] }[]
}

/** The distinct views the controls can reach from a ready-made one (as the app normalises them). */
function combinations(preset: ViewState, catalog: readonly SeriesInfo[]): ViewState[] {
  const seen = new Map<string, ViewState>()
  for (const frequency of ['month', 'year', 'ytd'] as const)
    for (const transform of TRANSFORMS)
      for (const chart of CHART_TYPES) {
        const view = normalizeView({ ...preset, frequency, transform, chart }, catalog)
        seen.set(encodeViewState(view), view)
      }
  return [...seen.values()]
}

async function show(page: Page, view: ViewState): Promise<Drawn> {
  const state = encodeViewState(view)
  await page.evaluate((s) => (location.hash = `#/explorer?${s}`), state)
  const handle = await page.waitForFunction(
    (s) => {
      const main = document.querySelector('[data-test="explorer-main"]')
      const drawn = document.querySelector<HTMLElement>('[data-test="explorer-chart"]')?.dataset.drawn
      if (!drawn || main?.getAttribute('aria-busy') !== 'false') return null
      return JSON.parse(drawn).view === s ? drawn : null
    },
    state,
    { timeout: 20_000 },
  )
  return JSON.parse((await handle.jsonValue()) as string) as Drawn
}

/** The table as shown: for each series key, period → the cell's text and its mark. */
async function readTable(page: Page): Promise<Map<string, { text: string; mark: string }>> {
  await page.click('[data-test="tab-table"]')
  await page.locator('[data-test="data-table"]').waitFor()
  const cells = await page.$$eval('[data-test="data-table"] td[data-series]', (tds) =>
    tds.map((td) => ({
      key: `${td.getAttribute('data-series')}@${td.closest('tr')!.getAttribute('data-period')}`,
      text: (td.textContent ?? '').trim(),
      mark: td.querySelector('.computed')?.textContent ?? '',
    })),
  )
  await page.click('[data-test="tab-chart"]')
  return new Map(cells.map((c) => [c.key, { text: c.text.replace(/[†‡]$/, ''), mark: c.mark }]))
}

const ERROR_TEXT = /Several series|INVALID_ARGUMENT|NOT_FOUND|undefined|NaN|\[object|\(\s*\)/

describe.each(PRESET_IDS)('ready-made view "%s" in every frequency, transform and chart', (id) => {
  it('keeps every invariant', { timeout: 600_000 }, async () => {
    const catalog = await suite.app.services.query.listSeries('china-trade')
    const page = await suite.browser.newPage()
    await page.goto(`${suite.app.server.url}#/explorer`)
    await page.locator('[data-test="explorer-chart"] canvas').waitFor()
    const tableChecked = new Set<string>()
    const views = combinations(PRESETS[id], catalog)
    for (const view of views) {
      const where = `${id}: ${encodeViewState(view)}`
      const drawn = await show(page, view)

      // No error text anywhere in the Explorer, and a title without empty parentheses.
      const main = await page.locator('[data-test="explorer-main"]').innerText()
      expect(main, where).not.toMatch(ERROR_TEXT)
      expect(await page.locator('[data-test="message"]').count(), where).toBe(0)

      // Every drawn point inside its period's span on the x axis, and inside the plot.
      if (drawn.chart !== 'ytdByYear')
        for (const s of drawn.series)
          for (const p of s.points.filter((q) => q.y !== null)) {
            expect(p.x, `${where} ${s.key} ${p.period}`).toBeGreaterThanOrEqual(p.from - 0.5)
            expect(p.x, `${where} ${s.key} ${p.period}`).toBeLessThanOrEqual(p.to + 0.5)
            expect(p.x, `${where} ${s.key} ${p.period} in the plot`).toBeGreaterThanOrEqual(
              drawn.area.left - 1,
            )
            expect(p.x, `${where} ${s.key} ${p.period} in the plot`).toBeLessThanOrEqual(drawn.area.right + 1)
          }

      // The chart draws the model's numbers (a 100% chart draws shares; a stack leaves out what it says).
      if (drawn.chart !== 'ytdByYear' && drawn.chart !== 'share')
        for (const s of drawn.series.filter((x) => !x.hidden))
          for (const p of s.points) {
            const stackGap = drawn.chart.startsWith('stacked') && p.y === null
            if (!stackGap) expect(p.y, `${where} ${s.key} ${p.period}`).toBe(p.value)
          }
      if (
        drawn.chart.startsWith('stacked') &&
        drawn.series.some((s) => s.points.some((p) => p.y === null && p.value !== null))
      )
        expect(
          await page.locator('[data-test="stack-gaps"]').count(),
          `${where}: a stack says what it leaves out`,
        ).toBe(1)

      // The table: exactly the chart's numbers, marked computed (†) or projected (‡). The table does
      // not depend on the chart type, so it is read once per data view.
      const dataView = encodeViewState({ ...view, chart: 'line' })
      if (drawn.chart === 'ytdByYear' || tableChecked.has(dataView)) continue
      tableChecked.add(dataView)
      const table = await readTable(page)
      const expected = drawn.series.flatMap((s) => s.points.map((p) => ({ key: `${s.key}@${p.period}`, p })))
      // The model's unit (what the numbers are in), as the page states it for the table.
      const unit = (await page.locator('[data-test="explorer-main"]').getAttribute('data-unit')) ?? ''
      for (const { key, p } of expected) {
        const cell = table.get(key)
        expect(cell, `${where} ${key} in the table`).toBeDefined()
        expect(cell!.text, `${where} ${key}`).toBe(
          p.value === null ? '—' : formatValue(p.value, unit, 'en-US'),
        )
        const mark = p.value === null ? '' : p.kind === 'computed' ? '†' : p.kind === 'projected' ? '‡' : ''
        expect(cell!.mark, `${where} ${key} mark`).toBe(mark)
      }
      const filled = [...table.values()].filter((c) => c.text !== '—').length
      expect(filled, `${where}: the table has no number the chart lacks`).toBe(
        expected.filter((e) => e.p.value !== null).length,
      )
    }
    expect(views.length).toBeGreaterThan(3)
    expect(suite.browser.pageErrors).toEqual([])
    suite.browser.assertOffline()
    await page.close()
  })
})
