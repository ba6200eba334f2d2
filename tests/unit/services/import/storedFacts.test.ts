/**
 * How a version's fact rows are stored: columns a layout fills with one literal (Comtrade's unit, the
 * indicator and quantities it does not have) are kept once in the manifest, not on every row of
 * facts.parquet; and a library written before that (every column in the file, no constants in the
 * manifest) still opens and gives the same answers. Real published files (tests/fixtures/real).
 */
import { readFileSync, rmSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../../electron/dispatch'
import { createHandlers } from '../../../../electron/handlers'
import { openServices, type Services } from '../../../../electron/services'
import { constantFacts, FACT_COLUMNS } from '../../../../electron/services/import/sql'
import { dataDir, repo } from './helpers'

const real = (path: string) => join(repo, 'tests', 'fixtures', 'real', path)
const COMTRADE = real('comtrade/plus-china-imports-by-partner-2022.csv')
const BACI = real('baci/r-export-hs17-2021.csv')

interface Version {
  dir: string
  constants?: Record<string, string | null>
}
interface Manifest {
  datasets: { id: string; fileName: string; versions: Version[] }[]
}

let userDataDir = ''
let services: Services | null = null
const ids: Record<string, string> = {}
const library = () => join(userDataDir, 'library')
const manifest = () => JSON.parse(readFileSync(join(library(), 'library.json'), 'utf8')) as Manifest
const versionOf = (id: string) =>
  manifest()
    .datasets.find((d) => d.id === id)!
    .versions.at(-1)!

async function sql<T>(query: string): Promise<T[]> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    return (await connection.runAndReadAll(query)).getRowObjectsJS() as T[]
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

const columnsOf = async (file: string) =>
  (await sql<{ column_name: string }>(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).map(
    (c) => c.column_name,
  )

beforeAll(async () => {
  userDataDir = mkdtempSync(join(tmpdir(), 'cte-stored-'))
  services = await openServices({ dataDir, userDataDir })
  for (const [name, path] of Object.entries({ comtrade: COMTRADE, baci: BACI })) {
    const granted = await services.imports.grant(path, 'dialog')
    ids[name] = (await services.imports.importFile(granted.fileId)).dataset!.id
  }
})
afterAll(async () => {
  await services?.close()
  rmSync(userDataDir, { recursive: true, force: true })
})

/** Answers that read the facts themselves (rankings, drill-down, one partner's product series) and the summaries. */
async function answers(): Promise<unknown[]> {
  const handlers = createHandlers(services!)
  const call = async (method: string, args: Record<string, unknown>) => {
    const envelope = await dispatch(handlers, method as never, args)
    if (!envelope.ok) throw new Error(envelope.error.message)
    return envelope.data
  }
  const sections = (await call('getRanking', {
    dataset: ids.baci,
    reporter: 'afg',
    by: 'product',
    top: 50,
  })) as { rows: { code: string; drill: boolean }[] }
  const section = sections.rows.find((r) => r.drill)!.code
  return [
    await call('getRanking', { dataset: ids.comtrade, flow: 'imports', by: 'partner', top: 5 }),
    sections,
    await call('getRanking', { dataset: ids.baci, reporter: 'afg', by: 'product', parent: section, top: 50 }),
    await call('getRanking', {
      dataset: ids.baci,
      reporter: 'afg',
      by: 'product',
      parent: 'hs3823',
      top: 50,
    }),
    await call('getBreakdown', {
      dataset: ids.baci,
      reporter: 'afg',
      flow: 'exports',
      by: 'product',
      top: 5,
    }),
    await call('getBreakdown', {
      dataset: ids.comtrade,
      reporter: 'china',
      flow: 'imports',
      by: 'partner',
      top: 5,
    }),
    // Afghanistan's exports of HS 38 to Angola: the file's first row (382390, 52.051 thousand USD).
    await call('getSeries', {
      dataset: ids.baci,
      reporter: 'afg',
      flow: 'exports',
      partner: 'ago',
      product: 'hs38',
      measure: 'level',
      frequency: 'year',
    }),
  ]
}

describe('stored facts', () => {
  it('constant columns are kept once in the manifest, the rest in facts.parquet, each column in one place', async () => {
    const comtrade = versionOf(ids.comtrade!)
    expect(comtrade.constants).toEqual({ indicator: null, unit: 'USD', quantity: null, quantity_unit: null })
    expect(await columnsOf(join(library(), comtrade.dir, 'facts.parquet'))).toEqual([
      'period_k',
      'reporter_k',
      'partner_k',
      'flow_k',
      'product',
      'value',
    ])
    // BACI has quantities (q): that column varies, so it is stored.
    const baci = versionOf(ids.baci!)
    const stored = await columnsOf(join(library(), baci.dir, 'facts.parquet'))
    expect(stored).toContain('quantity')
    expect(Object.keys(baci.constants ?? {})).not.toContain('quantity')
    expect([...stored, ...Object.keys(baci.constants ?? {})].sort()).toEqual([...FACT_COLUMNS].sort())
  })

  it('a library written before (every column on every row, no constants) opens and answers the same', async () => {
    const now = await answers()
    await services!.close()
    services = null
    // Rewrite each version as the app wrote it before: every fact column in facts.parquet, in order, and
    // a manifest without constants; the product summary is made again from those facts.
    const m = manifest()
    for (const version of m.datasets.flatMap((d) => d.versions)) {
      const dir = join(library(), version.dir)
      const fixed = version.constants ?? {}
      const select = FACT_COLUMNS.map((c) =>
        c in fixed
          ? `CAST(${fixed[c] === null ? 'NULL' : `'${fixed[c]}'`} AS ${c === 'quantity' ? 'DOUBLE' : 'VARCHAR'}) AS ${c}`
          : c,
      ).join(', ')
      await sql(
        `COPY (SELECT ${select} FROM read_parquet('${join(dir, 'facts.parquet')}')) TO '${join(dir, 'old.parquet')}' (FORMAT parquet)`,
      )
      rmSync(join(dir, 'facts.parquet'))
      rmSync(join(dir, 'products.parquet'), { force: true })
      writeFileSync(join(dir, 'facts.parquet'), readFileSync(join(dir, 'old.parquet')))
      rmSync(join(dir, 'old.parquet'))
      delete version.constants
    }
    writeFileSync(join(library(), 'library.json'), JSON.stringify(m))
    expect(await columnsOf(join(library(), versionOf(ids.comtrade!).dir, 'facts.parquet'))).toEqual([
      ...FACT_COLUMNS,
    ])

    services = await openServices({ dataDir, userDataDir })
    expect(await answers()).toEqual(now)
    expect(existsSync(join(library(), versionOf(ids.baci!).dir, 'products.parquet'))).toBe(true)
  })
})

describe('constantFacts', () => {
  const parse = async (select: string) =>
    (await sql<{ tree: string }>(`SELECT json_serialize_sql('${select.replace(/'/g, "''")}') AS tree`))[0]!
      .tree
  const select = (unit: string, quantity = 'NULL') =>
    `SELECT CAST(c0 AS VARCHAR) AS period_k, CAST(c1 AS VARCHAR) AS reporter_k, CAST(c2 AS VARCHAR) AS partner_k,
      CAST('X' AS VARCHAR) AS flow_k, CAST(c3 AS VARCHAR) AS product, CAST(NULL AS VARCHAR) AS indicator,
      CAST(c4 AS DOUBLE) AS value, CAST(${unit} AS VARCHAR) AS unit, CAST(${quantity} AS DOUBLE) AS quantity,
      CAST(NULL AS VARCHAR) AS quantity_unit FROM src`

  it('only literals count, the same in every part; a number column only as NULL', async () => {
    expect(await constantFacts(parse, [select(`'USD'`)])).toEqual({
      flow_k: 'X',
      indicator: null,
      unit: 'USD',
      quantity: null,
      quantity_unit: null,
    })
    // A text with a quote in it is read as written.
    expect((await constantFacts(parse, [select(`'US''s dollars'`)])).unit).toBe("US's dollars")
    // An expression, even of a literal, is stored.
    expect(await constantFacts(parse, [select(`upper('usd')`)])).not.toHaveProperty('unit')
    expect(await constantFacts(parse, [select(`c5`)])).not.toHaveProperty('unit')
    expect(await constantFacts(parse, [select(`'USD'`, `'1'`)])).not.toHaveProperty('quantity')
    // Two parts with other units: the unit varies across the dataset.
    const two = await constantFacts(parse, [select(`'USD'`), select(`'EUR'`)])
    expect(two).not.toHaveProperty('unit')
    expect(two).toMatchObject({ flow_k: 'X', indicator: null })
    // Something that is not one SELECT: nothing is taken for constant.
    expect(await constantFacts(parse, ['SELECT 1 AS unit; SELECT 2 AS unit'])).toEqual({})
    expect(await constantFacts(parse, ['SELEC nonsense'])).toEqual({})
  })
})
