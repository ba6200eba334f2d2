/**
 * Versions imported by an earlier version of the app, brought up to today's import rules when the
 * library is opened, where their stored rows allow it without the user's file and without guessing:
 *
 * - a year to date (`2025-01..2025-07`) was summarised at the monthly frequency: its period is stored
 *   as written, so its frequency is read again from it (sql.ts frequencySql);
 * - WTO's quarterly totals were flows of their own (`its_mtv_qx`, `its_mtv_qm`): they are renamed to
 *   the exports and imports flows by the layout's fixed table (layouts/wto.ts);
 * - the by-product summary made by the earlier rules is dropped: it is made again on first use from
 *   the version's rows (queries.ts productsOf), as for a version imported before imports wrote it.
 *
 * What the stored rows cannot mend is recorded as the version's `outdated` reasons, which the Datasets
 * page and the Explorer show with the advice to import the same file again: WTO quarters an earlier
 * import added up into years (their quarters are not in the rows), and spans of months that an import
 * now refuses (they stay charted as months until then).
 *
 * Each file is replaced atomically and the manifest is written last, so a crash leaves each file old
 * or new, and the version still marked as made by the earlier rules: the next start does it again,
 * and doing it again changes nothing more (every step reads what it writes as already done).
 * Constant columns and the Parquet compression need nothing: older versions are read as they are.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportWarning, OutdatedReason } from '../../shared/importApi'
import { writeFileAtomic } from '../atomicFile'
import { openJobDb, type JobDb } from './jobDb'
import {
  IMPORT_RULES,
  newJobId,
  type DatasetEntry,
  type Library,
  type VersionAmendment,
  type VersionEntry,
} from './library'
import { frequencySql, sqlString } from './sql'

/** WTO's quarterly totals as their own flows under the first rules → the flows they are (layouts/wto.ts). */
const WTO_QUARTER_FLOWS: Readonly<Record<string, string>> = { its_mtv_qx: 'exports', its_mtv_qm: 'imports' }
const WTO_QUARTER_CODES = ['ITS_MTV_QX', 'ITS_MTV_QM']

/** Brings every version made by earlier import rules up to today's; a version that cannot be read stays as it is. */
export async function migrateLibrary(library: Library): Promise<void> {
  const due = library
    .datasets()
    .flatMap((d) => d.versions.filter((v) => (v.rules ?? 1) < IMPORT_RULES).map((v) => ({ d, v })))
  if (due.length === 0) return
  const scratch = await library.staging(newJobId())
  const db = await openJobDb({ tempDir: join(scratch, 'spill'), memoryLimit: '256MB', threads: 1 })
  try {
    for (const { d, v } of due) {
      try {
        const patch = await migrateVersion(db, library.versionDir(d, v), d, v, scratch)
        await library.amend(d.id, v.version, patch)
      } catch {
        // Left as the earlier rules made it (each file old or new, all readable), tried again at the next start.
      }
    }
  } finally {
    db.close()
    await rm(scratch, { recursive: true, force: true })
  }
}

async function migrateVersion(
  db: JobDb,
  dir: string,
  dataset: DatasetEntry,
  version: VersionEntry,
  scratch: string,
): Promise<VersionAmendment> {
  const file = (name: string) => sqlString(join(dir, name))
  const outdated: OutdatedReason[] = []
  let renames: Record<string, string> = {}

  if (dataset.layout === 'wto') {
    const [wto] = await db.all<{ quarterFlows: boolean; quarters: boolean }>(
      `SELECT bool_or(dim = 'flow' AND key IN (${WTO_QUARTER_CODES.map(sqlString).join(', ')})) AS quarterFlows,
              bool_or(dim = 'period' AND value LIKE '%-Q%') AS quarters
         FROM read_parquet(${file('dims.parquet')})`,
    )
    // Quarterly rows whose periods hold no quarter were read as their year: the quarters are gone.
    if (wto?.quarterFlows && !wto.quarters) outdated.push('quartersAsYears')
    else renames = { ...WTO_QUARTER_FLOWS }
  }
  const flow = (column: string) =>
    Object.keys(renames).length === 0
      ? column
      : `CASE ${column} ${Object.entries(renames)
          .map(([from, to]) => `WHEN ${sqlString(from)} THEN ${sqlString(to)}`)
          .join(' ')} ELSE ${column} END`

  // Spans an import now refuses: neither January–February of one year nor a year to date.
  const [spans] = await db.all<{ n: number }>(
    `SELECT count(*) AS n FROM read_parquet(${file('summary.parquet')})
      WHERE period LIKE '%..%' AND ${frequencySql('period')} = 'month'
        AND NOT (period LIKE '____-01..____-02' AND left(period, 4) = substr(period, 10, 4))`,
  )
  if (Number(spans?.n ?? 0) > 0) outdated.push('spans')

  await replace(
    db,
    join(dir, 'summary.parquet'),
    `SELECT * REPLACE (${frequencySql('period')} AS frequency, ${flow('flow')} AS flow) FROM read_parquet(${file('summary.parquet')})`,
    scratch,
  )
  if (Object.keys(renames).length > 0)
    await replace(
      db,
      join(dir, 'dims.parquet'),
      `SELECT * REPLACE (CASE WHEN dim = 'flow' THEN ${flow('value')} ELSE value END AS value) FROM read_parquet(${file('dims.parquet')})`,
      scratch,
    )
  await rm(join(dir, 'products.parquet'), { force: true })

  const [held] = await db.all<{ freqs: string[] | null; flows: string[] | null }>(
    `SELECT list(DISTINCT frequency) AS freqs, list(DISTINCT flow) AS flows FROM read_parquet(${file('summary.parquet')})`,
  )
  const frequencies = (['month', 'quarter', 'year'] as const).filter((f) => held?.freqs?.includes(f))
  const flows = (held?.flows ?? []).filter((f): f is string => typeof f === 'string' && f !== '').sort()
  const warnings = version.warnings.map((w): ImportWarning =>
    w.kind === 'quartersKept' ? { ...w, flows: [...new Set(w.flows.map((f) => renames[f] ?? f))].sort() } : w,
  )
  return {
    rules: IMPORT_RULES,
    outdated,
    frequencies,
    flows: flows.slice(0, 200),
    warnings,
  }
}

/** Writes a query's rows over a version's file: made in the scratch folder, then put in place atomically. */
async function replace(db: JobDb, target: string, select: string, scratch: string): Promise<void> {
  const made = join(scratch, `${newJobId()}.parquet`)
  await db.run(`COPY (${select}) TO ${sqlString(made)} (FORMAT parquet)`)
  await writeFileAtomic(target, await readFile(made))
  await rm(made, { force: true })
}
