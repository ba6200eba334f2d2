/**
 * Country numbers that mean one area in UN Comtrade and another in CEPII BACI or the ISO list: each
 * source's files are read by its own list, checked against the real lists (UN Comtrade's partner areas,
 * BACI's country_codes file; tests/fixtures/real/README.md).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import Papa from 'papaparse'
import { beforeAll, describe, expect, it } from 'vitest'
import { codeTablesSql, loadCodeLists, type CodeLists } from '../../../../electron/services/import/codes'
import { dataDir, repo } from './helpers'

const real = (path: string) => readFileSync(join(repo, 'tests', 'fixtures', 'real', path), 'utf8')
let codes: CodeLists
let lookup: (table: string, code: string) => Promise<string | null>

beforeAll(async () => {
  codes = await loadCodeLists(join(dataDir, 'codes'))
  const db = await (await DuckDBInstance.create(':memory:')).connect()
  for (const sql of codeTablesSql(codes)) await db.run(sql)
  lookup = async (table, code) => {
    const rows = (await db.runAndReadAll(`SELECT iso3 FROM ${table} WHERE code = '${code}'`)).getRowObjects()
    return rows.length ? String(rows[0]!.iso3) : null
  }
})

describe('area codes by source', () => {
  it("UN Comtrade: its '…, nes' groups are no ISO country (492 'Europe EU, nes' is not Monaco), 490 is Other Asia, nes", async () => {
    const areas = (
      JSON.parse(real('comtrade/partnerAreas.json')) as { results: { id: string; text: string }[] }
    ).results
    expect(areas.find((a) => a.id === '492')?.text).toBe('Europe EU, nes')
    expect(areas.find((a) => a.id === '490')?.text).toBe('Other Asia, nes')
    for (const area of areas.filter((a) => /,\s*nes$/.test(a.text))) {
      const iso3 = await lookup('cte_comtrade', area.id)
      expect(iso3 === null || !codes.countries.get(iso3)?.iso2, `${area.id} ${area.text} → ${iso3}`).toBe(
        true,
      )
    }
    expect(await lookup('cte_comtrade', '492')).toBeNull()
    expect(await lookup('cte_comtrade', '490')).toBe('S19')
    expect(await lookup('cte_comtrade', '842')).toBe('USA')
    // By the ISO numbers (files with no source of their own), 492 is Monaco.
    expect(await lookup('cte_codes', '492')).toBe('MCO')
  })

  it("CEPII BACI: every country of its own country_codes file is read as that file's ISO-3 code (490 Chinese Taipei), unions kept as unions", async () => {
    const rows = Papa.parse<Record<string, string>>(real('baci/country_codes_V202301.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data
    const known = rows.filter((r) => codes.countries.has(r.iso_3digit_alpha!))
    expect(known.length).toBeGreaterThan(200)
    const wrong: string[] = []
    for (const r of known) {
      const iso3 = await lookup('cte_baci', r.country_code!)
      if (iso3 !== r.iso_3digit_alpha)
        wrong.push(`${r.country_code} ${r.country_name_abbreviation} → ${iso3}`)
    }
    // Two BACI rows name a union by one member's ISO codes; they stay the union, never that member.
    expect(wrong).toEqual(['58 Belgium-Luxembourg → BLX', '711 So. African Customs Union → null'])
    expect(await lookup('cte_baci', '490')).toBe('TWN')
  })
})
