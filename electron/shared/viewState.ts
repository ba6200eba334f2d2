/**
 * The Explorer's view state: the single, serialisable truth for what a chart shows. The UI edits it;
 * the state string in the address bar, undo/redo, saved snapshots and exports all use this object.
 * Plain data and plain functions, without zod, so the renderer draws its first chart with this module
 * alone; the schema that checks a view crossing a boundary (a pasted state string, a session, a
 * snapshot file) is viewStateSchema.ts, whose types are re-exported here.
 */
import type { Breakdown, ViewState } from './viewStateSchema'
import { upgradeView, VIEW_STATE_VERSION } from './viewMigrations'
import { say, type Said } from './say'

export type { Breakdown, ViewState } from './viewStateSchema'

/** At most this many series on one chart: enough for a partner comparison, few enough to read. */
export const MAX_SERIES = 12

export const TRANSFORMS = ['none', 'yoy', 'ytd', 'rolling12', 'ma3', 'mom', 'qoq', 'index', 'share'] as const
export type Transform = (typeof TRANSFORMS)[number]

export const CHART_TYPES = ['line', 'bar', 'stackedBar', 'stackedArea', 'share', 'ytdByYear'] as const
export type ChartType = (typeof CHART_TYPES)[number]

/** How USD levels are shown. Other units (tonnes, %, CNY) are shown as published. */
export const DISPLAY_UNITS = ['bn', 'mn'] as const

/** How many partners or products the breakdown ranks before "other". */
export const BREAKDOWN_TOPS = [5, 10, 20, 50] as const
/** The most rows a ranking answers: more than the world's countries, so the map shades every partner. */
export const MAX_RANKING_TOP = 300

/*
 * The rules that tie a view's parts together, as plain functions: the app applies them to every view
 * it makes (stores/explorer.ts), and the schema refuses the same views with the same words.
 */

/** Why a view has too many series (flows × partners × products), or null. */
export function seriesLimitProblem(view: Pick<ViewState, 'flows' | 'partners' | 'products'>): string | null {
  return view.flows.length * view.partners.length * view.products.length <= MAX_SERIES
    ? null
    : `a view shows at most ${MAX_SERIES} series (flows × partners × products)`
}

/** Why a breakdown's picture does not fit what it ranks, or null. */
export function breakdownProblem(b: Pick<Breakdown, 'by' | 'picture'>): string | null {
  return (b.picture === 'treemap' ? b.by === 'product' : b.picture === 'map' ? b.by === 'partner' : true)
    ? null
    : 'the treemap ranks products and the map partners'
}

/** Why a view cannot be shown (its parts do not fit together), or null. */
export function viewProblem(view: ViewState): string | null {
  return seriesLimitProblem(view) ?? (view.breakdown ? breakdownProblem(view.breakdown) : null)
}

export function defaultViewState(): ViewState {
  return {
    version: VIEW_STATE_VERSION,
    dataset: 'china-trade',
    measure: 'level',
    frequency: 'month',
    unit: 'USD bn',
    flows: ['exports', 'imports', 'balance'],
    partners: ['world'],
    products: ['all'],
    transform: 'none',
    displayUnit: 'bn',
    chart: 'line',
    range: { from: '2018-01' },
    hidden: [],
  }
}

/** One series of a view: a flow to a partner of a product. */
export interface SeriesSelection {
  key: string
  flow: string
  partner: string
  product: string
}

/** The series a view shows, in a stable order (flows, then partners, then products). */
export function selectionsOf(view: ViewState): SeriesSelection[] {
  return view.flows.flatMap((flow) =>
    view.partners.flatMap((partner) =>
      view.products.map((product) => ({ key: `${flow}:${partner}:${product}`, flow, partner, product })),
    ),
  )
}

/*
 * The state string: a readable query string (`dataset=china-trade&flows=exports,imports&…`) that a
 * user can copy, bookmark or paste. Decoding (decodeViewState in viewStateSchema.ts) validates it
 * completely; a bad string is refused with the reason, never half-applied.
 */
const LIST_KEYS = ['flows', 'partners', 'products', 'hidden'] as const
const SCALAR_KEYS = [
  'dataset',
  'datasetVersion',
  'reporter',
  'measure',
  'frequency',
  'unit',
  'basis',
  'transform',
  'janFeb',
  'indexBase',
  'displayUnit',
  'chart',
] as const
/** The breakdown's settings in the state string (`by=product&picture=treemap&top=10&drill=hs85`). */
const BREAKDOWN_KEYS = ['by', 'picture', 'top', 'drill'] as const
const MAX_STATE_STRING = 4000

export function encodeViewState(view: ViewState): string {
  const params = new URLSearchParams()
  params.set('v', String(view.version))
  for (const key of SCALAR_KEYS) {
    const value = view[key]
    if (value !== undefined) params.set(key, value)
  }
  for (const key of LIST_KEYS) if (view[key].length) params.set(key, view[key].join(','))
  if (view.range.from) params.set('from', view.range.from)
  if (view.range.to) params.set('to', view.range.to)
  if (view.breakdown) for (const key of BREAKDOWN_KEYS) params.set(key, String(view.breakdown[key]))
  return params.toString()
}

/** A refused string's reason: its English text, and its catalogued message for the page to word. */
export type ReadView =
  { ok: true; fields: Record<string, unknown> } | { ok: false; message: string; said: Said }

/**
 * A state string's settings as the fields of a view, upgraded to today's version but not yet checked:
 * decodeViewState checks them with the schema.
 */
export function readViewState(text: string): ReadView {
  if (text.length > MAX_STATE_STRING)
    return {
      ok: false,
      message: `A view string is at most ${MAX_STATE_STRING} characters.`,
      said: say('viewStringTooLong', { limit: MAX_STATE_STRING }),
    }
  const params = new URLSearchParams(text.startsWith('?') ? text.slice(1) : text)
  const known = new Set<string>(['v', 'from', 'to', ...SCALAR_KEYS, ...LIST_KEYS, ...BREAKDOWN_KEYS])
  const unknown = [...params.keys()].find((k) => !known.has(k))
  if (unknown) {
    const name = unknown.slice(0, 40)
    return {
      ok: false,
      message: `Unknown setting "${name}" in the view string.`,
      said: say('viewStringUnknownSetting', { name }),
    }
  }
  const candidate: Record<string, unknown> = { version: Number(params.get('v')), range: {}, hidden: [] }
  for (const key of SCALAR_KEYS) {
    const value = params.get(key)
    if (value !== null) candidate[key] = value
  }
  for (const key of LIST_KEYS) {
    const value = params.get(key)
    if (value !== null) candidate[key] = value === '' ? [] : value.split(',')
  }
  const range: Record<string, string> = {}
  if (params.get('from')) range.from = params.get('from')!
  if (params.get('to')) range.to = params.get('to')!
  candidate.range = range
  if (BREAKDOWN_KEYS.some((key) => params.has(key))) {
    const top = params.get('top')
    candidate.breakdown = {
      by: params.get('by') ?? undefined,
      picture: params.get('picture') ?? undefined,
      top: top === null ? undefined : Number(top),
      drill: params.get('drill') ?? undefined,
    }
  }
  return { ok: true, fields: upgradeView(candidate) as Record<string, unknown> }
}
