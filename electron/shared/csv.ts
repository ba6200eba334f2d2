/**
 * CSV that is safe to open in a spreadsheet. Text cells that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return — e.g. `=HYPERLINK(...)` read from a hostile
 * file) get a leading apostrophe, so they stay text. Numbers, negative ones included, are written as
 * numbers. Used for every CSV the app exports.
 */
export type CsvValue = string | number | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows to CSV text: RFC 4180 quoting, CRLF line ends (what spreadsheets expect), formula-safe. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
