/** The published readings behind a chart point: the printed figure, the other readings, the rule. */
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import type { Series } from '../../../electron/shared/api'
import { defaultViewState } from '../../../electron/shared/viewState'
import { buildChartModel, readingOf } from '../../../renderer/src/lib/chartModel'
import { ruleText } from '../../../renderer/src/lib/chartConfig'
import { formatPrinted } from '../../../renderer/src/lib/format'
import app from '../../../renderer/src/i18n/messages/app'
import explorer from '../../../renderer/src/i18n/messages/explorer'

const series: Series = {
  dataset: 'china-trade',
  series: 'exports_usd',
  label: 'Exports',
  unit: 'USD bn',
  frequency: 'month',
  sources: [],
  points: [
    {
      period: '2019-09',
      periodStart: '2019-09',
      periodEnd: '2019-09',
      value: 218.123102,
      status: 'published',
      note: '',
      sourceId: 'sGACC9',
      alternatives: 0,
      printed: { value: '218123102', unit: 'USD thousand' },
    },
    {
      period: '2019-10',
      periodStart: '2019-10',
      periodEnd: '2019-10',
      value: 212.916095,
      status: 'published',
      note: '',
      sourceId: 'sGACC10',
      alternatives: 1,
      printed: { value: '212916095', unit: 'USD thousand' },
      preferredBy: 'customs',
      others: [{ value: 212.93, sourceId: 'sTE', note: '' }],
    },
  ],
}
const selection = { key: 'exports:world:all', flow: 'exports', partner: 'world', product: 'all' }
const fetched = [{ selection, series, published: null, total: null }]
const view = { ...defaultViewState(), flows: ['exports'], range: {} }

describe('readingOf', () => {
  it('gives the reading behind a value shown as published, with its series unit', () => {
    const model = buildChartModel(view, fetched, () => 'Exports')
    const s = model.series[0]!
    const oct = readingOf(
      s,
      s.points.find((p) => p.period === '2019-10')!,
    )
    expect(oct?.printed).toEqual({ value: '212916095', unit: 'USD thousand' })
    expect(oct?.others).toEqual([{ value: 212.93, sourceId: 'sTE', note: '' }])
    expect(oct?.unit).toBe('USD bn')
  })

  it('gives nothing for a computed number, and lists the periods behind it that have other readings', () => {
    const model = buildChartModel({ ...view, transform: 'rolling12' }, fetched, () => 'Exports')
    const s = model.series[0]!
    expect(s.readings).toBeUndefined()
    expect(s.points.every((p) => readingOf(s, p) === null)).toBe(true)
    expect(s.readingsBehindComputed).toEqual(['2019-10'])
    const outside = buildChartModel(
      { ...view, transform: 'rolling12', range: { to: '2019-09' } },
      fetched,
      () => 'Exports',
    )
    expect(outside.series[0]!.readingsBehindComputed).toBeUndefined()
  })

  it("under y/y, gives a published rate's own readings: its other readings and why it is shown", () => {
    const rates: Series = {
      ...series,
      series: 'exports_yoy',
      unit: '% y/y',
      points: [
        {
          period: '2019-10',
          periodStart: '2019-10',
          periodEnd: '2019-10',
          value: -0.9,
          status: 'published',
          note: '',
          sourceId: 'sAP',
          alternatives: 1,
          preferredBy: 'first-published',
          others: [{ value: -1.1, sourceId: 'sDPA', note: '' }],
        },
      ],
    }
    const model = buildChartModel(
      { ...view, transform: 'yoy' },
      [{ selection, series, published: rates, total: null }],
      () => 'Exports',
    )
    const s = model.series[0]!
    const oct = s.points.find((p) => p.period === '2019-10')!
    expect([oct.kind, oct.value]).toEqual(['published', -0.9])
    const reading = readingOf(s, oct)
    expect(reading?.unit).toBe('% y/y')
    expect(reading?.others).toEqual([{ value: -1.1, sourceId: 'sDPA', note: '' }])
    expect(reading?.preferredBy).toBe('first-published')
  })

  it('keeps the reading when USD is shown in millions (the printed figure is unchanged)', () => {
    const model = buildChartModel({ ...view, displayUnit: 'mn' }, fetched, () => 'Exports')
    const s = model.series[0]!
    const p = s.points.find((x) => x.period === '2019-09')!
    expect(p.value).toBeCloseTo(218123.102, 6)
    expect(readingOf(s, p)?.printed?.value).toBe('218123102')
  })
})

describe('formatPrinted and ruleText', () => {
  it('groups the printed digits for the locale and keeps every decimal', () => {
    expect(formatPrinted('212916095', 'USD thousand', 'en-US')).toBe('212,916,095 USD thousand')
    expect(formatPrinted('-0.803579', 'USD bn', 'en-US')).toBe('-0.803579 USD bn')
    expect(formatPrinted('2498.4', '', 'de-DE')).toBe('2.498,4')
    // In 亿 by moving the decimal point one place, never by arithmetic: every printed digit stays.
    expect(formatPrinted('1234567.000100', 'USD bn', 'zh-CN')).toBe('12,345,670.00100 亿美元')
    expect(formatPrinted('-0.803579', 'USD bn', 'zh-CN')).toBe('-8.03579 亿美元')
    expect(formatPrinted('38.7', 'USD bn', 'zh-CN')).toBe('387 亿美元')
    expect(formatPrinted('12', 'CNY bn', 'zh-CN')).toBe('120 亿元')
    expect(formatPrinted('3.58', 'CNY tn', 'zh-CN')).toBe('3.58 万亿元')
    expect(formatPrinted('212916095', 'USD thousand', 'zh-CN')).toBe('212,916,095 千美元')
  })

  it('says why a reading is shown, quoting a curated reason as written after the language’s colon', () => {
    const words = (locale: 'en' | 'zh-CN') => {
      const i18n = createI18n({
        legacy: false,
        locale,
        messages: { [locale]: { ...app[locale], ...explorer[locale] } },
      })
      return { t: (k: string, v?: Record<string, unknown>) => i18n.global.t(k, v ?? {}), locale }
    }
    const customs = words('en').t('explorer.readings.rule.customs')
    expect(customs).toMatch(/customs/)
    expect(ruleText({ preferredBy: 'customs' }, words('en'))).toBe(customs)
    const curated = (locale: 'en' | 'zh-CN') => words(locale).t('explorer.readings.rule.curated')
    expect(ruleText({ preferredBy: 'curated', reason: "Reuters' table" }, words('en'))).toBe(
      `${curated('en')}: Reuters' table`,
    )
    expect(ruleText({ preferredBy: 'curated', reason: "Reuters' table" }, words('zh-CN'))).toBe(
      `${curated('zh-CN')}：Reuters' table`,
    )
    expect(ruleText({}, words('en'))).toBe('')
  })
})
