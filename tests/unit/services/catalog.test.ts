/**
 * The catalog loads the bundled package, and refuses a broken or hostile one with a specific message
 * while every other package still loads.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openServices } from '../../../electron/services'
import { LEAKS } from '../../support/leaks'
import { inChinese } from '../../support/refusalWording'

const bundled = fileURLToPath(new URL('../../../data/china-trade', import.meta.url))

/** A data folder holding the real package plus a copy named `broken`, damaged by `damage`. */
function dataDirWithBrokenCopy(damage: (dir: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'cte-catalog-'))
  cpSync(bundled, join(root, 'china-trade'), { recursive: true })
  // The code lists (HS products, countries) the services read beside the packages.
  cpSync(join(bundled, '..', 'codes'), join(root, 'codes'), { recursive: true })
  // Sorted after the real package, so the real one loads first whatever the copy claims to be.
  const copy = join(root, 'zz-broken')
  cpSync(bundled, copy, { recursive: true })
  editJson(copy, (pkg) => ({ ...pkg, name: 'broken' }))
  damage(copy)
  return root
}

function editJson(dir: string, edit: (pkg: Record<string, unknown>) => unknown): void {
  const file = join(dir, 'datapackage.json')
  writeFileSync(file, JSON.stringify(edit(JSON.parse(readFileSync(file, 'utf8')))))
}

function editCsv(dir: string, name: string, edit: (text: string) => string): void {
  const file = join(dir, name)
  writeFileSync(file, edit(readFileSync(file, 'utf8')))
}

type Resource = { name: string; path: string }
const mapResources = (pkg: Record<string, unknown>, f: (r: Resource) => Resource) => ({
  ...pkg,
  resources: (pkg.resources as Resource[]).map(f),
})

describe('catalog', () => {
  it('loads the bundled package with its resources, coverage, licence and sources', async () => {
    const services = await openServices({ dataDir: join(bundled, '..') })
    try {
      expect(services.catalog.problems()).toEqual([])
      const [dataset] = services.catalog.list()
      expect(dataset?.id).toBe('china-trade')
      expect(dataset?.licenses[0]?.name).toBe('CC-BY-4.0')
      // The package's own words in Chinese reach the app beside the English.
      expect(dataset?.translations?.['zh-CN']?.title).toBe('中国对外贸易：总额、贸易伙伴、商品与世界份额')
      expect(dataset?.resources.find((r) => r.name === 'monthly')?.translations?.['zh-CN']?.title).toBe(
        '中国总体贸易，月度',
      )
      expect(dataset?.coverage.from).toMatch(/^20\d\d-\d\d$/)
      expect(dataset?.coverage.to?.localeCompare('2030-01')).toBe(-1) // a projection does not extend coverage
      expect(dataset?.resources.map((r) => r.name)).toEqual(
        expect.arrayContaining(['monthly', 'partners', 'commodities', 'world', 'sources']),
      )
      const observationRows = dataset!.resources
        .filter((r) => !['sources', 'series', 'quality'].includes(r.name))
        .reduce((n, r) => n + r.rows, 0)
      expect(observationRows).toBe(dataset?.observations)
      // The build's data-quality findings, each with its three sources (counted from quality.csv).
      const qualityRows = readFileSync(join(bundled, 'quality.csv'), 'utf8').trim().split('\n').length - 1
      expect(qualityRows).toBeGreaterThan(0)
      expect(dataset?.quality).toHaveLength(qualityRows)
      for (const f of dataset!.quality!) {
        expect(f.finding).toBe('trade-identity')
        for (const s of Object.values(f.sources)) expect(s.url).toMatch(/^https?:\/\//)
      }
    } finally {
      await services.close()
    }
  })

  const hostile: [string, (dir: string) => void, RegExp][] = [
    ['invalid JSON', (d) => writeFileSync(join(d, 'datapackage.json'), '{ "name": '), /not valid JSON/],
    ['no licence', (d) => editJson(d, (p) => ({ ...p, licenses: [] })), /licenses/],
    [
      'a resource path outside the package',
      (d) =>
        editJson(d, (p) =>
          mapResources(p, (r) => (r.name === 'monthly' ? { ...r, path: '../../etc/passwd.csv' } : r)),
        ),
      /the field resources\.\d+\.path is missing or not/,
    ],
    [
      'an absolute resource path',
      (d) =>
        editJson(d, (p) =>
          mapResources(p, (r) => (r.name === 'monthly' ? { ...r, path: '/etc/passwd' } : r)),
        ),
      /the field resources\.\d+\.path is missing or not/,
    ],
    [
      'a missing resource file',
      (d) =>
        editJson(d, (p) => mapResources(p, (r) => (r.name === 'monthly' ? { ...r, path: 'gone.csv' } : r))),
      /gone\.csv is missing/,
    ],
    [
      'a header that does not match the schema',
      (d) => editCsv(d, 'monthly.csv', (t) => t.replace('series,reporter', 'series,country')),
      /header row .* does not match/,
    ],
    [
      'a value that is not a number',
      (d) => editCsv(d, 'monthly.csv', (t) => t.replace(',330.3,', ',n/a,')),
      /monthly\.csv: a value does not fit its column/,
    ],
    [
      'an observation whose source is not listed',
      (d) =>
        editCsv(d, 'sources.csv', (t) => t.split('\n').slice(0, 1).concat(t.split('\n').slice(2)).join('\n')),
      /name a source that is not in sources\.csv/,
    ],
    [
      'a source without a URL',
      (d) => editCsv(d, 'sources.csv', (t) => t.replace(/,https?:[^\n]*\n/, ',\n')),
      /no title or URL/,
    ],
    [
      'two preferred values for one period',
      (d) => editCsv(d, 'monthly.csv', (t) => t.replace(/,false,published,/, ',true,published,')),
      /exactly one preferred/,
    ],
    [
      'a dataset id that is already loaded',
      (d) => editJson(d, (p) => ({ ...p, name: 'china-trade' })),
      /already loaded/,
    ],
  ]

  it.each(hostile)(
    'refuses a package with %s, names the problem, and still loads the others',
    async (_what, damage, message) => {
      const services = await openServices({ dataDir: dataDirWithBrokenCopy(damage) })
      try {
        expect(services.catalog.problems()).toEqual([
          { package: 'zz-broken', message: expect.stringMatching(message), said: expect.anything() },
        ])
        // Worded in Chinese on a Chinese page, naming the package's own files, never the install folder.
        const [problem] = services.catalog.problems()
        const chinese = inChinese(problem!.said)
        expect(chinese).toMatch(/[\u4e00-\u9fff]/)
        expect(`${problem!.message} ${chinese}`).not.toContain(tmpdir())
        expect(chinese).not.toMatch(LEAKS)
        expect(services.catalog.list().map((d) => d.id)).toEqual(['china-trade'])
        // Nothing of the refused package is left behind, and the good one answers in full.
        const h = await services.query.headline('china-trade', '2025-11')
        expect(h.figures.find((f) => f.flow === 'exports')?.level?.value).toBe(330.3)
        await expect(services.query.headline('broken')).rejects.toMatchObject({ code: 'NOT_FOUND' })
        const s = await services.query.series({
          dataset: 'china-trade',
          flow: 'exports',
          reporter: 'china',
          partner: 'world',
          product: 'all',
          measure: 'level',
          frequency: 'month',
        })
        expect(s.points.find((p) => p.period === '2024-03')?.alternatives).toBe(1)
      } finally {
        await services.close()
      }
    },
  )

  it('reports a data folder that cannot be read', async () => {
    await expect(openServices({ dataDir: join(tmpdir(), 'cte-does-not-exist') })).rejects.toThrow(
      /cannot be read/,
    )
  })
})
