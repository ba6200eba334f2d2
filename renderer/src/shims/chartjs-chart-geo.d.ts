/**
 * The part of chartjs-chart-geo the app uses, declared narrowly for the reason given in
 * chartjs-chart-treemap.d.ts beside this file (the package adds "choropleth" to Chart.js's global
 * registry).
 */
import type { ChartComponentLike } from 'chart.js'

/** A GeoJSON feature: a country shape of the world atlas (`id`: ISO 3166-1 numeric, as text). */
export interface Feature {
  type: 'Feature'
  id?: string | number
  properties: Record<string, unknown>
  geometry: unknown
}

export declare const ChoroplethController: ChartComponentLike
export declare const GeoFeature: ChartComponentLike
export declare const ColorScale: ChartComponentLike
export declare const ColorLogarithmicScale: ChartComponentLike
export declare const ProjectionScale: ChartComponentLike
/** topojson-client, as the package re-exports it. */
export declare const topojson: {
  feature(topology: WorldTopology, object: unknown): { type: 'FeatureCollection'; features: Feature[] }
}

export interface WorldTopology {
  type: 'Topology'
  objects: Record<string, unknown>
}
