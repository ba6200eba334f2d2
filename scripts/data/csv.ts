/**
 * A small, strict RFC 4180 CSV reader and writer.
 *
 * Reader: fields separated by commas, records by LF or CRLF; a field may be enclosed in double
 * quotes, and then may contain commas, line breaks and doubled quotes (`""` → `"`). A leading
 * UTF-8 byte-order mark is skipped. Anything that is not well-formed (a quote inside an unquoted
 * field, text after a closing quote, an unterminated quoted field) is an error naming the line.
 *
 * Writer: quotes a field only when it contains a comma, a double quote, CR or LF; writes `\n`
 * line endings and a final newline; no byte-order mark.
 */

export interface CsvRecord {
  /** 1-based physical line on which the record starts (the header is line 1). */
  line: number
  fields: string[]
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(`line ${line}: ${message}`)
    this.name = 'CsvSyntaxError'
  }
}

/** Parse CSV text into records. A final line break does not start an empty record. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let i = 0
  const n = src.length
  // State: at the start of a field (true) or inside an unquoted field (false).
  let atFieldStart = true

  const endRecord = (): void => {
    fields.push(field)
    records.push({ line: recordLine, fields })
    fields = []
    field = ''
    atFieldStart = true
  }

  while (i < n) {
    const c = src[i]!
    if (atFieldStart && c === '"') {
      // Quoted field: read to the closing quote.
      const startLine = line
      i++
      for (;;) {
        if (i >= n) throw new CsvSyntaxError('unterminated quoted field', startLine)
        const q = src[i]!
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        if (q === '\n') line++
        field += q
        i++
      }
      // After the closing quote only a separator, a line break or the end may follow.
      const next = src[i]
      if (next === undefined) {
        endRecord()
        continue
      }
      if (next === ',') {
        fields.push(field)
        field = ''
        atFieldStart = true
        i++
        continue
      }
      if (next === '\n' || (next === '\r' && src[i + 1] === '\n')) {
        i += next === '\r' ? 2 : 1
        endRecord()
        line++
        recordLine = line
        continue
      }
      throw new CsvSyntaxError('unexpected text after a closing quote', line)
    }
    atFieldStart = false
    if (c === ',') {
      fields.push(field)
      field = ''
      atFieldStart = true
      i++
    } else if (c === '\n' || (c === '\r' && src[i + 1] === '\n')) {
      i += c === '\r' ? 2 : 1
      endRecord()
      line++
      recordLine = line
    } else if (c === '"') {
      throw new CsvSyntaxError('a double quote inside an unquoted field', line)
    } else if (c === '\r') {
      throw new CsvSyntaxError('a bare carriage return outside quotes', line)
    } else {
      field += c
      i++
    }
  }
  // The last record, unless the text ended with a line break (or is empty).
  if (!atFieldStart || fields.length > 0) endRecord()
  return records
}

/** Parse CSV with a header row into objects keyed by the header, checking the field count. */
export function parseCsvObjects(text: string): { header: string[]; rows: { line: number; values: Record<string, string> }[] } {
  const records = parseCsv(text)
  const head = records[0]
  if (!head) throw new CsvSyntaxError('empty file: no header row', 1)
  const header = head.fields
  const rows = records.slice(1).map((r) => {
    if (r.fields.length !== header.length) {
      throw new CsvSyntaxError(`expected ${header.length} fields, found ${r.fields.length}`, r.line)
    }
    const values: Record<string, string> = {}
    header.forEach((h, k) => {
      values[h] = r.fields[k]!
    })
    return { line: r.line, values }
  })
  return { header, rows }
}

/** One field, quoted if it contains a comma, a double quote, CR or LF. */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Rows (header first) as CSV text with `\n` line endings and a final newline. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(formatCsvField).join(',')).join('\n') + '\n'
}
