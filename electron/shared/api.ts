/**
 * The one API contract between the renderer and the main process.
 *
 * Every method the renderer may call is listed here with a zod schema for its arguments and for its
 * result. The main process validates arguments with these schemas before any handler runs (IPC and
 * the web test transport alike); the preload and the web shim expose exactly these method names.
 * Nothing else crosses the boundary.
 */
import { z } from 'zod'
import { ApiErrorBodySchema, SaidSchema, type Envelope } from './errors'
import type { EventName, Method, SubscriberName } from './methods'
import { appCommands } from './commands'
import {
  BreakdownQuery,
  Breakdown,
  FileArgs,
  InspectArgs,
  GrantedFile,
  ImportArgs,
  ImportedDataset,
  ImportOutcome,
  Inspection,
  OutdatedReason,
} from './importApi'
import { Code, DatasetId, Frequency, Measure, NoArgs, Period } from './primitives'
import { exploreContract } from './exploreApi'
import { PageArgs, pageOf } from './paging'
import { SnapshotFileToken, workspaceContract } from './workspaceApi'

export {
  methods,
  isMethod,
  channelOf,
  events,
  eventChannelOf,
  subscriberOf,
  type EventName,
  type Method,
} from './methods'

/** Caps that keep hostile callers from making us allocate or search unbounded input. */
const MAX_ID = 64
const MAX_CODE = 48

// DatasetId, Period, Frequency and Measure live in primitives.ts (no import cycle with viewState/snapshot).
export { DatasetId, Frequency, Measure, Period }
/**
 * `computed`: made here from published values and not itself printed anywhere, such as an imported
 * file's partners summed into a World or a bloc the file does not state; the point's note gives the rule.
 */
export const Status = z.enum(['published', 'projection', 'computed'])

export const Source = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string(),
})
export type Source = z.infer<typeof Source>

/** One observation as read from one source. A chart shows the preferred one; the others stay visible. */
export const Observation = z.object({
  series: z.string(),
  period: Period,
  periodStart: z.string(),
  periodEnd: z.string(),
  value: z.number(),
  unit: z.string(),
  preferred: z.boolean(),
  status: Status,
  note: z.string(),
  source: Source,
})
export type Observation = z.infer<typeof Observation>

/** Which series: every field but `dataset` has the default that means "China's headline total". */
export const SeriesQuery = z
  .object({
    dataset: DatasetId,
    reporter: Code.default('china'),
    flow: Code,
    partner: Code.default('world'),
    product: Code.default('all'),
    measure: Measure.default('level'),
    frequency: Frequency.default('month'),
    unit: z.string().max(MAX_CODE).optional(),
    /** Only needed where two series share every dimension (e.g. exports on the customs and the WTO basis). */
    series: Code.optional(),
    from: Period.optional(),
    to: Period.optional(),
  })
  .strict()
export type SeriesQuery = z.input<typeof SeriesQuery>
/** A series query as the services receive it: validated, with every default filled in. */
export type ParsedSeriesQuery = z.output<typeof SeriesQuery>

/** How the shown reading of a period with several was chosen (see scripts/data/preferred.ts). */
export const PreferenceRule = z.enum([
  'same',
  'precise',
  'customs',
  'reissue',
  'first-published',
  'first-recorded',
  'curated',
])
export type PreferenceRule = z.infer<typeof PreferenceRule>

export const SeriesPoint = z.object({
  period: Period,
  periodStart: z.string(),
  periodEnd: z.string(),
  value: z.number(),
  status: Status,
  note: z.string(),
  sourceId: z.string(),
  /** How many other sources give a value for this period (they may agree or differ). */
  alternatives: z.number().int().nonnegative(),
  /** The figure exactly as printed, when the source printed another unit and `value` was rescaled exactly. */
  printed: z.object({ value: z.string(), unit: z.string() }).optional(),
  /** Why this reading is the one shown, where the period has several (the package's preferred_by rule). */
  preferredBy: PreferenceRule.optional(),
  /** The written reason, for a curated choice. */
  reason: z.string().optional(),
  /** The other readings of the period, with their sources: every one stays visible. */
  others: z
    .array(
      z.object({
        value: z.number(),
        sourceId: z.string(),
        note: z.string(),
        printed: z.object({ value: z.string(), unit: z.string() }).optional(),
      }),
    )
    .optional(),
})
export type SeriesPoint = z.infer<typeof SeriesPoint>

export const Series = z.object({
  dataset: DatasetId,
  series: z.string(),
  label: z.string(),
  unit: z.string(),
  frequency: Frequency,
  points: z.array(SeriesPoint),
  sources: z.array(Source),
})
export type Series = z.infer<typeof Series>

/**
 * The most series one batch asks for: a view's series (at most 12, viewState.ts) with, for each, the
 * published rate or year-to-date figure and the world total a transform may need.
 */
export const MAX_SERIES_BATCH = 36

/**
 * One answer of a batch: the series, or why there is none, as getSeries would have refused it (a
 * series the dataset lacks is one answer's NOT_FOUND, never the whole batch's failure).
 */
export const SeriesAnswer = z.union([
  z.object({ series: Series }).strict(),
  z.object({ error: ApiErrorBodySchema }).strict(),
])
export type SeriesAnswer = z.infer<typeof SeriesAnswer>

export const HeadlineFigure = z.object({
  flow: z.string(),
  label: z.string(),
  level: z.object({ value: z.number(), unit: z.string(), source: Source, note: z.string() }).nullable(),
  yoy: z.object({ value: z.number(), source: Source, note: z.string() }).nullable(),
})
export type HeadlineFigure = z.infer<typeof HeadlineFigure>

export const Headline = z.object({
  dataset: DatasetId,
  period: Period,
  /** Every month (or combined Jan–Feb) with a headline figure, newest first, for the period picker. */
  periods: z.array(Period),
  figures: z.array(HeadlineFigure),
})
export type Headline = z.infer<typeof Headline>

/**
 * A package's own words in other languages, by language tag (`zh-CN`): what its compiler wrote
 * (titles, descriptions), never a source's published title. A missing entry falls back to the text itself.
 */
export const Translations = z.record(
  z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  z.object({ title: z.string().min(1).optional(), description: z.string().min(1).optional() }),
)
export type Translations = z.infer<typeof Translations>

export const License = z.object({
  name: z.string(),
  title: z.string().optional(),
  path: z.string().optional(),
  translations: Translations.optional(),
})

/** A number exactly as printed (or computed exactly from printed numbers), e.g. "221.337434". */
const DecimalText = z.string().regex(/^-?\d+(?:\.\d+)?$/)

/**
 * A finding of the bundled data's quality checks: exports − imports differs from the published balance
 * by more than the rounding of the three figures. Reported as found; nothing is corrected.
 */
export const QualityFinding = z.object({
  finding: z.literal('trade-identity'),
  partner: z.string(),
  unit: z.string(),
  frequency: Frequency,
  period: Period,
  exports: DecimalText,
  imports: DecimalText,
  balance: DecimalText,
  /** exports − imports − balance, exactly. */
  difference: DecimalText,
  /** The most rounding can explain: half a unit in the last printed place of each figure, summed. */
  tolerance: DecimalText,
  sources: z.object({ exports: Source, imports: Source, balance: Source }),
})
export type QualityFinding = z.infer<typeof QualityFinding>

export const DatasetSummary = z.object({
  id: DatasetId,
  title: z.string(),
  description: z.string(),
  translations: Translations.optional(),
  version: z.string(),
  bundled: z.boolean(),
  licenses: z.array(License),
  sources: z.array(
    z.object({ title: z.string(), path: z.string().optional(), translations: Translations.optional() }),
  ),
  coverage: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  resources: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      description: z.string(),
      rows: z.number().int().nonnegative(),
      translations: Translations.optional(),
    }),
  ),
  observations: z.number().int().nonnegative(),
  sourceCount: z.number().int().nonnegative(),
  /** The data-quality findings of a checked package (empty: checked, nothing found); absent when not checked. */
  quality: z.array(QualityFinding).optional(),
  /**
   * An imported dataset's file, the layout it was read with and that layout's publisher (empty where
   * the layout names none), so the page words its description, licence and contents in the reader's
   * language; absent for a bundled package.
   */
  imported: z
    .object({
      fileName: z.string(),
      layout: z.string(),
      publisher: z.string(),
      /** What its latest version still holds wrong until the file is imported again (importApi.ts). */
      outdated: z.array(OutdatedReason).default([]),
    })
    .optional(),
})
export type DatasetSummary = z.infer<typeof DatasetSummary>

export const SeriesInfo = z.object({
  series: z.string(),
  label: z.string(),
  reporter: z.string(),
  flow: z.string(),
  partner: z.string(),
  product: z.string(),
  measure: Measure,
  unit: z.string(),
  frequency: Frequency,
  observations: z.number().int().nonnegative(),
  firstPeriod: z.string(),
  lastPeriod: z.string(),
  /** Every value of the series is a projection (e.g. a forecast share for 2030), not an observation. */
  projection: z.boolean(),
})
export type SeriesInfo = z.infer<typeof SeriesInfo>

/** The catalog: the datasets that loaded, and the packages that did not, with the reason. */
export const Catalog = z.object({
  datasets: z.array(DatasetSummary),
  problems: z.array(z.object({ package: z.string(), message: z.string(), said: SaidSchema.optional() })),
})
export type Catalog = z.infer<typeof Catalog>

/** The languages the app is written in: the page's choice, which main words its menu and dialogs in. */
export const UiLanguage = z.enum(['en', 'zh-CN'])
export type UiLanguage = z.infer<typeof UiLanguage>

export const contract = {
  /** The datasets in the catalog, with coverage, licences and sources. */
  listDatasets: { args: NoArgs, result: Catalog },
  /** Exports, imports and balance with their published y/y for one month (default: the latest). */
  getHeadline: {
    args: z.object({ dataset: DatasetId, period: Period.optional() }).strict(),
    result: Headline,
  },
  /** A chart-ready series: the preferred observation per period, with its source. */
  getSeries: { args: SeriesQuery, result: Series },
  /**
   * Several series in one call, answered in the order asked, each as getSeries would answer it: the
   * Explorer asks for all of a view's series at once (one crossing, one validation, not one per series).
   */
  getSeriesBatch: {
    args: z.object({ queries: z.array(SeriesQuery).min(1).max(MAX_SERIES_BATCH) }).strict(),
    result: z.array(SeriesAnswer),
  },
  /** Every observation of one series and period (or of every period, without one), from every source read. */
  getObservations: {
    args: z.object({ dataset: DatasetId, series: Code, period: Period.optional() }).strict(),
    result: z.array(Observation),
  },
  /**
   * Every series of a dataset with its dimensions, so the UI offers only what exists: paged (paging.ts),
   * as an imported file with many reporters has many series.
   */
  listSeries: { args: z.object({ dataset: DatasetId, ...PageArgs }).strict(), result: pageOf(SeriesInfo) },
  /** Import (importApi.ts): the open dialog; the file chosen, as an opaque id, or null if cancelled. */
  chooseImportFile: { args: NoArgs, result: GrantedFile.nullable() },
  /** Files dropped on the window or opened from the OS that the Import page has not shown yet. */
  takeOpenedFiles: { args: NoArgs, result: z.array(GrantedFile) },
  /**
   * An imported dataset's file granted again, to import it again in one step, if it is still where it
   * was imported from; null if it is not (the user then chooses it).
   */
  reopenImportedFile: { args: z.object({ dataset: DatasetId }).strict(), result: GrantedFile.nullable() },
  /** Format, encoding, recognised layout, preview rows and mapping guesses of a chosen file. */
  inspectImport: { args: InspectArgs, result: Inspection },
  /** Imports a chosen file into the library (progress as importProgress events); resolves when done or cancelled. */
  importFile: { args: ImportArgs, result: ImportOutcome },
  cancelImport: { args: FileArgs, result: z.object({ cancelled: z.boolean() }) },
  /** The imported datasets, with their versions: paged (paging.ts), as the library grows with every import. */
  listImports: { args: z.object(PageArgs).strict(), result: pageOf(ImportedDataset) },
  /** Top N partners, blocs or products plus "other", from an imported dataset. */
  getBreakdown: { args: BreakdownQuery, result: Breakdown },
  /** Dimensions and breakdowns of any dataset (exploreApi.ts). */
  ...exploreContract,
  /** Notes, the autosaved session and snapshots (workspaceApi.ts). */
  ...workspaceContract,
  /**
   * The page's language, for what main shows itself (the menu, its dialogs): `applied` is false where
   * there is no main of the desktop app to word anything (the app in a browser).
   */
  setLanguage: {
    args: z.object({ language: UiLanguage }).strict(),
    result: z.object({ applied: z.boolean() }),
  },
} as const satisfies Record<Method, { args: z.ZodType; result: z.ZodType }>

export type Contract = typeof contract

export type ArgsOf<M extends Method> = z.input<Contract[M]['args']>
export type ParsedArgsOf<M extends Method> = z.output<Contract[M]['args']>
export type ResultOf<M extends Method> = z.output<Contract[M]['result']>

/** Progress of a long job (a file import) in the engine process, passed on to the page by main. */
export const ImportProgress = z.object({
  jobId: z.string().max(MAX_ID),
  /** The file's base name, for the progress bar: never a full path. */
  file: z.string().max(260),
  phase: z.enum(['reading', 'normalising', 'writing', 'done', 'cancelled', 'failed']),
  bytesRead: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
  rows: z.number().int().nonnegative(),
  message: z.string().max(1000).optional(),
})
export type ImportProgress = z.infer<typeof ImportProgress>

/**
 * A command from the application menu (or a file the OS asked us to open) for the page to run through
 * its command registry. `file` only for a snapshot the user opened from the OS (double-click, recent
 * files, a drop): the token main granted it under, never its path.
 */
export const AppCommandEvent = z
  .object({ command: z.enum(appCommands), file: SnapshotFileToken.optional() })
  .strict()
export type AppCommandEvent = z.infer<typeof AppCommandEvent>

/** The payload schema of every event the main process pushes to the page. */
export const eventContract = {
  importProgress: ImportProgress,
  command: AppCommandEvent,
  /** A file dropped on the window or opened from the OS, granted for import. */
  fileOpened: GrantedFile,
} as const satisfies Record<EventName, z.ZodType>

export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>

/**
 * What the preload exposes as `window.trade` and what the web shim gives the page: one function per
 * method, each answering with the envelope (errors are values, never thrown across the boundary), and
 * one `on<Event>` function per event, which returns its own unsubscribe function.
 */
export type TradeBridge = { [M in Method]: (args: ArgsOf<M>) => Promise<Envelope<ResultOf<M>>> } & {
  [E in EventName as SubscriberName<E>]: (listener: (payload: EventPayload<E>) => void) => () => void
}
