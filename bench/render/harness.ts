/**
 * Runs in Chromium for `npm run bench:render`: draws a synthetic 100 000-point monthly series with the
 * app's own chart configuration (buildChartConfig: parsing off, decimation, no animation) and with a
 * plain Chart.js configuration (category axis, parsed labels, default animation off) as the baseline,
 * and times redraws and pan/zoom frames of each. The numbers are synthetic and never reach the app.
 */
import { Chart, type ChartConfiguration } from 'chart.js'
import { loadChartPlugins } from '../../renderer/src/components/charts/chartSetup'
import './harness.css'
import { buildChartConfig } from '../../renderer/src/lib/chartConfig'
import type { ChartModel } from '../../renderer/src/lib/chartModel'
import { monthOf } from '../../electron/shared/periods'
import { defaultViewState } from '../../electron/shared/viewState'
import type { RenderResult } from '../renderResult'

const theme = { text: '#111', muted: '#555', grid: '#ddd', surface: '#fff' }
const text = { t: (key: string) => key, locale: 'en-US', period: (p: string) => p }

function syntheticModel(n: number): ChartModel {
  // Months from year 1000 on, so 100 000 of them still have four-digit years.
  const first = 1000 * 12
  const periods = Array.from({ length: n }, (_, i) => monthOf(first + i))
  let level = 200
  const points = periods.map((period) => {
    level = Math.max(1, level + Math.sin(level) * 3)
    return {
      period,
      start: period,
      end: period,
      value: level,
      kind: 'published' as const,
      sourceIds: ['synthetic'],
    }
  })
  const selection = { key: 'exports:world:all', flow: 'exports', partner: 'world', product: 'all' }
  return {
    periods,
    series: [{ key: selection.key, selection, label: 'Synthetic exports', points }],
    unit: 'USD bn',
    sources: new Map(),
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function time(task: () => void): number {
  const start = performance.now()
  task()
  return performance.now() - start
}

function measure(chart: Chart, frames: number) {
  const redraw = median(Array.from({ length: 5 }, () => time(() => chart.update('none'))))
  const pan = median(
    Array.from({ length: frames }, (_, i) =>
      time(() => chart.pan({ x: i % 2 ? 40 : -40 }, undefined, 'none')),
    ),
  )
  const zoom = median(
    Array.from({ length: frames }, (_, i) => time(() => chart.zoom(i % 2 ? 1.1 : 1 / 1.1, 'none'))),
  )
  return { redraw, pan, zoom }
}

async function run(n: number): Promise<RenderResult> {
  // The app loads annotation and zoom right after its first chart; pan and zoom frames need them.
  await loadChartPlugins()
  const canvas = document.getElementById('chart') as HTMLCanvasElement
  const model = syntheticModel(n)
  const view = { ...defaultViewState(), flows: ['exports'], range: {} }

  let chart: Chart | undefined
  const appConfig = buildChartConfig(model, view, { annual: null, projection: null }, theme, text)
  const appFirst = time(() => (chart = new Chart(canvas, appConfig as ChartConfiguration)))
  const app = { firstDraw: appFirst, ...measure(chart!, 30) }
  chart!.destroy()

  // What a plain Chart.js chart would do with the same numbers: labels parsed, no decimation.
  const naive: ChartConfiguration<'line'> = {
    type: 'line',
    data: {
      labels: model.periods,
      datasets: [{ label: 'Synthetic exports', data: model.series[0]!.points.map((p) => p.value) }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { zoom: { pan: { enabled: true, mode: 'x' }, zoom: { wheel: { enabled: true }, mode: 'x' } } },
    },
  }
  const baseFirst = time(() => (chart = new Chart(canvas, naive as ChartConfiguration)))
  const baseline = { firstDraw: baseFirst, ...measure(chart!, 30) }
  chart!.destroy()
  return { points: n, app, baseline }
}

Object.assign(window, { runRenderBenchmark: run })
