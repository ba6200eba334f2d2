/**
 * Failures in words a user understands. Every message names the file, and where it can, the line,
 * the column and the value: "line 1 042: 'n/a' is not a number in column Trade Value (US$)". DuckDB's
 * own errors (twenty lines of hints) are translated here; the raw text never reaches the page.
 */
import { AppError } from '../../shared/errors'
import { parsePeriodLabel } from '../../shared/periods'

/** A problem with the file being imported; the pipeline prefixes the file name. */
export class ImportError extends AppError {
  constructor(message: string) {
    super('DATA_ERROR', message)
    this.name = 'ImportError'
  }
}

/** The user pressed Cancel. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled.')
    this.name = 'ImportCancelled'
  }
}

/** A marker our own SQL raises for a cell it cannot read: kind, column index, value. */
export const CELL_MARK = 'CTE-CELL'
const SEP = '\u001f'

export type CellProblem = 'period' | 'number' | 'empty-period' | 'span'

export interface CellError {
  kind: CellProblem
  column: number
  value: string
  line?: number
}

/** A cell the app's own readers (not DuckDB) could not read; the pipeline finds its line. */
export class CellFailure extends Error {
  constructor(readonly cell: CellError) {
    super(`cell ${cell.kind} in column ${cell.column + 1}`)
    this.name = 'CellFailure'
  }
}

/** "1042" → "1 042": the grouping the issue's examples use, readable in every locale. */
export function formatLine(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
}

/** A cell value as quoted in a message: short, single-line, control characters shown as escapes. */
export function quoteValue(value: string): string {
  const clean = value.replace(
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return `'${clean.length > 60 ? `${clean.slice(0, 57)}…` : clean}'`
}

export function columnLabel(columns: readonly string[], index: number): string {
  const name = columns[index]
  return name && name.trim() ? name : `number ${index + 1} (no name)`
}

export function cellMessage(cell: CellError, columns: readonly string[]): string {
  const where = cell.line ? `line ${formatLine(cell.line)}: ` : ''
  const column = columnLabel(columns, cell.column)
  switch (cell.kind) {
    case 'number':
      return `${where}${quoteValue(cell.value)} is not a number in column ${column}.`
    case 'empty-period':
      return `${where}the period is empty in column ${column}.`
    case 'span':
      return `${where}column ${column}: ${quoteValue(cell.value)} is several months added up, neither January–February combined (2025-01..2025-02) nor a year to date (January to a later month of the same year, 2025-01..2025-07). The app keeps each figure for the period it was published for and never splits one into months: leave these rows out, or give the months one by one.`
    case 'period': {
      const reading = parsePeriodLabel(cell.value.slice(0, 200))
      const why = (
        'refused' in reading ? reading.refused : `${quoteValue(cell.value)} is not a period`
      ).replace(/[\u0000-\u001f\u007f]/g, '?')
      return `${where}column ${column}: ${why}. The app reads years (2024), quarters (2024Q1) and months (2024-03, 202403, 2024M03, March 2024, Mar-2024).`
    }
  }
}

/** Parses the marker raised by `cte_fail(...)` in our SQL, if the message carries one. */
export function parseCellMark(message: string): CellError | null {
  const at = message.indexOf(CELL_MARK + SEP)
  if (at < 0) return null
  const [, kind, column, ...rest] = message.slice(at).split(SEP)
  if (!kind || column === undefined) return null
  const value = rest.join(SEP).split('\n')[0] ?? ''
  return { kind: kind as CellProblem, column: Number(column), value }
}

export interface Translation {
  message: string
  /** A cell problem whose line is still to be found by scanning the file. */
  cell?: CellError
  cancelled?: boolean
}

/**
 * Turns a DuckDB error into a user message. `columns` are the file's header names: our SQL calls the
 * columns c0, c1, … so that any header (duplicates, blanks, quotes) is safe, and messages map back.
 */
export function translateDuckDbError(error: unknown, columns: readonly string[]): Translation {
  const text = error instanceof Error ? error.message : String(error)
  if (/INTERRUPT/i.test(text)) return { message: 'The import was cancelled.', cancelled: true }
  const cell = parseCellMark(text)
  if (cell) return { message: cellMessage(cell, columns), cell }
  const colOf = (raw: string | undefined) => {
    const m = /^c(\d+)$/.exec(raw ?? '')
    return m ? columnLabel(columns, Number(m[1])) : (raw ?? '?')
  }
  const lineMatch = /CSV Error on Line: (\d+)/.exec(text)
  const where = lineMatch ? `line ${formatLine(Number(lineMatch[1]))}: ` : ''
  const convert =
    /Error when converting column "([^"]+)"\. Could not convert string "([\s\S]*?)" to '(\w+)'/.exec(text)
  if (convert) {
    const type =
      convert[3] === 'DOUBLE' || convert[3]?.includes('INT') ? 'a number' : `a ${convert[3]!.toLowerCase()}`
    return {
      message: `${where}${quoteValue(convert[2] ?? '')} is not ${type} in column ${colOf(convert[1])}.`,
    }
  }
  const plainConvert =
    /Could not convert string '([\s\S]*?)' to (\w+)/.exec(text) ??
    /Could not convert string "([\s\S]*?)" to '?(\w+)/.exec(text)
  if (plainConvert) return { message: `${where}${quoteValue(plainConvert[1] ?? '')} is not a number.` }
  const ragged = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(text)
  if (ragged) {
    return {
      message: `${where}the row has ${ragged[2]} values but the header row names ${ragged[1]} columns. Rows must all have the same number of values.`,
    }
  }
  if (/Maximum line size of \d+ bytes exceeded/.test(text)) {
    return {
      message: `${where || 'a line '}is longer than the app accepts (${MAX_LINE_MB} MB): this is not a table the app can read.`,
    }
  }
  if (/Invalid unicode|not utf-8 encoded|byte sequence mismatch/i.test(text)) {
    return {
      message: `${where}the text is not valid UTF-8 although the start of the file was. Save the file as UTF-8 and try again.`,
    }
  }
  if (/unterminated quotes|Value with unterminated quote/i.test(text)) {
    return { message: `${where}a quoted value is never closed (a " is missing).` }
  }
  if (/No space left on device|ENOSPC|disk is full/i.test(text)) {
    return {
      message:
        'the disk is full, so the import was stopped and nothing was saved. Free some space and try again.',
    }
  }
  if (/No files found that match|No such file|Cannot open file|ENOENT/i.test(text)) {
    return { message: 'the file was deleted or moved while it was being imported. Nothing was saved.' }
  }
  if (/Out of Memory/i.test(text))
    return { message: 'the import needed more memory than the app allows. Nothing was saved.' }
  if (/No magic bytes found|Invalid Parquet|parquet/i.test(text) && /Invalid|magic|corrupt/i.test(text)) {
    return { message: 'is not a valid Parquet file (it is damaged or incomplete).' }
  }
  if (/Malformed JSON|JSON/i.test(text)) {
    // DuckDB names the staged copy's path and its own terms; say where it breaks, in plain words.
    const at = /at byte (\d+)[^:\n]*: ([^.\n]+)/.exec(text)
    return {
      message: at
        ? `is not valid JSON: ${at[2]!.trim().slice(0, 120)} at byte ${Number(at[1]).toLocaleString('en-US')}.`
        : 'is not valid JSON.',
    }
  }
  const first = text.split('\n').find((l) => l.trim()) ?? text
  return { message: `${where}${withoutPaths(first.replace(/^[A-Za-z ]+Error: /, '')).slice(0, 300)}` }
}

/** A quoted absolute path (the staged copy DuckDB read) → "the file": no folder of this machine in a message. */
function withoutPaths(text: string): string {
  return text.replace(/(["'])(?:\/|[A-Za-z]:[\\/]|\\\\)[^"']*\1/g, 'the file')
}

/** DuckDB's own default: its read buffers are sized from this, so larger costs memory and time. */
export const MAX_LINE_MB = 2
