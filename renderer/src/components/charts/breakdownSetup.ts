/**
 * The treemap and the world map are loaded on first use: neither their chart types nor the world
 * atlas (Natural Earth's 1:50m country shapes as the build simplifies them, small partners kept whole:
 * scripts/worldAtlas.ts; bundled, so the map draws offline) are part of what the Explorer needs for
 * its first chart.
 */
import { Chart } from 'chart.js'
import type { Feature, GeoFeature } from 'chartjs-chart-geo'

let treemap: Promise<void> | null = null

export function loadTreemap(): Promise<void> {
  treemap ??= import('chartjs-chart-treemap').then(({ TreemapController, TreemapElement }) =>
    Chart.register(TreemapController, TreemapElement),
  )
  return treemap
}

export interface WorldAtlas {
  /** Country shapes; each `id` is the ISO 3166-1 numeric code ("156"), a few shapes have none. */
  features: Feature[]
  atlasIdOf(iso3: string): string | null
  iso2Of(iso3: string): string | null
}

/**
 * chartjs-chart-geo's shape draws itself, the first time, into an offscreen canvas of its own, and
 * then copies that canvas onto the chart: some 240 canvases made for the map's first frame, more than
 * half of its drawing time in Chromium. This shape keeps its projected outline as a Path2D instead
 * (made on its first draw, dropped with the element's cache when the projection or the size changes)
 * and fills and strokes it, on the first frame and on every redraw (hover, keyboard focus).
 */
function pathFeature(Base: typeof GeoFeature): typeof GeoFeature {
  return class PathGeoFeature extends Base {
    static override id = 'pathGeoFeature'

    override draw(ctx: CanvasRenderingContext2D): void {
      // A recording context (the SVG export) gets the plugin's own drawing: the outline point by point.
      if (typeof CanvasRenderingContext2D === 'undefined' || !(ctx instanceof CanvasRenderingContext2D))
        return super.draw(ctx)
      if (!this.feature) return
      let path = this.cache?.path as Path2D | undefined
      if (!path) {
        path = new Path2D()
        this.projectionScale.geoPath.context(path)(this.feature)
        this.cache = { ...this.cache, path }
      }
      const { backgroundColor, borderColor, borderWidth } = this.options
      ctx.save()
      if (backgroundColor) {
        ctx.fillStyle = backgroundColor
        ctx.fill(path)
      }
      if (borderColor) {
        ctx.strokeStyle = borderColor
        ctx.lineWidth = borderWidth
        ctx.stroke(path)
      }
      ctx.restore()
    }
  }
}

let atlas: Promise<WorldAtlas> | null = null

export function loadWorldMap(): Promise<WorldAtlas> {
  atlas ??= Promise.all([
    import('chartjs-chart-geo'),
    import('world-atlas/countries-50m.json?simplified'),
    import('../../lib/countryCodes'),
  ]).then(([geo, topology, codes]) => {
    const Shape = pathFeature(geo.GeoFeature)
    Chart.register(
      geo.ChoroplethController,
      Shape,
      geo.ColorScale,
      geo.ColorLogarithmicScale,
      geo.ProjectionScale,
    )
    // The map's countries and its outline are drawn by that shape, with the options the plugin gives
    // its own (each country's colour from its value).
    const choropleth = (Chart.defaults.datasets as unknown as Record<string, Record<string, unknown>>)
      .choropleth!
    choropleth.dataElementType = Shape.id
    choropleth.datasetElementType = Shape.id
    const { elements } = (Chart.overrides as unknown as Record<string, { elements: Record<string, unknown> }>)
      .choropleth!
    elements[Shape.id] = elements.geoFeature
    const world = topology.default
    const { features } = geo.topojson.feature(world, world.objects.countries)
    return { features, atlasIdOf: codes.atlasIdOf, iso2Of: codes.iso2Of }
  })
  return atlas
}
