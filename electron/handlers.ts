/**
 * The one handler registry: method name → implementation, built from the services. Both transports
 * (Electron IPC and the HTTP test server) iterate this object; there is never a second implementation.
 */
import type { Method, ParsedArgsOf, ResultOf } from './shared/api'
import type { Services } from './services'

export type Handlers = { [M in Method]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> }

export function createHandlers(services: Services): Handlers {
  return {
    listDatasets: async () => ({ datasets: services.catalog.list(), problems: services.catalog.problems() }),
    getHeadline: async ({ dataset, period }) => services.query.headline(dataset, period),
    getSeries: async (query) => services.query.series(query),
    getObservations: async ({ dataset, series, period }) => services.query.observations(dataset, series, period),
    listSeries: async ({ dataset }) => services.query.listSeries(dataset)
  }
}
