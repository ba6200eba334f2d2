/**
 * What leaves the app from the Explorer: CSV and clipboard text of exactly the table shown, and a
 * chart image at a chosen size with title, units, sources and notes. The numbers come from the same
 * chart model as the screen; the image from the same Chart.js configuration.
 */
import { Chart, type Plugin } from 'chart.js'
import { loadChartPlugins } from '../components/charts/chartSetup'
import { slugOf } from '@shared/slug'
import { tableCsv } from '@shared/tableCsv'
import { formatPeriod } from '@shared/periods'
import { valueGrid, type ChartModel } from './chartModel'
import type { Ranking } from '@shared/exploreApi'
import type { ChartText, ExportDecoration } from './chartConfig'

/** Splits a line at word boundaries so it fits an image of the given width (11 px text). */
export function wrap(text: string, width: number): string[] {
  const max = Math.max(40, Math.floor(width / 6.2))
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > max) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  return line ? [...lines, line] : lines
}

/**
 * Title, unit, period and the sources of the numbers shown, drawn onto an exported image (the
 * Explorer's PNG/SVG and a snapshot's picture alike), in the reader's language.
 */
export function exportDecoration(
  model: ChartModel,
  title: string,
  unit: string,
  width: number,
  text: ChartText,
): ExportDecoration {
  const ids = [...new Set(model.series.flatMap((s) => s.points.flatMap((p) => p.sourceIds)))]
  const publishers = [
    ...new Set(
      ids
        .map((id) => model.sources.get(id))
        .map((s) => s?.publisher ?? s?.title)
        .filter(Boolean),
    ),
  ]
  const first = model.periods[0]
  const last = model.periods.at(-1)
  return {
    title,
    subtitle: `${unit}${first && last ? ` · ${text.period(first)}–${text.period(last)}` : ''} · ${text.t('app.title')}`,
    footer: [
      ...wrap(
        text.t('explorer.export.sources', {
          names: publishers.slice(0, 8).join('; '),
          more:
            publishers.length > 8 ? text.t('explorer.export.moreSources', { n: publishers.length - 8 }) : '',
        }),
        width,
      ),
      text.t('explorer.export.computedNote'),
    ],
  }
}

/**
 * The same decoration for a breakdown picture (the treemap, the world map): its title, the unit and the
 * span it ranks, the file it was read from, and how its shares and changes were computed.
 */
export function rankingDecoration(
  ranking: Ranking,
  title: string,
  unit: string,
  span: string,
  width: number,
  text: ChartText,
  notes: readonly string[] = [],
): ExportDecoration {
  const source = ranking.source.publisher
    ? `${ranking.source.publisher}: ${ranking.source.title}`
    : ranking.source.title
  return {
    title,
    subtitle: `${unit} · ${span} · ${text.t('app.title')}`,
    footer: [
      ...wrap(text.t('explorer.export.sources', { names: source, more: '' }), width),
      ...notes.flatMap((note) => wrap(note, width)),
    ],
  }
}

/** The table as tidy CSV rows: one row per period and series, with what it is and where it was read. */
export function modelCsv(model: ChartModel): string {
  return tableCsv({
    unit: model.unit,
    periods: model.periods,
    series: model.series,
    source: (id) => model.sources.get(id),
  })
}

/** Tab-separated text of the table as shown (periods down, series across), for pasting into a spreadsheet. */
export function modelTsv(model: ChartModel): string {
  const grid = valueGrid(model)
  const clean = (text: string) => text.replace(/[\t\r\n]/g, ' ')
  const lines = [['Period', ...model.series.map((s) => clean(`${s.label} (${model.unit})`))].join('\t')]
  model.periods.forEach((period, x) =>
    lines.push([formatPeriod(period), ...grid.map((col) => (col[x]?.value ?? '').toString())].join('\t')),
  )
  return `${lines.join('\n')}\n`
}

/** A fully opaque background, since a PNG of a transparent canvas is unreadable on dark viewers. */
function background(color: string): Plugin {
  return {
    id: 'exportBackground',
    beforeDraw(chart) {
      const ctx = chart.ctx
      ctx.save()
      ctx.fillStyle = color
      ctx.fillRect(0, 0, chart.width, chart.height)
      ctx.restore()
    },
  }
}

/** Renders a chart configuration off screen at exactly width × height CSS pixels and returns a PNG blob. */
export async function renderPng(
  config: ConstructorParameters<typeof Chart>[1],
  width: number,
  height: number,
  backgroundColor: string,
  scale = 2,
): Promise<Blob> {
  await loadChartPlugins()
  // Chart.js takes the canvas size as CSS pixels and multiplies the backing store by devicePixelRatio.
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const chart = new Chart(canvas, {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: scale },
    plugins: [...(config.plugins ?? []), background(backgroundColor)],
  })
  try {
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the chart image could not be made'))),
        'image/png',
      ),
    )
  } finally {
    chart.destroy()
  }
}

/**
 * The same chart as vector SVG (lib/svgExport.ts). Loaded on first use: the SVG recorder is not part
 * of what the Explorer needs to draw its first chart.
 */
export async function renderSvg(
  config: ConstructorParameters<typeof Chart>[1],
  width: number,
  height: number,
  backgroundColor: string,
): Promise<Blob> {
  await loadChartPlugins()
  const { drawSvg } = await import('./svgExport')
  return drawSvg(config, width, height, background(backgroundColor))
}

/** The chart as the picture a user asked for: PNG (drawn at 2×) or vector SVG. */
export function renderImage(
  config: ConstructorParameters<typeof Chart>[1],
  format: 'png' | 'svg',
  width: number,
  height: number,
  backgroundColor: string,
): Promise<Blob> {
  return format === 'png'
    ? renderPng(config, width, height, backgroundColor)
    : renderSvg(config, width, height, backgroundColor)
}

/** A blob's bytes as base64 (a snapshot's chart image). */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('the chart image could not be read'))
    reader.readAsDataURL(blob)
  })
}

/** The size of a snapshot's chart picture (CSS pixels, drawn at 1×). */
export const SNAPSHOT_IMAGE = { width: 960, height: 540 } as const

/** A snapshot's picture of a chart configuration made for SNAPSHOT_IMAGE's width: base64 PNG and size. */
export async function snapshotPicture(
  config: ConstructorParameters<typeof Chart>[1],
  backgroundColor: string,
): Promise<{ data: string; width: number; height: number }> {
  const { width, height } = SNAPSHOT_IMAGE
  return { data: await base64Of(await renderPng(config, width, height, backgroundColor, 1)), width, height }
}

/** Saves a blob with the browser's download (Electron asks where to save). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Saves CSV text (a table, a ranking, a snapshot's numbers) as a UTF-8 .csv download. */
export function downloadCsv(name: string, csv: string): void {
  download(name, new Blob([csv], { type: 'text/csv;charset=utf-8' }))
}

/** A file name from a title: lower-case words joined by hyphens. */
export function fileNameOf(title: string, extension: string): string {
  return `${slugOf(title, 'chart')}.${extension}`
}
