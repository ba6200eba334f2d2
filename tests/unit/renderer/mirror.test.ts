/**
 * Mirror pairing: units brought to USD million by a decimal shift, the common span, gaps left as gaps,
 * and the gap and ratio computed by their rules. Expected values are worked out here by hand.
 */
import { describe, expect, it } from 'vitest'
import type { Series } from '../../../electron/shared/api'
import { Snapshot } from '../../../electron/shared/snapshot'
import { MirrorUnitError, pairMirror, shiftDecimal, shiftToMillion } from '../../../renderer/src/lib/mirror'
import { chartText } from '../../../renderer/src/lib/chartConfig'
import { mirrorChartConfig } from '../../../renderer/src/lib/mirrorChart'
import {
  buildMirrorSnapshot,
  mirrorCsv,
  mirrorSeriesOfSnapshot,
} from '../../../renderer/src/lib/mirrorSnapshot'

function series(unit: string, points: [string, number][], frequency: 'month' | 'year' = 'month'): Series {
  return {
    dataset: 'd',
    series: 's',
    label: 's',
    unit,
    frequency,
    sources: [],
    points: points.map(([period, value]) => ({
      period,
      periodStart: frequency === 'year' ? `${period}-01` : period,
      periodEnd: frequency === 'year' ? `${period}-12` : period,
      value,
      status: 'published',
      note: '',
      sourceId: `src-${unit}`,
      alternatives: 0,
    })),
  }
}

describe('units', () => {
  it('knows how far each US-dollar unit is from USD million, and no other currency', () => {
    expect(shiftToMillion('USD bn')).toBe(3)
    expect(shiftToMillion('USD million')).toBe(0)
    expect(shiftToMillion('USD thousand')).toBe(-3)
    expect(shiftToMillion('USD')).toBe(-6)
    expect(shiftToMillion('CNY bn')).toBeNull()
  })

  it('shifts on the decimal digits, with no float residue', () => {
    expect(1.005 * 1000).not.toBe(1005) // why the shift is done on the digits
    expect(shiftDecimal(1.005, 3)).toBe(1005)
    expect(shiftDecimal(37.6, 3)).toBe(37600)
    expect(shiftDecimal(42.62, 3)).toBe(42620)
    expect(shiftDecimal(1239083, -3)).toBe(1239.083)
    expect(shiftDecimal(582756110047, -6)).toBe(582756.110047)
    expect(shiftDecimal(-5.5, 3)).toBe(-5500)
    expect(shiftDecimal(0, 3)).toBe(0)
  })
})

describe('pairMirror', () => {
  it('pairs over the span both cover, leaves a missing side missing, computes gap and ratio', () => {
    const china = series('USD bn', [
      ['2018-12', 1],
      ['2019-01', 36.5],
      ['2019-03', 30.1],
      ['2019-05', 37.7],
    ])
    const partner = series('USD million', [
      ['2019-01', 41657.6],
      ['2019-02', 33234.5],
      ['2019-03', 31209.3],
      ['2019-06', 39000],
    ])
    const m = pairMirror(china, partner)
    expect(m.unit).toBe('USD mn')
    // Common span: 2019-01 (the later start) to 2019-05 (the earlier end); 2018-12 and 2019-06 fall outside.
    expect(m.rows.map((r) => r.period)).toEqual(['2019-01', '2019-02', '2019-03', '2019-05'])
    expect(m.from).toBe('2019-01')
    expect(m.to).toBe('2019-05')
    const [jan, feb, mar, may] = m.rows
    expect(jan).toMatchObject({ china: 36500, partner: 41657.6, gap: 5157.6 })
    expect(jan!.ratio).toBeCloseTo(41657.6 / 36500, 12)
    expect(feb).toMatchObject({ china: null, partner: 33234.5, gap: null, ratio: null })
    expect(mar).toMatchObject({ china: 30100, partner: 31209.3, gap: 1109.3 })
    expect(may).toMatchObject({ china: 37700, partner: null, gap: null, ratio: null })
    expect(m.missing).toBe(2)
    expect(jan!.chinaSource).toBe('src-USD bn')
    expect(jan!.partnerSource).toBe('src-USD million')
  })

  it('annual series pair by year; a zero on China’s side gives a gap but no ratio', () => {
    const m = pairMirror(
      series(
        'USD',
        [
          ['2022', 0],
          ['2023', 500_000_000],
        ],
        'year',
      ),
      series(
        'USD thousand',
        [
          ['2022', 1500],
          ['2023', 536_000.5],
        ],
        'year',
      ),
    )
    expect(m.rows).toHaveLength(2)
    expect(m.rows[0]).toMatchObject({ period: '2022', china: 0, partner: 1.5, gap: 1.5, ratio: null })
    expect(m.rows[1]).toMatchObject({ china: 500, partner: 536.0005, gap: 36.0005 })
    expect(m.rows[1]!.ratio).toBeCloseTo(536.0005 / 500, 12)
  })

  it('has no rows when the two series share no period', () => {
    const m = pairMirror(series('USD bn', [['2019-01', 1]]), series('USD bn', [['2020-01', 1]]))
    expect(m.rows).toEqual([])
    expect(m.from).toBeNull()
  })

  it('refuses a unit that is not US dollars rather than compare yuan with dollars', () => {
    expect(() => pairMirror(series('CNY bn', [['2019-01', 1]]), series('USD bn', [['2019-01', 1]]))).toThrow(
      MirrorUnitError,
    )
  })
})

describe('a mirror snapshot', () => {
  const cited = (s: Series, id: string): Series => ({
    ...s,
    points: s.points.map((p) => ({ ...p, sourceId: id })),
  })
  const china = {
    ...cited(
      series('USD bn', [
        ['2019-01', 36.5],
        ['2019-02', 20.1],
        ['2019-03', 30.1],
      ]),
      'cn',
    ),
    dataset: 'china-trade',
    sources: [{ id: 'cn', title: 'Customs', publisher: 'GACC', published: null, url: 'https://x.example/' }],
  }
  const partner = {
    ...cited(
      series('USD million', [
        ['2019-01', 41657.6],
        ['2019-03', 31000],
      ]),
      'us',
    ),
    dataset: 'census-file',
    sources: [{ id: 'us', title: 'c5700', publisher: 'Census', published: null, url: '' }],
  }
  const labels = { china: 'China → US', partner: 'US ← China' }
  const rules = { gap: 'partner − China', ratio: 'partner ÷ China', gapLabel: 'Gap', ratioLabel: 'Ratio' }
  const choice = {
    chinaDataset: 'china-trade',
    partnerDataset: 'census-file',
    partner: 'us',
    frequency: 'month' as const,
  }
  const datasets = [
    { id: 'china-trade', version: '2025.12' },
    { id: 'census-file', version: '1 (imported 2026-12-02)', fileName: 'c.csv', sha256: 'a'.repeat(64) },
  ]
  const build = (selfContained: boolean) =>
    buildMirrorSnapshot({
      title: ' Mirror ',
      choice,
      mirror: pairMirror(china, partner),
      labels,
      rules,
      china,
      partner,
      datasets,
      selfContained,
      appVersion: '0.1.0',
      savedAt: '2026-12-02T00:00:00.000Z',
    })

  it('records both datasets, the two sides and the computed gap, and is a valid snapshot', () => {
    const snapshot = build(false)
    expect(Snapshot.safeParse(snapshot).success).toBe(true)
    expect(snapshot.datasets).toEqual(datasets)
    expect(snapshot.mirror).toEqual(choice)
    expect(snapshot.embedded).toBeUndefined()
    // 2019-01: 36,500 against 41,657.6 → gap 5,157.6; 2019-02 has China's side only; 2019-03: 900.
    expect(snapshot.numbers.series.map((s) => [s.key, s.points.map((p) => p.value)])).toEqual([
      ['mirror:china', [36500, 20100, 30100]],
      ['mirror:partner', [41657.6, null, 31000]],
      ['mirror:gap', [5157.6, null, 900]],
    ])
    expect(snapshot.numbers.series[2]!.points[0]!.kind).toBe('computed')
  })

  it('self-contained: keeps both series as read and gives them back', () => {
    const snapshot = build(true)
    const parsed = Snapshot.parse(snapshot)
    const back = mirrorSeriesOfSnapshot(parsed)
    expect(back?.china.points).toEqual(china.points)
    expect(back?.partner.points).toEqual(partner.points)
    expect(back?.partner.sources).toEqual(partner.sources)
    expect(back?.partner.dataset).toBe('census-file')
    expect(mirrorSeriesOfSnapshot(build(false))).toBeNull()
  })

  it('a mirror whose dataset is not listed is refused', () => {
    const snapshot = { ...build(false), datasets: [datasets[0]!] }
    const parsed = Snapshot.safeParse(snapshot)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toBe("the mirror's dataset census-file is not listed")
  })

  it('its CSV has both sides, the gap and the ratio, each with unit, kind, rule and sources', () => {
    const csv = mirrorCsv(pairMirror(china, partner), labels, rules, china, partner)
    const lines = csv.trim().split(/\r?\n/)
    expect(lines[0]).toBe('period,series,value,unit,kind,note,sources')
    expect(lines.slice(1, 5)).toEqual([
      '2019-01,China → US,36500,USD mn,published,,GACC <https://x.example/>',
      '2019-01,US ← China,41657.6,USD mn,published,,Census <>',
      '2019-01,Gap,5157.6,USD mn,computed,partner − China,GACC <https://x.example/>; Census <>',
      `2019-01,Ratio,${41657.6 / 36500},ratio,computed,partner ÷ China,GACC <https://x.example/>; Census <>`,
    ])
    expect(lines[6]).toBe('2019-02,US ← China,,USD mn,missing,,')
  })
})

describe('the mirror chart', () => {
  it('keys each series in the legend as it is drawn: lines as lines (dashed where dashed), the gap as a square', () => {
    const m = pairMirror(
      series('USD bn', [
        ['2019-01', 40],
        ['2019-02', 35],
      ]),
      series('USD million', [
        ['2019-01', 45_000],
        ['2019-02', 38_000],
      ]),
    )
    const theme = { text: '#1b1f24', muted: '#5a6270', grid: '#d9dde3', surface: '#ffffff' }
    const config = mirrorChartConfig(
      m,
      { china: 'China', partner: 'Partner' },
      theme,
      chartText((key) => key, 'en'),
    )
    const legend = config.options!.plugins!.legend!
    expect(legend.labels!.usePointStyle).toBe(true)
    // What Chart.js asks of the chart when it builds the legend (the boxes were filled squares with
    // thick dashed borders, the partner's a yellow blot).
    const chart = { data: config.data, config, isDatasetVisible: () => true }
    const items = legend.labels!.generateLabels!(chart as never)
    expect(items.map((i) => [i.text, i.pointStyle, (i.lineDash ?? []).length > 0])).toEqual([
      ['China', 'line', false],
      ['Partner', 'line', true],
      ['mirror.ratioSeries', 'line', true],
      ['mirror.gapSeries', 'rect', false],
    ])
  })
})
