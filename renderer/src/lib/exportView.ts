/**
 * What leaves the app from the Explorer: CSV and clipboard text of exactly the table shown, and a
 * chart image at a chosen size with title, units, sources and notes. The numbers come from the same
 * chart model as the screen; the image from the same Chart.js configuration.
 */
import { BasicPlatform, Chart, type Plugin } from 'chart.js'
import { Context } from 'svgcanvas'
import { toCsv, type CsvValue } from '@shared/csv'
import { formatPeriod } from '@shared/periods'
import { valueGrid, type ChartModel } from './chartModel'
import type { ChartText, ExportDecoration } from './chartConfig'

/** Splits a line at word boundaries so it fits an image of the given width (11 px text). */
function wrap(text: string, width: number): string[] {
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

/** The table as tidy CSV rows: one row per period and series, with what it is and where it was read. */
export function modelCsv(model: ChartModel): string {
  const grid = valueGrid(model)
  const rows: CsvValue[][] = [['period', 'series', 'value', 'unit', 'kind', 'note', 'sources']]
  model.periods.forEach((period, x) => {
    model.series.forEach((s, i) => {
      const p = grid[i]![x]
      if (!p) return
      const sources = p.sourceIds.map((id) => model.sources.get(id)).filter((src) => src !== undefined)
      rows.push([
        period,
        s.label,
        p.value,
        model.unit,
        p.value === null ? 'missing' : p.kind,
        p.note ?? '',
        sources.map((src) => `${src.publisher ?? src.title} <${src.url}>`).join('; '),
      ])
    })
  })
  return toCsv(rows)
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

/** `bold 18px Arial, sans-serif` (how Chart.js writes ctx.font) → SVG text attributes. */
export function svgFontAttributes(font: string): Record<string, string> | null {
  const match =
    /^(?:(italic|oblique|normal)\s+)?(?:(bold|bolder|lighter|normal|\d{3})\s+)?(\d+(?:\.\d+)?)px\s+(.+)$/.exec(
      font.trim(),
    )
  if (!match) return null
  return {
    'font-style': match[1] ?? 'normal',
    'font-weight': match[2] ?? 'normal',
    'font-size': `${match[3]}px`,
    'font-family': match[4]!,
  }
}

/** svgcanvas internals the text override below uses (its own element helpers). */
interface SvgContextInternals {
  textAlign: CanvasTextAlign
  textBaseline: CanvasTextBaseline
  __currentElement: Element
  __document: Document
  __closestGroupOrSvg(): Element
  __createElement(name: string, attributes: Record<string, string | number>, resetFill?: boolean): Element
  __applyTransformation(element: Element): void
  __applyStyleToCurrentElement(action: 'fill' | 'stroke'): void
}

const TEXT_ANCHOR: Record<string, string> = {
  left: 'start',
  right: 'end',
  center: 'middle',
  start: 'start',
  end: 'end',
}
const BASELINE: Record<string, string> = {
  alphabetic: 'alphabetic',
  hanging: 'hanging',
  top: 'text-before-edge',
  bottom: 'text-after-edge',
  middle: 'central',
}

/**
 * svgcanvas reads the font of each text by parsing it through an element's inline style attribute,
 * which the app's CSP (rightly) refuses: every text would lose its font and log a violation. This
 * context writes text elements itself, with font attributes parsed from ctx.font.
 */
class CspSafeSvgContext extends Context {
  override fillText(text: string, x: number, y: number): void {
    this.text(text, x, y, 'fill')
  }

  override strokeText(text: string, x: number, y: number): void {
    this.text(text, x, y, 'stroke')
  }

  private text(text: string, x: number, y: number, action: 'fill' | 'stroke'): void {
    const self = this as unknown as SvgContextInternals
    // The parent must be found before the new element becomes the current one (it has no parent yet).
    const parent = self.__closestGroupOrSvg()
    const font = svgFontAttributes(this.font) ?? {}
    const element = self.__createElement(
      'text',
      {
        ...font,
        x,
        y,
        'text-anchor': TEXT_ANCHOR[self.textAlign] ?? 'start',
        'dominant-baseline': BASELINE[self.textBaseline] ?? 'alphabetic',
      },
      true,
    )
    element.appendChild(self.__document.createTextNode(text))
    const path = self.__currentElement
    self.__currentElement = element
    self.__applyTransformation(element)
    self.__applyStyleToCurrentElement(action)
    parent.appendChild(element)
    // On a canvas, drawing text leaves the current path alone; so must we.
    self.__currentElement = path
  }
}

/**
 * The same chart as vector SVG: Chart.js draws into svgcanvas's recording 2D context through its
 * canvas-free BasicPlatform, so every line, bar and label becomes an SVG element.
 */
export function renderSvg(
  config: ConstructorParameters<typeof Chart>[1],
  width: number,
  height: number,
  backgroundColor: string,
): Blob {
  const context = new CspSafeSvgContext({ width, height })
  // Enough of a canvas for Chart.js and its plugins (which attach, but here never get, pointer events).
  const canvas = {
    width,
    height,
    style: {},
    getContext: () => context,
    addEventListener: () => {},
    removeEventListener: () => {},
  }
  Object.assign(context, { canvas })
  // svgcanvas cannot stroke a Path2D: a (no-op) segment option makes Chart.js draw lines point by point.
  const data = { ...config.data, datasets: config.data.datasets.map((d) => ({ ...d, segment: {} })) }
  const chart = new Chart(
    context as unknown as CanvasRenderingContext2D,
    {
      ...config,
      data,
      platform: BasicPlatform,
      options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1 },
      plugins: [...(config.plugins ?? []), background(backgroundColor)],
    } as ConstructorParameters<typeof Chart>[1],
  )
  try {
    chart.draw()
    return new Blob([context.getSerializedSvg(true)], { type: 'image/svg+xml' })
  } finally {
    chart.destroy()
  }
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

/** A file name from a title: lower-case words joined by hyphens. */
export function fileNameOf(title: string, extension: string): string {
  const stem = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
  return `${stem || 'chart'}.${extension}`
}
