/**
 * The data engine in its own process: calls go through the handler registry to a real forked engine;
 * killing it mid-call answers that call with a clear error, the engine restarts, and the next call
 * succeeds. A file being read when the engine died is set aside until the user chooses it again.
 */
import { readdirSync } from 'node:fs'
import { getPriority } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/dispatch'
import { createSupervisor } from '../../../electron/engine/supervisor'
import type { EnginePort } from '../../../electron/engine/port'
import { openTestHost, type TestHost } from '../../support/engineHost'
import { repoRoot } from '../../support/webApp'

const fixture = (name: string) => join(repoRoot, 'tests', 'fixtures', 'import', name)

let t: TestHost
beforeAll(async () => {
  t = await openTestHost()
}, 60_000)
afterAll(() => t?.close())

describe('the engine process', () => {
  it('answers the data methods from another process', async () => {
    const pid = t.host.supervisor.pid
    expect(pid).toBeGreaterThan(0)
    expect(pid).not.toBe(process.pid)
    const listed = await dispatch(t.host.handlers, 'listDatasets', {})
    expect(listed).toMatchObject({ ok: true, data: { datasets: [{ id: 'china-trade' }] } })
    const headline = await dispatch(t.host.handlers, 'getHeadline', { dataset: 'china-trade' })
    expect(headline.ok).toBe(true)
  })

  it('yields the processor to main: every thread of it, DuckDB’s among them, runs 5 steps lower', async () => {
    const pid = t.host.supervisor.pid!
    // A query has run: DuckDB's threads are up.
    expect((await dispatch(t.host.handlers, 'getHeadline', { dataset: 'china-trade' })).ok).toBe(true)
    const threads = process.platform === 'linux' ? readdirSync(`/proc/${pid}/task`).map(Number) : [pid]
    const lower = Math.min(19, getPriority(process.pid) + 5)
    expect(threads.map((thread) => getPriority(thread))).toEqual(threads.map(() => lower))
  })

  it('a killed engine answers the call in flight with ENGINE_STOPPED, restarts, and the next call succeeds', async () => {
    const restarts = t.host.supervisor.restarts
    const firstPid = t.host.supervisor.pid
    t.killOnCall.method = 'getHeadline'
    const lost = await dispatch(t.host.handlers, 'getHeadline', { dataset: 'china-trade' })
    expect(lost).toEqual({
      ok: false,
      error: {
        code: 'ENGINE_STOPPED',
        message: 'The data engine stopped while answering. Nothing was changed. It has restarted: try again.',
        said: { id: 'engineStopped' },
      },
    })
    const again = await dispatch(t.host.handlers, 'getHeadline', { dataset: 'china-trade' })
    expect(again.ok).toBe(true)
    expect(t.host.supervisor.restarts).toBe(restarts + 1)
    expect(t.host.supervisor.pid).not.toBe(firstPid)
  }, 60_000)

  it('names the file it was reading, sets it aside, and reads it again only when the user chooses it again', async () => {
    const file = fixture('wto-china-merchandise.csv')
    const dropped = await t.host.desk.grant(file, 'open-with')
    t.killOnCall.method = 'inspectImport'
    const lost = await dispatch(t.host.handlers, 'inspectImport', { fileId: dropped.fileId })
    expect(lost).toMatchObject({ ok: false, error: { code: 'ENGINE_STOPPED' } })
    const message = (lost as { error: { message: string } }).error.message
    expect(message).toContain(
      'The data engine stopped while reading wto-china-merchandise.csv. Nothing was changed.',
    )
    expect(message).not.toContain(repoRoot)

    // The Import page asking again on its own, or the OS opening it again: refused, no crash.
    const refused = await dispatch(t.host.handlers, 'inspectImport', { fileId: dropped.fileId })
    expect(refused).toMatchObject({ ok: false, error: { code: 'SET_ASIDE' } })
    const reopened = await t.host.desk.grant(file, 'open-with')
    expect(await dispatch(t.host.handlers, 'inspectImport', { fileId: reopened.fileId })).toMatchObject({
      ok: false,
      error: { code: 'SET_ASIDE' },
    })

    // Chosen again in the dialog: read.
    const chosen = await t.host.desk.grant(file, 'dialog')
    const inspected = await dispatch(t.host.handlers, 'inspectImport', { fileId: chosen.fileId })
    expect(inspected).toMatchObject({ ok: true, data: { name: 'wto-china-merchandise.csv' } })
  }, 60_000)

  it('keeps the set-aside list across a restart of the app', async () => {
    const file = fixture('imf-imts.csv')
    const granted = await t.host.desk.grant(file, 'drop')
    t.killOnCall.method = 'importFile'
    const lost = await dispatch(t.host.handlers, 'importFile', { fileId: granted.fileId })
    expect(lost).toMatchObject({ ok: false, error: { code: 'ENGINE_STOPPED' } })
    const next = await openTestHost({ userDataDir: t.userDataDir })
    try {
      const opened = await next.host.desk.grant(file, 'open-with')
      expect(await dispatch(next.host.handlers, 'inspectImport', { fileId: opened.fileId })).toMatchObject({
        ok: false,
        error: { code: 'SET_ASIDE' },
      })
    } finally {
      await next.close()
    }
  }, 90_000)
})

/** Resolves once `test` holds (checked every 20 ms), or fails after `ms`. */
async function until(test: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('the warm standby', () => {
  it('takes over when the engine dies: it answers the next call with the files granted before, and a new standby starts', async () => {
    await until(() => t.host.supervisor.standby?.warm === true)
    const standby = t.host.supervisor.standby!.pid!
    const dead = t.host.supervisor.pid!
    expect(standby).not.toBe(dead)
    // Granted while the old engine ran: the standby hears of it only when it takes over.
    const granted = await t.host.desk.grant(fixture('wto-china-merchandise.csv'), 'dialog')
    const restarts = t.host.supervisor.restarts
    process.kill(dead, 'SIGKILL')
    // (A call sent before main hears of the death would be in flight on it, and answered ENGINE_STOPPED.)
    await until(() => t.host.supervisor.restarts > restarts)
    const inspected = await dispatch(t.host.handlers, 'inspectImport', { fileId: granted.fileId })
    expect(inspected).toMatchObject({ ok: true, data: { name: 'wto-china-merchandise.csv' } })
    expect(t.host.supervisor.pid).toBe(standby)
    expect(t.host.supervisor.restarts).toBe(restarts + 1)
    await until(() => t.host.supervisor.standby?.warm === true)
    expect([dead, standby]).not.toContain(t.host.supervisor.standby!.pid)
  }, 90_000)

  it('is replaced when it dies itself, and the engine goes on answering, not restarted', async () => {
    await until(() => t.host.supervisor.standby?.warm === true)
    const standby = t.host.supervisor.standby!.pid!
    const engine = t.host.supervisor.pid
    const restarts = t.host.supervisor.restarts
    process.kill(standby, 'SIGKILL')
    await until(() => (t.host.supervisor.standby?.pid ?? standby) !== standby)
    expect(await dispatch(t.host.handlers, 'getHeadline', { dataset: 'china-trade' })).toMatchObject({
      ok: true,
    })
    expect(t.host.supervisor.pid).toBe(engine)
    expect(t.host.supervisor.restarts).toBe(restarts)
  }, 90_000)

  it('closes with the app: neither process is left running', async () => {
    const other = await openTestHost()
    await until(() => other.host.supervisor.standby?.warm === true)
    const pids = [other.host.supervisor.pid!, other.host.supervisor.standby!.pid!]
    await other.close()
    await until(() => !pids.some(alive), 10_000)
  }, 90_000)
})

describe('the supervisor', () => {
  /** An engine that dies as soon as it starts: a crash loop. */
  const dying = (): EnginePort => {
    const exits: ((code: number | null) => void)[] = []
    setTimeout(() => exits.forEach((listener) => listener(134)), 1)
    return { send() {}, onMessage() {}, onExit: (l) => void exits.push(l), kill() {}, pid: undefined }
  }

  it('stops restarting an engine that keeps dying, and says so instead of hanging', async () => {
    let started = 0
    const supervisor = createSupervisor({
      start: () => (started++, dying()),
      init: { dataDir: '/nowhere' },
      onEvent: () => {},
      log: () => {},
    })
    await expect(supervisor.ready).rejects.toMatchObject({ code: 'ENGINE_STOPPED' })
    await expect(supervisor.call('listDatasets', {})).rejects.toMatchObject({
      code: 'ENGINE_STOPPED',
      message: 'The data engine stopped repeatedly and was not restarted again. Restart the app.',
    })
    expect(started).toBe(6)
    await supervisor.close()
  })
})
