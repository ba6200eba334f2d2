/**
 * world-atlas's TopoJSON files (Natural Earth country shapes), and the 1:50m countries as the build
 * simplifies them (`world-atlas/countries-50m.json?simplified`, scripts/worldAtlas.ts). Declared rather
 * than typed from the JSON itself: inferring a literal type for 750 kB of coordinates would only slow
 * the type check.
 */
import type { WorldTopology } from './chartjs-chart-geo'

declare const topology: WorldTopology
export default topology
