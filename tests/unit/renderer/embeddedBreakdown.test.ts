/**
 * The breakdown panel in a self-contained snapshot: the ranking it showed (rows with shares and y/y,
 * "other", the total, the drill path, unit and source), the query it answered and the ISO-2 codes of
 * the areas it names go into the snapshot and come back the same through a saved file, with no
 * dataset; only what the panel showed is kept; hostile breakdowns are refused; format-2 snapshots
 * (saved before the breakdown was kept) still open, with no breakdown.
 *
 * The ranking is Thailand's imports of HS 8542 by partner, 2019 against 2018, summed here from the real
 * Comtrade download with papaparse (tests/fixtures/real/README.md), as the services rank it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { Ranking } from '../../../electron/shared/exploreApi'
import { Snapshot } from '../../../electron/shared/snapshot'
import { parseSnapshot } from '../../../electron/shared/snapshotParse'
import { defaultViewState, selectionsOf, type ViewState } from '../../../electron/shared/viewState'
import { buildChartModel, type FetchedSeries } from '../../../renderer/src/lib/chartModel'
import {
  breakdownQueryKey,
  embeddedOf,
  fetchedOfEmbedded,
  type BreakdownQuery,
  type ShownBreakdown,
} from '../../../renderer/src/lib/embeddedData'
import { buildSnapshot } from '../../../renderer/src/lib/snapshotBuild'
import { repoRoot } from '../../support/webApp'

const FILE = join(repoRoot, 'tests', 'fixtures', 'real', 'comtrade', 'plus-thailand-hs8542-imports.csv')
const rows = Papa.parse<Record<string, string>>(readFileSync(FILE, 'latin1'), {
  header: true,
  skipEmptyLines: true,
}).data.filter((r) => r.flowCode === 'M' && r.cmdCode === '8542' && r.partnerISO !== 'W00')
const inYear = (year: string) =>
  new Map(rows.filter((r) => r.refYear === year).map((r) => [r.partnerISO!, r]))
const latest = inYear('2019')
const before = inYear('2018')

const DATASET = 'plus-thailand-hs8542-imports'
const source = {
  id: `${DATASET}-v1`,
  title: 'plus-thailand-hs8542-imports.csv (imported 2026-12-01, version 1)',
  publisher: 'UN Comtrade',
  published: null,
  url: 'https://comtradeplus.un.org/',
}

/** The partners of 2019 ranked as the services rank them: value down, top N rows and "other". */
function partnerRanking(top: number): Ranking {
  const items = [...latest.values()]
    .map((r) => ({
      code: r.partnerISO!.toLowerCase(),
      label: r.partnerDesc!,
      iso3: r.partnerISO!,
      value: Number(r.primaryValue),
      previous: before.has(r.partnerISO!) ? Number(before.get(r.partnerISO!)!.primaryValue) : null,
    }))
    .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code))
  const total = items.reduce((s, i) => s + i.value, 0)
  const yoy = (v: number, p: number | null) => (p !== null && p > 0 ? (v / p - 1) * 100 : null)
  const rest = items.slice(top)
  return {
    dataset: DATASET,
    version: '1',
    reporter: { code: 'thailand', label: 'Thailand' },
    flow: 'imports',
    by: 'partner',
    partner: { code: 'world', label: 'World' },
    product: { code: 'hs8542', label: 'Electronic integrated circuits' },
    path: [],
    unit: 'USD',
    frequency: 'year',
    from: '2019',
    to: '2019',
    previousFrom: '2018',
    previousTo: '2018',
    rows: items.slice(0, top).map((i) => ({
      code: i.code,
      label: i.label,
      value: i.value,
      share: (i.value / total) * 100,
      previous: i.previous,
      yoy: yoy(i.value, i.previous),
      drill: false,
      ...(/^[A-Z][A-Z0-9]{2}$/.test(i.iso3) ? { iso3: i.iso3 } : {}),
    })),
    other: {
      count: rest.length,
      value: rest.reduce((s, i) => s + i.value, 0),
      previous: rest.reduce((s, i) => s + (i.previous ?? 0), 0),
    },
    total,
    all: items.map((i) => ({ code: i.code, value: i.value, iso3: i.iso3 })),
    source: { title: source.title, publisher: source.publisher, url: source.url },
  }
}

const query = (top: number): BreakdownQuery => ({
  dataset: DATASET,
  reporter: 'thailand',
  flow: 'imports',
  by: 'partner',
  partner: 'world',
  product: 'hs8542',
  top,
  frequency: 'year',
})
/** The dimensions' ISO-2 codes of some areas, as the panel looks them up (not every partner has one). */
const ISO2 = new Map([
  ['thailand', 'TH'],
  ['chn', 'CN'],
  ['usa', 'US'],
  ['jpn', 'JP'],
  ['mys', 'MY'],
  ['zwe', 'ZW'],
])
const shown = (top: number): ShownBreakdown => ({
  query: query(top),
  ranking: partnerRanking(top),
  iso2: ISO2,
  productLevels: [4],
})

const view: ViewState = {
  ...defaultViewState(),
  dataset: DATASET,
  reporter: 'thailand',
  frequency: 'year',
  unit: 'USD',
  flows: ['imports'],
  partners: ['china'],
  products: ['hs8542'],
  range: {},
  breakdown: { by: 'partner', picture: 'map', top: 10, drill: 'all' },
}
const fetched: FetchedSeries[] = selectionsOf(view).map((selection) => ({
  selection,
  series: {
    dataset: DATASET,
    series: 'imports_china_hs8542',
    label: 'Imports from China — HS 8542',
    unit: 'USD',
    frequency: 'year',
    points: ['2018', '2019'].map((year) => ({
      period: year,
      periodStart: `${year}-01`,
      periodEnd: `${year}-12`,
      value: Number(inYear(year).get('CHN')!.primaryValue),
      status: 'published' as const,
      note: '',
      sourceId: source.id,
      alternatives: 0,
    })),
    sources: [source],
  },
  published: null,
  total: null,
}))

function snapshotWith(breakdown: ShownBreakdown | null) {
  return buildSnapshot({
    title: 'Chips into Thailand',
    view,
    model: buildChartModel(view, fetched, () => 'Imports from China'),
    notes: [],
    datasetVersion: '1',
    datasetFile: { fileName: 'plus-thailand-hs8542-imports.csv', sha256: 'ab'.repeat(32) },
    embedded: embeddedOf(fetched, { annual: null, projection: null }, breakdown),
    appVersion: '0.1.0',
  })
}
/** Through the file's text and the hostile-file parser, as a snapshot from elsewhere would come. */
function reopened(snapshot: unknown) {
  const parsed = parseSnapshot(JSON.parse(JSON.stringify(snapshot)))
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed
}

describe('the breakdown panel in a self-contained snapshot', () => {
  it('comes back as shown: the same rows with shares and y/y, "other", total, unit, source and query', () => {
    const map = shown(300)
    const back = reopened(snapshotWith(map)).snapshot
    const again = fetchedOfEmbedded(back.embedded!, back.sources, back.view).breakdown!
    expect(again.query).toEqual(map.query)
    expect(breakdownQueryKey(again.query)).toBe(breakdownQueryKey(map.query))
    // The ranking as the services answered it, but for `all` (every ranked row), which no picture draws.
    expect(again.ranking).toEqual({ ...map.ranking, all: [] })
    expect(again.productLevels).toEqual([4])
    // The file's 2019 figures, as ranked: China first, each share of the partners' total.
    const china = again.ranking.rows.find((r) => r.code === 'chn')!
    expect(china.value).toBe(Number(latest.get('CHN')!.primaryValue))
    expect(china.yoy).toBeCloseTo(
      (Number(latest.get('CHN')!.primaryValue) / Number(before.get('CHN')!.primaryValue) - 1) * 100,
      9,
    )
    expect(again.ranking.rows.reduce((s, r) => s + r.share!, 0)).toBeCloseTo(100, 9)
    expect(again.ranking.rows.length).toBe(latest.size)
  })

  it('keeps the ISO-2 codes of the areas it names only: the reporter and the partners ranked', () => {
    const top = shown(5)
    const named = new Set(['thailand', 'world', ...top.ranking.rows.map((r) => r.code)])
    const back = reopened(snapshotWith(top)).snapshot
    const again = fetchedOfEmbedded(back.embedded!, back.sources, back.view).breakdown!
    expect(Object.fromEntries(again.iso2)).toEqual(
      Object.fromEntries([...ISO2].filter(([code]) => named.has(code))),
    )
    expect(again.iso2.get('thailand')).toBe('TH')
    // Zimbabwe is not among the top five: its code stays out of the file.
    expect(again.iso2.has('zwe')).toBe(false)
    expect(top.ranking.rows.some((r) => r.code === 'zwe')).toBe(false)
  })

  it('holds only what the panel showed: the top N and "other", or the map’s partners, never the dataset’s rows', () => {
    const size = (b: ShownBreakdown) => JSON.stringify(snapshotWith(b).embedded!.breakdown).length
    const top10 = snapshotWith(shown(10)).embedded!.breakdown!
    expect(top10.ranking.rows.length).toBe(10)
    expect(top10.ranking.other.count).toBe(latest.size - 10)
    expect(top10.ranking.rows.length + top10.ranking.other.count).toBe(latest.size)
    expect(size(shown(10))).toBeLessThan(5_000)
    // The map shades every partner of the latest year: one row each, about 200 bytes a row.
    expect(size(shown(300))).toBeLessThan(latest.size * 250 + 2_000)
    expect(snapshotWith(shown(300)).embedded!.breakdown).not.toHaveProperty('ranking.all')
  })

  it('is null where the panel showed none, and the snapshot still opens', () => {
    const back = reopened(snapshotWith(null)).snapshot
    expect(back.embedded!.breakdown).toBeNull()
    expect(fetchedOfEmbedded(back.embedded!, back.sources, back.view).breakdown).toBeNull()
  })

  it.each([
    ['HTML in a row label', (b: any) => (b.ranking.rows[0].label = '<img src=x onerror=alert(1)>')],
    ['a value that is text', (b: any) => (b.ranking.rows[0].value = '1000')],
    ['a share that is not a number', (b: any) => (b.ranking.rows[0].share = 'NaN')],
    ['an ISO-2 code in lower case', (b: any) => (b.iso2[0].iso2 = 'th')],
    ['a period that is a path', (b: any) => (b.ranking.from = '../../etc')],
    ['more rows than any ranking', (b: any) => (b.ranking.rows = Array(301).fill(b.ranking.rows[0]))],
    ['a field the format does not have', (b: any) => (b.ranking.all = [])],
    ['a source link that is not http(s)', (b: any) => (b.ranking.source.url = 'file:///etc/passwd')],
    ['a query for a dataset id that is a path', (b: any) => (b.query.dataset = '../x')],
  ])('refuses a breakdown with %s', (_name, edit) => {
    const copy = JSON.parse(JSON.stringify(snapshotWith(shown(10))))
    edit(copy.embedded.breakdown)
    expect(Snapshot.safeParse(copy).success).toBe(false)
    expect(parseSnapshot(copy)).toMatchObject({ ok: false, message: expect.stringMatching(/breakdown/) })
  })

  it('is asked for by its query whatever the order of its fields, and not by another drill level', () => {
    const q = query(10)
    const reordered = Object.fromEntries(Object.entries(q).reverse()) as BreakdownQuery
    expect(breakdownQueryKey(reordered)).toBe(breakdownQueryKey(q))
    expect(breakdownQueryKey({ ...q, top: 20 })).not.toBe(breakdownQueryKey(q))
    expect(breakdownQueryKey({ ...q, by: 'product', parent: 'hs85' })).not.toBe(
      breakdownQueryKey({ ...q, by: 'product', parent: 'hs84' }),
    )
  })
})

describe('self-contained snapshots saved before the breakdown was kept (format 2)', () => {
  const saved = snapshotWith(null)
  /** A format-2 file as that build wrote it: no `breakdown` in its embedded data. */
  const formatTwo = () => {
    const doc = JSON.parse(JSON.stringify(saved))
    delete doc.embedded.breakdown
    return { ...doc, formatVersion: 2 }
  }

  it('opens migrated, its chart data as saved and its breakdown null (never invented)', () => {
    const answer = reopened(formatTwo())
    expect(answer.migratedFrom).toBe(2)
    expect(answer.snapshot).toEqual(reopened(saved).snapshot)
    expect(answer.snapshot.embedded!.breakdown).toBeNull()
  })

  it('a linked format-2 snapshot is unchanged but for its version', () => {
    const { embedded: _e, ...linked } = formatTwo()
    const answer = reopened(linked)
    expect(answer.migratedFrom).toBe(2)
    expect(answer.snapshot.embedded).toBeUndefined()
    expect(answer.snapshot.formatVersion).toBe(3)
  })

  it('a format-2 file whose embedded data is not an object is refused with the reason', () => {
    expect(parseSnapshot({ ...formatTwo(), embedded: 'x' })).toMatchObject({
      ok: false,
      message: 'This snapshot cannot be opened: its embedded data is not an object.',
      said: { id: 'snapshotCannotOpen' },
    })
  })

  it('a format-3 self-contained file without its breakdown is refused (the field says whether one was kept)', () => {
    const doc = JSON.parse(JSON.stringify(snapshotWith(shown(10))))
    delete doc.embedded.breakdown
    expect(parseSnapshot(doc)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/embedded\.breakdown/),
    })
  })
})
