/**
 * Libraries whose UN Comtrade and CEPII BACI versions were imported before each source's own country
 * numbers were read (rules 1, commit 19dc847: tests/fixtures/library-rules-1), and the same library once
 * opened by rules 2 (commit a8934ec: tests/fixtures/library-rules-2), which kept those readings. Opened
 * with today's code, the stored raw keys are read again: BACI's 490 is Taiwan, Comtrade's 492 ("Europe
 * EU, nes") no longer Monaco, and Comtrade's own 490 stays "Other Asia, nes". Expected values come from
 * the imported files, read here with papaparse.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, describe, expect, it } from 'vitest'
import { openServices, type Services } from '../../../../electron/services'
import { IMPORT_RULES } from '../../../../electron/services/import/library'
import { dataDir, repo, seriesQuery } from './helpers'
import { filesOf } from '../../../support/libraryFiles'

const fixtures = join(repo, 'tests', 'fixtures')
const LIBRARIES = {
  'rules 1 (19dc847)': join(fixtures, 'library-rules-1', '19dc847'),
  'rules 2 (a8934ec)': join(fixtures, 'library-rules-2', 'a8934ec'),
}
const BACI = 'r-export-hs17-2021'
const COMTRADE_492 = 'comtrade-europe-eu-nes'
const COMTRADE_490 = 'plus-china-imports-by-partner-2022'

const opened: { services: Services; userDataDir: string }[] = []
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.services.close()
    rmSync(o.userDataDir, { recursive: true, force: true })
  }
})

function userDataWith(library: string): string {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cte-source-countries-'))
  cpSync(library, join(userDataDir, 'library'), { recursive: true })
  return userDataDir
}

async function open(userDataDir: string): Promise<Services> {
  const services = await openServices({ dataDir, userDataDir })
  opened.push({ services, userDataDir })
  return services
}

const manifestOf = (userDataDir: string) =>
  JSON.parse(readFileSync(join(userDataDir, 'library', 'library.json'), 'utf8')) as {
    datasets: { id: string; versions: Record<string, unknown>[] }[]
  }

const csv = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(fixtures, path), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data

/** Afghanistan's (4) exports to BACI's 490 in 2021, in US dollars (BACI gives thousands). */
function afghanExportsTo490(): number {
  const rows = csv('real/baci/r-export-hs17-2021.csv').filter((r) => r.i === '4' && r.j === '490')
  expect(rows.length).toBeGreaterThan(0)
  return rows.reduce((sum, r) => sum + Number(r.v) * 1000, 0)
}

const partnersOf = async (services: Services, dataset: string) =>
  (await services.explore.dimensions(dataset)).partners.map((p) => [p.code, p.label])

describe.each(Object.entries(LIBRARIES))('a library stored under %s', (_, library) => {
  it("names BACI's 490 Taiwan in the Explorer, with the file's values", async () => {
    const services = await open(userDataWith(library))
    const partners = await partnersOf(services, BACI)
    expect(partners).toContainEqual(['twn', 'Taiwan, Province of China'])
    expect(partners.map(([code]) => code)).not.toContain('s19')
    const series = await services.imports.series(
      seriesQuery(BACI, { reporter: 'afg', partner: 'twn', frequency: 'year' }),
    )
    expect(series.points.map((p) => p.period)).toEqual(['2021'])
    expect(series.points[0]!.value).toBeCloseTo(afghanExportsTo490(), 3)
    // Nothing is left under the name the earlier rules gave it.
    await expect(
      services.imports.series(seriesQuery(BACI, { reporter: 'afg', partner: 's19', frequency: 'year' })),
    ).rejects.toThrow()
  })

  it("no longer names Comtrade's 492 ('Europe EU, nes') Monaco; its other partners and the World stay", async () => {
    const services = await open(userDataWith(library))
    const rows = csv('library-rules-1/inputs/comtrade-europe-eu-nes.csv')
    expect(rows.find((r) => r['Partner Code'] === '492')?.Partner).toBe('Europe EU, nes')
    const partners = await partnersOf(services, COMTRADE_492)
    // France brings the EU bloc; Monaco would have brought none.
    expect(partners.map(([code]) => code)).toEqual(['world', 'eu', 'fra'])
    expect(partners.flat()).not.toContain('Monaco')
    const value = (partner: string) =>
      Number(rows.find((r) => r['Partner Code'] === partner)!['Trade Value (US$)'])
    for (const [partner, code] of [
      ['0', 'world'],
      ['251', 'fra'],
    ] as const) {
      const series = await services.imports.series(
        seriesQuery(COMTRADE_492, { partner: code, frequency: 'year' }),
      )
      expect(series.points.map((p) => [p.period, p.value])).toEqual([['2018', value(partner)]])
    }
    await expect(
      services.imports.series(seriesQuery(COMTRADE_492, { partner: 'mco', frequency: 'year' })),
    ).rejects.toThrow()
  })

  it("keeps Comtrade's own 490 as Comtrade names it, and leaves that dataset's files as they were", async () => {
    const userDataDir = userDataWith(library)
    const before = filesOf(join(userDataDir, 'library'))
    const services = await open(userDataDir)
    expect(await partnersOf(services, COMTRADE_490)).toContainEqual(['s19', 'Other Asia, n.e.s.'])
    const after = filesOf(join(userDataDir, 'library'))
    const ofDataset = (files: Map<string, Buffer>, id: string) =>
      [...files].filter(([path]) => path.startsWith(`${id}/`))
    // Rules 1 → 2 rewrote every summary (years to date); rules 2 → 3 touches only the datasets it mends.
    if (library.endsWith('a8934ec')) {
      expect(ofDataset(after, COMTRADE_490)).toEqual(ofDataset(before, COMTRADE_490))
      for (const id of [BACI, COMTRADE_492]) {
        expect(after.get(`${id}/v1/facts.parquet`)).toEqual(before.get(`${id}/v1/facts.parquet`))
        expect(after.get(`${id}/v1/dims.parquet`)).not.toEqual(before.get(`${id}/v1/dims.parquet`))
      }
    }
    const manifest = manifestOf(userDataDir)
    for (const d of manifest.datasets) expect(d.versions.map((v) => v.rules)).toEqual([IMPORT_RULES])
    expect(manifest.datasets.find((d) => d.id === BACI)!.versions[0]!.reporters).toEqual(['AFG', 'ZAF'])
    expect(services.imports.list().map((d) => [d.id, d.outdated])).toEqual([
      [BACI, []],
      [COMTRADE_490, []],
      [COMTRADE_492, []],
    ])
  })

  it('is done once: opening the mended library again changes no byte of it', async () => {
    const userDataDir = userDataWith(library)
    const services = await open(userDataDir)
    await partnersOf(services, BACI)
    await services.close()
    opened.splice(0)
    const first = filesOf(join(userDataDir, 'library'))
    const again = await open(userDataDir)
    expect(await partnersOf(again, BACI)).toContainEqual(['twn', 'Taiwan, Province of China'])
    const second = filesOf(join(userDataDir, 'library'))
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort())
    for (const [path, bytes] of first) expect(second.get(path)!.equals(bytes), path).toBe(true)
  })
})

describe('a version that cannot be brought up to date when the library is opened', () => {
  it('is said to be still as the earlier rules read its file, where the others are not', async () => {
    const userDataDir = userDataWith(LIBRARIES['rules 2 (a8934ec)'])
    // Cut short, as a failing disk leaves it: mending BACI's 490 reads these rows, and cannot.
    const facts = join(userDataDir, 'library', BACI, 'v1', 'facts.parquet')
    writeFileSync(facts, readFileSync(facts).subarray(0, 1000))
    const services = await open(userDataDir)
    const rules = (id: string) =>
      manifestOf(userDataDir).datasets.find((d) => d.id === id)!.versions[0]!.rules
    expect(rules(BACI)).toBe(2)
    expect(rules(COMTRADE_492)).toBe(IMPORT_RULES)
    expect(services.imports.list().map((d) => [d.id, d.outdated])).toEqual([
      [BACI, ['earlierRules']],
      [COMTRADE_490, []],
      [COMTRADE_492, []],
    ])
    // The Datasets page and the Explorer's notice read the catalog's summaries.
    expect(services.imports.summaries().map((d) => [d.id, d.imported?.outdated])).toEqual([
      [BACI, ['earlierRules']],
      [COMTRADE_490, []],
      [COMTRADE_492, []],
    ])
  })
})
