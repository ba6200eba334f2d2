/**
 * Hostile files through the whole path (main's grants, the supervised engine process, the import
 * service): each ends in a clear refusal or a correct import — never a crash of the engine, an INTERNAL
 * error, a hang, or a path or library wording in the message. (Files with more than 50 value columns
 * are the import service's own case, tested with its readers.)
 */
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/dispatch'
import { openTestHost, type TestHost } from '../../support/engineHost'
import { repoRoot } from '../../support/webApp'

let t: TestHost
let dir: string
beforeAll(async () => {
  t = await openTestHost()
  dir = join(t.userDataDir, 'hostile')
  mkdirSync(dir)
}, 60_000)
afterAll(() => t?.close())

const write = (name: string, content: string) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** Grants the file as a drop (as the Import page would then inspect it) and calls `method` on it. */
async function attempt(path: string, method: 'inspectImport' | 'importFile' = 'inspectImport') {
  const granted = await t.host.desk.grant(path, 'drop')
  return dispatch(t.host.handlers, method, { fileId: granted.fileId })
}

function expectClean(answer: Awaited<ReturnType<typeof attempt>>) {
  if (answer.ok) return
  expect(answer.error.code).not.toBe('INTERNAL')
  expect(answer.error.code).not.toBe('ENGINE_STOPPED')
  expect(answer.error.message).not.toContain(t.userDataDir)
  expect(answer.error.message).not.toContain(repoRoot)
  expect(answer.error.message).not.toMatch(/duckdb|Binder Error|Parser Error|Invalid Input Error|staging/i)
}

describe('hostile files through the engine process', () => {
  it('JSON nested 30,000 deep (60 KB) is refused before DuckDB reads it: no crash', async () => {
    const path = write('deep.json', '['.repeat(30_000) + ']'.repeat(30_000))
    const restarts = t.host.supervisor.restarts
    for (const method of ['inspectImport', 'importFile'] as const) {
      const answer = await attempt(path, method)
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'DATA_ERROR',
          message:
            'deep.json: nests its data more than 100 levels deep, which no table of statistics needs; it was not read further.',
        },
      })
    }
    expect(t.host.supervisor.restarts).toBe(restarts)
  })

  it('NDJSON with a line nested 30,000 deep is refused the same way', async () => {
    const line = `{"v":${'['.repeat(30_000)}${']'.repeat(30_000)}}`
    const path = write('deep.ndjson', `{"v":1}\n{"v":2}\n${line}\n`)
    const restarts = t.host.supervisor.restarts
    const answer = await attempt(path)
    expect(answer).toMatchObject({ ok: false, error: { code: 'DATA_ERROR' } })
    expect((answer as { error: { message: string } }).error.message).toContain('more than 100 levels deep')
    expect(t.host.supervisor.restarts).toBe(restarts)
  })

  it('a FIFO, a device and a folder are refused when granted: nothing waits on them', async () => {
    const fifo = join(dir, 'pipe.csv')
    execFileSync('mkfifo', [fifo])
    for (const path of [fifo, '/dev/zero', dir])
      await expect(t.host.desk.grant(path, 'drop')).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(/is not a regular file\.$/),
      })
  })

  it('a symlink is followed to the file it names and read as that file', async () => {
    const link = join(dir, 'link.csv')
    symlinkSync(join(repoRoot, 'tests', 'fixtures', 'import', 'wto-china-merchandise.csv'), link)
    const answer = await attempt(link)
    expect(answer).toMatchObject({ ok: true, data: { name: 'link.csv', layout: { id: expect.any(String) } } })
  })

  it('a file that grows while it is imported is refused: nothing is saved', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `${2000 + (i % 20)},CHN,USA,${i}`).join('\n')
    const path = write('growing.csv', `year,reporter,partner,value\n${rows}\n`)
    const granted = await t.host.desk.grant(path, 'dialog')
    // Once the import has begun (its first progress event), another program appends a line.
    t.onProgress.listener = () => {
      t.onProgress.listener = null
      appendFileSync(path, '2021,CHN,JPN,5\n')
    }
    const answer = await dispatch(t.host.handlers, 'importFile', {
      fileId: granted.fileId,
      mapping: { period: 0, values: [3], reporter: 1, partner: 2, unitLabel: 'USD' },
    })
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'DATA_ERROR',
        message:
          'growing.csv: changed while it was being imported (another program wrote to it). Nothing was saved; open it again when it is complete.',
      },
    })
    expectClean(answer)
    expect(await dispatch(t.host.handlers, 'listImports', {})).toEqual({ ok: true, data: [] })
  })

  it('none of these cost a restart of the engine', () => {
    expect(t.host.supervisor.restarts).toBe(0)
  })
})
