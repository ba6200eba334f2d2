/**
 * Starts the app's second transport for end-to-end tests: the real services over the bundled data,
 * the real handler registry, and the HTTP server serving the built renderer (out/renderer).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createEventSink } from '../../electron/events'
import { createHandlers } from '../../electron/handlers'
import { openServices, type Services } from '../../electron/services'
import { startWebServer, type WebServer } from '../../electron/web/server'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
export const rendererDir = join(repoRoot, process.env.CTE_OUT ?? 'out', 'renderer')
export const dataDir = join(repoRoot, 'data')

export interface WebApp {
  server: WebServer
  services: Services
  close(): Promise<void>
}

export async function startWebApp(): Promise<WebApp> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first (npm run test:e2e does).')
  }
  let server: WebServer | null = null
  const events = createEventSink((event, payload) => server?.broadcast(event, payload))
  const services = await openServices({ dataDir, events })
  server = await startWebServer({ rendererDir, handlers: createHandlers(services) })
  const started = server
  return {
    server: started,
    services,
    async close() {
      await started.close()
      await services.close()
    }
  }
}
