import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createRecentFiles,
  isStorablePath,
  MAX_RECENT_FILES,
  normaliseRecentList,
} from '../../../electron/services/recentFiles'

let dir: string
let store: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cte-recent-'))
  store = path.join(dir, 'settings', 'recent-files.json')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const touch = (name: string) => {
  const p = path.join(dir, name)
  writeFileSync(p, 'x')
  return p
}

describe('recent files', () => {
  it('starts empty, adds newest first, moves a re-opened file to the top', async () => {
    const recent = createRecentFiles({ file: store })
    expect(await recent.list()).toEqual([])
    const [a, b] = [touch('a.csv'), touch('b.csv')]
    await recent.add(a)
    await recent.add(b)
    expect(await recent.add(a)).toEqual([a, b])
    expect(await recent.list()).toEqual([a, b])
    expect(JSON.parse(readFileSync(store, 'utf8'))).toEqual({ version: 1, files: [a, b] })
  })

  it(`keeps at most ${MAX_RECENT_FILES}`, async () => {
    const recent = createRecentFiles({ file: store })
    const files = Array.from({ length: 14 }, (_, i) => touch(`f${i}.csv`))
    for (const f of files) await recent.add(f)
    expect(await recent.list()).toEqual(files.slice(-MAX_RECENT_FILES).reverse())
  })

  it('drops files that no longer exist when read', async () => {
    const recent = createRecentFiles({ file: store })
    const [a, b] = [touch('a.csv'), touch('b.csv')]
    await recent.add(a)
    await recent.add(b)
    rmSync(a)
    expect(await recent.list()).toEqual([b])
  })

  it('de-duplicates case-insensitively on Windows and macOS, not on Linux', async () => {
    const exists = async () => true
    const win = createRecentFiles({ file: store, platform: 'win32', isFile: exists })
    await win.add('C:\\Data\\A.csv')
    expect(await win.add('c:\\data\\a.csv')).toEqual(['c:\\data\\a.csv'])
    const linux = createRecentFiles({ file: path.join(dir, 'l.json'), platform: 'linux', isFile: exists })
    await linux.add('/data/A.csv')
    expect(await linux.add('/data/a.csv')).toEqual(['/data/a.csv', '/data/A.csv'])
  })

  it('concurrent adds do not lose one another', async () => {
    const recent = createRecentFiles({ file: store })
    const files = Array.from({ length: 6 }, (_, i) => touch(`c${i}.csv`))
    await Promise.all(files.map((f) => recent.add(f)))
    expect([...(await recent.list())].sort()).toEqual([...files].sort())
  })

  it('refuses relative and odd paths', async () => {
    const recent = createRecentFiles({ file: store })
    for (const bad of ['a.csv', '../a.csv', '', '/a\u0000b.csv', `/${'x'.repeat(5000)}`])
      await expect(recent.add(bad)).rejects.toThrow()
  })

  it('removes and clears', async () => {
    const recent = createRecentFiles({ file: store })
    const [a, b] = [touch('a.csv'), touch('b.csv')]
    await recent.add(a)
    await recent.add(b)
    expect(await recent.remove(b)).toEqual([a])
    await recent.clear()
    expect(await recent.list()).toEqual([])
  })

  it('writes atomically: no temporary files left behind', async () => {
    const recent = createRecentFiles({ file: store })
    await recent.add(touch('a.csv'))
    expect(readdirSync(path.dirname(store))).toEqual(['recent-files.json'])
  })

  it.each([
    ['not JSON', '{"files": ['],
    ['empty', ''],
    ['null', 'null'],
    ['a number', '42'],
    ['files not an array', '{"files": "/etc/passwd"}'],
    ['wrong types', '{"files": [1, null, {"path": "/a"}, ["/b"], true]}'],
    [
      'prototype pollution',
      '{"__proto__": {"files": ["/x"]}, "constructor": {"prototype": {"polluted": true}}}',
    ],
    ['relative and control characters', '{"files": ["a.csv", "../../x.csv", "/ok\\u0000.csv"]}'],
  ])('tolerates hostile JSON on disk (%s)', async (_name, content) => {
    const recent = createRecentFiles({ file: store, isFile: async () => true })
    await recent.clear() // creates the folder
    writeFileSync(store, content)
    expect(await recent.list()).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // and recovers on the next write
    expect(await recent.add(path.join(dir, 'a.csv'))).toEqual([path.join(dir, 'a.csv')])
  })

  it('tolerates a huge file and a directory in place of the file', async () => {
    const recent = createRecentFiles({ file: store, isFile: async () => true })
    await recent.clear()
    writeFileSync(store, JSON.stringify({ files: Array.from({ length: 100_000 }, (_, i) => `/f${i}.csv`) }))
    expect(await recent.list()).toEqual([]) // over the size cap: ignored
    rmSync(store)
    const dirStore = createRecentFiles({ file: dir, isFile: async () => true })
    expect(await dirStore.list()).toEqual([])
    expect(existsSync(dir)).toBe(true)
  })

  it('normaliseRecentList accepts the bare-array format and caps the count', () => {
    expect(normaliseRecentList(['/a.csv', '/a.csv', '/b.csv'], 10, 'linux')).toEqual(['/a.csv', '/b.csv'])
    expect(
      normaliseRecentList({ files: Array.from({ length: 50 }, (_, i) => `/f${i}`) }, 10, 'linux'),
    ).toHaveLength(10)
  })

  it.each([
    ['/home/a.csv', true],
    ['C:\\Users\\a.csv', true],
    ['\\\\server\\share\\a.csv', true],
    ['a.csv', false],
    [42, false],
  ])('isStorablePath(%j) → %s', (p, ok) => expect(isStorablePath(p)).toBe(ok))
})
