/**
 * The engine process in the desktop app: an Electron utilityProcess (a Node process without windows,
 * supervised by main; a native crash in it ends only it). The supervisor (engine/supervisor.ts) sees it
 * through the same EnginePort as the forked engine of the web transport and the tests.
 */
import type { UtilityProcess } from 'electron'
import type { EnginePort, StartEngine } from '../engine/port'

export type ForkUtility = (modulePath: string, args: string[], options: object) => UtilityProcess

export function utilityEngine(fork: ForkUtility, entry: string): StartEngine {
  return () => {
    const child = fork(entry, [], { serviceName: 'China Trade Explorer data engine', stdio: 'inherit' })
    let exited = false
    const exitListeners: ((code: number | null) => void)[] = []
    child.on('exit', (code) => {
      if (exited) return
      exited = true
      for (const listener of exitListeners) listener(code)
    })
    const port: EnginePort = {
      send: (message) => {
        // Posting to a process that died a moment ago throws; its exit event answers the calls in flight.
        if (exited) return
        try {
          child.postMessage(message)
        } catch {
          // (see above)
        }
      },
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => void exitListeners.push(listener),
      kill: () => void child.kill(),
      get pid() {
        return child.pid
      },
    }
    return port
  }
}
