/**
 * Looking into a ZIP archive without unpacking it: inspecting reads each data file's first megabyte
 * and writes nothing; importing unpacks only the chosen files. On the real archive of the corpus and
 * on one with a large member; expected headers and bytes are read from the files by the test.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readMemberHead } from '../../../../electron/services/import/archive'
import { HEAD_BYTES } from '../../../../electron/services/import/sniff'
import { partsOf } from '../../../../electron/services/import/source'
import { repo, zipOf } from './helpers'

const real = (name: string) => join(repo, 'tests', 'fixtures', 'real', name)
const ARCHIVE = real('zip/comtrade-plus-two-downloads.zip')
let scratch: string

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cte-archive-'))
})
afterEach(() => rmSync(scratch, { recursive: true, force: true }))

describe('ZIP archives', () => {
  it('inspecting reads the members’ first rows and unpacks nothing', async () => {
    const file = readFileSync(real('comtrade/plus-algeria-exports-total.csv'), 'utf8')
    const parsed = Papa.parse<string[]>(file, { skipEmptyLines: true }).data
    const { parts, members } = await partsOf(ARCHIVE, 'a.zip', scratch, {}, undefined, 'inspect')
    expect(readdirSync(scratch)).toEqual([])
    expect(members?.chosen).toEqual(['TradeData_algeria_exports.csv', 'TradeData_algeria_imports.csv'])
    expect(parts.map((p) => p.path)).toEqual(['', ''])
    expect(parts[0]!.sniffed.header).toEqual(parsed[0])
    // Every data row, each with the trailing comma's empty field of a Comtrade Plus download.
    const width = parsed[0]!.length
    expect(parts[0]!.sniffed.sample.map((r) => r.slice(0, width))).toEqual(
      parsed.slice(1).map((r) => r.slice(0, width)),
    )
    expect(parts[0]!.sniffed.trailingField).toBe(true)
  })

  it('importing unpacks the chosen members only, byte for byte', async () => {
    const { parts } = await partsOf(ARCHIVE, 'a.zip', scratch, {}, undefined, 'import')
    expect(readdirSync(scratch).sort()).toEqual(['member-0.csv', 'member-1.csv'])
    expect(
      readFileSync(parts[0]!.path).equals(readFileSync(real('comtrade/plus-algeria-exports-total.csv'))),
    ).toBe(true)
    expect(
      readFileSync(parts[1]!.path).equals(readFileSync(real('comtrade/plus-world-imports-total.csv'))),
    ).toBe(true)
  })

  it('a large member is looked at from its first megabyte', async () => {
    // 8 MB of varied rows (they pack about 3:1, well under the ZIP-bomb ratio).
    let seed = 7
    const rows = ['period,partner,value']
    while (rows.length < 400_000) {
      seed = (seed * 48271) % 2147483647
      rows.push(`2024-${String((seed % 12) + 1).padStart(2, '0')},P${seed % 997},${seed}`)
    }
    const data = Buffer.from(`${rows.join('\n')}\n`)
    expect(data.length).toBeGreaterThan(8 * HEAD_BYTES)
    const path = join(scratch, 'big.zip')
    writeFileSync(path, zipOf([{ name: 'big.csv', data }]))

    const { head, complete } = await readMemberHead(path, 'big.csv', HEAD_BYTES)
    expect(complete).toBe(false)
    // (Buffer.equals: a deep comparison of a megabyte is slow.)
    expect(head.equals(data.subarray(0, HEAD_BYTES))).toBe(true)
    const small = await readMemberHead(ARCHIVE, 'TradeData_algeria_imports.csv', HEAD_BYTES)
    expect(small.complete).toBe(true)
    expect(small.head.equals(readFileSync(real('comtrade/plus-world-imports-total.csv')))).toBe(true)

    const work = join(scratch, 'work')
    mkdirSync(work)
    const { parts } = await partsOf(path, 'big.zip', work, {}, undefined, 'inspect')
    expect(readdirSync(work)).toEqual([])
    expect(parts[0]!.sniffed.header).toEqual(['period', 'partner', 'value'])
    expect(parts[0]!.size).toBe(data.length)
  })
})
