/**
 * Periods of several months in an imported file: January–February combined stays one monthly point,
 * a year to date (January to a later month of the same year) is kept at the year-to-date frequency,
 * and any other span is refused in plain words. No value is ever split or added up.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tableCsv } from '../../../../electron/shared/tableCsv'
import { sortPeriods } from '../../../../electron/shared/periods'
import { openTestServices, seriesQuery, type TestServices } from './helpers'

let t: TestServices

beforeAll(async () => {
  t = await openTestServices()
})
afterAll(() => t?.close())

const write = (name: string, lines: string[]) => {
  const path = join(t.userDataDir, name)
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

const points = async (dataset: string, q: Record<string, string>) =>
  (await t.services.imports.series(seriesQuery(dataset, q))).points.map((p) => [p.period, p.value])

async function refusal(path: string): Promise<string> {
  const before = t.manifest()
  const error = await t.importPath(path).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, 'the import should have failed').toBeInstanceOf(Error)
  expect(t.manifest()).toBe(before)
  return (error as Error).message
}

describe('spans of months in an imported file', () => {
  it('January–February combined is one point of the monthly series, as the bundled data keeps it', async () => {
    const d = await t.imported(
      write('janfeb.csv', ['date,series,value', '2025-01..2025-02,exports,10', '2025-03,exports,6']),
    )
    expect(await points(d.id, {})).toEqual([
      ['2025-01..2025-02', 10],
      ['2025-03', 6],
    ])
    expect((await t.services.explore.dimensions(d.id)).frequencies).toEqual(['month'])
  })

  it('a year to date is kept at the year-to-date frequency, never drawn as a month', async () => {
    const d = await t.imported(
      write('ytd.csv', [
        'date,series,value',
        '2025-01..2025-03,exports,16',
        '2025-04,exports,7',
        '2025-01..2025-07,exports,40',
      ]),
    )
    expect(await points(d.id, { frequency: 'ytd' })).toEqual([
      ['2025-01..2025-03', 16],
      ['2025-01..2025-07', 40],
    ])
    // The monthly series has the one month the file gives.
    expect(await points(d.id, {})).toEqual([['2025-04', 7]])
    // A range holds a year to date only whole: January–July is not inside January–June.
    expect(await points(d.id, { frequency: 'ytd', to: '2025-06' })).toEqual([['2025-01..2025-03', 16]])
    await expect(points(d.id, { frequency: 'ytd', from: '2025-02' })).rejects.toThrow(
      'Dataset "ytd" has no year-to-date exports for China with World.',
    )
    expect((await t.services.explore.dimensions(d.id)).frequencies).toEqual(['month', 'ytd'])
    const listed = await t.services.imports.listSeries(d.id)
    expect(listed.map((s) => [s.frequency, s.firstPeriod, s.lastPeriod])).toEqual([
      ['month', '2025-04', '2025-04'],
      ['ytd', '2025-01..2025-03', '2025-01..2025-07'],
    ])
  })

  it('any other span is refused, naming the line and the period', async () => {
    const text = await refusal(
      write('spring.csv', ['date,series,value', '2024-02,exports,5', '2024-03..2024-05,exports,16']),
    )
    expect(text).toBe(
      "spring.csv: line 3: column date: '2024-03..2024-05' is several months added up, neither January–February combined (2025-01..2025-02) nor a year to date (January to a later month of the same year, 2025-01..2025-07). The app keeps each figure for the period it was published for and never splits one into months: leave these rows out, or give the months one by one.",
    )
    // Across a year end, even from January or to February.
    for (const span of ['2024-12..2025-02', '2024-01..2025-03', '2024-11..2025-01'])
      expect(await refusal(write('winter.csv', ['date,series,value', `${span},exports,16`]))).toMatch(
        new RegExp(
          `^winter\\.csv: line 2: column date: '${span.replace(/\./g, '\\.')}' is several months added up`,
        ),
      )
  })
})

describe('a year-to-date table exported by the Explorer and imported again', () => {
  it('keeps each year to date at its frequency and the Jan–Feb rows as monthly points, values as written', async () => {
    // The bundled customs year-to-date series, written by the Explorer's own table CSV writer.
    const ytd = (flow: string) =>
      t.services.query.series({
        dataset: 'china-trade',
        reporter: 'china',
        flow,
        partner: 'world',
        product: 'all',
        measure: 'level',
        frequency: 'ytd',
        unit: 'USD bn',
      })
    const series = [
      { label: 'Exports', s: await ytd('exports') },
      { label: 'Imports', s: await ytd('imports') },
    ]
    const csv = tableCsv({
      unit: 'USD bn',
      periods: sortPeriods(new Set(series.flatMap(({ s }) => s.points.map((p) => p.period)))),
      series: series.map(({ label, s }) => ({
        label,
        points: s.points.map((p) => ({
          period: p.period,
          value: p.value,
          kind: p.status,
          sourceIds: [p.sourceId],
          note: p.note,
        })),
      })),
      source: (id) => ({
        title: id,
        publisher: 'General Administration of Customs',
        url: 'http://english.customs.gov.cn/',
      }),
    })
    const path = join(t.userDataDir, 'china-ytd-table.csv')
    writeFileSync(path, csv)

    // What the file says, read by papaparse: the year-to-date rows and the January–February ones.
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data
    expect(Object.keys(rows[0]!)).toEqual(['period', 'series', 'value', 'unit', 'kind', 'note', 'sources'])
    const expected = (label: string, janFeb: boolean) =>
      rows
        .filter((r) => r.series === label && r.value !== '')
        .filter((r) => {
          const [, y1, y2, m2] = /^(\d{4})-01\.\.(\d{4})-(\d{2})$/.exec(r.period ?? '')!
          // (the export holds year-to-date spans only, each from January of its year)
          expect(y1).toBe(y2)
          return janFeb === (m2 === '02')
        })
        .map((r) => [r.period, Number(r.value)])
    expect(expected('Exports', false).length).toBeGreaterThan(10)
    expect(expected('Exports', true).length).toBeGreaterThan(0)

    const d = await t.imported(path)
    expect(d.layout.id).toBe('generic-long')
    for (const [label, flow] of [
      ['Exports', 'exports'],
      ['Imports', 'imports'],
    ] as const) {
      expect(await points(d.id, { flow, frequency: 'ytd' })).toEqual(expected(label, false))
      expect(await points(d.id, { flow })).toEqual(expected(label, true))
    }
  })
})
