/**
 * The one handler registry: method name → implementation, built from the services. Both transports
 * (Electron IPC and the HTTP test server) iterate this object; there is never a second implementation.
 */
import type { Method, ParsedArgsOf, ResultOf } from './shared/api'
import type { Services } from './services'
import { createWorkspaceHandlers } from './workspaceHandlers'

export type Handlers = { [M in Method]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> }

export function createHandlers(services: Services): Handlers {
  return {
    listDatasets: async () => ({
      datasets: [...services.catalog.list(), ...services.imports.summaries()],
      problems: services.catalog.problems(),
    }),
    getHeadline: async ({ dataset, period }) => services.query.headline(dataset, period),
    // Imported datasets answer from the library's summaries (services/import/queries.ts).
    getSeries: async (query) =>
      !services.imports.has(query.dataset)
        ? services.query.series(query)
        : query.product === 'all'
          ? services.imports.series(query)
          : services.explore.productSeries(query),
    getObservations: async ({ dataset, series, period }) =>
      services.query.observations(dataset, series, period),
    listSeries: async ({ dataset }) =>
      services.imports.has(dataset)
        ? services.imports.listSeries(dataset)
        : services.query.listSeries(dataset),
    chooseImportFile: async () => services.imports.choose(),
    takeOpenedFiles: async () => services.imports.takeOpened(),
    inspectImport: async ({ fileId, source }) => services.imports.inspect(fileId, source),
    importFile: async ({ fileId, mapping, source }) => services.imports.importFile(fileId, mapping, source),
    cancelImport: async ({ fileId }) => ({ cancelled: services.imports.cancel(fileId) }),
    listImports: async () => services.imports.list(),
    getBreakdown: async (query) => services.imports.breakdown(query),
    getDimensions: async ({ dataset }) => services.explore.dimensions(dataset),
    deleteImport: async ({ dataset }) => ({ deleted: await services.imports.remove(dataset) }),
    getRanking: async (query) => services.explore.ranking(query),
    // Notes, the autosaved session and snapshots (workspaceHandlers.ts).
    ...createWorkspaceHandlers(services.workspace),
  }
}
