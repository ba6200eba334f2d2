/**
 * Rankings of real published files: partners of China's imports (a UN Comtrade Plus download) and the
 * product drill-down of a CEPII BACI file (6-digit HS) from sections to subheadings. Expected values
 * are summed here from the file's own rows (papaparse), never taken from the app.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../../electron/dispatch'
import { createHandlers } from '../../../../electron/handlers'
import type { Ranking } from '../../../../electron/shared/exploreApi'
import { openTestServices, repo, type TestServices } from '../import/helpers'

const real = (path: string) => join(repo, 'tests', 'fixtures', 'real', path)
const COMTRADE = real('comtrade/plus-china-imports-by-partner-2022.csv')
const BACI = real('baci/r-export-hs17-2021.csv')

let t: TestServices
let handlers: ReturnType<typeof createHandlers>
let baciId = ''
let comtradeId = ''

beforeAll(async () => {
  t = await openTestServices()
  handlers = createHandlers(t.services)
  comtradeId = (await t.importPath(COMTRADE)).dataset!.id
  baciId = (await t.importPath(BACI)).dataset!.id
})
afterAll(() => t?.close())

async function ranking(args: Record<string, unknown>): Promise<Ranking> {
  const envelope = await dispatch(handlers, 'getRanking', args)
  if (!envelope.ok) throw new Error(envelope.error.message)
  return envelope.data as Ranking
}

describe('partner ranking (UN Comtrade Plus, China’s imports by partner, 2022)', () => {
  it('ranks the file’s partners by value with their shares; the total is the sum of partners', async () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(COMTRADE, 'latin1'), { header: true }).data
    const byPartner = new Map<string, number>()
    for (const r of rows)
      if (r.reporterISO === 'CHN' && r.flowCode === 'M' && r.cmdCode === 'TOTAL' && r.partnerISO !== 'W00')
        byPartner.set(r.partnerISO!, (byPartner.get(r.partnerISO!) ?? 0) + Number(r.primaryValue))
    const expected = [...byPartner].sort((a, b) => b[1] - a[1])
    const total = expected.reduce((s, [, v]) => s + v, 0)

    const answer = await ranking({ dataset: comtradeId, flow: 'imports', by: 'partner', top: 5 })
    expect(answer.from).toBe('2022')
    expect(answer.rows.map((r) => [r.iso3, r.value])).toEqual(
      expected.slice(0, 5).map(([iso3, v]) => [iso3, expect.closeTo(v, 0)]),
    )
    expect(answer.total).toBeCloseTo(total, 0)
    expect(answer.rows[0]!.share).toBeCloseTo((expected[0]![1] / total) * 100, 6)
    expect(answer.other.count).toBe(expected.length - 5)
    expect(answer.other.value).toBeCloseTo(total - expected.slice(0, 5).reduce((s, [, v]) => s + v, 0), 0)
    // One year in the file: no year before to compare with, so no y/y rather than an invented one.
    expect(answer.rows.every((r) => r.yoy === null)).toBe(true)
    expect(answer.all).toHaveLength(expected.length)
  })
})

describe('product drill-down (CEPII BACI, HS92 codes, 2021: six-digit rows only)', () => {
  const rows = Papa.parse<Record<string, string>>(readFileSync(BACI, 'utf8'), {
    header: true,
    dynamicTyping: false,
  }).data.filter((r) => r.i === '4' && r.k)
  // BACI values are thousands of US dollars; the app holds US dollars.
  const sumBy = (digits: number, prefix = '') => {
    const sums = new Map<string, number>()
    for (const r of rows) {
      const k = r.k!.trim().padStart(6, '0')
      if (!k.startsWith(prefix)) continue
      sums.set(k.slice(0, digits), (sums.get(k.slice(0, digits)) ?? 0) + Number(r.v) * 1000)
    }
    return [...sums].sort((a, b) => b[1] - a[1])
  }

  it('walks sections → chapters → headings → subheadings of Afghanistan’s exports, sums from the 6-digit rows', async () => {
    const chapters = sumBy(2)
    const topChapter = chapters[0]![0]
    const sections = await ranking({
      dataset: baciId,
      reporter: 'afg',
      flow: 'exports',
      by: 'product',
      top: 50,
    })
    expect(sections.rows.every((r) => r.code.startsWith('hs_s'))).toBe(true)
    expect(sections.total).toBeCloseTo(
      chapters.reduce((s, [, v]) => s + v, 0),
      -1,
    )
    const section = sections.rows.find((r) => r.drill)!
    const inSection = await ranking({
      dataset: baciId,
      reporter: 'afg',
      by: 'product',
      parent: section.code,
      top: 50,
    })
    expect(inSection.total).toBeCloseTo(section.value, -1)
    expect(inSection.path.map((p) => p.code)).toEqual(['all', section.code])

    const headings = await ranking({
      dataset: baciId,
      reporter: 'afg',
      by: 'product',
      parent: `hs${topChapter}`,
      top: 50,
    })
    const expectedHeadings = sumBy(4, topChapter)
    expect(headings.rows.map((r) => [r.code, r.value])).toEqual(
      expectedHeadings.map(([k, v]) => [`hs${k}`, expect.closeTo(v, -1)]),
    )
    expect(headings.path.at(-1)!.code).toBe(`hs${topChapter}`)
    expect(headings.rows[0]!.label).toMatch(new RegExp(`^HS ${expectedHeadings[0]![0]} \\S`))
    expect(headings.rows.every((r) => r.drill)).toBe(true)

    const top4 = expectedHeadings[0]![0]
    const subheadings = await ranking({
      dataset: baciId,
      reporter: 'afg',
      by: 'product',
      parent: `hs${top4}`,
      top: 50,
    })
    expect(subheadings.rows.map((r) => [r.code, r.value])).toEqual(
      sumBy(6, top4).map(([k, v]) => [`hs${k}`, expect.closeTo(v, -1)]),
    )
    expect(subheadings.rows.every((r) => !r.drill)).toBe(true)
    await expect(
      ranking({ dataset: baciId, reporter: 'afg', by: 'product', parent: subheadings.rows[0]!.code }),
    ).rejects.toThrow('Six digits is the finest HS level.')
  })
})
