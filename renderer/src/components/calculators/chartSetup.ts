/**
 * The calculators' charts: the Chart.js pieces every chart of the app registers, and the annotation
 * plugin at once (their record and projection lines are part of the first drawing, not added later).
 */
import { Chart } from 'chart.js'
import annotationPlugin from 'chartjs-plugin-annotation'
import '../charts/chartSetup'

Chart.register(annotationPlugin)
