/**
 * `npm run bench:catalog`: start-up and query cost of the bundled catalog.
 * Baselines, measured in the same run: DuckDB alone reading the same CSV files with no validation,
 * and the same rows fetched by a bare SQL query.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { dispatch } from '../electron/dispatch'
import { createHandlers } from '../electron/handlers'
import { openServices } from '../electron/services'
import { openEngine } from '../electron/services/engine'
import { median, report } from './measure'

const dataDir = fileURLToPath(new URL('../data', import.meta.url))
const packageDir = join(dataDir, 'china-trade')
const RUNS = 15

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
  const rawQuery = await median(RUNS * 4, () =>
    engine.all(
      `SELECT period, value, source_id FROM o WHERE series = 'exports_usd' AND preferred AND period_start >= '2018-01' ORDER BY period_start`,
    ),
  )
  const appQuery = await median(RUNS * 4, () => dispatch(handlers, 'getSeries', query))
  const appHeadline = await median(RUNS * 4, () =>
    dispatch(handlers, 'getHeadline', { dataset: 'china-trade', period: '2025-11' }),
  )
  engine.close()
  await services.close()

  report('Catalog start-up (bundled package, median of 15)', [
    { name: 'DuckDB read_csv_auto of the same files, no checks', ms: rawLoad },
    { name: 'openServices: validate, typed load, integrity checks', ms: appOpen, baseline: rawLoad },
  ])
  report('Queries (median of 60)', [
    { name: 'bare SQL: exports since 2018', ms: rawQuery },
    { name: 'getSeries through dispatch (zod in and out)', ms: appQuery, baseline: rawQuery },
    { name: 'getHeadline through dispatch (6 series + sources)', ms: appHeadline, baseline: rawQuery },
  ])
}

await benchCatalog()
