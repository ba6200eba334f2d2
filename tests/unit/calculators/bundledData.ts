/**
 * The calculators over the real bundled package: its data loaded through the same queries the app
 * sends, and its CSV files read straight with papaparse (not through the app's code) for the tests'
 * expected values.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import { openServices } from '../../../electron/services'
import { contract } from '../../../electron/shared/api'
import { AppError } from '../../../electron/shared/errors'
import { loadCalculatorData, type CalculatorData } from '../../../renderer/src/lib/calculators/dataQueries'

const dataDir = fileURLToPath(new URL('../../../data', import.meta.url))

/** The calculators' data over the bundled package, and a way to close the services that answered. */
export async function openCalculatorData(): Promise<{ data: CalculatorData; close(): Promise<void> }> {
  const services = await openServices({ dataDir })
  const data = await loadCalculatorData(
    'china-trade',
    {
      series: (q) => services.query.series(contract.getSeries.args.parse(q)),
      observations: (a) => services.query.observations(a.dataset, a.series, a.period),
      listSeries: (a) => services.query.listSeries(a.dataset),
    },
    (e) => e instanceof AppError && e.code === 'NOT_FOUND',
  )
  return { data, close: () => services.close() }
}

type Row = Record<string, string>
const cache = new Map<string, Row[]>()

/** A CSV file of the bundled package (`monthly.csv`), its rows by header, read once. */
export function rows(file: string): Row[] {
  let r = cache.get(file)
  if (!r) {
    r = Papa.parse<Row>(readFileSync(`${dataDir}/china-trade/${file}`, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data
    cache.set(file, r)
  }
  return r
}

/** The preferred rows of one series (where the package has several readings of a period). */
export const preferredRows = (file: string, series: string) =>
  rows(file).filter((r) => r.series === series && r.preferred === 'true')

/** The preferred value of one series and period, read from the CSV, or undefined. */
export function preferred(file: string, series: string, period: string): number | undefined {
  const row = preferredRows(file, series).find((r) => r.period === period)
  return row ? Number(row.value) : undefined
}
