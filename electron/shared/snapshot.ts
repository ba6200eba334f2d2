/**
 * The snapshot file (`.ctesnap`): one self-contained UTF-8 JSON document holding a view exactly as the
 * user saw it — the view state, the calculators, the notes shown, the numbers displayed with their
 * sources, the dataset versions and the chart image. Documented in docs/snapshot-format.md.
 *
 * A snapshot file comes from anywhere (a colleague's e-mail, a download), so it is hostile until
 * `parseSnapshot` says otherwise: size-capped before it is read (the services stat the file first),
 * versioned (`formatVersion`; older versions are migrated, newer ones refused with the reason), every
 * field typed and capped, numbers finite, titles and labels plain text, ids never paths.
 *
 * Pure and Electron-free: the services, the renderer and the tests share it.
 */
import { z } from 'zod'
import { CalculatorState } from './calculatorState'
import { toCsv, type CsvValue } from './csv'
import { IsoTimestamp, Note, plainText, type Note as NoteT } from './notes'
import { periodWithin, sortPeriods } from './periods'
import { DatasetId, Frequency, Period } from './primitives'
import { decodeViewState, MAX_SERIES, ViewState } from './viewState'

export const SNAPSHOT_FORMAT = 'china-trade-explorer-snapshot'
export const SNAPSHOT_FORMAT_VERSION = 1
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

const SourceId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'a source id is letters, digits and . _ : -')
const HttpUrl = z
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

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 hexadecimal digits')

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
            status: z.enum(['published', 'projection']),
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
  })
  .strict()
export type EmbeddedData = z.infer<typeof EmbeddedData>

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
    if (!s.datasets.some((d) => d.id === s.view.dataset)) {
      ctx.addIssue({
        code: 'custom',
        path: ['datasets'],
        message: `the view's dataset ${s.view.dataset} is not listed`,
      })
    }
  })
export type Snapshot = z.infer<typeof Snapshot>

/* ——— Older formats ——— */

/**
 * Format 0: the draft format of development builds before 0.1 (kept so their files still open). The
 * view was a state string, notes were anchored by `series`/`period` fields, numbers a flat list.
 */
export const SnapshotV0 = z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    formatVersion: z.literal(0),
    created: IsoTimestamp,
    name: z.string().max(MAX_TITLE),
    state: z.string().max(4000),
    datasetVersion: z.string().max(64).optional(),
    notes: z
      .array(
        z
          .object({
            id: z.string().max(64),
            markdown: z.string().max(10_000),
            series: z.string().max(150).optional(),
            period: Period.optional(),
          })
          .strict(),
      )
      .max(MAX_SNAPSHOT_NOTES),
    values: z
      .array(
        z
          .object({
            series: z.string().max(200),
            label: z.string().max(300),
            unit: z.string().max(80),
            period: Period,
            value: z.number().finite().nullable(),
            source: SourceId.optional(),
          })
          .strict(),
      )
      .max(MAX_POINTS_PER_SERIES * MAX_SERIES),
    sources: z.array(SnapshotSource).max(MAX_SNAPSHOT_SOURCES).default([]),
  })
  .strict()

class MigrationError extends Error {}

/** v0 → v1. Throws MigrationError with a reason the user can read. */
export function migrateV0(raw: unknown): unknown {
  const parsed = SnapshotV0.safeParse(raw)
  if (!parsed.success)
    throw new MigrationError(`it looks like a format 0 snapshot but ${describeIssue(parsed.error)}`)
  const v0 = parsed.data
  const decoded = decodeViewState(v0.state)
  if (!decoded.ok) throw new MigrationError(`its view cannot be read: ${decoded.message}`)
  const view = decoded.view
  const series = new Map<string, SnapshotSeries>()
  for (const v of v0.values) {
    const entry = series.get(v.series) ?? { key: v.series, label: v.label, points: [] }
    entry.points.push({
      period: v.period,
      value: v.value,
      kind: 'published',
      sourceIds: v.source ? [v.source] : [],
    })
    series.set(v.series, entry)
  }
  const noteId = (id: string, i: number) =>
    /^n-[a-z0-9-]{4,60}$/.test(id) ? id : `n-v0-${i.toString().padStart(4, '0')}`
  const notes = v0.notes.map((n, i) => ({
    id: noteId(n.id, i),
    text: n.markdown || '(empty note)',
    tags: [],
    target:
      n.series && n.period
        ? { kind: 'point', dataset: view.dataset, series: n.series, period: n.period }
        : n.series
          ? { kind: 'series', dataset: view.dataset, series: n.series }
          : { kind: 'dataset', dataset: view.dataset },
    createdAt: v0.created,
    updatedAt: v0.created,
  }))
  return {
    format: SNAPSHOT_FORMAT,
    formatVersion: 1,
    savedAt: v0.created,
    app: { name: 'China Trade Explorer', version: '0.0.0' },
    title: v0.name || 'Untitled snapshot',
    view,
    notes,
    numbers: { unit: v0.values[0]?.unit ?? view.unit ?? '', series: [...series.values()] },
    sources: v0.sources,
    datasets: [{ id: view.dataset, version: v0.datasetVersion ?? view.datasetVersion ?? null }],
  }
}

/** `migrations[n]` turns a format-n document into a format-(n+1) one. */
const migrations: Record<number, (raw: unknown) => unknown> = { 0: migrateV0 }

export type ParsedSnapshot =
  { ok: true; snapshot: Snapshot; migratedFrom: number | null } | { ok: false; message: string }

/** Validates (and migrates) a document read from a snapshot file. Refused whole, with the reason. */
export function parseSnapshot(raw: unknown): ParsedSnapshot {
  const refuse = (why: string): ParsedSnapshot => ({
    ok: false,
    message: `This snapshot cannot be opened: ${why}`,
  })
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return refuse('it is not a snapshot file (no JSON object inside).')
  const doc = raw as Record<string, unknown>
  if (doc.format !== SNAPSHOT_FORMAT)
    return refuse('it is not a China Trade Explorer snapshot (the "format" field is missing or different).')
  const version = doc.formatVersion
  if (version === undefined) return refuse('it has no "formatVersion".')
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return refuse('its "formatVersion" is not a version number.')
  if (version > SNAPSHOT_FORMAT_VERSION) {
    return refuse(
      `it was saved by a newer version of the app (format ${version}); this version reads formats up to ${SNAPSHOT_FORMAT_VERSION}. Update the app to open it.`,
    )
  }
  let current: unknown = raw
  try {
    for (let v = version; v < SNAPSHOT_FORMAT_VERSION; v++) {
      const step = migrations[v]
      if (!step) return refuse(`format ${v} is not one this version can read.`)
      current = step(current)
    }
  } catch (error) {
    if (error instanceof MigrationError) return refuse(`${error.message}.`)
    throw error
  }
  const parsed = Snapshot.safeParse(current)
  if (!parsed.success) return refuse(`${describeIssue(parsed.error)}.`)
  return { ok: true, snapshot: parsed.data, migratedFrom: version < SNAPSHOT_FORMAT_VERSION ? version : null }
}

/** The first problem, short: a hostile file must not get its content echoed back at length. */
function describeIssue(error: z.ZodError): string {
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

/* ——— Comparing a snapshot's numbers with the data now ——— */

export interface ChangedValue {
  key: string
  label: string
  period: string
  saved: number | null
  current: number | null
}

export interface Comparison {
  changed: ChangedValue[]
  /** Periods the data has now that the snapshot did not show (new releases): not changes. */
  added: number
  /** Ids of the notes whose numbers changed. */
  flaggedNotes: string[]
}

const sameNumber = (a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)))

/** Every number the snapshot showed that is different (or gone) in the same view over today's data. */
export function compareNumbers(
  saved: SnapshotNumbers,
  current: SnapshotNumbers,
): Pick<Comparison, 'changed' | 'added'> {
  const changed: ChangedValue[] = []
  let added = 0
  for (const series of saved.series) {
    const now = current.series.find((s) => s.key === series.key)
    const nowByPeriod = new Map((now?.points ?? []).map((p) => [p.period, p.value]))
    for (const p of series.points) {
      const value = nowByPeriod.has(p.period) ? nowByPeriod.get(p.period)! : null
      if (!sameNumber(p.value, value))
        changed.push({
          key: series.key,
          label: series.label,
          period: p.period,
          saved: p.value,
          current: value,
        })
    }
    const before = new Set(series.points.map((p) => p.period))
    added += (now?.points ?? []).filter((p) => !before.has(p.period) && p.value !== null).length
  }
  return { changed, added }
}

/** Does a change touch what a note is about? Point: that point; range: a period inside; series: any point of it; view/dataset: any. */
export function noteTouched(note: NoteT, change: Pick<ChangedValue, 'key' | 'period'>): boolean {
  const t = note.target
  switch (t.kind) {
    case 'point':
      return t.series === change.key && t.period === change.period
    case 'range':
      return (!t.series || t.series === change.key) && periodWithin(change.period, t.from, t.to)
    case 'series':
      return t.series === change.key
    case 'view':
    case 'dataset':
      return true
  }
}

export function compareSnapshot(
  snapshot: Pick<Snapshot, 'numbers' | 'notes'>,
  current: SnapshotNumbers,
): Comparison {
  const { changed, added } = compareNumbers(snapshot.numbers, current)
  const flaggedNotes = snapshot.notes.filter((n) => changed.some((c) => noteTouched(n, c))).map((n) => n.id)
  return { changed, added, flaggedNotes }
}

/* ——— Exports of a snapshot: CSV of the numbers, README of sources and notes ——— */

/** The periods of the numbers in time order, as the Explorer's chart model orders them. */
export function periodsOf(numbers: SnapshotNumbers): string[] {
  return sortPeriods(new Set(numbers.series.flatMap((s) => s.points.map((p) => p.period))))
}

/** The CSV of the numbers: the same rows, columns and order as the Explorer's table export (modelCsv). */
export function numbersCsv(numbers: SnapshotNumbers, sources: readonly SnapshotSource[]): string {
  const byId = new Map(sources.map((s) => [s.id, s]))
  const rows: CsvValue[][] = [['period', 'series', 'value', 'unit', 'kind', 'note', 'sources']]
  const points = numbers.series.map((s) => new Map(s.points.map((p) => [p.period, p])))
  for (const period of periodsOf(numbers)) {
    numbers.series.forEach((s, i) => {
      const p = points[i]!.get(period)
      if (!p) return
      const cited = p.sourceIds.map((id) => byId.get(id)).filter((src) => src !== undefined)
      rows.push([
        period,
        s.label,
        p.value,
        numbers.unit,
        p.value === null ? 'missing' : p.kind,
        p.note ?? '',
        cited.map((src) => `${src.publisher ?? src.title} <${src.url}>`).join('; '),
      ])
    })
  }
  return toCsv(rows)
}

/** A Markdown README for an exported snapshot: what it shows, the data versions, the notes and every source. */
export function snapshotReadme(snapshot: Snapshot, files: readonly string[]): string {
  const lines = [
    `# ${snapshot.title}`,
    '',
    `Saved ${snapshot.savedAt} with China Trade Explorer ${snapshot.app.version}.`,
    '',
    '## Files',
    '',
    ...files.map((f) => `- \`${f}\``),
    '',
    '## Data',
    '',
    ...snapshot.datasets.map((d) => `- Dataset \`${d.id}\`, version ${d.version ?? 'unknown'}`),
    `- Unit of the numbers: ${snapshot.numbers.unit}`,
    `- View: \`${snapshot.view.flows.join(', ')}\` × \`${snapshot.view.partners.join(', ')}\` × \`${snapshot.view.products.join(', ')}\`, ` +
      `${snapshot.view.measure}, ${snapshot.view.frequency}, transform ${snapshot.view.transform}` +
      `${snapshot.view.range.from ? `, from ${snapshot.view.range.from}` : ''}${snapshot.view.range.to ? ` to ${snapshot.view.range.to}` : ''}`,
    '',
    'Values of kind "computed" (year on year, year to date, sums, shares) were derived by the app from published figures;',
    'values of kind "published" were read in the sources below; values of kind "projected" are published forecasts.',
    '',
    '## Notes',
    '',
  ]
  if (snapshot.notes.length === 0) lines.push('(none)', '')
  for (const note of snapshot.notes) {
    lines.push(`### ${describeTarget(note)}${note.tags.length ? ` — tags: ${note.tags.join(', ')}` : ''}`, '')
    // Quoted so a note's own headings stay inside it.
    lines.push(...note.text.split(/\r?\n/).map((l) => `> ${l}`), '')
  }
  lines.push('## Sources', '')
  for (const s of snapshot.sources) {
    lines.push(
      `- ${s.title}${s.publisher ? ` — ${s.publisher}` : ''}${s.published ? `, ${s.published}` : ''}. <${s.url}>`,
    )
  }
  lines.push('')
  return lines.join('\n')
}

export function describeTarget(note: Pick<NoteT, 'target'>): string {
  const t = note.target
  switch (t.kind) {
    case 'point':
      return `${t.series} at ${t.period}`
    case 'range':
      return `${t.series ? `${t.series}, ` : ''}${t.from} to ${t.to}`
    case 'series':
      return `series ${t.series}`
    case 'view':
      return 'the whole view'
    case 'dataset':
      return `dataset ${t.dataset}`
  }
}
