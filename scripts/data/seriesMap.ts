/**
 * Series names of the facts file → the package's dimensions and a readable English label.
 *
 * The mapper understands a closed grammar of names and throws on anything else, so that a new
 * series in the facts file cannot slip into the package with guessed dimensions.
 */
import type { Frequency } from './frequency'

export type Reporter = 'china' | 'world'
export type Flow = 'exports' | 'imports' | 'balance' | 'trade'
export type Product =
  | 'all'
  | 'rare_earths'
  | 'rare_earth_magnets'
  | 'rare_earth_products'
  | 'soybeans'
  | 'coal'
  | 'crude_oil'
  | 'iron_ore'
  | 'steel'
export type Measure = 'level' | 'yoy' | 'share'
export type ObservationResource = 'monthly' | 'cumulative' | 'annual' | 'partners' | 'commodities' | 'world'
type Family = 'headline' | 'partner' | 'commodity' | 'world'

export const REPORTERS: readonly Reporter[] = ['china', 'world']
export const FLOWS: readonly Flow[] = ['exports', 'imports', 'balance', 'trade']
export const PRODUCTS: readonly Product[] = [
  'all',
  'rare_earths',
  'rare_earth_magnets',
  'rare_earth_products',
  'soybeans',
  'coal',
  'crude_oil',
  'iron_ore',
  'steel',
]
export const MEASURES: readonly Measure[] = ['level', 'yoy', 'share']
export const UNITS: readonly string[] = [
  'USD bn',
  'CNY tn',
  'CNY bn',
  '% y/y',
  '%',
  'tonnes',
  'million tonnes',
]
export const OBSERVATION_RESOURCES: readonly ObservationResource[] = [
  'monthly',
  'cumulative',
  'annual',
  'partners',
  'commodities',
  'world',
]

/**
 * Units a source may publish in that the package stores in its series' unit, rescaled exactly
 * (value × 10^power, in decimal): GACC's own tables print US$1,000.
 */
export const RESCALED_UNITS: Readonly<Record<string, { unit: string; power: number }>> = {
  'USD thousand': { unit: 'USD bn', power: -6 },
}

/** Partner codes the mapper accepts, with the name used in labels ("Exports to the US") and as a modifier ("US share"). */
export const PARTNERS: Readonly<Record<string, { name: string; short: string }>> = {
  us: { name: 'the US', short: 'US' },
  eu: { name: 'the EU', short: 'EU' },
  asean: { name: 'ASEAN', short: 'ASEAN' },
  southeast_asia: { name: 'Southeast Asia', short: 'Southeast Asia' },
  africa: { name: 'Africa', short: 'Africa' },
  latin_america: { name: 'Latin America', short: 'Latin America' },
  japan: { name: 'Japan', short: 'Japan' },
  south_korea: { name: 'South Korea', short: 'South Korea' },
  russia: { name: 'Russia', short: 'Russia' },
  india: { name: 'India', short: 'India' },
  canada: { name: 'Canada', short: 'Canada' },
  australia: { name: 'Australia', short: 'Australia' },
  taiwan: { name: 'Taiwan', short: 'Taiwan' },
  hong_kong: { name: 'Hong Kong', short: 'Hong Kong' },
  brazil: { name: 'Brazil', short: 'Brazil' },
  argentina: { name: 'Argentina', short: 'Argentina' },
}

export interface SeriesDims {
  series: string
  reporter: Reporter
  flow: Flow
  partner: string
  product: Product
  measure: Measure
  /** Frequency suffix of the name (`_annual`, `_ytd`), or null when the period decides. */
  suffix: 'annual' | 'ytd' | null
  /** The name ends in `_projection`: every row is a projection. */
  projection: boolean
  /** Units the name allows. */
  units: readonly string[]
  family: Family
  /** Label stem, e.g. "Exports to the US". */
  subject: string
}

const UNITS_OF: Record<string, readonly string[]> = {
  usd: ['USD bn'],
  cny: ['CNY tn', 'CNY bn'],
  yoy: ['% y/y'],
  growth_pct: ['% y/y'],
  pct: ['%'],
  tons: ['tonnes'],
  mt: ['million tonnes'],
}

const MEASURE_OF_UNIT: Record<string, Measure> = {
  'USD bn': 'level',
  'CNY tn': 'level',
  'CNY bn': 'level',
  tonnes: 'level',
  'million tonnes': 'level',
  '% y/y': 'yoy',
  '%': 'share',
}

/**
 * Bulk commodities counted in million tonnes, by series stem: the product code, the label noun and the
 * one flow China reports for it (a name with the other flow is refused, not guessed).
 */
const COMMODITIES = {
  soybean: { product: 'soybeans', noun: 'Soybean', flow: 'imports' },
  coal: { product: 'coal', noun: 'Coal', flow: 'imports' },
  crude_oil: { product: 'crude_oil', noun: 'Crude oil', flow: 'imports' },
  iron_ore: { product: 'iron_ore', noun: 'Iron ore', flow: 'imports' },
  steel: { product: 'steel', noun: 'Steel', flow: 'exports' },
} as const satisfies Record<string, { product: Product; noun: string; flow: 'exports' | 'imports' }>
const COMMODITY_SERIES = new RegExp(
  `^(${Object.keys(COMMODITIES).join('|')})_(exports|imports)(?:_(to|from)_([a-z_]+?))?_(mt|yoy)$`,
)

const FLOW_LABEL: Record<'exports' | 'imports' | 'trade_balance', string> = {
  exports: 'Exports',
  imports: 'Imports',
  trade_balance: 'Trade balance',
}

function partnerOf(code: string, series: string): { name: string; short: string } {
  const p = PARTNERS[code]
  if (!p)
    throw new Error(
      `series "${series}": unknown partner "${code}" (add it to PARTNERS in scripts/data/seriesMap.ts)`,
    )
  return p
}

function measureOfToken(token: string): Measure {
  return token === 'yoy' || token === 'growth_pct' ? 'yoy' : token === 'pct' ? 'share' : 'level'
}

/** Dimensions of a series name; throws on a name outside the grammar. */
export function mapSeries(series: string): SeriesDims {
  const unknown = (): Error =>
    new Error(`series "${series}": name not understood by the mapper (scripts/data/seriesMap.ts)`)
  if (!/^[a-z][a-z0-9_]*$/.test(series)) throw unknown()

  let rest = series
  let projection = false
  let basis: 'wto' | 'wdi' | null = null
  let suffix: 'annual' | 'ytd' | null = null
  if (rest.endsWith('_projection')) {
    projection = true
    rest = rest.slice(0, -'_projection'.length)
  }
  const b = /_(wto|wdi)$/.exec(rest)
  if (b) {
    basis = b[1] as 'wto' | 'wdi'
    rest = rest.slice(0, b.index)
  }
  const s = /_(annual|ytd)$/.exec(rest)
  if (s) {
    suffix = s[1] as 'annual' | 'ytd'
    rest = rest.slice(0, s.index)
  }

  const make = (d: Omit<SeriesDims, 'series' | 'suffix' | 'projection'>): SeriesDims => {
    if (basis !== null && !d.subject.startsWith("China's merchandise")) throw unknown()
    return { series, suffix, projection, ...d }
  }

  let m: RegExpExecArray | null
  // Headline totals: exports_usd, imports_yoy, trade_balance_cny, …
  if ((m = /^(exports|imports|trade_balance)_(usd|cny|yoy)$/.exec(rest))) {
    const f = m[1] as 'exports' | 'imports' | 'trade_balance'
    return make({
      reporter: 'china',
      flow: f === 'trade_balance' ? 'balance' : f,
      partner: 'world',
      product: 'all',
      measure: measureOfToken(m[2]!),
      units: UNITS_OF[m[2]!]!,
      family: 'headline',
      subject: FLOW_LABEL[f],
    })
  }
  // By partner.
  if ((m = /^(exports_to|imports_from|trade_balance_with)_([a-z_]+?)_(usd|cny|yoy)$/.exec(rest))) {
    const kind = m[1]!
    const p = partnerOf(m[2]!, series)
    if (kind === 'trade_balance_with' && m[3] === 'yoy') throw unknown()
    const flow: Flow = kind === 'exports_to' ? 'exports' : kind === 'imports_from' ? 'imports' : 'balance'
    const stem =
      kind === 'exports_to' ? 'Exports to' : kind === 'imports_from' ? 'Imports from' : 'Trade balance with'
    return make({
      reporter: 'china',
      flow,
      partner: m[2]!,
      product: 'all',
      measure: measureOfToken(m[3]!),
      units: UNITS_OF[m[3]!]!,
      family: 'partner',
      subject: `${stem} ${p.name}`,
    })
  }
  if ((m = /^trade_with_([a-z_]+?)_total_(usd|cny)$/.exec(rest))) {
    const p = partnerOf(m[1]!, series)
    return make({
      reporter: 'china',
      flow: 'trade',
      partner: m[1]!,
      product: 'all',
      measure: 'level',
      units: UNITS_OF[m[2]!]!,
      family: 'partner',
      subject: `Total trade with ${p.name}`,
    })
  }
  if ((m = /^([a-z_]+?)_share_of_china_(exports|imports)_pct$/.exec(rest))) {
    const p = partnerOf(m[1]!, series)
    return make({
      reporter: 'china',
      flow: m[2] as Flow,
      partner: m[1]!,
      product: 'all',
      measure: 'share',
      units: UNITS_OF.pct!,
      family: 'partner',
      subject: `${p.short} share of China's ${m[2]}`,
    })
  }
  // Commodities.
  if (
    (m = /^rare_earth_(?:(magnet|products)_)?(exports|imports)(?:_(to|from)_([a-z_]+?))?_tons$/.exec(rest))
  ) {
    const [, kind, flow, dir, code] = m
    if (dir && (dir === 'to') !== (flow === 'exports')) throw unknown()
    const p = code ? partnerOf(code, series) : null
    const product: Product =
      kind === 'magnet' ? 'rare_earth_magnets' : kind === 'products' ? 'rare_earth_products' : 'rare_earths'
    const noun =
      kind === 'magnet' ? 'Rare-earth magnet' : kind === 'products' ? 'Rare-earth product' : 'Rare-earth'
    return make({
      reporter: 'china',
      flow: flow as Flow,
      partner: code ?? 'world',
      product,
      measure: 'level',
      units: UNITS_OF.tons!,
      family: 'commodity',
      subject: `${noun} ${flow}${p ? ` ${dir} ${p.name}` : ''}`,
    })
  }
  if ((m = COMMODITY_SERIES.exec(rest))) {
    const [, , , dir, code, token] = m
    const c = COMMODITIES[m[1] as keyof typeof COMMODITIES]
    const flow = m[2] as 'exports' | 'imports'
    if (flow !== c.flow || (dir && (dir === 'to') !== (flow === 'exports'))) throw unknown()
    const p = code ? partnerOf(code, series) : null
    return make({
      reporter: 'china',
      flow,
      partner: code ?? 'world',
      product: c.product,
      measure: measureOfToken(token!),
      units: UNITS_OF[token!]!,
      family: 'commodity',
      subject: `${c.noun} ${flow}${p ? ` ${dir} ${p.name}` : ''}`,
    })
  }
  // World totals (WTO / UNCTAD) and China's share of them.
  if ((m = /^world_merchandise_(exports|imports|trade)_usd$/.exec(rest))) {
    return make({
      reporter: 'world',
      flow: m[1] as Flow,
      partner: 'world',
      product: 'all',
      measure: 'level',
      units: UNITS_OF.usd!,
      family: 'world',
      subject: `World merchandise ${m[1]}`,
    })
  }
  if ((m = /^world_merchandise_trade_(value|volume)_(growth_pct|yoy)$/.exec(rest))) {
    return make({
      reporter: 'world',
      flow: 'trade',
      partner: 'world',
      product: 'all',
      measure: 'yoy',
      units: UNITS_OF[m[2]!]!,
      family: 'world',
      subject: `World merchandise trade ${m[1]}`,
    })
  }
  if ((m = /^china_share_world_(merchandise_)?(exports|imports)_pct$/.exec(rest))) {
    const what = `world ${m[1] ? 'merchandise ' : ''}${m[2]}`
    return make({
      reporter: 'china',
      flow: m[2] as Flow,
      partner: 'world',
      product: 'all',
      measure: 'share',
      units: UNITS_OF.pct!,
      family: 'world',
      subject: projection ? `China's projected share of ${what}` : `China's share of ${what}`,
    })
  }
  if (basis !== null && (m = /^china_merchandise_(exports|imports)_usd$/.exec(rest))) {
    return make({
      reporter: 'china',
      flow: m[1] as Flow,
      partner: 'world',
      product: 'all',
      measure: 'level',
      units: UNITS_OF.usd!,
      family: 'world',
      subject: `China's merchandise ${m[1]} (${basis === 'wto' ? 'WTO' : 'World Bank WDI'})`,
    })
  }
  throw unknown()
}

/** Throws when a row's unit does not fit the series name or its measure. */
export function checkUnit(d: SeriesDims, unit: string): void {
  if (!d.units.includes(unit) || MEASURE_OF_UNIT[unit] !== d.measure) {
    throw new Error(
      `series "${d.series}": unit "${unit}" is inconsistent with its measure "${d.measure}" (expected ${d.units.map((u) => `"${u}"`).join(' or ')})`,
    )
  }
}

/** The observation resource a row of this series and frequency belongs to. */
export function resourceOf(d: SeriesDims, frequency: Frequency): ObservationResource {
  if (d.family === 'world') return 'world'
  if (d.family === 'commodity') return 'commodities'
  if (d.family === 'partner') return 'partners'
  return frequency === 'month' ? 'monthly' : frequency === 'ytd' ? 'cumulative' : 'annual'
}

/**
 * A readable label, e.g. "Exports", "Exports, y/y %", "Exports to the US, y/y %", "Rare-earth exports (tonnes)",
 * "Trade balance, year to date", "China's share of world merchandise exports (%)". Monthly is the default for
 * China's series and annual the default for world statistics, so those frequencies add nothing.
 */
export function labelOf(d: SeriesDims, unit: string, frequency: Frequency): string {
  let label = d.subject
  if (frequency === 'ytd') label += ', year to date'
  else if (frequency === 'year' && d.family !== 'world') label += ', annual'
  if (d.measure === 'yoy') label += ', y/y %'
  else if (d.measure === 'share') label += ' (%)'
  else if (unit !== 'USD bn') label += ` (${unit})`
  return label
}
