/**
 * A library version whose stored files were removed or damaged after its import (deleted by hand, cut
 * short by a disk error, overwritten by a sync tool): every chart call on it answers in plain words
 * naming the dataset — no path, no DuckDB wording — other datasets still answer, and importing the same
 * file again makes it whole. Real published files (tests/fixtures/real), through the handlers the page calls.
 */
import {
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
  closeSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../../electron/dispatch'
import { createHandlers, type Handlers } from '../../../../electron/handlers'
import { openServices, type Services } from '../../../../electron/services'
import type { Envelope } from '../../../../electron/shared/errors'
import { dataDir, LEAKS, repo } from './helpers'

const real = (path: string) => join(repo, 'tests', 'fixtures', 'real', path)
const BACI = real('baci/r-export-hs17-2021.csv')
const COMTRADE = real('comtrade/plus-china-imports-by-partner-2022.csv')

let userDataDir = ''
let services: Services
let handlers: Handlers
let baci = { id: '', title: '' }
let comtrade = ''

const call = (method: string, args: Record<string, unknown>): Promise<Envelope<unknown>> =>
  dispatch(handlers, method as never, args)

async function importFile(path: string) {
  const granted = await services.imports.grant(path, 'dialog')
  return services.imports.importFile(granted.fileId)
}

/** The folder of a dataset's latest version, as the manifest records it. */
function versionDir(id: string): string {
  const library = join(userDataDir, 'library')
  const manifest = JSON.parse(readFileSync(join(library, 'library.json'), 'utf8')) as {
    datasets: { id: string; versions: { dir: string }[] }[]
  }
  return join(library, manifest.datasets.find((d) => d.id === id)!.versions.at(-1)!.dir)
}

/** Every chart call the Explorer makes on an imported dataset: series, breakdowns, rankings, lists. */
const calls = (dataset: string): [string, Record<string, unknown>][] => [
  [
    'getSeries',
    {
      dataset,
      reporter: 'afg',
      flow: 'exports',
      partner: 'world',
      product: 'all',
      measure: 'level',
      frequency: 'year',
    },
  ],
  // A product's series against one partner reads the facts themselves.
  [
    'getSeries',
    {
      dataset,
      reporter: 'afg',
      flow: 'exports',
      partner: 'ago',
      product: 'hs38',
      measure: 'level',
      frequency: 'year',
    },
  ],
  ['getBreakdown', { dataset, reporter: 'afg', flow: 'exports', by: 'partner', top: 5 }],
  ['getBreakdown', { dataset, reporter: 'afg', flow: 'exports', by: 'product', top: 5 }],
  ['getRanking', { dataset, reporter: 'afg', by: 'product', top: 10 }],
  ['getRanking', { dataset, reporter: 'afg', by: 'partner', top: 10 }],
  ['getDimensions', { dataset }],
  ['listSeries', { dataset }],
]

async function answers(dataset: string): Promise<Envelope<unknown>[]> {
  const out: Envelope<unknown>[] = []
  for (const [method, args] of calls(dataset)) out.push(await call(method, args))
  return out
}

/** The other dataset's partner breakdown: it must answer whatever happened to BACI's files. */
const otherAnswers = () =>
  call('getBreakdown', { dataset: comtrade, reporter: 'china', flow: 'imports', by: 'partner', top: 5 })

let healthy: Envelope<unknown>[] = []

beforeAll(async () => {
  userDataDir = mkdtempSync(join(tmpdir(), 'cte-damaged-'))
  services = await openServices({ dataDir, userDataDir })
  handlers = createHandlers(services)
  const imported = (await importFile(BACI)).dataset!
  baci = { id: imported.id, title: imported.title }
  comtrade = (await importFile(COMTRADE)).dataset!.id
  healthy = await answers(baci.id)
})
afterAll(async () => {
  await services?.close()
  rmSync(userDataDir, { recursive: true, force: true })
})

/**
 * Each damage, and the first call (in `calls`) that reads the damaged file: calls before it read only
 * files still whole, and answer; from it on every call on the version is refused.
 */
const damages: [string, (dir: string) => void, number][] = [
  ['its summary file deleted', (dir) => rmSync(join(dir, 'summary.parquet')), 0],
  [
    'its facts file cut short',
    (dir) =>
      truncateSync(join(dir, 'facts.parquet'), Math.floor(statSync(join(dir, 'facts.parquet')).size / 2)),
    1,
  ],
  [
    'its facts file replaced with other bytes',
    (dir) => writeFileSync(join(dir, 'facts.parquet'), 'not a table\n'.repeat(500)),
    1,
  ],
  [
    // Both magic numbers still in place: only DuckDB's read finds the damage.
    'its by-product summary overwritten in the middle',
    (dir) => {
      const file = join(dir, 'products.parquet')
      const fd = openSync(file, 'r+')
      const size = statSync(file).size
      writeSync(fd, Buffer.alloc(size - 16, 0x5a), 0, size - 16, 8)
      closeSync(fd)
    },
    3,
  ],
]

const MESSAGE = () =>
  `The stored copy of dataset "${baci.title}" is missing or damaged (a file in the library was removed or changed). Import r-export-hs17-2021.csv again to rebuild it. Nothing else was changed.`

/** Each refusal is the plain one: the dataset named, no folder of this machine, no DuckDB wording. */
function expectRefused(answer: Envelope<unknown>): void {
  expect(answer.ok ? 'answered' : answer.error.code).toBe('DAMAGED')
  if (answer.ok) return
  expect(answer.error.message).toBe(MESSAGE())
  // The page words it in its own language by its message id; the dataset is named beside it.
  expect(answer.error.said?.id).toBe('datasetDamaged')
  expect(answer.error.dataset).toBe(baci.title)
  expect(answer.error.message).not.toMatch(LEAKS)
  expect(answer.error.message).not.toContain(userDataDir)
  expect(answer.error.message).not.toMatch(/parquet|IO Error|magic/i)
}

/** The answers again, the version's number aside (importing again makes version 2, 3, …). */
const withoutVersion = (answers: Envelope<unknown>[]) =>
  JSON.parse(
    JSON.stringify(answers).replace(/-v\d+"|version \d+\)|"\d+ \(imported/g, (m) => m.replace(/\d+/, 'N')),
  )

/** Importing the same file again makes a new version (not "unchanged"), and it answers as before. */
async function expectMendedByImport(): Promise<void> {
  const again = await importFile(BACI)
  expect(again.status).toBe('imported')
  expect(again.dataset!.id).toBe(baci.id)
  expect(withoutVersion(await answers(baci.id))).toEqual(withoutVersion(healthy))
  // And once whole, the same file is unchanged again.
  expect((await importFile(BACI)).status).toBe('unchanged')
}

describe('a damaged library version', () => {
  it('every call on the healthy dataset answers before any damage', () => {
    expect(healthy.map((a) => (a.ok ? 'ok' : a.error.message))).toEqual(calls(baci.id).map(() => 'ok'))
  })

  for (const [what, damage, firstReader] of damages) {
    it(`with ${what}: plain refusals naming the dataset, others answer, importing the file again mends it`, async () => {
      // The version was read before (its check is kept), as in an app that was open when the file went.
      expect((await call('listSeries', { dataset: baci.id })).ok).toBe(true)
      damage(versionDir(baci.id))

      const after = await answers(baci.id)
      expect(after.slice(0, firstReader).every((a) => a.ok)).toBe(true)
      for (const answer of after.slice(firstReader)) expectRefused(answer)
      expect((await otherAnswers()).ok).toBe(true)
      await expectMendedByImport()
    })
  }

  it('found damaged on first use after the app opens again, before any read fails', async () => {
    await services.close()
    const dir = versionDir(baci.id)
    truncateSync(join(dir, 'summary.parquet'), 100)
    services = await openServices({ dataDir, userDataDir })
    handlers = createHandlers(services)
    for (const answer of await answers(baci.id)) expectRefused(answer)
    expect((await otherAnswers()).ok).toBe(true)
    await expectMendedByImport()
  })
})
