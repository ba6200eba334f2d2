/**
 * The services, free of Electron. The data services (catalog, queries, imports: everything that
 * touches DuckDB) run in the engine process (electron/engine/); the workspace (notes, session,
 * snapshots) runs beside main's windows and dialogs. `openServices` opens both in one process, for
 * tests and tools that need no process boundary.
 */
import type { EventSink } from '../events'
import { openCatalog, type Catalog } from './catalog'
import { loadCatalogIndex } from './catalogIndex'
import { openEngine, type Engine } from './engine'
import { createQueryService, type QueryService } from './query'
import { join } from 'node:path'
import { openImportService, unavailableImports, type ImportService } from './import'
import { loadCodeLists, type CodeLists } from './import/codes'
import { loadHsCodes, type HsCodes } from './explore/hsCodes'
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

/**
 * The bundled, read-only half of the data services: DuckDB with the catalog loaded and checked, its
 * in-memory index, and the code lists. It needs no user data, so a standby engine process does it in
 * advance (engine/child.ts) and a restart only has the user's library left to open.
 */
export interface BundledData {
  engine: Engine
  catalog: Catalog
  query: QueryService
  codes: CodeLists
  hs: HsCodes
  /** Closes DuckDB once the background index build has stopped using it. */
  close(): Promise<void>
}

export async function openBundledData(dataDir: string): Promise<BundledData> {
  const engine = await openEngine()
  try {
    const codesDir = join(dataDir, 'codes')
    // The code lists are parsed while DuckDB loads the packages on its own threads (and the engine is
    // closed only once the catalog has stopped using it, should either fail).
    const lists = Promise.all([loadCodeLists(codesDir), loadHsCodes(codesDir)])
    lists.catch(() => {})
    const catalog = await openCatalog(engine, dataDir)
    const [codes, hs] = await lists
    // The catalog's in-memory index is built in the background: only the bundled series wait for it,
    // not the user's library opening or the first chart of an imported dataset.
    const indexed = loadCatalogIndex(engine).then((index) => createQueryService(engine, catalog, index))
    const query = queryOnceIndexed(indexed)
    // Closing DuckDB while the index's queries still run on it crashes the process (a native fault,
    // seen when services were opened and closed at once), so close waits for the build to end.
    const close = () =>
      indexed.then(
        () => engine.close(),
        () => engine.close(),
      )
    return { engine, catalog, query, codes, hs, close }
  } catch (error) {
    engine.close()
    throw error
  }
}

/** The query service, each call answered once the index it reads is built (or failing as that did). */
function queryOnceIndexed(pending: Promise<QueryService>): QueryService {
  // Nobody may ever ask (an engine closed at once): the failure is then no one's to report.
  pending.catch(() => {})
  return {
    series: async (q) => (await pending).series(q),
    headline: async (dataset, period) => (await pending).headline(dataset, period),
    observations: async (dataset, series, period) => (await pending).observations(dataset, series, period),
    listSeries: async (dataset) => (await pending).listSeries(dataset),
  }
}

/** The data services over bundled data already open: the user's library (if any) and exploring. */
export async function attachDataServices(
  bundled: BundledData,
  options: Omit<DataServiceOptions, 'dataDir'>,
): Promise<DataServices> {
  const { engine, catalog, query, codes, hs } = bundled
  const imports = options.userDataDir
    ? await openImportService({
        userDataDir: options.userDataDir,
        codes,
        engine,
        events: options.events,
        chooseFile: options.chooseFile,
        reservedIds: new Set(catalog.list().map((d) => d.id)),
        hooks: options.importHooks,
        grants: options.grants,
      })
    : unavailableImports()
  const explore = await openExploreService({ engine, catalog, query, imports, hs })
  return {
    catalog,
    query,
    imports,
    explore,
    async close() {
      await imports.close()
      await bundled.close()
    },
  }
}

export async function openDataServices(options: DataServiceOptions): Promise<DataServices> {
  const bundled = await openBundledData(options.dataDir)
  try {
    return await attachDataServices(bundled, options)
  } catch (error) {
    await bundled.close()
    throw error
  }
}

export async function openServices(options: ServiceOptions): Promise<Services> {
  // Side by side, as in the app, where main opens the workspace while the engine process opens the
  // data. Snapshots ask for a dataset's version only when they are listed, after both are open.
  let data: DataServices | null = null
  const versionOf = (dataset: string) =>
    (data && [...data.catalog.list(), ...data.imports.summaries()].find((d) => d.id === dataset)?.version) ??
    null
  const [opened, workspace] = await Promise.allSettled([
    openDataServices(options),
    options.userDataDir
      ? openWorkspace({
          userDataDir: options.userDataDir,
          currentVersion: versionOf,
          platform: options.snapshotPlatform,
        })
      : unavailableWorkspace(),
  ])
  if (opened.status === 'rejected') throw opened.reason
  if (workspace.status === 'rejected') {
    await opened.value.close()
    throw workspace.reason
  }
  data = opened.value
  return { ...data, workspace: workspace.value }
}
