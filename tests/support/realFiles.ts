/**
 * The real-file corpus (tests/fixtures/real, see its README) read the way the tests that import those
 * files work out their expected values: with papaparse and plain arithmetic, never through the app's
 * own readers.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'

const corpus = fileURLToPath(new URL('../fixtures/real/', import.meta.url))

/** A file of the corpus by its path there: `census/usa-china-trade-data.csv`. */
export const realFile = (name: string) => join(corpus, name)

/** A CSV's rows as objects by its header, the bytes decoded as `encoding`; '' lets papaparse find the delimiter. */
export const csvRows = (path: string, encoding = 'utf-8', delimiter = '') =>
  Papa.parse<Record<string, string>>(new TextDecoder(encoding).decode(readFileSync(path)), {
    header: true,
    skipEmptyLines: true,
    delimiter,
  }).data

/** A cell as a number, its thousands separators dropped: "1,234.5" → 1234.5. */
export const plainNumber = (cell: string | undefined) => Number((cell ?? '').replace(/,/g, '').trim())

/** The months as English-language publishers name them (Census's "January 2019", WTO's Period column). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/**
 * The US Census Bureau's table of US trade in goods with China (semicolon-separated, one row a month
 * named "January 2019"), by period ("2019-01"): exports, imports and balance in USD million as printed.
 */
export function censusMonths(): Map<string, { exports: number; imports: number; balance: number }> {
  return new Map(
    csvRows(realFile('census/usa-china-trade-data.csv'), 'utf-8', ';').map((r) => {
      const [month, year] = r.Month!.split(' ')
      const period = `${year}-${String(MONTHS.indexOf(month!) + 1).padStart(2, '0')}`
      return [
        period,
        { exports: plainNumber(r.Exports), imports: plainNumber(r.Imports), balance: plainNumber(r.Balance) },
      ] as const
    }),
  )
}
