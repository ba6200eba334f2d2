/** Registers the Chart.js pieces the app uses (tree-shaken: nothing else is bundled). */
import {
  type Plugin,
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
