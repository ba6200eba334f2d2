/**
 * Starts the app's second transport for end-to-end tests: main's half (grants, workspace) in this
 * process, the data engine in a forked child process as under `npm run serve:web`, the real handler
 * registry, and the HTTP server serving the built renderer (out/renderer).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openHost, type Host } from '../../electron/engine/host'
import { forkEngine } from '../../electron/engine/port'
import { createEventSink } from '../../electron/events'
import { openDataServices, type DataServices } from '../../electron/services'
import type { PipelineHooks } from '../../electron/services/import/pipeline'
import type { SnapshotPlatform } from '../../electron/services/snapshots'
import { startWebServer, type WebServer } from '../../electron/web/server'
import { inProcessEngine } from './inProcessEngine'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
export const rendererDir = join(repoRoot, process.env.CTE_OUT ?? 'out', 'renderer')
export const dataDir = join(repoRoot, 'data')
/** The engine's entry as source: the forked child runs it through tsx. */
export const engineEntry = join(repoRoot, 'electron', 'engine', 'main.ts')

export interface WebApp {
  server: WebServer
  /** Main's half: the handler registry the server serves, the grants desk, the workspace, the engine's supervisor. */
  host: Host
  /**
   * The bundled data read independently, in this process: the tests' reference values (catalog and
   * queries only; imports and the workspace belong to `host`).
   */
  services: Pick<DataServices, 'catalog' | 'query'>
  /** This run's user-data folder (a temp folder, removed on close): the import library lives here. */
  userDataDir: string
  close(): Promise<void>
}

export interface WebAppOptions {
  /** What "Open file…" answers (the platform's dialog, played by the test): a path or null. */
  chooseFile?: () => Promise<string | null>
  /** Hooks are functions: with them, the engine runs in this process (inProcessEngine.ts), not forked. */
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
  const [host, reference] = await Promise.all([
    openHost({
      start: options.importHooks
        ? inProcessEngine({ importHooks: options.importHooks })
        : forkEngine(engineEntry),
      dataDir,
      events,
      userDataDir,
      chooseFile: options.chooseFile ?? (async () => null),
      snapshotPlatform: options.snapshotPlatform,
    }),
    openDataServices({ dataDir }),
  ])
  server = await startWebServer({ rendererDir, handlers: host.handlers })
  const started = server
  return {
    server: started,
    host,
    services: reference,
    userDataDir,
    async close() {
      await started.close()
      await host.close()
      await reference.close()
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}
