/**
 * A library written by an earlier version of the app (tests/fixtures/library-rules-1, made by the
 * import rules of two earlier commits from a real WTO Stats file and a table CSV the Explorer wrote),
 * opened with today's code: what the stored rows allow is brought up to today's rules once, what they
 * do not is said, and importing the same file again mends it under the same dataset id.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, describe, expect, it } from 'vitest'
import { openServices, type Services } from '../../../../electron/services'
import { IMPORT_RULES } from '../../../../electron/services/import/library'
import { dataDir, repo, seriesQuery } from './helpers'

const fixtures = join(repo, 'tests', 'fixtures', 'library-rules-1')
const wtoFile = join(repo, 'tests', 'fixtures', 'real', 'wto', 'WtoData_algeria.csv')

const opened: { services: Services; userDataDir: string }[] = []
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.services.close()
    rmSync(o.userDataDir, { recursive: true, force: true })
  }
})

/** A user-data folder holding a copy of the fixture library made by commit `made`. */
function userDataWith(made: 'fbc3a99' | '1f43187'): string {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cte-old-library-'))
  cpSync(join(fixtures, made), join(userDataDir, 'library'), { recursive: true })
  return userDataDir
}

async function open(userDataDir: string): Promise<Services> {
  const services = await openServices({ dataDir, userDataDir })
  opened.push({ services, userDataDir })
  return services
}

async function reopen(services: Services, userDataDir: string): Promise<Services> {
  await services.close()
  opened.splice(
    opened.findIndex((o) => o.services === services),
    1,
  )
  return open(userDataDir)
}

const manifest = (userDataDir: string) =>
  JSON.parse(readFileSync(join(userDataDir, 'library', 'library.json'), 'utf8')) as {
    datasets: { id: string; versions: Record<string, unknown>[] }[]
  }
const versionOf = (userDataDir: string, id: string, n = 1) =>
  manifest(userDataDir)
    .datasets.find((d) => d.id === id)!
    .versions.find((v) => v.version === n)!

const series = (services: Services, dataset: string, q: Record<string, string>) =>
  services.imports.series(seriesQuery(dataset, q))
const points = async (services: Services, dataset: string, q: Record<string, string>) =>
  (await series(services, dataset, q)).points.map((p) => [p.period, p.value])

/** The WTO file's quarterly rows of one flow, read with papaparse: [2015-Q1, value in US dollars]. */
function wtoQuarters(flow: 'exports' | 'imports'): [string, number][] {
  const text = new TextDecoder('windows-1252').decode(readFileSync(wtoFile))
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
  return rows
    .filter((r) => r['Frequency Code'] === 'Q' && r.Indicator!.includes(`merchandise ${flow}`))
    .map((r): [string, number] => [`${r.Year}-${r['Period Code']}`, Number(r.Value) * 1e6])
    .sort(([a], [b]) => a.localeCompare(b))
}

describe('a library imported with the rules before year-to-date and WTO quarters were charted', () => {
  it('charts WTO quarters under the exports and imports flows, renamed from the stored rows', async () => {
    const userDataDir = userDataWith('fbc3a99')
    const before = versionOf(userDataDir, 'wtodata-algeria')
    expect(before.rules).toBeUndefined()
    expect(before.flows).toEqual(['exports', 'imports'])
    const services = await open(userDataDir)

    for (const flow of ['exports', 'imports'] as const) {
      const got = await points(services, 'wtodata-algeria', { reporter: 'dza', flow, frequency: 'quarter' })
      const want = wtoQuarters(flow)
      expect(want.length).toBe(44)
      expect(got.map(([p]) => p)).toEqual(want.map(([p]) => p))
      got.forEach(([, v], i) => expect(v).toBeCloseTo(want[i]![1], 2))
    }
    const listed = await services.imports.listSeries('wtodata-algeria')
    expect([...new Set(listed.map((s) => s.flow))].sort()).toEqual(['exports', 'imports'])
    expect((await services.explore.dimensions('wtodata-algeria')).frequencies).toEqual(['quarter', 'year'])

    const shown = services.imports.list().find((d) => d.id === 'wtodata-algeria')!
    expect(shown.frequencies).toEqual(['quarter', 'year'])
    expect(shown.outdated).toEqual([])
    const after = versionOf(userDataDir, 'wtodata-algeria')
    expect(after.rules).toBe(IMPORT_RULES)
    expect(after.warnings).toEqual([
      { kind: 'quartersKept', rows: 88, from: '2015-Q1', to: '2025-Q4', flows: ['exports', 'imports'] },
    ])
    // The by-product summary the earlier rules made (annual only) is made again, with the quarters.
    const products = await services.imports.productsFile('wtodata-algeria')
    expect(statSync(products).isFile()).toBe(true)
  })

  it('keeps a year to date at its own frequency, no longer as a month', async () => {
    const userDataDir = userDataWith('fbc3a99')
    const services = await open(userDataDir)
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(join(fixtures, 'inputs', 'china-exports-ytd-table.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data
    const want = rows.map((r) => [r.period, Number(r.value)])
    expect(want.every(([p]) => /^(\d{4})-01\.\.\1-(0[3-9]|1[0-2])$/.test(String(p)))).toBe(true)
    expect(await points(services, 'china-exports-ytd-table', { frequency: 'ytd' })).toEqual(want)
    await expect(points(services, 'china-exports-ytd-table', {})).rejects.toThrow(
      'This dataset has no monthly data.',
    )
    expect((await services.explore.dimensions('china-exports-ytd-table')).frequencies).toEqual(['ytd'])
    expect(services.imports.list().find((d) => d.id === 'china-exports-ytd-table')!.outdated).toEqual([])
  })

  it('says which dataset holds spans an import now refuses, and importing the file again says why', async () => {
    const userDataDir = userDataWith('fbc3a99')
    const services = await open(userDataDir)
    const summary = services.imports.summaries().find((d) => d.id === 'spring')!
    expect(summary.imported?.outdated).toEqual(['spans'])
    // Still charted as the earlier version did, until the file is imported again; nothing is dropped.
    expect(await points(services, 'spring', {})).toEqual([
      ['2024-02', 5],
      ['2024-03..2024-05', 16],
    ])
    const granted = await services.imports.grant(join(fixtures, 'inputs', 'spring.csv'), 'dialog')
    await expect(services.imports.importFile(granted.fileId)).rejects.toThrow(
      /line 3: column date: '2024-03\.\.2024-05' is several months added up/,
    )
    expect(versionOf(userDataDir, 'spring').outdated).toEqual(['spans'])
  })

  it('is done once: opening again changes nothing, and a start interrupted before the manifest does it again to the same result', async () => {
    const userDataDir = userDataWith('fbc3a99')
    let services = await open(userDataDir)
    const dir = join(userDataDir, 'library', 'wtodata-algeria', 'v1')
    const first = readFileSync(join(userDataDir, 'library', 'library.json'), 'utf8')
    const summary = readFileSync(join(dir, 'summary.parquet'))
    const dims = readFileSync(join(dir, 'dims.parquet'))
    services = await reopen(services, userDataDir)
    expect(readFileSync(join(userDataDir, 'library', 'library.json'), 'utf8')).toBe(first)
    expect(readFileSync(join(dir, 'summary.parquet')).equals(summary)).toBe(true)

    // The files were replaced but the manifest still names the earlier rules (a crash just before it).
    const m = JSON.parse(first) as { datasets: { versions: Record<string, unknown>[] }[] }
    for (const d of m.datasets) for (const v of d.versions) delete v.rules
    writeFileSync(join(userDataDir, 'library', 'library.json'), JSON.stringify(m))
    services = await reopen(services, userDataDir)
    expect(JSON.parse(readFileSync(join(userDataDir, 'library', 'library.json'), 'utf8'))).toEqual(
      JSON.parse(first),
    )
    expect(readFileSync(join(dir, 'dims.parquet')).equals(dims)).toBe(true)
    const q = await points(services, 'wtodata-algeria', { reporter: 'dza', frequency: 'quarter' })
    expect(q.length).toBe(44)
  })
})

describe('a library imported with the rules that read WTO quarters as their year', () => {
  it('says the quarters need the file, and importing the same file again mends them under the same dataset', async () => {
    const userDataDir = userDataWith('1f43187')
    const services = await open(userDataDir)
    const shown = services.imports.list().find((d) => d.id === 'wtodata-algeria')!
    expect(shown.outdated).toEqual(['quartersAsYears'])
    expect(services.imports.summaries()[0]!.imported?.outdated).toEqual(['quartersAsYears'])
    // The annual flows are as the file gives them; the quarters' sums stay under their own code.
    expect((await services.explore.dimensions('wtodata-algeria')).frequencies).toEqual(['year'])
    expect(versionOf(userDataDir, 'wtodata-algeria').flows).toEqual([
      'exports',
      'imports',
      'its_mtv_qm',
      'its_mtv_qx',
    ])

    // The same bytes, from wherever the file now is: a new version of the same dataset, not "unchanged".
    const granted = await services.imports.grant(wtoFile, 'dialog')
    const inspection = await services.imports.inspect(granted.fileId)
    expect(inspection.existing).toBeNull()
    const outcome = await services.imports.importFile(granted.fileId)
    expect(outcome.status).toBe('imported')
    expect(outcome.dataset!.id).toBe('wtodata-algeria')
    expect(outcome.dataset!.versions.map((v) => v.version)).toEqual([1, 2])
    expect(outcome.dataset!.outdated).toEqual([])
    expect(services.imports.list()).toHaveLength(1)
    const got = await points(services, 'wtodata-algeria', {
      reporter: 'dza',
      flow: 'imports',
      frequency: 'quarter',
    })
    const want = wtoQuarters('imports')
    expect(got.map(([p]) => p)).toEqual(want.map(([p]) => p))
    got.forEach(([, v], i) => expect(v).toBeCloseTo(want[i]![1], 2))

    // Imported again once more: now it is unchanged.
    const again = await services.imports.grant(wtoFile, 'dialog')
    expect((await services.imports.importFile(again.fileId)).status).toBe('unchanged')
  })
})
