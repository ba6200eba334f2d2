/**
 * One colour per flow and one per partner, the same on every chart (Okabe–Ito hues, safe for the
 * common forms of colour blindness). A chart colours by whatever varies: partners, else products,
 * else flows.
 */
import type { SeriesSelection, ViewState } from '@shared/viewState'

export const FLOW_COLORS: Record<string, string> = {
  exports: '#0072B2',
  imports: '#E69F00',
  balance: '#009E73',
  trade: '#CC79A7',
}

export const PARTNER_COLORS: Record<string, string> = {
  world: '#555555',
  us: '#D55E00',
  eu: '#0072B2',
  asean: '#009E73',
  southeast_asia: '#56B4E9',
  africa: '#E69F00',
  latin_america: '#CC79A7',
  japan: '#8C6D31',
  south_korea: '#7570B3',
  russia: '#A6761D',
  australia: '#1B9E77',
  india: '#E7298A',
  canada: '#66A61E',
  brazil: '#2CA02C',
  argentina: '#17BECF',
  taiwan: '#984EA3',
  hong_kong: '#B15928',
}

const FALLBACK = ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#BBBBBB']

function hashed(code: string): string {
  let h = 0
  for (const c of code) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return FALLBACK[h % FALLBACK.length]!
}

export function colorOf(selection: SeriesSelection, view: ViewState): string {
  if (view.partners.length > 1) return PARTNER_COLORS[selection.partner] ?? hashed(selection.partner)
  if (view.products.length > 1) return productColor(selection.product)
  return FLOW_COLORS[selection.flow] ?? hashed(selection.flow)
}

/** A product's colour: the same on the treemap's tile as on its line in the Explorer's chart. */
export function productColor(code: string): string {
  return hashed(code)
}

/** A colour per year for the year-to-date-by-year chart: the latest year strongest. */
export function yearColor(index: number, count: number): string {
  const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C6D31', '#7570B3']
  return palette[(count - 1 - index) % palette.length]!
}
