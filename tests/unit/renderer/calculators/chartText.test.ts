/**
 * The calculators' chart tooltips read in the page's language: a label and its value joined by the
 * language's own colon (English `Exports: …`, Chinese `出口：…`, never the ASCII colon in Chinese), and a
 * year as written, not as a linear axis words a number (2030, not 2,030).
 */
import { describe, expect, it } from 'vitest'
import type { TooltipItem } from 'chart.js'
import { createI18n } from 'vue-i18n'
import app from '../../../../renderer/src/i18n/messages/app'
import { calcFormat } from '../../../../renderer/src/components/calculators/useCalcFormat'
import { calcChartConfig, type CalcChartSpec } from '../../../../renderer/src/lib/calculators/charts'

const theme = { text: '#111111', muted: '#555555', grid: '#dddddd', surface: '#ffffff' }

function format(locale: 'en' | 'zh-CN') {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: app })
  return calcFormat(
    () => locale,
    (key, params) => i18n.global.t(key, params),
  )
}

type Callbacks = {
  title?: (items: TooltipItem<'bar'>[]) => string
  label: (item: TooltipItem<'bar'>) => string | string[]
}

/** The tooltip of a chart's first point of each dataset, as Chart.js asks for it. */
function tooltips(spec: CalcChartSpec, locale: 'en' | 'zh-CN'): string[] {
  const config = calcChartConfig(spec, theme, format(locale))
  const callbacks = (config.options!.plugins!.tooltip as { callbacks: Callbacks }).callbacks
  return config.data.datasets.map((dataset, datasetIndex) => {
    const first = dataset.data.find((d) => d !== null)
    const y = typeof first === 'number' ? first : Array.isArray(first) ? first[1] : (first as { y: number }).y
    const x = typeof first === 'object' && first !== null && 'x' in first ? (first as { x: number }).x : 0
    const item = {
      dataset,
      datasetIndex,
      dataIndex: dataset.data.indexOf(first!),
      parsed: { x, y },
    } as unknown as TooltipItem<'bar'>
    const title = callbacks.title?.([item]) ?? ''
    return [title, callbacks.label(item)].flat().join(' | ')
  })
}

const SPECS: CalcChartSpec[] = [
  {
    kind: 'surplus',
    ytd: 1011.5,
    remaining: 95.2,
    record: { value: 992.2, year: 2024 },
    labels: {
      record: 'Record',
      projection: 'Projection',
      actual: '出口',
      projected: '预计',
      recordLine: 'record',
    },
    unit: 'USD bn',
  },
  {
    kind: 'sharePath',
    history: [{ year: 2023, share: 14.2 }],
    paths: [{ label: '您的路径', points: [{ year: 2030, share: 15.1 }] }],
    flat: null,
    projections: [{ year: 2030, value: 16.5, label: '2030 年预测' }],
    labels: { history: '公布的份额', flat: '持平路径' },
    unit: '%',
  },
  {
    kind: 'tornado',
    bars: [{ id: 'us', lowInput: -0.1, highInput: 0.1, low: 0.02, high: 0.05, swing: 0.03 }],
    center: 0.035,
    labelOf: () => '美国',
    legend: { low: '低', high: '高' },
    axisTitle: '%',
  },
]

describe("the calculators' chart tooltips", () => {
  it.each(SPECS.map((spec) => [spec.kind, spec] as const))(
    'the %s chart joins a label and its value with the full-width colon in Chinese',
    (_kind, spec) => {
      const lines = tooltips(spec, 'zh-CN')
      for (const line of lines) {
        expect(line).toMatch(/^[^：]+：/)
        expect(line).not.toContain(':')
      }
    },
  )

  it.each(SPECS.map((spec) => [spec.kind, spec] as const))(
    'the %s chart joins them with a colon and a space in English',
    (_kind, spec) => {
      for (const line of tooltips(spec, 'en')) expect(line).toMatch(/^[^:]+: \S/)
    },
  )

  it('names a year of the world-share path as written, and the share in the language', () => {
    expect(tooltips(SPECS[1]!, 'zh-CN')).toEqual([
      '2023 | 公布的份额：14.2%',
      '2030 | 您的路径：15.1%',
      '2030 | 2030 年预测：16.5%',
    ])
    expect(tooltips(SPECS[0]!, 'en')).toEqual([
      ' | Record: $992.2 bn',
      ' | 出口: $1,011.5 bn',
      ' | 预计: $95.2 bn',
    ])
  })
})

describe('the share path’s years', () => {
  it('stand upright: Chart.js leaves some out rather than tilting them all', () => {
    const spec = SPECS.find((s) => s.kind === 'sharePath')!
    const x = calcChartConfig(spec, theme, format('zh-CN')).options!.scales!.x as {
      ticks: { maxRotation?: number }
    }
    expect(x.ticks.maxRotation).toBe(0)
  })
})
