/**
 * `npm run serve:web`: the app in any browser, against the real handlers, without Electron.
 * Serves the built renderer (out/renderer) on 127.0.0.1 and prints the URL with this run's token.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openHost } from '../engine/host'
import { APP_STANDBY } from '../engine/supervisor'
import { forkEngine } from '../engine/port'
import { createEventSink } from '../events'
import { startWebServer, type WebServer } from './server'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const port = Number(process.env.PORT ?? 0)

let server: WebServer | null = null
const events = createEventSink((event, payload) => server?.broadcast(event, payload))
// Imports go to CTE_USER_DATA (or a temp folder). There is no native dialog in a browser: "Open file…"
// offers the files named on the command line, one per click (`npm run serve:web -- a.csv b.csv`).
const userDataDir = process.env.CTE_USER_DATA ?? mkdtempSync(join(tmpdir(), 'cte-web-'))
const offered = process.argv.slice(2).map((file) => resolve(file))
// The data engine runs in a forked Node process, supervised as the desktop app's utility process is.
const host = await openHost({
  start: forkEngine(join(repoRoot, 'electron', 'engine', 'main.ts')),
  log: (message) => console.warn(message),
  standby: APP_STANDBY,
  dataDir: join(repoRoot, 'data'),
  events,
  userDataDir,
  chooseFile: async () => offered.shift() ?? null,
})
const listed = await host.handlers.listDatasets({})
for (const problem of listed.problems) console.warn(`[data] ${problem.package}: ${problem.message}`)
server = await startWebServer({
  rendererDir: join(repoRoot, 'out', 'renderer'),
  handlers: host.handlers,
  port,
})
console.log(
  `China Trade Explorer (web transport, development only) is at:\n\n  ${server.url}\n\nPress Ctrl+C to stop.`,
)

const stop = async () => {
  await server?.close()
  await host.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
