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
/** A country's shape (or the map's outline) as a Chart.js element. */
export declare class GeoFeature {
  static id: string
  feature?: Feature | { type: string }
  options: { backgroundColor?: string; borderColor?: string; borderWidth: number }
  /** What the element keeps between draws; dropped when the projection or the feature changes. */
  cache?: Record<string, unknown>
  /** d3's path generator for the map's projection, drawing into any context with moveTo/lineTo. */
  projectionScale: { geoPath: { context(context: Path2D): (object: unknown) => void } }
  draw(ctx: CanvasRenderingContext2D): void
}
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
