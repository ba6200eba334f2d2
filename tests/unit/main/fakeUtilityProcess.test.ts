/**
 * The shared fake's utilityProcess.fork runs a REAL child process (the engine code wt-engine moves out of
 * main can be tested across a real process boundary): messages cross it, the child sees
 * process.parentPort, and it ends with a non-zero exit code when it crashes or is killed.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createFakeElectron, type FakeUtilityProcess } from '../../support/fakeElectron'

const ECHO = fileURLToPath(new URL('../../fixtures/electron/echoUtility.ts', import.meta.url))

function next(child: FakeUtilityProcess, event: 'message' | 'exit'): Promise<any> {
  return new Promise((resolve) => child.once(event, resolve))
}

describe('fake utilityProcess', () => {
  it('forks a real child that talks through process.parentPort', async () => {
    const { utilityProcess } = createFakeElectron()
    const child = utilityProcess.fork(ECHO, ['--engine'])
    const spawned = next(child, 'message')
    await new Promise((resolve) => child.once('spawn', resolve))
    expect(child.pid).toBeGreaterThan(0)
    const ready = await spawned
    expect(ready).toMatchObject({ ready: true, argv: ['--engine'], pid: child.pid })
    expect(ready.pid).not.toBe(process.pid)
    const answer = next(child, 'message')
    child.postMessage({ echo: { rows: [1, 2, 3], at: new Date(0) } })
    expect(await answer).toEqual({ echo: { rows: [1, 2, 3], at: new Date(0) } })
    const exit = next(child, 'exit')
    expect(child.kill()).toBe(true)
    expect(await exit).not.toBe(0)
    expect(child.pid).toBeUndefined()
    expect(() => child.postMessage({ echo: 1 })).toThrow(/exited/)
  })

  it('reports the exit code of a child that exits on its own', async () => {
    const { utilityProcess } = createFakeElectron()
    const child = utilityProcess.fork(ECHO)
    await next(child, 'message')
    const exit = next(child, 'exit')
    child.postMessage({ exit: 3 })
    expect(await exit).toBe(3)
  })
})
