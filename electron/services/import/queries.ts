/**
 * Chart-sized answers from the library: the top N partners (or blocs, or product chapters) plus
 * "other", and monthly or annual series, read from each version's summary files. Nothing here returns
 * more than a few hundred rows, whatever the size of the imported file.
 */
import { AppError } from '../../shared/errors'
import { measureWord, say, type Said } from '../../shared/messages'
import type { Breakdown, BreakdownQuery } from '../../shared/importApi'
import type { ParsedSeriesQuery, Series, SeriesInfo, SeriesPoint, Source } from '../../shared/api'
import { periodBounds, quarterOf, rangeBounds } from '../../shared/periods'
import { sumNote, type SumRule } from '../../shared/sumNote'
import type { Engine } from '../engine'
import { BLOC_LABELS, SLUG_CODES, type CodeLists } from './codes'
import { countryCode } from '../explore/countries'
import { layoutInfo } from './layouts'
import type { DatasetEntry, Library, VersionEntry } from './library'
import { openJobDb, type JobDb } from './jobDb'
import { productsSql, sqlString, storedFacts, worldKeysSql } from './sql'
import { randomBytes } from 'node:crypto'
import { access, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'

type ParsedBreakdown = Required<Pick<BreakdownQuery, 'dataset' | 'reporter' | 'flow' | 'by' | 'top'>> &
  Omit<BreakdownQuery, 'dataset' | 'reporter' | 'flow' | 'by' | 'top'>

/** A series asked of an imported dataset (a `series` name is the bundled catalog's only). */
export type SeriesRequest = Omit<ParsedSeriesQuery, 'series'>

/**
 * The frequencies an imported dataset's series can be charted at: as the file gives them, never
 * converted. `ytd` is a file's year-to-date figures (`2025-01..2025-07`, sql.ts frequencySql).
 */
export const IMPORTED_FREQUENCIES = ['month', 'quarter', 'year', 'ytd'] as const
export type ImportedFrequency = (typeof IMPORTED_FREQUENCIES)[number]
/** Each frequency's word in a refusal ("no monthly data"), a message the page words in its language. */
export const FREQUENCY_MESSAGES = {
  month: say('monthly'),
  quarter: say('quarterly'),
  year: say('annual'),
  ytd: say('yearToDate'),
} satisfies Record<ImportedFrequency, Said>
/** The frequencies above as a SQL list, for the summaries' `frequency IN …`. */
export const FREQUENCIES_IN = `(${IMPORTED_FREQUENCIES.map((f) => `'${f}'`).join(', ')})`

/**
 * The frequency an imported series is asked at, checked against what the version holds: a frequency
 * the file does not have is refused in plain words (months are never added up into quarters or years).
 */
export function importedFrequency(held: readonly string[], wanted: string): ImportedFrequency {
  if (!(IMPORTED_FREQUENCIES as readonly string[]).includes(wanted))
    throw new AppError('NOT_FOUND', say('importedFrequencies'))
  if (!held.includes(wanted as ImportedFrequency))
    throw new AppError(
      'NOT_FOUND',
      say('noFrequencyData', { frequency: FREQUENCY_MESSAGES[wanted as ImportedFrequency] }),
    )
  return wanted as ImportedFrequency
}

/**
 * SQL keeping the periods of a frequency that lie inside a range of months (`rangeBounds`), either end
 * open. Years and quarters by the one they fall in (`2025-05` → `2025-Q2`, `2025`); months and spans
 * (Jan–Feb combined, a year to date) by their first and last month, as the bundled data's ranges: a
 * year to date January–July is inside a range ending in July, not one ending in June.
 */
export function periodRangeSql(
  start: string | undefined,
  end: string | undefined,
  frequency: ImportedFrequency,
): string {
  const spans = frequency === 'month' || frequency === 'ytd'
  const at = (month: string) =>
    sqlString(frequency === 'year' ? month.slice(0, 4) : frequency === 'quarter' ? quarterOf(month) : month)
  const from = start ? `${spans ? 'left(period, 7)' : 'period'} >= ${at(start)}` : 'TRUE'
  const to = end ? `${spans ? 'right(period, 7)' : 'period'} <= ${at(end)}` : 'TRUE'
  return `(${from} AND ${to})`
}

/**
 * The frequencies of a version's summary, read once per version directory (a version's files never
 * change). Read from the summary rather than the version's record, which before quarters were charted
 * listed months and years only: a quarterly file imported then is charted too.
 */
const frequencyCache = new Map<string, Promise<ImportedFrequency[]>>()
export function frequenciesOf(engine: Engine, dir: string): Promise<ImportedFrequency[]> {
  let pending = frequencyCache.get(dir)
  if (!pending) {
    pending = engine
      .all<{ frequency: string }>(
        `SELECT DISTINCT frequency FROM read_parquet(${sqlString(join(dir, 'summary.parquet'))})`,
      )
      .then((rows) => IMPORTED_FREQUENCIES.filter((f) => rows.some((r) => r.frequency === f)))
    pending.catch(() => frequencyCache.delete(dir))
    frequencyCache.set(dir, pending)
  }
  return pending
}

/** A reporter or partner code as the API spells it (`china`, `usa`, `eu`) → ISO-3 codes. */
export function resolveCodes(
  code: string,
  codes: CodeLists,
): { codes: string[]; label: string; bloc: boolean } {
  const slug = SLUG_CODES[code]
  if (slug) return { codes: [slug], label: codes.label(slug), bloc: false }
  const members = codes.blocs.get(code)
  if (members) return { codes: [...members], label: BLOC_LABELS[code] ?? code, bloc: true }
  const upper = code.toUpperCase()
  return { codes: [upper], label: codes.label(upper), bloc: false }
}

/** The source every value of an imported version cites: the file, when it was imported, its publisher. */
export function importSource(entry: DatasetEntry, version: VersionEntry): Source {
  const info = layoutInfo(entry.layout)
  return {
    id: `${entry.id}-v${version.version}`,
    title: `${entry.fileName} (imported ${version.importedAt.slice(0, 10)}, version ${version.version})`,
    publisher: info.publisher || null,
    published: null,
    url: info.url || '',
  }
}

/**
 * An imported file's values as series points, citing the file, with no other readings: published as
 * the file printed them, or computed with their rule where `rule` says they were summed here.
 */
export function importedPoints(
  rows: readonly { period: string; value: number; partners?: number | bigint | null }[],
  source: Source,
  rule: SumRule | null = null,
): SeriesPoint[] {
  return rows.map((r) => {
    const bounds = periodBounds(r.period)
    return {
      period: r.period,
      periodStart: bounds?.start ?? r.period,
      periodEnd: bounds?.end ?? r.period,
      value: r.value,
      status: rule ? ('computed' as const) : ('published' as const),
      note: rule ? sumNote(rule, r.partners == null ? null : Number(r.partners)) : '',
      sourceId: source.id,
      alternatives: 0,
    }
  })
}

export function createImportQueries(engine: Engine, library: Library, codes: CodeLists) {
  function dataset(id: string): { entry: DatasetEntry; version: VersionEntry; dir: string } {
    const entry = library.get(id)
    if (!entry) throw new AppError('NOT_FOUND', say('noSuchImport', { id }))
    const version = entry.versions[entry.versions.length - 1]!
    return { entry, version, dir: library.versionDir(entry, version) }
  }

  function frequencyOf(version: VersionEntry, wanted?: string): 'month' | 'year' {
    if (wanted === 'month' || wanted === 'year') {
      if (!version.frequencies.includes(wanted))
        throw new AppError('NOT_FOUND', say('noFrequencyData', { frequency: FREQUENCY_MESSAGES[wanted] }))
      return wanted
    }
    return version.frequencies.includes('month') ? 'month' : 'year'
  }

  /**
   * The by-product summary of a version. Its import writes it (pipeline.ts), so the first product
   * chart after an import reads it at once. A version imported before imports wrote it gets it made
   * here, once, on first use, in a DuckDB of its own with one thread: the shared engine's connections
   * and threads stay free, so the charts asked meanwhile (partners, series) are not queued behind it.
   */
  const making = new Map<string, Promise<string>>()
  const builds = new Set<JobDb>()
  function productsOf(dir: string, version: VersionEntry): Promise<string> {
    const file = join(dir, 'products.parquet')
    let pending = making.get(file)
    if (!pending) {
      pending = (async () => {
        if (
          await access(file).then(
            () => true,
            () => false,
          )
        )
          return file
        const tmp = join(dir, `.products.${randomBytes(6).toString('hex')}`)
        const db = await openJobDb({ tempDir: `${tmp}.spill`, memoryLimit: '256MB', threads: 1 })
        builds.add(db)
        try {
          const dims = `read_parquet(${sqlString(join(dir, 'dims.parquet'))})`
          const world = (await db.all<{ key: string }>(worldKeysSql(dims))).map((r) => r.key)
          await db.run(
            `COPY (${productsSql(storedFacts(dir, version.constants), dims, world, version.constants)}) TO ${sqlString(`${tmp}.tmp`)} (FORMAT parquet)`,
          )
          await rename(`${tmp}.tmp`, file)
        } catch (error) {
          await rm(`${tmp}.tmp`, { force: true })
          throw error
        } finally {
          builds.delete(db)
          db.close()
          await rm(`${tmp}.spill`, { recursive: true, force: true })
        }
        return file
      })()
      pending.catch(() => making.delete(file))
      making.set(file, pending)
    }
    return pending
  }

  const range = (from?: string, to?: string) =>
    `(${from ? `period >= ${sqlString(from)}` : 'TRUE'} AND ${to ? `period <= ${sqlString(to)}` : 'TRUE'})`

  /** The unit with the most value for this reporter and flow (datasets rarely mix units). */
  async function unitOf(file: string, where: string): Promise<string> {
    const [row] = await engine.all<{ unit: string | null }>(
      `SELECT unit FROM read_parquet(${sqlString(file)}) WHERE ${where} GROUP BY unit ORDER BY count(*) DESC, unit LIMIT 1`,
    )
    return row?.unit ?? ''
  }

  return {
    /** The by-product summary file of a dataset's latest version. */
    productsFile: (id: string) => {
      const { dir, version } = dataset(id)
      return productsOf(dir, version)
    },

    /** Stops the summaries being made (their files are only renamed into place when complete). */
    async close() {
      for (const db of builds) db.interrupt()
      await Promise.allSettled(making.values())
    },

    async breakdown(q: ParsedBreakdown): Promise<Breakdown> {
      const { version, dir } = dataset(q.dataset)
      const frequency = frequencyOf(version, q.frequency)
      const reporter = resolveCodes(q.reporter, codes)
      if (reporter.bloc) throw new AppError('INVALID_ARGUMENT', say('oneReporter'))
      const reporterCode = reporter.codes[0]!
      if (!version.reporters.includes(reporterCode)) {
        throw new AppError('NOT_FOUND', say('noReporterData', { reporter: reporter.label }))
      }
      const base = `reporter = ${sqlString(reporterCode)} AND flow = ${sqlString(q.flow)} AND frequency = ${sqlString(frequency)} AND ${range(q.from, q.to)}`
      const summary = join(dir, 'summary.parquet')

      const unit = await unitOf(summary, base)
      const where = `${base} AND unit = ${sqlString(unit)}`
      const totalLevel = `level = ${version.totalProduct}`
      const [period] = await engine.all<{ from: string | null; to: string | null }>(
        `SELECT min(period) AS "from", max(period) AS "to" FROM read_parquet(${sqlString(summary)}) WHERE ${where} AND ${totalLevel}`,
      )
      if (!period?.from)
        throw new AppError('NOT_FOUND', say('noFlowForPeriod', { flow: q.flow, reporter: reporter.label }))
      const [world] = await engine.all<{ value: number | null }>(
        `SELECT sum(value) AS value FROM read_parquet(${sqlString(summary)}) WHERE ${where} AND ${totalLevel} AND partner = 'WLD'`,
      )
      let items: { key: string; label: string; value: number; members?: { named: number; of: number } }[]
      if (q.by === 'product') {
        const products = await productsOf(dir, version)
        const [lv] = await engine.all<{ level: number | null }>(
          `SELECT min(level) AS level FROM read_parquet(${sqlString(products)}) WHERE ${where}`,
        )
        const rows = await engine.all<{ key: string; value: number }>(
          `SELECT product AS key, sum(value) AS value FROM read_parquet(${sqlString(products)}) WHERE ${where} AND level = ${Number(lv?.level ?? 0)}
            GROUP BY product ORDER BY value DESC, product`,
        )
        items = rows.map((r) => ({ key: r.key, label: r.key, value: r.value }))
      } else {
        const rows = await engine.all<{ key: string; value: number }>(
          `SELECT partner AS key, sum(value) AS value FROM read_parquet(${sqlString(summary)})
            WHERE ${where} AND ${totalLevel} AND partner <> 'WLD' AND partner <> ${sqlString(reporterCode)}
            GROUP BY partner ORDER BY value DESC, partner`,
        )
        items = rows.map((r) => ({ key: r.key, label: codes.label(r.key), value: r.value }))
        if (q.by === 'bloc') {
          const sums = new Map<string, { value: number; members: number }>()
          for (const item of items) {
            const bloc = codes.blocOf(item.key) ?? 'rest_of_world'
            const sum = sums.get(bloc) ?? { value: 0, members: 0 }
            sums.set(bloc, { value: sum.value + item.value, members: sum.members + 1 })
          }
          items = [...sums]
            .map(([key, { value, members }]) => {
              const of = codes.blocs.get(key)?.size
              return {
                key,
                label: blocLabel(key, members, codes),
                value,
                ...(of && members < of ? { members: { named: members, of } } : {}),
              }
            })
            .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key))
        }
      }
      const top = items.slice(0, q.top)
      const rest = items.slice(q.top)
      const otherValue = rest.reduce((s, r) => s + r.value, 0)
      return {
        dataset: q.dataset,
        reporter: { code: reporterCode, label: reporter.label },
        flow: q.flow,
        by: q.by,
        unit,
        frequency,
        from: period.from,
        to: period.to,
        rows: top,
        other: { count: rest.length, value: otherValue },
        total: top.reduce((s, r) => s + r.value, 0) + otherValue,
        world: world?.value ?? null,
      }
    },

    /** One series per reporter × flow × unit against the World (the total, or the sum of partners), at most 500. */
    async listSeries(id: string): Promise<SeriesInfo[]> {
      const { version, dir } = dataset(id)
      const summary = join(dir, 'summary.parquet')
      const partner = version.hasWorld ? `partner = 'WLD'` : `partner <> 'WLD' AND partner <> reporter`
      const rows = await engine.all<{
        reporter: string
        flow: string
        unit: string
        frequency: ImportedFrequency
        n: number
        first: string
        last: string
      }>(
        `SELECT reporter, flow, unit, frequency, count(DISTINCT period) AS n, min(period) AS first, max(period) AS last
           FROM read_parquet(${sqlString(summary)}) WHERE level = ${version.totalProduct} AND ${partner} AND frequency IN ${FREQUENCIES_IN}
          GROUP BY reporter, flow, unit, frequency ORDER BY reporter = 'CHN' DESC, reporter, flow, frequency`,
      )
      return rows
        .filter((r) => /^[A-Z]{3}$/.test(r.reporter) && /^[a-z][a-z0-9_]*$/.test(r.flow))
        .map((r) => {
          // The code getDimensions gives the same reporter (`world` for WLD, `us` for USA), so one
          // reporter has one name whichever call the page asked.
          const reporter = countryCode(r.reporter)!
          return {
            series: `${r.flow}_${reporter}_world`,
            label: `${codes.label(r.reporter)} ${r.flow.replace(/_/g, ' ')}`,
            reporter,
            flow: r.flow,
            partner: 'world',
            product: 'all',
            measure: 'level' as const,
            unit: r.unit ?? '',
            frequency: r.frequency,
            observations: r.n,
            firstPeriod: r.first,
            lastPeriod: r.last,
            projection: false,
          }
        })
    },

    async series(q: SeriesRequest): Promise<Series> {
      const { entry, version, dir } = dataset(q.dataset)
      if (q.measure !== 'level')
        throw new AppError('NOT_FOUND', say('levelsOnly', { measure: measureWord(q.measure) }))
      const frequency = importedFrequency(await frequenciesOf(engine, dir), q.frequency)
      const reporter = resolveCodes(q.reporter, codes)
      const partner = resolveCodes(q.partner, codes)
      const summary = join(dir, 'summary.parquet')
      const list = (xs: string[]) => `[${xs.map(sqlString).join(', ')}]`
      const partnerWhere =
        q.partner === 'world' && !version.hasWorld
          ? `partner <> 'WLD' AND partner <> reporter`
          : `list_contains(${list(partner.codes)}, partner)`
      const { start, end } = rangeBounds(q.from, q.to)
      const base = `list_contains(${list(reporter.codes)}, reporter) AND flow = ${sqlString(q.flow)} AND frequency = ${sqlString(frequency)}
        AND level = ${version.totalProduct} AND ${partnerWhere}`
      const unit = q.unit ?? (await unitOf(summary, base))
      const rows = await engine.all<{ period: string; value: number; partners: bigint }>(
        `SELECT period, sum(value) AS value, count(DISTINCT partner) AS partners FROM read_parquet(${sqlString(summary)})
          WHERE ${base} AND unit = ${sqlString(unit)} AND ${periodRangeSql(start, end, frequency)} GROUP BY period ORDER BY period`,
      )
      if (rows.length === 0) {
        throw new AppError(
          'NOT_FOUND',
          say('noImportedSeries', {
            dataset: q.dataset,
            frequency: FREQUENCY_MESSAGES[frequency],
            flow: q.flow,
            reporter: reporter.label,
            partner: partner.label,
          }),
        )
      }
      const source = importSource(entry, version)
      return {
        dataset: q.dataset,
        series: `${q.flow}_${q.reporter}_${q.partner}`.slice(0, 120),
        label: `${reporter.label} ${q.flow.replace(/_/g, ' ')} — ${partner.label}`,
        unit,
        frequency,
        points: importedPoints(rows, source, sumRule(q.partner, partner, version.hasWorld)),
        sources: [source],
      }
    },
  }
}

/**
 * A bloc's bar: its name, and how many of its members the file names where that is not all of them,
 * since the bar is their sum and would otherwise pass for the bloc's total.
 */
function blocLabel(key: string, members: number, codes: CodeLists): string {
  const name = BLOC_LABELS[key] ?? 'Rest of the world'
  const all = codes.blocs.get(key)?.size
  return all && members < all ? `${name}: ${members} of ${all} members in the file` : name
}

/** How a partner's series is made from the file: read as printed (null), or summed with a rule. */
export function sumRule(
  code: string,
  partner: { codes: string[]; label: string; bloc: boolean },
  hasWorld: boolean,
): SumRule | null {
  if (code === 'world') return hasWorld ? null : { kind: 'world' }
  return partner.bloc ? { kind: 'bloc', label: partner.label, members: partner.codes.length } : null
}

export type ImportQueries = ReturnType<typeof createImportQueries>
