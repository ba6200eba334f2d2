/** Services over the bundled data with a fresh user-data folder, and shortcuts to import a file. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ImportProgress } from '../../../../electron/shared/api'
import { createEventSink } from '../../../../electron/events'
import { openServices, type Services } from '../../../../electron/services'
import type { PipelineHooks } from '../../../../electron/services/import/pipeline'
import type { Mapping } from '../../../../electron/shared/importApi'

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
    },
  })
  const library = join(userDataDir, 'library')
  return {
    services,
    userDataDir,
    progress,
    hooks,
    async importPath(path, mapping) {
      const granted = await services.imports.grant(path, 'dialog')
      return services.imports.importFile(granted.fileId, mapping)
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

/** What must never reach the user: internal folders and files, and libraries' own wording. */
export const LEAKS =
  /\.staging|job-[0-9a-f]|input-\d|member-\d|sheet\.csv|library[\\/]|CSV Parser|state machine|DuckDB|Binder Error|Conversion Error|Invalid Input Error|Parser Error|Catalog Error|yauzl|read-excel-file|fflate|TypeError|ReferenceError|undefined|\[object |\bat .+:\d+:\d+/
