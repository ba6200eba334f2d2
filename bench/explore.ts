/**
 * `npm run bench:explore`: issue 11's speed figures on the benchmark import (bench/import.ts's
 * generated Comtrade Plus file, 10 million rows unless `--rows N` or BENCH_ROWS):
 *   - through the handlers the Explorer's breakdown panel calls, in a fresh process on the imported
 *     library: the first partner chart, the first product chart, and each drill-down step (all
 *     products → section → chapter → heading → subheading, each the largest of its level), against a
 *     baseline measured in the same run: DuckDB alone answering the partner ranking with one group-by
 *     pass over the dataset's stored rows (its facts Parquet file). Each is measured in a fresh
 *     process, RUNS times (BENCH_RUNS, default 3) alternating with the baseline, and the median printed.
 *   - in Chromium through the built renderer (exploreRenderer.ts): the treemap and the map drawn, from
 *     the user's click to the drawn frame, against the click back to the table; and the renderer's
 *     memory with the dataset open, against the same renderer on the bundled data. Medians of RUNS
 *     fresh pages; the memory the largest of them.
 * Prints each figure, its ratio to its baseline, whether each target is met, and the load average (the
 * machine is shared: one slow run says little).
 *
 * The import of 10 million rows takes minutes: with BENCH_LIBRARY=<folder> the imported library is
 * kept in that folder and the next run with the same folder reuses it (delete the folder to import
 * again, e.g. after the import itself changed).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { DuckDBInstance } from '@duckdb/node-api'
import { dispatch } from '../electron/dispatch'
import { createHandlers } from '../electron/handlers'
import { openServices } from '../electron/services'
import type { Ranking } from '../electron/shared/exploreApi'
import { FILE, generate, worker } from './import'
import { measureRenderer, type RendererFigures } from './exploreRenderer'

const dataDir = fileURLToPath(new URL('../data', import.meta.url))
const RUNS = Number(process.env.BENCH_RUNS ?? 3)

/** The dataset's stored rows, keyed as read: the library's only dataset here, its one version. */
const factsParquet = (userDataDir: string) => join(userDataDir, 'library', '*', 'v*', 'facts.parquet')

/** DuckDB alone: partners ranked by value, one group-by pass over the stored rows. */
async function baseline(parquet: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  const t0 = performance.now()
  const reader = await connection.runAndReadAll(
    `select partner_k, sum(value) as v from read_parquet('${parquet.replace(/'/g, "''")}') group by partner_k order by v desc limit 10`,
  )
  const ms = performance.now() - t0
  if (reader.getRows().length === 0) throw new Error('no partners')
  connection.closeSync()
  instance.closeSync()
  return ms
}

interface Figures {
  dataset: string
  rows: number
  partnerMs: number
  productMs: number
  steps: [string, number][]
}

/** One fresh process's first partner chart, first product chart and drill-down steps. */
async function measure(userDataDir: string): Promise<Figures> {
  const services = await openServices({ dataDir, userDataDir })
  const handlers = createHandlers(services)
  const list = await dispatch(handlers, 'listImports', {})
  if (!list.ok) throw new Error(list.error.message)
  const { id: dataset, rows } = (list.data as { items: { id: string; rows: number }[] }).items[0]!
  const timed = async (args: Record<string, unknown>): Promise<[number, Ranking]> => {
    const t0 = performance.now()
    const answer = await dispatch(handlers, 'getRanking', { dataset, ...args })
    const ms = performance.now() - t0
    if (!answer.ok) throw new Error(answer.error.message)
    return [ms, answer.data as Ranking]
  }
  const [partnerMs] = await timed({ by: 'partner' })
  const [productMs, sections] = await timed({ by: 'product' })
  const steps: [string, number][] = []
  let level = sections
  while (level.rows[0]?.drill) {
    const node = level.rows[0]
    const [ms, next] = await timed({ by: 'product', parent: node.code })
    steps.push([`    into ${node.code} (${next.rows.length} rows)`, ms])
    level = next
  }
  await services.close()
  return { dataset, rows, partnerMs, productMs, steps }
}

/** `measure` in a child process of its own (this file with `--measure <dir>`). */
function measureFresh(userDataDir: string): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', userDataDir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!) as Figures)
        : reject(new Error(`measure failed (${code})`)),
    )
  })
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')

/**
 * The imported library: kept in BENCH_LIBRARY and reused when that folder holds one already, else
 * imported into a temporary folder, removed at the end.
 */
async function library(): Promise<{ dir: string; note: string; done(): void }> {
  const kept = process.env.BENCH_LIBRARY
  if (kept && existsSync(join(kept, 'library')) && readdirSync(join(kept, 'library')).length > 0)
    return { dir: kept, note: `reused from ${kept} (imported by an earlier run)`, done: () => {} }
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'cte-bench-explore-'))
  mkdirSync(dir, { recursive: true })
  const imported = await worker(['import', FILE, dir])
  const note = `imported in ${(imported.importMs! / 1000).toFixed(0)} s${kept ? `, kept in ${kept}` : ''}`
  return { dir, note, done: () => kept || rmSync(dir, { recursive: true, force: true }) }
}

export async function benchExplore(): Promise<boolean> {
  await generate()
  const loadBefore = load()
  const lib = await library()
  try {
    const runs: Figures[] = []
    const bases: number[] = []
    for (let run = 0; run < RUNS; run++) {
      bases.push(await baseline(factsParquet(lib.dir)))
      runs.push(await measureFresh(lib.dir))
    }
    const base = median(bases)
    const partnerMs = median(runs.map((r) => r.partnerMs))
    const productMs = median(runs.map((r) => r.productMs))
    const steps: [string, number][] = runs[0]!.steps.map(([name], i) => [
      name,
      median(runs.map((r) => r.steps[i]![1])),
    ])
    const loadHandlers = load()
    const pages: RendererFigures[] = await measureRenderer(lib.dir, runs[0]!.dataset, RUNS)
    const treemapMs = median(pages.map((p) => p.treemapMs))
    const mapMs = median(pages.map((p) => p.mapMs))
    const tableMs = median(pages.map((p) => p.tableMs))
    const memories = pages.flatMap((p) => (p.memory ? [p.memory] : []))
    const memory = memories.length ? memories.reduce((a, b) => (b.rssMb > a.rssMb ? b : a)) : null
    const bundled = pages.flatMap((p) => (p.bundledRssMb === null ? [] : [p.bundledRssMb]))
    const bundledRssMb = bundled.length ? Math.max(...bundled) : null

    console.log(
      `\nExplore benchmark (issue 11): ${runs[0]!.rows.toLocaleString('en-US')} imported rows (${lib.note})`,
    )
    console.log(
      `  load average (1, 5, 15 min; 2 cores shared): ${loadBefore} before, ${loadHandlers} after the handler figures, ${load()} at the end`,
    )
    const line = (name: string, ms: number, ratio: string) =>
      console.log(`  ${name.padEnd(60)} ${ms.toFixed(1).padStart(8)} ms  ${ratio}`)
    const ratio = (ms: number) => `${(ms / base).toFixed(2)}× baseline`
    console.log(`  handlers, each figure the median of ${RUNS} fresh processes:`)
    line('baseline: DuckDB alone, partners over the stored rows', base, '(baseline)')
    line('first partner chart', partnerMs, ratio(partnerMs))
    line('first product chart', productMs, ratio(productMs))
    console.log('  drill-down, largest of each level:')
    for (const [name, ms] of steps) line(name, ms, ratio(ms))
    const first = pages[0]!
    console.log(
      `  Chromium, built renderer, click to drawn frame; the median of ${RUNS} fresh pages (${first.rectangles} rectangles; ${first.shaded} of ${first.partners} partners shaded on the map):`,
    )
    const clickRatio = (ms: number) => `${(ms / tableMs).toFixed(2)}× baseline`
    line('baseline: back to the table (no query)', tableMs, '(baseline)')
    line('treemap drawn (first click)', treemapMs, clickRatio(treemapMs))
    line('map drawn (first click: every partner ranked)', mapMs, clickRatio(mapMs))
    const mb = (x: number) => `${x.toFixed(0).padStart(6)} MB`
    if (memory) {
      console.log(
        `  renderer memory with the dataset open, the map drawn (the page's renderer process; the largest of ${memories.length} pages; 1 MB = 10^6 bytes):`,
      )
      const vsBundled = bundledRssMb ? `  ${(memory.rssMb / bundledRssMb).toFixed(2)}× baseline` : ''
      if (bundledRssMb)
        console.log(`    ${'baseline: resident set on the bundled data'.padEnd(58)} ${mb(bundledRssMb)}`)
      console.log(`    ${'resident set (VmRSS)'.padEnd(58)} ${mb(memory.rssMb)}${vsBundled}`)
      console.log(`    ${'proportional set (Pss)'.padEnd(58)} ${mb(memory.pssMb)}`)
      console.log(`    ${'private (Private_Clean + Private_Dirty)'.padEnd(58)} ${mb(memory.privateMb)}`)
      console.log(`    ${'JavaScript heap in use (JSHeapUsedSize)'.padEnd(58)} ${mb(memory.jsHeapMb)}`)
    } else console.log('  renderer memory: not measured (it is read from Linux /proc)')
    const targets: [string, boolean][] = [
      ['first partner chart ≤ 250 ms', partnerMs <= 250],
      ['first product chart ≤ 250 ms', productMs <= 250],
      [
        `each drill-down step ≤ 150 ms (${steps.length} steps)`,
        steps.length > 0 && steps.every(([, ms]) => ms <= 150),
      ],
      ['treemap drawn ≤ 300 ms', treemapMs <= 300],
      ['map drawn ≤ 300 ms', mapMs <= 300],
      ['renderer memory ≤ 300 MB (resident set)', memory !== null && memory.rssMb <= 300],
    ]
    console.log('  targets:')
    for (const [name, met] of targets) console.log(`    ${met ? 'met   ' : 'MISSED'}  ${name}`)
    return targets.every(([, met]) => met)
  } finally {
    lib.done()
  }
}

const measureAt = process.argv.indexOf('--measure')
if (measureAt > 0) {
  console.log(JSON.stringify(await measure(process.argv[measureAt + 1]!)))
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ok = await benchExplore()
  process.exitCode = ok ? 0 : 1
}
