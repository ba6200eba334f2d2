/**
 * The user's library of imported datasets, under the user-data folder:
 *
 *   library/library.json          the manifest (written atomically; the previous one kept as .bak)
 *   library/<dataset>/v<N>/        one folder per version (vintage): facts.parquet (the rows, their
 *                                  columns that vary; those with one value are in the manifest),
 *                                  dims.parquet (the keys' tidy values), summary.parquet and
 *                                  products.parquet (chart-sized aggregates)
 *   library/.staging/<job>/        work in progress; renamed into place only when an import succeeds
 *
 * A version folder appears in the manifest only after it is complete, so a crash or a cancel never
 * leaves half a dataset; leftovers in .staging and folders the manifest does not name are removed at
 * start-up. Nothing here ever touches the user's original files.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ImportWarning, Mapping, OutdatedReason } from '../../shared/importApi'
import { slugOf } from '../../shared/slug'
import { readJsonFile, writeFileAtomic } from '../atomicFile'
import { removeStaleTemps } from '../storage'
import { layoutIds } from './layouts/types'
import { FACT_COLUMNS } from './sql'

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)

/**
 * The import rules an import follows today. 1: every version imported before the rules were recorded.
 * 2: a year to date (2025-01..2025-07) is kept at the `ytd` frequency, WTO's quarterly totals are the
 * exports and imports flows, and a span that is neither that nor January–February is refused.
 * 3: UN Comtrade's and CEPII BACI's area numbers are read by their own lists where they differ from the
 * ISO numbers (codes.ts): Comtrade's 492, "Europe EU, nes", is no country (not Monaco), BACI's 490 is
 * Chinese Taipei (not Comtrade's "Other Asia, nes").
 */
export const IMPORT_RULES = 3

export const VersionEntry = z.object({
  version: z.number().int().positive(),
  /** Relative to the library folder: `<dataset>/v<N>`. */
  dir: z.string().regex(/^[a-z0-9][a-z0-9-]*\/v\d+$/),
  sha256: Sha256,
  size: z.number().nonnegative(),
  mtimeMs: z.number(),
  importedAt: z.string(),
  durationMs: z.number().nonnegative(),
  rows: z.number().int().nonnegative(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  frequencies: z.array(z.enum(['month', 'quarter', 'year'])),
  flows: z.array(z.string()),
  reporters: z.array(z.string()),
  units: z.array(z.string()),
  /** Which product rows add up to "all products": `TOTAL` rows, or the codes of one length. */
  totalProduct: z.number().int().nonnegative(),
  /** Does the file give partner totals against the World? */
  hasWorld: z.boolean(),
  /** What the user was told about the file (manifests written before warnings existed have none). */
  warnings: z.array(ImportWarning).max(20).default([]),
  format: z.string(),
  encoding: z.string(),
  compression: z.string(),
  /**
   * Fact columns with one value on every row, kept here and not in facts.parquet (sql.ts, storedFacts).
   * Versions imported before this was recorded have every column in the file.
   */
  constants: z.partialRecord(z.enum(FACT_COLUMNS), z.string().nullable()).optional(),
  /**
   * The import rules that made this version (IMPORT_RULES). Versions written before this was recorded
   * have none and are read as made by rules 1; opening the library brings them up to date where their
   * stored rows allow it (migrate.ts).
   */
  rules: z.number().int().positive().optional(),
  /** What a version made by earlier rules still holds wrong, which only importing its file again mends. */
  outdated: z.array(OutdatedReason).optional(),
})
export type VersionEntry = z.infer<typeof VersionEntry>

export const DatasetEntry = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(64),
  title: z.string(),
  fileName: z.string(),
  /** The original file as the user chose it (resolved). Recorded, never written to. */
  originalPath: z.string(),
  layout: z.enum(layoutIds),
  mapping: Mapping.nullable(),
  versions: z.array(VersionEntry).min(1),
})
export type DatasetEntry = z.infer<typeof DatasetEntry>

const Manifest = z.object({ format: z.literal(1), datasets: z.array(DatasetEntry) })
type Manifest = z.infer<typeof Manifest>

export type NewVersion = Omit<VersionEntry, 'version' | 'dir'>

export interface Library {
  readonly root: string
  datasets(): DatasetEntry[]
  get(id: string): DatasetEntry | undefined
  findByPath(originalPath: string): DatasetEntry | undefined
  findBySha(sha256: string): DatasetEntry | undefined
  /** Absolute folder of a version. */
  versionDir(entry: DatasetEntry, version?: VersionEntry): string
  /** A fresh staging folder for one job. */
  staging(jobId: string): Promise<string>
  /** Moves a complete staging folder into the library as a new version and records it. */
  commit(
    staging: string,
    dataset: Omit<DatasetEntry, 'id' | 'versions'> & { id?: string },
    version: NewVersion,
  ): Promise<DatasetEntry>
  problems(): string[]
  /** Takes a dataset out of the library (manifest first, then its folder); false if there is none. */
  remove(id: string): Promise<boolean>
  /** Records what bringing a version up to today's import rules changed (migrate.ts). */
  amend(id: string, version: number, patch: VersionAmendment): Promise<void>
}

/**
 * What a version still holds wrong until its file is imported again: the reasons recorded when it was
 * brought up to today's rules, or, where that failed this time (migrate.ts leaves it as it was, to try
 * again at the next start), that it is still as the earlier rules made it; it has no reasons recorded then.
 */
export function outdatedOf(version: VersionEntry | undefined): OutdatedReason[] {
  if (!version) return []
  const reasons = version.outdated ?? []
  return (version.rules ?? 1) < IMPORT_RULES ? [...reasons, 'earlierRules'] : reasons
}

/**
 * A version the earlier import rules left wrong in a way only its file mends: importing the same file
 * again makes a new version, where an up-to-date one would be answered "unchanged".
 */
export const needsReimport = (version: VersionEntry | undefined): boolean => outdatedOf(version).length > 0

export type VersionAmendment = Pick<VersionEntry, 'rules'> &
  Partial<Pick<VersionEntry, 'outdated' | 'flows' | 'frequencies' | 'warnings' | 'reporters'>>

export const MANIFEST = 'library.json'
const STAGING = '.staging'

export async function openLibrary(
  root: string,
  reservedIds: ReadonlySet<string> = new Set(),
): Promise<Library> {
  await mkdir(root, { recursive: true })
  const problems: string[] = []
  let manifest = await readManifest(join(root, MANIFEST))
  if (!manifest) {
    const backup = await readManifest(join(root, `${MANIFEST}.bak`))
    if (backup) problems.push('The library list was damaged; the previous copy was used.')
    manifest = backup ?? { format: 1, datasets: [] }
  }
  await removeLeftovers(root, manifest)
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task)
    queue = next.catch(() => {})
    return next
  }

  const library: Library = {
    root,
    datasets: () => manifest!.datasets,
    get: (id) => manifest!.datasets.find((d) => d.id === id),
    findByPath: (originalPath) => manifest!.datasets.find((d) => d.originalPath === originalPath),
    // The latest version only: a dataset whose older version had these bytes now shows other data.
    findBySha: (sha) => manifest!.datasets.find((d) => d.versions.at(-1)?.sha256 === sha),
    versionDir: (entry, version) => join(root, (version ?? entry.versions[entry.versions.length - 1]!).dir),
    async staging(jobId) {
      const dir = join(root, STAGING, jobId)
      await mkdir(dir, { recursive: true })
      return dir
    },
    commit: (staging, dataset, version) =>
      serial(async () => {
        const current = manifest!
        const existing = dataset.id ? current.datasets.find((d) => d.id === dataset.id) : undefined
        const id =
          existing?.id ??
          uniqueId(
            datasetSlug(dataset.title !== dataset.fileName ? dataset.title : dataset.fileName),
            new Set([...reservedIds, ...current.datasets.map((d) => d.id)]),
          )
        const number = (existing?.versions.at(-1)?.version ?? 0) + 1
        const dir = `${id}/v${number}`
        const entry: VersionEntry = { ...version, rules: IMPORT_RULES, version: number, dir }
        const updated: DatasetEntry = existing
          ? {
              ...existing,
              title: dataset.title,
              fileName: dataset.fileName,
              originalPath: dataset.originalPath,
              layout: dataset.layout,
              mapping: dataset.mapping,
              versions: [...existing.versions, entry],
            }
          : {
              id,
              title: dataset.title,
              fileName: dataset.fileName,
              originalPath: dataset.originalPath,
              layout: dataset.layout,
              mapping: dataset.mapping,
              versions: [entry],
            }
        const next: Manifest = {
          format: 1,
          datasets: existing
            ? current.datasets.map((d) => (d.id === id ? updated : d))
            : [...current.datasets, updated],
        }
        await mkdir(join(root, id), { recursive: true })
        const target = join(root, dir)
        await rename(staging, target)
        try {
          await writeFileAtomic(join(root, MANIFEST), `${JSON.stringify(next, null, 1)}\n`, {
            keepPrevious: true,
          })
        } catch (error) {
          // The manifest still names only the old versions: take the new folder away again.
          await rm(target, { recursive: true, force: true }).catch(() => {})
          throw error
        }
        manifest = next
        return updated
      }),
    problems: () => [...problems],
    remove: (id) =>
      serial(async () => {
        const current = manifest!
        if (!current.datasets.some((d) => d.id === id)) return false
        const next: Manifest = { format: 1, datasets: current.datasets.filter((d) => d.id !== id) }
        await writeFileAtomic(join(root, MANIFEST), `${JSON.stringify(next, null, 1)}\n`, {
          keepPrevious: true,
        })
        manifest = next
        // Once the manifest no longer names it, a folder left by a failed removal goes at the next start.
        await rm(join(root, id), { recursive: true, force: true }).catch(() => {})
        return true
      }),
    amend: (id, number, patch) =>
      serial(async () => {
        const current = manifest!
        const next: Manifest = {
          format: 1,
          datasets: current.datasets.map((d) =>
            d.id !== id
              ? d
              : { ...d, versions: d.versions.map((v) => (v.version === number ? { ...v, ...patch } : v)) },
          ),
        }
        await writeFileAtomic(join(root, MANIFEST), `${JSON.stringify(next, null, 1)}\n`, {
          keepPrevious: true,
        })
        manifest = next
      }),
  }
  return library
}

/**
 * Where a dataset's file was imported from, as the manifest on disk records it (or null): main, which
 * grants files, reads it here to offer the file again when the user asks to import it again (the
 * library itself is open in the engine process).
 */
export async function originalPathOf(root: string, id: string): Promise<string | null> {
  const manifest =
    (await readManifest(join(root, MANIFEST))) ?? (await readManifest(join(root, `${MANIFEST}.bak`)))
  return manifest?.datasets.find((d) => d.id === id)?.originalPath ?? null
}

async function readManifest(file: string): Promise<Manifest | null> {
  const raw = await readJsonFile(file, 64 * 1024 * 1024)
  if (raw === null) return null
  const parsed = Manifest.safeParse(raw)
  return parsed.success ? parsed.data : null
}

/**
 * Staging leftovers (a crash mid-import), version folders the manifest does not name, and the temporary
 * files of a write a crash cut short (the manifest's, or a version file's being brought up to date).
 */
async function removeLeftovers(root: string, manifest: Manifest): Promise<void> {
  await rm(join(root, STAGING), { recursive: true, force: true })
  const named = new Set(manifest.datasets.flatMap((d) => d.versions.map((v) => v.dir)))
  await Promise.all([root, ...[...named].map((dir) => join(root, dir))].map((dir) => removeStaleTemps(dir)))
  const ids = new Set(manifest.datasets.map((d) => d.id))
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !/^[a-z0-9][a-z0-9-]*$/.test(entry.name)) continue
    if (!ids.has(entry.name)) {
      await rm(join(root, entry.name), { recursive: true, force: true })
      continue
    }
    for (const version of await readdir(join(root, entry.name), { withFileTypes: true })) {
      if (version.isDirectory() && !named.has(`${entry.name}/${version.name}`)) {
        await rm(join(root, entry.name, version.name), { recursive: true, force: true })
      }
    }
  }
}

/** `BACI_HS92_Y2021_V202301.csv.gz` → `baci-hs92-y2021-v202301`. */
export function datasetSlug(fileName: string): string {
  return slugOf(fileName.replace(/(\.(csv|tsv|txt|gz|parquet|json|ndjson))+$/i, ''), 'imported', 48)
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`
    if (!taken.has(id)) return id
  }
}

export const newJobId = (): string => `job-${randomBytes(8).toString('hex')}`
