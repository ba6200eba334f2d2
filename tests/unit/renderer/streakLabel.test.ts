// @vitest-environment happy-dom
/**
 * The streak band's label (the computed run of double-digit falls) is drawn across the top of the plot:
 * no series may be drawn under its text. Drawn by Chart.js with the annotation plugin through the SVG
 * export's canvas, and measured where the plugin placed the label.
 */
import { Chart, registerables, type Plugin } from 'chart.js'
import annotationPlugin from 'chartjs-plugin-annotation'
import { describe, expect, it, vi } from 'vitest'
import { publishedPoint } from '../../support/seriesPoint'
import type { Series } from '@shared/api'
import { defaultViewState, selectionsOf, type ViewState } from '@shared/viewState'
import { buildChartConfig, chartText } from '../../../renderer/src/lib/chartConfig'
import { buildChartModel } from '../../../renderer/src/lib/chartModel'
import { drawSvg } from '../../../renderer/src/lib/svgExport'

Chart.register(...registerables, annotationPlugin)

const months = ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']
const rates = (id: string, values: number[]): Series => ({
  dataset: 'china-trade',
  series: id,
  label: id,
  unit: '% y/y',
  frequency: 'month',
  points: values.map((value, i) => publishedPoint(months[i]!, value)),
  sources: [],
})

describe('the streak band’s label', () => {
  it('has the top of the plot to itself: every point is drawn below it', { timeout: 60_000 }, async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () =>
        ({
          font: '',
          measureText: (s: string) => ({ width: s.length * 6 }),
        }) as unknown as CanvasRenderingContext2D,
    )
    const v: ViewState = {
      ...defaultViewState(),
      range: {},
      flows: ['exports'],
      partners: ['us', 'africa'],
      measure: 'yoy',
      unit: '% y/y',
    }
    // The US run of falls, and Africa's rates peaking at the top of the axis under the label.
    const data: Record<string, Series> = {
      'exports:us:all': rates('us', [-21, -34, -16, -22, -33, -27]),
      'exports:africa:all': rates('africa', [20, 33, 56, 41, 26, 28]),
    }
    const fetched = selectionsOf(v).map((selection) => ({
      selection,
      series: data[selection.key] ?? null,
      published: null,
      total: null,
    }))
    const model = buildChartModel(v, fetched, (s) => s.key)
    const text = chartText(
      (k, vals) =>
        k === 'explorer.streakBelow'
          ? `Computed: exports to the US, y/y % at or below ${vals.threshold} ${vals.n} times in a row (${vals.from}–${vals.to}; rule: the latest run of at least ${vals.min})`
          : k,
      'en',
    )
    for (const [width, height] of [
      [900, 420],
      [600, 420],
    ]) {
      const config = buildChartConfig(
        model,
        v,
        { annual: null, projection: null },
        { text: '#111', muted: '#555', grid: '#ddd', surface: '#fff' },
        text,
      )
      let label: { y: number; height: number } | undefined
      let points: number[] = []
      const probe: Plugin = {
        id: 'probe',
        afterDraw(chart) {
          const band = annotationPlugin.getAnnotations(chart).find((a) => a.options.type === 'box')
          // At run time the label is the box's one sub-element (the plugin's types call it `label`).
          label = (band as { elements?: { y: number; height: number }[] } | undefined)?.elements?.[0]
          points = chart.data.datasets.flatMap((_, i) => chart.getDatasetMeta(i).data.map((p) => p.y))
        },
      }
      drawSvg(config, width!, height!, probe)
      expect(label, `${width}`).toBeDefined()
      expect(points.length).toBe(12)
      expect(Math.min(...points), `${width}`).toBeGreaterThan(label!.y + label!.height)
    }
  })
})
