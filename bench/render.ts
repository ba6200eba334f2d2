/**
 * `npm run bench:render`: chart performance in Debian Chromium.
 *  1. App load to first Explorer chart drawn (User Timing mark), against the page's own
 *     DOMContentLoaded as the baseline: target ≤ 1 s, and ≤ DOMContentLoaded + 300 ms; the
 *     JavaScript loaded before that first chart: target ≤ 600 KB. Counted: the decoded size (what the
 *     engine parses; the server sends files as built, uncompressed, as app:// does) of every .js file
 *     the page had finished loading by the first-chart mark: the entry, its preloaded chunks, the
 *     Explorer's chunks and the web transport's bridge script. Each figure is the median of the loads.
 *     Beside them, from as many loads again, traced: the CPU time the page's thread spent from
 *     DOMContentLoaded to the first chart, which a busy machine stretches far less than the wall time.
 *  2. A 100 000-point series drawn with the app's chart configuration vs a plain Chart.js one
 *     (the baseline, same run): first draw, redraw (target ≤ 100 ms), pan and zoom frames (median,
 *     target ≤ 16 ms).
 * Run after `npm run build` (the script does it).
 */
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { build } from 'vite'
import { launchBrowser } from '../tests/support/browser'
import { startWebApp } from '../tests/support/webApp'
import { startWebServer } from '../electron/web/server'
import type { RenderResult } from './renderResult'

const root = fileURLToPath(new URL('..', import.meta.url))
const harnessOut = join(root, 'bench', '.cache', 'render-harness')
const RUNS = 5
const POINTS = Number(process.env.BENCH_POINTS ?? 100_000)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const pad = (label: string) => label.padEnd(52)
const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`
const met = (ok: boolean) => (ok ? 'met' : 'MISSED')

/** Resolves once the page has the User Timing mark (run in the page). */
const waitForMark = (mark: string) =>
  new Promise<void>((resolve, reject) => {
    if (performance.getEntriesByName(mark).length > 0) return resolve()
    setTimeout(() => reject(new Error(`no ${mark} mark within 30 s`)), 30_000)
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName(mark).length === 0) return
      observer.disconnect()
      resolve()
    }).observe({ type: 'mark' })
  })

type TraceEvent = {
  name: string
  ph: string
  ts: number
  dur?: number
  tdur?: number
  pid: number
  tid: number
}

/**
 * From a Chromium trace of one load: the CPU time (thread time) the page's main thread spent in its
 * tasks between DOMContentLoaded and `mark`, in ms; a task that straddles either end counts for the
 * part of its wall time inside.
 */
function pageThreadCpu(trace: { traceEvents: TraceEvent[] }, mark: string): number {
  const events = trace.traceEvents
  const dom = events.find((e) => e.name === 'MarkDOMContent')
  const end = events.find((e) => e.name === mark)
  if (!dom || !end) throw new Error(`the trace has no DOMContentLoaded or no ${mark}`)
  let cpu = 0
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.pid !== dom.pid || e.tid !== dom.tid || !e.dur) continue
    const inside = Math.min(e.ts + e.dur, end.ts) - Math.max(e.ts, dom.ts)
    if (inside > 0) cpu += ((e.tdur ?? 0) * inside) / e.dur
  }
  return cpu / 1000
}

async function main(): Promise<void> {
  await build({
    root: join(root, 'bench', 'render'),
    base: './',
    logLevel: 'warn',
    plugins: [vue()],
    resolve: { alias: { '@shared': join(root, 'electron', 'shared') } },
    build: { outDir: harnessOut, emptyOutDir: true },
  })

  const app = await startWebApp()
  // The harness is served by the same transport (same CSP), from its own folder.
  const harness = await startWebServer({ rendererDir: harnessOut, handlers: app.host.handlers })
  const browser = await launchBrowser(app.server.origin, harness.origin)
  try {
    const loads: { first: number; dom: number; jsBytes: number; jsFiles: number }[] = []
    for (let i = 0; i < RUNS; i++) {
      // Watched, not routed (see watchOnly): the app's requests never wait on this process.
      const page = await browser.newPage({ watchOnly: true })
      await page.goto(`${app.server.url}#/explorer`)
      // Waited for by the page's own PerformanceObserver: Playwright's waitForFunction first compiles
      // its injected script on the page's thread (about 10 ms there), inside the window measured.
      await page.evaluate(waitForMark, 'explorer-chart-drawn')
      loads.push(
        await page.evaluate(() => {
          const first = performance.getEntriesByName('explorer-chart-drawn')[0]!.startTime
          // JavaScript the page had loaded by the time the first chart was drawn: decoded bytes of every
          // .js file (scripts, module preloads and dynamic imports alike) finished by the mark.
          const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
            (r) => new URL(r.name).pathname.endsWith('.js') && r.responseEnd <= first,
          )
          const jsBytes = scripts.reduce((sum, r) => sum + r.decodedBodySize, 0)
          return {
            jsFiles: scripts.length,
            first,
            dom: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
              .domContentLoadedEventEnd,
            jsBytes,
          }
        }),
      )
      await page.close()
    }
    // Traced apart from the loads timed above, so tracing costs them nothing.
    const cpu: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ watchOnly: true })
      await browser.browser.startTracing(page, {
        categories: [
          'toplevel',
          'blink.user_timing',
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
        ],
      })
      await page.goto(`${app.server.url}#/explorer`)
      await page.evaluate(waitForMark, 'explorer-chart-drawn')
      cpu.push(
        pageThreadCpu(JSON.parse((await browser.browser.stopTracing()).toString()), 'explorer-chart-drawn'),
      )
      await page.close()
    }
    const first = median(loads.map((l) => l.first))
    const dom = median(loads.map((l) => l.dom))
    const afterDom = median(loads.map((l) => l.first - l.dom))
    const jsKb = median(loads.map((l) => l.jsBytes)) / 1024
    const jsFiles = median(loads.map((l) => l.jsFiles))

    const page = await browser.newPage({ width: 1300, height: 600 })
    page.on('console', (m) => m.type() === 'error' && console.error(m.text()))
    await page.goto(`${harness.origin}/index.html`)
    await page.waitForFunction(() => 'runRenderBenchmark' in window)
    const results: RenderResult[] = []
    for (let i = 0; i < 3; i++)
      results.push(
        await page.evaluate(
          (n) =>
            (
              window as unknown as { runRenderBenchmark: (n: number) => Promise<RenderResult> }
            ).runRenderBenchmark(n),
          POINTS,
        ),
      )
    const pick = (f: (r: RenderResult) => number) => median(results.map(f))

    // Timings scale with what else the machine runs: say what it was running.
    const [load1] = loadavg()
    console.log(
      `\nExplorer load (median of ${RUNS} page loads; load average ${load1!.toFixed(1)} on ${cpus().length} cores)`,
    )
    console.log(`  ${pad('DOMContentLoaded (baseline)')}${ms(dom)}`)
    console.log(
      `  ${pad('first chart drawn with data (target ≤ 1000 ms)')}${ms(first)}  ${(first / dom).toFixed(2)}× baseline  ${met(first <= 1000)}`,
    )
    console.log(
      `  ${pad('first chart after DOMContentLoaded (target ≤ 300 ms)')}${ms(afterDom)}  ${met(afterDom <= 300)}`,
    )
    console.log(
      `  ${pad('page-thread CPU, DOMContentLoaded to first chart')}${ms(median(cpu))}  (${RUNS} traced loads)`,
    )
    console.log(
      `  ${pad('JavaScript loaded before the first chart (≤ 600 KB)')}${`${jsKb.toFixed(0)} KB`.padStart(11)}  ${met(jsKb <= 600)}`,
    )
    console.log(
      `    (decoded bytes of the ${jsFiles} .js files finished by the first-chart mark; 1 KB = 1024 bytes)`,
    )
    console.log(`\n${POINTS.toLocaleString('en-US')}-point series (median of 3 runs; frames: median of 30)`)
    for (const [label, f, target] of [
      ['first draw', (r: RenderResult) => r.app.firstDraw, ''],
      ['redraw', (r: RenderResult) => r.app.redraw, ' (target ≤ 100 ms)'],
      ['pan frame', (r: RenderResult) => r.app.pan, ' (target ≤ 16 ms)'],
      ['zoom frame', (r: RenderResult) => r.app.zoom, ' (target ≤ 16 ms)'],
    ] as const) {
      const base = pick(
        (r) =>
          r.baseline[
            label === 'first draw' ? 'firstDraw' : (label.split(' ')[0] as 'redraw' | 'pan' | 'zoom')
          ],
      )
      const mine = pick(f)
      console.log(`  ${pad(`plain Chart.js ${label} (baseline)`)}${ms(base)}`)
      console.log(`  ${pad(`app chart ${label}${target}`)}${ms(mine)}  ${(mine / base).toFixed(2)}× baseline`)
    }
    browser.assertOffline()
  } finally {
    await browser.close()
    await harness.close()
    await app.close()
  }
}

await main()
