/**
 * bench:explore's figures that need the built renderer: the product treemap and the partner world map
 * drawn, and the renderer's memory with the imported dataset open. Debian's Chromium loads the built
 * renderer (out/renderer) from the web transport, which serves the real handlers over the imported
 * library (the data engine forked, as under `npm run serve:web`). Each run is a fresh page in a browser
 * context of its own (nothing cached), walked as a user does: the Explorer, the imported dataset
 * picked, its products ranked in a table, then
 *   - "Treemap": from the click (the click event's timestamp) to the frame after the one the treemap
 *     was drawn for: its `breakdown-treemap-drawn` User Timing mark (Chart.js's afterRender; the
 *     breakdown charts draw without animation), then two requestAnimationFrame callbacks. The click
 *     comes as soon as the table and the Explorer's chart have answered: whatever is left of loading
 *     the pictures' code and the atlas (which the panel starts when the page is idle) is counted.
 *   - "Table" (the baseline): the same measure for the click back to the table, which shows the
 *     ranking already loaded (no query): what redrawing the panel costs on this machine now.
 *   - "Map": the same measure as the treemap; it includes the map's query (every partner ranked).
 *   - memory, once the map is drawn: the page's renderer process (the one whose CPU time grows while
 *     the page spins for a moment), its resident set (VmRSS: every page of memory it holds, shared
 *     ones counted in full), its proportional set (Pss) and its private memory (Private_Clean +
 *     Private_Dirty), from Linux's /proc; and the page's JavaScript heap in use (the DevTools
 *     protocol's Performance.getMetrics, JSHeapUsedSize). Baseline: the same process's resident set
 *     when the Explorer had first drawn the bundled data, before the dataset was picked.
 */
import { readFileSync } from 'node:fs'
import type { CDPSession, Page } from 'playwright-core'
import { dispatch } from '../electron/dispatch'
import { SESSION_FORMAT } from '../electron/shared/notes'
import type { Handlers } from '../electron/handlers'
import { launchBrowser } from '../tests/support/browser'
import { startWebApp } from '../tests/support/webApp'

/** A page step on a machine shared by many can take long: the figures say how long, the waits only bound it. */
const PATIENCE = 300_000

export interface Memory {
  /** Megabytes (10^6 bytes). */
  rssMb: number
  pssMb: number
  privateMb: number
  jsHeapMb: number
}

export interface RendererFigures {
  treemapMs: number
  tableMs: number
  mapMs: number
  /** What was drawn: the treemap's rectangles, the partners the map shades and those it lists. */
  rectangles: number
  shaded: number
  partners: number
  /** With the dataset open, once the map is drawn; and on the bundled data (baseline). */
  memory: Memory | null
  bundledRssMb: number | null
}

/** Renderer processes of the browser: pid → CPU seconds so far. */
async function renderers(cdp: CDPSession): Promise<Map<number, number>> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo' as never)) as {
    processInfo: { type: string; id: number; cpuTime: number }[]
  }
  return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]))
}

/** The page's renderer: the one whose CPU time grows while the page spins (a browser may keep spare ones). */
async function rendererOf(page: Page, cdp: CDPSession): Promise<number | null> {
  const before = await renderers(cdp)
  await page.evaluate(() => {
    const end = performance.now() + 400
    while (performance.now() < end);
  })
  const after = await renderers(cdp)
  let best: [number, number] | null = null
  for (const [pid, cpu] of after) {
    const grew = cpu - (before.get(pid) ?? 0)
    if (!best || grew > best[1]) best = [pid, grew]
  }
  return best?.[0] ?? null
}

/** A /proc field in kB, as megabytes (10^6 bytes); null where /proc cannot be read (not Linux). */
function procMb(pid: number, file: 'status' | 'smaps_rollup', fields: string[]): number | null {
  let text: string
  try {
    text = readFileSync(`/proc/${pid}/${file}`, 'utf8')
  } catch {
    return null
  }
  let kb = 0
  for (const field of fields) {
    const value = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1]
    if (value === undefined) return null
    kb += Number(value)
  }
  return (kb * 1024) / 1e6
}

async function memoryOf(page: Page, browserCdp: CDPSession): Promise<Memory | null> {
  const pid = await rendererOf(page, browserCdp)
  if (pid === null) return null
  const rssMb = procMb(pid, 'status', ['VmRSS'])
  const pssMb = procMb(pid, 'smaps_rollup', ['Pss'])
  const privateMb = procMb(pid, 'smaps_rollup', ['Private_Clean', 'Private_Dirty'])
  if (rssMb === null || pssMb === null || privateMb === null) return null
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  await cdp.detach()
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN
  return { rssMb, pssMb, privateMb, jsHeapMb: heap / 1e6 }
}

/**
 * Clicks `button` and returns the milliseconds from the click event to the second animation frame
 * after `drawn` happened: a User Timing mark made after the click, or an element appearing.
 */
async function timeClick(page: Page, button: string, drawn: { mark: string } | { selector: string }) {
  // No named functions in here: the bench's TypeScript loader would wrap them in a helper the page lacks.
  await page.evaluate(
    ({ button, drawn }) => {
      const w = window as unknown as { benchDrawn?: Promise<number> }
      w.benchDrawn = new Promise<number>((resolve) => {
        let clickedAt = -1
        document.addEventListener(
          'click',
          (event) => {
            if ((event.target as Element).closest(`[data-test="${button}"]`)) clickedAt = event.timeStamp
          },
          { capture: true, once: true },
        )
        // The element appears in a DOM update after the click; the mark is made after it.
        const observer =
          'selector' in drawn
            ? new MutationObserver(() => {
                if (clickedAt < 0 || !document.querySelector(drawn.selector)) return
                observer.disconnect()
                requestAnimationFrame(() =>
                  requestAnimationFrame(() => resolve(performance.now() - clickedAt)),
                )
              })
            : new PerformanceObserver((list) => {
                if (
                  !list
                    .getEntries()
                    .some((e) => e.name === drawn.mark && clickedAt >= 0 && e.startTime >= clickedAt)
                )
                  return
                observer.disconnect()
                requestAnimationFrame(() =>
                  requestAnimationFrame(() => resolve(performance.now() - clickedAt)),
                )
              })
        if (observer instanceof MutationObserver)
          observer.observe(document.body, { childList: true, subtree: true })
        else observer.observe({ type: 'mark' })
      })
    },
    { button, drawn },
  )
  await page.click(`[data-test="${button}"]`)
  return page.evaluate(() => (window as unknown as { benchDrawn: Promise<number> }).benchDrawn)
}

const drawnItems = async (page: Page, kind: 'treemap' | 'map') =>
  JSON.parse((await page.locator(`[data-test="breakdown-${kind}"]`).getAttribute('data-drawn')) ?? '[]') as {
    shaded?: boolean
  }[]

/** One fresh page: the walk above, its times, and the renderer's memory. */
async function walk(
  url: string,
  dataset: string,
  newPage: () => Promise<Page>,
  browserCdp: CDPSession,
): Promise<RendererFigures> {
  const page = await newPage()
  page.setDefaultTimeout(PATIENCE)
  try {
    await page.goto(`${url}#/explorer`, { timeout: PATIENCE })
    await page.waitForFunction(
      () => performance.getEntriesByName('explorer-chart-drawn').length > 0,
      undefined,
      {
        timeout: PATIENCE,
      },
    )
    const bundledRssMb = (await memoryOf(page, browserCdp))?.rssMb ?? null
    await page.locator(`[data-test="dataset"] option[value="${dataset}"]`).waitFor({ state: 'attached' })
    await page.selectOption('[data-test="dataset"]', dataset)
    await page.locator('[data-test="ranking-table"] tbody tr[data-code]').first().waitFor()
    // Settled: the Explorer's chart and the ranking both answered.
    await page.locator('[data-test="ranking"][aria-busy="false"]').waitFor()
    await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()

    const treemapMs = await timeClick(page, 'show-treemap', { mark: 'breakdown-treemap-drawn' })
    const rectangles = (await drawnItems(page, 'treemap')).length
    const tableMs = await timeClick(page, 'show-table', { selector: '[data-test="ranking-table"]' })
    const mapMs = await timeClick(page, 'show-map', { mark: 'breakdown-map-drawn' })
    const partners = await drawnItems(page, 'map')
    if (rectangles === 0 || partners.length === 0) throw new Error('the treemap or the map drew nothing')
    const memory = await memoryOf(page, browserCdp)
    return {
      treemapMs,
      tableMs,
      mapMs,
      rectangles,
      shaded: partners.filter((p) => p.shaded).length,
      partners: partners.length,
      memory,
      bundledRssMb,
    }
  } finally {
    await page.context().close()
  }
}

async function forgetSession(handlers: Handlers): Promise<void> {
  const session = { format: SESSION_FORMAT, formatVersion: 1, savedAt: new Date().toISOString() }
  const saved = await dispatch(handlers, 'saveSession', { session })
  if (!saved.ok) throw new Error(saved.error.message)
}

/** `runs` fresh pages, one after the other, on the library in `userDataDir`. */
export async function measureRenderer(
  userDataDir: string,
  dataset: string,
  runs: number,
): Promise<RendererFigures[]> {
  const app = await startWebApp({ userDataDir })
  const browser = await launchBrowser(app.server.origin)
  try {
    const browserCdp = await browser.browser.newBrowserCDPSession()
    const figures: RendererFigures[] = []
    for (let run = 0; run < runs; run++) {
      // Each page starts as the app does on a first run: the last page's autosaved view forgotten.
      await forgetSession(app.host.handlers)
      figures.push(
        await walk(app.server.url, dataset, () => browser.newPage({ width: 1400, height: 1000 }), browserCdp),
      )
    }
    browser.assertOffline()
    if (browser.pageErrors.length)
      throw new Error(`the page reported errors:\n${browser.pageErrors.join('\n')}`)
    return figures
  } finally {
    await browser.close()
    await app.close()
  }
}
