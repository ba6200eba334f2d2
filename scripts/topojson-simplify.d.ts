/** The part of topojson-simplify (which ships no declarations) that scripts/worldAtlas.ts uses. */
declare module 'topojson-simplify' {
  import type { Topology } from 'topojson-specification'

  /** A topology whose arcs' points carry a third coordinate: the weight at which each is dropped. */
  export function presimplify<T extends Topology>(topology: T, weight?: (triangle: number[][]) => number): T
  /** Drops every point weighing less than `minWeight` (the arcs come out unquantized). */
  export function simplify<T extends Topology>(topology: T, minWeight?: number): T
  /** Drops the rings `keep` refuses (`ring`: arc indexes), then the arcs nothing uses. */
  export function filter<T extends Topology>(
    topology: T,
    keep: (ring: number[], interior: boolean) => boolean,
  ): T
  export function sphericalTriangleArea(triangle: number[][]): number
  export function sphericalRingArea(ring: number[][], interior: boolean): number
}
