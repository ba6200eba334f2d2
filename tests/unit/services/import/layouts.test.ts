/** Each published layout is recognised from its exact header, and nothing else is mistaken for one. */
import { readFileSync } from 'node:fs'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { filledColumns, guessMapping, planFor, recognise } from '../../../../electron/services/import/layouts'
import { guessMissed } from '../../../../electron/services/import/errors'
import { MACROS, sqlString } from '../../../../electron/services/import/sql'
import { fixture } from './helpers'

const headerOf = (name: string, skip = 0) => {
  const line = readFileSync(fixture(name), 'latin1').split(/\r?\n/)[skip]!
  return line.split(',').map((h) => h.replace(/^"|"$/g, ''))
}

describe('recognisers', () => {
  it.each([
    ['comtrade-plus-china-2024.csv', 0, 'comtrade-plus'],
    ['comtrade-legacy-2019.csv', 0, 'comtrade-legacy'],
    ['comtrade-legacy-35.csv', 0, 'comtrade-legacy'],
    ['baci-hs17-2022.csv', 0, 'baci'],
    ['baci-r-export.csv', 0, 'baci'],
    ['wdi-tx-val-mrch.csv', 4, 'wdi'],
    ['imf-imts.csv', 0, 'imf-imts'],
    ['imf-dots-timeseries.csv', 0, 'imf-dots'],
    ['wto-china-merchandise.csv', 0, 'wto'],
    ['generic-long.csv', 0, 'generic-long'],
  ])('%s is %s', (name, skip, layout) => {
    expect(recognise(headerOf(name, skip))?.layout).toBe(layout)
  })

  it('the short IMTS header variant is recognised too', () => {
    expect(
      recognise(
        'DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE,PRECISION'.split(
          ',',
        ),
      )?.layout,
    ).toBe('imf-imts')
  })

  it.each([
    [['a', 'b', 'c']],
    [['t', 'i', 'j', 'k', 'v']],
    [['t', 'i', 'j', 'k', 'v', 'q', 'extra']],
    [['Month', 'Exports', 'Imports', 'Balance']],
    [['typeCode', 'freqCode', 'period']],
  ])('%j is not a published layout', (header) => {
    expect(recognise(header)).toBeNull()
  })

  it('SQL never embeds header text: columns are referred to as c0…cN', () => {
    const hostile = "x'); DROP TABLE cte_codes; --"
    const plan = planFor({ period: 0, values: [1, 2] }, ['date', hostile, 'value'])
    // The one place a header name enters SQL (a wide table's flow names) is a quoted literal.
    expect(plan.facts).toContain("'x''); DROP TABLE cte_codes; --'")
    expect(plan.facts).not.toContain(`'${hostile}'`)
    const guessed = guessMapping(["da'te", 'value'], [['2024-01', '1']], { decimal: '.', thousands: '' })
    expect(guessed).toMatchObject({ period: 0, values: [1] })
  })
})

describe('Comtrade product keys', () => {
  let instance: DuckDBInstance
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:')
  })
  afterAll(() => instance.closeSync())

  // Product codes as spreadsheets and downloads write them, and the key each must get (by hand): the
  // total only from a total code, HS codes trimmed and left-padded to an even length, SITC codes marked.
  it.each([
    ['H6', '010121', '010121'],
    ['H6', '0101', '0101'],
    ['H6', '1', '01'],
    ['H6', '101', '0101'],
    ['H6', ' 01', '01'],
    ['H6', '01 ', '01'],
    ['H6', '01\u00a0', '01'],
    ['H6', '12\u3000', '12'],
    ['H6', '12 34', '12 34'],
    ['H6', 'TOTAL', 'TOTAL'],
    ['H6', ' total ', 'TOTAL'],
    [null, '010121', '010121'],
    [null, '7', '7'],
    [null, '76 ', '76'],
    ['S3', '76', 'SITC 76'],
    ['EB', '200', 'TOTAL'],
    ['EB', '205', '205'],
  ])('classification %j, code %j: %j', async (classification, code, expected) => {
    const header = headerOf('comtrade-plus-china-2024.csv')
    const plan = recognise(header)!
    const at = (name: string) => header.indexOf(name)
    const cells = header.map(() => 'NULL::VARCHAR')
    cells[at('cmdCode')] = sqlString(code)
    cells[at('classificationCode')] = classification === null ? 'NULL' : sqlString(classification)
    cells[at('primaryValue')] = '1.0'
    const db = await instance.connect()
    for (const sql of MACROS) await db.run(sql.replace('CREATE MACRO', 'CREATE OR REPLACE MACRO'))
    await db.run(`CREATE OR REPLACE VIEW src AS SELECT ${cells.map((c, i) => `${c} AS c${i}`).join(', ')}`)
    const rows = (await db.runAndReadAll(`SELECT product FROM (${plan.facts})`)).getRowObjects()
    db.closeSync()
    expect(rows.map((r) => r.product)).toEqual([expected])
  })
})

describe('Comtrade country keys: the ISO columns alone where every sampled row fills them', () => {
  const header = headerOf('comtrade-plus-china-2024.csv')
  const at = (name: string) => header.indexOf(name)
  const row = (reporterIso: string, partnerIso: string) =>
    header.map((name) =>
      name === 'reporterISO'
        ? reporterIso
        : name === 'partnerISO'
          ? partnerIso
          : ({ reporterCode: '156', partnerCode: '842', period: '2024', cmdCode: 'TOTAL' }[name] ?? ''),
    )

  it.each([
    ['every row fills both', [row('CHN', 'USA'), row('CHN', 'W00')], ['reporterISO', 'partnerISO']],
    ['one row leaves a partner empty', [row('CHN', 'USA'), row('CHN', '')], ['reporterISO']],
    ['a cell of spaces is filled (as DuckDB reads it)', [row('CHN', ' ')], ['reporterISO', 'partnerISO']],
    ['no rows: nothing is known', [], []],
  ])('%s', (_, sample, names) => {
    const filled = filledColumns(header, sample)
    for (const name of ['reporterISO', 'partnerISO']) expect(filled.has(at(name))).toBe(names.includes(name))
  })

  let instance: DuckDBInstance
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:')
  })
  afterAll(() => instance.closeSync())

  const keysOf = async (facts: string, cells: string[]) => {
    const db = await instance.connect()
    try {
      for (const sql of MACROS) await db.run(sql.replace('CREATE MACRO', 'CREATE OR REPLACE MACRO'))
      const values = cells.map((c, i) => `${c === '' ? 'NULL::VARCHAR' : sqlString(c)} AS c${i}`)
      await db.run(`CREATE OR REPLACE VIEW src AS SELECT ${values.join(', ')}`)
      return (await db.runAndReadAll(`SELECT reporter_k, partner_k FROM (${facts})`)).getRowObjects()
    } finally {
      db.closeSync()
    }
  }

  it('reads neither code column, and stops with its own marker at an empty ISO cell', async () => {
    const plan = recognise(header, [], filledColumns(header, [row('CHN', 'USA')]))!
    expect(plan.facts).not.toMatch(new RegExp(`\\bc(${at('reporterCode')}|${at('partnerCode')})\\b`))
    expect(await keysOf(plan.facts, row('CHN', 'USA'))).toEqual([{ reporter_k: 'CHN', partner_k: 'USA' }])
    const stopped = await keysOf(plan.facts, row('CHN', '')).catch((e: unknown) => e)
    expect(guessMissed(stopped)).toBe(true)
  })

  it('with nothing known, reads the code where the ISO cell is empty', async () => {
    const plan = recognise(header)!
    expect(plan.facts).toMatch(new RegExp(`\\bc${at('partnerCode')}\\b`))
    expect(await keysOf(plan.facts, row('CHN', ''))).toEqual([{ reporter_k: 'CHN', partner_k: '842' }])
  })
})

describe('mapping guesses', () => {
  const style = { decimal: '.', thousands: ',' }
  it('a wide table of monthly flows: the month column and every numeric column', () => {
    const header = ['Month', 'Exports', 'Imports', 'Balance']
    const sample = [
      ['January 2001', '1,187.5', '8,427.5', '-7,240.0'],
      ['February 2001', '1,289.8', '6,375.6', '-5,085.8'],
    ]
    expect(guessMapping(header, sample, style)).toMatchObject({ period: 0, values: [1, 2, 3], partner: null })
  })

  it('names in Chinese and German are understood', () => {
    expect(guessMapping(['日期', '国家', '金额'], [['2024-01', '美国', '12.5']], style)).toMatchObject({
      period: 0,
      partner: 1,
      values: [2],
    })
    expect(
      guessMapping(['Zeitraum', 'Partnerland', 'Ausfuhr'], [['2024-01', 'Viet Nam', '1,5']], {
        decimal: ',',
        thousands: '.',
      }),
    ).toMatchObject({ period: 0, values: [2] })
  })
})
