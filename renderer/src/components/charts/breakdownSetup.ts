/**
 * The treemap and the world map are loaded on first use: neither their chart types nor the world
 * atlas (Natural Earth's 1:50m country shapes as the build simplifies them, small partners kept whole:
 * scripts/worldAtlas.ts; bundled, so the map draws offline) are part of what the Explorer needs for
 * its first chart.
 */
import { Chart } from 'chart.js'
import type { Feature } from 'chartjs-chart-geo'

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

let atlas: Promise<WorldAtlas> | null = null

export function loadWorldMap(): Promise<WorldAtlas> {
  atlas ??= Promise.all([
    import('chartjs-chart-geo'),
    import('world-atlas/countries-50m.json?simplified'),
    import('../../lib/countryCodes'),
  ]).then(([geo, topology, codes]) => {
    Chart.register(
      geo.ChoroplethController,
      geo.GeoFeature,
      geo.ColorScale,
      geo.ColorLogarithmicScale,
      geo.ProjectionScale,
    )
    const world = topology.default
    const { features } = geo.topojson.feature(world, world.objects.countries)
    return { features, atlasIdOf: codes.atlasIdOf, iso2Of: codes.iso2Of }
  })
  return atlas
}
