/**
 * The catalog: discovers the data packages bundled under data/, validates each one, and loads it into
 * DuckDB. A broken package is reported as a problem and left out; the others still load.
 *
 * Tables: `observations` (dataset + the tidy observation columns), `sources`, `series_info`, `quality`.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { listValue } from '@duckdb/node-api'
import { QualityFinding, type DatasetSummary } from '../shared/api'
import { AppError } from '../shared/errors'
import { english, inFile, say, type Said } from '../shared/messages'
import type { Engine } from './engine'
import {
  DataPackage,
  kindOf,
  OBSERVATION_FIELDS,
  QUALITY_FIELDS,
  SERIES_FIELDS,
  SOURCE_FIELDS,
  sameList,
  type DataResource,
} from './dataPackage'

export interface CatalogProblem {
  package: string
  message: string
  /** The reason as a catalogued message, for the page to word in its language. */
  said?: Said
}

export interface Catalog {
  list(): DatasetSummary[]
  problems(): CatalogProblem[]
  /** Throws NOT_FOUND for an id the catalog does not hold. */
  require(id: string): DatasetSummary
}

const COLUMN_TYPES: Record<string, string> = {
  value: 'DOUBLE',
  preferred: 'BOOLEAN',
  observations: 'INTEGER',
}

export async function createTables(engine: Engine): Promise<void> {
  await engine.run(`CREATE TABLE observations (dataset VARCHAR, ${columnsDdl(OBSERVATION_FIELDS)})`)
  await engine.run(`CREATE TABLE sources (dataset VARCHAR, ${columnsDdl(SOURCE_FIELDS)})`)
  await engine.run(`CREATE TABLE series_info (dataset VARCHAR, ${columnsDdl(SERIES_FIELDS)})`)
  await engine.run(`CREATE TABLE quality (dataset VARCHAR, ${columnsDdl(QUALITY_FIELDS)})`)
}

export async function openCatalog(engine: Engine, dataDir: string): Promise<Catalog> {
  await createTables(engine)
  const datasets = new Map<string, DatasetSummary>()
  const problems: CatalogProblem[] = []

  for (const folder of await packageFolders(dataDir)) {
    try {
      const summary = await loadPackage(engine, join(dataDir, folder), new Set(datasets.keys()))
      datasets.set(summary.id, summary)
    } catch (error) {
      // A refusal says what is wrong; anything else (the data engine's own words) is for the log only.
      const said = error instanceof AppError ? error.said : say('packageUnexpected')
      if (!(error instanceof AppError)) console.error(`[catalog] ${folder} could not be loaded`, error)
      problems.push({ package: folder, message: english(said), said })
    }
  }

  return {
    list: () => [...datasets.values()],
    problems: () => [...problems],
    require(id) {
      const found = datasets.get(id)
      if (!found) throw new AppError('NOT_FOUND', say('noCatalogDataset', { id }))
      return found
    },
  }
}

async function packageFolders(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { withFileTypes: true }).catch(() => {
    throw new AppError('DATA_ERROR', say('dataFolderUnreadable'))
  })
  const folders: string[] = []
  for (const entry of entries) {
    if (!entry.isDirectory()) continue
    const hasPackage = await stat(join(dataDir, entry.name, 'datapackage.json')).then(
      (s) => s.isFile(),
      () => false,
    )
    if (hasPackage) folders.push(entry.name)
  }
  return folders.sort()
}

async function loadPackage(
  engine: Engine,
  dir: string,
  loaded: ReadonlySet<string>,
): Promise<DatasetSummary> {
  // The messages name a package's files as the package does, never the folder the app is installed in.
  const descriptor = 'datapackage.json'
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(join(dir, descriptor), 'utf8'))
  } catch {
    throw new AppError('DATA_ERROR', say('partDoes', { part: descriptor, detail: say('packageNotJson') }))
  }
  const parsed = DataPackage.safeParse(raw)
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'descriptor'
    throw new AppError('DATA_ERROR', inFile(descriptor, say('packageFieldInvalid', { field })))
  }
  const pkg = parsed.data
  if (loaded.has(pkg.name))
    throw new AppError('DATA_ERROR', inFile(descriptor, say('packageAlreadyLoaded', { name: pkg.name })))
  try {
    return await loadResources(engine, dir, pkg)
  } catch (error) {
    await removeDataset(engine, pkg.name)
    throw error
  }
}

async function loadResources(engine: Engine, dir: string, pkg: DataPackage): Promise<DatasetSummary> {
  const byKind = {
    observations: [] as DataResource[],
    sources: [] as DataResource[],
    series: [] as DataResource[],
    quality: [] as DataResource[],
  }
  for (const resource of pkg.resources) {
    const kind = kindOf(resource)
    if (!kind) throw new AppError('DATA_ERROR', say('resourceUnknownColumns', { resource: resource.name }))
    byKind[kind].push(resource)
  }
  if (byKind.sources.length !== 1) throw new AppError('DATA_ERROR', say('packageOneSources'))
  if (byKind.observations.length === 0) throw new AppError('DATA_ERROR', say('packageNoObservations'))

  const rows: Record<string, number> = {}
  const load = async (resource: DataResource, table: string, fields: readonly string[]) => {
    rows[resource.name] = await loadCsv(engine, pkg.name, dir, resource.path, table, fields)
  }
  for (const r of byKind.sources) await load(r, 'sources', SOURCE_FIELDS)
  for (const r of byKind.observations) await load(r, 'observations', OBSERVATION_FIELDS)
  for (const r of byKind.series) await load(r, 'series_info', SERIES_FIELDS)
  for (const r of byKind.quality) await load(r, 'quality', QUALITY_FIELDS)
  await checkIntegrity(engine, pkg.name)

  const [stats] = await engine.all<{ n: number; sources: number; from: string | null; to: string | null }>(
    // Coverage is what was observed: projections (e.g. a 2030 share) do not extend it.
    `SELECT count(*) AS n, count(DISTINCT source_id) AS sources,
            min(period_start) FILTER (WHERE status = 'published') AS "from", max(period_end) FILTER (WHERE status = 'published') AS "to"
       FROM observations WHERE dataset = $1`,
    [pkg.name],
  )
  return {
    id: pkg.name,
    title: pkg.title,
    description: pkg.description,
    translations: pkg.translations,
    version: pkg.version,
    bundled: true,
    licenses: pkg.licenses.map(({ name, title, path, translations }) => ({
      name,
      title,
      path,
      translations,
    })),
    sources: pkg.sources.map(({ title, path, translations }) => ({ title, path, translations })),
    coverage: { from: stats?.from ?? null, to: stats?.to ?? null },
    resources: pkg.resources.map((r) => ({
      name: r.name,
      title: r.title,
      description: r.description,
      rows: rows[r.name] ?? 0,
      translations: r.translations,
    })),
    observations: stats?.n ?? 0,
    sourceCount: stats?.sources ?? 0,
    // A package without a quality resource was not checked: no list, rather than an empty one.
    ...(byKind.quality.length > 0 ? { quality: await qualityFindings(engine, pkg.name) } : {}),
  }
}

async function qualityFindings(engine: Engine, dataset: string): Promise<QualityFinding[]> {
  type Row = Record<(typeof QUALITY_FIELDS)[number], string>
  const rows = await engine.all<Row>(
    `SELECT ${QUALITY_FIELDS.join(', ')} FROM quality WHERE dataset = $1 ORDER BY partner, unit, frequency, period`,
    [dataset],
  )
  const ids = [
    ...new Set(rows.flatMap((r) => [r.exports_source_id, r.imports_source_id, r.balance_source_id])),
  ]
  const sources = new Map(
    (
      await engine.all<{
        source_id: string
        title: string
        publisher: string
        published: string
        url: string
      }>(
        `SELECT source_id, title, publisher, published, url FROM sources WHERE dataset = $1 AND list_contains($2::VARCHAR[], source_id)`,
        [dataset, listValue(ids)],
      )
    ).map((s) => [
      s.source_id,
      {
        id: s.source_id,
        title: s.title,
        publisher: s.publisher || null,
        published: s.published || null,
        url: s.url,
      },
    ]),
  )
  const source = (id: string) => {
    const found = sources.get(id)
    if (!found) throw new AppError('DATA_ERROR', say('findingUnknownSource', { id }))
    return found
  }
  return rows.map((r) => {
    const finding = QualityFinding.safeParse({
      finding: r.finding,
      partner: r.partner,
      unit: r.unit,
      frequency: r.frequency,
      period: r.period,
      exports: r.exports,
      imports: r.imports,
      balance: r.balance,
      difference: r.difference,
      tolerance: r.tolerance,
      sources: {
        exports: source(r.exports_source_id),
        imports: source(r.imports_source_id),
        balance: source(r.balance_source_id),
      },
    })
    if (!finding.success) throw new AppError('DATA_ERROR', say('findingMalformed', { period: r.period }))
    return finding.data
  })
}

/** Reads one CSV resource into a table, checking its header against the schema first; its row count. */
async function loadCsv(
  engine: Engine,
  dataset: string,
  dir: string,
  name: string,
  table: string,
  fields: readonly string[],
): Promise<number> {
  const file = join(dir, name)
  const header = await firstLine(file)
  if (!sameList(header.split(','), fields)) {
    throw new AppError(
      'DATA_ERROR',
      inFile(name, say('headerNotSchema', { header: header.slice(0, 120), fields: fields.join(',') })),
    )
  }
  const columns = fields.map((f) => `'${f}': '${COLUMN_TYPES[f] ?? 'VARCHAR'}'`).join(', ')
  try {
    return await engine.run(
      `INSERT INTO ${table} SELECT $1 AS dataset, * FROM read_csv($2, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
         columns = {${columns}})`,
      [dataset, file],
    )
  } catch {
    // The data engine's own words (its hints run to twenty lines) are not the user's; the file is named.
    throw new AppError('DATA_ERROR', inFile(name, say('packageCsvUnreadable')))
  }
}

async function checkIntegrity(engine: Engine, dataset: string): Promise<void> {
  const [orphans] = await engine.all<{ n: number; example: string | null }>(
    `SELECT count(*) AS n, min(o.source_id) AS example FROM observations o
       LEFT JOIN sources s ON s.dataset = o.dataset AND s.source_id = o.source_id
      WHERE o.dataset = $1 AND s.source_id IS NULL`,
    [dataset],
  )
  if (orphans && orphans.n > 0) {
    throw new AppError(
      'DATA_ERROR',
      say('observationsUnknownSource', { count: orphans.n, example: orphans.example ?? '' }),
    )
  }
  const [unsourced] = await engine.all<{ n: number }>(
    `SELECT count(*) AS n FROM sources WHERE dataset = $1 AND (coalesce(trim(url), '') = '' OR coalesce(trim(title), '') = '')`,
    [dataset],
  )
  if (unsourced && unsourced.n > 0)
    throw new AppError('DATA_ERROR', say('sourcesUntitled', { count: unsourced.n }))
  const [badPreferred] = await engine.all<{ n: number; example: string | null }>(
    `SELECT count(*) AS n, min(series || ' ' || period) AS example FROM (
        SELECT series, unit, period FROM observations WHERE dataset = $1
         GROUP BY series, unit, period HAVING count(*) FILTER (WHERE preferred) <> 1)`,
    [dataset],
  )
  if (badPreferred && badPreferred.n > 0) {
    throw new AppError(
      'DATA_ERROR',
      say('preferredNotOne', { count: badPreferred.n, example: badPreferred.example ?? '' }),
    )
  }
}

async function removeDataset(engine: Engine, dataset: string): Promise<void> {
  for (const table of ['observations', 'sources', 'series_info', 'quality'])
    await engine.run(`DELETE FROM ${table} WHERE dataset = $1`, [dataset])
}

async function firstLine(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AppError(
      'DATA_ERROR',
      say('partDoes', { part: basename(file), detail: say('packageFileUnreadable') }),
    )
  })
  return text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
}

function columnsDdl(fields: readonly string[]): string {
  return fields.map((f) => `${f} ${COLUMN_TYPES[f] ?? 'VARCHAR'}`).join(', ')
}
