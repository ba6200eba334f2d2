/**
 * The committed package in data/china-trade/: structure, integrity against its own schema, and the
 * values a user will check first; every observation is traced back to its row in data/facts/facts.csv.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readCsvRecords } from '../../../electron/shared/csv'
import { sourceId } from '../../../scripts/data/sources'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const pkgDir = path.join(repoRoot, 'data', 'china-trade')
const factsPath = path.join(repoRoot, 'data', 'facts', 'facts.csv')

interface Field {
  name: string
  type: string
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; pattern?: string }
}
interface Resource {
  name: string
  path: string
  title: string
  description: string
  format: string
  mediatype: string
  encoding: string
  schema: {
    fields: Field[]
    foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[]
  }
}

const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'datapackage.json'), 'utf8')) as {
  profile: string
  name: string
  title: string
  description: string
  version: string
  licenses: { name: string; title: string; path: string }[]
  sources: { title: string; path?: string }[]
  resources: Resource[]
}

type Row = Record<string, string>
function readTable(file: string): { header: string[]; rows: Row[] } {
  const recs = readCsvRecords(readFileSync(path.join(pkgDir, file), 'utf8'), { strict: true })
  const header = recs[0]!.fields
  return {
    header,
    rows: recs.slice(1).map((r) => {
      expect(r.fields.length, `${file} line ${r.line}`).toBe(header.length)
      return Object.fromEntries(header.map((h, i) => [h, r.fields[i]!]))
    }),
  }
}

const OBS = ['monthly', 'cumulative', 'annual', 'partners', 'commodities', 'world']
const OBS_COLUMNS =
  'series,reporter,flow,partner,product,measure,unit,frequency,period,period_start,period_end,value,preferred,status,source_id,note,published_value,published_unit,preferred_by,preferred_reason'.split(
    ',',
  )
const tables = new Map(pkg.resources.map((r) => [r.name, readTable(r.path)]))
const observations: Row[] = OBS.flatMap((name) =>
  tables.get(name)!.rows.map((r): Row => ({ ...r, resource: name })),
)
const sources = new Map(tables.get('sources')!.rows.map((r) => [r.source_id!, r]))

/** The observation rows of a series and period. */
const rowsOf = (series: string, period: string) =>
  observations.filter((o) => o.series === series && o.period === period)
const preferredOf = (series: string, period: string) => {
  const p = rowsOf(series, period).filter((o) => o.preferred === 'true')
  expect(p, `${series} ${period}`).toHaveLength(1)
  return p[0]!
}

describe('datapackage.json', () => {
  it('is a tabular data package with the agreed names, licence and sources', () => {
    expect(pkg.profile).toBe('tabular-data-package')
    expect(pkg.name).toBe('china-trade')
    expect(pkg.title).toBe('China foreign trade: headline, partners, commodities and world share')
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(pkg).not.toHaveProperty('created')
    expect(pkg.licenses).toEqual([
      {
        name: 'CC-BY-4.0',
        title: 'Creative Commons Attribution 4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        translations: { 'zh-CN': { title: '知识共享署名 4.0（CC BY 4.0）' } },
      },
    ])
    expect(pkg.description).toMatch(/CC BY 4\.0/)
    expect(pkg.description).toMatch(/first-published/)
    expect(pkg.description).toMatch(/2025-01\.\.2025-02/)
    expect(pkg.sources.find((s) => s.path === 'sources.csv')).toBeTruthy()
    expect(pkg.resources.map((r) => r.name)).toEqual([...OBS, 'series', 'sources', 'quality'])
  })

  it('says in Chinese everything its compiler wrote that the app shows: titles, descriptions, source groups', () => {
    type Text = { title?: string; description?: string; translations?: Record<string, Text> }
    const zh = (item: Text) => item.translations?.['zh-CN']
    const han = /\p{Script=Han}/u
    const items: [string, Text, ('title' | 'description')[]][] = [
      ['package', pkg as Text, ['title', 'description']],
      ...pkg.resources.map((r): [string, Text, ('title' | 'description')[]] => [
        r.name,
        r as Text,
        ['title', 'description'],
      ]),
      ...pkg.sources.map((s): [string, Text, 'title'[]] => [s.title, s as Text, ['title']]),
      ...pkg.licenses.map((l): [string, Text, 'title'[]] => [l.name, l as Text, ['title']]),
    ]
    for (const [name, item, fields] of items)
      for (const field of fields) expect(zh(item)?.[field], `${name} ${field}`).toMatch(han)
    // The Chinese says what the English says about the data's shape: the combined Jan–Feb period and the licence.
    expect(zh(pkg as Text)?.description).toMatch(/2025-01\.\.2025-02/)
    expect(zh(pkg as Text)?.description).toMatch(/CC BY 4\.0/)
  })

  it('describes every resource as a UTF-8 CSV file that exists, with a header equal to its schema', () => {
    const files = new Set(readdirSync(pkgDir))
    for (const r of pkg.resources) {
      expect(r.path).toBe(`${r.name}.csv`)
      expect(files.has(r.path), r.path).toBe(true)
      expect([r.format, r.mediatype, r.encoding]).toEqual(['csv', 'text/csv', 'utf-8'])
      expect(r.title && r.description).toBeTruthy()
      expect(tables.get(r.name)!.header, r.name).toEqual(r.schema.fields.map((f) => f.name))
      for (const f of r.schema.fields) expect(['string', 'number', 'boolean', 'date']).toContain(f.type)
    }
    for (const name of OBS) {
      const r = pkg.resources.find((x) => x.name === name)!
      expect(r.schema.fields.map((f) => f.name)).toEqual(OBS_COLUMNS)
      expect(r.schema.foreignKeys).toEqual([
        { fields: 'source_id', reference: { resource: 'sources', fields: 'source_id' } },
      ])
    }
  })

  it('has no machine paths in any committed file', () => {
    for (const f of readdirSync(pkgDir)) {
      const text = readFileSync(path.join(pkgDir, f), 'utf8')
      expect(text, f).not.toMatch(/\/work\/|\/home\/|\/tmp\/|[A-Z]:\\|file:\/\//)
    }
  })
})

describe('every resource satisfies its schema', () => {
  for (const r of pkg.resources) {
    it(r.name, () => {
      const { rows } = tables.get(r.name)!
      expect(rows.length).toBeGreaterThan(0)
      for (const f of r.schema.fields) {
        const values = rows.map((row) => row[f.name]!)
        const bad = (pred: (v: string) => boolean) => values.filter((v) => !pred(v))
        if (f.type === 'number')
          expect(
            bad((v) => v.trim() !== '' && Number.isFinite(Number(v))),
            f.name,
          ).toEqual([])
        if (f.type === 'boolean')
          expect(
            bad((v) => v === 'true' || v === 'false'),
            f.name,
          ).toEqual([])
        const c = f.constraints ?? {}
        if (c.required)
          expect(
            bad((v) => v !== ''),
            f.name,
          ).toEqual([])
        // An empty optional field is a missing value, which an enum does not constrain.
        if (c.enum)
          expect(
            bad((v) => (!c.required && v === '') || c.enum!.includes(v)),
            f.name,
          ).toEqual([])
        if (c.pattern)
          expect(
            bad((v) => new RegExp(c.pattern!).test(v)),
            f.name,
          ).toEqual([])
        if (c.unique) expect(new Set(values).size, f.name).toBe(values.length)
      }
    })
  }
})

describe('observations', () => {
  it('cite sources that exist, with a title and an http(s) URL; every source is cited', () => {
    for (const o of observations) {
      const s = sources.get(o.source_id!)
      expect(s, `${o.series} ${o.period} ${o.source_id}`).toBeTruthy()
      expect((s!.title ?? '').trim()).not.toBe('')
      expect(s!.url).toMatch(/^https?:\/\/\S+$/)
    }
    expect(new Set(observations.map((o) => o.source_id))).toEqual(new Set(sources.keys()))
  })

  it('sources.csv ids are the hash of URL and title, sorted and unique', () => {
    const ids = [...sources.keys()]
    expect(ids).toEqual([...ids].sort())
    for (const s of sources.values()) expect(s.source_id).toBe(sourceId(s.url!, s.title!))
  })

  it('have exactly one preferred row per (series, period), within one resource', () => {
    const groups = new Map<string, { preferred: number; resources: Set<string> }>()
    for (const o of observations) {
      const k = `${o.series}|${o.period}`
      const g = groups.get(k) ?? { preferred: 0, resources: new Set<string>() }
      if (o.preferred === 'true') g.preferred++
      g.resources.add(o.resource!)
      groups.set(k, g)
    }
    const wrong = [...groups].filter(([, g]) => g.preferred !== 1 || g.resources.size !== 1).map(([k]) => k)
    expect(wrong).toEqual([])
  })

  it('have no duplicate (series, period, source_id, value) rows', () => {
    const keys = observations.map((o) => `${o.series}|${o.period}|${o.source_id}|${Number(o.value)}`)
    expect(keys.length - new Set(keys).size).toBe(0)
  })

  it('are sorted by series, period_start, period_end, preferred first, source_id', () => {
    for (const name of OBS) {
      const rows = tables.get(name)!.rows
      const key = (o: Row) => [
        o.series,
        o.period_start,
        o.period_end,
        o.preferred === 'true' ? '0' : '1',
        o.source_id,
      ]
      for (let i = 1; i < rows.length; i++) {
        const a = key(rows[i - 1]!)
        const b = key(rows[i]!)
        const cmp = a.findIndex((x, k) => x !== b[k])
        if (cmp >= 0) expect(a[cmp]! < b[cmp]!, `${name} row ${i + 1}`).toBe(true)
      }
    }
  })

  it('match their period: start and end months, frequency and resource', () => {
    for (const o of observations) {
      const p = o.period!
      const [s, e] = p.includes('..') ? p.split('..') : /^\d{4}$/.test(p) ? [`${p}-01`, `${p}-12`] : [p, p]
      expect([o.period_start, o.period_end], p).toEqual([s, e])
      if (o.series!.endsWith('_annual')) expect(o.frequency).toBe('year')
      if (o.series!.endsWith('_ytd')) expect(o.frequency).toBe('ytd')
      if (o.frequency === 'month')
        expect(
          s === e || (s!.endsWith('-01') && e!.endsWith('-02') && s!.slice(0, 4) === e!.slice(0, 4)),
          p,
        ).toBe(true)
      if (o.resource === 'monthly')
        expect([o.partner, o.product, o.frequency, o.reporter]).toEqual(['world', 'all', 'month', 'china'])
      if (o.resource === 'cumulative')
        expect([o.partner, o.product, o.frequency]).toEqual(['world', 'all', 'ytd'])
      if (o.resource === 'annual')
        expect([o.partner, o.product, o.frequency]).toEqual(['world', 'all', 'year'])
      if (o.resource === 'partners') expect([o.partner !== 'world', o.product]).toEqual([true, 'all'])
      if (o.resource === 'commodities') expect(o.product).not.toBe('all')
      if (o.status === 'projection')
        expect(o.series!.endsWith('_projection') || o.note!.startsWith('PROJECTION')).toBe(true)
    }
  })

  it('series.csv counts every observation once, with its dimensions', () => {
    const { rows } = tables.get('series')!
    const total = rows.reduce((n, r) => n + Number(r.observations), 0)
    expect(total).toBe(observations.length)
    for (const r of rows) {
      const obs = observations.filter(
        (o) => o.series === r.series && o.unit === r.unit && o.frequency === r.frequency,
      )
      expect(obs.length, r.series).toBe(Number(r.observations))
      for (const o of obs) {
        expect([o.resource, o.reporter, o.flow, o.partner, o.product, o.measure]).toEqual([
          r.resource,
          r.reporter,
          r.flow,
          r.partner,
          r.product,
          r.measure,
        ])
      }
      expect(obs.map((o) => o.period)).toContain(r.first_period)
      expect(obs.map((o) => o.period)).toContain(r.last_period)
    }
    expect(new Set(rows.map((r) => r.label)).size).toBe(rows.length)
  })
})

describe('against the facts file', () => {
  const facts = readCsvRecords(readFileSync(factsPath, 'utf8'), { strict: true }).slice(1)

  it('has one observation row per facts row', () => {
    expect(facts.length).toBeGreaterThan(0)
    expect(observations.length).toBe(facts.length)
  })

  it('keeps every facts row exactly as written: series, period, value, unit, note and source', () => {
    const remaining = new Map<string, number>()
    const k = (series: string, period: string, value: string, unit: string, note: string, sid: string) =>
      [series, period, value, unit, note, sid].join('\u0000')
    for (const o of observations) {
      // A rescaled row keeps the value and unit as published beside the stored ones.
      const key = k(
        o.series!,
        o.period!,
        o.published_value || o.value!,
        o.published_unit || o.unit!,
        o.note!,
        o.source_id!,
      )
      remaining.set(key, (remaining.get(key) ?? 0) + 1)
    }
    for (const f of facts) {
      const [series, period, value, unit, note, title, url] = f.fields as string[]
      const key = k(series!, period!, value!, unit!, note!, sourceId(url!, title!))
      const n = remaining.get(key) ?? 0
      expect(n, `facts line ${f.line}`).toBeGreaterThan(0)
      remaining.set(key, n - 1)
    }
    expect([...remaining.values()].every((n) => n === 0)).toBe(true)
  })
})

describe('values a user will check', () => {
  it.each([
    ['exports_usd', '2025-11', '330.3'],
    ['exports_yoy', '2025-11', '5.9'],
    ['imports_usd', '2025-11', '218.6'],
    ['imports_yoy', '2025-11', '1.9'],
    ['exports_yoy', '2025-10', '-1.1'],
    ['imports_yoy', '2025-10', '1.0'],
    ['exports_to_us_yoy', '2025-11', '-28.6'],
    // "$1.08 trillion" (dpa-AFX, AP); the digest's 1076 is kept as a non-preferred row.
    ['trade_balance_usd_ytd', '2025-01..2025-11', '1080'],
    // GACC-based 992.16 (Trading Economics, Jan 2025) is the most precise first-published figure; AP's 992.2
    // rounds it, SCMP's 992.1 looks truncated, FactSet 992 and Macrobond 993 are other compilations.
    ['trade_balance_usd_annual', '2024', '992.16'],
    ['exports_yoy_annual', '2024', '5.9'],
    ['trade_balance_usd', '2023-01..2023-02', '116.88'],
  ])('%s %s preferred = %s', (series, period, value) => {
    expect(preferredOf(series, period).value).toBe(value)
  })

  it('keeps the other readings of a period as non-preferred rows', () => {
    expect(rowsOf('trade_balance_usd_ytd', '2025-01..2025-11').map((o) => [o.value, o.preferred])).toEqual([
      ['1080', 'true'],
      ['1076', 'false'],
    ])
    expect(
      rowsOf('trade_balance_usd_annual', '2024')
        .map((o) => o.value)
        .sort(),
    ).toEqual(['992', '992.1', '992.16', '992.2', '993'])
  })

  it('leaves gaps as gaps: no imports_usd for 2024-10', () => {
    expect(rowsOf('imports_usd', '2024-10')).toEqual([])
    expect(rowsOf('exports_usd', '2024-10')).toHaveLength(1)
  })

  it('keeps January-February 2025 as one combined monthly period', () => {
    const jf = preferredOf('exports_usd', '2025-01..2025-02')
    expect([jf.resource, jf.frequency, jf.period_start, jf.period_end]).toEqual([
      'monthly',
      'month',
      '2025-01',
      '2025-02',
    ])
    expect(rowsOf('exports_usd', '2025-01')).toEqual([])
    expect(rowsOf('exports_usd', '2025-02')).toEqual([])
  })

  it('stores the 2030 Morgan Stanley figure as a projection', () => {
    const p = preferredOf('china_share_world_exports_pct_projection', '2030')
    expect([p.status, p.value, p.resource]).toEqual(['projection', '16.5', 'world'])
  })
})

/** "221337434" thousand → "221.337434" bn, by moving the decimal point: written apart from the build's arithmetic. */
const thousandsToBillions = (v: string) => {
  const neg = v.startsWith('-')
  const digits = (neg ? v.slice(1) : v).padStart(7, '0')
  return `${neg ? '-' : ''}${digits.slice(0, -6)}.${digits.slice(-6)}`
}
/** Exact sum of decimal strings as an integer count of 10^-12 (enough places for every figure here). */
const micro = (v: string) => {
  const [int, frac = ''] = v.replace('-', '').split('.')
  const n = BigInt(int! + frac.padEnd(12, '0'))
  return v.startsWith('-') ? -n : n
}

describe('rescaled observations', () => {
  const facts = readCsvRecords(readFileSync(factsPath, 'utf8'), { strict: true }).slice(1)

  it('every row published in USD thousand is stored in USD bn, exactly, with the published figure kept', () => {
    const rescaled = observations.filter((o) => o.published_unit !== '')
    expect(rescaled).toHaveLength(facts.filter((f) => f.fields[3] === 'USD thousand').length)
    for (const o of rescaled) {
      expect([o.unit, o.published_unit], o.series).toEqual(['USD bn', 'USD thousand'])
      expect(o.value, `${o.series} ${o.period}`).toBe(thousandsToBillions(o.published_value!))
    }
    expect(observations.filter((o) => o.published_unit === '' && o.published_value !== '')).toEqual([])
  })

  it("keeps the customs table's November 2019 exports as printed: 221,337,434 thousand = 221.337434 bn", () => {
    const o = rowsOf('exports_usd', '2019-11').find((r) => r.published_unit === 'USD thousand')!
    expect([o.value, o.published_value, o.preferred]).toEqual(['221.337434', '221337434', 'true'])
  })
})

describe('preference', () => {
  const curated = readCsvRecords(
    readFileSync(path.join(repoRoot, 'scripts', 'data', 'preferred.csv'), 'utf8'),
    { strict: true },
  )
    .slice(1)
    .map((r) => r.fields)
  const groups = new Map<string, Row[]>()
  for (const o of observations)
    groups.set(`${o.series}|${o.period}`, [...(groups.get(`${o.series}|${o.period}`) ?? []), o])

  it('says on the preferred row of every period with several readings which rule chose it, and nowhere else', () => {
    for (const [k, rows] of groups) {
      for (const o of rows) {
        const expectRule = rows.length > 1 && o.preferred === 'true'
        expect(o.preferred_by !== '', `${k} ${o.value}`).toBe(expectRule)
        expect(o.preferred_reason !== '', `${k} ${o.value}`).toBe(o.preferred_by === 'curated')
      }
    }
  })

  it('shows every written reason of preferred.csv on the row it names, and no other curated row', () => {
    const shown = observations.filter((o) => o.preferred_by === 'curated')
    expect(shown).toHaveLength(curated.length)
    for (const [series, period, value, reason] of curated) {
      const p = preferredOf(series!, period!)
      expect(Number(p.value), `${series} ${period}`).toBe(Number(value))
      expect(p.preferred_reason).toBe(reason!.trim())
    }
  })

  it.each([
    // Reuters' partner table against AP's first item ($44.4 bn): a written reason.
    ['exports_to_us_usd', '2019-08', '37.3', 'curated', ['37.3', '44.4']],
    // A reissued table beats the first issue's 163.5 (an apparent typo).
    ['imports_from_asean_yoy', '2020-03', '10.5', 'reissue', ['10.5', '163.5']],
    // The customs table's figure agrees with the press's 315.59 after rounding and is the more precise.
    ['exports_usd', '2023-03', '315.589337', 'precise', ['315.589337', '315.59', '315.59']],
    // The customs table (212.916095) and the press release (212.93) differ: the customs agency's table wins.
    ['exports_usd', '2019-10', '212.916095', 'customs', ['212.916095', '212.93']],
    // 27.97 and 28.0 agree after rounding; the more precise is shown.
    ['trade_balance_with_us_usd', '2019-07', '27.97', 'precise', ['27.97', '28.0']],
    // AP's +9 against Teleborsa's and the Washington Post's -9: a written reason, the sign the sources support.
    ['imports_from_us_yoy', '2018-09', '-9', 'curated', ['-9', '-9', '9']],
  ])('%s %s shows %s (%s), the other readings kept', (series, period, value, rule, all) => {
    const p = preferredOf(series, period)
    expect([p.value, p.preferred_by]).toEqual([value, rule])
    expect(
      rowsOf(series, period)
        .map((o) => o.value)
        .sort(),
    ).toEqual([...all].sort())
  })
})

describe('quality.csv: the trade identity', () => {
  const { rows } = tables.get('quality')!

  it('lists each failure with the preferred figures, an exact difference beyond the rounding tolerance', () => {
    expect(rows.length).toBeGreaterThan(0)
    const series = (flow: string, partner: string) =>
      partner === 'world'
        ? { exports: 'exports', imports: 'imports', balance: 'trade_balance' }[flow]
        : {
            exports: `exports_to_${partner}`,
            imports: `imports_from_${partner}`,
            balance: `trade_balance_with_${partner}`,
          }[flow]
    for (const q of rows) {
      const unitToken = q.unit === 'USD bn' ? 'usd' : 'cny'
      const suffix = { month: '', ytd: '_ytd', year: '_annual' }[q.frequency!]
      for (const flow of ['exports', 'imports', 'balance'] as const) {
        const p = preferredOf(`${series(flow, q.partner!)}_${unitToken}${suffix}`, q.period!)
        expect(p.value, `${q.period} ${flow}`).toBe(q[flow])
        expect(p.source_id).toBe(q[`${flow}_source_id`])
      }
      const diff = micro(q.exports!) - micro(q.imports!) - micro(q.balance!)
      expect(diff, q.period).toBe(micro(q.difference!))
      expect(diff < 0n ? -diff : diff).toBeGreaterThan(micro(q.tolerance!))
    }
  })

  it('reports a month where customs-table exports and imports meet a press-release balance (Nov 2019)', () => {
    const q = rows.find((r) => r.partner === 'world' && r.period === '2019-11' && r.frequency === 'month')!
    expect([q.exports, q.imports, q.balance, q.difference]).toEqual([
      '221.337434',
      '183.411013',
      '38.73',
      '-0.803579',
    ])
  })
})
