/**
 * What the sampled rows of a file say of the whole of it, for the import to write less: a key column with
 * one value in the file's first rows and in rows across it (one reporter, one flow) is checked on every row
 * and kept once in the manifest, not written on every row of facts.parquet (a text column in the
 * Parquet writer was about a twentieth of a large import's time). The check is cte_same (sql.ts): a row
 * with another value stops the read, and the import reads the file again writing every column
 * (pipeline.ts). A guess is never kept unchecked: the stored keys are the file's either way.
 */
import { open, writeFile } from 'node:fs/promises'
import { readCsv, toCsv } from '../../shared/csv'
import type { FactColumn, FactConstants } from './sql'
import { sqlString } from './sql'
import type { StagedPart } from './source'
import type { JobDb } from './jobDb'

/** Key columns a guess may keep once. The period is always stored (see pipeline.ts). */
const GUESSED: readonly FactColumn[] = ['reporter_k', 'partner_k', 'flow_k']

/** How much of a file is read, in all, for rows from its middle and its end (in WINDOWS pieces). */
export const ACROSS_BYTES = 64 * 1024
const WINDOWS = 8

/**
 * Rows from the middle and the end of a plain (uncompressed, UTF-8 as staged) CSV: WINDOWS pieces of the
 * file, ending at each eighth of it (the last at its end), each piece's complete rows, every one with the
 * header's number of fields. A file sorted by reporter or flow shows its other values here, where its
 * first rows alone would not. None where a piece cannot be read on its own (a quoted field may run
 * across lines, so a cut inside one gives rows that fail the parse or the width), or the file is too
 * small to have rows the first ones do not hold.
 */
export async function rowsAcross(part: StagedPart, bytes = ACROSS_BYTES): Promise<string[][]> {
  const { sniffed } = part
  if (sniffed.format !== 'csv' || part.compression !== 'none') return []
  const handle = await open(part.staged, 'r')
  try {
    const { size } = await handle.stat()
    const piece = Math.floor(bytes / WINDOWS)
    if (size <= bytes * 2) return []
    const width = sniffed.header.length + (sniffed.trailingField ? 1 : 0)
    const rows: string[][] = []
    for (let w = 1; w <= WINDOWS; w++) {
      const end = Math.round((size * w) / WINDOWS)
      const buffer = Buffer.alloc(piece)
      const { bytesRead } = await handle.read(buffer, 0, piece, end - piece)
      const text = buffer.subarray(0, bytesRead).toString('utf8')
      // The piece's first line is cut: its rows start after that line's end.
      const start = text.indexOf('\n')
      if (start < 0) return []
      // Every piece but the file's end cuts its last line: only the lines before that are read.
      const body = text.slice(start + 1, w === WINDOWS ? undefined : text.lastIndexOf('\n') + 1)
      const complete = readCsv(body, { delimiter: sniffed.delimiter, strict: true }).rows
      if (complete.length === 0 || complete.some((r) => r.length !== width)) return []
      rows.push(...complete)
    }
    return rows
  } catch {
    return []
  } finally {
    await handle.close()
  }
}

/**
 * The sampled rows as a part of their own: a comma-delimited UTF-8 file at `path` with the part's
 * header, which relationOf (source.ts) reads as it reads the file, its types and empty cells alike.
 */
export async function sampledPart(
  part: StagedPart,
  rows: readonly (readonly string[])[],
  path: string,
): Promise<StagedPart> {
  const { sniffed } = part
  const width = sniffed.header.length + (sniffed.trailingField ? 1 : 0)
  const cells = (r: readonly string[]) => Array.from({ length: width }, (_, i) => r[i] ?? '')
  await writeFile(path, toCsv([cells(sniffed.header), ...rows.map(cells)], { guardFormulas: false }))
  return {
    ...part,
    staged: path,
    compression: 'none',
    sniffed: { ...sniffed, delimiter: ',', skipLines: 0, compression: 'none' },
  }
}

/**
 * The key columns (GUESSED) that `select` (a layout's fact SELECT over `src`) gives one value, never
 * empty, on every row of `sampled` (a relation over the sampled rows, sampledPart): by DuckDB, so the
 * keys are the layout's own. None where the SELECT cannot read those rows.
 */
export async function oneValuedKeys(db: JobDb, select: string, sampled: string): Promise<FactConstants> {
  try {
    const [found] = await db.all<Record<string, unknown>>(
      `SELECT ${GUESSED.map((c) => `count(DISTINCT ${c}) = 1 AND count(${c}) = count(*) AS ${c}_one, any_value(${c}) AS ${c}`).join(', ')}
         FROM (${select.replace(/\bsrc\b/g, `(SELECT * FROM ${sampled})`)})`,
    )
    return Object.fromEntries(
      GUESSED.filter((c) => found?.[`${c}_one`] === true && typeof found[c] === 'string').map((c) => [
        c,
        found![c] as string,
      ]),
    )
  } catch {
    return {}
  }
}

/** The filter that checks every row holds the guessed values (cte_same), or '' for none. */
export function guessesChecked(guesses: FactConstants): string {
  const checks = Object.entries(guesses).map(([c, v]) => `cte_same(${c}, ${sqlString(v as string)})`)
  return checks.length ? `WHERE ${checks.join(' AND ')}` : ''
}
