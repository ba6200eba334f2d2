/**
 * `npm run bench:catalog`: start-up and query cost of the bundled catalog.
 * Baselines, measured in the same run: DuckDB alone reading the same CSV files with no validation,
 * and the same rows fetched by a bare SQL query.
 */
import { existsSync, readdirSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { dispatch } from '../electron/dispatch'
import { createHandlers } from '../electron/handlers'
import { openServices } from '../electron/services'
import { openEngine } from '../electron/services/engine'
import { openHost, type Host } from '../electron/engine/host'
import { forkEngine } from '../electron/engine/port'
import { createEventSink } from '../electron/events'
import { inBlocks, machineLoad, median, report, rssMbOf, until } from './measure'

const dataDir = fileURLToPath(new URL('../data', import.meta.url))
const packageDir = join(dataDir, 'china-trade')
const RUNS = 15
const QUERY_RUNS = 100
const BLOCKS = 5

async function benchCatalog(): Promise<void> {
  const csvFiles = readdirSync(packageDir).filter(
    (f) => f.endsWith('.csv') && f !== 'series.csv' && f !== 'sources.csv',
  )

  const rawLoad = await median(RUNS, async () => {
    const engine = await openEngine()
    for (const [i, file] of csvFiles.entries()) {
      await engine.run(`CREATE TABLE t${i} AS SELECT * FROM read_csv_auto($1)`, [join(packageDir, file)])
    }
    await engine.run(`CREATE TABLE s AS SELECT * FROM read_csv_auto($1)`, [join(packageDir, 'sources.csv')])
    engine.close()
  })
  const appOpen = await median(RUNS, async () => (await openServices({ dataDir })).close())

  const services = await openServices({ dataDir })
  const handlers = createHandlers(services)
  const query = { dataset: 'china-trade', flow: 'exports', unit: 'USD bn', from: '2018-01' }
  const engine = await openEngine()
  await engine.run(`CREATE TABLE o AS SELECT * FROM read_csv_auto($1)`, [join(packageDir, 'monthly.csv')])
  // The whole path as the app runs it: main's dispatch (zod in and out), the supervisor, the message to
  // the engine process and back (structured clone), the engine's handler. The built engine if there is
  // one (npm run build), else the source through tsx.
  const built = join(dataDir, '..', 'out', 'main', 'engine.js')
  const entry = existsSync(built) ? built : join(dataDir, '..', 'electron', 'engine', 'main.ts')
  const openWholePath = (standby: boolean) =>
    openHost({
      start: forkEngine(entry),
      dataDir,
      events: createEventSink(() => {}),
      log: () => {},
      ...(standby ? { standby: { delayMs: 0 } } : {}),
    })
  const host = await openWholePath(true)
  const headline = { dataset: 'china-trade', period: '2025-11' }
  await dispatch(host.handlers, 'getSeries', query)
  // In blocks that take turns: on a shared machine the load changes from second to second, and a baseline
  // timed in another second than its subject would make the ratio a measure of the load.
  const [rawQuery, appQuery, appHeadline, engineQuery, engineHeadline] = await inBlocks(
    BLOCKS,
    QUERY_RUNS / BLOCKS,
    [
      () =>
        engine.all(
          `SELECT period, value, source_id FROM o WHERE series = 'exports_usd' AND preferred AND period_start >= '2018-01' ORDER BY period_start`,
        ),
      () => dispatch(handlers, 'getSeries', query),
      () => dispatch(handlers, 'getHeadline', headline),
      () => dispatch(host.handlers, 'getSeries', query),
      () => dispatch(host.handlers, 'getHeadline', headline),
    ],
  )
  await services.close()

  // Restart: from the engine's death to its next answer. As the app runs: the warm standby takes over
  // (each kill once the standby is warm, as it is a few seconds after the app starts or after a
  // restart). Then without a standby, a new engine started cold, for comparison.
  await until(() => host.supervisor.standby?.warm === true)
  const standbyRssMb = rssMbOf(host.supervisor.standby?.pid)
  const standbyPrivateMb = rssMbOf(host.supervisor.standby?.pid, 'private')
  const engineRssMb = rssMbOf(host.supervisor.pid)
  const restarts = await timeRestarts(host, true)
  await host.close()
  const cold = await openWholePath(false)
  const coldRestarts = await timeRestarts(cold, false)
  await cold.close()
  engine.close()

  report('Catalog start-up (bundled package, median of 15)', [
    { name: 'DuckDB read_csv_auto of the same files, no checks', ms: rawLoad },
    { name: 'openServices: validate, typed load, integrity checks', ms: appOpen, baseline: rawLoad },
  ])
  report(`Queries (median of ${QUERY_RUNS}, in ${BLOCKS} blocks taking turns)`, [
    { name: 'bare SQL: exports since 2018', ms: rawQuery },
    { name: 'getSeries through dispatch, in one process', ms: appQuery, baseline: rawQuery },
    { name: 'getHeadline through dispatch, in one process', ms: appHeadline, baseline: rawQuery },
    { name: 'getSeries, whole path (dispatch, engine process)', ms: engineQuery, baseline: rawQuery },
    { name: 'getHeadline, whole path (6 series + sources)', ms: engineHeadline, baseline: rawQuery },
  ])
  const restart = median0(restarts)
  console.log(
    `  engine restart, death to next answer, warm standby taking over (median of 3): ${restart.toFixed(0)} ms`,
  )
  console.log(
    `  engine restart without a standby, a new engine started cold (median of 3): ${median0(coldRestarts).toFixed(0)} ms`,
  )
  console.log(
    `  memory: the engine ${engineRssMb.toFixed(0)} MB resident; the warm standby (the cost of the fast restart) ${standbyRssMb.toFixed(0)} MB resident, ${standbyPrivateMb.toFixed(0)} MB of it its own (not shared with the engine)`,
  )
  const targets: [string, boolean][] = [
    ['getSeries whole path ≤ 3 × bare SQL', engineQuery <= 3 * rawQuery],
    ['getHeadline whole path ≤ 3 × bare SQL', engineHeadline <= 3 * rawQuery],
    ['engine restart ≤ 1 s', restart <= 1000],
  ]
  console.log(`  machine: ${machineLoad()}`)
  console.log('  targets:')
  for (const [name, met] of targets) console.log(`    ${met ? 'met   ' : 'MISSED'}  ${name}`)
}

/** Kills the engine three times, timing each from its death to the next answer. */
async function timeRestarts(host: Host, warm: boolean): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < 3; i++) {
    if (warm) await until(() => host.supervisor.standby?.warm === true)
    const before = host.supervisor.restarts
    const t0 = performance.now()
    process.kill(host.supervisor.pid!, 'SIGKILL')
    await until(() => host.supervisor.restarts > before)
    const answer = await dispatch(host.handlers, 'getHeadline', { dataset: 'china-trade' })
    if (!answer.ok) throw new Error(answer.error.message)
    times.push(performance.now() - t0)
  }
  return times
}

function median0(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

await benchCatalog()
