/**
 * The world map's country shapes as the build makes them (scripts/worldAtlas.ts) from world-atlas's
 * 1:50m countries: every country still there with about its area, the small partners that plain
 * simplification would lose kept with their 1:50m shape, and the module the renderer imports.
 * Areas are measured here with d3-geo's geoArea (as the map's own drawing library measures them), not
 * with the function the rule uses.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { geoArea, geoEqualEarth, geoPath } from 'd3-geo'
import { feature } from 'topojson-client'
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_AREA_CHANGE, MIN_WEIGHT, simplifyCountries, worldAtlas } from '../../../scripts/worldAtlas'

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>
interface Shape {
  type: 'Feature'
  id?: string
  properties: { name: string; centre?: [number, number] | null }
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | null
}

const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json')
const world = JSON.parse(readFileSync(file, 'utf8')) as Countries
const shapesOf = (topology: Countries): Shape[] =>
  (feature(topology, topology.objects.countries) as unknown as { features: Shape[] }).features
const areaOf = (shape: Shape | undefined) =>
  shape?.geometry ? geoArea(shape as GeoJSON.Feature<GeoJSON.Geometry>) : 0
const pointsOf = (shapes: Shape[]) =>
  shapes.reduce((n, s) => n + JSON.stringify(s.geometry).split('],[').length, 0)

/** Small partners a trade map must not lose: Hong Kong, Macao, Singapore, Taiwan and small island states. */
const SMALL = {
  '344': 'Hong Kong',
  '446': 'Macao',
  '702': 'Singapore',
  '158': 'Taiwan',
  '048': 'Bahrain',
  '470': 'Malta',
  '492': 'Monaco',
  '462': 'Maldives',
  '480': 'Mauritius',
  '690': 'Seychelles',
  '132': 'Cabo Verde',
  '520': 'Nauru',
  '296': 'Kiribati',
  '584': 'Marshall Is.',
  '583': 'Micronesia',
  '585': 'Palau',
  '776': 'Tonga',
  '882': 'Samoa',
  '242': 'Fiji',
  '548': 'Vanuatu',
  '052': 'Barbados',
  '662': 'Saint Lucia',
  '308': 'Grenada',
  '028': 'Antigua and Barb.',
}

let full: Shape[]
let simplified: Shape[]
beforeAll(() => {
  full = shapesOf(world)
  simplified = shapesOf(simplifyCountries(world))
})

describe('the world map’s country shapes', () => {
  it('keeps every country of the 1:50m atlas, in order, each within 10% of its 1:50m area', () => {
    expect(simplified.map((s) => [s.id, s.properties.name])).toEqual(
      full.map((s) => [s.id, s.properties.name]),
    )
    full.forEach((shape, i) => {
      const ratio = areaOf(simplified[i]) / areaOf(shape)
      expect(Math.abs(ratio - 1), shape.properties.name).toBeLessThanOrEqual(MAX_AREA_CHANGE)
    })
  })

  it('keeps the small partners findable: those plain simplification loses keep their 1:50m shape exactly', () => {
    const plain = shapesOf(simplify(presimplify(world, sphericalTriangleArea), MIN_WEIGHT))
    const byId = (shapes: Shape[], id: string) => shapes.find((s) => s.id === id)
    const lostByPlain = Object.keys(SMALL).filter((id) => {
      const ratio = areaOf(byId(plain, id)) / areaOf(byId(full, id))
      return !(Math.abs(ratio - 1) <= MAX_AREA_CHANGE)
    })
    // Without the rule's fourth step these would vanish or shrink (so this test can fail).
    expect(lostByPlain).toEqual(expect.arrayContaining(['446', '492', '462', '520', '584']))
    for (const [id, name] of Object.entries(SMALL)) {
      const shape = byId(simplified, id)
      expect(shape?.properties.name, id).toBe(name)
      expect(areaOf(shape), name).toBeGreaterThan(0)
      if (lostByPlain.includes(id)) expect(shape!.geometry, name).toEqual(byId(full, id)!.geometry)
    }
  })

  it('draws about a third of the 1:50m points', () => {
    const [before, after] = [pointsOf(full), pointsOf(simplified)]
    expect(before).toBeGreaterThan(95_000)
    expect(after).toBeLessThan(before * 0.4)
  })

  it('gives each country the point chartjs-chart-geo would find for it on the map (its projected centroid)', () => {
    // The plugin's own way (GeoFeature.getCenterPoint without a centre): the Equal Earth projection
    // fitted to the chart's width, and the centroid of the path it draws.
    const projection = geoEqualEarth().fitWidth(900, { type: 'Sphere' })
    const path = geoPath(projection)
    let checked = 0
    for (const shape of simplified) {
      if (!shape.geometry) {
        expect(shape.properties.centre ?? null, shape.properties.name).toBeNull()
        continue
      }
      const [x, y] = path.centroid(shape as GeoJSON.Feature<GeoJSON.Geometry>)
      const [px, py] = projection(shape.properties.centre!)!
      expect(Math.hypot(px - x, py - y), shape.properties.name).toBeLessThan(0.5)
      checked += 1
    }
    expect(checked).toBeGreaterThan(230)
  })

  it('is what the build gives a module importing `world-atlas/countries-50m.json?simplified`', async () => {
    const plugin = worldAtlas()
    const resolveId = plugin.resolveId as (this: unknown, source: string, importer: string) => Promise<string>
    const resolver = {
      resolve: async (source: string) => ({ id: createRequire(import.meta.url).resolve(source) }),
    }
    const id = await resolveId.call(
      resolver,
      'world-atlas/countries-50m.json?simplified',
      import.meta.filename,
    )
    expect(id).toBe(`${file}?simplified`)
    const code = (plugin.load as (id: string) => string)(id)
    const text = /^export default JSON\.parse\((".*")\)$/s.exec(code)![1]!
    const topology = JSON.parse(JSON.parse(text) as string) as Countries
    expect(topology).toEqual(simplifyCountries(world))
    expect(Object.keys(topology.objects)).toEqual(['countries'])
  })
})
