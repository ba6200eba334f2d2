/**
 * The engine as the desktop app starts it: a utility process (the typed fake runs a real Node child
 * whose module sees `process.parentPort`, as in Electron), under the same supervisor as the forked one.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createSupervisor, type Supervisor } from '../../../electron/engine/supervisor'
import { utilityEngine } from '../../../electron/main/utilityEngine'
import { fakeUtilityProcess } from '../../support/fakeElectron'
import { dataDir, engineEntry } from '../../support/webApp'

let supervisor: Supervisor | undefined
afterAll(() => supervisor?.close())

describe('utilityEngine', () => {
  it('answers through process.parentPort, and a killed utility process is restarted', async () => {
    supervisor = createSupervisor({
      start: utilityEngine(
        (entry, args, options) => fakeUtilityProcess.fork(entry, args, options) as never,
        engineEntry,
      ),
      init: { dataDir },
      onEvent: () => {},
      log: () => {},
    })
    await supervisor.ready
    const listed = (await supervisor.call('listDatasets', {})) as { datasets: { id: string }[] }
    expect(listed.datasets.map((d) => d.id)).toContain('china-trade')
    process.kill(supervisor.pid!, 'SIGKILL')
    await expect.poll(() => supervisor!.restarts, { timeout: 30_000 }).toBe(1)
    const again = (await supervisor.call('getHeadline', { dataset: 'china-trade' })) as { dataset: string }
    expect(again).toBeTruthy()
  }, 60_000)
})
