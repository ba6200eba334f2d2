/**
 * The nesting-depth scan that runs before DuckDB's JSON reader (which crashes on a file nested tens of
 * thousands deep): brackets inside strings do not count, escapes are honoured across chunk boundaries,
 * gzip is read through, and the scan stops early.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import {
  checkJsonDepth,
  createDepthScanner,
  MAX_JSON_DEPTH,
} from '../../../../electron/services/import/jsonDepth'

const dir = mkdtempSync(join(tmpdir(), 'cte-depth-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
const depthOf = (text: string, chunk = 3) => {
  const scanner = createDepthScanner()
  const bytes = Buffer.from(text)
  for (let i = 0; i < bytes.length; i += chunk) scanner.feed(bytes.subarray(i, i + chunk))
  return scanner.depth
}

describe('createDepthScanner', () => {
  it('counts arrays and objects, not brackets inside strings or escaped quotes', () => {
    expect(depthOf('[]')).toBe(1)
    expect(depthOf('{"a":[{"b":[1,2]}]}')).toBe(4)
    expect(depthOf('{"a":"[[[[[{{{{"}')).toBe(1)
    expect(depthOf('{"a":"\\"[[[[","b":[1]}')).toBe(2)
    expect(depthOf('{"a":"\\\\","b":[[1]]}')).toBe(3)
    expect(depthOf('{"x":1}\n{"y":[[2]]}\n{"z":3}\n')).toBe(3)
    expect(depthOf('')).toBe(0)
  })

  it('gives the same answer whatever the chunk size', () => {
    const text = '{"data":[{"period":"2024-01","note":"a \\"quoted\\" [x]","v":[1,{"w":[]}]}]}'
    const expected = depthOf(text, text.length)
    for (const chunk of [1, 2, 5, 7, 64]) expect(depthOf(text, chunk)).toBe(expected)
    expect(expected).toBe(6)
  })
})

describe('checkJsonDepth', () => {
  const deep = '['.repeat(30_000) + ']'.repeat(30_000)

  it('refuses a 60 KB array nested 30,000 deep, in plain words', async () => {
    expect(Buffer.byteLength(deep)).toBe(60_000)
    await expect(checkJsonDepth(file('deep.json', deep), undefined)).rejects.toMatchObject({
      code: 'DATA_ERROR',
      message: `nests its data more than ${MAX_JSON_DEPTH} levels deep, which no table of statistics needs; it was not read further.`,
    })
  })

  it('refuses NDJSON with one deep line among ordinary ones, and gzip-compressed too', async () => {
    const ndjson = `{"a":1}\n{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}\n{"a":2}\n`
    await expect(checkJsonDepth(file('deep.ndjson', ndjson), undefined)).rejects.toMatchObject({
      code: 'DATA_ERROR',
    })
    await expect(
      checkJsonDepth(file('deep.json.gz', gzipSync(deep)), 'resource r (deep.json.gz)', { gzip: true }),
    ).rejects.toThrow(/^resource r \(deep\.json\.gz\) nests its data more than 100 levels deep/)
  })

  it('passes real files and anything up to the limit', async () => {
    const atLimit = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)
    await expect(checkJsonDepth(file('limit.json', atLimit), undefined)).resolves.toBeUndefined()
    await expect(checkJsonDepth(file('over.json', `[${atLimit}]`), undefined)).rejects.toMatchObject({
      code: 'DATA_ERROR',
    })
    for (const name of ['comtrade-plus-api.json', 'comtrade-plus.ndjson'])
      await expect(
        checkJsonDepth(join(__dirname, '../../../fixtures/import', name), undefined),
      ).resolves.toBeUndefined()
  })

  it('says so when a .gz file is not gzip', async () => {
    await expect(checkJsonDepth(file('fake.json.gz', '[1,2]'), '', { gzip: true })).rejects.toMatchObject({
      code: 'DATA_ERROR',
      message: 'could not be read as gzip-compressed JSON.',
    })
  })
})
