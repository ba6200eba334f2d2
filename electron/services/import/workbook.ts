/**
 * Excel workbooks (.xlsx), read with read-excel-file (maintained, MIT; the unmaintained SheetJS 0.18
 * on npm is not used). A sheet is written out as UTF-8 CSV in the staging folder, so it then goes
 * through the same sniffing (title block, header row, units) and reading as any CSV.
 */
import { writeFile } from 'node:fs/promises'
import readXlsxFile from 'read-excel-file/node'
import { listMembers } from './archive'
import { say } from '../../shared/messages'
import { ImportError } from './errors'
import { toCsv } from '../../shared/csv'

export interface SheetChoice {
  /** Every sheet's name, in workbook order. */
  sheets: string[]
  /** The sheet written out. */
  sheet: string
}

/**
 * Writes `sheet` (or the first sheet with at least two rows) of the workbook at `path` to `target`
 * as CSV. The workbook's ZIP is checked against the archive limits before it is unpacked.
 */
export async function sheetToCsv(path: string, target: string, sheet?: string): Promise<SheetChoice> {
  await listMembers(path)
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>
  try {
    sheets = await readXlsxFile(path)
  } catch {
    throw new ImportError(say('workbookUnreadable'))
  }
  const names = sheets.map((s) => s.sheet)
  const chosen =
    sheet === undefined ? sheets.find((s) => s.data.length >= 2) : sheets.find((s) => s.sheet === sheet)
  if (!chosen) {
    throw new ImportError(
      sheet === undefined
        ? say('workbookWithoutTable')
        : say('noSuchSheet', {
            sheet: sheet.slice(0, 60),
            sheets: { list: names.map((n) => n.slice(0, 60)) },
          }),
    )
  }
  // DuckDB reads this copy straight back: no formula guard, which would change the values.
  const rows = chosen.data.map((row) => row.map(workbookCell))
  await writeFile(target, toCsv(rows, { lineEnd: '\n', guardFormulas: false }), 'utf8')
  return { sheets: names, sheet: chosen.sheet }
}

/** A workbook cell as CSV text: dates as ISO days. */
function workbookCell(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
}
