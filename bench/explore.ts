/**
 * `npm run bench:explore`: issue 11's speed figures on the benchmark import (bench/import.ts's
 * generated Comtrade Plus file, 10 million rows unless `--rows N`), through the handlers the
 * Explorer's breakdown panel calls, in a fresh process on the imported library:
 *   the first partner chart, the first product chart, and each drill-down step (all products →
 *   section → chapter → heading → subheading, each the largest of its level),
 * against a baseline measured in the same run: DuckDB alone answering the partner ranking with one
 * group-by pass over the dataset's stored rows (its facts Parquet file). Each "first" figure is
 * measured in a fresh process, RUNS times (BENCH_RUNS, default 3) alternating with the baseline, and
 * the median printed: the machine is shared, so one slow run says little. Prints each figure, its
 * ratio to the baseline, whether each target is met, and the load average. The treemap and map
 * drawing times and the renderer's memory are not measured here (they need the built renderer in
 * Chromium).
 */
import { mkdtempSync, rmSync } from 'node:fs'
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
  const dataset = (list.data as { items: { id: string }[] }).items[0]!.id
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
  return { partnerMs, productMs, steps }
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

export async function benchExplore(): Promise<boolean> {
  await generate()
  const userDataDir = mkdtempSync(join(tmpdir(), 'cte-bench-explore-'))
  try {
    const loadBefore = load()
    const imported = await worker(['import', FILE, userDataDir])
    const runs: Figures[] = []
    const bases: number[] = []
    for (let run = 0; run < RUNS; run++) {
      bases.push(await baseline(factsParquet(userDataDir)))
      runs.push(await measureFresh(userDataDir))
    }
    const base = median(bases)
    const partnerMs = median(runs.map((r) => r.partnerMs))
    const productMs = median(runs.map((r) => r.productMs))
    const steps: [string, number][] = runs[0]!.steps.map(([name], i) => [
      name,
      median(runs.map((r) => r.steps[i]![1])),
    ])

    console.log(
      `\nExplore benchmark (issue 11): ${Number(imported.rows).toLocaleString('en-US')} imported rows; each figure the median of ${RUNS} fresh processes`,
    )
    console.log(`  load average (1, 5, 15 min): ${loadBefore} before, ${load()} after (2 cores shared)`)
    const line = (name: string, ms: number, ratio: string) =>
      console.log(`  ${name.padEnd(56)} ${ms.toFixed(1).padStart(8)} ms  ${ratio}`)
    const ratio = (ms: number) => `${(ms / base).toFixed(2)}× baseline`
    line('baseline: DuckDB alone, partners over the stored rows', base, '(baseline)')
    line('first partner chart', partnerMs, ratio(partnerMs))
    line('first product chart', productMs, ratio(productMs))
    console.log('  drill-down, largest of each level:')
    for (const [name, ms] of steps) line(name, ms, ratio(ms))
    const targets: [string, boolean][] = [
      ['first partner chart ≤ 250 ms', partnerMs <= 250],
      ['first product chart ≤ 250 ms', productMs <= 250],
      [
        `each drill-down step ≤ 150 ms (${steps.length} steps)`,
        steps.length > 0 && steps.every(([, ms]) => ms <= 150),
      ],
    ]
    console.log('  targets:')
    for (const [name, met] of targets) console.log(`    ${met ? 'met   ' : 'MISSED'}  ${name}`)
    console.log('  not measured here: treemap and map drawn ≤ 300 ms, renderer memory ≤ 300 MB')
    return targets.every(([, met]) => met)
  } finally {
    rmSync(userDataDir, { recursive: true, force: true })
  }
}

const measureAt = process.argv.indexOf('--measure')
if (measureAt > 0) {
  console.log(JSON.stringify(await measure(process.argv[measureAt + 1]!)))
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ok = await benchExplore()
  process.exitCode = ok ? 0 : 1
}
