/**
 * The view state's schema (viewState.ts holds the plain model and the state string's writer and
 * reader): a view that crosses a boundary — a pasted or linked state string, a session, a snapshot
 * file — is checked against it whole. Kept apart so the renderer draws its first chart without zod.
 */
import { z } from 'zod'
import { Code, DatasetId, Frequency, Measure, Period } from './primitives'
import { say, type Said } from './say'
import { upgradeView, VIEW_STATE_VERSION } from './viewMigrations'
import {
  BREAKDOWN_TOPS,
  breakdownProblem,
  CHART_TYPES,
  DISPLAY_UNITS,
  MAX_SERIES,
  readViewState,
  seriesLimitProblem,
  TRANSFORMS,
} from './viewState'

/**
 * The breakdown of an imported dataset's detailed data, under the chart (see viewState.ts): what is
 * ranked, the picture, how many before "other", and the product node drilled into.
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
  .superRefine((b, ctx) => {
    const problem = breakdownProblem(b)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
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
    transform: z.enum(TRANSFORMS),
    /**
     * How a January–February published combined is shown on a monthly chart of levels: `combined`
     * (the default when omitted: one point, as published) or `average` (January and February each the
     * combined value ÷ 2, marked computed with that rule).
     */
    janFeb: z.enum(['combined', 'average']).optional(),
    /** The base period of the `index` transform (= 100). */
    indexBase: Period.optional(),
    displayUnit: z.enum(DISPLAY_UNITS),
    chart: z.enum(CHART_TYPES),
    range: z.object({ from: Period.optional(), to: Period.optional() }).strict(),
    /** Series hidden with a legend click, by key. */
    hidden: z.array(z.string().max(200)).max(MAX_SERIES),
    /** An imported dataset's breakdown; omitted means its first picture (products as a table, at all products). */
    breakdown: Breakdown.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const problem = seriesLimitProblem(v)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
export type ViewState = z.infer<typeof ViewState>

/** A view state as stored by any build (an autosaved session): older versions upgraded, then checked. */
export const StoredViewState = z.preprocess(upgradeView, ViewState)

export type Decoded = { ok: true; view: ViewState } | { ok: false; message: string; said: Said }

/** Reads a state string (encodeViewState writes it) and checks it whole: the view, or why it is refused. */
export function decodeViewState(text: string): Decoded {
  const read = readViewState(text)
  if (!read.ok) return read
  const parsed = ViewState.safeParse(read.fields)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    // The setting as the string writes it: flows (not flows.0), from (range.from), top, v.
    const key = issue?.path.filter((k): k is string => typeof k === 'string').at(-1) ?? 'v'
    return {
      ok: false,
      message: `The view string is not valid: ${issue?.path.join('.') || 'view'}: ${issue?.message}`,
      said: say('viewStringInvalid', { name: key === 'version' ? 'v' : key }),
    }
  }
  return { ok: true, view: parsed.data }
}
