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
import { parseCsv } from '../../../scripts/data/csv'

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
    const factsRows = parseCsv(readFileSync(factsPath, 'utf8')).length - 1
    expect(r.factsRows).toBe(factsRows)
    expect(Object.values(r.rows).reduce((a, b) => a + b, 0)).toBe(factsRows)
    const built = readdirSync(out).sort()
    expect(readdirSync(pkgDir).sort()).toEqual(built)
    for (const f of built) {
      expect(readFileSync(path.join(pkgDir, f)).equals(readFileSync(path.join(out, f))), `${f} differs: run npm run data:build`).toBe(true)
    }
  })
})

describe('buildPackage', () => {
  it('builds a small valid file: values, notes and sources as written, combined Jan-Feb kept', () => {
    const dir = build([GOOD, 'exports_usd,2025-01..2025-02,539.94,USD bn,"Jan-Feb, combined",T2,https://example.org/b'])
    const table = (f: string) => parseCsv(readFileSync(path.join(dir, f), 'utf8')).map((r) => r.fields)
    const sid = (title: string) => table('sources.csv').find((r) => r[1] === title)![0]
    expect(table('monthly.csv').slice(1)).toEqual([
      ['exports_usd', 'china', 'exports', 'world', 'all', 'level', 'USD bn', 'month', '2025-01..2025-02', '2025-01', '2025-02', '539.94', 'true', 'published', sid('T2'), 'Jan-Feb, combined'],
      ['exports_usd', 'china', 'exports', 'world', 'all', 'level', 'USD bn', 'month', '2025-11', '2025-11', '2025-11', '330.3', 'true', 'published', sid('Title (AP, 2025-12-08)'), '']
    ])
    expect(table('sources.csv')).toContainEqual([sid('Title (AP, 2025-12-08)'), 'Title (AP, 2025-12-08)', 'AP', '2025-12-08', 'https://example.org/a'])
    for (const f of ['cumulative.csv', 'annual.csv', 'partners.csv', 'commodities.csv', 'world.csv']) expect(table(f)).toHaveLength(1)
  })

  it.each([
    ['an unknown series', 'exports_to_mars_usd,2025-11,1,USD bn,,T,https://x.test/', /facts-\d+\.csv line 3: series "exports_to_mars_usd"/],
    ['a malformed period', 'exports_usd,2025-13,1,USD bn,,T,https://x.test/', /line 3: malformed period "2025-13"/],
    ['a non-numeric value', 'exports_usd,2025-10,n/a,USD bn,,T,https://x.test/', /line 3: value "n\/a" is not a number/],
    ['a value with a thousands separator', 'exports_usd,2025-10,"1,080",USD bn,,T,https://x.test/', /line 3: value "1,080" is not a number/],
    ['an empty source URL', 'exports_usd,2025-10,1,USD bn,,T,', /line 3: empty source URL/],
    ['an empty source title', 'exports_usd,2025-10,1,USD bn,,,https://x.test/', /line 3: empty source title/],
    ['a unit inconsistent with the measure', 'exports_yoy,2025-10,1,USD bn,,T,https://x.test/', /line 3: .*unit "USD bn" is inconsistent/],
    ['an _annual series with a monthly period', 'exports_usd_annual,2025-10,1,USD bn,,T,https://x.test/', /line 3: an _annual series needs a YYYY period/],
    ['a wrong field count', 'exports_usd,2025-10,1,USD bn,,T', /line 3: expected 7 fields/]
  ])('fails on %s, naming the facts line', (_what, line, message) => {
    expect(() => build([GOOD, line])).toThrow(message)
  })

  it('fails when differing rows have no preferred.csv entry, and uses the entry when there is one', () => {
    const rows = [GOOD, 'exports_usd,2025-11,330.31,USD bn,,T2,https://example.org/b']
    expect(() => build(rows)).toThrow(/no entry in preferred-\d+\.csv for exports_usd 2025-11/)
    const dir = build(rows, 'series,period,value,reason\nexports_usd,2025-11,330.31,more precise\n')
    const monthly = readFileSync(path.join(dir, 'monthly.csv'), 'utf8')
    expect(monthly).toMatch(/,330\.31,true,/)
    expect(monthly).toMatch(/,330\.3,false,/)
  })
})
