/**
 * The engine in the test's own process, behind the same EnginePort as the forked one: for tests that
 * must hand the import pipeline a function (a hook that holds a commit), which cannot cross a process
 * boundary. Messages are still structured-cloned and delivered asynchronously, as between processes.
 * It cannot be killed for real (DuckDB is in this process): `kill()` only cuts the connection.
 */
import { runEngine, type EngineExtras } from '../../electron/engine/child'
import type { EnginePort, StartEngine } from '../../electron/engine/port'

export function inProcessEngine(extras: EngineExtras = {}): StartEngine {
  return () => {
    const toEngine: ((message: unknown) => void)[] = []
    const toMain: ((message: unknown) => void)[] = []
    const exitListeners: ((code: number | null) => void)[] = []
    let connected = true
    const deliver = (listeners: ((message: unknown) => void)[], message: unknown) => {
      const copy = structuredClone(message)
      setImmediate(() => {
        if (connected) for (const listener of listeners) listener(copy)
      })
    }
    const exit = (code: number | null) => {
      if (!connected) return
      connected = false
      setImmediate(() => exitListeners.forEach((listener) => listener(code)))
    }
    runEngine(
      {
        send: (message) => deliver(toMain, message),
        onMessage: (listener) => void toEngine.push(listener),
        exit: () => exit(0),
      },
      extras,
    )
    const port: EnginePort = {
      send: (message) => deliver(toEngine, message),
      onMessage: (listener) => void toMain.push(listener),
      onExit: (listener) => void exitListeners.push(listener),
      kill: () => exit(null),
      pid: undefined,
    }
    return port
  }
}
