/**
 * Failures in words a user understands. Every message names the file, and where it can, the line,
 * the column and the value: "line 1 042: 'n/a' is not a number in column Trade Value (US$)". DuckDB's
 * own errors (twenty lines of hints) are translated here; the raw text never reaches the page.
 */
import { AppError } from '../../shared/errors'
import { say, type Said } from '../../shared/messages'
import { parsePeriodLabel } from '../../shared/periods'

/** A problem with the file being imported; the pipeline prefixes the file name. */
export class ImportError extends AppError {
  constructor(message: Said) {
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

/**
 * The marker the import's guesses from a file's sampled rows raise where a row further down proves one
 * wrong (cte_filled, cte_same in sql.ts): not a problem with the file, only a read to make again
 * without the guesses (pipeline.ts).
 */
export const GUESS_MARK = 'CTE-GUESS'

/** Whether a failure is a guess proved wrong (GUESS_MARK), not one to tell the user. */
export function guessMissed(error: unknown): boolean {
  return error instanceof Error && error.message.includes(GUESS_MARK)
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

/** A cell value as a message quotes it: short, single-line, control characters shown as escapes. */
export function cellText(value: string): string {
  const clean = value.replace(
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean
}

/** A column by its name in the header row, or by its number where the header leaves it unnamed. */
export function columnLabel(columns: readonly string[], index: number): Said {
  const name = columns[index]
  return name && name.trim() ? say('namedColumn', { name }) : say('unnamedColumn', { column: index + 1 })
}

/** A refusal about one part of a file (a resource, an archive member) where the file has several. */
export function inPart(part: string, named: boolean, detail: Said): Said {
  return named ? say('inPart', { part, detail }) : detail
}

/** The message before a line is known, or after ("line 1 042: …"). */
export function atLine(line: number | undefined, detail: Said): Said {
  return line ? say('atLine', { line, detail }) : detail
}

export function cellMessage(cell: CellError, columns: readonly string[]): Said {
  const column = columnLabel(columns, cell.column)
  const value = cellText(cell.value)
  switch (cell.kind) {
    case 'number':
      return atLine(cell.line, say('notNumberInColumn', { value, column }))
    case 'empty-period':
      return atLine(cell.line, say('emptyPeriod', { column }))
    case 'span':
      return atLine(cell.line, say('monthsAddedUp', { column, value }))
    case 'period': {
      // Read again only to say why it is not a period, with control characters shown as '?'.
      const shown = cell.value.slice(0, 200).replace(/[\u0000-\u001f\u007f]/g, '?')
      const reading = parsePeriodLabel(shown)
      const why = 'refused' in reading ? reading.refused : say('notPeriod', { value: cellText(shown) })
      return atLine(cell.line, say('badPeriod', { column, why }))
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
  message: Said
  /**
   * The engine's own first line where no catalogued message explains it: for the log, never the page
   * (it is the library's wording, and may name the staged copy's path).
   */
  unexplained?: string
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
  if (/INTERRUPT/i.test(text)) return { message: say('importCancelled'), cancelled: true }
  const cell = parseCellMark(text)
  if (cell) return { message: cellMessage(cell, columns), cell }
  const colOf = (raw: string | undefined) => {
    const m = /^c(\d+)$/.exec(raw ?? '')
    return m ? columnLabel(columns, Number(m[1])) : say('namedColumn', { name: raw ?? '?' })
  }
  const lineMatch = /CSV Error on Line: (\d+)/.exec(text)
  const line = lineMatch ? Number(lineMatch[1]) : undefined
  const convert =
    /Error when converting column "([^"]+)"\. Could not convert string "([\s\S]*?)" to '(\w+)'/.exec(text)
  if (convert) {
    const value = cellText(convert[2] ?? '')
    const column = colOf(convert[1])
    const numeric = convert[3] === 'DOUBLE' || convert[3]?.includes('INT')
    return {
      message: atLine(
        line,
        numeric
          ? say('notNumberInColumn', { value, column })
          : say('notTypeInColumn', { value, type: convert[3]!.toLowerCase(), column }),
      ),
    }
  }
  const plainConvert =
    /Could not convert string '([\s\S]*?)' to (\w+)/.exec(text) ??
    /Could not convert string "([\s\S]*?)" to '?(\w+)/.exec(text)
  if (plainConvert)
    return { message: atLine(line, say('notNumber', { value: cellText(plainConvert[1] ?? '') })) }
  const ragged = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(text)
  if (ragged) {
    return {
      message: atLine(line, say('raggedRow', { found: Number(ragged[2]), expected: Number(ragged[1]) })),
    }
  }
  if (/Maximum line size of \d+ bytes exceeded/.test(text)) {
    return {
      message: line
        ? atLine(line, say('lineTooLong', { size: MAX_LINE_MB }))
        : say('someLineTooLong', { size: MAX_LINE_MB }),
    }
  }
  if (/Invalid unicode|not utf-8 encoded|byte sequence mismatch/i.test(text))
    return { message: atLine(line, say('invalidUtf8')) }
  if (/unterminated quotes|Value with unterminated quote/i.test(text))
    return { message: atLine(line, say('unclosedQuote')) }
  if (/No space left on device|ENOSPC|disk is full/i.test(text)) return { message: say('diskFull') }
  if (/No files found that match|No such file|Cannot open file|ENOENT/i.test(text))
    return { message: say('fileMovedWhileImporting') }
  if (/Out of Memory/i.test(text)) return { message: say('outOfMemory') }
  if (/No magic bytes found|Invalid Parquet|parquet/i.test(text) && /Invalid|magic|corrupt/i.test(text))
    return { message: say('parquetInvalid') }
  if (/Malformed JSON|JSON/i.test(text)) {
    // DuckDB names the staged copy's path and its own terms; say where it breaks, in plain words.
    const at = /at byte (\d+)[^:\n]*: ([^.\n]+)/.exec(text)
    return {
      message: at
        ? say('jsonInvalidAt', { problem: jsonProblem(at[2]!), byte: Number(at[1]) })
        : say('jsonInvalid'),
    }
  }
  // Nothing above explains it: say so in plain words (where, if DuckDB named the line), and keep its
  // own text for the log only.
  const first = text.split('\n').find((l) => l.trim()) ?? text
  return {
    message: line ? atLine(line, say('unreadableHere')) : say('unreadableFile'),
    unexplained: first.slice(0, 300),
  }
}

/** What DuckDB's JSON reader says it found, in the app's words: cut short, a character, or a value. */
function jsonProblem(found: string): Said {
  if (/end of data|unclosed|truncat/i.test(found)) return say('jsonCutShort')
  if (/character|escape|comment|utf-?8|surrogate/i.test(found)) return say('jsonBadCharacter')
  return say('jsonBadValue')
}

/** DuckDB's own default: its read buffers are sized from this, so larger costs memory and time. */
export const MAX_LINE_MB = 2
