/**
 * The world map's country shapes, made at build time from world-atlas's Natural Earth 1:50m countries
 * (the package's countries-50m.json, ~80,600 points): a renderer module that imports
 * `world-atlas/countries-50m.json?simplified` gets the shapes simplified by the rule below, so the app
 * bundles and projects about a third of the points. At the map's size on screen (about 900 px wide) a
 * pixel is some 40 km; the full detail only made the map slow to draw (~1 s with 200 partners) and its
 * SVG export large.
 *
 * The rule (README.md, The data, says it for the map's readers):
 *   1. Only the `countries` object is kept (the atlas's `land` outline is not drawn).
 *   2. Visvalingam's simplification with spherical areas (topojson-simplify): a point is dropped when
 *      the triangle it makes with its neighbours, as they stand after the smaller ones were dropped,
 *      covers less than MIN_WEIGHT steradians (3e-6 sr, about 120 km²). Borders are shared arcs, so
 *      neighbours stay joined; each arc keeps its two ends.
 *   3. A ring left with fewer than three distinct points (a small island of a large country) is
 *      dropped: it encloses nothing.
 *   4. A country whose area would change by more than MAX_AREA_CHANGE (10%), or which would vanish
 *      (Macao, Monaco, the Maldives and many other small partners), keeps its 1:50m shape: every point
 *      of its arcs is kept, and the rule is run again until no country is left out.
 *   5. The points are put back on the 1:50m file's own grid (its quantization), so a kept shape is the
 *      1:50m shape exactly.
 *   6. Each country gets its centre (`properties.centre`, [longitude, latitude]; see centreOf), which
 *      the map gives chartjs-chart-geo so it does not project every shape once more to find it.
 */
import { readFileSync } from 'node:fs'
import { geoEqualEarth, geoPath } from 'd3-geo'
import { feature, quantize } from 'topojson-client'
import { filter, presimplify, simplify, sphericalRingArea, sphericalTriangleArea } from 'topojson-simplify'
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification'
import type { Plugin } from 'vite'

/** Steradians: a point whose triangle covers less is dropped (about 120 km² on the Earth). */
export const MIN_WEIGHT = 3e-6
/** A country whose area would change by more than this share keeps its 1:50m shape. */
export const MAX_AREA_CHANGE = 0.1

/** What a renderer module imports to get the simplified shapes. */
export const SIMPLIFIED_ATLAS = 'world-atlas/countries-50m.json?simplified'
const QUERY = '?simplified'

/** The atlas's countries: each named (`properties.name`, unique), most with an ISO 3166-1 numeric `id`. */
interface Properties {
  name: string
  /** [longitude, latitude], rule 6; null for a country with no shape. */
  centre?: [number, number] | null
}
type Country = GeometryObject<Properties>
type Countries = Topology<{ countries: GeometryCollection<Properties> }>

/** The arcs (their indexes, direction dropped) a country's shape is made of. */
function arcsOf(geometry: Country): number[] {
  const out: number[] = []
  const walk = (a: unknown): void => {
    if (Array.isArray(a)) a.forEach(walk)
    else if (typeof a === 'number') out.push(a < 0 ? ~a : a)
  }
  walk((geometry as { arcs?: unknown }).arcs)
  return out
}

/** Each country's area on the unit sphere (steradians), by its name (unique in the atlas). */
export function countryAreas(topology: Countries): Map<string, number> {
  return new Map(
    topology.objects.countries.geometries.map((geometry) => {
      const shape = (feature(topology, geometry) as GeoJSON.Feature).geometry as
        GeoJSON.Polygon | GeoJSON.MultiPolygon | null
      const polygons = !shape ? [] : shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates
      let area = 0
      for (const [outer, ...holes] of polygons) {
        if (!outer) continue
        area += sphericalRingArea(outer, false)
        for (const hole of holes) area -= sphericalRingArea(hole, true)
      }
      return [nameOf(geometry), area]
    }),
  )
}

/**
 * Where chartjs-chart-geo puts a country's point (its tooltip's anchor) on the map: the centroid of
 * the shape as drawn in the map's Equal Earth projection (renderer/src/lib/breakdownCharts.ts,
 * mapConfig), taken back to longitude and latitude. The chart fits the projection to its size by a
 * scale and a shift only, which keep a planar centroid the centroid, so the point is the same at any
 * size. Rounded to 1e-4° (about 10 m). Null for a country with no shape.
 */
export function centreOf(shape: GeoJSON.Feature): [number, number] | null {
  const projection = geoEqualEarth()
  const centroid = geoPath(projection).centroid(shape)
  const lonLat = centroid.every(Number.isFinite) ? projection.invert!(centroid) : null
  return lonLat ? [Math.round(lonLat[0] * 1e4) / 1e4, Math.round(lonLat[1] * 1e4) / 1e4] : null
}

/** The topology with each country's centre in its properties (rule 6). */
function withCentres(topology: Countries): Countries {
  const geometries = topology.objects.countries.geometries.map((geometry) => ({
    ...geometry,
    properties: { name: nameOf(geometry), centre: centreOf(feature(topology, geometry) as GeoJSON.Feature) },
  }))
  return { ...topology, objects: { countries: { ...topology.objects.countries, geometries } } }
}

const nameOf = (geometry: Country) => (geometry.properties as { name: string }).name

/** The countries of world-atlas's 1:50m file, simplified by the rule in this file's header. */
export function simplifyCountries(world: Topology): Countries {
  if (world.objects.countries?.type !== 'GeometryCollection' || !world.transform)
    throw new Error('world-atlas: the 1:50m file has no quantized countries object')
  const source = { ...world, objects: { countries: world.objects.countries } } as Countries
  const countries = source.objects.countries
  const before = countryAreas(source)
  // Each point's weight (its triangle's area when it would be dropped): the arcs' third coordinate.
  const weighted = presimplify(source, sphericalTriangleArea)
  const full = new Set<string>()
  for (;;) {
    const simplified = simplify(weighted, MIN_WEIGHT)
    const arcs = simplified.arcs
    const points = (arc: number) => (arc < 0 ? [...arcs[~arc]!].reverse() : arcs[arc]!)
    // (A country left with no ring at all is left out of the collection: its area below is then 0.)
    const rings = filter(simplified, (ring: number[]) => {
      const distinct = new Set(ring.flatMap((arc) => points(arc).map((p) => `${p[0]},${p[1]}`)))
      return distinct.size >= 3
    })
    const after = countryAreas(rings)
    const changed = countries.geometries.filter((geometry) => {
      const name = nameOf(geometry)
      const ratio = (after.get(name) ?? 0) / before.get(name)!
      return !full.has(name) && !(Math.abs(ratio - 1) <= MAX_AREA_CHANGE)
    })
    if (changed.length === 0) return withCentres(quantize(rings, world.transform))
    for (const geometry of changed) {
      full.add(nameOf(geometry))
      for (const arc of arcsOf(geometry)) for (const p of weighted.arcs[arc]!) p[2] = Infinity
    }
  }
}

/**
 * Resolves `world-atlas/countries-50m.json?simplified` to the package's file and loads it simplified,
 * as a module whose default export is the topology (parsed from a string: quicker than a literal).
 */
export function worldAtlas(): Plugin {
  return {
    name: 'cte:world-atlas',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== SIMPLIFIED_ATLAS) return null
      const file = await this.resolve(source.slice(0, -QUERY.length), importer, { skipSelf: true })
      return file ? `${file.id}${QUERY}` : null
    },
    load(id) {
      if (!id.endsWith(`countries-50m.json${QUERY}`)) return null
      const world = JSON.parse(readFileSync(id.slice(0, -QUERY.length), 'utf8')) as Topology
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(simplifyCountries(world)))})`
    },
  }
}
