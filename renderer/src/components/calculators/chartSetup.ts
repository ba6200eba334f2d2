/** Registers the Chart.js pieces the calculators' charts use (registration is idempotent). */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js'
import annotationPlugin from 'chartjs-plugin-annotation'

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  annotationPlugin,
)

/** Okabe–Ito colours (colour-blind safe), one meaning each across the calculators' charts. */
export const CALC_COLORS = {
  actual: '#0072B2',
  projected: '#56B4E9',
  record: '#555555',
  up: '#009E73',
  down: '#D55E00',
  total: '#0072B2',
  projection: '#CC79A7',
  flat: '#999999',
  scenarios: ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'],
} as const
