/**
 * The real-file acceptance corpus (tests/fixtures/real, see its README for where each file comes from):
 * files exactly as public sources published them, imported through the import service the page calls,
 * checked against values this test reads from the same bytes on its own (papaparse and plain sums),
 * never against numbers copied from the app's output.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import readXlsxFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mapping } from '../../../../electron/shared/importApi'
import { guessMapping } from '../../../../electron/services/import/layouts'
import { sniffFile } from '../../../../electron/services/import/sniff'
import { countryOf } from '../../../../electron/services/import/codes'
import { LEAKS, openTestServices, repo, seriesQuery, type TestServices } from './helpers'
import { MONTHS } from '../../../support/realFiles'
import { zipCsvRows, zipMember } from '../../../support/zipMember'
import { createHandlers } from '../../../../electron/handlers'
import { dispatch } from '../../../../electron/dispatch'

const real = (name: string) => join(repo, 'tests', 'fixtures', 'real', name)

let t: TestServices
beforeAll(async () => {
  t = await openTestServices()
})
afterAll(() => t?.close())

/** Windows-1252 as its code page defines it (Node's TextDecoder reads 0x80–0x9F as control codes). */
function windows1252(bytes: Buffer): string {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
  return Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? high[b - 0x80] : String.fromCharCode(b))).join('')
}

interface ReadOptions {
  encoding?: string
  skipLines?: number
  delimiter?: string
}

/** The file's rows as objects, read by papaparse from the bytes decoded as the README says. */
function rowsOf(name: string, options: ReadOptions = {}) {
  return rowsOfBytes(readFileSync(real(name)), options)
}

function rowsOfBytes(bytes: Buffer, options: ReadOptions = {}) {
  let text = (
    options.encoding === 'windows-1252'
      ? windows1252(bytes)
      : new TextDecoder(options.encoding ?? 'utf-8').decode(bytes)
  ).replace(/^\uFEFF/, '')
  if (options.skipLines) text = text.split(/\r?\n/).slice(options.skipLines).join('\n')
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true,
    delimiter: options.delimiter ?? '',
  })
  return parsed.data
}

/**
 * A workbook's first sheet as rows of cell texts, read from its XML with the tests' ZIP reader (not the
 * app's workbook library): shared strings (`t="s"`) looked up, numbers as written, empty cells ''.
 */
function sheetCells(name: string): string[][] {
  const unescape = (t: string) =>
    t
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
  const strings = [
    ...zipMember(real(name), 'xl/sharedStrings.xml')
      .toString('utf8')
      .matchAll(/<si>(.*?)<\/si>/gs),
  ].map(([, si]) => unescape([...si!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map(([, t]) => t).join('')))
  const sheet = zipMember(real(name), 'xl/worksheets/sheet1.xml').toString('utf8')
  const column = (ref: string) =>
    [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
  // Rows with no cells are left out of the XML: each row goes to the line its r="…" names.
  const rows: string[][] = []
  for (const [, line, row] of sheet.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/gs)) {
    const cells: string[] = []
    for (const [, ref, attrs, v] of row!.matchAll(
      /<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(?:<v>(.*?)<\/v>)?<\/c>)/gs,
    ))
      cells[column(ref!)] = v === undefined ? '' : / t="s"/.test(attrs!) ? strings[Number(v)]! : v
    rows[Number(line) - 1] = Array.from(cells, (c) => c ?? '')
  }
  return Array.from(rows, (r) => r ?? [])
}

const num = (cell: string | undefined) => Number((cell ?? '').replace(/,/g, '').trim())

async function importReal(name: string, mapping?: (guess: Mapping) => Mapping) {
  const granted = await t.services.imports.grant(real(name), 'dialog')
  const inspection = await t.services.imports.inspect(granted.fileId)
  const chosen = mapping ? mapping(inspection.guess!) : undefined
  const outcome = await t.services.imports.importFile(granted.fileId, chosen)
  expect(outcome.status).toBe('imported')
  return { dataset: outcome.dataset!, inspection, warnings: outcome.warnings }
}

const yearly = (dataset: string, q: Record<string, string>) =>
  t.services.imports.series(seriesQuery(dataset, { frequency: 'year', ...q }))

const points = async (dataset: string, q: Record<string, string>): Promise<[string, number | null][]> =>
  (await yearly(dataset, q)).points.filter((p) => p.value !== null).map((p) => [p.period, p.value])

const closeTo = (actual: [string, number | null][], expected: (readonly [string, number])[]) => {
  expect(actual.map(([p]) => p)).toEqual(expected.map(([p]) => p))
  actual.forEach(([, v], i) => expect(v).toBeCloseTo(expected[i]![1], 2))
}

const breakdown = (dataset: string, q: Record<string, unknown>) =>
  t.services.imports.breakdown({ dataset, by: 'partner', top: 5, frequency: 'year', ...q } as never)

/** The five largest partners of a year, by this test's own reading of the rows. */
function topPartners(rows: { key: string; value: number }[], n = 5) {
  return [...rows].sort((a, b) => b.value - a.value).slice(0, n)
}

describe('UN Comtrade Plus CSV as downloaded (a trailing comma on every data row)', () => {
  it('Thailand imports of HS 8542 by partner, 2014 (Latin-1 bytes: Curaçao, Türkiye)', async () => {
    const rows = rowsOf('comtrade/plus-thailand-hs8542-imports.csv', { encoding: 'latin1' })
    const y2014 = rows.filter((r) => r.refYear === '2014' && r.cmdCode === '8542')
    const { dataset, inspection } = await importReal('comtrade/plus-thailand-hs8542-imports.csv')
    expect(inspection.layout?.id).toBe('comtrade-plus')
    expect(inspection.encoding).toBe('windows-1252')
    const b = await breakdown(dataset.id, { reporter: 'tha', flow: 'imports', from: '2014', to: '2014' })
    const expected = topPartners(
      y2014
        .filter((r) => r.partnerCode !== '0')
        .map((r) => ({ key: r.partnerISO!, value: num(r.primaryValue) })),
    )
    expect(b.rows.map((r) => [r.key, r.value])).toEqual(expected.map((r) => [r.key, r.value]))
    expect(b.world).toBe(num(y2014.find((r) => r.partnerCode === '0')!.primaryValue))
  })

  it('China imports by partner, 2022: every partner, with the World total (Côte d’Ivoire in Latin-1)', async () => {
    const rows = rowsOf('comtrade/plus-china-imports-by-partner-2022.csv', { encoding: 'latin1' })
    const { dataset } = await importReal('comtrade/plus-china-imports-by-partner-2022.csv')
    for (const flow of ['M', 'X'] as const) {
      const own = rows.filter((r) => r.flowCode === flow && r.cmdCode === 'TOTAL')
      const b = await breakdown(dataset.id, { reporter: 'chn', flow: flow === 'M' ? 'imports' : 'exports' })
      const expected = topPartners(
        // China's trade with itself (goods re-imported) is not one of its partners.
        own
          .filter((r) => r.partnerCode !== '0' && r.partnerISO !== 'CHN')
          .map((r) => ({ key: r.partnerISO!, value: num(r.primaryValue) })),
      )
      expect(b.rows.map((r) => [r.key, r.value])).toEqual(expected.map((r) => [r.key, r.value]))
      expect(b.world).toBe(num(own.find((r) => r.partnerCode === '0')?.primaryValue))
    }
    const civ = rows.find((r) => r.partnerISO === 'CIV' && r.flowCode === 'M')!
    expect(civ.partnerDesc).toBe('Côte d’Ivoire'.replace('’', "'"))
  })

  it('the same file with ISO cells left empty far below the sample: the codes are read there, the same partners', async () => {
    // The import reads only the ISO columns where every sampled row (the first 200) fills them; an empty
    // one further down makes it read again with the numeric codes, which name the same countries.
    const lines = readFileSync(real('comtrade/plus-china-imports-by-partner-2022.csv'), 'latin1').split(
      '\r\n',
    )
    const emptied = (line: string, field: number) =>
      line.replace(new RegExp(`^((?:"[^"]*",){${field}})"[^"]*"`), '$1')
    const at = lines.findIndex((l, i) => i > 400 && l.includes('"M","Import","392","JPN"'))
    const usa = lines.findIndex((l, i) => i > 300 && l.includes('"X","Export","842","USA"'))
    expect(at).toBeGreaterThan(400)
    expect(usa).toBeGreaterThan(300)
    lines[at] = emptied(lines[at]!, 12)
    lines[usa] = emptied(emptied(lines[usa]!, 12), 7)
    const copy = join(t.userDataDir, 'comtrade-plus-iso-emptied.csv')
    writeFileSync(copy, Buffer.from(lines.join('\r\n'), 'latin1'))
    const changed = rowsOfBytes(readFileSync(copy), { encoding: 'latin1' })
    expect(changed.filter((r) => r.partnerISO === '')).toHaveLength(2)
    expect(changed.filter((r) => r.reporterISO === '')).toHaveLength(1)

    const rows = rowsOf('comtrade/plus-china-imports-by-partner-2022.csv', { encoding: 'latin1' })
    // Imported as it is (or already, by the test before): the partners to compare with.
    const granted0 = await t.services.imports.grant(
      real('comtrade/plus-china-imports-by-partner-2022.csv'),
      'dialog',
    )
    const original = (await t.services.imports.importFile(granted0.fileId)).dataset!
    const granted = await t.services.imports.grant(copy, 'dialog')
    const outcome = await t.services.imports.importFile(granted.fileId)
    expect(outcome.status).toBe('imported')
    for (const [flow, partner] of [
      ['M', 'JPN'],
      ['X', 'USA'],
    ] as const) {
      const q = { reporter: 'chn', flow: flow === 'M' ? 'imports' : 'exports', top: 300 }
      const b = await breakdown(outcome.dataset!.id, q)
      const own = rows.filter(
        (r) =>
          r.reporterISO === 'CHN' && r.flowCode === flow && r.cmdCode === 'TOTAL' && r.partnerISO === partner,
      )
      expect(own.length).toBeGreaterThan(0)
      expect(b.rows.find((r) => r.key === partner)?.value).toBe(
        own.reduce((a, r) => a + num(r.primaryValue), 0),
      )
      expect(b.rows).toEqual((await breakdown(original.id, q)).rows)
    }
  })

  it('services by partner, 2022: the EBOPS 2010 totals (200 for China, S for Germany) are the totals', async () => {
    const rows = rowsOf('comtrade/plus-china-services-imports-2022.csv', { encoding: 'latin1' })
    const { dataset } = await importReal('comtrade/plus-china-services-imports-2022.csv')
    const china = rows.find((r) => r.reporterISO === 'CHN' && r.flowCode === 'M' && r.partnerCode === '0')!
    expect(china.cmdCode).toBe('200')
    expect((await breakdown(dataset.id, { reporter: 'chn', flow: 'imports' })).world).toBe(
      num(china.primaryValue),
    )
    const germany = rows.filter((r) => r.reporterISO === 'DEU' && r.flowCode === 'M' && r.cmdCode === 'S')
    const b = await breakdown(dataset.id, { reporter: 'deu', flow: 'imports', top: 50 })
    const usa = germany.find((r) => r.partnerISO === 'USA')!
    expect(b.rows.find((r) => r.key === 'USA')?.value).toBe(num(usa.primaryValue))
  })

  for (const [file, reporter, flow, code] of [
    ['comtrade/plus-algeria-exports-total.csv', 'dza', 'exports', 'X'],
    ['comtrade/plus-world-imports-total.csv', 'dza', 'imports', 'M'],
  ] as const) {
    it(`${file}: the yearly totals`, async () => {
      const rows = rowsOf(file).filter((r) => r.flowCode === code && r.partnerCode === '0')
      const { dataset } = await importReal(file)
      closeTo(
        await points(dataset.id, { reporter, flow }),
        rows.map((r) => [r.period!, num(r.primaryValue)] as const),
      )
    })
  }
})

describe('ITC Trade Map: a title block, the unit in it, years as columns', () => {
  it('importing markets for Algeria’s exports, 2013–2017, US Dollar thousand', async () => {
    const rows = rowsOf('trademap/importing-markets-algeria.csv', { skipLines: 13 })
    const { dataset, inspection } = await importReal('trademap/importing-markets-algeria.csv')
    expect(inspection.layout?.id).toBe('trade-map')
    expect(inspection.columns[0]).toBe('Importers')
    const b = await breakdown(dataset.id, { reporter: 'dza', flow: 'exports', from: '2017', to: '2017' })
    const value = (r: Record<string, string>) => num(r['Exported value in 2017']) * 1000
    expect(b.world).toBe(value(rows.find((r) => r.Importers!.trim() === 'World')!))
    expect(b.rows.map((r) => r.value)).toEqual(
      rows
        .filter((r) => r.Importers!.trim() !== 'World')
        .map(value)
        .sort((a, b) => b - a)
        .slice(0, 5),
    )
    expect(b.rows[0]!.key).toBe('ITA')
    expect(b.unit).toBe('USD')
  })
})

describe('WTO Stats bulk CSV (Windows-1252: an en dash as byte 0x96)', () => {
  it('Algeria’s merchandise imports, total, million US dollars into dollars', async () => {
    const rows = rowsOf('wto/WtoData_algeria.csv', { encoding: 'windows-1252' })
    const { dataset, inspection, warnings } = await importReal('wto/WtoData_algeria.csv')
    expect(inspection.encoding).toBe('windows-1252')
    // Besides the total (TO) the file gives SITC product groups with two-letter codes (AG, MI, MA…) that
    // overlap, so they do not add up to it; they are not HS chapters, so nothing is reported.
    const imports2018 = rows.filter((r) => r['Indicator Code'] === 'ITS_MTV_AM' && r.Year === '2018')
    const groups = imports2018.filter((r) => /^[A-Z]{2}$/.test(r['Product/Sector Code']!))
    const total = num(imports2018.find((r) => r['Product/Sector Code'] === 'TO')!.Value)
    expect(groups.length).toBeGreaterThan(1)
    expect(Math.abs(groups.reduce((a, r) => a + num(r.Value), 0) - total)).toBeGreaterThan(total * 0.001)
    // The quarterly rows (period codes Q1…Q4, "Total merchandise exports/imports - quarterly") are read
    // as quarters of the same two flows and kept so, never added up into years: the user is told they
    // are there, and they are listed at the quarterly frequency.
    const quarterly = rows.filter((r) => r['Frequency Code'] === 'Q')
    expect(new Set(quarterly.map((r) => r['Period Code']))).toEqual(new Set(['Q1', 'Q2', 'Q3', 'Q4']))
    const quarters = quarterly.map((r) => `${r.Year}-${r['Period Code']}`).sort()
    const flowOf = (r: Record<string, string>) => /merchandise (exports|imports)/.exec(r.Indicator!)![1]!
    expect(warnings).toEqual([
      {
        kind: 'quartersKept',
        rows: quarterly.length,
        from: quarters[0],
        to: quarters.at(-1),
        flows: [...new Set(quarterly.map(flowOf))].sort(),
      },
    ])
    const listed = await t.services.imports.listSeries(dataset.id)
    expect(listed.filter((s) => s.frequency === 'quarter').map((s) => [s.flow, s.observations])).toEqual(
      ['exports', 'imports'].map((f) => [f, quarterly.filter((r) => flowOf(r) === f).length]),
    )
    // Each quarter's value as the file prints it (million US dollars), in dollars; none is a year's sum.
    closeTo(
      await points(dataset.id, { reporter: 'dza', flow: 'imports', frequency: 'quarter' }),
      quarterly
        .filter((r) => flowOf(r) === 'imports')
        .map((r) => [`${r.Year}-${r['Period Code']}`, num(r.Value) * 1e6] as [string, number])
        .sort(([a], [b]) => a.localeCompare(b)),
    )
    // The dimensions offer the quarters, and a quarterly ranking spans the latest four quarters against
    // the same four a year before (the file names no partner but the World, so it ranks none).
    const handlers = createHandlers(t.services)
    const dims = await dispatch(handlers, 'getDimensions', { dataset: dataset.id })
    expect(dims.ok && (dims.data as { frequencies: string[] }).frequencies).toEqual(['quarter', 'year'])
    const ranked = await dispatch(handlers, 'getRanking', {
      dataset: dataset.id,
      reporter: 'dza',
      flow: 'imports',
      by: 'partner',
      frequency: 'quarter',
    })
    const distinct = [...new Set(quarters)]
    expect(ranked.ok && ranked.data).toMatchObject({
      frequency: 'quarter',
      from: distinct.at(-4),
      to: distinct.at(-1),
      previousFrom: distinct.at(-8),
      previousTo: distinct.at(-5),
      rows: [],
    })
    const own = rows.filter((r) => r['Indicator Code'] === 'ITS_MTV_AM' && r['Product/Sector Code'] === 'TO')
    expect(own[0]!.Indicator).toContain('–')
    closeTo(
      await points(dataset.id, { reporter: 'dza', flow: 'imports' }),
      own
        .map((r) => [r.Year!, num(r.Value) * 1e6] as [string, number])
        .sort(([a], [b]) => a.localeCompare(b)),
    )
  })
})

describe('World Bank WDI (four preamble lines, years as columns, a trailing comma)', () => {
  for (const [file, flow] of [
    ['wdi/API_SP.POP.TOTL_DS2_en_csv_v2_61.csv', 'sp_pop_totl'],
    ['wdi/API_NE.IMP.GNFS.ZS_DS2_en_csv_v2_192.csv', 'ne_imp_gnfs_zs'],
  ] as const) {
    it(`${file}: China's values by year`, async () => {
      const china = rowsOf(file, { skipLines: 4 }).find((r) => r['Country Code'] === 'CHN')!
      const { dataset } = await importReal(file)
      const expected = Object.entries(china)
        .filter(([k, v]) => /^\d{4}$/.test(k) && v !== '')
        .map(([k, v]) => [k, num(v)] as [string, number])
      closeTo(await points(dataset.id, { reporter: 'chn', flow }), expected)
    })
  }
})

describe('SDMX-CSV', () => {
  it('OECD reference series: GDP in USD with UNIT_MULT 6', async () => {
    const rows = rowsOf('oecd/gdp-refseries.csv').filter(
      (r) => r.REF_AREA === 'CHN' && r.UNIT_MEASURE === 'USD',
    )
    const { dataset, inspection } = await importReal('oecd/gdp-refseries.csv')
    expect(inspection.layout?.id).toBe('sdmx-csv')
    closeTo(
      await points(dataset.id, { reporter: 'chn', flow: 'b1gq_v' }),
      rows.map((r) => [r.TIME_PERIOD!, num(r.OBS_VALUE) * 10 ** num(r.UNIT_MULT)] as const),
    )
  })

  it('OECD house prices: one series per measure and adjustment', async () => {
    const rows = rowsOf('oecd/house-prices.csv').filter(
      (r) => r.REF_AREA === 'AUS' && r.MEASURE === 'HPI_RPI',
    )
    const { dataset } = await importReal('oecd/house-prices.csv')
    closeTo(
      await points(dataset.id, { reporter: 'aus', flow: 'hpi_rpi_s' }),
      rows
        .map((r) => [r.TIME_PERIOD!, num(r.OBS_VALUE)] as [string, number])
        .sort(([a], [b]) => a.localeCompare(b)),
    )
  })
})

describe('OECD SDMX-CSV with labels and no period column (the Better Life Index download)', () => {
  it('is refused in plain words, never given another column (STRUCTURE) as its period', async () => {
    const file = 'oecd/better-life-index.csv'
    const text = readFileSync(real(file), 'utf8')
    const header = text.split(/\r?\n/)[0]!.split(',')
    // The file as published: each code column followed by its label column, and no TIME_PERIOD.
    expect(header.slice(4, 8)).toEqual(['LOCATION', 'Country', 'INDICATOR', 'Indicator'])
    expect(header).toContain('OBS_VALUE')
    expect(header.filter((h) => /time|period|year|date/i.test(h))).toEqual(['Base reference period'])
    const granted = await t.services.imports.grant(real(file), 'dialog')
    const refusal = await t.services.imports.inspect(granted.fileId).catch((e: Error) => e.message)
    expect(refusal).toMatch(/^better-life-index\.csv: this file has no period column/)
    expect(refusal).not.toMatch(LEAKS)
    // Imported without looking first (a dropped file), it is refused in the same words.
    const outcome = await t.services.imports.importFile(granted.fileId).catch((e: Error) => e.message)
    expect(outcome).toMatch(/this file has no period column/)
    expect(outcome).not.toMatch(LEAKS)
  })
})

describe("IMF IMTS SDMX-CSV (the new data portal's API, csv 2.0.0)", () => {
  const file = 'imf/imts-nicaragua-world-monthly-1990-2026.zip'
  const member = 'imts-nicaragua-world-monthly-1990-2026.csv'
  it("Nicaragua's goods trade with the world by month, 1990–2026: OBS_VALUE in dollars as it stands (SCALE 6 is not a multiplier), the empty series row is no value", async () => {
    const rows = zipCsvRows(real(file), member)
    // The file as the API wrote it: SCALE 6 on every observation, and one series row (MG_FOB_USD) with
    // no country, period or value.
    expect(new Set(rows.filter((r) => r.TIME_PERIOD).map((r) => r.SCALE))).toEqual(new Set(['6']))
    const empty = rows.filter((r) => !r.TIME_PERIOD)
    expect(empty.map((r) => [r.INDICATOR, r.COUNTRY, r.OBS_VALUE])).toEqual([['MG_FOB_USD', '', '']])
    const { dataset, inspection } = await importReal(file)
    expect(inspection.layout?.id).toBe('imf-imts')
    expect(dataset.rows).toBe(rows.length - empty.length)
    expect(dataset.coverage).toEqual({ from: '1990-01', to: '2026-04' })
    for (const [indicator, flow] of [
      ['XG_FOB_USD', 'exports'],
      ['MG_CIF_USD', 'imports'],
      ['TBG_USD', 'balance'],
    ] as const) {
      const expected = rows
        .filter((r) => r.INDICATOR === indicator && r.COUNTERPART_COUNTRY === 'G001')
        .map((r) => [r.TIME_PERIOD!.replace('-M', '-'), num(r.OBS_VALUE)] as const)
      expect(expected).toHaveLength(436)
      closeTo(
        await points(dataset.id, { reporter: 'nic', flow, partner: 'world', frequency: 'month' }),
        expected,
      )
    }
    // April 2026 as the rows give it: exports of about 602 million dollars, not 602 million millions.
    const april = await points(dataset.id, {
      reporter: 'nic',
      flow: 'exports',
      partner: 'world',
      frequency: 'month',
    })
    expect(april.at(-1)).toEqual(['2026-04', 601982690])
  })
})

describe('Eurostat Comext SDMX-CSV (DS-045409: one row per indicator, flow 1/2, partner WORLD)', () => {
  it('Austria’s imports of CN 39201023 by partner in 2024 in euros (the World row is the world), its exports to China by month', async () => {
    const file = 'eurostat/comext-ds045409-cn39201023.csv'
    const rows = rowsOf(file).filter(
      (r) =>
        r.reporter === 'AT' &&
        r.flow === '1' &&
        r.indicators === 'VALUE_IN_EUROS' &&
        r.TIME_PERIOD!.startsWith('2024-'),
    )
    const { dataset, inspection } = await importReal(file)
    expect(inspection.layout?.id).toBe('eurostat-comext')
    expect(dataset.units).toEqual(['EUR'])
    const byPartner = new Map<string, number>()
    for (const r of rows) byPartner.set(r.partner!, (byPartner.get(r.partner!) ?? 0) + num(r.OBS_VALUE))
    const b = await breakdown(dataset.id, {
      reporter: 'aut',
      flow: 'imports',
      frequency: 'month',
      from: '2024-01',
      to: '2024-12',
      top: 3,
    })
    expect(b.world).toBeCloseTo(byPartner.get('WORLD')!, 2)
    byPartner.delete('WORLD')
    const expected = [...byPartner.values()].sort((a, z) => z - a).slice(0, 3)
    b.rows.forEach((r, i) => expect(r.value).toBeCloseTo(expected[i]!, 2))
    // The largest partner, by this test's reading of the rows: Italy (IT), shown by its ISO-3 code.
    expect([...byPartner].sort(([, a], [, z]) => z - a)[0]![0]).toBe('IT')
    expect(b.rows[0]!.key).toBe('ITA')
    // Exports to China (flow 2), month by month, from the same file.
    closeTo(
      await points(dataset.id, { reporter: 'aut', partner: 'chn', flow: 'exports', frequency: 'month' }),
      rowsOf(file)
        .filter(
          (r) =>
            r.reporter === 'AT' && r.partner === 'CN' && r.flow === '2' && r.indicators === 'VALUE_IN_EUROS',
        )
        .map((r) => [r.TIME_PERIOD!, num(r.OBS_VALUE)] as const),
    )
  })
})

describe('Eurostat databrowser SDMX-CSV with labels (codes in the header, labels in the cells)', () => {
  it('foreign direct investment intensity by reporter, 2013–2023: reporters by their names (Kosovo* too), confidential cells missing, the partner as named', async () => {
    const file = 'eurostat/estat_tec00107_filtered_en.csv'
    const rows = rowsOf(file)
    // The file as the databrowser wrote it: dimension codes in the header, their labels in the cells.
    expect(Object.keys(rows[0]!).slice(0, 8)).toEqual([
      'DATAFLOW',
      'LAST UPDATE',
      'freq',
      'entity',
      'indic_bp',
      'fdi_item',
      'partner',
      'geo',
    ])
    expect(new Set(rows.map((r) => r.freq))).toEqual(new Set(['Annual']))
    expect(new Set(rows.map((r) => r.partner))).toEqual(new Set(['Rest of the world']))
    const confidential = rows.filter((r) => r.CONF_STATUS === 'C')
    expect(confidential.length).toBeGreaterThan(0)
    expect(confidential.every((r) => r.OBS_VALUE === '')).toBe(true)
    const { dataset, inspection } = await importReal(file)
    expect(inspection.layout?.id).toBe('sdmx-csv')
    expect(dataset.rows).toBe(rows.length)
    // "Rest of the world" is not taken for a country: the World series is the sum of the partners the
    // file names (here that one), and says so.
    const envelope = await dispatch(createHandlers(t.services), 'getDimensions', { dataset: dataset.id })
    if (!envelope.ok) throw new Error(envelope.error.message)
    const dims = envelope.data as { partners: { code: string }[] }
    expect(dims.partners.map((p) => p.code)).toEqual(['world'])
    const austria = await yearly(dataset.id, { reporter: 'aut', flow: dataset.flows[0]! })
    expect(austria.points[0]).toMatchObject({
      status: 'computed',
      note: 'computed: sum of the 1 partner the file names (the file gives no World total)',
    })
    for (const [name, reporter] of [
      ['Austria', 'aut'],
      ['Kosovo*', 'xkx'],
      ['Cyprus', 'cyp'],
    ] as const) {
      const expected = rows
        .filter((r) => r.geo === name && r.OBS_VALUE !== '')
        .map((r) => [r.TIME_PERIOD!, num(r.OBS_VALUE)] as const)
      expect(expected.length).toBeGreaterThan(0)
      closeTo(await points(dataset.id, { reporter, flow: dataset.flows[0]! }), expected)
    }
  })
})

describe('Eurostat wide table (geo\\TIME_PERIOD, years as columns, NaN for no value)', () => {
  it('housing cost overburden rate, Austria, cities', async () => {
    const row = rowsOf('eurostat/housing-overburden-rate.csv').find(
      (r) => r['geo\\TIME_PERIOD'] === 'AT' && r.deg_urb === 'DEG1',
    )!
    const { dataset } = await importReal('eurostat/housing-overburden-rate.csv')
    const expected = Object.entries(row)
      .filter(([k, v]) => /^\d{4}$/.test(k) && v !== 'NaN')
      .map(([k, v]) => [k, num(v)] as [string, number])
    closeTo(await points(dataset.id, { reporter: 'aut', flow: 'pc_deg1' }), expected)
  })
})

describe('CEPII BACI', () => {
  it('an R re-export of BACI HS92 2021, release 202301 (quoted header, quoted padded q, codes as numbers): South Africa’s exports', async () => {
    const rows = rowsOf('baci/r-export-hs17-2021.csv').filter((r) => r.i === '710')
    const { dataset } = await importReal('baci/r-export-hs17-2021.csv')
    const byPartner = new Map<string, number>()
    for (const r of rows) byPartner.set(r.j!, (byPartner.get(r.j!) ?? 0) + num(r.v) * 1000)
    const b = await breakdown(dataset.id, { reporter: 'zaf', flow: 'exports', top: 3 })
    const expected = [...byPartner.values()].sort((a, b) => b - a).slice(0, 3)
    b.rows.forEach((r, i) => expect(r.value).toBeCloseTo(expected[i]!, 3))
    expect(b.total).toBeCloseTo(
      [...byPartner.values()].reduce((a, b) => a + b, 0),
      2,
    )
  })
})

describe('CEPII BACI as CEPII writes it, in a cut of its release ZIP', () => {
  it('BACI_HS92_Y2021_V202301.csv beside the release’s country codes: the year is read (padded values, codes with a leading 0), the code list is not', async () => {
    const file = 'zip/baci-hs92-v202301-2021-cut.zip'
    const year = 'BACI_HS92_Y2021_V202301.csv'
    const rows = zipCsvRows(real(file), year)
    // The release's own list gives each number its ISO alpha-3 code.
    const iso3 = new Map(
      zipCsvRows(real(file), 'country_codes_V202301.csv').map((r) => [r.country_code!, r.iso_3digit_alpha!]),
    )
    const { dataset, inspection } = await importReal(file)
    expect(inspection.format).toBe('zip')
    expect(inspection.layout?.id).toBe('baci')
    expect(inspection.members).toEqual({ names: [year, 'country_codes_V202301.csv'], chosen: [year] })

    // Afghanistan's (4) exports, values in thousands of US dollars padded with spaces.
    expect(rows[0]!.v).toBe('      52.051')
    const afghanistan = rows.filter((r) => r.i === '4')
    expect(afghanistan).toHaveLength(rows.length)
    const sums = (key: (r: Record<string, string>) => string) => {
      const m = new Map<string, number>()
      for (const r of afghanistan) m.set(key(r), (m.get(key(r)) ?? 0) + num(r.v) * 1000)
      return topPartners(
        [...m].map(([k, value]) => ({ key: k, value })),
        m.size,
      )
    }
    const partners = sums((r) => iso3.get(r.j!)!)
    const byPartner = await breakdown(dataset.id, { reporter: 'afg', flow: 'exports', top: 20 })
    expect(byPartner.rows.map((r) => r.key)).toEqual(partners.map((p) => p.key))
    byPartner.rows.forEach((r, i) => expect(r.value).toBeCloseTo(partners[i]!.value, 3))
    expect(byPartner.other.count).toBe(0)

    // Products keep the leading 0 BACI writes (080620, raisins, is second).
    const products = sums((r) => r.k!).slice(0, 3)
    expect(products.map((p) => p.key)).toContain('080620')
    const byProduct = await breakdown(dataset.id, { reporter: 'afg', flow: 'exports', by: 'product', top: 3 })
    expect(byProduct.rows.map((r) => r.key)).toEqual(products.map((p) => p.key))
    byProduct.rows.forEach((r, i) => expect(r.value).toBeCloseTo(products[i]!.value, 3))

    // The year comes from the t column; BACI gives no World row, so the total is the partners' sum.
    const total = partners.reduce((a, p) => a + p.value, 0)
    closeTo(await points(dataset.id, { reporter: 'afg' }), [['2021', total]])
  })
})

describe('National sources, through the column mapping the page offers', () => {
  it('US Census: trade in goods with China, months as "January 2001", semicolons, thousands commas', async () => {
    const rows = rowsOf('census/usa-china-trade-data.csv', { delimiter: ';' })
    const { dataset, inspection } = await importReal('census/usa-china-trade-data.csv', (g) => ({
      ...g,
      reporterCode: 'USA',
    }))
    expect(inspection.guess?.period).toBe(0)
    const months = rows.slice(0, 12)
    const s = await t.services.imports.series(seriesQuery(dataset.id, { reporter: 'usa' }))
    expect(s.points.slice(0, 12).map((p) => p.value)).toEqual(months.map((r) => num(r.Exports)))
    expect(s.points[0]!.period).toBe('2001-01')
  })

  it('Japan Ministry of Finance customs: months as 2001/01', async () => {
    const rows = rowsOf('customs/japan-china-trade-data.csv', { delimiter: ';' })
    const { dataset } = await importReal('customs/japan-china-trade-data.csv', (g) => ({
      ...g,
      reporterCode: 'JPN',
    }))
    closeTo(
      await points(dataset.id, { reporter: 'jpn', flow: 'imports', frequency: 'month' }),
      rows.map((r) => [r.Date!.replace('/', '-'), num(r.Imports)] as const),
    )
  })

  it('Korea (KOSIS): months as "2001.01", the partner named in a column', async () => {
    const rows = rowsOf('customs/korea-china-trade-data.csv')
    const { dataset } = await importReal('customs/korea-china-trade-data.csv', (g) => ({
      ...g,
      reporter: null,
      partner: 0,
      reporterCode: 'KOR',
    }))
    const b = await breakdown(dataset.id, {
      reporter: 'kor',
      flow: 'exports',
      frequency: 'month',
      from: '2019-01',
      to: '2019-12',
    })
    const total = rows.filter((r) => r.Date!.startsWith('2019.')).reduce((a, r) => a + num(r.Exports), 0)
    expect(b.total).toBe(total)
    // "China, peoples' republic of" (the file's spelling, apostrophe after the s) is China: the one
    // partner, never left unmatched and summed into a World.
    expect(b.rows.map((r: { key: string }) => r.key)).toEqual(['CHN'])
  })
})

describe('China Customs query download (GBK bytes, Chinese headers)', () => {
  it('soybean imports by partner, 2024: GBK read as such, partners by their Chinese names (its own 410 is Brazil, not Korea), yuan with thousands commas', async () => {
    const file = 'customs/china-customs-soybean-imports-2024.csv'
    const bytes = readFileSync(real(file))
    // Not UTF-8: the bytes are GBK, as the customs' site writes them.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const rows = rowsOfBytes(bytes, { encoding: 'gbk' })
    expect(Object.keys(rows[0]!).slice(0, 3)).toEqual(['数据年月', '贸易伙伴编码', '贸易伙伴名称'])
    const { dataset, inspection } = await importReal(file, (guess) => guess)
    expect(inspection.encoding).toBe('gb18030')
    // The dialog's guess: the partner's name (not the customs' own partner number), the yuan column
    // as the value and its unit, the HS code as the product.
    expect(inspection.guess).toMatchObject({
      period: 0,
      partner: 2,
      product: 3,
      values: [9],
      unitLabel: 'CNY',
    })
    expect(dataset.units).toEqual(['CNY'])
    const byName = new Map<string, number>()
    for (const r of rows)
      byName.set(r['贸易伙伴名称']!, (byName.get(r['贸易伙伴名称']!) ?? 0) + num(r['人民币']))
    // The customs' own partner numbers: 410 is Brazil there (Korea in UN M49), 502 the United States.
    expect(new Set(rows.map((r) => `${r['贸易伙伴编码']} ${r['贸易伙伴名称']}`))).toEqual(
      new Set(['410 巴西', '502 美国', '402 阿根廷']),
    )
    const iso: Record<string, string> = { 巴西: 'BRA', 美国: 'USA', 阿根廷: 'ARG' }
    const b = await breakdown(dataset.id, {
      reporter: 'china',
      flow: dataset.flows[0]!,
      frequency: 'month',
      from: '2024-01',
      to: '2024-12',
    })
    expect(b.rows.map((r) => [r.key, r.value])).toEqual(
      [...byName].sort((a, z) => z[1] - a[1]).map(([name, value]) => [iso[name], value]),
    )
    expect(b.unit).toBe('CNY')
  })

  it('its three number columns mapped as values are three flows, each with its own sum (never one flow named from Chinese headers)', async () => {
    const copy = join(t.userDataDir, 'china-customs-copy.csv')
    copyFileSync(real('customs/china-customs-soybean-imports-2024.csv'), copy)
    const rows = rowsOfBytes(readFileSync(copy), { encoding: 'gbk' })
    const granted = await t.services.imports.grant(copy, 'dialog')
    const inspection = await t.services.imports.inspect(granted.fileId)
    const outcome = await t.services.imports.importFile(granted.fileId, {
      ...inspection.guess!,
      values: [5, 7, 9],
      unitLabel: '',
    })
    const flows = outcome.dataset!.flows
    expect(flows).toHaveLength(3)
    const totals = await Promise.all(
      flows.map(
        async (flow) =>
          (
            await breakdown(outcome.dataset!.id, {
              reporter: 'china',
              flow,
              frequency: 'month',
              from: '2024-01',
              to: '2024-12',
            })
          ).total,
      ),
    )
    const sum = (column: string) => rows.reduce((a, r) => a + num(r[column]), 0)
    expect(totals.sort((a, z) => a - z)).toEqual(
      [sum('第二数量'), sum('第一数量'), sum('人民币')].sort((a, z) => a - z),
    )
  })
})

describe('Taiwan customs trade statistics (Ministry of Finance query download, traditional Chinese headers)', () => {
  const file = 'taiwan/mof-customs-exports-hs8542-2013-2025.csv'
  it('years of the Republic (102年 is 2013) read, US dollars in thousands, exports by CCC code; the year-to-date rows refused in plain words', async () => {
    const text = readFileSync(real(file), 'utf8')
    const lines = text.split('\n')
    expect(lines[0]).toBe('進出口別,日期,貨品號列,中文貨名,英文貨名,美元(千元)')
    // As published, its last rows are January–July 2025 summed (preliminary): one figure for seven
    // months, which the app does not chart as a month. The refusal names the first such line.
    const first = lines.findIndex((l) => l.includes('114年1月~114年7月')) + 1
    const granted = await t.services.imports.grant(real(file), 'dialog')
    const inspection = await t.services.imports.inspect(granted.fileId)
    expect(inspection.guess).toMatchObject({
      period: 1,
      product: 2,
      flow: 0,
      values: [5],
      unitLabel: 'USD thousand',
    })
    // The file has no reporter column: the user names Taiwan in the mapping.
    const mapping = { ...inspection.guess!, reporterCode: 'TWN' }
    const refusal = await t.services.imports
      .importFile(granted.fileId, mapping)
      .catch((e: Error) => e.message)
    expect(refusal).toContain(`line ${first}: column 日期: "114年1月~114年7月(初步值)" sums several months`)
    expect(refusal).not.toMatch(LEAKS)

    // The same bytes without those rows: every year read, values in dollars.
    const copy = join(t.userDataDir, 'taiwan-customs-without-year-to-date.csv')
    writeFileSync(copy, lines.filter((l) => !l.includes('~')).join('\n'))
    const again = await t.services.imports.grant(copy, 'dialog')
    const outcome = await t.services.imports.importFile(again.fileId, mapping)
    expect(outcome.status).toBe('imported')
    const rows = rowsOf(file).filter((r) => !r['日期']!.includes('~'))
    expect(outcome.dataset!.coverage).toEqual({ from: '2013', to: '2024' })
    expect(outcome.dataset!.flows).toEqual(['exports'])
    expect(new Set(rows.map((r) => r['進出口別']))).toEqual(new Set(['出口總值(含復出口)']))
    const byCode = new Map<string, number>()
    for (const r of rows)
      byCode.set(r['貨品號列']!, (byCode.get(r['貨品號列']!) ?? 0) + num(r['美元(千元)']) * 1000)
    const products = await t.services.imports.breakdown({
      dataset: outcome.dataset!.id,
      reporter: 'twn',
      flow: 'exports',
      by: 'product',
      top: 3,
      frequency: 'year',
    } as never)
    const top = topPartners(
      [...byCode].map(([key, value]) => ({ key, value })),
      3,
    )
    expect(products.rows.map((r) => r.key)).toEqual(top.map((r) => r.key))
    products.rows.forEach((r, i) => expect(r.value).toBeCloseTo(top[i]!.value, 0))
    // 2013 is 民國102年.
    expect(rows[0]!['日期']).toBe('102年')
  })
})

describe('A Big5 table (Taiwan Stock Exchange monthly market summary, as downloaded)', () => {
  it('Big5 bytes are read as Big5: the header in traditional characters; the notes under the table are refused in plain words', async () => {
    const file = 'twse/FMTQIK-2017-09.csv'
    const bytes = readFileSync(real(file))
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const text = new TextDecoder('big5', { fatal: true }).decode(bytes)
    const lines = text.split(/\r?\n/)
    expect(lines[0]).toBe('"106年09月市場成交資訊"')
    const granted = await t.services.imports.grant(real(file), 'dialog')
    const inspection = await t.services.imports.inspect(granted.fileId)
    expect(inspection.encoding).toBe('big5')
    // The title line is skipped; the header is the table's own, decoded as Big5.
    expect(inspection.columns.filter(Boolean)).toEqual(
      Papa.parse<string[]>(lines[1]!).data[0]!.filter(Boolean),
    )
    // Under the table TWSE writes notes ("說明:"), one value to a line: refused with the line.
    const notes = lines.findIndex((l) => l.startsWith('"說明:"')) + 1
    const refusal = await t.services.imports
      .importFile(granted.fileId, inspection.guess!)
      .then(() => 'imported')
      .catch((e: Error) => e.message)
    expect(refusal).toBe(
      `FMTQIK-2017-09.csv: line ${notes}: the row has 1 values but the header row names 7 columns. Rows must all have the same number of values.`,
    )
    expect(refusal).not.toMatch(LEAKS)
  })
})

describe('A Frictionless data package', () => {
  it('datahub’s GDP package (World Bank data): China by year', async () => {
    const rows = rowsOf('datapackage/data/gdp.csv').filter((r) => r['Country Code'] === 'CHN')
    const { dataset } = await importReal('datapackage/datapackage.json', (g) => g)
    closeTo(
      await points(dataset.id, { reporter: 'chn', flow: 'value' }),
      rows.map((r) => [r.Year!, num(r.Value)] as const),
    )
  })
})

describe('Excel workbooks', () => {
  it('IMF Direction of Trade workbook: the Exports sheet by default, months as columns; the Imports sheet on request', async () => {
    const book = await readXlsxFile(real('imf/Exports_and_Imports_by_Areas_and_Countries.xlsx'))
    const sheet = (name: string, country = 'Australia') => {
      const [head, ...body] = book.find((s) => s.sheet === name)!.data
      const row = body.find((r) => r[0] === country)!
      return head!
        .slice(1)
        .map((h, i) => [String(h).replace('M', '-'), row[i + 1]] as const)
        .filter(([, v]) => v !== null && v !== '')
        .map(([p, v]) => [p, Number(v)] as const)
    }
    const { dataset, inspection } = await importReal('imf/Exports_and_Imports_by_Areas_and_Countries.xlsx')
    expect(inspection.format).toBe('xlsx')
    expect(inspection.sheets).toEqual({ names: book.map((s) => s.sheet), chosen: 'Exports' })
    const monthly = (id: string, flow: string) =>
      points(id, { reporter: 'aus', flow, frequency: 'month' }) as Promise<[string, number | null][]>
    closeTo(await monthly(dataset.id, 'exports'), sheet('Exports'))
    // The IMF's names, with the state's form after a comma, are their countries (Congo and Korea are
    // two each, told apart by the form).
    for (const [name, code] of [
      ['Bahamas, The', 'bhs'],
      ['China, P.R.: Mainland', 'chn'],
      ['Korea, Rep. of', 'kor'],
      ["Korea, Dem. People's Rep. of", 'prk'],
      ['Congo, Dem. Rep. of the', 'cod'],
      ['Congo, Rep. of', 'cog'],
      ['Egypt, Arab Rep. of', 'egy'],
      ['Netherlands, The', 'nld'],
      ['St. Kitts and Nevis', 'kna'],
      ['São Tomé and Príncipe, Dem. Rep. of', 'stp'],
      ['Venezuela, Rep. Bolivariana de', 'ven'],
      ['Taiwan Province of China', 'twn'],
    ] as const)
      closeTo(
        await points(dataset.id, { reporter: code, flow: 'exports', frequency: 'month' }),
        sheet('Exports', name),
      )

    const granted = await t.services.imports.grant(
      real('imf/Exports_and_Imports_by_Areas_and_Countries.xlsx'),
      'dialog',
    )
    const imports = await t.services.imports.importFile(granted.fileId, undefined, { sheet: 'Imports' })
    closeTo(await monthly(imports.dataset!.id, 'imports'), sheet('Imports'))
  })
})

describe('WTO Stats workbook (title line, month names in Period, years as columns)', () => {
  const file = 'wto/WtoData_20210401162703.xlsx'
  /** Each month of a reporter's rows, by this test's own reading of the sheet, in millions of US dollars. */
  function monthly(reporter: string) {
    const [title, , header, ...body] = sheetCells(file)
    expect(title!.slice(0, 2).map((c) => c.trim())).toEqual([
      'Indicator',
      'Total merchandise exports - monthly (Million US dollar)',
    ])
    const rows = body.filter((r) => r[0] === reporter)
    const years = header!.slice(4)
    const cell = (month: string, y: number) => rows.find((r) => r[3] === month)?.[4 + y] ?? ''
    return years.flatMap((year, y) =>
      MONTHS.flatMap((month, m) => {
        const v = cell(month, y)
        if (v === '') return []
        // WTO leaves China's January empty and puts January and February together in February.
        const period =
          reporter === 'China' && month === 'February' && cell('January', y) === ''
            ? `${year}-01..${year}-02`
            : `${year}-${String(m + 1).padStart(2, '0')}`
        return [[period, Number(v) * 1e6] as const]
      }),
    )
  }

  it('total merchandise exports by month, million US dollars into dollars; China’s January–February 2020 stays one value', async () => {
    const { dataset, inspection } = await importReal(file)
    expect(inspection.format).toBe('xlsx')
    expect(inspection.layout?.id).toBe('wto-report')
    expect(dataset.units).toEqual(['USD'])
    const china = monthly('China')
    expect(china.find(([p]) => p.startsWith('2020-01'))).toEqual(['2020-01..2020-02', 292449e6])
    closeTo(await points(dataset.id, { reporter: 'chn', flow: 'exports', frequency: 'month' }), china)
    // The WTO's own spellings are matched to their countries.
    for (const [name, code] of [
      ['Korea, Republic of', 'kor'],
      ['Chinese Taipei', 'twn'],
      ['Czech Republic', 'cze'],
      ['Bolivia, Plurinational State of', 'bol'],
    ] as const)
      closeTo(
        await points(dataset.id, { reporter: code, flow: 'exports', frequency: 'month' }),
        monthly(name),
      )
  })
})

describe('ZIP archives', () => {
  it('several downloads of one layout in one archive are one dataset; a member of another layout is left out', async () => {
    const { dataset, inspection } = await importReal('zip/comtrade-plus-two-downloads.zip')
    expect(inspection.format).toBe('zip')
    expect(inspection.members).toEqual({
      names: [
        'TradeData_algeria_exports.csv',
        'TradeData_algeria_imports.csv',
        'other-layout/japan-china-trade-data.csv',
      ],
      chosen: ['TradeData_algeria_exports.csv', 'TradeData_algeria_imports.csv'],
    })
    for (const [file, flow, code] of [
      ['comtrade/plus-algeria-exports-total.csv', 'exports', 'X'],
      ['comtrade/plus-world-imports-total.csv', 'imports', 'M'],
    ] as const) {
      const rows = rowsOf(file).filter((r) => r.flowCode === code && r.partnerCode === '0')
      closeTo(
        await points(dataset.id, { reporter: 'dza', flow }),
        rows.map((r) => [r.period!, num(r.primaryValue)] as const),
      )
    }
  })

  it('a World Bank download as published: the data CSV is read, its two metadata members are not', async () => {
    const file = 'zip/worldbank-fdi-inflows-download.zip'
    const data = 'API_BX.KLT.DINV.CD.WD_DS2_en_csv_v2_390497.csv'
    const china = rowsOfBytes(zipMember(real(file), data), { skipLines: 4 }).find(
      (r) => r['Country Code'] === 'CHN',
    )!
    const { dataset, inspection } = await importReal(file)
    expect(inspection.format).toBe('zip')
    expect(inspection.layout?.id).toBe('wdi')
    expect(inspection.members).toEqual({
      names: [`Metadata_Indicator_${data}`, data, `Metadata_Country_${data}`],
      chosen: [data],
    })
    const expected = Object.entries(china)
      .filter(([k, v]) => /^\d{4}$/.test(k) && v !== '')
      .map(([k, v]) => [k, num(v)] as [string, number])
    expect(expected.length).toBeGreaterThan(40)
    closeTo(await points(dataset.id, { reporter: 'chn', flow: 'bx_klt_dinv_cd_wd' }), expected)
  })

  it('the user may choose the members', async () => {
    const granted = await t.services.imports.grant(real('zip/comtrade-plus-two-downloads.zip'), 'dialog')
    const inspection = await t.services.imports.inspect(granted.fileId, {
      members: ['other-layout/japan-china-trade-data.csv'],
    })
    expect(inspection.columns).toEqual(['Date', 'Exports', 'Imports'])
    expect(inspection.members?.chosen).toEqual(['other-layout/japan-china-trade-data.csv'])
  })
})

describe('files that are not tables', () => {
  it('a Trade Map ".xls" download that is a web page is refused in plain words', async () => {
    const granted = await t.services.imports.grant(
      real('trademap/importing-markets-algeria-html.xls'),
      'dialog',
    )
    const refusal = await t.services.imports.inspect(granted.fileId).catch((e: Error) => e.message)
    expect(refusal).toMatch(
      /^importing-markets-algeria-html\.xls: is a web page \(HTML or XML\), not a table/,
    )
    expect(refusal).not.toMatch(LEAKS)
    expect(refusal).not.toContain(t.userDataDir)
  })
})

describe('data packages are keyed by the content of every resource', () => {
  it('a changed data file under an untouched descriptor is a new version; a copy with other data is another dataset', async () => {
    const folder = (name: string) => {
      const dir = join(t.userDataDir, name)
      mkdirSync(join(dir, 'data'), { recursive: true })
      copyFileSync(real('datapackage/datapackage.json'), join(dir, 'datapackage.json'))
      copyFileSync(real('datapackage/data/gdp.csv'), join(dir, 'data', 'gdp.csv'))
      return dir
    }
    const importPackage = async (dir: string) => {
      const granted = await t.services.imports.grant(join(dir, 'datapackage.json'), 'dialog')
      const inspection = await t.services.imports.inspect(granted.fileId)
      return t.services.imports.importFile(granted.fileId, inspection.guess!)
    }
    // Package a holds the first 200 rows of the published file, then only the first 100: the
    // descriptor is not touched.
    const a = folder('package-a')
    const lines = readFileSync(join(a, 'data', 'gdp.csv'), 'utf8').split('\n')
    writeFileSync(join(a, 'data', 'gdp.csv'), lines.slice(0, 201).join('\n') + '\n')
    const first = await importPackage(a)
    expect(first.status).toBe('imported')
    expect(first.dataset!.rows).toBe(200)
    writeFileSync(join(a, 'data', 'gdp.csv'), lines.slice(0, 101).join('\n') + '\n')
    const second = await importPackage(a)
    expect(second.status).toBe('imported')
    expect(second.dataset!.id).toBe(first.dataset!.id)
    expect(second.dataset!.versions).toHaveLength(2)
    expect(second.dataset!.rows).toBe(100)

    // Another folder, the same descriptor, the original data: its own rows, not package-a's.
    const b = folder('package-b')
    const third = await importPackage(b)
    expect(third.dataset!.id).not.toBe(first.dataset!.id)
    expect(third.dataset!.rows).toBe(rowsOf('datapackage/data/gdp.csv').length)
  })
})

describe('UN Comtrade legacy CSV', () => {
  it('US trade with China by HS chapter, 2017: codes saved as numbers (1…9), one value in E-notation', async () => {
    const rows = rowsOf('comtrade/legacy-usa-china-hs-chapters-2017.csv')
    const sum = (flow: string) =>
      rows.filter((r) => r['Trade Flow'] === flow).reduce((a, r) => a + Number(r['Trade Value (US$)']), 0)
    const { dataset, inspection } = await importReal('comtrade/legacy-usa-china-hs-chapters-2017.csv')
    expect(inspection.layout?.id).toBe('comtrade-legacy')
    // No total row in the file: the total is its chapters' sum, not chapters 1–9 taken for it.
    for (const [flow, name] of [
      ['exports', 'Export'],
      ['imports', 'Import'],
    ] as const) {
      const yearly = await points(dataset.id, { reporter: 'usa', partner: 'chn', flow })
      expect(yearly.map(([period]) => period)).toEqual(['2017'])
      expect(yearly[0]![1]).toBeCloseTo(sum(name), 0)
    }
    expect(sum('Export')).toBeGreaterThan(129e9)
    const products = await t.services.imports.breakdown({
      dataset: dataset.id,
      reporter: 'usa',
      flow: 'exports',
      by: 'product',
      top: 3,
    } as never)
    const chapters = rows
      .filter((r) => r['Trade Flow'] === 'Export')
      .map((r) => ({ key: r['Commodity Code']!.padStart(2, '0'), value: Number(r['Trade Value (US$)']) }))
    expect(products.rows.map((r) => [r.key, r.value])).toEqual(
      topPartners(chapters, 3).map((r) => [r.key, r.value]),
    )
  })

  it('China-reported trade by partner in SITC divisions, 2015–2018 (zipped whole): exports to each partner are the sum of the divisions', async () => {
    const { dataset, inspection } = await importReal('comtrade/legacy-china-sitc-by-partner-2015-2018.zip')
    expect(inspection.format).toBe('zip')
    expect(inspection.layout?.id).toBe('comtrade-legacy')
    const rows = rowsOfBytes(
      zipMember(real('comtrade/legacy-china-sitc-by-partner-2015-2018.zip'), 'comtrade (1).csv'),
    )
    expect(new Set(rows.map((r) => r['Reporter ISO']))).toEqual(new Set(['CHN']))
    for (const [partner, iso] of [
      ['usa', 'USA'],
      ['hkg', 'HKG'],
    ] as const) {
      const years = ['2015', '2016', '2017', '2018'].map((year) => {
        const divisions = rows.filter(
          (r) => r['Trade Flow'] === 'Export' && r['Partner ISO'] === iso && r.Year === year,
        )
        return [year, divisions.reduce((a, r) => a + num(r['Trade Value (US$)']), 0)] as const
      })
      closeTo(await points(dataset.id, { partner }), years)
    }
    // SITC divisions are not HS chapters: keyed as SITC codes, never labelled or drilled from the HS list
    // (SITC 76, telecommunications equipment, is not HS 76, aluminium).
    const divisions = new Map<string, number>()
    for (const r of rows.filter((r) => r['Trade Flow'] === 'Export' && r.Year === '2018'))
      divisions.set(
        r['Commodity Code']!,
        (divisions.get(r['Commodity Code']!) ?? 0) + num(r['Trade Value (US$)']),
      )
    const products = await t.services.imports.breakdown({
      dataset: dataset.id,
      reporter: 'china',
      flow: 'exports',
      by: 'product',
      top: 3,
      frequency: 'year',
      from: '2018',
      to: '2018',
    } as never)
    expect(products.rows.map((r) => [r.key, r.value])).toEqual(
      [...divisions]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([code, value]) => [`SITC ${code}`, value]),
    )
    const dims = await dispatch(createHandlers(t.services), 'getDimensions', { dataset: dataset.id })
    expect(dims.ok && (dims.data as { products: { code: string }[] }).products.map((p) => p.code)).toEqual([
      'all',
    ])
  })
})

describe('UN Comtrade legacy CSV with every HS level and the TOTAL row', () => {
  const file = 'comtrade/legacy-china-usa-hs-all-levels-2018.zip'
  const member = 'comtrade_ch_us_ex.csv'

  it('China’s exports to the US, 2018: the total is the TOTAL row, the chapters beside it add up to it, so nothing is reported', async () => {
    const rows = rowsOfBytes(zipMember(real(file), member))
    const total = rows.filter((r) => r['Commodity Code'] === 'TOTAL')
    expect(total).toHaveLength(1)
    const chapters = rows.filter((r) => r['Aggregate Level'] === '2')
    expect(chapters.map((r) => r['Commodity Code'])).toContain('99')
    // Chapters, headings (4 digits) and subheadings (6) are all in the file: summed together they are
    // about three times the total, which is what a reader that added every row would show.
    const every = rows
      .filter((r) => r['Commodity Code'] !== 'TOTAL')
      .reduce((a, r) => a + num(r['Trade Value (US$)']), 0)
    expect(every / num(total[0]!['Trade Value (US$)'])).toBeGreaterThan(2.5)
    expect(chapters.reduce((a, r) => a + num(r['Trade Value (US$)']), 0)).toBe(
      num(total[0]!['Trade Value (US$)']),
    )

    const { dataset, inspection, warnings } = await importReal(file)
    expect(inspection.format).toBe('zip')
    expect(inspection.layout?.id).toBe('comtrade-legacy')
    expect(warnings).toEqual([])
    closeTo(await points(dataset.id, { reporter: 'china', partner: 'usa', flow: 'exports' }), [
      ['2018', num(total[0]!['Trade Value (US$)'])],
    ])
    const products = await t.services.imports.breakdown({
      dataset: dataset.id,
      reporter: 'china',
      flow: 'exports',
      by: 'product',
      top: 3,
    } as never)
    expect(products.rows.map((r) => [r.key, r.value])).toEqual(
      topPartners(
        chapters.map((r) => ({ key: r['Commodity Code']!, value: num(r['Trade Value (US$)']) })),
        3,
      ).map((r) => [r.key, r.value]),
    )
  })

  it('the same bytes without chapter 99 (a download that left a chapter out): the chapters do not add up and the user is told', async () => {
    // The published file with the chapter-99 row taken out by this test (the headings and
    // subheadings under it stay): the file's own TOTAL is kept and the difference is reported.
    const text = zipMember(real(file), member).toString('utf8')
    const lines = text.split('\n')
    const ninetyNine = lines.findIndex((l) => /,2,0,2,Export,.*,,,,,,,,99,/.test(l))
    expect(ninetyNine).toBeGreaterThan(0)
    const copy = join(t.userDataDir, 'comtrade-without-chapter-99.csv')
    writeFileSync(copy, [...lines.slice(0, ninetyNine), ...lines.slice(ninetyNine + 1)].join('\n'))
    const rows = rowsOfBytes(readFileSync(copy))
    const total = num(rows.find((r) => r['Commodity Code'] === 'TOTAL')!['Trade Value (US$)'])
    const chapters = rows
      .filter((r) => r['Aggregate Level'] === '2')
      .reduce((a, r) => a + num(r['Trade Value (US$)']), 0)
    const granted = await t.services.imports.grant(copy, 'dialog')
    const outcome = await t.services.imports.importFile(granted.fileId)
    expect(outcome.status).toBe('imported')
    expect(outcome.warnings).toEqual([
      {
        kind: 'chaptersNotTotal',
        cases: 1,
        of: 1,
        example: {
          period: '2018',
          reporter: 'CHN',
          partner: 'USA',
          flow: 'exports',
          unit: 'USD',
          total,
          chapters,
        },
      },
    ])
    closeTo(await points(outcome.dataset!.id, { reporter: 'china', partner: 'usa', flow: 'exports' }), [
      ['2018', total],
    ])
  })
})

describe('areas without an ISO 3166-1 country: Kosovo and former states, each shown as itself', () => {
  type Dims = {
    reporters: { code: string; label: string; iso2?: string }[]
    partners: { code: string; label: string }[]
  }
  const dimensions = async (dataset: string) => {
    const envelope = await dispatch(createHandlers(t.services), 'getDimensions', { dataset })
    if (!envelope.ok) throw new Error(envelope.error.message)
    return envelope.data as Dims
  }

  it('a World Bank download: Kosovo (XKX) is a reporter of its own, named from its CLDR code XK', async () => {
    const file = 'wdi/API_SP.POP.TOTL_DS2_en_csv_v2_61.csv'
    const kosovo = rowsOf(file, { skipLines: 4 }).find((r) => r['Country Code'] === 'XKX')!
    expect(kosovo['Country Name']).toBe('Kosovo')
    // A copy: the file itself is imported by another test of this run.
    const copy = join(t.userDataDir, 'wdi-population-copy.csv')
    copyFileSync(real(file), copy)
    const granted = await t.services.imports.grant(copy, 'dialog')
    const outcome = await t.services.imports.importFile(granted.fileId)
    const dataset = outcome.dataset!.id
    expect((await dimensions(dataset)).reporters).toContainEqual({
      code: 'xkx',
      label: 'Kosovo',
      iso3: 'XKX',
      iso2: 'XK',
    })
    closeTo(
      await points(dataset, { reporter: 'xkx', flow: 'sp_pop_totl' }),
      Object.entries(kosovo)
        .filter(([k, v]) => /^\d{4}$/.test(k) && v !== '')
        .map(([k, v]) => [k, num(v)] as const),
    )
  })

  it('former states by the names and numbers UN Comtrade gives them: never merged into a successor', () => {
    const codes = t.services.imports.codes
    for (const [cell, code] of [
      ['Fmr USSR', 'SUN'],
      ['810', 'SUN'],
      ['Czechoslovakia', 'CSK'],
      ['200', 'CSK'],
      ['Fmr Yugoslavia', 'YUG'],
      ['890', 'YUG'],
      ['Serbia and Montenegro', 'SCG'],
      ['891', 'SCG'],
      ['Belgium-Luxembourg', 'BLX'],
      ['058', 'BLX'],
      ['Fmr Dem. Rep. of Germany', 'DDR'],
      ['278', 'DDR'],
      ['Neth. Antilles', 'ANT'],
      ['530', 'ANT'],
      ['Kosovo', 'XKX'],
      ['Kosovo, Rep. of', 'XKX'],
      ['XK', 'XKX'],
      // Their successors keep their own codes.
      ['Serbia', 'SRB'],
      ['Czechia', 'CZE'],
      ['Russian Federation', 'RUS'],
      ['Belgium', 'BEL'],
      ['Curaçao', 'CUW'],
    ] as const)
      expect([cell, countryOf(codes, cell)]).toEqual([cell, code])
  })

  it('a Comtrade legacy file naming them: each partner its own bar, under its own name', async () => {
    // The legacy Comtrade layout (its header as the corpus file above has it) with partners as UN
    // Comtrade names them in the 1990s; the values are this test's own.
    const header = readFileSync(real('comtrade/legacy-usa-china-hs-chapters-2017.csv'), 'utf8').split(
      /\r?\n/,
    )[0]!
    const columns = header.split(',')
    const row = (cells: Record<string, string>) => columns.map((c) => cells[c] ?? '').join(',')
    const partners = [
      ['810', 'Fmr USSR', 'SUN', 900],
      ['200', 'Czechoslovakia', 'CSK', 700],
      ['890', 'Fmr Yugoslavia', 'YUG', 500],
      ['58', 'Belgium-Luxembourg', 'BLX', 300],
      ['643', 'Russian Federation', 'RUS', 100],
    ] as const
    const path = join(t.userDataDir, 'comtrade-legacy-former-states.csv')
    writeFileSync(
      path,
      [
        header,
        ...partners.map(([code, name, , value]) =>
          row({
            Classification: 'S2',
            Year: '1991',
            'Trade Flow Code': '2',
            'Trade Flow': 'Export',
            'Reporter Code': '156',
            Reporter: 'China',
            'Partner Code': code,
            Partner: name,
            'Commodity Code': 'TOTAL',
            Commodity: 'All Commodities',
            'Trade Value (US$)': String(value),
          }),
        ),
      ].join('\n') + '\n',
    )
    expect(columns).toEqual(expect.arrayContaining(['Partner Code', 'Partner', 'Trade Value (US$)']))
    const granted = await t.services.imports.grant(path, 'dialog')
    const outcome = await t.services.imports.importFile(granted.fileId)
    expect(outcome.status).toBe('imported')
    const b = await breakdown(outcome.dataset!.id, { reporter: 'china', flow: 'exports', top: 10 })
    expect(b.rows.map((r) => [r.key, r.label, r.value])).toEqual([
      ['SUN', 'USSR', 900],
      ['CSK', 'Czechoslovakia', 700],
      ['YUG', 'Yugoslavia', 500],
      ['BLX', 'Belgium-Luxembourg', 300],
      ['RUS', 'Russian Federation', 100],
    ])
    expect((await dimensions(outcome.dataset!.id)).partners.map((p) => p.code)).toEqual(
      expect.arrayContaining(['sun', 'csk', 'yug', 'blx', 'russia']),
    )
  })
})

describe('the publishers’ own area lists: every code and name read as the area it stands for', () => {
  it('CEPII BACI’s country codes: code and name give the ISO alpha-3 BACI gives, former areas included', () => {
    const codes = t.services.imports.codes
    const rows = rowsOf('baci/country_codes_V202301.csv')
    expect(rows.length).toBeGreaterThan(200)
    // Where this app departs from BACI's column, on purpose: Belgium-Luxembourg is kept as itself (BLX),
    // never merged into Belgium; 490 is UN Comtrade's "Other Asia, nes" (S19), not named a country.
    const ownCode: Record<string, string | null> = { '58': 'BLX', '490': 'S19' }
    const compared = rows.filter((r) => /^[A-Z]{3}$/.test(r.iso_3digit_alpha!) && r.country_code !== '711')
    for (const r of compared) {
      const expected = r.country_code! in ownCode ? ownCode[r.country_code!] : r.iso_3digit_alpha
      expect([r.country_code, countryOf(codes, r.country_code!)]).toEqual([r.country_code, expected])
      if (r.country_code !== '490')
        expect([r.country_name_abbreviation, countryOf(codes, r.country_name_abbreviation!)]).toEqual([
          r.country_name_abbreviation,
          expected,
        ])
    }
    // The areas of the issue, as the file gives them: West Germany and Sudan before 2011 kept their ISO
    // alpha-3 under another number; East Germany and the USSR have codes of their own.
    const row = (code: string) => rows.find((r) => r.country_code === code)!
    expect(
      ['280', '736', '278', '810'].map((c) => [row(c).country_name_abbreviation, row(c).iso_3digit_alpha]),
    ).toEqual([
      ['Fmr Fed. Rep. of Germany', 'DEU'],
      ['Fmr Sudan', 'SDN'],
      ['Fmr Dem. Rep. of Germany', 'DDR'],
      ['Fmr USSR', 'SUN'],
    ])
  })

  it('UN Comtrade’s partner areas: each name is the area its code is; former areas by their historical codes', () => {
    const codes = t.services.imports.codes
    const areas = (
      JSON.parse(readFileSync(real('comtrade/partnerAreas.json'), 'utf8')) as {
        results: { id: string; text: string }[]
      }
    ).results
    expect(areas.length).toBeGreaterThan(250)
    const byName = new Map(areas.map((a) => [a.text, a.id]))
    // Former areas, with the code ISO 3166 gives them (by hand: ISO 3166-3 for the codes it withdrew,
    // ISO 3166-1 where the state kept its alpha-3 under another number), and "Other Asia, nes", the
    // app's S19 (data/codes/countries.csv).
    for (const [name, code] of [
      ['Fmr Sudan', 'SDN'],
      ['Fmr Fed. Rep. of Germany', 'DEU'],
      ['Fmr Dem. Rep. of Germany', 'DDR'],
      ['Fmr USSR', 'SUN'],
      ['Fmr Yugoslavia', 'YUG'],
      ['Fmr Ethiopia', 'ETH'],
      ['Fmr Arab Rep. of Yemen', 'YEM'],
      ['Fmr Dem. Yemen', 'YMD'],
      ['Fmr Dem. Rep. of Vietnam', 'VDR'],
      ['Fmr Rep. of Vietnam', 'VNM'],
      ['East and West Pakistan', 'PAK'],
      ['USA (before 1981)', 'USA'],
      ['Czechoslovakia', 'CSK'],
      ['Serbia and Montenegro', 'SCG'],
      ['Neth. Antilles', 'ANT'],
      ['Other Asia, nes', 'S19'],
    ] as const) {
      expect([name, countryOf(codes, name)]).toEqual([name, code])
      expect([name, countryOf(codes, byName.get(name)!)]).toEqual([name, code])
    }
    // Every area the app knows by its code is known by its name too, as the same area; groups ("EU-28",
    // "…, nes") and areas without a code of their own (Fmr Tanganyika) stay unmatched rather than guessed.
    const known = areas.filter(
      (a) => countryOf(codes, a.id) !== null && !/, nes$/.test(a.text) && a.id !== '0',
    )
    expect(known.length).toBeGreaterThan(230)
    for (const a of known)
      expect([a.text, countryOf(codes, a.text)]).toEqual([a.text, countryOf(codes, a.id)])
    for (const name of ['EU-28', 'Fmr Tanganyika', 'Fmr Rhodesia Nyas', 'So. African Customs Union'])
      expect([name, countryOf(codes, name)]).toEqual([name, null])
  })

  it('a table naming partners as UN Comtrade does, without codes: each imported as its area', async () => {
    // The names as the Comtrade list above spells them; the values are this test's own.
    const partners = [
      ['Fmr Fed. Rep. of Germany', 'DEU', 900],
      ['Fmr Dem. Rep. of Germany', 'DDR', 800],
      ['Fmr USSR', 'SUN', 700],
      ['Fmr Sudan', 'SDN', 600],
      ['Fmr Yugoslavia', 'YUG', 500],
      ['Bosnia Herzegovina', 'BIH', 400],
      ['Faeroe Isds', 'FRO', 300],
    ] as const
    const path = join(t.userDataDir, 'partners-by-comtrade-name.csv')
    writeFileSync(
      path,
      ['Year,Partner,Value', ...partners.map(([name, , value]) => `1990,"${name}",${value}`)].join('\n') +
        '\n',
    )
    const granted = await t.services.imports.grant(path, 'dialog')
    const inspection = await t.services.imports.inspect(granted.fileId)
    expect(inspection.guess).toMatchObject({ period: 0, partner: 1, values: [2] })
    const outcome = await t.services.imports.importFile(granted.fileId, inspection.guess!)
    expect(outcome.status).toBe('imported')
    const b = await breakdown(outcome.dataset!.id, { reporter: 'china', flow: 'value', top: 10 })
    expect(b.rows.map((r) => [r.key, r.value])).toEqual(partners.map(([, code, value]) => [code, value]))
  })
})

describe('units of mapped files', () => {
  it('US Census in millions of dollars: the stated unit brings the values into dollars', async () => {
    const rows = rowsOf('census/usa-china-trade-data.csv', { delimiter: ';' })
    const { dataset, inspection } = await importReal('census/usa-china-trade-data.csv', (g) => ({
      ...g,
      reporterCode: 'USA',
      partnerCode: 'CHN',
      unitLabel: 'USD million',
    }))
    // The file does not state its unit, so the dialog does not claim one.
    expect(inspection.guess?.unitLabel).toBe('')
    expect(dataset.units).toEqual(['USD'])
    const s = await t.services.imports.series(seriesQuery(dataset.id, { reporter: 'usa', partner: 'chn' }))
    expect(s.unit).toBe('USD')
    s.points.slice(0, 24).forEach((p, i) => expect(p.value).toBeCloseTo(num(rows[i]!.Exports) * 1e6, 0))
  })

  it('a mapped file with no stated unit has none', async () => {
    // A copy of the real bytes: the file itself is already in the library with a mapping of its own.
    const copy = join(t.userDataDir, 'korea-copy.csv')
    copyFileSync(real('customs/korea-china-trade-data.csv'), copy)
    const granted = await t.services.imports.grant(copy, 'dialog')
    const inspection = await t.services.imports.inspect(granted.fileId)
    expect(inspection.guess?.unitLabel).toBe('')
    const outcome = await t.services.imports.importFile(granted.fileId, inspection.guess!)
    expect(outcome.dataset!.units).toEqual([])
  })

  it('a unit in the title block ("Unit : US Dollar thousand") is the guess', async () => {
    const sniffed = await sniffFile(real('trademap/importing-markets-algeria.csv'), 'x.csv')
    expect(sniffed.notes.some((n) => /Unit : US Dollar thousand/.test(n))).toBe(true)
    const guess = guessMapping(sniffed.header, sniffed.sample, sniffed.numberStyle, sniffed.notes)
    expect(guess.unitLabel).toBe('USD thousand')
  })
})

describe('the mapping guess names the file’s own reporter', () => {
  it('a Comtrade download reported by Algeria: the reporter column’s one country, not China', async () => {
    const file = 'comtrade/plus-algeria-exports-total.csv'
    const isos = new Set(rowsOf(file).map((r) => r.reporterISO))
    expect([...isos]).toEqual(['DZA'])
    const sniffed = await sniffFile(real(file), 'x.csv')
    const guess = guessMapping(sniffed.header, sniffed.sample, sniffed.numberStyle, sniffed.notes, (cell) =>
      countryOf(t.services.imports.codes, cell),
    )
    expect(sniffed.header[guess.reporter!]).toBe('reporterCode')
    expect(guess.reporterCode).toBe('DZA')
  })

  it('a reporter column naming many countries (a World Bank table) keeps China, the app’s own reporter', async () => {
    const file = 'wdi/API_SP.POP.TOTL_DS2_en_csv_v2_61.csv'
    const sniffed = await sniffFile(real(file), 'x.csv')
    const guess = guessMapping(sniffed.header, sniffed.sample, sniffed.numberStyle, sniffed.notes, (cell) =>
      countryOf(t.services.imports.codes, cell),
    )
    expect(sniffed.header[guess.reporter!]).toBe('Country Code')
    const codes = new Set(rowsOf(file, { skipLines: 4 }).map((r) => r['Country Code']))
    expect(codes.size).toBeGreaterThan(100)
    expect(guess.reporterCode).toBe('CHN')
  })
})

describe('IMF Direction of Trade Statistics CSV (the data portal’s "timeSeries" download)', () => {
  const file = 'imf/dots-g7-2024m2.csv'
  // The IMF's own country codes, as its code list gives them, for this file's G7 countries.
  const iso = {
    '111': 'USA',
    '112': 'GBR',
    '132': 'FRA',
    '134': 'DEU',
    '136': 'ITA',
    '156': 'CAN',
    '158': 'JPN',
  }
  const flowOf = { TXG_FOB_USD: 'exports', TMG_CIF_USD: 'imports', TMG_FOB_USD: 'imports_fob' }
  const valueRows = () => rowsOf(file).filter((r) => r.Attribute === 'Value' && r['2024M2'] !== '')
  const monthly = (dataset: string, reporter: string, flow: string, partner: string) =>
    points(dataset, { reporter, flow, partner, frequency: 'month' })

  it('G7 trade in February 2024: the Value rows in US dollars, each indicator its own flow, the Status rows never values', async () => {
    const rows = rowsOf(file)
    const values = valueRows()
    // The file as published: Value and Status rows, some series revised ("r"), one period, a trailing comma.
    expect(rows.some((r) => r.Attribute === 'Status' && r['2024M2'] === 'r')).toBe(true)
    expect(Object.keys(rows[0]!)).toContain('2024M2')
    const { dataset, inspection } = await importReal(file)
    expect(inspection.layout?.id).toBe('imf-dots')
    // One fact per Value row: a Status row ("r" = revised) is an attribute of its series, never a value.
    expect(dataset.rows).toBe(values.length)
    // Three indicators, three flows (the balance beside them is the app's own, computed from exports and imports).
    expect(dataset.flows.filter((f) => f !== 'balance')).toEqual(['exports', 'imports', 'imports_fob'])

    const valueOf = (country: string, indicator: string, partner: string) =>
      num(
        values.find(
          (r) =>
            r['Country Code'] === country &&
            r['Indicator Code'] === indicator &&
            r['Counterpart Country Code'] === partner,
        )!['2024M2'],
      )
    // Germany's exports FOB to the United States, February 2024: dollars as they stand (about 14 billion a
    // month), read as a month, never as the year or multiplied as if in millions.
    const deuUsa = valueOf('134', 'TXG_FOB_USD', '111')
    expect(deuUsa).toBeGreaterThan(1e9)
    closeTo(await monthly(dataset.id, 'deu', 'exports', 'usa'), [['2024-02', deuUsa]])
    const series = await yearly(dataset.id, {
      reporter: 'deu',
      flow: 'exports',
      partner: 'usa',
      frequency: 'month',
    })
    expect(series.unit).toBe('USD')

    // Canada reports imports both CIF and FOB: two flows, each with its own value, never added together.
    for (const [indicator, flow] of [
      ['TMG_CIF_USD', 'imports'],
      ['TMG_FOB_USD', 'imports_fob'],
    ] as const)
      closeTo(await monthly(dataset.id, 'can', flow, 'usa'), [['2024-02', valueOf('156', indicator, '111')]])
    expect(valueOf('156', 'TMG_CIF_USD', '111')).not.toBe(valueOf('156', 'TMG_FOB_USD', '111'))

    // Each reporter's partners, flow by flow: the rows and their sum are this test's own reading of the bytes.
    for (const [reporter, code] of [
      ['134', 'deu'],
      ['156', 'can'],
      ['158', 'jpn'],
      ['112', 'gbr'],
    ] as const)
      for (const [indicator, flow] of Object.entries(flowOf)) {
        const mine = values
          .filter((r) => r['Country Code'] === reporter && r['Indicator Code'] === indicator)
          .map((r) => ({
            key: iso[r['Counterpart Country Code'] as keyof typeof iso],
            value: num(r['2024M2']),
          }))
        if (mine.length === 0) continue
        const b = await breakdown(dataset.id, { reporter: code, flow, top: 50, frequency: 'month' })
        expect(b.unit).toBe('USD')
        expect(b.from).toBe('2024-02')
        expect(b.rows.map((r) => [r.key, r.value])).toEqual(
          [...mine].sort((x, y) => y.value - x.value).map((r) => [r.key, r.value]),
        )
        expect(b.total).toBeCloseTo(
          mine.reduce((s, r) => s + r.value, 0),
          0,
        )
      }
  })
})
