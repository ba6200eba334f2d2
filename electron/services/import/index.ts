/**
 * The import service: files the user chose (grants), inspection (layout, preview, mapping guesses),
 * import jobs with progress and Cancel, the library of imported datasets and chart-sized queries on
 * them. Electron-free: the open dialog is an injected `chooseFile` (Electron's dialog in the app, a
 * test's choice in the web test server).
 */
import { join } from 'node:path'
import type { DatasetSummary } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { inFile, say } from '../../shared/messages'
import type {
  Breakdown,
  ImportedDataset,
  ImportOutcome,
  Inspection,
  Mapping,
  SourceChoice,
} from '../../shared/importApi'
import type { EventSink } from '../../events'
import type { Engine } from '../engine'
import { countryOf, type CodeLists } from './codes'
import { ImportError, translateDuckDbError } from './errors'
import { createFileDesk, type FileDesk } from './desk'
import { createGrants, type Grants } from '../grants'
import { openJobDb } from './jobDb'
import { guessMapping, layoutInfo, lacksPeriods, recognise } from './layouts'
import { needsReimport, newJobId, openLibrary, outdatedOf, type DatasetEntry, type Library } from './library'
import { migrateLibrary } from './migrate'
import { checkHeader, ImportJob, type PipelineHooks } from './pipeline'
import { createImportQueries, type SeriesRequest } from './queries'
import { partsOf, sampleOf, stagePart } from './source'
import { createStoredGuard, storedIntact } from './stored'
import { rm, stat } from 'node:fs/promises'
import type { Series, SeriesInfo } from '../../shared/api'
import type { z } from 'zod'
import type { BreakdownQuery } from '../../shared/importApi'

export interface ImportServiceOptions {
  /** The user-data folder; the library lives in `<userDataDir>/library`. */
  userDataDir: string
  /** Country code lists and blocs (data/codes), loaded once with the bundled data. */
  codes: CodeLists
  engine: Engine
  events?: EventSink
  /** The platform's open dialog: a path, or null if the user cancelled. */
  chooseFile?: () => Promise<string | null>
  /** Ids the bundled catalog already uses. */
  reservedIds?: ReadonlySet<string>
  hooks?: PipelineHooks
  /** The registry of granted files; in the engine process, a mirror of main's (engine/child.ts). */
  grants?: Grants
  memoryLimit?: string
  threads?: number
}

export interface ImportService extends FileDesk {
  inspect(fileId: string, source?: SourceChoice): Promise<Inspection>
  importFile(fileId: string, mapping?: Mapping, source?: SourceChoice): Promise<ImportOutcome>
  cancel(fileId: string): boolean
  list(): ImportedDataset[]
  summaries(): DatasetSummary[]
  has(datasetId: string): boolean
  /** Deletes an imported dataset (every version); refused while one of its files is being imported. */
  remove(datasetId: string): Promise<boolean>
  breakdown(q: z.output<typeof import('../../shared/importApi').BreakdownQuery>): Promise<Breakdown>
  series(q: SeriesRequest): Promise<Series>
  listSeries(datasetId: string): Promise<SeriesInfo[]>
  /**
   * The by-product summary (reporter × flow × product × period) of a dataset's latest version: written
   * by its import, or made once for a version imported before imports wrote it.
   */
  productsFile(datasetId: string): Promise<string>
  /**
   * A read of a dataset's latest version, its stored files checked first: a missing or damaged file
   * is answered with a plain refusal naming the dataset (stored.ts), not DuckDB's error.
   */
  reading<T>(datasetId: string, read: () => Promise<T>): Promise<T>
  library: Library
  codes: CodeLists
  close(): Promise<void>
}

const PREVIEW_ROWS = 20
const PREVIEW_CELL = 200

export async function openImportService(options: ImportServiceOptions): Promise<ImportService> {
  const codes = options.codes
  const library = await openLibrary(join(options.userDataDir, 'library'), options.reservedIds)
  // Before any query reads the versions (their frequencies are cached per version folder).
  await migrateLibrary(library, codes)
  const grants: Grants = options.grants ?? createGrants()
  const queries = createImportQueries(options.engine, library, codes)
  const jobs = new Map<string, ImportJob>()
  const guard = createStoredGuard()
  const reading = <T>(id: string, read: () => Promise<T>): Promise<T> => {
    const entry = library.get(id)
    // An unknown id is refused by the read itself, in its own words.
    return entry ? guard(entry, library.versionDir(entry), read) : read()
  }

  const toDataset = (d: DatasetEntry): ImportedDataset => {
    const latest = d.versions[d.versions.length - 1]!
    const info = layoutInfo(d.layout)
    return {
      id: d.id,
      title: d.title,
      fileName: d.fileName,
      layout: info,
      mapping: d.mapping,
      rows: latest.rows,
      coverage: { from: latest.from, to: latest.to },
      frequencies: latest.frequencies,
      flows: latest.flows,
      reporters: latest.reporters.slice(0, 300).map((code) => ({ code, label: codes.label(code) })),
      units: latest.units,
      versions: d.versions.map((v) => ({
        version: v.version,
        importedAt: v.importedAt,
        sha256: v.sha256,
        size: v.size,
        rows: v.rows,
        from: v.from,
        to: v.to,
        durationMs: v.durationMs,
      })),
      outdated: outdatedOf(latest),
    }
  }

  const desk = createFileDesk({
    grants,
    events: options.events,
    chooseFile: options.chooseFile,
    originalPathOf: async (id) => library.get(id)?.originalPath ?? null,
  })

  return {
    library,
    codes,
    ...desk,

    async inspect(fileId, source) {
      const file = grants.resolve(fileId)
      const info = await stat(file.path).catch(() => {
        throw new AppError('NOT_FOUND', say('fileNoLongerExists', { file: file.name }))
      })
      if (info.size === 0) throw new AppError('DATA_ERROR', inFile(file.name, say('fileEmpty')))
      const existingEntry = library.findByPath(file.path)
      const latest = existingEntry?.versions.at(-1)
      // A workbook's sheet or an archive's members are written out here while they are looked at.
      const scratch = await library.staging(newJobId())
      try {
        const { sniffed, parts, sheets, members } = await partsOf(
          file.path,
          file.name,
          scratch,
          source,
          undefined,
          'inspect',
        )
        let header: string[]
        let sample: string[][]
        const first = parts[0]!
        if (first.sniffed.format !== 'csv') {
          const db = await openJobDb({ tempDir: scratch, memoryLimit: '256MB', threads: 1 })
          try {
            const staged = await stagePart(first, scratch, 0, new AbortController().signal, () => {})
            ;({ header, sample } = await sampleOf(db, staged, 200))
          } finally {
            db.close()
          }
        } else {
          header = first.sniffed.header
          sample = first.sniffed.sample
        }
        checkHeader(header, sample, first.label, parts.length > 1)
        const plan = recognise(header, first.sniffed.notes)
        const saved = existingEntry?.mapping && plan === null ? existingEntry.mapping : null
        const usable = saved && [saved.period, ...saved.values].every((i) => i < header.length) ? saved : null
        if (!plan && !usable && lacksPeriods(header, sample)) throw new ImportError(say('noPeriodColumn'))
        return {
          fileId: file.fileId,
          name: file.name,
          size: info.size,
          format: sniffed.format,
          compression: sniffed.compression,
          encoding: first.sniffed.encoding,
          delimiter: first.sniffed.delimiter,
          layout: plan ? layoutInfo(plan.layout) : null,
          columns: header,
          preview: sample
            .slice(0, PREVIEW_ROWS)
            .map((r) => header.map((_, i) => (r[i] ?? '').slice(0, PREVIEW_CELL))),
          guess: plan
            ? null
            : (usable ??
              guessMapping(header, sample, first.sniffed.numberStyle, first.sniffed.notes, (cell) =>
                countryOf(codes, cell),
              )),
          sheets: sheets ?? null,
          members: members ?? null,
          existing: existingEntry
            ? {
                dataset: existingEntry.id,
                versions: existingEntry.versions.length,
                unchanged:
                  !needsReimport(latest) &&
                  latest?.format !== 'datapackage' &&
                  latest?.size === info.size &&
                  latest?.mtimeMs === info.mtimeMs &&
                  (await storedIntact(library.versionDir(existingEntry))),
              }
            : null,
        }
      } catch (error) {
        if (error instanceof AppError) throw new AppError(error.code, inFile(file.name, error.detail))
        throw new ImportError(inFile(file.name, translateDuckDbError(error, []).message))
      } finally {
        await rm(scratch, { recursive: true, force: true })
      }
    },

    async importFile(fileId, mapping, source) {
      const file = grants.resolve(fileId)
      if (jobs.has(fileId))
        throw new AppError('INVALID_ARGUMENT', say('alreadyImporting', { file: file.name }))
      const job = new ImportJob(newJobId(), file, mapping, source, {
        library,
        codes,
        emit: (p) => options.events?.emit('importProgress', p),
        hooks: options.hooks,
        memoryLimit: options.memoryLimit,
        threads: options.threads,
      })
      jobs.set(fileId, job)
      try {
        const result = await job.promise
        return result.status === 'cancelled'
          ? { status: 'cancelled', dataset: null, warnings: [] }
          : {
              status: result.status,
              dataset: toDataset(result.dataset),
              warnings: result.dataset.versions.at(-1)?.warnings ?? [],
            }
      } finally {
        jobs.delete(fileId)
      }
    },

    cancel(fileId) {
      grants.resolve(fileId)
      const job = jobs.get(fileId)
      job?.cancel()
      return Boolean(job)
    },

    list: () => library.datasets().map(toDataset),
    summaries: () =>
      library.datasets().map((d): DatasetSummary => {
        const latest = d.versions[d.versions.length - 1]!
        const info = layoutInfo(d.layout)
        return {
          id: d.id,
          title: d.title,
          description: `Imported from ${d.fileName} (${info.title}).`,
          version: `${latest.version} (imported ${latest.importedAt.slice(0, 10)})`,
          bundled: false,
          licenses: [
            {
              name: 'as-published',
              title: info.publisher ? `As published by ${info.publisher}` : 'As published by its source',
            },
          ],
          sources: [{ title: info.publisher || d.fileName }],
          coverage: { from: latest.from, to: latest.to },
          resources: [{ name: 'data', title: d.fileName, description: info.title, rows: latest.rows }],
          observations: latest.rows,
          sourceCount: 1,
          imported: {
            fileName: d.fileName,
            layout: info.id,
            publisher: info.publisher,
            outdated: outdatedOf(latest),
          },
        }
      }),
    has: (id) => library.get(id) !== undefined,
    async remove(id) {
      if (!library.get(id)) throw new AppError('NOT_FOUND', say('noSuchImport', { id }))
      return library.remove(id)
    },
    breakdown: (q) => reading(q.dataset, () => queries.breakdown(q)),
    series: (q) => reading(q.dataset, () => queries.series(q)),
    listSeries: (id) => reading(id, () => queries.listSeries(id)),
    productsFile: (id) => reading(id, () => queries.productsFile(id)),
    reading,
    async close() {
      const running = [...jobs.values()]
      for (const job of running) job.cancel()
      await Promise.allSettled(running.map((j) => j.promise))
      await queries.close()
    },
  }
}

export type { BreakdownQuery }

/** Where no user-data folder was given (tools, some tests): importing answers that it is off. */
export function unavailableImports(): ImportService {
  const off = (): never => {
    throw new AppError('NOT_FOUND', say('importingUnavailable'))
  }
  return {
    get library(): Library {
      return off()
    },
    get codes(): CodeLists {
      return off()
    },
    grant: async () => off(),
    choose: async () => off(),
    takeOpened: () => [],
    reopen: async () => null,
    inspect: async () => off(),
    importFile: async () => off(),
    cancel: () => off(),
    list: () => [],
    summaries: () => [],
    has: () => false,
    remove: async () => off(),
    breakdown: async () => off(),
    series: async () => off(),
    listSeries: async () => off(),
    productsFile: async () => off(),
    reading: async () => off(),
    close: async () => {},
  }
}
