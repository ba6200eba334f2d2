import { describe, expect, it } from 'vitest'
import { publishedPoint } from '../../support/seriesPoint'
import type { Series, SeriesPoint } from '@shared/api'
import { formatPeriod, periodBounds } from '@shared/periods'
import { createI18n } from 'vue-i18n'
import appMessages from '../../../renderer/src/i18n/messages/app'
import { alignSeries } from '../../../renderer/src/lib/align'
import {
  axisTickLabel,
  columnDigits,
  formatAmount,
  formatBytes,
  formatChange,
  formatDifference,
  formatLevel,
  formatPercent,
  formatValue,
  listText,
  numberText,
  sentencesText,
  unitLabel,
  unitScale,
} from '../../../renderer/src/lib/format'

const point = publishedPoint
const series = (name: string, points: SeriesPoint[]): Series => ({
  dataset: 'd',
  series: name,
  label: name,
  unit: 'USD bn',
  frequency: 'month',
  points,
  sources: [],
})

describe('alignSeries', () => {
  it('puts series on one time axis, keeps combined Jan–Feb as one period and leaves gaps as null', () => {
    const a = series('exports', [point('2025-03', 313.9), point('2025-01..2025-02', 539.94)])
    const b = series('imports', [point('2024-12', 1), point('2025-03', 2)])
    const { periods, points } = alignSeries([a, b])
    expect(periods).toEqual(['2024-12', '2025-01..2025-02', '2025-03'])
    expect(points[0]!.map((p) => p?.value ?? null)).toEqual([null, 539.94, 313.9])
    expect(points[1]!.map((p) => p?.value ?? null)).toEqual([1, null, 2])
  })

  it('keeps a month no series has on the axis, empty for all, so no line joins across it', () => {
    const a = series('exports', [point('2026-01..2026-02', 656.5), point('2026-04', 359.4)])
    const b = series('balance', [point('2026-01..2026-02', 213.62), point('2026-04', 84.8)])
    const { periods, points } = alignSeries([a, b])
    // Jan and Feb are covered by their combined period; March by nothing.
    expect(periods).toEqual(['2026-01..2026-02', '2026-03', '2026-04'])
    expect(points[0]!.map((p) => p?.value ?? null)).toEqual([656.5, null, 359.4])
    expect(points[1]!.map((p) => p?.value ?? null)).toEqual([213.62, null, 84.8])
  })
})

describe('periods', () => {
  it.each([
    ['2025-11', { start: '2025-11', end: '2025-11' }, 'Nov 2025'],
    ['2025-01..2025-02', { start: '2025-01', end: '2025-02' }, 'Jan–Feb 2025'],
    ['2024', { start: '2024-01', end: '2024-12' }, '2024'],
    ['2024-12..2025-02', { start: '2024-12', end: '2025-02' }, 'Dec 2024–Feb 2025'],
  ])('%s', (period, bounds, label) => {
    expect(periodBounds(period)).toEqual(bounds)
    expect(formatPeriod(period)).toBe(label)
  })

  it.each(['2025-13', '2025-00', '2025-02..2025-01', '2025-01..', '25-01', '2025-01..2025-02..2025-03', ''])(
    'refuses %j',
    (bad) => {
      expect(periodBounds(bad)).toBeNull()
    },
  )
})

describe('format', () => {
  it('keeps published precision and signs changes', () => {
    expect(formatLevel(330.3, 'USD bn')).toBe('$330.3 bn')
    expect(formatLevel(305.35, 'USD bn')).toBe('$305.35 bn')
    expect(formatLevel(5493.9, 'tonnes')).toBe('5,493.9 tonnes')
    expect(formatChange(5.9)).toBe('+5.9%')
    expect(formatChange(-1.1)).toBe('-1.1%')
    expect(formatChange(0)).toBe('0%')
  })

  it('counts billions in 亿 on a Chinese page, one scale with imported amounts and the axes', () => {
    expect(formatLevel(359.4, 'USD bn', 'zh-CN')).toBe('3,594 亿美元')
    expect(formatLevel(305.35, 'USD bn', 'zh-CN')).toBe('3,053.5 亿美元')
    expect(formatLevel(992.16, 'USD bn', 'zh-CN')).toBe('9,921.6 亿美元')
    expect(formatLevel(1200, 'CNY bn', 'zh-CN')).toBe('12,000 亿元')
    expect(formatLevel(3.58, 'CNY tn', 'zh-CN')).toBe('3.58 万亿元')
    expect(formatLevel(40.5, 'USD mn', 'zh-CN')).toBe('40.5 百万美元')
    expect(formatValue(-38.73, 'USD bn, change y/y', 'zh-CN')).toBe('−387.3 亿美元')
    expect(unitLabel('USD bn, change y/y', 'zh-CN')).toBe('亿美元，同比变化')
    expect(formatAmount(75.04e9, 'USD', 'zh-CN')).toBe('750.4 亿美元')
    expect(unitScale('USD bn', 'zh-CN')).toBe(10)
    expect(unitScale('USD bn', 'en')).toBe(1)
    expect(unitScale('USD mn', 'zh-CN')).toBe(1)
  })

  it('signs a difference of levels outside the currency, with a true minus', () => {
    expect(formatDifference(-567, 'USD mn')).toBe('−$567 mn')
    expect(formatDifference(1109.3, 'USD mn')).toBe('+$1,109.3 mn')
    expect(formatDifference(0, 'USD mn')).toBe('$0 mn')
    expect(formatDifference(-2.5, 'USD mn', 'zh-CN')).toBe('−2.5 百万美元')
  })

  it('shortens an imported amount in US dollars and keeps any other unit as written', () => {
    expect(formatAmount(75_040_000_000, 'USD')).toBe('$75.0 bn')
    expect(formatAmount(-12_345_678, 'USD')).toBe('−$12.3 mn')
    expect(formatAmount(2.5e12, 'USD')).toBe('$2.5 tn')
    expect(formatAmount(950.125, 'USD')).toBe('$950.13')
    expect(formatAmount(1234.5, 'EUR', 'de-DE')).toBe('1.234,5 EUR')
    expect(formatAmount(1234.5, '')).toBe('1,234.5')
    // In Chinese the scale is a word after the number, counted in 万 (10⁴), 亿 (10⁸) and 万亿 (10¹²).
    expect(formatAmount(75_040_000_000, 'USD', 'zh-CN')).toBe('750.4 亿美元')
    expect(formatAmount(-12_345_678, 'USD', 'zh-CN')).toBe('−1,234.6 万美元')
    expect(formatAmount(2.5e12, 'USD', 'zh-CN')).toBe('2.5 万亿美元')
    expect(formatAmount(99_990_000, 'USD', 'zh-CN')).toBe('9,999.0 万美元')
    expect(formatAmount(12_345, 'USD', 'zh-CN')).toBe('1.2 万美元')
    expect(formatAmount(950.125, 'USD', 'zh-CN')).toBe('950.13 美元')
    // A decimal that is zero dropped (a legend's whole steps), one that is not kept, in both languages.
    expect(formatAmount(1e7, 'USD', 'zh-CN', { trimZeros: true })).toBe('1,000 万美元')
    expect(formatAmount(12_345, 'USD', 'zh-CN', { trimZeros: true })).toBe('1.2 万美元')
    expect(formatAmount(-1e10, 'USD', 'en-US', { trimZeros: true })).toBe('−$10 bn')
    expect(formatAmount(75_040_000_000, 'USD', 'en-US', { trimZeros: true })).toBe('$75 bn')
  })

  it('writes file sizes short, and calculator numbers with their style', () => {
    expect([
      formatBytes(512),
      formatBytes(15_300),
      formatBytes(2_450_000),
      formatBytes(3_210_000_000),
    ]).toEqual(['512 B', '15 kB', '2.5 MB', '3.21 GB'])
    expect(numberText(12.345, { style: 'pct', digits: 1 })).toBe('12.3%')
    expect(numberText(-0.04, { style: 'pct', digits: 1 })).toBe('0%')
    expect(numberText(Number.NaN)).toBe('—')
  })

  it('prints every decimal of a column when asked (5.0% beside 14.7%), in English and Chinese', () => {
    for (const locale of ['en', 'zh-CN']) {
      const column = [5, 14.66, 0, 100, 0.04].map((v) =>
        numberText(v, { style: 'pct', digits: 1, fixed: true, locale }),
      )
      expect(column).toEqual(['5.0%', '14.7%', '0.0%', '100.0%', '0.0%'])
      // Unasked, trailing zeros still go: a figure in a sentence reads 5%, as the rate hints write it.
      expect(numberText(5, { style: 'pct', digits: 1, locale })).toBe('5%')
    }
    expect(numberText(-0.04, { style: 'pct', digits: 1, fixed: true })).toBe('0.0%')
  })

  it("writes a percentage as the locale's percent style does: no space in English and Chinese", () => {
    // What Intl itself writes for 14.7% (0.147 in its percent style), in each locale.
    const intl = (locale: string, v: number, signed = false) =>
      new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: 1,
        signDisplay: signed ? 'exceptZero' : 'auto',
      }).format(v)
    for (const locale of ['en-US', 'zh-CN', 'fr-FR', 'de-DE', 'tr-TR']) {
      expect(numberText(14.7, { style: 'pct', digits: 1, locale })).toBe(intl(locale, 0.147))
      expect(numberText(100, { style: 'pct', locale })).toBe(intl(locale, 1))
      expect(numberText(-2.5, { style: 'pct', digits: 1, signed: true, locale })).toBe(
        intl(locale, -0.025, true),
      )
      expect(formatChange(5.9, locale)).toBe(intl(locale, 0.059, true))
      expect(formatValue(0, '% of total', locale)).toBe(intl(locale, 0))
      expect(formatPercent(5, locale, { digits: 1, fixed: true })).toBe(
        new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1 }).format(0.05),
      )
    }
    expect(
      ['en-US', 'zh-CN'].map((l) => [numberText(0, { style: 'pct', locale: l }), formatChange(-1.1, l)]),
    ).toEqual([
      ['0%', '-1.1%'],
      ['0%', '-1.1%'],
    ])
    expect(numberText(100, { style: 'pct', locale: 'fr-FR' })).toMatch(/^100\s%$/)
    // The digits are the ones written, never the percent style's binary ×100 (0.145 × 100 = 14.499…).
    expect(formatPercent(14.5, 'en-US', { digits: 0 })).toBe('15%')
  })

  it('chooses one precision for a column: the most decimals any of its values needs, up to a cap', () => {
    expect(columnDigits([1.2, 0.35, null])).toBe(2)
    expect(columnDigits([1, 5, 0, Number.NaN])).toBe(0)
    expect(columnDigits([-1.4664804469273742, 0, 0])).toBe(2)
    expect(columnDigits([0.123456], 3)).toBe(3)
    // A value that rounds to fewer decimals needs only those (2.999 → 3 at two decimals).
    expect(columnDigits([2.999, 1.5])).toBe(1)
    expect(columnDigits([])).toBe(0)
    const column = [1.2, 0.35, 0].map((v) =>
      numberText(v, { style: 'pp', digits: columnDigits([1.2, 0.35, 0]), fixed: true, locale: 'zh-CN' }),
    )
    expect(column).toEqual(['+1.20 个百分点', '+0.35 个百分点', '0.00 个百分点'])
  })

  it('labels a value axis compact from 100,000, with the decimals that keep its ticks apart', () => {
    const big = [8e8, 8.2e8, 8.4e8, 1e9]
    expect(big.map((v) => axisTickLabel(v, big, 'zh-CN'))).toEqual(['8亿', '8.2亿', '8.4亿', '10亿'])
    expect(big.map((v) => axisTickLabel(v, big, 'en-US'))).toEqual(['800M', '820M', '840M', '1B'])
    // Small axes keep plain numbers with the decimals their spacing needs.
    const share = [14, 14.5, 15, 15.5]
    expect(share.map((v) => axisTickLabel(v, share, 'en-US'))).toEqual(['14.0', '14.5', '15.0', '15.5'])
    const usdBn = [0, 200, 400, 600]
    expect(usdBn.map((v) => axisTickLabel(v, usdBn, 'zh-CN'))).toEqual(['0', '200', '400', '600'])
    // An axis in billions reads in 亿 on a Chinese page, as its title (亿美元) and its tooltips do.
    expect(usdBn.map((v) => axisTickLabel(v, usdBn, 'zh-CN', 'USD bn'))).toEqual([
      '0',
      '2,000',
      '4,000',
      '6,000',
    ])
    expect(usdBn.map((v) => axisTickLabel(v, usdBn, 'en-US', 'USD bn'))).toEqual(['0', '200', '400', '600'])
    const balance = [-50, -25, 0, 25]
    expect(balance.map((v) => axisTickLabel(v, balance, 'zh-CN', 'USD bn, change y/y'))).toEqual([
      '-500',
      '-250',
      '0',
      '250',
    ])
    expect(axisTickLabel(-100, [-100, 0, 100], 'en-US')).toBe('-100')
  })

  it('lists items that hold commas with semicolons, Chinese ones full-width', () => {
    expect(listText(['Japan $22.5 bn', 'Rest $1,097.5 bn'], 'en-US', { semicolons: true })).toBe(
      'Japan $22.5 bn; Rest $1,097.5 bn',
    )
    expect(listText(['日本 225.0 亿美元', '越南 210.0 亿美元'], 'zh-CN', { semicolons: true })).toBe(
      '日本 225.0 亿美元；越南 210.0 亿美元',
    )
  })

  it('runs sentences together as the language does: a space after an English full stop, none after 。', () => {
    const { global } = createI18n({ legacy: false, locale: 'en', messages: appMessages })
    const t = (key: string, values: Record<string, string>) => global.t(key, values)
    expect(sentencesText(['No annual data.', 'No monthly data.', 'No quarterly data.'], t)).toBe(
      'No annual data. No monthly data. No quarterly data.',
    )
    expect(sentencesText(['One reason.'], t)).toBe('One reason.')
    expect(sentencesText([], t)).toBe('')
    global.locale.value = 'zh-CN'
    expect(sentencesText(['没有年度数据。', '没有月度数据。', '没有季度数据。'], t)).toBe(
      '没有年度数据。没有月度数据。没有季度数据。',
    )
  })

  it("writes a running list with the reader's comma", () => {
    expect(listText(['Christmas Island', 'Cocos (Keeling) Islands'], 'en-US')).toBe(
      'Christmas Island, Cocos (Keeling) Islands',
    )
    expect(listText(['圣诞岛', '科科斯（基林）群岛', '中国'], 'zh-CN')).toBe(
      '圣诞岛、科科斯（基林）群岛、中国',
    )
    expect(listText([], 'zh-CN')).toBe('')
  })
})
