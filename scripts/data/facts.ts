/**
 * Reading `facts.csv`: the header, one record per observation, and the checks every row must pass
 * before anything is mapped (a numeric value, a source title and an http(s) URL).
 */
import { CsvSyntaxError, readCsvRecords } from '../../electron/shared/csv'
import { isHttpUrl } from './sources'

export const FACTS_COLUMNS = [
  'series',
  'period',
  'value',
  'unit',
  'note',
  'source_title',
  'source_url_or_repo_path',
] as const

export interface FactRow {
  /** Physical line in the facts file (header = line 1). */
  line: number
  /** 0-based position among the data rows: "facts order". */
  index: number
  series: string
  period: string
  value: string
  unit: string
  note: string
  sourceTitle: string
  url: string
}

/** A number as written: optional minus, digits, optional decimals. */
const NUMBER = /^-?\d+(?:\.\d+)?$/

export class FactsError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file} line ${line}: ${message}`)
    this.name = 'FactsError'
  }
}

/** Parse and check the facts file. `file` names it in error messages. */
export function readFacts(text: string, file = 'facts.csv'): FactRow[] {
  let records
  try {
    records = readCsvRecords(text, { strict: true })
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new FactsError(file, e.line, e.message.replace(/^line \d+: /, ''))
    throw e
  }
  const head = records[0]
  if (!head || head.fields.join(',') !== FACTS_COLUMNS.join(',')) {
    throw new FactsError(file, 1, `header must be exactly ${FACTS_COLUMNS.join(',')}`)
  }
  return records.slice(1).map((r, index) => {
    const fail = (msg: string): never => {
      throw new FactsError(file, r.line, msg)
    }
    if (r.fields.length !== FACTS_COLUMNS.length)
      fail(`expected ${FACTS_COLUMNS.length} fields, found ${r.fields.length}`)
    const [series, period, value, unit, note, sourceTitle, url] = r.fields as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ]
    if (!series) fail('empty series')
    if (!NUMBER.test(value) || !Number.isFinite(Number(value))) fail(`value "${value}" is not a number`)
    if (!unit) fail('empty unit')
    if (!sourceTitle.trim()) fail('empty source title')
    if (!url.trim()) fail('empty source URL')
    if (!isHttpUrl(url))
      fail(`source "${url}" is not an http(s) URL (repository paths are not supported yet)`)
    return { line: r.line, index, series, period, value, unit, note, sourceTitle, url }
  })
}
