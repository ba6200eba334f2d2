/**
 * The services, free of Electron: opened once by the main process (or by the web test server) and
 * handed to the handler registry.
 */
import type { EventSink } from '../events'
import { openCatalog, type Catalog } from './catalog'
import { openEngine } from './engine'
import { createQueryService, type QueryService } from './query'

export interface Services {
  catalog: Catalog
  query: QueryService
  close(): Promise<void>
}

export interface ServiceOptions {
  /** The folder of bundled, read-only data packages (data/ in the repo, resources/data when packaged). */
  dataDir: string
  /** Where long jobs report progress; the transport decides who hears it. */
  events?: EventSink
}

export async function openServices(options: ServiceOptions): Promise<Services> {
  const engine = await openEngine()
  try {
    const catalog = await openCatalog(engine, options.dataDir)
    return {
      catalog,
      query: createQueryService(engine, catalog),
      async close() {
        engine.close()
      }
    }
  } catch (error) {
    engine.close()
    throw error
  }
}
