/**
 * Guesses from a file's first and last rows (guesses.ts): a key with one value there is checked on every
 * row and kept once, not written on every row of facts.parquet; a row further down with another value
 * makes the import read the file again storing the key on every row. Real Comtrade Plus downloads
 * (tests/fixtures/real), their expected values read from the same bytes by papaparse.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { DuckDBInstance } from '@duckdb/node-api'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oneValuedKeys, rowsAcross, sampledPart } from '../../../../electron/services/import/guesses'
import { openJobDb, type JobDb } from '../../../../electron/services/import/jobDb'
import { recognise } from '../../../../electron/services/import/layouts'
import { sniffFile } from '../../../../electron/services/import/sniff'
import { relationOf, type StagedPart } from '../../../../electron/services/import/source'
import { MACROS } from '../../../../electron/services/import/sql'
import { openTestServices, repo, type TestServices } from './helpers'

const real = (name: string) => join(repo, 'tests', 'fixtures', 'real', 'comtrade', name)
const THAILAND = real('plus-thailand-hs8542-imports.csv')
const CHINA = real('plus-china-imports-by-partner-2022.csv')

const rowsOf = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path, 'latin1'), { header: true, skipEmptyLines: true })
    .data
const num = (cell: string | undefined) => Number(cell ?? '')

async function part(path: string): Promise<StagedPart> {
  const sniffed = await sniffFile(path, path)
  return { label: path, path, size: statSync(path).size, sniffed, staged: path, compression: 'none' }
}

let dir = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cte-guesses-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The file's lines and its own line ending, to write a changed copy the same way. */
function linesOf(path: string) {
  const text = readFileSync(path, 'latin1')
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  return { lines: text.split(eol), eol }
}

describe('rows across a file', () => {
  it('are complete rows of the file, in its order, down to its last row', async () => {
    const across = await rowsAcross(await part(THAILAND), 16 * 1024)
    const all = Papa.parse<string[]>(readFileSync(THAILAND, 'latin1'), { skipEmptyLines: true }).data
    const key = (r: readonly string[]) => r.slice(0, 44).join('|')
    const at = across.map((r) => all.findIndex((f) => key(f) === key(r)))
    expect(across.length).toBeGreaterThan(20)
    expect(at.every((i) => i > 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(at.at(-1)).toBe(all.length - 1)
    // From every eighth of the file, not only its end.
    expect(at[0]).toBeLessThan(all.length / 4)
  })

  it('are none where a piece starts inside a quoted field that runs across lines', async () => {
    const { lines, eol } = linesOf(THAILAND)
    // A description over three lines, a few rows from the end; the last piece starts inside it.
    const at = lines.length - 6
    lines[at] = lines[at]!.replace(/"Thailand"/, `"Thailand,${eol}its customs,${eol}as published"`)
    const path = join(dir, 'multiline.csv')
    writeFileSync(path, lines.join(eol), 'latin1')
    const size = statSync(path).size
    const inside = size - readFileSync(path, 'latin1').indexOf('its customs')
    const p = await part(path)
    expect(await rowsAcross(p, (inside + 2) * 8)).toEqual([])
    // The same pieces of the file as published are read.
    expect((await rowsAcross(await part(THAILAND), (inside + 2) * 8)).length).toBeGreaterThan(0)
  })

  it('are none for a compressed file, and for one the first rows already hold whole', async () => {
    const gz = join(dir, 'thailand.csv.gz')
    writeFileSync(gz, gzipSync(readFileSync(THAILAND)))
    expect(await rowsAcross({ ...(await part(THAILAND)), staged: gz, compression: 'gzip' }, 4096)).toEqual([])
    expect(await rowsAcross(await part(real('plus-china-usa-total-2013-2023.csv')))).toEqual([])
  })
})

describe('keys with one value in the sampled rows', () => {
  let db: JobDb
  beforeAll(async () => {
    db = await openJobDb({ tempDir: dir })
    for (const sql of MACROS) await db.run(sql)
  })
  afterAll(() => db.close())

  const guess = async (path: string) => {
    const p = await part(path)
    const plan = recognise(p.sniffed.header, p.sniffed.notes)!
    const rows = [...p.sniffed.sample, ...(await rowsAcross(p, 16 * 1024))]
    const sampled = await sampledPart(p, rows, join(dir, 'sampled.csv'))
    return oneValuedKeys(db, plan.facts, await relationOf(db, sampled, plan, p.sniffed.header))
  }

  it('Thailand’s imports from every partner: one reporter and one flow, many partners', async () => {
    expect(await guess(THAILAND)).toEqual({ reporter_k: 'THA', flow_k: 'M' })
  })

  it('China’s file, exports after imports and Germany after China: neither reporter nor flow', async () => {
    expect(await guess(CHINA)).toEqual({})
  })
})

describe('an import with guesses', () => {
  let t: TestServices
  beforeAll(async () => {
    t = await openTestServices()
    t.hooks.acrossBytes = () => 16 * 1024
  })
  afterAll(() => t.close())

  const storedColumns = async (dataset: string) => {
    const entry = t.services.imports.library.get(dataset)!
    const dir = t.services.imports.library.versionDir(entry, entry.versions.at(-1)!)
    const instance = await DuckDBInstance.create(':memory:')
    const connection = await instance.connect()
    try {
      const reader = await connection.runAndReadAll(
        `DESCRIBE SELECT * FROM read_parquet('${join(dir, 'facts.parquet').replace(/'/g, "''")}')`,
      )
      return reader.getRowObjectsJS().map((c) => c.column_name as string)
    } finally {
      connection.closeSync()
      instance.closeSync()
    }
  }
  const byPartner = (dataset: string, reporter: string, year: string) =>
    t.services.imports.breakdown({
      dataset,
      reporter,
      from: year,
      to: year,
      flow: 'imports',
      by: 'partner',
      top: 5,
      frequency: 'year',
    } as never)

  it('keeps one reporter and one flow once, and answers with the file’s numbers', async () => {
    const dataset = await t.imported(THAILAND)
    const version = JSON.parse(t.manifest()).datasets.find((d: { id: string }) => d.id === dataset.id)
      .versions[0]
    expect(version.constants).toMatchObject({ reporter_k: 'THA', flow_k: 'M' })
    expect(await storedColumns(dataset.id)).toEqual(['period_k', 'partner_k', 'product', 'value'])
    const rows = rowsOf(THAILAND).filter((r) => r.refYear === '2014' && r.cmdCode === '8542')
    const b = await byPartner(dataset.id, 'tha', '2014')
    expect(b.world).toBe(num(rows.find((r) => r.partnerCode === '0')!.primaryValue))
    const top = rows
      .filter((r) => r.partnerCode !== '0')
      .map((r): [string, number] => [r.partnerISO!, num(r.primaryValue)])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
    expect(b.rows.map((r) => [r.key, r.value])).toEqual(top)
  })

  it('where a row in the middle has another reporter, reads again and stores the reporter on every row', async () => {
    const { lines, eol } = linesOf(THAILAND)
    // A row past the first 200 (the sniffed sample) and between the pieces read across the file.
    const middle = 261
    expect(lines[middle]).toContain('"764","THA","Thailand"')
    lines[middle] = lines[middle]!.replace('"764","THA","Thailand"', '"704","VNM","Viet Nam"')
    const path = join(t.userDataDir, 'thailand-with-one-vietnam-row.csv')
    writeFileSync(path, lines.join(eol), 'latin1')
    const moved = rowsOf(path)[middle - 1]!
    expect(moved.reporterISO).toBe('VNM')
    const p = await part(path)
    const sampled = [...p.sniffed.sample, ...(await rowsAcross(p, 16 * 1024))]
    expect(sampled.length).toBeGreaterThan(220)
    expect(sampled.filter((r) => r[7] === 'VNM')).toEqual([])

    const dataset = await t.imported(path)
    const version = JSON.parse(t.manifest()).datasets.find((d: { id: string }) => d.id === dataset.id)
      .versions[0]
    expect(version.constants.reporter_k).toBeUndefined()
    expect(await storedColumns(dataset.id)).toContain('reporter_k')
    const vietnam = await byPartner(dataset.id, 'vnm', moved.refYear!)
    expect(vietnam.rows.map((r) => [r.key, r.value])).toEqual([[moved.partnerISO, num(moved.primaryValue)]])
  })
})
