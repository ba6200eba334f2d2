/** The library's manifest is written atomically and survives crashes: leftovers go, a damaged manifest falls back to the previous one. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../../electron/services/atomicFile'
import { datasetSlug, openLibrary, type NewVersion } from '../../../../electron/services/import/library'

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cte-library-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const version: NewVersion = {
  sha256: 'a'.repeat(64),
  size: 10,
  mtimeMs: 1,
  importedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 5,
  rows: 3,
  from: '2024-01',
  to: '2024-02',
  frequencies: ['month'],
  flows: ['exports'],
  reporters: ['CHN'],
  units: ['USD'],
  totalProduct: 0,
  hasWorld: true,
  warnings: [],
  format: 'csv',
  encoding: 'utf-8',
  compression: 'none',
}
const dataset = {
  title: 'x.csv',
  fileName: 'x.csv',
  originalPath: '/data/x.csv',
  layout: 'comtrade-plus' as const,
  mapping: null,
}

async function stagedFolder(library: Awaited<ReturnType<typeof openLibrary>>, job: string) {
  const dir = await library.staging(job)
  writeFileSync(join(dir, 'data.parquet'), 'parquet')
  return dir
}

describe('library', () => {
  it('commits a staged folder as v1, then v2; keeps the previous manifest as .bak', async () => {
    const library = await openLibrary(root, new Set(['china-trade']))
    const first = await library.commit(await stagedFolder(library, 'job-1'), dataset, version)
    expect(first.id).toBe('x')
    const second = await library.commit(
      await stagedFolder(library, 'job-2'),
      { ...dataset, id: 'x' },
      { ...version, sha256: 'b'.repeat(64) },
    )
    expect(second.versions.map((v) => v.dir)).toEqual(['x/v1', 'x/v2'])
    expect(existsSync(join(root, 'x', 'v1', 'data.parquet'))).toBe(true)
    expect(
      JSON.parse(readFileSync(join(root, 'library.json.bak'), 'utf8')).datasets[0].versions,
    ).toHaveLength(1)
    expect(readdirSync(root).sort()).toEqual(['.staging', 'library.json', 'library.json.bak', 'x'])
  })

  it('ids never collide with bundled datasets or each other', async () => {
    const library = await openLibrary(root, new Set(['china-trade']))
    const a = await library.commit(
      await stagedFolder(library, 'j1'),
      { ...dataset, title: 'China Trade.csv', fileName: 'China Trade.csv' },
      version,
    )
    const b = await library.commit(
      await stagedFolder(library, 'j2'),
      { ...dataset, title: 'china trade.csv', fileName: 'china trade.csv', originalPath: '/other' },
      version,
    )
    expect([a.id, b.id]).toEqual(['china-trade-2', 'china-trade-3'])
    expect(datasetSlug('BACI_HS92_Y2021_V202301.csv.gz')).toBe('baci-hs92-y2021-v202301')
    expect(datasetSlug('出口.csv')).toBe('imported')
  })

  it('removes staging leftovers and version folders the manifest does not name; a damaged manifest falls back to .bak', async () => {
    let library = await openLibrary(root)
    await library.commit(await stagedFolder(library, 'j1'), dataset, version)
    await library.commit(await stagedFolder(library, 'j2'), { ...dataset, id: 'x' }, version)
    mkdirSync(join(root, '.staging', 'job-crashed'), { recursive: true })
    mkdirSync(join(root, 'x', 'v9'))
    mkdirSync(join(root, 'orphan', 'v1'), { recursive: true })
    writeFileSync(join(root, 'library.json'), '{"format": 1, "datasets": [')
    library = await openLibrary(root)
    expect(library.problems()).toEqual(['The library list was damaged; the previous copy was used.'])
    expect(library.get('x')?.versions).toHaveLength(1)
    expect(existsSync(join(root, '.staging'))).toBe(false)
    expect(existsSync(join(root, 'x', 'v9'))).toBe(false)
    expect(existsSync(join(root, 'x', 'v2'))).toBe(false)
    expect(existsSync(join(root, 'orphan'))).toBe(false)
  })

  it('a manifest write that fails (disk full) leaves the old manifest and takes the new folder away', async () => {
    const library = await openLibrary(root)
    await library.commit(await stagedFolder(library, 'j1'), dataset, version)
    const before = readFileSync(join(root, 'library.json'), 'utf8')
    const file = join(root, 'library.json')
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    // The same call the library makes, with a file system whose writes fail.
    await expect(
      writeFileAtomic(file, 'new', {
        fs: {
          open: (async (path: string, flags: string) => {
            const handle = await fsp.open(path, flags)
            return Object.assign(handle, { writeFile: async () => Promise.reject(full) })
          }) as typeof fsp.open,
          rename: fsp.rename,
          copyFile: fsp.copyFile,
          rm: fsp.rm,
        },
      }),
    ).rejects.toThrow('ENOSPC')
    expect(readFileSync(file, 'utf8')).toBe(before)
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})
