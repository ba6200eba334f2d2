/**
 * Main's half of the app over a real forked engine process, for tests that talk to it through the
 * handler registry (dispatch, as the transports do) and kill it on purpose.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openHost, type Host } from '../../electron/engine/host'
import { forkEngine, type EnginePort, type StartEngine } from '../../electron/engine/port'
import { createEventSink } from '../../electron/events'
import type { ImportProgress } from '../../electron/shared/api'
import type { SnapshotPlatform } from '../../electron/services/snapshots'
import { dataDir, engineEntry } from './webApp'

export interface TestHost {
  host: Host
  userDataDir: string
  progress: ImportProgress[]
  /** Every event main pushed toward the page, in order (validated against the event contract). */
  sent: Array<{ event: string; payload: unknown }>
  /** Called with each progress event as it arrives (e.g. to change a file once its import has begun). */
  onProgress: { listener: ((progress: ImportProgress) => void) | null }
  /** Every engine port started so far, standbys included. */
  ports: EnginePort[]
  /** Kill the engine when main sends it a call of this method, in place of the message (the call is then in flight). */
  killOnCall: { method: string | null }
  close(): Promise<void>
}

export async function openTestHost(
  options: {
    userDataDir?: string
    snapshotPlatform?: SnapshotPlatform
    /** A warm standby as in the app, started as soon as the engine is ready (default); false for none. */
    standby?: boolean
  } = {},
): Promise<TestHost> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'cte-engine-'))
  const progress: ImportProgress[] = []
  const sent: TestHost['sent'] = []
  const ports: EnginePort[] = []
  const killOnCall = { method: null as string | null }
  const onProgress: TestHost['onProgress'] = { listener: null }
  const fork = forkEngine(engineEntry)
  const start: StartEngine = () => {
    const port = fork()
    ports.push(port)
    return {
      ...port,
      send(message) {
        const call = message as { type?: string; method?: string }
        if (call.type === 'call' && call.method === killOnCall.method) {
          // Killed instead of sent: main holds the call as in flight, and a fast answer (a catalog
          // read takes well under a millisecond) cannot slip out between the message and the kill.
          killOnCall.method = null
          port.kill()
          return
        }
        port.send(message)
      },
      get pid() {
        return port.pid
      },
    }
  }
  const host = await openHost({
    start,
    dataDir,
    userDataDir,
    log: () => {},
    ...(options.standby === false ? {} : { standby: { delayMs: 0 } }),
    ...(options.snapshotPlatform ? { snapshotPlatform: options.snapshotPlatform } : {}),
    events: createEventSink((event, payload) => {
      sent.push({ event, payload })
      if (event !== 'importProgress') return
      progress.push(payload as ImportProgress)
      onProgress.listener?.(payload as ImportProgress)
    }),
  })
  return {
    host,
    userDataDir,
    progress,
    sent,
    onProgress,
    ports,
    killOnCall,
    async close() {
      await host.close()
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}
