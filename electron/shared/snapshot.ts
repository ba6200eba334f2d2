/**
 * The snapshot file (`.ctesnap`): one self-contained UTF-8 JSON document holding a view exactly as the
 * user saw it — the view state, the calculators, the notes shown, the numbers displayed with their
 * sources, the dataset versions and the chart image. Documented in docs/snapshot-format.md.
 *
 * This module is the format's schema (and what the library lists of a file). A snapshot file comes
 * from anywhere, so it is hostile until `parseSnapshot` (snapshotParse.ts) says otherwise: every field
 * typed and capped, numbers finite, titles and labels plain text, ids never paths.
 *
 * Pure and Electron-free: the services, the renderer and the tests share it.
 */
import { z } from 'zod'
import { CalculatorState } from './calculatorState'
import { IsoTimestamp, Note, plainText } from './notes'
import { Code, DatasetId, Frequency, Period, Sha256 } from './primitives'
import { MAX_RANKING_TOP, MAX_SERIES } from './viewState'
import { ViewState } from './viewStateSchema'

export const SNAPSHOT_FORMAT = 'china-trade-explorer-snapshot' as const
export const SNAPSHOT_FORMAT_VERSION = 3 as const
/** A snapshot file larger than this is refused before it is read. */
export const MAX_SNAPSHOT_BYTES = 20 * 1024 * 1024
/** The chart image, base64: about 7.5 MB of PNG. */
export const MAX_IMAGE_BASE64 = 10 * 1024 * 1024
export const MAX_SNAPSHOT_NOTES = 500
export const MAX_SNAPSHOT_SOURCES = 2000
export const MAX_POINTS_PER_SERIES = 5000
export const MAX_TITLE = 200

/** A library snapshot's id: its file name without `.ctesnap`. Never a path. */
export const SnapshotId = z
  .string()
  .regex(/^s-[a-z0-9-]{4,60}$/, 'a snapshot id is s- and letters, digits or hyphens')

export const SourceId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'a source id is letters, digits and . _ : -')
export const HttpUrl = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/[^\s<>"]+$/i, 'a source link is an http(s) address')

export const SnapshotSource = z
  .object({
    id: SourceId,
    title: plainText(500, 'a source title'),
    publisher: plainText(200, 'a publisher').nullable(),
    published: z.string().max(40).nullable(),
    /** Empty for a file the user imported that names no web address (a column-mapped CSV). */
    url: HttpUrl.or(z.literal('')),
  })
  .strict()
export type SnapshotSource = z.infer<typeof SnapshotSource>

/** A number as displayed: finite or null (a gap the app showed as "—"), never NaN, Infinity or text. */
const DisplayedValue = z
  .number({ error: 'a value is a number (or null for a gap)' })
  .finite('a value is a finite number')
  .nullable()

export const SnapshotPoint = z
  .object({
    period: Period,
    value: DisplayedValue,
    kind: z.enum(['published', 'computed', 'projected']),
    sourceIds: z.array(SourceId).max(40),
    note: z.string().max(500).optional(),
  })
  .strict()
export type SnapshotPoint = z.infer<typeof SnapshotPoint>

export const SnapshotSeries = z
  .object({
    key: z.string().min(1).max(200),
    label: plainText(300, 'a series label'),
    points: z.array(SnapshotPoint).max(MAX_POINTS_PER_SERIES),
    /** Why the series had no data when the snapshot was saved. */
    missing: plainText(500, 'a reason').optional(),
  })
  .strict()
export type SnapshotSeries = z.infer<typeof SnapshotSeries>

export const SnapshotNumbers = z
  .object({
    unit: plainText(80, 'a unit'),
    series: z.array(SnapshotSeries).max(MAX_SERIES),
  })
  .strict()
export type SnapshotNumbers = z.infer<typeof SnapshotNumbers>

export const SnapshotImage = z
  .object({
    mime: z.literal('image/png'),
    data: z
      .string()
      .max(MAX_IMAGE_BASE64, `the chart image is at most ${MAX_IMAGE_BASE64 / 1024 / 1024} MB of base64`)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'the chart image is base64 text')
      // Every PNG starts with the same eight bytes, whose base64 is this.
      .refine((s) => s.startsWith('iVBORw0KGgo'), 'the chart image is not a PNG'),
    width: z.number().int().min(1).max(10_000),
    height: z.number().int().min(1).max(10_000),
  })
  .strict()
export type SnapshotImage = z.infer<typeof SnapshotImage>

export const SnapshotDataset = z
  .object({
    id: DatasetId,
    version: z.string().max(64).nullable(),
    /** An imported dataset: the file it was imported from and that file's SHA-256, to import it again. */
    fileName: plainText(260, 'a file name').optional(),
    sha256: Sha256.optional(),
  })
  .strict()
export type SnapshotDataset = z.infer<typeof SnapshotDataset>

/*
 * A self-contained snapshot also keeps the data its view was drawn from (the series as the app read
 * them, before any transform), so it opens and redraws on a machine without the dataset. Sources are
 * referenced by id from the snapshot's `sources`.
 */
const PeriodEdge = z.string().regex(/^\d{4}-\d{2}$/, 'a period edge is a month like 2025-01')

export const EmbeddedSeries = z
  .object({
    series: z.string().min(1).max(120),
    label: plainText(300, 'a series label'),
    unit: plainText(80, 'a unit'),
    frequency: Frequency,
    points: z
      .array(
        z
          .object({
            period: Period,
            periodStart: PeriodEdge,
            periodEnd: PeriodEdge,
            value: z.number().finite('a value is a finite number'),
            status: z.enum(['published', 'projection', 'computed']),
            note: z.string().max(500),
            sourceId: SourceId,
            alternatives: z.number().int().nonnegative().max(1000),
          })
          .strict(),
      )
      .max(MAX_POINTS_PER_SERIES),
    sourceIds: z.array(SourceId).max(200),
  })
  .strict()
export type EmbeddedSeries = z.infer<typeof EmbeddedSeries>

const CodeLabel = z.object({ code: z.string().min(1).max(48), label: plainText(500, 'a label') }).strict()

/**
 * The breakdown panel of a self-contained snapshot: the ranking it showed (top N and "other", with
 * shares and y/y, the drill path, the unit and the source; the map's every partner), the query that
 * ranking answers (the panel draws it only for that same query), the ISO-2 codes of the areas it names
 * (so they are named in the reader's language as the live panel names them) and the HS levels the
 * dataset has (whether the treemap is offered). Only what the panel showed, never the dataset's rows.
 */
export const EmbeddedBreakdown = z
  .object({
    query: z
      .object({
        dataset: DatasetId,
        reporter: Code.optional(),
        flow: Code,
        by: z.enum(['partner', 'product']),
        partner: Code,
        product: Code,
        parent: Code.optional(),
        top: z.number().int().min(1).max(MAX_RANKING_TOP),
        // A quarterly view ranks quarters (a value added, not a format change: older files read the same).
        frequency: z.enum(['month', 'quarter', 'year']).optional(),
      })
      .strict(),
    ranking: z
      .object({
        version: z.string().max(64),
        reporter: CodeLabel,
        flow: Code,
        by: z.enum(['partner', 'product']),
        partner: CodeLabel,
        product: CodeLabel,
        path: z.array(CodeLabel).max(8),
        unit: plainText(80, 'a unit'),
        frequency: z.enum(['month', 'quarter', 'year']),
        from: Period,
        to: Period,
        previousFrom: Period,
        previousTo: Period,
        rows: z
          .array(
            z
              .object({
                code: z.string().min(1).max(48),
                label: plainText(500, 'a label'),
                value: z.number().finite('a value is a finite number'),
                share: z.number().finite().nullable(),
                previous: z.number().finite().nullable(),
                yoy: z.number().finite().nullable(),
                drill: z.boolean(),
                iso3: z
                  .string()
                  .regex(/^[A-Z][A-Z0-9]{2}$/, 'an ISO-3 code is three capitals')
                  .optional(),
              })
              .strict(),
          )
          .max(MAX_RANKING_TOP),
        other: z
          .object({
            count: z.number().int().nonnegative(),
            value: z.number().finite(),
            previous: z.number().finite().nullable(),
          })
          .strict(),
        total: z.number().finite('a total is a finite number'),
        source: z
          .object({
            title: plainText(500, 'a source title'),
            publisher: plainText(200, 'a publisher').nullable(),
            url: HttpUrl.or(z.literal('')),
          })
          .strict(),
      })
      .strict(),
    iso2: z
      .array(
        z
          .object({
            code: z.string().min(1).max(48),
            iso2: z.string().regex(/^[A-Z]{2}$/, 'an ISO-2 code is two capitals'),
          })
          .strict(),
      )
      .max(MAX_RANKING_TOP + 2),
    productLevels: z.array(z.number().int().min(1).max(12)).max(6),
  })
  .strict()
export type EmbeddedBreakdown = z.infer<typeof EmbeddedBreakdown>

export const EmbeddedData = z
  .object({
    series: z
      .array(
        z
          .object({
            key: z.string().min(1).max(200),
            series: EmbeddedSeries.nullable(),
            published: EmbeddedSeries.nullable(),
            total: EmbeddedSeries.nullable(),
            error: plainText(500, 'a reason').optional(),
          })
          .strict(),
      )
      .max(MAX_SERIES),
    annual: EmbeddedSeries.nullable(),
    projection: EmbeddedSeries.nullable(),
    /** The breakdown panel as shown; null where the view had none (the bundled package, a mirror, format 2). */
    breakdown: EmbeddedBreakdown.nullable(),
  })
  .strict()
export type EmbeddedData = z.infer<typeof EmbeddedData>

/**
 * A snapshot of the mirror comparison (not of the Explorer): the dataset that reports China's exports,
 * the one that reports the partner's imports from China, the partner and the frequency. Its `view` is
 * China's side; its numbers are the two sides and the computed gap; `datasets` lists both datasets.
 * A self-contained one embeds the two series under the keys `mirror:china` and `mirror:partner`.
 */
export const SnapshotMirror = z
  .object({
    chinaDataset: DatasetId,
    partnerDataset: DatasetId,
    partner: Code,
    frequency: z.enum(['month', 'year']),
  })
  .strict()
export type SnapshotMirror = z.infer<typeof SnapshotMirror>

export const Snapshot = z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    formatVersion: z.literal(SNAPSHOT_FORMAT_VERSION),
    savedAt: IsoTimestamp,
    app: z
      .object({
        name: plainText(80, 'the app name'),
        version: z
          .string()
          .max(32)
          .regex(/^[0-9A-Za-z.+-]+$/),
      })
      .strict(),
    title: plainText(MAX_TITLE, 'a title').min(1, 'a snapshot needs a title'),
    view: ViewState,
    calculators: CalculatorState.optional(),
    notes: z.array(Note).max(MAX_SNAPSHOT_NOTES),
    numbers: SnapshotNumbers,
    sources: z.array(SnapshotSource).max(MAX_SNAPSHOT_SOURCES),
    datasets: z.array(SnapshotDataset).min(1).max(16),
    image: SnapshotImage.optional(),
    /** Present in a self-contained snapshot: the data the view was drawn from. */
    embedded: EmbeddedData.optional(),
    /** Present in a snapshot of the mirror comparison. */
    mirror: SnapshotMirror.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const noteIds = new Set<string>()
    for (const n of s.notes) {
      if (noteIds.has(n.id))
        ctx.addIssue({ code: 'custom', path: ['notes'], message: `two notes with the id ${n.id}` })
      noteIds.add(n.id)
    }
    const keys = new Set<string>()
    for (const series of s.numbers.series) {
      if (keys.has(series.key))
        ctx.addIssue({
          code: 'custom',
          path: ['numbers', 'series'],
          message: `two series with the key ${series.key}`,
        })
      keys.add(series.key)
    }
    for (const id of s.mirror ? [s.mirror.chinaDataset, s.mirror.partnerDataset] : [])
      if (!s.datasets.some((d) => d.id === id))
        ctx.addIssue({
          code: 'custom',
          path: ['datasets'],
          message: `the mirror's dataset ${id} is not listed`,
        })
    if (!s.datasets.some((d) => d.id === s.view.dataset)) {
      ctx.addIssue({
        code: 'custom',
        path: ['datasets'],
        message: `the view's dataset ${s.view.dataset} is not listed`,
      })
    }
  })
export type Snapshot = z.infer<typeof Snapshot>

/** A snapshot file's bytes: the validated document as one line of JSON. */
export const serializeSnapshot = (snapshot: Snapshot) => `${JSON.stringify(snapshot)}\n`

/** The first problem in English, short: a hostile file must not get its content echoed back at length. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue?.path.length ? issue.path.join('.') : 'the file'
  const text = `${where}: ${issue?.message ?? 'invalid'}`
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

/* ——— What the library lists, and what opening one tells the page ——— */

export const SnapshotSummary = z.object({
  id: SnapshotId,
  title: z.string(),
  savedAt: z.string(),
  appVersion: z.string(),
  datasets: z.array(SnapshotDataset),
  notes: z.number().int().nonnegative(),
  series: z.number().int().nonnegative(),
  hasImage: z.boolean(),
  /** The file's size in bytes. */
  size: z.number().nonnegative(),
})
export type SnapshotSummary = z.infer<typeof SnapshotSummary>

/** One dataset of a snapshot, its version then and the library's now. */
export const DataCheck = z.object({
  dataset: DatasetId,
  saved: z.string().nullable(),
  /** Null when the dataset is no longer in the library. */
  current: z.string().nullable(),
  status: z.enum(['same', 'changed', 'missing']),
})
export type DataCheck = z.infer<typeof DataCheck>

export const OpenedSnapshot = z.object({
  id: SnapshotId,
  snapshot: Snapshot,
  data: z.array(DataCheck),
  /** The older format the file was in (now migrated), or null. */
  migratedFrom: z.number().int().nullable(),
})
export type OpenedSnapshot = z.infer<typeof OpenedSnapshot>

export function summaryOf(id: string, snapshot: Snapshot, size: number): SnapshotSummary {
  return {
    id,
    title: snapshot.title,
    savedAt: snapshot.savedAt,
    appVersion: snapshot.app.version,
    datasets: snapshot.datasets,
    notes: snapshot.notes.length,
    series: snapshot.numbers.series.length,
    hasImage: snapshot.image !== undefined,
    size,
  }
}
