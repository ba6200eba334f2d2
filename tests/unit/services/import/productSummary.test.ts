/**
 * The by-product summary (reporter × flow × product × period) the product charts read. An import
 * writes it, so the first product chart after the import reads it at once; a version imported before
 * imports wrote it has it made on first use. Both give the same numbers, equal to the file's own
 * (summed here with papaparse); and while it is being made, the other charts are answered, not queued
 * behind it.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../../electron/dispatch'
import { createHandlers } from '../../../../electron/handlers'
import { openServices, type Services } from '../../../../electron/services'
import type { Breakdown } from '../../../../electron/shared/importApi'
import type { Ranking } from '../../../../electron/shared/exploreApi'
import { zipCsvRows } from '../../../support/zipMember'
import { dataDir, repo } from './helpers'

const REAL = join(repo, 'tests', 'fixtures', 'real', 'comtrade', 'legacy-china-usa-hs-all-levels-2018.zip')

const opened: { services: Services; userDataDir: string }[] = []
afterAll(async () => {
  for (const { services, userDataDir } of opened) {
    await services.close()
    rmSync(userDataDir, { recursive: true, force: true })
  }
})

async function open(userDataDir = mkdtempSync(join(tmpdir(), 'cte-products-'))) {
  const services = await openServices({ dataDir, userDataDir })
  opened.push({ services, userDataDir })
  const handlers = createHandlers(services)
  const call = async <T>(name: string, args: Record<string, unknown>): Promise<T> => {
    const envelope = await dispatch(handlers, name, args)
    if (!envelope.ok) throw new Error(envelope.error.message)
    return envelope.data as T
  }
  return {
    services,
    userDataDir,
    call,
    async importPath(path: string) {
      const { fileId } = await services.imports.grant(path, 'dialog')
      const outcome = await services.imports.importFile(fileId)
      return outcome.dataset!.id
    },
    /** The dataset's only version folder. */
    versionDir(id: string) {
      const entry = services.imports.library.get(id)!
      return services.imports.library.versionDir(entry, entry.versions.at(-1)!)
    },
    async close() {
      opened.splice(
        opened.findIndex((o) => o.services === services),
        1,
      )
      await services.close()
    },
  }
}

/** What the user sees of a product view: its rows and totals (not the version's import date). */
const shown = (r: Ranking) => ({ rows: r.rows, other: r.other, total: r.total, from: r.from, to: r.to })

describe('a real Comtrade file (China’s exports to the US, 2018, every HS level)', () => {
  const rows = zipCsvRows(REAL, 'comtrade_ch_us_ex.csv')
  const value = (r: Record<string, string>) => Number(r['Trade Value (US$)'])
  const ranked = (level: string, prefix = '') =>
    rows
      .filter((r) => r['Aggregate Level'] === level && r['Commodity Code']!.startsWith(prefix))
      .map((r): [string, number] => [r['Commodity Code']!, value(r)])
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))

  let afterImport: { chapters: Breakdown; headings: Ranking; sections: Ranking }

  beforeAll(async () => {
    const app = await open()
    const id = await app.importPath(REAL)
    expect(existsSync(join(app.versionDir(id), 'products.parquet'))).toBe(true)
    const top = ranked('2')[0]![0]
    afterImport = {
      chapters: await app.call('getBreakdown', {
        dataset: id,
        reporter: 'china',
        flow: 'exports',
        by: 'product',
        top: 10,
      }),
      sections: await app.call('getRanking', { dataset: id, flow: 'exports', by: 'product' }),
      headings: await app.call('getRanking', {
        dataset: id,
        flow: 'exports',
        by: 'product',
        parent: `hs${top}`,
      }),
    }
  })

  it('right after the import, the product charts give the file’s own numbers', () => {
    const chapters = ranked('2')
    expect(afterImport.chapters.rows.map((r) => [r.key, r.value])).toEqual(chapters.slice(0, 10))
    expect(afterImport.chapters.total).toBe(chapters.reduce((s, [, v]) => s + v, 0))
    const headings = ranked('4', chapters[0]![0])
    expect(afterImport.headings.rows.map((r) => [r.code, r.value])).toEqual(
      headings.slice(0, 10).map(([code, v]) => [`hs${code}`, v]),
    )
    expect(afterImport.sections.total).toBe(chapters.reduce((s, [, v]) => s + v, 0))
  })

  it('a version without the summary (imported before imports wrote it) has it made on first use: the same numbers', async () => {
    const app = await open()
    const id = await app.importPath(REAL)
    rmSync(join(app.versionDir(id), 'products.parquet'))
    const chapters = await app.call<Breakdown>('getBreakdown', {
      dataset: id,
      reporter: 'china',
      flow: 'exports',
      by: 'product',
      top: 10,
    })
    expect(existsSync(join(app.versionDir(id), 'products.parquet'))).toBe(true)
    expect(chapters).toEqual({ ...afterImport.chapters, dataset: id })
    const sections = await app.call<Ranking>('getRanking', { dataset: id, flow: 'exports', by: 'product' })
    expect(shown(sections)).toEqual(shown(afterImport.sections))
    const headings = await app.call<Ranking>('getRanking', {
      dataset: id,
      flow: 'exports',
      by: 'product',
      parent: afterImport.headings.path.at(-1)!.code,
    })
    expect(shown(headings)).toEqual(shown(afterImport.headings))
  })
})

/**
 * A file big enough that making its summary takes a while: 600,000 rows in the UN Comtrade Plus
 * layout (China's monthly trade with eight partners in 1,000 HS6 products, 2023–2024), written here by
 * DuckDB from a fixed hash of the row number.
 */
async function writeLargeFile(path: string): Promise<void> {
  const header =
    'typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate'
  const partners = `['842,USA', '392,JPN', '410,KOR', '276,DEU', '704,VNM', '036,AUS', '076,BRA', '356,IND']`
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    // One text column whose name is the header and whose values are whole lines; tab-delimited, so the
    // commas inside are written as they are.
    await connection.run(`COPY (
      SELECT 'C,M,,,,' || (2023 + (i % 24) // 12) || lpad(CAST(i % 12 + 1 AS VARCHAR), 2, '0') || ',156,CHN,,'
          || CASE WHEN hash(i, 1) % 10 < 6 THEN 'X' ELSE 'M' END || ',,' || ${partners}[CAST(hash(i, 2) % 8 AS BIGINT) + 1] || ',,,,,,,,'
          || lpad(CAST(hash(i, 3) % 97 + 1 AS VARCHAR), 2, '0') || lpad(CAST(hash(i, 4) % 10 * 7 + 10 AS VARCHAR), 4, '0')
          || repeat(',', 23) || CAST(hash(i, 5) % 50000000 + 100 AS VARCHAR) || ',,,' AS "${header}"
        FROM range(600000) t(i)
    ) TO '${path.replace(/'/g, "''")}' (FORMAT csv, HEADER true, DELIMITER '\t', QUOTE '')`)
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

describe('a query while the summary is being made', () => {
  it('is answered, not queued behind it; the product chart after it gives the same numbers as right after the import', async () => {
    const first = await open()
    const file = join(first.userDataDir, 'comtrade-plus-600k.csv')
    await writeLargeFile(file)
    const id = await first.importPath(file)
    const chart = { dataset: id, reporter: 'china', flow: 'exports', top: 10 }
    const products = await first.call<Breakdown>('getBreakdown', { ...chart, by: 'product' })
    const partners = await first.call<Breakdown>('getBreakdown', { ...chart, by: 'partner' })
    expect(products.rows).toHaveLength(10)
    expect(partners.rows).toHaveLength(8)
    const dir = first.versionDir(id)
    await first.close()

    // As a version imported before imports wrote the summary: made on the first product chart.
    rmSync(join(dir, 'products.parquet'))
    const app = await open(first.userDataDir)
    let made = false
    const making = app.services.imports.productsFile(id).then((f) => ((made = true), f))
    // Under way: its output file is open.
    const started = Date.now()
    while (
      !readdirSync(dir).some((f) => f.startsWith('.products.')) &&
      !made &&
      Date.now() - started < 10_000
    )
      await new Promise((r) => setTimeout(r, 2))
    expect(made, 'the summary was made before the test could ask during it').toBe(false)
    const during = await app.call<Breakdown>('getBreakdown', { ...chart, by: 'partner' })
    expect(made, 'the partner chart waited for the product summary').toBe(false)
    expect(during).toEqual(partners)
    await making
    expect(await app.call<Breakdown>('getBreakdown', { ...chart, by: 'product' })).toEqual(products)
  }, 120_000)
})
