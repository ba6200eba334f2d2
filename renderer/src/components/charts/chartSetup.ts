/** Registers the Chart.js pieces the app uses (tree-shaken: nothing else is bundled). */
import {
  type Plugin,
  type PointOptions,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
  Tooltip,
} from 'chart.js'

/** The radius of a point drawn for January and February combined (other points: the dataset's own). */
export const COMBINED_POINT_RADIUS = 4

/** A data point marked as January and February published together (chartConfig.ts marks them). */
const isCombined = (point: unknown) =>
  point !== null && typeof point === 'object' && (point as { combined?: unknown }).combined === true

/**
 * A point whose data point is marked `combined` is drawn as a triangle (China's customs publish
 * January and February together). Marked on the data, not with per-point `pointStyle` and
 * `pointRadius` arrays: with an array, Chart.js resolves every point's options on its own, through its
 * option proxies, where plain values are resolved once per dataset and shared; that was about a
 * quarter of the Explorer's first chart. While its dataset is drawn, such a point is given a triangle's
 * options (its own colours and state kept, hovered or not), and its own options back right after, so
 * Chart.js draws and clips it as any point and nothing else sees the change.
 */
export const combinedPoints: Plugin = {
  id: 'combinedPoints',
  beforeDatasetDraw(chart, { index, meta }) {
    const data = chart.data.datasets[index]?.data as readonly unknown[] | undefined
    if (!data || meta.type !== 'line') return
    meta.data.forEach((element, j) => {
      if (!isCombined(data[j]) || !element.options) return
      const options = element.options as PointOptions
      drawnAs.set(element, options)
      element.options = {
        ...options,
        pointStyle: 'triangle',
        radius: Math.max(options.radius, COMBINED_POINT_RADIUS),
      }
    })
  },
  afterDatasetDraw(_chart, { meta }) {
    for (const element of meta.data) {
      const options = drawnAs.get(element)
      if (options === undefined) continue
      element.options = options
      drawnAs.delete(element)
    }
  },
}
/** The options a combined point had before its dataset was drawn, given back after. */
const drawnAs = new Map<object, PointOptions>()

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
  Tooltip,
  combinedPoints,
)

let plugins: Promise<void> | null = null

/**
 * Annotations (notes, the streak band, the record line) and zoom/pan (with hammer.js) are not needed
 * to draw a first chart: they load right after it, and a chart redrawn then shows them.
 */
export function loadChartPlugins(): Promise<void> {
  plugins ??= Promise.all([import('chartjs-plugin-annotation'), import('chartjs-plugin-zoom')]).then(
    ([annotation, zoom]) => Chart.register(annotation.default, zoom.default),
  )
  return plugins
}

/**
 * Keeps a chart's hover when the chart is made anew under a pointer that has not moved (its plugins
 * loaded, its type changed): the new chart has heard no pointer, so its tooltip vanished until the
 * next move, as if the user had pointed at nothing. One per chart component: it remembers where the
 * pointer last was over that component's chart, and shows the same move to the chart made next.
 */
export function keepHoverAcrossCharts(): Plugin {
  let at: { x: number; y: number } | null = null
  const made = new WeakSet<Chart>()
  return {
    id: 'keepHoverAcrossCharts',
    afterEvent(_chart, { event }) {
      if (event.type === 'mousemove' && event.x !== null && event.y !== null) at = { x: event.x, y: event.y }
      else if (event.type === 'mouseout') at = null
    },
    afterRender(chart) {
      if (made.has(chart)) return
      made.add(chart)
      if (!at) return
      const box = chart.canvas.getBoundingClientRect()
      chart.canvas.dispatchEvent(
        new MouseEvent('mousemove', { clientX: box.left + at.x, clientY: box.top + at.y, bubbles: true }),
      )
    },
  }
}
