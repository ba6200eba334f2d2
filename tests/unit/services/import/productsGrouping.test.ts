/**
 * The by-product summary grouped by one number for reporter × flow × period (× unit), read back from
 * the combinations table (combosSql), gives the same rows as grouping by the text keys: with several
 * reporters (one unknown), flows two keys spell alike, units that vary, World rows, totals and empty
 * keys. Where two combinations share their number, the check says so and the import groups by the keys.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  comboHashesDistinctSql,
  combosSql,
  keyedSql,
  MACROS,
  productsSql,
} from '../../../../electron/services/import/sql'

let instance: DuckDBInstance
let db: DuckDBConnection

const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS()
const sorted = async (sql: string) =>
  (await rows(sql))
    .map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)))
    .sort()

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:')
  db = await instance.connect()
  for (const sql of MACROS) await db.run(sql)
  // period_k, reporter_k, partner_k, flow_k, product, value, unit
  await db.run(`CREATE TABLE facts AS SELECT * FROM (VALUES
      ('202401', '156', '842', 'X', '01', 10.0, 'USD'),
      ('202401', '156', '842', 'X', '0101', 4.0, 'USD'),
      ('202401', '156', '392', 'X', '01', 5.0, 'USD'),
      ('202401', '156', '0', 'X', '01', 16.0, 'USD'),
      ('202401', '156', '842', '2', '01', 1.0, 'USD'),
      ('202401', '156', '842', 'X', '01', 7.0, 'KG'),
      ('202401', '156', '842', 'X', 'TOTAL', 99.0, 'USD'),
      ('202402', '156', '842', 'M', '02', 3.0, 'USD'),
      ('202402', NULL, '842', 'M', '02', 2.0, 'USD'),
      ('202402', '842', '156', 'M', '02', 8.0, 'USD'),
      ('202402', '842', '156', 'M', '02', NULL, 'USD'),
      (NULL, '842', '156', 'M', '03', 6.0, 'USD')
    ) t(period_k, reporter_k, partner_k, flow_k, product, value, unit)`)
  // Two flow keys, X and 2, are both exports: their rows are summed together.
  await db.run(`CREATE TABLE dims AS SELECT * FROM (VALUES
      ('period', '202401', '2024-01'), ('period', '202402', '2024-02'), ('period', NULL, NULL),
      ('country', '156', 'CHN'), ('country', '842', 'USA'), ('country', '392', 'JPN'), ('country', '0', 'WLD'),
      ('country', NULL, NULL),
      ('flow', 'X', 'exports'), ('flow', '2', 'exports'), ('flow', 'M', 'imports')
    ) t(dim, key, value)`)
  await db.run(`CREATE TABLE keyed AS ${keyedSql('facts')}`)
  await db.run(`CREATE TABLE combos AS ${combosSql('keyed')}`)
})

afterAll(() => {
  db.closeSync()
  instance.closeSync()
})

describe('the by-product summary grouped by the combinations’ number', () => {
  it('tells every combination in the facts apart here', async () => {
    expect(await rows(comboHashesDistinctSql('combos'))).toEqual([{ distinct: true }])
    // reporter × flow × period × unit: (156, X, 202401, USD), (156, 2, 202401, USD), (156, X, 202401, KG),
    // (156, M, 202402), (NULL, M, 202402), (842, M, 202402), (842, M, NULL)
    expect(await rows('SELECT count(*) AS n FROM combos')).toEqual([{ n: 7n }])
  })

  it('gives the rows grouping by the text keys gives, World and partners side by side', async () => {
    for (const world of [[], ['0']]) {
      const byKeys = await sorted(productsSql('facts', 'dims', world))
      expect(await sorted(productsSql('facts', 'dims', world, {}, 'combos'))).toEqual(byKeys)
    }
    const [exports] = await rows(
      `SELECT world, partners, value FROM (${productsSql('facts', 'dims', ['0'], {}, 'combos')})
        WHERE reporter = 'CHN' AND flow = 'exports' AND product = '01' AND period = '2024-01' AND unit = 'USD'`,
    )
    // Partners 10 + 5 + 1 (flow key 2), the World 16; the KG row and the TOTAL row apart.
    expect(exports).toEqual({ world: 16, partners: 16, value: 16 })
  })

  it('with the unit one constant, groups without it and gives the same rows', async () => {
    const usd = { unit: 'USD' }
    await db.run(`CREATE TABLE usd AS SELECT * EXCLUDE (unit) FROM facts WHERE unit = 'USD'`)
    const facts = `(SELECT *, CAST('USD' AS VARCHAR) AS unit FROM usd)`
    await db.run(`CREATE TABLE keyed_usd AS ${keyedSql(facts, usd)}`)
    await db.run(`CREATE TABLE combos_usd AS ${combosSql('keyed_usd', usd)}`)
    expect(await rows('SELECT count(*) AS n FROM combos_usd')).toEqual([{ n: 6n }])
    expect(await sorted(productsSql(facts, 'dims', ['0'], usd, 'combos_usd'))).toEqual(
      await sorted(productsSql(facts, 'dims', ['0'], usd)),
    )
  })

  it('says so where two combinations share their number', async () => {
    await db.run(`CREATE TABLE clash AS SELECT * REPLACE (42::UBIGINT AS hk) FROM combos`)
    expect(await rows(comboHashesDistinctSql('clash'))).toEqual([{ distinct: false }])
  })
})
