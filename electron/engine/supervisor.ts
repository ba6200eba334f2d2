/**
 * Main's side of the engine process: starts it, forwards calls, and restarts it when it dies. A native
 * crash in DuckDB (a hostile file can make a C++ reader fall over) costs the calls in flight — each
 * answered with a clear error naming the file being read, if any — and one restart, never the app.
 * Calls that arrive while the engine restarts wait for it. The transport is an EnginePort (port.ts):
 * the same supervisor runs over Electron's utilityProcess and over Node's fork.
 */
import { AppError, type Envelope } from '../shared/errors'
import type { EventName } from '../shared/methods'
import type { EngineMethod } from '../handlers'
import type { Grant } from '../services/grants'
import type { EnginePort, StartEngine } from './port'
import { FromEngine, type EngineInit, type ToEngine } from './protocol'

export interface SupervisorOptions {
  start: StartEngine
  init: EngineInit
  /** Events from the engine (import progress) for the page. */
  onEvent(event: EventName, payload: unknown): void
  /**
   * Told when the engine died with work in flight, and which files it was reading then; the calls are
   * answered once this has settled (so a file is set aside before anyone hears of the crash).
   */
  onCrash?(files: readonly Grant[]): Promise<void>
  /** Told each time an engine is ready (the first time and after every restart). */
  onReady?(): void
  log?(message: string): void
}

export interface CallContext {
  /** The file the call reads, if any: named in the error if the engine dies, and set aside. */
  file?: Grant
}

export interface Supervisor {
  call(method: EngineMethod, args: unknown, context?: CallContext): Promise<unknown>
  /** Mirrors a grant into the engine (and into every engine started after it). */
  grant(grant: Grant): void
  /** Resolves when the first engine is ready; rejects if it could not open the data. */
  ready: Promise<void>
  /** How many times the engine was restarted after dying. */
  readonly restarts: number
  /** The current process, for tests that kill it. */
  readonly pid: number | undefined
  close(): Promise<void>
}

/** Restarts allowed in a row without a call succeeding in between; then the engine stays down. */
const MAX_QUICK_RESTARTS = 5
const CLOSE_TIMEOUT_MS = 5_000

interface Pending {
  resolve(value: unknown): void
  reject(error: unknown): void
  context: CallContext
}

export function stoppedMessage(file?: { name: string }): string {
  return file
    ? `The data engine stopped while reading ${file.name}. Nothing was changed. The engine has restarted, and this file is set aside: choose it again with Open file… to retry.`
    : 'The data engine stopped while answering. Nothing was changed. It has restarted: try again.'
}

export function createSupervisor(options: SupervisorOptions): Supervisor {
  const log = options.log ?? ((m: string) => console.warn(m))
  const grants = new Map<string, Grant>()
  let port: EnginePort | null = null
  let nextId = 1
  const pending = new Map<number, Pending>()
  /** Calls waiting for an engine to be ready. */
  let waiting: (() => void)[] = []
  let isReady = false
  let closing = false
  let restarts = 0
  let quickRestarts = 0
  let down: AppError | null = null

  let settleFirst: { resolve(): void; reject(e: unknown): void } = { resolve() {}, reject() {} }
  const ready = new Promise<void>((resolve, reject) => (settleFirst = { resolve, reject }))
  let firstReady = false

  function send(message: ToEngine): void {
    port?.send(message)
  }

  function startOne(): void {
    isReady = false
    const current = options.start()
    port = current
    current.onMessage((raw) => {
      if (port !== current) return
      const parsed = FromEngine.safeParse(raw)
      if (!parsed.success) return log('[engine] ignored a malformed message from the engine')
      const message = parsed.data
      switch (message.type) {
        case 'hello':
          current.send({ type: 'init', options: options.init })
          for (const grant of grants.values()) current.send({ type: 'grant', grant: toMessage(grant) })
          return
        case 'ready': {
          isReady = true
          options.onReady?.()
          if (!firstReady) {
            firstReady = true
            settleFirst.resolve()
          }
          flushWaiting()
          return
        }
        case 'failed':
          down = new AppError('INTERNAL', message.message)
          if (!firstReady) settleFirst.reject(down)
          flushWaiting()
          return
        case 'reply': {
          const call = pending.get(message.id)
          if (!call) return
          pending.delete(message.id)
          quickRestarts = 0
          const envelope = message.envelope as Envelope<unknown>
          if (envelope.ok) call.resolve(envelope.data)
          else call.reject(new AppError(envelope.error.code, envelope.error.message))
          return
        }
        case 'event':
          options.onEvent(message.event as EventName, message.payload)
          return
        case 'closed':
          return
      }
    })
    current.onExit((code) => {
      if (port !== current) return
      port = null
      if (closing) return
      const inFlight = [...pending.values()]
      pending.clear()
      const files = inFlight.flatMap((call) => (call.context.file ? [call.context.file] : []))
      log(`[engine] the data engine stopped (exit code ${code}) with ${inFlight.length} call(s) in flight`)
      const noted = inFlight.length ? (options.onCrash?.(files) ?? Promise.resolve()) : Promise.resolve()
      void noted
        .catch((error: unknown) => log(`[engine] could not note the crash: ${String(error)}`))
        .then(() => {
          for (const call of inFlight)
            call.reject(new AppError('ENGINE_STOPPED', stoppedMessage(call.context.file)))
        })
      if (down) return
      if (++quickRestarts > MAX_QUICK_RESTARTS) {
        down = new AppError(
          'ENGINE_STOPPED',
          'The data engine stopped repeatedly and was not restarted again. Restart the app.',
        )
        if (!firstReady) settleFirst.reject(down)
        flushWaiting()
        return
      }
      restarts++
      startOne()
    })
  }

  /** Lets every waiting call go; with the engine down or closing, each one is refused. */
  function flushWaiting(): void {
    const run = waiting
    waiting = []
    for (const go of run) go()
  }

  function call(method: EngineMethod, args: unknown, context: CallContext = {}): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const go = () => {
        if (down) return reject(down)
        if (closing || !port) return reject(new AppError('ENGINE_STOPPED', 'The data engine is closed.'))
        const id = nextId++
        pending.set(id, { resolve, reject, context })
        send({ type: 'call', id, method, args })
      }
      if (isReady || down) go()
      else waiting.push(go)
    })
  }

  startOne()

  return {
    call,
    grant(grant) {
      grants.set(grant.fileId, grant)
      // Keep the mirror as small as main's registry keeps its own.
      if (grants.size > 200) grants.delete(grants.keys().next().value!)
      send({ type: 'grant', grant: toMessage(grant) })
    },
    ready,
    get restarts() {
      return restarts
    },
    get pid() {
      return port?.pid
    },
    async close() {
      if (closing) return
      closing = true
      const current = port
      for (const call of pending.values()) call.reject(new AppError('ENGINE_STOPPED', 'The app is closing.'))
      pending.clear()
      flushWaiting()
      if (!current) return
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          current.kill()
          resolve()
        }, CLOSE_TIMEOUT_MS)
        current.onExit(() => {
          clearTimeout(timer)
          resolve()
        })
        current.send({ type: 'close' })
      })
    },
  }
}

function toMessage(grant: Grant) {
  return { fileId: grant.fileId, name: grant.name, size: grant.size, path: grant.path, via: grant.via }
}
