/**
 * Starts the app's second transport for end-to-end tests: the real services over the bundled data,
 * the real handler registry, and the HTTP server serving the built renderer (out/renderer).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createEventSink } from '../../electron/events'
import { createHandlers } from '../../electron/handlers'
import { openServices, type Services } from '../../electron/services'
import type { PipelineHooks } from '../../electron/services/import/pipeline'
import type { SnapshotPlatform } from '../../electron/services/snapshots'
import { startWebServer, type WebServer } from '../../electron/web/server'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
export const rendererDir = join(repoRoot, process.env.CTE_OUT ?? 'out', 'renderer')
export const dataDir = join(repoRoot, 'data')

export interface WebApp {
  server: WebServer
  services: Services
  /** This run's user-data folder (a temp folder, removed on close): the import library lives here. */
  userDataDir: string
  close(): Promise<void>
}

export interface WebAppOptions {
  /** What "Open file…" answers (the platform's dialog, played by the test): a path or null. */
  chooseFile?: () => Promise<string | null>
  importHooks?: PipelineHooks
  /** The snapshot dialogs and PDF printer (the platform's, played by the test). */
  snapshotPlatform?: SnapshotPlatform
  /** Reuse this user-data folder (e.g. to reopen the app over the same files); it is then not removed on close. */
  userDataDir?: string
}

export async function startWebApp(options: WebAppOptions = {}): Promise<WebApp> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first (npm run test:e2e does).')
  }
  let server: WebServer | null = null
  const events = createEventSink((event, payload) => server?.broadcast(event, payload))
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'cte-e2e-'))
  const services = await openServices({
    dataDir,
    events,
    userDataDir,
    chooseFile: options.chooseFile ?? (async () => null),
    importHooks: options.importHooks,
    snapshotPlatform: options.snapshotPlatform,
  })
  server = await startWebServer({ rendererDir, handlers: createHandlers(services) })
  const started = server
  return {
    server: started,
    services,
    userDataDir,
    async close() {
      await started.close()
      await services.close()
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}
