/**
 * The part of chartjs-chart-treemap the app uses. The package's own declarations add "treemap" to
 * Chart.js's global chart-type registry, which makes every other typed chart configuration of the app
 * incompatible with vue-chartjs's props; this narrow declaration (mapped in tsconfig `paths`) keeps the
 * registry as it is. lib/breakdownCharts.ts types the treemap's configuration itself.
 */
import type { ChartComponentLike } from 'chart.js'

export declare const TreemapController: ChartComponentLike
export declare const TreemapElement: ChartComponentLike
