/**
 * A small, quote-aware CSV reader for the first lines of a file (sniffing, previews, and finding the
 * line of a bad cell). DuckDB reads the whole file; this only ever sees samples.
 */

export interface ParsedLines {
  /** Each record's fields, in order. */
  rows: string[][]
  /** The physical line (1-based) each record starts on. */
  lines: number[]
  /** False when the text ended inside a record (the sample was cut mid-line). */
  lastComplete: boolean
}

/**
 * Splits text into records: RFC 4180 quoting ("" inside quotes), CRLF or LF line ends, quoted line
 * breaks kept inside a field. Stops after `maxRows` records.
 */
export function parseCsv(text: string, delimiter: string, maxRows = Infinity, firstLine = 1): ParsedLines {
  const rows: string[][] = []
  const lines: number[] = []
  let field = ''
  let row: string[] = []
  let inQuotes = false
  let quotedField = false
  let line = firstLine
  let rowLine = firstLine
  let i = 0
  const n = text.length
  while (i < n && rows.length < maxRows) {
    const ch = text[i]!
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        inQuotes = false
        i++
        continue
      }
      if (ch === '\n') line++
      field += ch
      i++
      continue
    }
    if (ch === '"' && field.length === 0 && !quotedField) {
      inQuotes = true
      quotedField = true
      i++
      continue
    }
    if (ch === delimiter) {
      row.push(field)
      field = ''
      quotedField = false
      i++
      continue
    }
    if (ch === '\r' && text[i + 1] === '\n') {
      i++
      continue
    }
    if (ch === '\n' || ch === '\r') {
      row.push(field)
      rows.push(row)
      lines.push(rowLine)
      row = []
      field = ''
      quotedField = false
      line++
      rowLine = line
      i++
      continue
    }
    field += ch
    i++
  }
  const lastComplete = !(inQuotes || field.length > 0 || row.length > 0)
  if (rows.length < maxRows && (field.length > 0 || row.length > 0 || quotedField)) {
    row.push(field)
    rows.push(row)
    lines.push(rowLine)
  }
  return { rows, lines, lastComplete }
}

/** Removes one trailing empty record (a file ending in a line break) and blank lines. */
export function isBlankRow(row: readonly string[]): boolean {
  return row.length === 1 && row[0]!.trim() === ''
}
