/**
 * The engine's transport: how main (or the web server) talks to the engine process, whatever kind of
 * process it is. One implementation per process kind — Node's `child_process.fork` here (the web
 * transport and tests), Electron's `utilityProcess` in electron/main/utilityEngine.ts — and one
 * supervisor (supervisor.ts) above them. Messages are structured-cloned; their shapes are in protocol.ts.
 */
import { fork } from 'node:child_process'

export interface EnginePort {
  send(message: unknown): void
  onMessage(listener: (message: unknown) => void): void
  /** Once, when the process has gone (crashed, killed or exited). */
  onExit(listener: (code: number | null) => void): void
  kill(): void
  readonly pid: number | undefined
}

/** Starts one engine process. The supervisor calls it again after a crash. */
export type StartEngine = () => EnginePort

/** The engine as a Node child process: `entry` is the engine's module (TypeScript runs through tsx). */
export function forkEngine(entry: string, options: { execArgv?: string[] } = {}): StartEngine {
  return () => {
    const child = fork(entry, [], {
      serialization: 'advanced',
      execArgv: options.execArgv ?? (entry.endsWith('.ts') ? ['--import', 'tsx'] : []),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    let exited = false
    const exitListeners: ((code: number | null) => void)[] = []
    const exit = (code: number | null) => {
      if (exited) return
      exited = true
      for (const listener of exitListeners) listener(code)
    }
    child.on('exit', (code) => exit(code))
    // A process that could not be started at all exits too, for the supervisor's purposes.
    child.on('error', () => exit(null))
    return {
      send(message) {
        if (!exited && child.connected) child.send(message as never)
      },
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => void exitListeners.push(listener),
      kill: () => void child.kill('SIGKILL'),
      get pid() {
        return child.pid
      },
    }
  }
}
