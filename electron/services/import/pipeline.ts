/**
 * One import job, start to finish, in the engine process (DuckDB does the heavy work on its own threads):
 *
 *   check the file → sniff → stage (link, or convert to UTF-8 and hash the bytes as they pass) → else
 *   hash alongside DuckDB's read → DuckDB reads and normalises into the tidy model, written as Parquet
 *   into a staging folder (with guesses from the sampled rows, checked on every row: guesses.ts) → chart-sized summaries → the file must be unchanged since we started →
 *   commit: rename into the library, update the manifest.
 *
 * Progress goes out as events; Cancel interrupts DuckDB and stops the streams. On any failure or cancel
 * the staging folder is deleted, so the library and its manifest are exactly as before.
 */
import { createHash } from 'node:crypto'
import { open, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { inFile, say, type Said } from '../../shared/messages'
import type { ImportProgress } from '../../shared/api'
import type { ImportWarning, Mapping, SourceChoice } from '../../shared/importApi'
import { codeTablesSql, countryByName, type CodeLists } from './codes'
import { findCellLine } from './findLine'
import {
  CellFailure,
  cellMessage,
  ImportCancelled,
  ImportError,
  inPart,
  guessMissed,
  translateDuckDbError,
} from './errors'
import { isJanFeb, isYearToDate, parsePeriod, parsePeriodLabel } from '../../shared/periods'
import type { Grant } from '../grants'
import { openJobDb, traceStage, type JobDb } from './jobDb'
import { filledColumns, lacksPeriods, planFor, recognise, type Plan } from './layouts'
import { needsReimport, type DatasetEntry, type Library, type NewVersion } from './library'
import { storedIntact } from './stored'
import { guessesChecked, oneValuedKeys, rowsAcross, sampledPart } from './guesses'
import {
  convertsOnStaging,
  partsOf,
  relationOf,
  sampleOf,
  stagePart,
  type Part,
  type StagedPart,
} from './source'
import {
  comboHashesDistinctSql,
  combosSql,
  constantFacts,
  FACT_COLUMNS,
  factsRelation,
  keyedSql,
  MACROS,
  productsSql,
  sqlString,
  summarySql,
  unknownCountrySql,
  worldKeysSql,
  type FactConstants,
} from './sql'

export type Phase = ImportProgress['phase']

/** HS chapters may miss their total by rounding, no more: 0.1 %. */
const CHAPTER_TOLERANCE = 0.001

export interface PipelineHooks {
  /** Tests: where a named output file is written (e.g. a full disk). */
  outputPath?(name: string, standard: string): string
  /** Tests: runs just before the commit (e.g. to hold a job while a test presses Cancel). */
  beforeCommit?(): Promise<void>
  /** Tests: how much of a file is read for rows across it (guesses.ts), so a small file has some. */
  acrossBytes?(): number
}

export interface PipelineDeps {
  library: Library
  codes: CodeLists
  emit(progress: ImportProgress): void
  hooks?: PipelineHooks
  memoryLimit?: string
  threads?: number
}

export type JobResult =
  | { status: 'imported'; dataset: DatasetEntry }
  | { status: 'unchanged'; dataset: DatasetEntry }
  | { status: 'cancelled' }

export class ImportJob {
  private cancelled = false
  private db: JobDb | null = null
  private readonly abort = new AbortController()
  readonly promise: Promise<JobResult>
  private totalBytes = 0
  private bytesRead = 0
  private rows = 0
  private phase: Phase = 'reading'

  constructor(
    readonly jobId: string,
    private readonly file: Grant,
    private readonly mapping: Mapping | undefined,
    private readonly source: SourceChoice | undefined,
    private readonly deps: PipelineDeps,
  ) {
    this.promise = this.run()
  }

  cancel(): void {
    if (this.cancelled) return
    this.cancelled = true
    this.abort.abort()
    try {
      this.db?.interrupt()
    } catch {
      // already finished
    }
  }

  private check(): void {
    if (this.cancelled) throw new ImportCancelled()
  }

  private emit(phase: Phase, message?: string): void {
    this.phase = phase
    this.deps.emit({
      jobId: this.jobId,
      file: this.file.name.slice(0, 260),
      phase,
      bytesRead: Math.min(this.bytesRead, this.totalBytes),
      totalBytes: this.totalBytes,
      rows: Math.max(0, Math.round(this.rows)),
      ...(message ? { message: message.slice(0, 1000) } : {}),
    })
  }

  private async run(): Promise<JobResult> {
    const { library } = this.deps
    const started = Date.now()
    let staging: string | null = null
    let columns: string[] = []
    let stagedParts: StagedPart[] = []
    try {
      const before = await statOf(this.file)
      this.totalBytes = before.size
      this.emit('reading')
      // A sheet or members the user chose are a dataset of their own, not a new version of the file's.
      const existing = this.source ? undefined : library.findByPath(this.file.path)
      const latest = existing?.versions.at(-1)
      // Reopening a file we already hold, unchanged: nothing to do.
      if (
        existing &&
        latest &&
        latest.size === before.size &&
        latest.mtimeMs === before.mtimeMs &&
        // A package's data files may change while its descriptor stays the same: those are hashed.
        latest.format !== 'datapackage' &&
        !needsReimport(latest) &&
        sameMapping(this.mapping, existing.mapping) &&
        this.source === undefined &&
        // A version whose stored files were removed or damaged is made again from the same file.
        (await storedIntact(library.versionDir(existing, latest)))
      ) {
        this.bytesRead = this.totalBytes
        this.rows = latest.rows
        this.emit('done', 'Already in your library: unchanged since it was imported.')
        return { status: 'unchanged', dataset: existing }
      }
      if (before.size === 0) throw new ImportError(say('fileEmpty'))

      staging = await library.staging(this.jobId)
      const stagingDir = staging
      let stage = performance.now()
      const { sniffed, parts, title } = await partsOf(
        this.file.path,
        this.file.name,
        stagingDir,
        this.source,
        this.abort.signal,
      )
      this.check()
      traceStage('sniff', stage)
      // The stored hash is of the user's own bytes, read once: where staging converts the file itself
      // (not UTF-8), from the bytes as the conversion reads them; else in a read of its own beside
      // DuckDB's (DuckDB reads the file from disk, so its bytes cannot pass through here).
      const first = parts[0]
      const hashOnStaging =
        sniffed.format !== 'datapackage' &&
        parts.length === 1 &&
        first?.path === this.file.path &&
        convertsOnStaging(first)
          ? createHash('sha256')
          : null
      const hashStarted = performance.now()
      const hashingAlongside = hashOnStaging
        ? null
        : (sniffed.format === 'datapackage'
            ? packageSha256(this.file.path, parts, this.abort.signal)
            : sha256Of(this.file.path, this.abort.signal)
          ).finally(() => traceStage('hash (alongside)', hashStarted))
      hashingAlongside?.catch(() => {})
      stage = performance.now()

      stagedParts = []
      for (const [i, part] of parts.entries()) {
        stagedParts.push(
          await stagePart(part, stagingDir, i, this.abort.signal, (chunk) => {
            this.bytesRead += chunk.length / 2
            hashOnStaging?.update(chunk)
          }),
        )
        this.check()
      }
      const hashing = hashingAlongside ?? Promise.resolve(hashOnStaging!.digest('hex'))
      this.bytesRead = 0
      traceStage('stage input', stage)
      stage = performance.now()

      const db = await openJobDb({
        tempDir: stagingDir,
        memoryLimit: this.deps.memoryLimit,
        threads: this.deps.threads,
      })
      this.db = db
      if (this.cancelled) db.interrupt()
      for (const sql of [...MACROS, ...codeTablesSql(this.deps.codes)]) await db.run(sql)
      traceStage('DuckDB set up', stage)
      stage = performance.now()

      // One plan per part; all parts of a package must share one layout (their keys are mapped together).
      const selects: string[] = []
      // The same SELECTs reading every column they may need, where a plan read fewer (common.ts, isoOrCode).
      const fallbacks: string[] = []
      let plan0: Plan | null = null
      let sample0: string[][] = []
      for (const [i, part] of stagedParts.entries()) {
        const { header, sample } =
          part.sniffed.format === 'csv'
            ? { header: part.sniffed.header, sample: part.sniffed.sample }
            : await sampleOf(db, part)
        if (i === 0) [columns, sample0] = [header, sample]
        checkHeader(header, sample, part.label, stagedParts.length > 1)
        if (
          part.sniffed.format === 'csv' &&
          sample.length === 0 &&
          part.size <= 1024 * 1024 &&
          part.sniffed.compression === 'none'
        ) {
          throw new ImportError(inPart(part.label, stagedParts.length > 1, say('headerWithoutRows')))
        }
        const mapped = this.mapping && stagedParts.length === 1
        const plan = mapped
          ? planFor(checkMapping(this.mapping!, header), header)
          : recognise(header, part.sniffed.notes, filledColumns(header, sample))
        if (!plan && lacksPeriods(header, sample))
          throw new ImportError(inPart(part.label, stagedParts.length > 1, say('noPeriodColumn')))
        if (!plan) {
          throw new AppError(
            'INVALID_ARGUMENT',
            inPart(part.label, stagedParts.length > 1, say('unknownLayout')),
          )
        }
        if (plan0 && plan.layout !== plan0.layout)
          throw new ImportError(say('otherLayout', { part: part.label }))
        plan0 ??= plan
        await db.run(`CREATE VIEW src_${i} AS SELECT * FROM ${await relationOf(db, part, plan, header)}`)
        const fallback = mapped ? plan : recognise(header, part.sniffed.notes)
        selects.push(plan.facts.replace(/\bsrc\b/g, `src_${i}`))
        fallbacks.push((fallback ?? plan).facts.replace(/\bsrc\b/g, `src_${i}`))
      }
      this.check()

      const outputs = new Set<string>()
      const out = (name: string) => {
        outputs.add(name)
        return this.deps.hooks?.outputPath?.(name, join(stagingDir, name)) ?? join(stagingDir, name)
      }
      const factsFile = out('facts.parquet')
      // Columns the layout fills with one literal (its unit, an indicator or quantity the file does not
      // have) are kept once, in the manifest, not written on every row: writing them cost about a tenth
      // of the import. The period and the value are always stored.
      const constants = await constantFacts(async (sql) => {
        const [parsed] = await db.all<{ tree: string }>(
          `SELECT json_serialize_sql(${sqlString(sql)}) AS tree`,
        )
        return parsed?.tree ?? '{"error": true}'
      }, selects)
      delete constants.period_k
      delete constants.value
      // Key columns the file's first rows and rows across it give one value (guesses.ts): checked on
      // every row, kept once. Only for one plain CSV, whose pieces can be read on their own.
      const guessing = performance.now()
      const only = stagedParts.length === 1 ? stagedParts[0]! : undefined
      const across = only ? await rowsAcross(only, this.deps.hooks?.acrossBytes?.()) : []
      const guesses =
        only && plan0 && across.length > 0
          ? await oneValuedKeys(
              db,
              plan0.facts,
              await relationOf(
                db,
                await sampledPart(only, [...sample0, ...across], join(stagingDir, 'sampled.csv')),
                plan0,
                columns,
              ),
            )
          : {}
      for (const c of Object.keys(constants)) delete guesses[c as keyof FactConstants]
      traceStage('guesses from the sampled rows', guessing)
      this.emit('normalising')
      const bytesPerLine = stagedParts[0]?.sniffed.bytesPerLine ?? 100
      // This statement is most of an import: on the 10M-row benchmark file about four fifths of the
      // engine's CPU time, of which the CSV scan is two fifths and the Parquet writer a quarter (each
      // text key hashed into its column's dictionary, then looked up there again to write it). Writer
      // options measured without gain on a 3M-row slice: no dictionary (DICTIONARY_SIZE_LIMIT 1, or
      // STRING_DICTIONARY_PAGE_SIZE_LIMIT 1: the plain strings' statistics and compression cost as much,
      // and the file grows a quarter), PARQUET_VERSION V2 (slower), no compression, row groups of 16k to
      // 64k rows (the same; 1M rows, much slower). Reading without quote handling, as DuckDB's own
      // sniffer reads this file, runs the same instructions. Also without gain: a native DuckDB table
      // instead of Parquet (slower), three threads on two cores (slower), no progress bar (its
      // bookkeeping is under 1 % of the statement). At rest this statement alone takes about twice
      // DuckDB's one group-by pass over the same file (5.9 s against 2.9 s on the benchmark), which
      // reads three columns where this reads seven and writes five.
      const copy = (from: readonly string[], guessed: FactConstants) =>
        this.watch(
          db,
          (fraction) => {
            this.bytesRead = fraction * this.totalBytes
            this.rows = this.bytesRead / bytesPerLine
          },
          () => {
            const stored = FACT_COLUMNS.filter((c) => !(c in constants) && !(c in guessed))
            return db.run(
              `COPY (SELECT ${stored.join(', ')} FROM (${from.join('\nUNION ALL\n')}) ${guessesChecked(guessed)}) TO ${sqlString(factsFile)} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1)`,
            )
          },
        )
      try {
        await copy(selects, guesses)
        Object.assign(constants, guesses)
      } catch (error) {
        // A row further down proves a guess from the sampled rows wrong: read again without guesses.
        if (!guessMissed(error)) throw error
        this.check()
        traceStage('read with guesses from the sampled rows, until a row proved one wrong', stage)
        await copy(fallbacks, {})
      }
      this.check()
      this.bytesRead = this.totalBytes
      traceStage('plan, read and normalise to Parquet', stage)
      stage = performance.now()

      this.emit('writing')
      const stats = await this.summarise(db, factsFile, constants, plan0!, out)
      traceStage('summaries', stage)
      this.rows = stats.rows
      if (stats.rows === 0) throw new ImportError(say('headerWithoutRows'))
      this.emit('writing')
      db.close()
      this.db = null

      // The file must be the one we started with: not deleted, not rewritten while we read it.
      const after = await statOf(this.file).catch(() => {
        throw new ImportError(say('movedWhileImporting'))
      })
      if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
        throw new ImportError(say('changedWhileImporting'))
      }
      stage = performance.now()
      const sha256 = await hashing
      traceStage('wait for the hash', stage)
      stage = performance.now()
      this.check()
      const same = library.findBySha(sha256)
      const held =
        same &&
        !this.source &&
        (same.originalPath === this.file.path || !existing) &&
        sameMapping(this.mapping, same.mapping)
      // The same bytes again are "unchanged", unless earlier import rules left their version wrong:
      // then they are its dataset's new version, wherever the file now is (notes keep its id).
      // So does a version whose stored files were removed or damaged (stored.ts).
      const mends =
        held && (needsReimport(same.versions.at(-1)) || !(await storedIntact(library.versionDir(same))))
          ? same
          : undefined
      if (held && !mends) {
        await rm(stagingDir, { recursive: true, force: true })
        staging = null
        this.emit('done', `Already in your library as "${same.title}".`)
        return { status: 'unchanged', dataset: same }
      }

      // The version keeps the normalised data only: not the staged input (a link to the user's file, or
      // a full converted copy of it), an extracted member or sheet, or DuckDB's spill files.
      await keepOnly(stagingDir, outputs)
      await this.deps.hooks?.beforeCommit?.()
      this.check()
      const version: NewVersion = {
        sha256,
        size: before.size,
        mtimeMs: before.mtimeMs,
        importedAt: new Date().toISOString(),
        durationMs: Date.now() - started,
        rows: stats.rows,
        from: stats.from,
        to: stats.to,
        frequencies: stats.frequencies,
        flows: stats.flows,
        reporters: stats.reporters,
        units: stats.units,
        totalProduct: stats.totalProduct,
        hasWorld: stats.hasWorld,
        warnings: stats.warnings,
        format: sniffed.format,
        encoding: sniffed.encoding,
        compression: sniffed.compression,
        constants,
      }
      const dataset = await library.commit(
        stagingDir,
        {
          id: (existing ?? mends)?.id,
          title: (existing ?? mends)?.title ?? title ?? sourceTitle(this.file.name, this.source),
          fileName: this.file.name,
          originalPath: this.file.path,
          layout: plan0?.layout ?? 'mapped',
          mapping: this.mapping ?? null,
        },
        version,
      )
      staging = null
      traceStage('commit', stage)
      this.emit('done')
      return { status: 'imported', dataset }
    } catch (error) {
      this.db?.close()
      this.db = null
      const cancelled =
        this.cancelled || error instanceof ImportCancelled || (error as Error)?.name === 'AbortError'
      // Described before the staging folder goes: finding a bad cell's line reads the staged copy.
      const said = cancelled ? null : await this.describe(error, columns, stagedParts[0])
      if (staging) await rm(staging, { recursive: true, force: true }).catch(() => {})
      if (!said) {
        this.emit('cancelled', 'Cancelled: nothing was saved.')
        return { status: 'cancelled' }
      }
      const failure = new AppError(
        error instanceof AppError && error.code === 'INVALID_ARGUMENT' ? 'INVALID_ARGUMENT' : 'DATA_ERROR',
        said,
      )
      this.emit('failed', failure.message)
      throw failure
    }
  }

  /** Runs a long query while reporting its progress every 200 ms. */
  private async watch(db: JobDb, onFraction: (f: number) => void, task: () => Promise<void>): Promise<void> {
    const timer = setInterval(() => {
      const fraction = db.progress()
      if (fraction !== null) {
        onFraction(fraction)
        this.emit(this.phase)
      }
    }, 200)
    try {
      await task()
    } finally {
      clearInterval(timer)
    }
  }

  /**
   * The keys' tidy values (once per distinct key), row count and coverage, and the chart-sized summary
   * written beside the facts: by reporter × partner × flow × period, per product level (TOTAL rows are
   * level 0, else the code length); and the by-product summary (reporter × flow × product × period,
   * sql.ts) the product charts read. That one is made here, not after the import: made after it, it
   * held the first product chart back for seconds; here its pass over the facts costs about a tenth of
   * the import (`npm run bench:import` prints both).
   */
  private async summarise(
    db: JobDb,
    factsFile: string,
    constants: FactConstants,
    plan: Plan,
    out: (name: string) => string,
  ) {
    const facts = factsRelation(factsFile, constants)
    const countries = plan.countries ?? { table: 'cte_codes' as const }
    // One pass over the facts, grouped by the raw keys: small, and it holds every distinct key.
    await db.run(`CREATE TABLE keyed AS ${keyedSql(facts, constants)}`)
    await this.readPeriods(db, plan)
    await db.run(`CREATE TABLE dims AS
      SELECT 'period' AS dim, key, value FROM period_map
      UNION ALL SELECT 'flow', k, ${plan.flow('k')} FROM (SELECT DISTINCT flow_k AS k FROM keyed)
      UNION ALL SELECT 'country', k, coalesce(c.iso3, ${countries.prefix ? `${sqlString(countries.prefix)} || ` : ''}${unknownCountrySql('k')})
        FROM (SELECT DISTINCT reporter_k AS k FROM keyed UNION SELECT DISTINCT partner_k FROM keyed) LEFT JOIN ${countries.table} c ON c.code = k`)
    await this.matchCountryNames(db)
    await db.run(`CREATE TABLE summary AS ${summarySql('keyed', 'dims')}`)
    const [s] = await db.all<{
      rows: number
      from: string | null
      to: string | null
      freqs: string[]
      flows: string[]
      units: string[]
      reporters: string[]
      levels: number[]
      world: boolean
    }>(
      // What the dataset holds at every frequency: months, quarters (each charted at its own
      // frequency, never added up into years; reported below) and years.
      `SELECT sum(n) AS rows, min(period) AS "from", max(period) AS "to", list(DISTINCT frequency) AS freqs, list(DISTINCT flow) AS flows,
              list(DISTINCT unit) AS units, list(DISTINCT reporter) AS reporters, list(DISTINCT level) AS levels, bool_or(partner = 'WLD') AS world
         FROM summary`,
    )
    const [all] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM ${facts}`)
    const world = (await db.all<{ key: string }>(worldKeysSql('dims'))).map((r) => r.key)
    const products = out('products.parquet')
    await db.run(`CREATE TABLE combos AS ${combosSql('keyed', constants)}`)
    const [hashes] = await db.all<{ distinct: boolean }>(comboHashesDistinctSql('combos'))
    await db.run(
      `COPY (${productsSql(facts, 'dims', world, constants, hashes?.distinct ? 'combos' : undefined)}) TO ${sqlString(products)} (FORMAT parquet)`,
    )
    const chapters = await this.chaptersAgainstTotal(db, products)
    const quarters = await this.quartersKept(db)
    const levels = (s?.levels ?? []).filter((l) => l !== null).sort((a, b) => a - b)
    await db.run(`COPY summary TO ${sqlString(out('summary.parquet'))} (FORMAT parquet)`)
    await db.run(`COPY dims TO ${sqlString(out('dims.parquet'))} (FORMAT parquet)`)
    const clean = (list: unknown[] | undefined) =>
      (list ?? []).filter((x): x is string => typeof x === 'string' && x !== '').sort()
    return {
      rows: all?.n ?? 0,
      from: s?.from ?? null,
      to: s?.to ?? null,
      frequencies: clean(s?.freqs).filter(
        (f): f is 'month' | 'quarter' | 'year' => f === 'month' || f === 'quarter' || f === 'year',
      ),
      flows: clean(s?.flows).slice(0, 200),
      units: clean(s?.units).slice(0, 50),
      reporters: clean(s?.reporters).slice(0, 500),
      totalProduct: levels[0] ?? 0,
      hasWorld: Boolean(s?.world),
      warnings: [chapters, quarters].filter((w): w is ImportWarning => w !== null),
    }
  }

  /**
   * Quarterly rows (WTO's ITS_MTV_QX, a "2020Q1" column) are read as quarters and kept so: never added
   * up into a year, which would pass a part of a year for the whole. The user is told they are in the
   * dataset as quarters: the Explorer charts them at the quarterly frequency.
   */
  private async quartersKept(db: JobDb): Promise<ImportWarning | null> {
    const [q] = await db.all<{
      rows: number | null
      from: string | null
      to: string | null
      flows: string[] | null
    }>(
      `SELECT sum(n) AS rows, min(period) AS "from", max(period) AS "to", list(DISTINCT flow ORDER BY flow) AS flows
         FROM summary WHERE frequency = 'quarter'`,
    )
    if (!q?.rows || !q.from || !q.to) return null
    return {
      kind: 'quartersKept',
      rows: Number(q.rows),
      from: q.from,
      to: q.to,
      flows: (q.flows ?? []).filter((f): f is string => typeof f === 'string').slice(0, 5),
    }
  }

  /**
   * Where the file gives an explicit total (TOTAL, level 0) and HS chapters (two-digit numbers) for the
   * same reporter, partner, flow, unit and period, the chapters should add up to the total. Rounding
   * apart (0.1 %), a difference is the user's to know: confidential trade, or chapters left out of
   * the download. The total is kept as the file gives it. Only where every two-character code is an HS
   * chapter (01…99), not a publisher's own groups of that length (WTO's SITC groups AG, MI, MA; EBOPS
   * codes), which overlap and need not add up: decided on the by-product summary's few rows (`products`,
   * its file), not by matching the pattern on every fact row.
   */
  private async chaptersAgainstTotal(db: JobDb, products: string): Promise<ImportWarning | null> {
    const [codes] = await db.all<{ hs: boolean | null }>(
      `SELECT bool_and(regexp_full_match(product, '[0-9]{2}')) AS hs FROM read_parquet(${sqlString(products)}) WHERE level = 2`,
    )
    if (!codes?.hs) return null
    const cells = `SELECT period, reporter, partner, flow, unit,
          sum(value) FILTER (WHERE level = 0) AS total, sum(value) FILTER (WHERE level = 2) AS chapters
        FROM summary GROUP BY period, reporter, partner, flow, unit
        HAVING total IS NOT NULL AND chapters IS NOT NULL`
    const apart = `abs(chapters - total) > greatest(1, ${CHAPTER_TOLERANCE} * abs(total))`
    const [count] = await db.all<{ of: number; cases: number }>(
      `SELECT count(*) AS of, count(*) FILTER (WHERE ${apart}) AS cases FROM (${cells})`,
    )
    if (!count || Number(count.cases) === 0) return null
    const [example] = await db.all<{
      period: string
      reporter: string | null
      partner: string | null
      flow: string | null
      unit: string | null
      total: number
      chapters: number
    }>(
      `SELECT * FROM (${cells}) WHERE ${apart}
        ORDER BY abs(chapters - total) / greatest(abs(total), 1) DESC, period, reporter, partner, flow LIMIT 1`,
    )
    return {
      kind: 'chaptersNotTotal',
      cases: Number(count.cases),
      of: Number(count.of),
      example: {
        period: example!.period,
        reporter: example!.reporter ?? '',
        partner: example!.partner ?? '',
        flow: example!.flow ?? '',
        unit: example!.unit ?? '',
        total: example!.total,
        chapters: example!.chapters,
      },
    }
  }

  /** Country names the code tables did not know as written ("Bahamas, The"), matched by name once each. */
  private async matchCountryNames(db: JobDb): Promise<void> {
    const names = await db.all<{ k: string }>(
      `SELECT key AS k FROM dims WHERE dim = 'country' AND key IS NOT NULL AND value = trim(key) AND length(value) > 4`,
    )
    const matched = names.flatMap(({ k }) => {
      const iso3 = countryByName(this.deps.codes, k)
      return iso3 ? [`(${sqlString(k)}, ${sqlString(iso3)})`] : []
    })
    for (let i = 0; i < matched.length; i += 1000)
      await db.run(`UPDATE dims SET value = m.iso3 FROM (VALUES ${matched.slice(i, i + 1000).join(', ')}) m(k, iso3)
        WHERE dims.dim = 'country' AND dims.key = m.k`)
  }

  /**
   * Each distinct period key, read once by the app's period reader; the first that cannot be read stops
   * the import with its column and value (and its line, found afterwards).
   */
  private async readPeriods(db: JobDb, plan: Plan): Promise<void> {
    const keys = await db.all<{ k: string | null }>(`SELECT DISTINCT period_k AS k FROM keyed`)
    const rows: string[] = []
    for (const { k } of keys) {
      const reading = k === null || k.trim() === '' ? null : parsePeriodLabel(k)
      if (!reading || 'refused' in reading) {
        throw new CellFailure({
          kind: reading ? 'period' : 'empty-period',
          column: plan.periodColumn,
          value: k ?? '',
        })
      }
      // A span is kept only where it is one published figure the app charts as such: January–February
      // combined, or a year to date. Any other span would be drawn as a month, or need splitting.
      const period = parsePeriod(reading.period)
      if (period?.kind === 'span' && !isJanFeb(period) && !isYearToDate(period))
        throw new CellFailure({ kind: 'span', column: plan.periodColumn, value: k! })
      rows.push(`(${sqlString(k!)}, ${sqlString(reading.period)})`)
    }
    await db.run(`CREATE TABLE period_map (key VARCHAR, value VARCHAR)`)
    for (let i = 0; i < rows.length; i += 1000)
      await db.run(`INSERT INTO period_map VALUES ${rows.slice(i, i + 1000).join(', ')}`)
  }

  /** The user's words for a failure, with the file name first and the line of a bad cell when we can find it. */
  private async describe(error: unknown, columns: string[], part: StagedPart | undefined): Promise<Said> {
    const name = this.file.name
    if (error instanceof AppError) return inFile(name, error.detail)
    const code = (error as NodeJS.ErrnoException)?.code
    if (code === 'ENOSPC') return inFile(name, say('diskFull'))
    if (code === 'ENOENT') return inFile(name, say('fileMovedWhileImporting'))
    const t =
      error instanceof CellFailure
        ? { message: cellMessage(error.cell, columns), cell: error.cell }
        : translateDuckDbError(error, columns)
    if (t.cell && part && part.sniffed.format === 'csv') {
      const line = await findCellLine(part.staged, part.sniffed, part.compression, t.cell).catch(() => null)
      if (line) return inFile(name, cellMessage({ ...t.cell, line }, columns))
    }
    if (!(error instanceof Error) || !/Error/.test(error.message))
      console.error('[import] unexpected failure', error)
    else if (t.unexplained) console.warn('[import] a failure no message explains:', t.unexplained)
    return inFile(name, t.message)
  }
}

/** "book.xlsx (Imports)", "BACI.zip (BACI_HS92_Y2021.csv, …)": a chosen sheet or members name the dataset. */
function sourceTitle(name: string, source: SourceChoice | undefined): string {
  const chosen = source?.sheet ?? source?.members?.join(', ')
  return chosen ? `${name} (${chosen.slice(0, 150)})` : name
}

/** The same column mapping (none = none), whatever the order of its keys. */
function sameMapping(a: Mapping | undefined | null, b: Mapping | undefined | null): boolean {
  const canonical = (m: Mapping | undefined | null) =>
    m
      ? JSON.stringify(
          Object.entries(m)
            .filter(([, v]) => v !== undefined && v !== null)
            .sort(([x], [y]) => x.localeCompare(y)),
        )
      : 'none'
  return canonical(a) === canonical(b)
}

function checkMapping(mapping: Mapping, header: readonly string[]): Mapping {
  const used = [
    mapping.period,
    ...mapping.values,
    mapping.reporter,
    mapping.partner,
    mapping.flow,
    mapping.product,
    mapping.indicator,
    mapping.unit,
  ]
  for (const i of used) {
    if (i != null && i >= header.length)
      throw new AppError('INVALID_ARGUMENT', say('mappingOutside', { column: i + 1, count: header.length }))
  }
  if (mapping.values.includes(mapping.period)) throw new AppError('INVALID_ARGUMENT', say('periodAlsoValue'))
  return mapping
}

/** Duplicate names and unnamed columns (a blank last column, as after a trailing comma, is fine when empty). */
export function checkHeader(
  header: readonly string[],
  sample: readonly (readonly string[])[],
  label: string,
  many: boolean,
): void {
  const where = (detail: Said) => inPart(label, many, detail)
  if (header.length === 0 || header.every((h) => h === '')) throw new ImportError(where(say('noHeaderRow')))
  const seen = new Map<string, number>()
  for (const [i, name] of header.entries()) {
    if (name === '') {
      const last = i === header.length - 1
      const first = i === 0 // R's write.csv puts an unnamed row-number column first
      const empty = sample.every((r) => (r[i] ?? '').trim() === '')
      if ((last && empty) || (first && header.length > 1)) continue
      throw new ImportError(where(say('columnWithoutName', { column: i + 1 })))
    }
    // Case counts: SDMX-CSV pairs each code column with its label column (MEASURE, Measure).
    const key = name
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      throw new ImportError(where(say('duplicateColumn', { name, first: earlier + 1, second: i + 1 })))
    }
    seen.set(key, i)
  }
}

async function statOf(file: Grant): Promise<{ size: number; mtimeMs: number }> {
  try {
    const s = await stat(file.path)
    return { size: s.size, mtimeMs: s.mtimeMs }
  } catch {
    throw new ImportError(say('fileGone'))
  }
}

/**
 * A data package is its descriptor and every resource it reads: two folders with the same descriptor
 * but other data are different datasets, and a package whose data changed is a new version.
 */
async function packageSha256(
  descriptor: string,
  parts: readonly Part[],
  signal?: AbortSignal,
): Promise<string> {
  const hash = createHash('sha256').update(await sha256Of(descriptor, signal))
  for (const part of parts) hash.update(`\n${part.label}\n${await sha256Of(part.path, signal)}`)
  return hash.digest('hex')
}

/**
 * SHA-256: it tells a file's content apart (an unchanged file is not imported twice; a snapshot names the
 * version it was made from), and versions imported before keep theirs, so a re-import still matches. With
 * the processor's SHA instructions it is also about the cheapest of Node's hashes: on the 810 MB benchmark
 * file 0.9 s of CPU (SHA-1 0.7 s, MD5 1.7 s, BLAKE2b 1.5 s), about a twentieth of the import's, spent on
 * the engine's JavaScript thread while DuckDB's threads read the same pages, which the cache then holds.
 */
export async function sha256Of(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256')
  const file = await open(path, 'r')
  try {
    // One buffer, read into again and again: a gigabyte file costs the hash no allocations (a stream
    // allocates a buffer per chunk, which measured a quarter more CPU time on the benchmark's file).
    const buffer = Buffer.allocUnsafe(1 << 20)
    for (;;) {
      signal?.throwIfAborted()
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) return hash.digest('hex')
      hash.update(buffer.subarray(0, bytesRead))
    }
  } finally {
    await file.close()
  }
}

export { FACT_COLUMNS }

/** Removes everything in `dir` but the named files (a symlink is removed, never followed). */
async function keepOnly(dir: string, names: ReadonlySet<string>): Promise<void> {
  for (const entry of await readdir(dir))
    if (!names.has(entry)) await rm(join(dir, entry), { recursive: true, force: true })
}
