/**
 * The engine process's entry point (out/main/engine.js in the built app). Under Electron it is a
 * utilityProcess and talks through `process.parentPort`; under Node (the web transport, tests) it is a
 * forked child and talks through `process.send`. Everything else is in child.ts.
 */
import type { FromEngine } from './protocol'
import { runEngine, type ParentChannel } from './child'

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
