/**
 * Atomic writes under Windows' transient rename failures: while an antivirus scanner or the indexer
 * holds the target, rename fails with EPERM, EBUSY or EACCES for a moment. The write retries a bounded
 * number of times, then gives up with the old file intact and no temporary file left.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import * as fsp from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  RENAME_RETRIES,
  writeFileAtomic,
  writeFileAtomicSync,
  type AtomicFs,
} from '../../../electron/services/atomicFile'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cte-atomic-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const errno = (code: string) => Object.assign(new Error(`${code}: operation refused`), { code })

/** The real file system, with `failures` transient errors injected into rename first. */
function flakyFs(code: string, failures: number) {
  const calls: string[] = []
  let left = failures
  const fs: AtomicFs = {
    open: fsp.open,
    copyFile: fsp.copyFile,
    rm: fsp.rm,
    rename: async (from, to) => {
      calls.push(String(to))
      if (left-- > 0) throw errno(code)
      return fsp.rename(from, to)
    },
  }
  return { fs, calls }
}

const leftovers = () => readdirSync(dir).filter((name) => name.endsWith('.tmp') || name.includes('.tmp.'))

describe('writeFileAtomic on a file held by another program', () => {
  it.each(['EPERM', 'EBUSY', 'EACCES'])('retries a transient %s and writes the new version', async (code) => {
    const file = join(dir, 'library.json')
    writeFileSync(file, 'old')
    const { fs, calls } = flakyFs(code, 3)
    await writeFileAtomic(file, 'new', { fs })
    expect(readFileSync(file, 'utf8')).toBe('new')
    expect(calls).toHaveLength(4)
    expect(leftovers()).toEqual([])
  })

  it('keeps the previous version (.bak) through the retries', async () => {
    const file = join(dir, 'session.json')
    writeFileSync(file, 'A')
    const { fs } = flakyFs('EBUSY', 2)
    await writeFileAtomic(file, 'B', { fs, keepPrevious: true })
    expect(readFileSync(file, 'utf8')).toBe('B')
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('A')
  })

  it('gives up after a bounded number of retries: the old file stays, no temporary file is left', async () => {
    const file = join(dir, 'notes.json')
    writeFileSync(file, 'old')
    const { fs, calls } = flakyFs('EPERM', Number.POSITIVE_INFINITY)
    const started = Date.now()
    await expect(writeFileAtomic(file, 'new', { fs })).rejects.toMatchObject({ code: 'EPERM' })
    expect(calls).toHaveLength(RENAME_RETRIES + 1)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(readFileSync(file, 'utf8')).toBe('old')
    expect(leftovers()).toEqual([])
  })

  it('does not retry an error that will not pass (a missing folder is not transient)', async () => {
    const file = join(dir, 'x.json')
    const { fs, calls } = flakyFs('ENOSPC', 1)
    await expect(writeFileAtomic(file, 'new', { fs })).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(calls).toHaveLength(1)
    expect(existsSync(file)).toBe(false)
  })
})

describe('writeFileAtomicSync (saves made while quitting)', () => {
  it('retries transient failures the same way, then gives up with the old file intact', () => {
    const file = join(dir, 'window-state.json')
    writeFileSync(file, 'old')
    let left = 2
    const flaky = ((from: string, to: string) => {
      if (left-- > 0) throw errno('EBUSY')
      renameSync(from, to)
    }) as typeof renameSync
    writeFileAtomicSync(file, 'new', { rename: flaky })
    expect(readFileSync(file, 'utf8')).toBe('new')

    let tries = 0
    const refusing = (() => {
      tries++
      throw errno('EACCES')
    }) as typeof renameSync
    expect(() => writeFileAtomicSync(file, 'newer', { rename: refusing })).toThrow(/EACCES/)
    expect(tries).toBe(RENAME_RETRIES + 1)
    expect(readFileSync(file, 'utf8')).toBe('new')
    expect(leftovers()).toEqual([])
  })
})
