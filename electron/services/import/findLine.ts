/**
 * Finds the line of a bad cell that our SQL reported by column and value (DuckDB names the line only
 * for its own conversion errors). Reads the staged file once more, stopping at the first match; only
 * ever runs after an import has failed.
 */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { readCsv } from '../../shared/csv'
import type { CellError } from './errors'
import type { Sniffed } from './sniff'

export async function findCellLine(
  path: string,
  sniffed: Sniffed,
  compression: 'none' | 'gzip',
  cell: CellError,
): Promise<number | null> {
  const raw = createReadStream(path)
  const input = compression === 'gzip' ? raw.pipe(createGunzip()) : raw
  const lines = createInterface({ input, crlfDelay: Infinity })
  let lineNo = 0
  let pending = ''
  let pendingStart = 0
  const target = cell.value.trim()
  try {
    for await (const line of lines) {
      lineNo++
      if (lineNo <= sniffed.skipLines + 1) continue
      if (!pending) pendingStart = lineNo
      pending = pending ? `${pending}\n${line}` : line
      // A quoted field may span lines: wait until the quotes balance.
      if ((pending.match(/"/g)?.length ?? 0) % 2 === 1) continue
      const fields = readCsv(pending, { delimiter: sniffed.delimiter, maxRows: 1 }).rows[0] ?? []
      pending = ''
      const value = (fields[cell.column] ?? '').trim()
      if (value === target) return pendingStart
    }
    return null
  } finally {
    lines.close()
    raw.destroy()
  }
}
