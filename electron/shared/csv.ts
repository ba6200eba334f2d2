/**
 * The app's one CSV module: one reader and one writer, for every CSV the app, its services and its
 * build scripts read or write. (DuckDB reads whole imported files; this reader sees samples, code
 * lists and the facts file.)
 */

/**
 * A malformed CSV text, read strictly; `line` is the 1-based line the problem is on. Only the data build
 * (scripts/data) reads strictly, so its English is for the developer; the app reads leniently and
 * refuses a user's file through the catalogue (services/import).
 */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`)
    this.name = 'CsvSyntaxError'
  }
}

export interface CsvReadOptions {
  /** One character; a comma unless given. */
  delimiter?: string
  /** Stop after this many records (a sample). */
  maxRows?: number
  /** The line number the text starts on, for texts cut from the middle of a file. */
  firstLine?: number
  /**
   * Refuse text that is not well-formed (a quote inside an unquoted field, text after a closing
   * quote, an unterminated quoted field, a bare carriage return) with a `CsvSyntaxError` naming the
   * line. Without it the text is read as a spreadsheet would, for sniffing files of unknown origin.
   */
  strict?: boolean
}

export interface CsvRows {
  /** Each record's fields, in order. */
  rows: string[][]
  /** The physical line (1-based, from `firstLine`) each record starts on. */
  lines: number[]
  /** False when the text ended inside a record (a sample cut mid-line). */
  lastComplete: boolean
}

/**
 * Splits CSV text into records: RFC 4180 quoting (`""` inside quotes), CRLF or LF line ends, line
 * breaks inside quoted fields kept. A leading byte-order mark is skipped; a final line break does
 * not start an empty record.
 */
export function readCsv(text: string, options: CsvReadOptions = {}): CsvRows {
  const { delimiter = ',', maxRows = Infinity, firstLine = 1, strict = false } = options
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows: string[][] = []
  const lines: number[] = []
  let field = ''
  let row: string[] = []
  let inQuotes = false
  /** The current field opened with a quote (and may have closed it). */
  let quoted = false
  let closedQuote = false
  let line = firstLine
  let rowLine = firstLine
  let quoteLine = firstLine
  let i = 0
  const n = src.length
  const delimiterCode = delimiter.charCodeAt(0)
  while (i < n && rows.length < maxRows) {
    // Runs of characters that mean nothing here are taken whole, one slice each, never a character at
    // a time: a string grown so took 150 ms over the HS list (850 kB), read at every engine start.
    if (inQuotes) {
      const close = src.indexOf('"', i)
      const end = close < 0 ? n : close
      for (let at = src.indexOf('\n', i); at >= 0 && at < end; at = src.indexOf('\n', at + 1)) line++
      field += src.slice(i, end)
      if (close < 0) {
        i = n
      } else if (src[close + 1] === '"') {
        field += '"'
        i = close + 2
      } else {
        inQuotes = false
        closedQuote = true
        i = close + 1
      }
      continue
    }
    let end = i
    while (end < n) {
      const code = src.charCodeAt(end)
      if (code === delimiterCode || code === 10 || code === 13 || code === 34) break
      end++
    }
    if (end > i) {
      if (strict && closedQuote) throw new CsvSyntaxError('unexpected text after a closing quote', line)
      field += src.slice(i, end)
      i = end
      continue
    }
    const ch = src[i]!
    if (ch === '"' && field.length === 0 && !quoted) {
      inQuotes = true
      quoted = true
      quoteLine = line
      i++
      continue
    }
    if (ch === delimiter) {
      row.push(field)
      field = ''
      quoted = closedQuote = false
      i++
      continue
    }
    if (ch === '\r' && src[i + 1] === '\n') {
      i++
      continue
    }
    if (ch === '\n' || ch === '\r') {
      if (strict && ch === '\r') throw new CsvSyntaxError('a bare carriage return outside quotes', line)
      row.push(field)
      rows.push(row)
      lines.push(rowLine)
      row = []
      field = ''
      quoted = closedQuote = false
      line++
      rowLine = line
      i++
      continue
    }
    // A double quote that opens no field: kept as text, or refused when reading strictly.
    if (strict && closedQuote) throw new CsvSyntaxError('unexpected text after a closing quote', line)
    if (strict) throw new CsvSyntaxError('a double quote inside an unquoted field', line)
    field += ch
    i++
  }
  if (strict && inQuotes) throw new CsvSyntaxError('unterminated quoted field', quoteLine)
  const lastComplete = !(inQuotes || field.length > 0 || row.length > 0 || quoted)
  if (rows.length < maxRows && (field.length > 0 || row.length > 0 || quoted)) {
    row.push(field)
    rows.push(row)
    lines.push(rowLine)
  }
  return { rows, lines, lastComplete }
}

export interface CsvRecord {
  /** The 1-based physical line the record starts on. */
  line: number
  fields: string[]
}

/** `readCsv` as one object a record, for readers that report problems by line. */
export function readCsvRecords(text: string, options: CsvReadOptions = {}): CsvRecord[] {
  const { rows, lines } = readCsv(text, options)
  return rows.map((fields, i) => ({ line: lines[i]!, fields }))
}

/** A blank line, read as a record of one empty field. */
export function isBlankRow(row: readonly string[]): boolean {
  return row.length === 1 && row[0]!.trim() === ''
}

/**
 * A CSV with a header row as objects keyed by the header. Records with another field count than the
 * header are left out: the code lists this reads carry trailing notes that are not table rows.
 */
export function readCsvTable(text: string): Record<string, string>[] {
  const [header, ...body] = readCsv(text).rows
  if (!header) return []
  return body
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])))
}

export type CsvValue = string | number | null | undefined

export interface CsvWriteOptions {
  /** CRLF (what spreadsheets expect; the default) or LF (files kept in git). */
  lineEnd?: '\r\n' | '\n'
  /**
   * Guard text cells a spreadsheet would run as a formula (the default). Off only for a file the app
   * itself reads straight back, where the guard's apostrophe would change the value.
   */
  guardFormulas?: boolean
}

const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/**
 * One CSV field. Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab
 * or carriage return — e.g. `=HYPERLINK(...)` read from a hostile file) get a leading apostrophe, so
 * they stay text; numbers, negative ones included, are written as numbers. A field is quoted only
 * when it holds a comma, a double quote, CR or LF.
 */
export function csvCell(value: CsvValue, guardFormulas = true): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = guardFormulas && FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows to CSV text: RFC 4180 quoting, a line end after every row, formula-safe unless told. */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvWriteOptions = {}): string {
  const { lineEnd = '\r\n', guardFormulas = true } = options
  return rows.map((row) => row.map((v) => csvCell(v, guardFormulas)).join(',')).join(lineEnd) + lineEnd
}
