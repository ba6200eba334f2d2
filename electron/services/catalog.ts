/**
 * The catalog: discovers the data packages bundled under data/, validates each one, and loads it into
 * DuckDB. A broken package is reported as a problem and left out; the others still load.
 *
 * Tables: `observations` (dataset + the tidy observation columns), `sources`, `series_info`, `quality`.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { listValue } from '@duckdb/node-api'
import { QualityFinding, type DatasetSummary } from '../shared/api'
import { AppError } from '../shared/errors'
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
      problems.push({ package: folder, message: error instanceof Error ? error.message : String(error) })
    }
  }

  return {
    list: () => [...datasets.values()],
    problems: () => [...problems],
    require(id) {
      const found = datasets.get(id)
      if (!found) throw new AppError('NOT_FOUND', `There is no dataset called "${id}" in the catalog.`)
      return found
    },
  }
}

async function packageFolders(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { withFileTypes: true }).catch(() => {
    throw new AppError('DATA_ERROR', `The data folder ${dataDir} cannot be read.`)
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
  const descriptorPath = join(dir, 'datapackage.json')
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(descriptorPath, 'utf8'))
  } catch (error) {
    throw new AppError('DATA_ERROR', `${descriptorPath} is not valid JSON: ${(error as Error).message}`)
  }
  const parsed = DataPackage.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError(
      'DATA_ERROR',
      `${descriptorPath}: ${issue?.path.join('.') || 'descriptor'}: ${issue?.message}`,
    )
  }
  const pkg = parsed.data
  if (loaded.has(pkg.name))
    throw new AppError('DATA_ERROR', `${descriptorPath}: a dataset called "${pkg.name}" is already loaded.`)
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
    if (!kind)
      throw new AppError(
        'DATA_ERROR',
        `${pkg.name}: resource "${resource.name}" has columns the app does not understand.`,
      )
    byKind[kind].push(resource)
  }
  if (byKind.sources.length !== 1)
    throw new AppError('DATA_ERROR', `${pkg.name}: a package needs exactly one sources resource.`)
  if (byKind.observations.length === 0)
    throw new AppError('DATA_ERROR', `${pkg.name}: the package has no observations.`)

  const rows: Record<string, number> = {}
  const load = async (resource: DataResource, table: string, fields: readonly string[]) => {
    rows[resource.name] = await loadCsv(engine, pkg.name, join(dir, resource.path), table, fields)
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
    if (!found)
      throw new AppError(
        'DATA_ERROR',
        `${dataset}: a quality finding names a source that is not in sources.csv (${id}).`,
      )
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
    if (!finding.success)
      throw new AppError('DATA_ERROR', `${dataset}: quality.csv has a malformed finding for ${r.period}.`)
    return finding.data
  })
}

/** Reads one CSV resource into a table, checking its header against the schema first; its row count. */
async function loadCsv(
  engine: Engine,
  dataset: string,
  file: string,
  table: string,
  fields: readonly string[],
): Promise<number> {
  const header = await firstLine(file)
  if (!sameList(header.split(','), fields)) {
    throw new AppError(
      'DATA_ERROR',
      `${file}: the header row "${header.slice(0, 120)}" does not match the package schema (${fields.join(',')}).`,
    )
  }
  const columns = fields.map((f) => `'${f}': '${COLUMN_TYPES[f] ?? 'VARCHAR'}'`).join(', ')
  try {
    return await engine.run(
      `INSERT INTO ${table} SELECT $1 AS dataset, * FROM read_csv($2, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
         columns = {${columns}})`,
      [dataset, file],
    )
  } catch (error) {
    throw new AppError('DATA_ERROR', `${file}: ${firstLines((error as Error).message)}`)
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
      `${dataset}: ${orphans.n} observations name a source that is not in sources.csv (e.g. ${orphans.example}).`,
    )
  }
  const [unsourced] = await engine.all<{ n: number }>(
    `SELECT count(*) AS n FROM sources WHERE dataset = $1 AND (coalesce(trim(url), '') = '' OR coalesce(trim(title), '') = '')`,
    [dataset],
  )
  if (unsourced && unsourced.n > 0)
    throw new AppError('DATA_ERROR', `${dataset}: ${unsourced.n} sources have no title or URL.`)
  const [badPreferred] = await engine.all<{ n: number; example: string | null }>(
    `SELECT count(*) AS n, min(series || ' ' || period) AS example FROM (
        SELECT series, unit, period FROM observations WHERE dataset = $1
         GROUP BY series, unit, period HAVING count(*) FILTER (WHERE preferred) <> 1)`,
    [dataset],
  )
  if (badPreferred && badPreferred.n > 0) {
    throw new AppError(
      'DATA_ERROR',
      `${dataset}: ${badPreferred.n} series periods do not have exactly one preferred value (e.g. ${badPreferred.example}).`,
    )
  }
}

async function removeDataset(engine: Engine, dataset: string): Promise<void> {
  for (const table of ['observations', 'sources', 'series_info', 'quality'])
    await engine.run(`DELETE FROM ${table} WHERE dataset = $1`, [dataset])
}

async function firstLine(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AppError('DATA_ERROR', `${file} is missing or cannot be read.`)
  })
  return text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
}

/** DuckDB's CSV errors run to twenty lines of hints; the first lines say what and where. */
function firstLines(message: string): string {
  return message.split('\n').filter(Boolean).slice(0, 3).join(' — ')
}

function columnsDdl(fields: readonly string[]): string {
  return fields.map((f) => `${f} ${COLUMN_TYPES[f] ?? 'VARCHAR'}`).join(', ')
}
