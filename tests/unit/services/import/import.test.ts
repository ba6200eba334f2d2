/**
 * Importing a small real-layout file of each kind through the real services (DuckDB, the library under
 * a temp user-data folder) and checking the exact totals the file contains.
 */
import { createHash } from 'node:crypto'
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../../electron/handlers'
import { readCsvTable } from '../../../../electron/shared/csv'
import type { Mapping } from '../../../../electron/shared/importApi'
import { B, fixture, openTestServices, seriesQuery, type TestServices } from './helpers'

let t: TestServices

beforeAll(async () => {
  t = await openTestServices()
})
afterAll(() => t?.close())

const breakdown = (dataset: string, extra: Record<string, unknown> = {}) =>
  t.services.imports.breakdown({
    dataset,
    reporter: 'china',
    flow: 'exports',
    by: 'partner',
    top: 10,
    ...extra,
  } as never)
const series = (dataset: string, q: Record<string, string>) =>
  t.services.imports.series(seriesQuery(dataset, q))
const byKey = (rows: { key: string; value: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.key, r.value]))

/** A file of the import fixtures by its name, or any file by its absolute path. */
const imported = (name: string, mapping?: Mapping) =>
  t.imported(name.startsWith('/') ? name : fixture(name), mapping)

describe('UN Comtrade', () => {
  it('Comtrade Plus CSV: China exports by partner, monthly, with the World total and products', async () => {
    const d = await imported('comtrade-plus-china-2024.csv')
    expect(d).toMatchObject({
      rows: 14,
      coverage: { from: '2024-01', to: '2024-02' },
      layout: { id: 'comtrade-plus' },
      frequencies: ['month'],
      flows: ['exports', 'imports'],
    })
    const b = await breakdown(d.id, { top: 3 })
    // Vietnam's February row has no partnerISO: its numeric code 704 is resolved through the code list.
    expect(b.rows).toEqual([
      { key: 'USA', label: 'United States', value: 75 * B },
      { key: 'JPN', label: 'Japan', value: 22.5 * B },
      { key: 'VNM', label: 'Vietnam', value: 21 * B },
    ])
    expect(b.other).toEqual({ count: 1, value: 17 * B })
    expect(b).toMatchObject({
      total: 135.5 * B,
      world: 400 * B,
      unit: 'USD',
      frequency: 'month',
      from: '2024-01',
      to: '2024-02',
    })
    expect(byKey((await breakdown(d.id, { flow: 'imports' })).rows)).toEqual({ USA: 14 * B })
    expect(byKey((await breakdown(d.id, { by: 'product' })).rows)).toEqual({ '85': 12 * B, '84': 8 * B })
    const blocs = (await breakdown(d.id, { by: 'bloc' })).rows
    expect(byKey(blocs)).toEqual({
      rest_of_world: 97.5 * B,
      asean: 21 * B,
      eu: 17 * B,
    })
    // Each bloc's bar is the sum of the members the file names (Viet Nam; Germany), and says so.
    expect(blocs.map((r) => r.label)).toEqual([
      'Rest of the world',
      'ASEAN: 1 of 10 members in the file',
      'European Union (27): 1 of 27 members in the file',
    ])
    // The same count as data, for the page to say in the reader's language.
    expect(blocs.map((r) => r.members)).toEqual([undefined, { named: 1, of: 10 }, { named: 1, of: 27 }])
    expect((await series(d.id, {})).points.map((p) => [p.period, p.value])).toEqual([
      ['2024-01', 220 * B],
      ['2024-02', 180 * B],
    ])
    expect((await series(d.id, { partner: 'us' })).points.map((p) => p.value)).toEqual([40 * B, 35 * B])
    expect((await series(d.id, { partner: 'asean' })).points.map((p) => p.value)).toEqual([
      11.25 * B,
      9.75 * B,
    ])
    // The file prints its World and each partner; ASEAN is Viet Nam alone, summed here, and says so.
    expect((await series(d.id, {})).points.map((p) => [p.status, p.note])).toEqual([
      ['published', ''],
      ['published', ''],
    ])
    expect((await series(d.id, { partner: 'asean' })).points.map((p) => [p.status, p.note])).toEqual([
      ['computed', 'computed: sum of the 1 member of ASEAN the file names (of 10)'],
      ['computed', 'computed: sum of the 1 member of ASEAN the file names (of 10)'],
    ])
  })

  it('a file without World rows: its World is the sum of its partners, marked computed with the count', async () => {
    const text = readFileSync(fixture('comtrade-plus-china-2024.csv'), 'utf8')
    const lines = text.trimEnd().split('\n')
    const partnerCol = lines[0]!.split(',').indexOf('partnerISO')
    const noWorld = lines.filter((l) => l.split(',')[partnerCol] !== 'W00')
    expect(noWorld.length).toBeLessThan(lines.length)
    const path = join(t.userDataDir, 'comtrade-plus-no-world.csv')
    writeFileSync(path, noWorld.join('\n') + '\n')
    const d = await imported(path)
    // Expected: the file's own all-products export rows to each partner but the World, by month.
    const expected = new Map<string, { value: number; partners: number }>()
    for (const r of readCsvTable(text)) {
      if (r.flowCode !== 'X' || r.cmdCode !== 'TOTAL' || r.partnerISO === 'W00') continue
      const period = `${r.period!.slice(0, 4)}-${r.period!.slice(4)}`
      const e = expected.get(period) ?? { value: 0, partners: 0 }
      expected.set(period, { value: e.value + Number(r.primaryValue), partners: e.partners + 1 })
    }
    expect(expected.size).toBe(2)
    const points = (await series(d.id, {})).points
    expect(points.map((p) => [p.period, p.value, p.status, p.note])).toEqual(
      [...expected].map(([period, e]) => [
        period,
        e.value,
        'computed',
        `computed: sum of the ${e.partners} partners the file names (the file gives no World total)`,
      ]),
    )
  })

  it('HS chapters that do not add up to the file’s total: the import says so, and keeps the total', async () => {
    const [head, first] = readFileSync(fixture('comtrade-plus-china-2024.csv'), 'utf8').split('\n')
    const names = head!.split(',')
    const row = (period: string, partner: [string, string], cmd: string, value: number) => {
      const cells = first!.split(',')
      const set = (name: string, v: string) => (cells[names.indexOf(name)] = v)
      set('period', period)
      set('refMonth', String(Number(period.slice(4))))
      set('partnerCode', partner[0])
      set('partnerISO', partner[1])
      set('cmdCode', cmd)
      set('aggrLevel', cmd === 'TOTAL' ? '0' : '2')
      for (const v of ['cifvalue', 'fobvalue', 'primaryValue']) set(v, String(value))
      return cells.join(',')
    }
    const world: [string, string] = ['0', 'W00']
    const usa: [string, string] = ['842', 'USA']
    // January: chapters 84 and 85 make 80 bn of a 100 bn total. February and the US: they add up.
    const cells = [
      ['202401', world, 100e9, [30e9, 50e9]],
      ['202402', world, 10e9, [6e9, 4e9]],
      ['202401', usa, 5e9, [2e9, 3e9]],
    ] as const
    const lines = cells.flatMap(([period, partner, total, [c84, c85]]) => [
      row(period, partner, 'TOTAL', total),
      row(period, partner, '84', c84),
      row(period, partner, '85', c85),
    ])
    const path = join(t.userDataDir, 'chapters-short.csv')
    writeFileSync(path, `${head}\n${lines.join('\n')}\n`)
    const off = cells.filter(([, , total, [a, b]]) => Math.abs(a + b - total) > total * 0.001)
    const outcome = await t.importPath(path)
    expect(outcome.warnings).toEqual([
      {
        kind: 'chaptersNotTotal',
        cases: off.length,
        of: cells.length,
        example: {
          reporter: 'CHN',
          partner: 'WLD',
          flow: 'exports',
          period: '2024-01',
          unit: 'USD',
          total: 100e9,
          chapters: 80e9,
        },
      },
    ])
    // The total stays the file's.
    const s = await series(outcome.dataset!.id, { frequency: 'month' })
    expect(s.points.map((p) => p.value)).toEqual([100e9, 10e9])
    // A file whose chapters add up gets no warning.
    const fine = join(t.userDataDir, 'chapters-fine.csv')
    writeFileSync(fine, `${head}\n${lines.slice(3).join('\n')}\n`)
    expect((await t.importPath(fine)).warnings).toEqual([])
  })

  it('legacy 22-column CSV (Trade Value (US$), annual)', async () => {
    const d = await imported('comtrade-legacy-2019.csv')
    expect(d.rows).toBe(6)
    const b = await breakdown(d.id)
    expect(byKey(b.rows)).toEqual({ USA: 418_584_510_000, JPN: 143_223_570_000, KOR: 110_984_800_000 })
    expect(b.world).toBe(2_499_457_000_000)
    expect((await breakdown(d.id, { flow: 'imports' })).rows).toEqual([
      { key: 'USA', label: 'United States', value: 123_280_000_000 },
    ])
  })

  it('legacy 35-column "full" CSV (TradeValueUS): HS codes that lost their leading zero get it back', async () => {
    const d = await imported('comtrade-legacy-35.csv')
    expect(d.flows).toEqual(['exports', 'imports', 're_imports'])
    expect(byKey((await breakdown(d.id)).rows)).toEqual({ AUS: 25_000_000, USA: 7_000_000 })
    expect(byKey((await breakdown(d.id, { by: 'product' })).rows)).toEqual({ '01': 32_000_000 })
    expect((await breakdown(d.id, { reporter: 'aus', flow: 're_imports' })).world).toBe(4_934_172)
  })

  it('Comtrade Plus API JSON ({"data": [...]}) and NDJSON give the same totals', async () => {
    for (const name of ['comtrade-plus-api.json', 'comtrade-plus.ndjson']) {
      const d = await imported(name)
      expect(d.rows).toBe(14)
      const b = await breakdown(d.id)
      expect(b.world).toBe(400 * B)
      expect(byKey(b.rows)).toEqual({ USA: 75 * B, JPN: 22.5 * B, VNM: 21 * B, DEU: 17 * B })
    }
  })

  it('gzip-compressed CSV and Parquet give the same totals', async () => {
    const gz = join(t.userDataDir, 'comtrade-plus.csv.gz')
    writeFileSync(gz, gzipSync(readFileSync(fixture('comtrade-plus-china-2024.csv'))))
    const parquet = join(t.userDataDir, 'comtrade-plus.parquet')
    const instance = await DuckDBInstance.create(':memory:')
    const connection = await instance.connect()
    await connection.run(
      `COPY (SELECT * FROM read_csv('${fixture('comtrade-plus-china-2024.csv')}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
    )
    connection.closeSync()
    instance.closeSync()
    for (const path of [gz, parquet]) {
      const d = await imported(path)
      expect(d.rows).toBe(14)
      expect(byKey((await breakdown(d.id)).rows)).toEqual({
        USA: 75 * B,
        JPN: 22.5 * B,
        VNM: 21 * B,
        DEU: 17 * B,
      })
    }
  })
})

describe('CEPII BACI', () => {
  it('t,i,j,k,v,q: thousands of USD stored in USD, HS codes as text, NA quantities empty', async () => {
    const d = await imported('baci-hs17-2022.csv')
    expect(d).toMatchObject({ rows: 7, frequencies: ['year'], coverage: { from: '2022', to: '2022' } })
    const b = await breakdown(d.id)
    expect(b.rows).toEqual([
      { key: 'USA', label: 'United States', value: 5_002_250_250 },
      { key: 'VNM', label: 'Vietnam', value: 3_200_000_000 },
      { key: 'DEU', label: 'Germany', value: 1_750_000_750 },
    ])
    expect(b.world).toBeNull()
    expect(byKey((await breakdown(d.id, { by: 'product' })).rows)).toEqual({
      '847130': 6_750_001_000,
      '854231': 3_200_999_500,
      '010632': 1_250_500,
    })
    expect(byKey((await breakdown(d.id, { reporter: 'usa' })).rows)).toEqual({ CHN: 16_500_000_000 })
  })

  it("R's write.csv re-export (row index column, padded quantities, 10632 for 010632)", async () => {
    const d = await imported('baci-r-export.csv')
    expect(byKey((await breakdown(d.id, { reporter: 'zaf' })).rows)).toEqual({ ALB: 23_790, AFG: 18_501 })
    expect(byKey((await breakdown(d.id, { reporter: 'zaf', by: 'product' })).rows)).toEqual({
      '320120': 23_790,
      '010632': 11_424,
      '847990': 7_077,
    })
  })

  it('a Frictionless data package of BACI resources', async () => {
    const d = await imported('package/datapackage.json')
    expect(d.id).toBe('baci-sample-hs17-2022')
    expect(d.title).toBe('BACI sample (HS17, 2022)')
    expect((await breakdown(d.id)).total).toBe(5_002_250_250 + 3_200_000_000 + 1_750_000_750)
  })
})

describe('World Bank, IMF, WTO', () => {
  it('WDI wide CSV: four preamble lines, trailing comma, one column per year', async () => {
    const d = await imported('wdi-tx-val-mrch.csv')
    expect(d.rows).toBe(9)
    expect((await series(d.id, { frequency: 'year' })).points.map((p) => [p.period, p.value])).toEqual([
      ['2020', 2_589_952_000_000],
      ['2021', 3_362_302_000_000],
      ['2022', 3_593_601_000_000],
      ['2023', 3_379_258_000_000],
    ])
  })

  it('IMF IMTS SDMX-CSV: 2025-M01 periods, G001 World, quarterly rows left out', async () => {
    const d = await imported('imf-imts.csv')
    expect(d.rows).toBe(8)
    const b = await breakdown(d.id)
    expect(byKey(b.rows)).toEqual({ USA: 69_500_000_000, DEU: 16_100_000_000 })
    expect(b.world).toBe(535 * B)
    expect((await breakdown(d.id, { reporter: 'usa', frequency: 'year' })).rows).toEqual([
      { key: 'CAN', label: 'Canada', value: 349_397_894_619 },
    ])
  })

  it('IMF DOTS timeSeries: IMF country codes, the Value attribute only, US dollars as they stand', async () => {
    const d = await imported('imf-dots-timeseries.csv')
    expect(d.rows).toBe(9)
    const b = await breakdown(d.id)
    expect(b.rows.map((r) => [r.key, Math.round(r.value)])).toEqual([
      ['USA', 1_659_185_200_000],
      ['DEU', 331_975_200_000],
    ])
    expect(Math.round(b.world!)).toBe(10_335_161_800_000)
  })

  it('OECD SDMX-CSV with labels: each code column followed by its label column, UNIT_MULT applied', async () => {
    // The layout of the OECD Data Explorer's "CSV with labels" download (format=csvfilewithlabels).
    const path = join(t.userDataDir, 'oecd-with-labels.csv')
    writeFileSync(
      path,
      [
        'STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,Reference area,FREQ,Frequency of observation,MEASURE,Measure,UNIT_MEASURE,Unit of measure,TIME_PERIOD,Time period,OBS_VALUE,Observation value,UNIT_MULT,Unit multiplier',
        'DATAFLOW,OECD.SDD.TPS:DSD_IMTS@DF_IMTS(1.0),International trade,I,CHN,"China (People\'s Republic of)",A,Annual,XG,Exports of goods,USD,US dollar,2022,,3593.6,,9,Billions',
        'DATAFLOW,OECD.SDD.TPS:DSD_IMTS@DF_IMTS(1.0),International trade,I,CHN,"China (People\'s Republic of)",A,Annual,XG,Exports of goods,USD,US dollar,2023,,3379.3,,9,Billions',
        'DATAFLOW,OECD.SDD.TPS:DSD_IMTS@DF_IMTS(1.0),International trade,I,USA,United States,A,Annual,XG,Exports of goods,USD,US dollar,2023,,2019.5,,9,Billions',
      ].join('\n') + '\n',
    )
    const inspected = await t.services.imports.inspect(
      (await t.services.imports.grant(path, 'dialog')).fileId,
    )
    expect(inspected.layout?.id).toBe('sdmx-csv')
    const d = await imported(path)
    expect(d.flows).toEqual(['xg'])
    expect(d.reporters.map((r) => r.code)).toEqual(['CHN', 'USA'])
    expect(
      (await series(d.id, { frequency: 'year', flow: 'xg' })).points.map((p) => [p.period, p.value]),
    ).toEqual([
      ['2022', 3593.6e9],
      ['2023', 3379.3e9],
    ])
  })

  it('Eurostat databrowser SDMX-CSV with labels: lower-case code columns, each followed by its label column', async () => {
    // The header and three rows of a real databrowser download (TPS00203, total unemployment rate, as
    // committed in lorenasorrentino/minimum-wage-policy-evaluation at 193a38b,
    // data/raw/total-unemployment-rate_eurostat.csv): Eurostat writes its codes in lower case (freq,
    // geo), unlike the OECD, and its label columns after them ("Time frequency", "Geopolitical entity
    // (reporting)"). The labels must not become part of the series name.
    const path = join(t.userDataDir, 'eurostat-with-labels.csv')
    writeFileSync(
      path,
      [
        'STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,freq,Time frequency,age,Age class,unit,Unit of measure,sex,Sex,geo,Geopolitical entity (reporting),TIME_PERIOD,Time,OBS_VALUE,Observation value,OBS_FLAG,Observation status (Flag) V2 structure,CONF_STATUS,Confidentiality status (flag)',
        'dataflow,ESTAT:TPS00203(1.0),Total unemployment rate,A,Annual,Y15-74,From 15 to 74 years,PC_ACT,Percentage of population in the labour force,T,Total,AT,Austria,2013,,5.7,,,,,',
        'dataflow,ESTAT:TPS00203(1.0),Total unemployment rate,A,Annual,Y15-74,From 15 to 74 years,PC_ACT,Percentage of population in the labour force,T,Total,AT,Austria,2014,,6.0,,,,,',
        'dataflow,ESTAT:TPS00203(1.0),Total unemployment rate,A,Annual,Y15-74,From 15 to 74 years,PC_ACT,Percentage of population in the labour force,T,Total,BE,Belgium,2013,,8.6,,,,,',
      ].join('\n') + '\n',
    )
    const d = await imported(path)
    expect(d.layout.id).toBe('sdmx-csv')
    expect(d.reporters.map((r) => r.code)).toEqual(['AUT', 'BEL'])
    expect(d.flows).toEqual(['y15_74_t'])
    expect(d.units).toEqual(['PC_ACT'])
    expect(
      (await series(d.id, { frequency: 'year', reporter: 'aut', flow: d.flows[0]! })).points.map((p) => [
        p.period,
        p.value,
      ]),
    ).toEqual([
      ['2013', 5.7],
      ['2014', 6],
    ])
  })

  it('WTO bulk CSV in Windows-1252 (en dash in the indicator names), Million US dollar', async () => {
    const inspected = await t.services.imports.inspect(
      (await t.services.imports.grant(fixture('wto-china-merchandise.csv'), 'dialog')).fileId,
    )
    expect(inspected).toMatchObject({ encoding: 'windows-1252', layout: { id: 'wto' } })
    expect(inspected.preview[0]?.[2]).toContain('product group – annual')
    const d = await imported('wto-china-merchandise.csv')
    expect((await series(d.id, { frequency: 'year' })).points.map((p) => p.value)).toEqual([
      3_593_601_000_000, 3_379_258_000_000,
    ])
    expect((await series(d.id, { frequency: 'year', flow: 'imports' })).points.map((p) => p.value)).toEqual([
      2_556_752_000_000,
    ])
  })
})

describe('generic files and the column mapping', () => {
  it('a long table (date, series, value) is recognised without a dialog', async () => {
    const d = await imported('generic-long.csv')
    expect(d.layout.id).toBe('generic-long')
    expect((await series(d.id, {})).points.map((p) => p.value)).toEqual([307.6, 220.2, 279.7])
    expect((await series(d.id, { flow: 'imports' })).points.map((p) => p.value)).toEqual([232.4, 181.6, 221])
  })

  it('the same file in UTF-16 (with a byte-order mark) gives the same totals', async () => {
    const path = join(t.userDataDir, 'generic-utf16.csv')
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(readFileSync(fixture('generic-long.csv'), 'utf8'), 'utf16le'),
      ]),
    )
    const d = await imported(path)
    expect((await series(d.id, {})).points.map((p) => p.value)).toEqual([307.6, 220.2, 279.7])
  })

  it('an unknown layout gets guesses; the confirmed mapping imports a wide semicolon file with thousands separators, and is saved', async () => {
    const granted = await t.services.imports.grant(fixture('us-census-china-semicolon.csv'), 'dialog')
    const inspected = await t.services.imports.inspect(granted.fileId)
    expect(inspected).toMatchObject({
      layout: null,
      delimiter: ';',
      columns: ['Month', 'Exports', 'Imports', 'Balance'],
    })
    expect(inspected.guess).toMatchObject({ period: 0, values: [1, 2, 3] })
    // US data: the user corrects the reporter and partner and names the unit.
    const mapping = { ...inspected.guess!, reporterCode: 'USA', partnerCode: 'CHN', unitLabel: 'USD million' }
    const outcome = await t.services.imports.importFile(granted.fileId, mapping)
    const d = outcome.dataset!
    expect(d.mapping).toEqual(mapping)
    expect(d.flows).toEqual(['balance', 'exports', 'imports'])
    // The stated unit brings the values into dollars.
    const usExports = await series(d.id, { reporter: 'usa', partner: 'chn' })
    expect(usExports.points.map((p) => p.period)).toEqual(['2001-01', '2001-02', '2001-03'])
    usExports.points.forEach((p, i) => expect(p.value).toBeCloseTo([1187.5, 1289.8, 1658.1][i]! * 1e6, 0))
    expect(usExports.unit).toBe('USD')
    const balance = await series(d.id, { reporter: 'usa', partner: 'chn', flow: 'balance' })
    balance.points.forEach((p, i) => expect(p.value).toBeCloseTo([-7240, -5085.8, -5640][i]! * 1e6, 0))
    // Opening the file again offers the saved mapping.
    const again = await t.services.imports.inspect(
      (await t.services.imports.grant(fixture('us-census-china-semicolon.csv'), 'dialog')).fileId,
    )
    expect(again.guess).toEqual(mapping)
    expect(again.existing).toMatchObject({ dataset: d.id, versions: 1, unchanged: true })
    // Confirming the same mapping for the same file is instant: nothing is read again.
    expect(await t.services.imports.importFile(again.fileId, { ...again.guess! })).toMatchObject({
      status: 'unchanged',
      dataset: { id: d.id },
    })
  })

  it('decimal commas and thousands dots; partner names resolved where the code list knows them', async () => {
    const granted = await t.services.imports.grant(fixture('decimal-comma.csv'), 'dialog')
    const inspected = await t.services.imports.inspect(granted.fileId)
    const d = (
      await t.services.imports.importFile(granted.fileId, {
        ...inspected.guess!,
        partner: 1,
        unitLabel: 'EUR',
      })
    ).dataset!
    expect(byKey((await breakdown(d.id, { flow: 'value' })).rows)).toEqual({
      VNM: 1250.25,
      // German names resolve through CLDR's country names (Intl.DisplayNames).
      USA: 1234.5,
    })
  })
})

describe('the library', () => {
  it('a changed file becomes a new version; the old one is kept; an unchanged file is not imported again', async () => {
    const path = join(t.userDataDir, 'china-2024.csv')
    // A file of its own (another month's figure), so no dataset in the library has its content yet.
    writeFileSync(
      path,
      readFileSync(fixture('comtrade-plus-china-2024.csv'), 'utf8').replaceAll(
        ',9000000000,',
        ',9500000000,',
      ),
    )
    const first = await t.importPath(path)
    expect(first.status).toBe('imported')
    const id = first.dataset!.id
    const again = await t.importPath(path)
    expect(again).toMatchObject({ status: 'unchanged', dataset: { id, versions: [{ version: 1 }] } })
    // Touched but not changed: the hash says it is the same file.
    utimesSync(path, new Date(), new Date(Date.now() + 5000))
    expect((await t.importPath(path)).status).toBe('unchanged')

    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace(',40000000000,', ',41000000000,')
        .replace(',40000000000,', ',41000000000,'),
    )
    const second = await t.importPath(path)
    expect(second.status).toBe('imported')
    expect(second.dataset!.id).toBe(id)
    expect(second.dataset!.versions.map((v) => v.version)).toEqual([1, 2])
    expect(second.dataset!.versions[0]!.sha256).not.toBe(second.dataset!.versions[1]!.sha256)
    expect(byKey((await breakdown(id)).rows).USA).toBe(76 * B)
    expect(existsSync(join(t.userDataDir, 'library', id, 'v1', 'facts.parquet'))).toBe(true)
    expect(JSON.parse(t.manifest()).datasets.find((x: { id: string }) => x.id === id).versions).toHaveLength(
      2,
    )
  })

  it('imported datasets are listed beside the bundled ones (bundled: false) and answer getSeries through the handlers', async () => {
    const handlers = createHandlers(t.services)
    const { datasets } = await handlers.listDatasets({})
    expect(datasets.find((d) => d.id === 'china-trade')?.bundled).toBe(true)
    const mine = datasets.find((d) => d.id === 'comtrade-plus-china-2024')
    expect(mine).toMatchObject({
      bundled: false,
      observations: 14,
      coverage: { from: '2024-01', to: '2024-02' },
    })
    const s = await handlers.getSeries({
      dataset: 'comtrade-plus-china-2024',
      reporter: 'china',
      flow: 'exports',
      partner: 'japan',
      product: 'all',
      measure: 'level',
      frequency: 'month',
    })
    expect(s.points.map((p) => p.value)).toEqual([12.5 * B, 10 * B])
    expect(s.sources[0]?.publisher).toContain('UN Comtrade')
    const list = await handlers.listSeries({ dataset: 'comtrade-plus-china-2024' })
    expect(list.items.map((x) => `${x.reporter}/${x.flow}`)).toEqual(['china/exports', 'china/imports'])
  })

  it('progress events name the file (never a path) and run reading → normalising → writing → done', async () => {
    const path = join(t.userDataDir, 'comtrade-legacy-2019.csv')
    writeFileSync(path, `${readFileSync(fixture('comtrade-legacy-2019.csv'), 'utf8')}\n`)
    t.progress.length = 0
    await imported(path)
    const phases = [...new Set(t.progress.map((p) => p.phase))]
    expect(phases).toEqual(['reading', 'normalising', 'writing', 'done'])
    for (const p of t.progress) {
      expect(p.file).toBe('comtrade-legacy-2019.csv')
      expect(p.bytesRead).toBeLessThanOrEqual(p.totalBytes)
    }
    expect(t.progress.at(-1)).toMatchObject({ phase: 'done', rows: 6 })
  })
})

describe('what a committed version keeps', () => {
  // Runs after every import above: converted ones (Windows-1252, UTF-16), linked ones (UTF-8 CSV,
  // JSON, Parquet, gzip) and a data package.
  it('only the normalised data: no staged input (a converted copy, or a link to the user’s file), no spill files', () => {
    const library = join(t.userDataDir, 'library')
    const manifest = JSON.parse(readFileSync(join(library, 'library.json'), 'utf8')) as {
      datasets: { versions: { dir: string; encoding: string; format: string }[] }[]
    }
    const versions = manifest.datasets.flatMap((d) => d.versions)
    const kinds = new Set(versions.map((v) => `${v.format}/${v.encoding}`))
    for (const kind of ['csv/utf-8', 'csv/windows-1252', 'csv/utf-16le', 'json/utf-8', 'parquet/utf-8'])
      expect(kinds, `a ${kind} import was committed`).toContain(kind)
    for (const version of versions) {
      const dir = join(library, version.dir)
      const names = readdirSync(dir)
      expect(names.sort(), version.dir).toEqual([
        'dims.parquet',
        'facts.parquet',
        'products.parquet',
        'summary.parquet',
      ])
      for (const name of readdirSync(dir)) expect(lstatSync(join(dir, name)).isFile()).toBe(true)
    }
  })
  // Converted files (Windows-1252, UTF-16) are hashed from the bytes their conversion reads; the others
  // in a read of their own. Either way the hash is of the file as the user has it, not of a copy.
  it('each version’s hash is the SHA-256 of the user’s own file, converted or not', () => {
    const manifest = JSON.parse(readFileSync(join(t.userDataDir, 'library', 'library.json'), 'utf8')) as {
      datasets: {
        originalPath: string
        versions: { sha256: string; size: number; mtimeMs: number; format: string; encoding: string }[]
      }[]
    }
    const checked = new Set<string>()
    for (const dataset of manifest.datasets) {
      const latest = dataset.versions.at(-1)!
      // A data package's hash covers its descriptor and every resource; files rewritten since are skipped.
      if (latest.format === 'datapackage' || !existsSync(dataset.originalPath)) continue
      const now = statSync(dataset.originalPath)
      if (now.size !== latest.size || now.mtimeMs !== latest.mtimeMs) continue
      const expected = createHash('sha256').update(readFileSync(dataset.originalPath)).digest('hex')
      expect(latest.sha256, dataset.originalPath).toBe(expected)
      checked.add(`${latest.format}/${latest.encoding}`)
    }
    for (const kind of ['csv/utf-8', 'csv/windows-1252', 'csv/utf-16le'])
      expect(checked, `a ${kind} import was checked`).toContain(kind)
  })
})
