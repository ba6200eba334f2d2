/** Services over the bundled data with a fresh user-data folder, and shortcuts to import a file. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32, deflateRawSync } from 'node:zlib'
import type { ImportProgress } from '../../../../electron/shared/api'
import { createEventSink } from '../../../../electron/events'
import { openServices, type Services } from '../../../../electron/services'
import type { PipelineHooks } from '../../../../electron/services/import/pipeline'
import { ACROSS_BYTES } from '../../../../electron/services/import/guesses'
import type { SeriesRequest } from '../../../../electron/services/import/queries'
import type { ImportOutcome, Mapping } from '../../../../electron/shared/importApi'
import { expect } from 'vitest'

export const repo = fileURLToPath(new URL('../../../../', import.meta.url))
export const dataDir = join(repo, 'data')
export const fixtures = join(repo, 'tests', 'fixtures', 'import')
export const fixture = (name: string) => join(fixtures, name)

export interface TestServices {
  services: Services
  userDataDir: string
  progress: ImportProgress[]
  hooks: PipelineHooks
  importPath(path: string, mapping?: Mapping): ReturnType<Services['imports']['importFile']>
  /** Imports a file that must import, and gives the dataset it made. */
  imported(path: string, mapping?: Mapping): Promise<NonNullable<ImportOutcome['dataset']>>
  manifest(): string
  stagingLeft(): string[]
  close(): Promise<void>
}

export async function openTestServices(): Promise<TestServices> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cte-import-'))
  const progress: ImportProgress[] = []
  const hooks: PipelineHooks = {}
  const events = createEventSink((event, payload) => {
    if (event === 'importProgress') progress.push(payload as ImportProgress)
  })
  const services = await openServices({
    dataDir,
    userDataDir,
    events,
    importHooks: {
      outputPath: (name, standard) => hooks.outputPath?.(name, standard) ?? standard,
      beforeCommit: () => hooks.beforeCommit?.() ?? Promise.resolve(),
      acrossBytes: () => hooks.acrossBytes?.() ?? ACROSS_BYTES,
    },
  })
  const library = join(userDataDir, 'library')
  const importPath: TestServices['importPath'] = async (path, mapping) => {
    const granted = await services.imports.grant(path, 'dialog')
    return services.imports.importFile(granted.fileId, mapping)
  }
  return {
    services,
    userDataDir,
    progress,
    hooks,
    importPath,
    async imported(path, mapping) {
      const outcome = await importPath(path, mapping)
      expect(outcome.status).toBe('imported')
      return outcome.dataset!
    },
    manifest: () => {
      try {
        return readFileSync(join(library, 'library.json'), 'utf8')
      } catch {
        return ''
      }
    },
    stagingLeft: () => {
      try {
        return readdirSync(join(library, '.staging'))
      } catch {
        return []
      }
    },
    async close() {
      await services.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

export const B = 1_000_000_000

/**
 * A series of an imported dataset: China's monthly exports to the world, all products, as levels,
 * unless `q` names another reporter, flow, partner, product, measure or frequency.
 */
export function seriesQuery(dataset: string, q: Record<string, string> = {}): SeriesRequest {
  return {
    dataset,
    reporter: 'china',
    flow: 'exports',
    partner: 'world',
    product: 'all',
    measure: 'level',
    frequency: 'month',
    ...q,
  } as SeriesRequest
}

export { LEAKS } from '../../../support/leaks'

/** A ZIP archive written by hand (stored names as given, members deflated), for archives no tool would make. */
export function zipOf(members: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const m of members) {
    const packed = deflateRawSync(m.data)
    const name = Buffer.from(m.name, 'utf8')
    const crc = crc32(m.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(m.data.length, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, packed)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(20, 4)
    entry.writeUInt16LE(20, 6)
    entry.writeUInt16LE(8, 10)
    entry.writeUInt32LE(crc, 16)
    entry.writeUInt32LE(packed.length, 20)
    entry.writeUInt32LE(m.data.length, 24)
    entry.writeUInt16LE(name.length, 28)
    entry.writeUInt32LE(offset, 42)
    central.push(entry, name)
    offset += local.length + name.length + packed.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(members.length, 8)
  end.writeUInt16LE(members.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}
