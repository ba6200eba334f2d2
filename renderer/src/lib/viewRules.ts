/**
 * Which settings make sense together, as pure functions: the controls offer only those, and a
 * change that would leave the view inconsistent is corrected the same way every time.
 */
import type { SeriesInfo } from '@shared/api'
import type { Dimensions } from '@shared/exploreApi'
import {
  selectionsOf,
  type ChartType,
  type SeriesSelection,
  type Transform,
  type ViewState,
} from '@shared/viewState'

export function transformAvailable(view: ViewState, transform: Transform): boolean {
  if (transform === 'none') return true
  if (view.measure !== 'level') return false
  // Year to date and the rolling year add up months or quarters; the 3-month average and m/m need
  // months, q/q quarters (months are never added up into quarters for it).
  if (transform === 'ytd' || transform === 'rolling12')
    return view.frequency === 'month' || view.frequency === 'quarter'
  if (transform === 'ma3' || transform === 'mom') return view.frequency === 'month'
  if (transform === 'qoq') return view.frequency === 'quarter'
  if (transform === 'share')
    return view.partners.some((p) => p !== 'world') || view.products.some((p) => p !== 'all')
  return true
}

const STACKED: readonly ChartType[] = ['share', 'stackedBar', 'stackedArea']

/**
 * Whether stacking is ruled out only because the view has the trade balance: a balance is exports
 * minus imports, not a part of a total, so stacking it with them (or taking its share) misleads and
 * drives a 100% axis below zero. The page says so where chart types are chosen.
 */
export function stackBlockedByBalance(view: ViewState): boolean {
  return view.flows.includes('balance') && stackable(view)
}

function stackable(view: ViewState): boolean {
  return (
    selectionsOf(view).length > 1 &&
    view.measure === 'level' &&
    ['none', 'ytd', 'rolling12', 'ma3'].includes(view.transform)
  )
}

export function chartAvailable(view: ViewState, chart: ChartType): boolean {
  const count = selectionsOf(view).length
  if (chart === 'ytdByYear') return view.transform === 'ytd' && view.frequency === 'month' && count === 1
  if (STACKED.includes(chart)) return stackable(view) && !view.flows.includes('balance')
  return true
}

/** Totals first, then the partners and flows the headlines talk about, then the rest alphabetically. */
const ORDER = [
  'exports',
  'imports',
  'balance',
  'trade',
  'world',
  'all',
  'us',
  'eu',
  'asean',
  'southeast_asia',
  'africa',
  'latin_america',
  'japan',
  'south_korea',
  'level',
  'yoy',
  'share',
  'month',
  'quarter',
  'ytd',
  'year',
]
function byDisplayOrder(a: string, b: string): number {
  const ia = ORDER.indexOf(a)
  const ib = ORDER.indexOf(b)
  if (ia !== -1 || ib !== -1) return (ia === -1 ? ORDER.length : ia) - (ib === -1 ? ORDER.length : ib)
  return a.localeCompare(b)
}

/** Series of the catalog that match the view's measure and frequency (any flow/partner/product). */
function matching(view: ViewState, catalog: readonly SeriesInfo[]): SeriesInfo[] {
  return catalog.filter((s) => !s.projection && s.measure === view.measure && s.frequency === view.frequency)
}

/**
 * The values a dimension can take for the rest of the view, so a control never offers an empty series.
 * The series list gives flows, measures, frequencies and units (of the view's reporter); partners and
 * products of an imported dataset come from its dimensions, since its series list only has totals.
 */
export function options(view: ViewState, allSeries: readonly SeriesInfo[], dims: Dimensions | null = null) {
  const detailed = dims && !dims.bundled && dims.dataset === view.dataset ? dims : null
  // The bundled package mixes China's series with the World's (for shares); an imported file's
  // series are told apart by who reports them.
  const reporter = view.reporter ?? 'china'
  const catalog = view.reporter || detailed ? allSeries.filter((s) => s.reporter === reporter) : allSeries
  const m = matching(view, catalog)
  const inFlows = m.filter((s) => view.flows.includes(s.flow))
  const distinct = (values: string[]) => [...new Set(values)].sort(byDisplayOrder)
  const exact = inFlows.filter((s) => view.partners.includes(s.partner) && view.products.includes(s.product))
  // Series of the view's flows, partners and products, at any measure and frequency (an imported
  // dataset lists totals only: then the flows' series decide).
  const selected = catalog.filter(
    (s) =>
      !s.projection &&
      view.flows.includes(s.flow) &&
      view.partners.includes(s.partner) &&
      view.products.includes(s.product),
  )
  // A view naming only flows the dataset lacks (see unknownCodes) is offered the dataset's measures
  // and frequencies, so those controls are never blank.
  const ofFlows = catalog.filter((s) => !s.projection && view.flows.includes(s.flow))
  const ofView = selected.length ? selected : ofFlows.length ? ofFlows : catalog.filter((s) => !s.projection)
  return {
    reporters: detailed ? detailed.reporters.map((r) => r.code) : [],
    flows: distinct(catalog.filter((s) => !s.projection).map((s) => s.flow)),
    /** Flows with a series at this measure and frequency (the others are shown, disabled, with why). */
    flowsHere: distinct(m.map((s) => s.flow)),
    partners: detailed ? detailed.partners.map((p) => p.code) : distinct(inFlows.map((s) => s.partner)),
    products: detailed ? detailed.products.map((p) => p.code) : distinct(inFlows.map((s) => s.product)),
    measures: distinct(ofView.map((s) => s.measure)),
    frequencies: distinct(ofView.filter((s) => s.measure === view.measure).map((s) => s.frequency)),
    // An imported dataset lists totals only: its partners and products share the totals' units.
    units: [...new Set((exact.length ? exact : inFlows).map((s) => s.unit))].sort(
      (a, b) => Number(b.startsWith('USD')) - Number(a.startsWith('USD')),
    ),
  }
}

/** A code a view names that its dataset does not have. */
export interface UnknownCode {
  kind: 'flows' | 'partners' | 'products'
  code: string
}

/**
 * The codes a view names that its dataset does not have (a view string written by hand, or for another
 * dataset): flows by the series list; partners and products by the dataset's dimensions, where known
 * (an imported dataset's series list has totals only). The World and all goods are every dataset's.
 */
export function unknownCodes(
  view: ViewState,
  catalog: readonly SeriesInfo[],
  dims: Dimensions | null = null,
): UnknownCode[] {
  const out: UnknownCode[] = []
  const flows = new Set(catalog.map((s) => s.flow))
  if (catalog.length)
    out.push(...view.flows.filter((f) => !flows.has(f)).map((code) => ({ kind: 'flows' as const, code })))
  if (dims?.dataset === view.dataset) {
    for (const kind of ['partners', 'products'] as const) {
      const known = new Set(dims[kind].map((v) => v.code))
      for (const code of view[kind])
        if (code !== 'world' && code !== 'all' && !known.has(code)) out.push({ kind, code })
    }
  }
  return out
}

/** The basis a series is on, from its id's suffix: `…_wto` → `wto`; a customs series has none. */
export function basisOf(series: string): string {
  return /_(wto|wdi|imf|oecd|un)$/.exec(series)?.[1] ?? 'customs'
}

/** The catalog series that can stand for one selection of the view (any basis). */
function candidates(view: ViewState, catalog: readonly SeriesInfo[], s: SeriesSelection): SeriesInfo[] {
  return matching(view, catalog).filter(
    (c) =>
      c.flow === s.flow &&
      c.partner === s.partner &&
      c.product === s.product &&
      (!view.unit || c.unit === view.unit),
  )
}

/** The bases the view's series exist on, customs first; one basis means there is no choice to offer. */
export function bases(view: ViewState, catalog: readonly SeriesInfo[]): string[] {
  const all = selectionsOf(view).flatMap((s) => candidates(view, catalog, s).map((c) => basisOf(c.series)))
  return [...new Set(all)].sort(
    (a, b) => Number(b === 'customs') - Number(a === 'customs') || a.localeCompare(b),
  )
}

/**
 * The series id to ask for, for one selection on the view's basis: undefined on the customs basis
 * (the service's default), null where the dataset has no series on that basis for this selection.
 */
export function seriesOnBasis(
  view: ViewState,
  catalog: readonly SeriesInfo[],
  s: SeriesSelection,
): string | undefined | null {
  if (!view.basis || view.basis === 'customs') return undefined
  return candidates(view, catalog, s).find((c) => basisOf(c.series) === view.basis)?.series ?? null
}

/** Makes a view consistent: transforms need levels (and months), charts need their transform, units must exist. */
export function normalizeView(view: ViewState, catalog: readonly SeriesInfo[]): ViewState {
  let next = { ...view }
  if (!transformAvailable(next, next.transform)) next = { ...next, transform: 'none' }
  if (!chartAvailable(next, next.chart))
    next = { ...next, chart: next.chart === 'stackedBar' ? 'bar' : 'line' }
  if (catalog.length) {
    // A flow the dataset does not have (a view string's, see unknownCodes) goes once another is ticked.
    const flows = next.flows.filter((f) => catalog.some((s) => s.flow === f))
    if (flows.length && flows.length < next.flows.length) next = { ...next, flows }
    // A product or partner without the chosen measure or frequency (rare earths have no published
    // y/y): fall back to one it has, rather than asking for a series that does not exist.
    const here = options(next, catalog)
    if (here.measures.length && !here.measures.includes(next.measure))
      next = { ...next, measure: here.measures[0] as ViewState['measure'], unit: undefined }
    const frequencies = options(next, catalog).frequencies
    if (frequencies.length && !frequencies.includes(next.frequency))
      next = { ...next, frequency: frequencies[0] as ViewState['frequency'] }
    const units = options(next, catalog).units
    if (next.unit && !units.includes(next.unit)) next = { ...next, unit: units[0] }
    if (!next.unit && units.length > 1) next = { ...next, unit: units[0] }
  }
  if (next.transform !== 'index') delete next.indexBase
  if (catalog.length && next.basis && !bases(next, catalog).includes(next.basis)) delete next.basis
  if (next.basis === 'customs') delete next.basis
  return next
}
