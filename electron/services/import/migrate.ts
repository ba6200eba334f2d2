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
 * Rules 2 → 3, for UN Comtrade and CEPII BACI versions: their country keys were read by the ISO numbers,
 * where these sources' own lists read two of them otherwise (codes.ts). Comtrade's 492, "Europe EU,
 * nes", was stored as Monaco and is now no country; BACI's 490, Chinese Taipei, was stored as Comtrade's
 * "Other Asia, nes" (S19) and is now Taiwan. The raw keys are stored (dims.parquet maps each to its
 * country), so the mapping is mended from them; the summary is made again from the stored facts and
 * the mended mapping, the by-product summary dropped as above, and the manifest's reporters read again.
 * Comtrade's own 490 stays "Other Asia, nes", as Comtrade names it. A version that holds none of these
 * keys keeps its files as they are, byte for byte.
 *
 * What the stored rows cannot mend is recorded as the version's `outdated` reasons, which the Datasets
 * page and the Explorer show with the advice to import the same file again: WTO quarters an earlier
 * import added up into years (their quarters are not in the rows), and spans of months that an import
 * now refuses (they stay charted as months until then).
 *
 * Each file is replaced atomically and the manifest is written last, so a crash leaves each file old
 * or new, and the version still marked as made by the earlier rules: the next start does it again,
 * and doing it again changes nothing more (every step reads what it writes as already done). The
 * country mapping is the last file of a version written: until it is, the next start finds its keys
 * still misread and makes the summary again from it.
 * Constant columns and the Parquet compression need nothing: older versions are read as they are.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportWarning, OutdatedReason } from '../../shared/importApi'
import { writeFileAtomic } from '../atomicFile'
import { codeTablesSql, type CodeLists } from './codes'
import { openJobDb, type JobDb } from './jobDb'
import { LAYOUTS } from './layouts'
import {
  IMPORT_RULES,
  newJobId,
  type DatasetEntry,
  type Library,
  type VersionAmendment,
  type VersionEntry,
} from './library'
import { frequencySql, keyedSql, MACROS, sqlString, storedFacts, summarySql, unknownCountrySql } from './sql'

/** WTO's quarterly totals as their own flows under the first rules → the flows they are (layouts/wto.ts). */
const WTO_QUARTER_FLOWS: Readonly<Record<string, string>> = { its_mtv_qx: 'exports', its_mtv_qm: 'imports' }
const WTO_QUARTER_CODES = ['ITS_MTV_QX', 'ITS_MTV_QM']

/** The sources' own country lists that rules 3 brought (codes.ts): before, their keys were read by the ISO list. */
const LISTS_OF_RULES_3 = new Set(['cte_comtrade', 'cte_baci'])

/** Brings every version made by earlier import rules up to today's; a version that cannot be read stays as it is. */
export async function migrateLibrary(library: Library, codes: CodeLists): Promise<void> {
  const due = library
    .datasets()
    .flatMap((d) => d.versions.filter((v) => (v.rules ?? 1) < IMPORT_RULES).map((v) => ({ d, v })))
  if (due.length === 0) return
  const scratch = await library.staging(newJobId())
  const db = await openJobDb({ tempDir: join(scratch, 'spill'), memoryLimit: '256MB', threads: 1 })
  try {
    for (const sql of [...MACROS, ...codeTablesSql(codes)]) await db.run(sql)
    for (const { d, v } of due) {
      try {
        const dir = library.versionDir(d, v)
        let patch: VersionAmendment = { rules: IMPORT_RULES }
        if ((v.rules ?? 1) < 2) patch = { ...patch, ...(await toRules2(db, dir, d, v, scratch)) }
        patch = { ...patch, ...(await toRules3(db, dir, d, { ...v, ...patch }, scratch)) }
        await library.amend(d.id, v.version, patch)
      } catch {
        // Left as the earlier rules made it (each file old or new, all readable), tried again at the next start;
        // until then its rules say so, and the Datasets page and the Explorer with them (library.ts outdatedOf).
      }
    }
  } finally {
    db.close()
    await rm(scratch, { recursive: true, force: true })
  }
}

async function toRules2(
  db: JobDb,
  dir: string,
  dataset: DatasetEntry,
  version: VersionEntry,
  scratch: string,
): Promise<Omit<VersionAmendment, 'rules'>> {
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
  return { outdated, frequencies, flows: flows.slice(0, 200), warnings }
}

/**
 * Rules 3: the country keys of a Comtrade or BACI version read by the source's own list, where the
 * earlier rules stored the ISO list's reading (the key's value in dims.parquet is that reading). Only
 * the keys the two lists read differently are looked at, so a version made by rules 3, or mended
 * already, is left as it is; one that holds none of them is not written at all.
 */
async function toRules3(
  db: JobDb,
  dir: string,
  dataset: DatasetEntry,
  version: VersionEntry,
  scratch: string,
): Promise<Omit<VersionAmendment, 'rules'>> {
  const list = LAYOUTS.find((l) => l.id === dataset.layout)?.countries
  if (!list || !LISTS_OF_RULES_3.has(list.table)) return {}
  const dims = `read_parquet(${sqlString(join(dir, 'dims.parquet'))})`
  const unknown = unknownCountrySql('d.key')
  const keys = await db.all<{ key: string; iso: string; own: string; stored: string | null }>(
    `SELECT * FROM (
       SELECT d.key, coalesce(c.iso3, ${unknown}) AS iso, coalesce(s.iso3, ${unknown}) AS own, d.value AS stored
         FROM ${dims} d LEFT JOIN cte_codes c ON c.code = d.key LEFT JOIN ${list.table} s ON s.code = d.key
        WHERE d.dim = 'country' AND d.key IS NOT NULL)
      WHERE iso IS DISTINCT FROM own ORDER BY key`,
  )
  if (keys.length === 0) return {}
  const misread = keys.filter((k) => k.stored === k.iso)
  if (misread.length > 0) {
    const mended = misread.map((k) => `(${sqlString(k.key)}, ${sqlString(k.own)})`)
    // The stored mapping with the misread keys' values replaced, in the file's order.
    await db.run(`CREATE OR REPLACE TABLE mended_dims AS
      SELECT d.dim, d.key, CASE WHEN m.key IS NULL THEN d.value ELSE m.value END AS value
        FROM read_parquet(${sqlString(join(dir, 'dims.parquet'))}, file_row_number = true) d
        LEFT JOIN (VALUES ${mended.join(', ')}) m(key, value) ON d.dim = 'country' AND d.key = m.key
       ORDER BY d.file_row_number`)
    await db.run(
      `CREATE OR REPLACE TABLE keyed AS ${keyedSql(storedFacts(dir, version.constants), version.constants)}`,
    )
    await replace(
      db,
      join(dir, 'summary.parquet'),
      `SELECT * FROM (${summarySql('keyed', 'mended_dims')}) ORDER BY ALL`,
      scratch,
    )
    await rm(join(dir, 'products.parquet'), { force: true })
    // Last: until the mapping is mended, the next start finds these keys misread and does all this again.
    await replace(db, join(dir, 'dims.parquet'), `SELECT dim, key, value FROM mended_dims`, scratch)
    await db.run(`DROP TABLE keyed`)
    await db.run(`DROP TABLE mended_dims`)
  }

  const summary = `read_parquet(${sqlString(join(dir, 'summary.parquet'))})`
  const [held] = await db.all<{ reporters: string[] | null }>(
    `SELECT list(DISTINCT reporter) AS reporters FROM ${summary}`,
  )
  const reporters = (held?.reporters ?? []).filter((r): r is string => typeof r === 'string' && r !== '')
  // A warning's example names a country as it was stored: the mended one where no other key gives that name.
  const names = new Set(
    (
      await db.all<{ value: string }>(
        `SELECT DISTINCT value FROM ${dims} WHERE dim = 'country' AND value IS NOT NULL`,
      )
    ).map((r) => r.value),
  )
  const renamed = new Map(keys.filter((k) => !names.has(k.iso)).map((k) => [k.iso, k.own]))
  const warnings = version.warnings.map((w): ImportWarning =>
    w.kind === 'chaptersNotTotal'
      ? {
          ...w,
          example: {
            ...w.example,
            reporter: renamed.get(w.example.reporter) ?? w.example.reporter,
            partner: renamed.get(w.example.partner) ?? w.example.partner,
          },
        }
      : w,
  )
  return { reporters: reporters.sort().slice(0, 500), warnings }
}

/** Writes a query's rows over a version's file: made in the scratch folder, then put in place atomically. */
async function replace(db: JobDb, target: string, select: string, scratch: string): Promise<void> {
  const made = join(scratch, `${newJobId()}.parquet`)
  await db.run(`COPY (${select}) TO ${sqlString(made)} (FORMAT parquet)`)
  await writeFileAtomic(target, await readFile(made))
  await rm(made, { force: true })
}
