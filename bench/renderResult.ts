/** What the render harness (bench/render/harness.ts, in Chromium) reports back to bench/render.ts. */
export interface Timings {
  firstDraw: number
  redraw: number
  pan: number
  zoom: number
}

export interface RenderResult {
  points: number
  app: Timings
  baseline: Timings
}
