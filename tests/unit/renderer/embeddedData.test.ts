/**
 * Self-contained snapshots: the data a view was drawn from goes into the snapshot and comes back as the
 * same chart model — same numbers, same computed marks — with no dataset; hostile embedded data is refused.
 */
import { describe, expect, it } from 'vitest'
import type { Series } from '../../../electron/shared/api'
import { Snapshot } from '../../../electron/shared/snapshot'
import { parseSnapshot } from '../../../electron/shared/snapshotParse'
import { defaultViewState, selectionsOf, type ViewState } from '../../../electron/shared/viewState'
import { buildChartModel, missingReason, type FetchedSeries } from '../../../renderer/src/lib/chartModel'
import { embeddedOf, fetchedOfEmbedded } from '../../../renderer/src/lib/embeddedData'
import { buildSnapshot } from '../../../renderer/src/lib/snapshotBuild'
import { numbersOf } from '../../../renderer/src/lib/snapshotModel'

const source = {
  id: 'imf-dots-timeseries-v1',
  title: 'imf-dots-timeseries.csv (imported 2026-12-01, version 1)',
  publisher: 'IMF',
  published: null,
  url: '',
}
const series = (values: [string, number][]): Series => ({
  dataset: 'imf-dots-timeseries',
  series: 'exports_china_us',
  label: 'China exports — United States',
  unit: 'USD',
  frequency: 'year',
  points: values.map(([period, value]) => ({
    period,
    periodStart: `${period}-01`,
    periodEnd: `${period}-12`,
    value,
    status: 'published',
    note: '',
    sourceId: source.id,
    alternatives: 0,
  })),
  sources: [source],
})
const view: ViewState = {
  ...defaultViewState(),
  dataset: 'imf-dots-timeseries',
  frequency: 'year',
  unit: 'USD',
  flows: ['exports'],
  partners: ['us'],
  transform: 'yoy',
  range: {},
}
const fetched: FetchedSeries[] = selectionsOf(view).map((selection) => ({
  selection,
  series: series([
    ['2021', 577127.5e6],
    ['2022', 581766.3e6],
    ['2023', 500291.4e6],
  ]),
  published: null,
  total: null,
}))
const label = () => 'China exports — United States'

describe('embedded data', () => {
  it('round-trips through a saved snapshot file to the same numbers, y/y computed again', () => {
    const model = buildChartModel(view, fetched, label)
    const snapshot = buildSnapshot({
      title: 'DOTS',
      view,
      model,
      notes: [],
      datasetVersion: '1 (imported 2026-12-01)',
      datasetFile: { fileName: 'imf-dots-timeseries.csv', sha256: 'ab'.repeat(32) },
      embedded: embeddedOf(fetched, { annual: null, projection: null }, null),
      appVersion: '0.1.0',
    })
    // Through the file's text and the hostile-file parser, as a snapshot from elsewhere would come.
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(snapshot)))
    if (!parsed.ok) throw new Error(parsed.message)
    const back = parsed.snapshot
    expect(back.datasets[0]).toEqual({
      id: 'imf-dots-timeseries',
      version: '1 (imported 2026-12-01)',
      fileName: 'imf-dots-timeseries.csv',
      sha256: 'ab'.repeat(32),
    })
    // A source without a web address (an imported file) is kept, not dropped.
    expect(back.sources).toEqual([source])
    const again = fetchedOfEmbedded(back.embedded!, back.sources, back.view)
    const rebuilt = buildChartModel(back.view, again.fetched, label)
    expect(numbersOf(rebuilt)).toEqual(numbersOf(model))
    const points = rebuilt.series[0]!.points.map((p) => [
      p.period,
      p.value && Number(p.value.toFixed(3)),
      p.kind,
    ])
    expect(points).toEqual([
      ['2021', null, 'computed'],
      ['2022', Number(((581766.3 / 577127.5 - 1) * 100).toFixed(3)), 'computed'],
      ['2023', Number(((500291.4 / 581766.3 - 1) * 100).toFixed(3)), 'computed'],
    ])
  })

  it('a series the view asks for but the snapshot lacks is shown missing, never invented', () => {
    const other = { ...view, partners: ['us', 'deu'] }
    const { fetched: back } = fetchedOfEmbedded(
      embeddedOf(fetched, { annual: null, projection: null }, null).data,
      [source],
      other,
    )
    expect(back.map((f) => [f.selection.key, f.series === null, f.error])).toEqual([
      ['exports:us:all', false, undefined],
      ['exports:deu:all', true, 'not-in-snapshot'],
    ])
  })

  it('saves why a series has no data as a code, and reads the English older snapshots saved as the same', () => {
    const lacking = { ...view, partners: ['us', 'deu'] }
    const withGap = selectionsOf(lacking).map((selection, i) => ({
      ...fetched[0]!,
      selection,
      ...(i ? { series: null } : {}),
    }))
    const model = buildChartModel(lacking, withGap, label)
    const saved = buildSnapshot({
      title: 'DOTS',
      view: lacking,
      model,
      notes: [],
      datasetVersion: '1',
      embedded: embeddedOf(withGap, { annual: null, projection: null }, null),
      appVersion: '0.1.0',
    })
    expect(saved.numbers.series.map((x) => x.missing)).toEqual([undefined, 'no-data'])
    // The same snapshot as a build before the codes wrote it: the reasons in English words.
    const old = JSON.parse(JSON.stringify(saved))
    old.numbers.series[1].missing = 'no data'
    old.embedded.series[1].error = 'not in the snapshot'
    const parsed = parseSnapshot(old)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.snapshot.numbers.series.map((x) => missingReason(x.missing))).toEqual([null, 'no-data'])
    const again = fetchedOfEmbedded(parsed.snapshot.embedded!, parsed.snapshot.sources, parsed.snapshot.view)
    const reopened = buildChartModel(parsed.snapshot.view, again.fetched, label)
    expect(reopened.series.map((x) => missingReason(x.missing))).toEqual([null, 'not-in-snapshot'])
    // A refusal kept as the page worded it is no code: it is shown as it is.
    expect(missingReason('本数据集中没有该序列。')).toBeNull()
  })

  it('refuses hostile embedded data: non-finite values, bad periods, HTML in labels', () => {
    const model = buildChartModel(view, fetched, label)
    const good = buildSnapshot({
      title: 'DOTS',
      view,
      model,
      notes: [],
      datasetVersion: '1',
      embedded: embeddedOf(fetched, { annual: null, projection: null }, null),
      appVersion: '0.1.0',
    })
    expect(Snapshot.safeParse(good).success).toBe(true)
    const broken = (edit: (s: Record<string, any>) => void) => {
      const copy = JSON.parse(JSON.stringify(good))
      edit(copy.embedded.series[0].series)
      return Snapshot.safeParse(copy).success
    }
    expect(broken((s) => (s.points[0].value = null))).toBe(false)
    expect(broken((s) => (s.points[0].periodStart = '../../etc'))).toBe(false)
    expect(broken((s) => (s.label = '<img src=x onerror=alert(1)>'))).toBe(false)
    expect(broken((s) => (s.points[0].sourceId = 'a b'))).toBe(false)
  })
})
