/** Registers the Chart.js pieces the app uses (tree-shaken: nothing else is bundled). */
import {
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
