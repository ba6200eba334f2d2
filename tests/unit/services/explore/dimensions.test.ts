/**
 * The dimensions of a dataset (what the Explorer's controls offer) and the series of one product of an
 * imported file, through the real services over imported fixtures; expected values read off the files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../../electron/handlers'
import { dispatch } from '../../../../electron/dispatch'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readCsvTable } from '../../../../electron/shared/csv'
import { B, fixture, openTestServices, repo, type TestServices } from '../import/helpers'

let t: TestServices
let handlers: ReturnType<typeof createHandlers>

beforeAll(async () => {
  t = await openTestServices()
  handlers = createHandlers(t.services)
  await t.importPath(fixture('comtrade-plus-china-2024.csv'))
  await t.importPath(fixture('baci-hs17-2022.csv'))
  // A real World Bank download: its reporters include the World (WLD) and the United States (USA).
  await t.importPath(join(repo, 'tests/fixtures/real/wdi/API_NE.EXP.GNFS.CD_DS2_en_csv_v2_3025.zip'))
})
afterAll(() => t?.close())

const call = async (method: 'getDimensions' | 'getSeries', args: Record<string, unknown>) => {
  const envelope = await dispatch(handlers, method, args)
  if (!envelope.ok) throw new Error(envelope.error.message)
  return envelope.data as never
}

describe('getDimensions', () => {
  it('lists the bundled package’s own flows, partners and products, never a fixed list', async () => {
    const dims = await call('getDimensions', { dataset: 'china-trade' })
    const { flows, partners, products, frequencies, bundled, version, sha256 } = dims as {
      flows: { code: string }[]
      partners: { code: string }[]
      products: { code: string }[]
      frequencies: string[]
      bundled: boolean
      version: string
      sha256: string | null
    }
    expect(bundled).toBe(true)
    expect(sha256).toBeNull()
    expect(version).toBe(t.services.catalog.require('china-trade').version)
    const series = await t.services.query.listSeries('china-trade')
    const kept = series.filter((s) => !s.projection)
    expect(new Set(flows.map((f) => f.code))).toEqual(new Set(kept.map((s) => s.flow)))
    expect(new Set(partners.map((p) => p.code))).toEqual(new Set(kept.map((s) => s.partner)))
    expect(new Set(products.map((p) => p.code))).toEqual(new Set(kept.map((s) => s.product)))
    expect(frequencies).toContain('month')
  })

  it('lists an imported Comtrade file’s reporters, partners (with ISO-3 for the map), HS products and file hash', async () => {
    const dims = (await call('getDimensions', { dataset: 'comtrade-plus-china-2024' })) as {
      reporters: { code: string }[]
      flows: { code: string }[]
      partners: { code: string; label: string; iso3?: string; iso2?: string }[]
      products: { code: string; label: string; level?: number; parent?: string }[]
      frequencies: string[]
      measures: string[]
      units: string[]
      productLevels: number[]
      sha256: string
      fileName: string
      version: string
      bundled: boolean
    }
    const entry = t.services.imports.library.get('comtrade-plus-china-2024')!
    expect(dims.bundled).toBe(false)
    expect(dims.version).toMatch(/^1 \(imported \d{4}-\d\d-\d\d\)$/)
    expect(dims.sha256).toBe(entry.versions[0]!.sha256)
    expect(dims.fileName).toBe('comtrade-plus-china-2024.csv')
    expect(dims.reporters.map((r) => r.code)).toEqual(['china'])
    expect(dims.flows.map((f) => f.code).sort()).toEqual(['exports', 'imports'])
    // The file's partners: USA, Germany, Japan, Viet Nam and the World; blocs that have a member in it.
    const codes = dims.partners.map((p) => p.code)
    expect(codes[0]).toBe('world')
    expect(codes).toEqual(expect.arrayContaining(['us', 'deu', 'japan', 'vnm', 'eu', 'asean']))
    // ISO-2 too, which the page names in the reader's language (Germany → 德国 through CLDR).
    expect(dims.partners.find((p) => p.code === 'deu')).toMatchObject({
      label: 'Germany',
      iso3: 'DEU',
      iso2: 'DE',
    })
    expect(dims.partners.find((p) => p.code === 'vnm')).toMatchObject({ iso3: 'VNM', iso2: 'VN' })
    expect(dims.partners.find((p) => p.code === 'us')).toMatchObject({ iso3: 'USA' })
    expect(dims.partners.find((p) => p.code === 'eu')).not.toHaveProperty('iso2')
    // Chapters 84 and 85 (the file's product rows), under section XVI, labelled from the HS list.
    expect(dims.productLevels).toEqual([2])
    expect(dims.products.map((p) => p.code)).toEqual(['all', 'hs_s16', 'hs84', 'hs85'])
    expect(dims.products.find((p) => p.code === 'hs85')).toMatchObject({
      level: 2,
      parent: 'hs_s16',
      label: expect.stringMatching(/^HS 85 Electrical machinery and equipment/),
    })
    expect(dims.products.find((p) => p.code === 'hs_s16')!.label).toMatch(/^Section XVI: Machinery/)
    expect(dims.frequencies).toEqual(['month'])
    expect(dims.measures).toEqual(['level'])
  })

  it('names each reporter of an imported file as listSeries does (the World is `world`, the US `us`)', async () => {
    const wdi = t.services.imports.list().find((d) => d.fileName.startsWith('API_NE.EXP.GNFS.CD'))!
    const dims = (await call('getDimensions', { dataset: wdi.id })) as { reporters: { code: string }[] }
    const reporters = new Set(dims.reporters.map((r) => r.code))
    const listed = await t.services.imports.listSeries(wdi.id)
    expect(listed.map((s) => s.reporter)).toEqual(expect.arrayContaining(['world', 'us', 'china']))
    for (const s of listed) expect(reporters, `listSeries reporter ${s.reporter}`).toContain(s.reporter)
    expect(listed.find((s) => s.reporter === 'world')?.series).toBe(`${listed[0]!.flow}_world_world`)
  })

  it('refuses a dataset that does not exist, in plain words', async () => {
    const envelope = await dispatch(handlers, 'getDimensions', { dataset: 'no-such-thing' })
    expect(envelope.ok).toBe(false)
    if (!envelope.ok) expect(envelope.error.message).toMatch(/no dataset|no imported dataset/i)
  })
})

/**
 * The answer's size is fixed by the code lists, not by the file: the lists are distinct codes (HS
 * chapters and headings; partners the file names), so a 10-million-row file answers with the same lists
 * as one row per product and partner. The largest realistic file names every HS subheading and every
 * country and area: that is this one, 5 613 rows.
 */
describe('getDimensions of the largest realistic file', () => {
  const table = (name: string) => readCsvTable(readFileSync(join(repo, 'data', 'codes', name), 'utf8'))
  const subheadings = table('hs.csv')
    .map((r) => r.hscode!)
    .filter((c) => c.length === 6)
  const areas = [
    ...table('countries.csv').map((r) => r.iso3!),
    ...table('other-areas.csv').map((r) => r.code!),
  ].filter((c) => c !== 'WLD' && c !== 'CHN')

  it('every HS subheading with every country and area: about 1 350 products and 260 partners, under 300 KB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cte-dims-'))
    const file = join(dir, 'every-product-every-partner.csv')
    const rows = Array.from({ length: Math.max(subheadings.length, areas.length) }, (_, i) =>
      [
        2023,
        'CHN',
        areas[i % areas.length],
        i % 2 ? 'M' : 'X',
        subheadings[i % subheadings.length],
        i + 1,
      ].join(','),
    )
    writeFileSync(file, `year,reporter,partner,flow,product,value\n${rows.join('\n')}\n`)
    const imported = await t.importPath(file, {
      period: 0,
      reporter: 1,
      partner: 2,
      flow: 3,
      product: 4,
      values: [5],
      unitLabel: 'USD',
    })
    rmSync(dir, { recursive: true, force: true })
    const dims = (await call('getDimensions', { dataset: imported.dataset!.id })) as {
      partners: { code: string; iso3?: string }[]
      products: { code: string; level?: number }[]
    }
    // Expected from the code lists alone: every chapter and heading of the file's subheadings, each
    // section with a chapter among them; every partner, the World and each bloc with a member.
    const chapters = new Set(subheadings.map((c) => c.slice(0, 2)))
    const headings = new Set(subheadings.map((c) => c.slice(0, 4)))
    // (hs.csv files chapter 99, in no section, under TOTAL.)
    const sections = new Set(
      table('hs.csv')
        .filter((r) => chapters.has(r.hscode!) && r.section !== 'TOTAL')
        .map((r) => r.section!),
    )
    const blocs = new Set(
      table('blocs.csv')
        .filter((r) => areas.includes(r.iso3!))
        .map((r) => r.bloc!),
    )
    expect(dims.products.filter((p) => p.level === 2)).toHaveLength(chapters.size)
    expect(dims.products.filter((p) => p.level === 4)).toHaveLength(headings.size)
    expect(dims.products.filter((p) => p.level === 1)).toHaveLength(sections.size)
    expect(dims.products).toHaveLength(1 + sections.size + chapters.size + headings.size)
    expect(new Set(dims.partners.filter((p) => p.iso3 && p.iso3 !== 'WLD').map((p) => p.iso3))).toEqual(
      new Set(areas),
    )
    expect(dims.partners).toHaveLength(1 + blocs.size + areas.length)
    const bytes = Buffer.byteLength(JSON.stringify(dims))
    expect(dims.products.length).toBeLessThan(1_400)
    expect(dims.partners.length).toBeLessThan(350)
    expect(bytes).toBeLessThan(300_000)
    console.info(
      `getDimensions, every HS subheading × every partner: ${dims.products.length} products, ${dims.partners.length} partners, ${(bytes / 1000).toFixed(0)} KB`,
    )
  }, 120_000)
})

describe('getSeries of one product of an imported file', () => {
  it('reads a chapter against one partner from the file’s rows (China → USA, HS 85, January 2024)', async () => {
    const series = (await call('getSeries', {
      dataset: 'comtrade-plus-china-2024',
      flow: 'exports',
      partner: 'us',
      product: 'hs85',
    })) as { points: { period: string; value: number }[]; label: string; sources: { title: string }[] }
    expect(series.points).toEqual([expect.objectContaining({ period: '2024-01', value: 12 * B })])
    expect(series.label).toMatch(/China exports — United States — HS 85 Electrical machinery/)
    expect(series.sources[0]!.title).toMatch(
      /^comtrade-plus-china-2024\.csv \(imported \d{4}-\d\d-\d\d, version 1\)$/,
    )
  })

  it('sums a section from its chapters and a heading from its subheadings (BACI: 6 digits only)', async () => {
    // baci-hs17-2022.csv, China (156) → USA (842), thousand USD: 847130 = 5,000,000.25, 854231 = 999.5,
    // 010632 = 1,250.5. Heading 8471 is its one subheading; section XVI is chapters 84 and 85.
    const heading = (await call('getSeries', {
      dataset: 'baci-hs17-2022',
      flow: 'exports',
      partner: 'us',
      product: 'hs8471',
      frequency: 'year',
    })) as { points: { period: string; value: number }[] }
    expect(heading.points.map((p) => [p.period, p.value])).toEqual([
      ['2022', expect.closeTo(5_000_000_250, 3)],
    ])
    const section = (await call('getSeries', {
      dataset: 'baci-hs17-2022',
      flow: 'exports',
      partner: 'us',
      product: 'hs_s16',
      frequency: 'year',
    })) as { points: { period: string; value: number }[] }
    expect(section.points.map((p) => p.value)).toEqual([expect.closeTo((5_000_000.25 + 999.5) * 1000, 3)])
  })

  it('says which product is missing instead of drawing a zero', async () => {
    const envelope = await dispatch(handlers, 'getSeries', {
      dataset: 'comtrade-plus-china-2024',
      flow: 'exports',
      partner: 'us',
      product: 'hs8542',
    })
    expect(envelope.ok).toBe(false)
    if (!envelope.ok) {
      expect(envelope.error.code).toBe('NOT_FOUND')
      expect(envelope.error.message).toMatch(/no products at 4 digits/)
    }
  })
})
