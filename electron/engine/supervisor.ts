/**
 * Main's side of the engine process: starts it, forwards calls, and restarts it when it dies. A native
 * crash in DuckDB (a hostile file can make a C++ reader fall over) costs the calls in flight — each
 * answered with a clear error naming the file being read, if any — and one restart, never the app.
 * Calls that arrive while the engine restarts wait for it. With a warm standby (an engine process
 * started in advance that has opened the bundled data), a restart is a hand-over: the standby opens the
 * user's library and answers. The transport is an EnginePort (port.ts): the same supervisor runs over
 * Electron's utilityProcess and over Node's fork.
 */
import { AppError, type Envelope } from '../shared/errors'
import { say, type Said } from '../shared/messages'
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
  /**
   * Keep a warm standby engine: a second process, started `delayMs` after an engine is ready, that
   * opens the bundled data and waits; when the engine dies it takes over, with only the user's library
   * left to open. It costs that process's memory (see bench:catalog) for a restart well under a second.
   */
  standby?: { delayMs: number }
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
  /** The standby process, if one is running, and whether it has the bundled data open yet. */
  readonly standby: { pid: number | undefined; warm: boolean } | null
  close(): Promise<void>
}

/**
 * The app's standby: started 3 s after the engine is ready, so that the first screen's answers do not
 * share the cores with it (opening the bundled data takes a second or two of CPU on a busy machine).
 */
export const APP_STANDBY = { delayMs: 3_000 }

/** Restarts allowed in a row without a call succeeding in between; then the engine stays down. */
const MAX_QUICK_RESTARTS = 5
const CLOSE_TIMEOUT_MS = 5_000

interface Pending {
  resolve(value: unknown): void
  reject(error: unknown): void
  context: CallContext
}

export function stoppedMessage(file?: { name: string }): Said {
  return file ? say('engineStoppedReading', { file: file.name }) : say('engineStopped')
}

/** One engine process and what the supervisor knows of it. */
interface Slot {
  port: EnginePort
  /** It has said hello: it listens. */
  listening: boolean
  /** It has the bundled data open (a warm standby). */
  warm: boolean
}

export function createSupervisor(options: SupervisorOptions): Supervisor {
  const log = options.log ?? ((m: string) => console.warn(m))
  const grants = new Map<string, Grant>()
  /** The engine answering calls. */
  let active: Slot | null = null
  /** The warm standby, if any: started in advance, it takes over when the active engine dies. */
  let standby: Slot | null = null
  let standbyTimer: ReturnType<typeof setTimeout> | null = null
  let standbyDeaths = 0
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

  /** Every message to an engine goes through here: typed as the protocol says. */
  function post(slot: Slot, message: ToEngine): void {
    slot.port.send(message)
  }

  function spawn(): Slot {
    const slot: Slot = { port: options.start(), listening: false, warm: false }
    slot.port.onMessage((raw) => onMessage(slot, raw))
    slot.port.onExit((code) => onExit(slot, code))
    return slot
  }

  /** Makes this engine the one that answers: it opens the user's data and receives the grants. */
  function activate(slot: Slot): void {
    isReady = false
    active = slot
    if (slot.listening) sendInit(slot)
  }

  function sendInit(slot: Slot): void {
    post(slot, { type: 'init', options: options.init })
    for (const grant of grants.values()) post(slot, { type: 'grant', grant: toMessage(grant) })
  }

  /** Starts a standby engine (after a pause, so that it does not compete with the first answers). */
  function scheduleStandby(): void {
    if (!options.standby || standby || standbyTimer || closing || down) return
    standbyTimer = setTimeout(() => {
      standbyTimer = null
      if (!standby && !closing && !down) standby = spawn()
    }, options.standby.delayMs)
  }

  function onMessage(slot: Slot, raw: unknown): void {
    if (slot !== active && slot !== standby) return
    const parsed = FromEngine.safeParse(raw)
    if (!parsed.success) return log('[engine] ignored a malformed message from the engine')
    const message = parsed.data
    if (message.type === 'hello') {
      slot.listening = true
      post(slot, { type: 'prepare', dataDir: options.init.dataDir })
      if (slot === active) sendInit(slot)
      return
    }
    if (message.type === 'prepared') {
      slot.warm = true
      if (slot === standby) standbyDeaths = 0
      return
    }
    if (slot === standby) {
      // A standby only prepares; if it cannot open the bundled data, the next active engine would not
      // either, and that one will say so.
      if (message.type === 'failed') {
        log('[engine] the standby engine could not open the data; no standby is kept')
        dropStandby()
      }
      return
    }
    switch (message.type) {
      case 'ready': {
        isReady = true
        options.onReady?.()
        if (!firstReady) {
          firstReady = true
          settleFirst.resolve()
        }
        flushWaiting()
        scheduleStandby()
        return
      }
      case 'failed':
        down = new AppError('INTERNAL', message.said)
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
        else call.reject(AppError.of(envelope.error))
        return
      }
      case 'event':
        options.onEvent(message.event as EventName, message.payload)
        return
      case 'closed':
        return
    }
  }

  function dropStandby(): void {
    const slot = standby
    standby = null
    slot?.port.kill()
  }

  function onExit(slot: Slot, code: number | null): void {
    if (slot === standby) {
      standby = null
      if (closing) return
      log(`[engine] the standby engine stopped (exit code ${code})`)
      // A standby that keeps dying is not worth its cost: restarts then start a new engine cold.
      if (++standbyDeaths <= MAX_QUICK_RESTARTS) scheduleStandby()
      return
    }
    if (slot !== active) return
    active = null
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
      down = new AppError('ENGINE_STOPPED', say('engineStoppedRepeatedly'))
      if (!firstReady) settleFirst.reject(down)
      flushWaiting()
      return
    }
    restarts++
    // The standby takes over (it has the bundled data open already); without one, a new engine starts.
    const next = standby ?? spawn()
    standby = null
    activate(next)
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
        if (closing || !active) return reject(new AppError('ENGINE_STOPPED', say('engineClosed')))
        const id = nextId++
        pending.set(id, { resolve, reject, context })
        post(active, { type: 'call', id, method, args })
      }
      if (isReady || down) go()
      else waiting.push(go)
    })
  }

  /** Asks an engine to close, and kills it if it has not gone within CLOSE_TIMEOUT_MS. */
  function closeOne(slot: Slot): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        slot.port.kill()
        resolve()
      }, CLOSE_TIMEOUT_MS)
      slot.port.onExit(() => {
        clearTimeout(timer)
        resolve()
      })
      post(slot, { type: 'close' })
    })
  }

  activate(spawn())

  return {
    call,
    grant(grant) {
      grants.set(grant.fileId, grant)
      // Keep the mirror as small as main's registry keeps its own.
      if (grants.size > 200) grants.delete(grants.keys().next().value!)
      // A standby receives every grant when it takes over.
      if (active) post(active, { type: 'grant', grant: toMessage(grant) })
    },
    ready,
    get restarts() {
      return restarts
    },
    get pid() {
      return active?.port.pid
    },
    get standby() {
      return standby ? { pid: standby.port.pid, warm: standby.warm } : null
    },
    async close() {
      if (closing) return
      closing = true
      if (standbyTimer) clearTimeout(standbyTimer)
      for (const call of pending.values()) call.reject(new AppError('ENGINE_STOPPED', say('appClosing')))
      pending.clear()
      flushWaiting()
      await Promise.all([active, standby].flatMap((slot) => (slot ? [closeOne(slot)] : [])))
    },
  }
}

function toMessage(grant: Grant) {
  return { fileId: grant.fileId, name: grant.name, size: grant.size, path: grant.path, via: grant.via }
}
