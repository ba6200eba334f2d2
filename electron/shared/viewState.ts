/**
 * The Explorer's view state: the single, serialisable truth for what a chart shows. The UI edits it;
 * the state string in the address bar, undo/redo, saved snapshots and exports all use this object.
 * Everything here is plain data, validated by zod wherever it crosses a boundary (a pasted state
 * string, a snapshot file).
 */
import { z } from 'zod'
import { Code, DatasetId, Frequency, Measure, Period } from './primitives'
import { upgradeView, VIEW_STATE_VERSION } from './viewMigrations'

/** At most this many series on one chart: enough for a partner comparison, few enough to read. */
export const MAX_SERIES = 12

export const TRANSFORMS = ['none', 'yoy', 'ytd', 'rolling12', 'ma3', 'mom', 'index', 'share'] as const
export const Transform = z.enum(TRANSFORMS)
export type Transform = z.infer<typeof Transform>

export const CHART_TYPES = ['line', 'bar', 'stackedBar', 'stackedArea', 'share', 'ytdByYear'] as const
export const ChartType = z.enum(CHART_TYPES)
export type ChartType = z.infer<typeof ChartType>

/** How USD levels are shown. Other units (tonnes, %, CNY) are shown as published. */
export const DisplayUnit = z.enum(['bn', 'mn'])

/** How many partners or products the breakdown ranks before "other". */
export const BREAKDOWN_TOPS = [5, 10, 20, 50] as const

/**
 * The breakdown of an imported dataset's detailed data, under the chart: what is ranked, the picture
 * it is shown as, how many before "other", and the product node drilled into. The path to that node
 * (section → chapter → heading) follows from its code through the HS code list, so the node is all
 * that is kept.
 */
export const Breakdown = z
  .object({
    by: z.enum(['product', 'partner']),
    /** The ranking table, the product treemap or the partner world map. */
    picture: z.enum(['table', 'treemap', 'map']).default('table'),
    top: z
      .number()
      .int()
      .refine((n) => (BREAKDOWN_TOPS as readonly number[]).includes(n), {
        message: `top is one of ${BREAKDOWN_TOPS.join(', ')}`,
      })
      .default(10),
    /**
     * The products ranked are this node's children: `all` (HS sections), a section (`hs_s16`: its
     * chapters), a chapter (`hs85`: its headings) or a heading (`hs8542`: its subheadings).
     */
    drill: z
      .string()
      .regex(
        /^(all|hs_s\d{1,2}|hs\d{2}|hs\d{4})$/,
        'the drill-down is at all products, an HS section (hs_s16), a chapter (hs85) or a heading (hs8542)',
      )
      .default('all'),
  })
  .strict()
  .refine(
    (b) => (b.picture === 'treemap' ? b.by === 'product' : b.picture === 'map' ? b.by === 'partner' : true),
    {
      message: 'the treemap ranks products and the map partners',
    },
  )
export type Breakdown = z.infer<typeof Breakdown>

export const ViewState = z
  .object({
    /** The view state's version (older ones are upgraded by viewMigrations.ts before they are read). */
    version: z.literal(VIEW_STATE_VERSION),
    dataset: DatasetId,
    /** The dataset version the view was made with; a snapshot compares it with the library's. */
    datasetVersion: z.string().max(64).optional(),
    /** Who reports the figures (`china`, `usa`…); omitted means China, the bundled package's reporter. */
    reporter: Code.optional(),
    measure: Measure,
    frequency: Frequency,
    /** The unit of the underlying series (`USD bn`, `CNY tn`, `tonnes`…); omitted means USD where there is a choice. */
    unit: z.string().max(48).optional(),
    /**
     * Whose figures, where a dataset has a total on more than one basis (China's customs vs the WTO's
     * merchandise trade): `customs` (the default when omitted), `wto`, `wdi`… (a series id's suffix).
     */
    basis: Code.optional(),
    flows: z.array(Code).min(1).max(MAX_SERIES),
    partners: z.array(Code).min(1).max(MAX_SERIES),
    products: z.array(Code).min(1).max(MAX_SERIES),
    transform: Transform,
    /**
     * How a January–February published combined is shown on a monthly chart of levels: `combined`
     * (the default when omitted: one point, as published) or `average` (January and February each the
     * combined value ÷ 2, marked computed with that rule).
     */
    janFeb: z.enum(['combined', 'average']).optional(),
    /** The base period of the `index` transform (= 100). */
    indexBase: Period.optional(),
    displayUnit: DisplayUnit,
    chart: ChartType,
    range: z.object({ from: Period.optional(), to: Period.optional() }).strict(),
    /** Series hidden with a legend click, by key. */
    hidden: z.array(z.string().max(200)).max(MAX_SERIES),
    /** An imported dataset's breakdown; omitted means its first picture (products as a table, at all products). */
    breakdown: Breakdown.optional(),
  })
  .strict()
  .refine((v) => v.flows.length * v.partners.length * v.products.length <= MAX_SERIES, {
    message: `a view shows at most ${MAX_SERIES} series (flows × partners × products)`,
  })
export type ViewState = z.infer<typeof ViewState>

/** A view state as stored by any build (an autosaved session): older versions upgraded, then checked. */
export const StoredViewState = z.preprocess(upgradeView, ViewState)

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
 * user can copy, bookmark or paste. Decoding validates it completely; a bad string is refused with
 * the reason, never half-applied.
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

export type Decoded = { ok: true; view: ViewState } | { ok: false; message: string }

export function decodeViewState(text: string): Decoded {
  if (text.length > MAX_STATE_STRING)
    return { ok: false, message: `A view string is at most ${MAX_STATE_STRING} characters.` }
  const params = new URLSearchParams(text.startsWith('?') ? text.slice(1) : text)
  const known = new Set<string>(['v', 'from', 'to', ...SCALAR_KEYS, ...LIST_KEYS, ...BREAKDOWN_KEYS])
  const unknown = [...params.keys()].find((k) => !known.has(k))
  if (unknown) return { ok: false, message: `Unknown setting "${unknown.slice(0, 40)}" in the view string.` }
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
  const parsed = ViewState.safeParse(upgradeView(candidate))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      ok: false,
      message: `The view string is not valid: ${issue?.path.join('.') || 'view'}: ${issue?.message}`,
    }
  }
  return { ok: true, view: parsed.data }
}
