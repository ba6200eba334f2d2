/**
 * The engine process's entry point (out/main/engine.js in the built app). Under Electron it is a
 * utilityProcess and talks through `process.parentPort`; under Node (the web transport, tests) it is a
 * forked child and talks through `process.send`. Everything else is in child.ts.
 */
import { readdirSync } from 'node:fs'
import { getPriority, setPriority } from 'node:os'
import type { FromEngine } from './protocol'
import { runEngine, type ParentChannel } from './child'

/**
 * The engine's work yields the processor to main's: an import keeps DuckDB busy on every core for
 * minutes, and main's event loop (windows, dialogs, the page's calls) waits for a core meanwhile. The
 * engine runs 5 steps below the priority main gave it ("nice" on Linux and macOS; with Linux's
 * per-session groups, it yields only to the app's own processes; on Windows normal priority stays
 * normal). Linux keeps a priority per thread, and a new thread takes its starter's: so every thread
 * there is now (the I/O pool that starts DuckDB's threads among them), and DuckDB's threads after them.
 */
const LOWER_BY = 5
try {
  const threads = process.platform === 'linux' ? readdirSync('/proc/self/task').map(Number) : [0]
  for (const thread of threads) setPriority(thread, Math.min(19, getPriority(thread) + LOWER_BY))
} catch {
  // Not allowed here (a sandbox): the engine runs at the priority it was given.
}

interface ElectronParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
}

const electronPort = (process as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort

const parent: ParentChannel = electronPort
  ? {
      send: (message: FromEngine) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
      exit: () => process.exit(0),
    }
  : {
      send: (message: FromEngine) => process.send?.(message),
      onMessage: (listener) => void process.on('message', listener),
      exit: () => process.exit(0),
    }

// Main went away without a goodbye (it crashed or was killed): the engine has no one to serve.
if (!electronPort) process.on('disconnect', () => process.exit(0))

runEngine(parent)
