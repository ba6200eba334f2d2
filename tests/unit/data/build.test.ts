/**
 * buildPackage: the committed package is exactly what the build produces from the facts file
 * (never hand-edited, never stale), and the build refuses input it cannot map honestly.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { buildPackage } from '../../../scripts/data/build'
import { readCsvRecords } from '../../../electron/shared/csv'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const pkgDir = path.join(repoRoot, 'data', 'china-trade')
const factsPath = path.join(repoRoot, 'data', 'facts', 'facts.csv')
const work = mkdtempSync(path.join(tmpdir(), 'china-trade-build-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const HEADER = 'series,period,value,unit,note,source_title,source_url_or_repo_path'
const GOOD = 'exports_usd,2025-11,330.3,USD bn,,"Title (AP, 2025-12-08)",https://example.org/a'

let n = 0
/** Build from the given facts lines with an empty preferred.csv; returns the output directory. */
function build(lines: string[], preferred = 'series,period,value,reason\n'): string {
  const dir = path.join(work, `case-${++n}`)
  const facts = path.join(work, `facts-${n}.csv`)
  const pref = path.join(work, `preferred-${n}.csv`)
  writeFileSync(facts, [HEADER, ...lines].join('\n') + '\n')
  writeFileSync(pref, preferred)
  buildPackage(facts, dir, { preferredPath: pref })
  return dir
}

describe('freshness', () => {
  it('building from data/facts/facts.csv reproduces data/china-trade/ byte for byte', () => {
    const out = path.join(work, 'fresh')
    const r = buildPackage(factsPath, out)
    // Counted from the facts file itself (header excluded), so the test follows the data as it grows.
    const factsRows = readCsvRecords(readFileSync(factsPath, 'utf8'), { strict: true }).length - 1
    expect(r.factsRows).toBe(factsRows)
    expect(Object.values(r.rows).reduce((a, b) => a + b, 0)).toBe(factsRows)
    const built = readdirSync(out).sort()
    expect(readdirSync(pkgDir).sort()).toEqual(built)
    for (const f of built) {
      expect(
        readFileSync(path.join(pkgDir, f)).equals(readFileSync(path.join(out, f))),
        `${f} differs: run npm run data:build`,
      ).toBe(true)
    }
  })
})

describe('buildPackage', () => {
  it('builds a small valid file: values, notes and sources as written, combined Jan-Feb kept', () => {
    const dir = build([
      GOOD,
      'exports_usd,2025-01..2025-02,539.94,USD bn,"Jan-Feb, combined",T2,https://example.org/b',
    ])
    const table = (f: string) =>
      readCsvRecords(readFileSync(path.join(dir, f), 'utf8'), { strict: true }).map((r) => r.fields)
    const sid = (title: string) => table('sources.csv').find((r) => r[1] === title)![0]
    expect(table('monthly.csv').slice(1)).toEqual([
      [
        'exports_usd',
        'china',
        'exports',
        'world',
        'all',
        'level',
        'USD bn',
        'month',
        '2025-01..2025-02',
        '2025-01',
        '2025-02',
        '539.94',
        'true',
        'published',
        sid('T2'),
        'Jan-Feb, combined',
        '',
        '',
        '',
        '',
      ],
      [
        'exports_usd',
        'china',
        'exports',
        'world',
        'all',
        'level',
        'USD bn',
        'month',
        '2025-11',
        '2025-11',
        '2025-11',
        '330.3',
        'true',
        'published',
        sid('Title (AP, 2025-12-08)'),
        '',
        '',
        '',
        '',
        '',
      ],
    ])
    expect(table('sources.csv')).toContainEqual([
      sid('Title (AP, 2025-12-08)'),
      'Title (AP, 2025-12-08)',
      'AP',
      '2025-12-08',
      'https://example.org/a',
    ])
    for (const f of [
      'cumulative.csv',
      'annual.csv',
      'partners.csv',
      'commodities.csv',
      'world.csv',
      'quality.csv',
    ])
      expect(table(f)).toHaveLength(1)
  })

  it.each([
    [
      'an unknown series',
      'exports_to_mars_usd,2025-11,1,USD bn,,T,https://x.test/',
      /facts-\d+\.csv line 3: series "exports_to_mars_usd"/,
    ],
    [
      'a malformed period',
      'exports_usd,2025-13,1,USD bn,,T,https://x.test/',
      /line 3: malformed period "2025-13"/,
    ],
    [
      'a non-numeric value',
      'exports_usd,2025-10,n/a,USD bn,,T,https://x.test/',
      /line 3: value "n\/a" is not a number/,
    ],
    [
      'a value with a thousands separator',
      'exports_usd,2025-10,"1,080",USD bn,,T,https://x.test/',
      /line 3: value "1,080" is not a number/,
    ],
    ['an empty source URL', 'exports_usd,2025-10,1,USD bn,,T,', /line 3: empty source URL/],
    ['an empty source title', 'exports_usd,2025-10,1,USD bn,,,https://x.test/', /line 3: empty source title/],
    [
      'a unit inconsistent with the measure',
      'exports_yoy,2025-10,1,USD bn,,T,https://x.test/',
      /line 3: .*unit "USD bn" is inconsistent/,
    ],
    [
      'an _annual series with a monthly period',
      'exports_usd_annual,2025-10,1,USD bn,,T,https://x.test/',
      /line 3: an _annual series needs a YYYY period/,
    ],
    ['a wrong field count', 'exports_usd,2025-10,1,USD bn,,T', /line 3: expected 7 fields/],
  ])('fails on %s, naming the facts line', (_what, line, message) => {
    expect(() => build([GOOD, line])).toThrow(message)
  })

  it('settles rounding by itself, and fails on a real disagreement until preferred.csv gives a reason', () => {
    const rounding = build([GOOD, 'exports_usd,2025-11,330.31,USD bn,,T2,https://example.org/b'])
    expect(readFileSync(path.join(rounding, 'monthly.csv'), 'utf8')).toMatch(
      /,330\.31,true,published,s[0-9a-f]+,,,,precise,\n/,
    )
    const rows = [GOOD, 'exports_usd,2025-11,340.1,USD bn,,T2,https://example.org/b']
    expect(() => build(rows)).toThrow(
      /exports_usd 2025-11: readings 330\.3 .*340\.1 .*disagree beyond rounding/,
    )
    const dir = build(rows, 'series,period,value,reason\nexports_usd,2025-11,340.1,the revised table\n')
    const monthly = readFileSync(path.join(dir, 'monthly.csv'), 'utf8')
    expect(monthly).toMatch(/,340\.1,true,published,s[0-9a-f]+,,,,curated,the revised table\n/)
    expect(monthly).toMatch(/,330\.3,false,published,s[0-9a-f]+,,,,,\n/)
  })

  it('rescales a figure published in USD thousand exactly, keeping the printed figure and unit', () => {
    const dir = build([
      'exports_usd,2019-10,212916095,USD thousand,GACC table,"(5) Imports and Exports by Customs Regime, 10.2019 (GACC, 2019-11-20)",http://english.customs.gov.cn/Statics/a.html',
      'exports_usd,2019-10,212.93,USD bn,,"Release (AP, 2019-11-08)",https://example.org/ap',
    ])
    const rows = readCsvRecords(readFileSync(path.join(dir, 'monthly.csv'), 'utf8'), { strict: true }).map(
      (r) => r.fields,
    )
    const at = (name: string) => rows[0]!.indexOf(name)
    const customs = rows.find((r) => r[at('published_unit')] === 'USD thousand')!
    expect([
      customs[at('unit')],
      customs[at('value')],
      customs[at('published_value')],
      customs[at('preferred')],
      customs[at('preferred_by')],
    ]).toEqual(['USD bn', '212.916095', '212916095', 'true', 'customs'])
  })

  it('writes the trade-identity failures to quality.csv, and an empty list when all pass', () => {
    const t = (flow: string, v: string, p = '2025-10') =>
      `${flow},${p},${v},USD bn,,"T (AP, 2025-11-07)",https://example.org/${flow}`
    const dir = build([
      t('exports_usd', '305.35'),
      t('imports_usd', '215.28'),
      t('trade_balance_usd', '90.07'),
      t('exports_usd', '330.3', '2025-11'),
      t('imports_usd', '218.6', '2025-11'),
      t('trade_balance_usd', '112.1', '2025-11'),
    ])
    const quality = readCsvRecords(readFileSync(path.join(dir, 'quality.csv'), 'utf8'), { strict: true }).map(
      (r) => r.fields,
    )
    expect(quality.slice(1).map((r) => r.slice(0, 10))).toEqual([
      ['trade-identity', 'world', 'USD bn', 'month', '2025-11', '330.3', '218.6', '112.1', '-0.4', '0.15'],
    ])
    const none = build([
      t('exports_usd', '305.35'),
      t('imports_usd', '215.28'),
      t('trade_balance_usd', '90.07'),
    ])
    expect(readFileSync(path.join(none, 'quality.csv'), 'utf8').trim().split('\n')).toHaveLength(1)
  })
})
