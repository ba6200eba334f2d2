/**
 * The services, free of Electron. The data services (catalog, queries, imports: everything that
 * touches DuckDB) run in the engine process (electron/engine/); the workspace (notes, session,
 * snapshots) runs beside main's windows and dialogs. `openServices` opens both in one process, for
 * tests and tools that need no process boundary.
 */
import type { EventSink } from '../events'
import { openCatalog, type Catalog } from './catalog'
import { loadCatalogIndex } from './catalogIndex'
import { openEngine } from './engine'
import { createQueryService, type QueryService } from './query'
import { join } from 'node:path'
import { openImportService, unavailableImports, type ImportService } from './import'
import type { Grants } from './grants'
import type { PipelineHooks } from './import/pipeline'
import { openExploreService, type ExploreService } from './explore'
import { openWorkspace, unavailableWorkspace, type Workspace } from './workspace'
import type { SnapshotPlatform } from './snapshots'

/** What the engine process hosts. */
export interface DataServices {
  catalog: Catalog
  query: QueryService
  /** Imported files: the library under the user-data folder. */
  imports: ImportService
  /** Dimensions of any dataset and product series of imported ones (explore/). */
  explore: ExploreService
  close(): Promise<void>
}

export interface Services extends DataServices {
  /** Notes, the autosaved session and the snapshot library (workspace.ts). */
  workspace: Workspace
}

export interface DataServiceOptions {
  /** The folder of bundled, read-only data packages (data/ in the repo, resources/data when packaged). */
  dataDir: string
  /** Where long jobs report progress; the transport decides who hears it. */
  events?: EventSink
  /** The user-data folder (Electron's app.getPath('userData'); a temp folder in tests). Without it, importing is off. */
  userDataDir?: string
  /** The platform's open dialog for importing: a path, or null if the user cancelled. */
  chooseFile?: () => Promise<string | null>
  /** Test seams of the import pipeline (see import/pipeline.ts). */
  importHooks?: PipelineHooks
  /** The registry of granted files (the engine process passes its mirror of main's). */
  grants?: Grants
}

export interface ServiceOptions extends DataServiceOptions {
  /** The platform's snapshot dialogs and PDF printer (Electron's in the app; a test's in the web server). */
  snapshotPlatform?: SnapshotPlatform
}

export async function openDataServices(options: DataServiceOptions): Promise<DataServices> {
  const engine = await openEngine()
  try {
    const catalog = await openCatalog(engine, options.dataDir)
    const imports = options.userDataDir
      ? await openImportService({
          userDataDir: options.userDataDir,
          codesDir: join(options.dataDir, 'codes'),
          engine,
          events: options.events,
          chooseFile: options.chooseFile,
          reservedIds: new Set(catalog.list().map((d) => d.id)),
          hooks: options.importHooks,
          grants: options.grants,
        })
      : unavailableImports()
    const query = createQueryService(engine, catalog, await loadCatalogIndex(engine))
    const explore = await openExploreService({
      engine,
      catalog,
      query,
      imports,
      codesDir: join(options.dataDir, 'codes'),
    })
    return {
      catalog,
      query,
      imports,
      explore,
      async close() {
        await imports.close()
        engine.close()
      },
    }
  } catch (error) {
    engine.close()
    throw error
  }
}

export async function openServices(options: ServiceOptions): Promise<Services> {
  const data = await openDataServices(options)
  try {
    const versionOf = (dataset: string) =>
      [...data.catalog.list(), ...data.imports.summaries()].find((d) => d.id === dataset)?.version ?? null
    const workspace = options.userDataDir
      ? await openWorkspace({
          userDataDir: options.userDataDir,
          currentVersion: versionOf,
          platform: options.snapshotPlatform,
        })
      : unavailableWorkspace()
    return { ...data, workspace }
  } catch (error) {
    await data.close()
    throw error
  }
}
