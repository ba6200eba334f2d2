/**
 * The one handler registry: method name → implementation, built from the services. Both transports
 * (Electron IPC and the HTTP test server) iterate this object; there is never a second implementation.
 *
 * It has two halves. The engine half (every method that touches DuckDB) runs in the engine process
 * (electron/engine/child.ts); main reaches it through the supervisor (engine/supervisor.ts), which forwards
 * each call unchanged. The main half (file grants and the workspace of notes, session and snapshots)
 * runs beside the windows and dialogs. `createHandlers` joins both halves in one process (tests, tools).
 */
import type { Method, ParsedArgsOf, ResultOf, SeriesAnswer, UiLanguage } from './shared/api'
import { AppError } from './shared/errors'
import type { DataServices, Services } from './services'
import { pageFrom } from './services/paging'
import type { FileDesk } from './services/import/desk'
import type { Workspace } from './services/workspace'
import { createWorkspaceHandlers } from './workspaceHandlers'

export type Handlers = { [M in Method]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> }

/** The methods the engine process answers. */
export const engineMethods = [
  'listDatasets',
  'getHeadline',
  'getSeries',
  'getSeriesBatch',
  'getObservations',
  'listSeries',
  'inspectImport',
  'importFile',
  'cancelImport',
  'listImports',
  'getBreakdown',
  'getDimensions',
  'deleteImport',
  'getRanking',
] as const satisfies readonly Method[]
export type EngineMethod = (typeof engineMethods)[number]
export type EngineHandlers = Pick<Handlers, EngineMethod>
export type MainHandlers = Omit<Handlers, EngineMethod>

export function isEngineMethod(method: string): method is EngineMethod {
  return (engineMethods as readonly string[]).includes(method)
}

export function createEngineHandlers(services: DataServices): EngineHandlers {
  // Imported datasets answer from the library's summaries (services/import/queries.ts).
  const series: EngineHandlers['getSeries'] = async (query) =>
    !services.imports.has(query.dataset)
      ? services.query.series(query)
      : query.product === 'all'
        ? services.imports.series(query)
        : services.explore.productSeries(query)
  /** A refusal (AppError) is that query's answer; anything else is a bug and fails the whole call. */
  const answer = (query: ParsedArgsOf<'getSeries'>): Promise<SeriesAnswer> =>
    series(query).then(
      (found) => ({ series: found }),
      (error: unknown) => {
        if (error instanceof AppError) return { error: error.body }
        throw error
      },
    )
  return {
    listDatasets: async () => ({
      datasets: [...services.catalog.list(), ...services.imports.summaries()],
      problems: services.catalog.problems(),
    }),
    getHeadline: async ({ dataset, period }) => services.query.headline(dataset, period),
    getSeries: series,
    getSeriesBatch: async ({ queries }) => Promise.all(queries.map(answer)),
    getObservations: async ({ dataset, series, period }) =>
      services.query.observations(dataset, series, period),
    listSeries: async ({ dataset, cursor, limit }) =>
      pageFrom(
        services.imports.has(dataset)
          ? await services.imports.listSeries(dataset)
          : await services.query.listSeries(dataset),
        `listSeries ${dataset}`,
        { cursor, limit },
      ),
    inspectImport: async ({ fileId, source }) => services.imports.inspect(fileId, source),
    importFile: async ({ fileId, mapping, source }) => services.imports.importFile(fileId, mapping, source),
    cancelImport: async ({ fileId }) => ({ cancelled: services.imports.cancel(fileId) }),
    listImports: async ({ cursor, limit }) =>
      pageFrom(services.imports.list(), 'listImports', { cursor, limit }),
    getBreakdown: async (query) => services.imports.breakdown(query),
    getDimensions: async ({ dataset }) => services.explore.dimensions(dataset),
    deleteImport: async ({ dataset }) => ({ deleted: await services.imports.remove(dataset) }),
    getRanking: async (query) => services.explore.ranking(query),
  }
}

/**
 * `setLanguage` words main's own menu and dialogs in the page's language (main/index.ts passes it); a
 * transport without them (the web server) has nothing to word, and says so.
 */
export function createMainHandlers(
  desk: FileDesk,
  workspace: Workspace,
  setLanguage?: (language: UiLanguage) => Promise<void>,
): MainHandlers {
  return {
    setLanguage: async ({ language }) => {
      if (!setLanguage) return { applied: false }
      await setLanguage(language)
      return { applied: true }
    },
    chooseImportFile: async () => desk.choose(),
    takeOpenedFiles: async () => desk.takeOpened(),
    reopenImportedFile: async ({ dataset }) => desk.reopen(dataset),
    // Notes, the autosaved session and snapshots (workspaceHandlers.ts).
    ...createWorkspaceHandlers(workspace),
  }
}

/** Both halves in one process. */
export function createHandlers(services: Services): Handlers {
  return { ...createEngineHandlers(services), ...createMainHandlers(services.imports, services.workspace) }
}
