/**
 * Older snapshot formats and how each becomes the next: `migrations[n]` turns a format-n document into
 * a format-(n+1) one, so files saved by earlier builds still open.
 */
import { z } from 'zod'
import { IsoTimestamp } from './notes'
import { Period } from './primitives'
import {
  describeIssue,
  MAX_POINTS_PER_SERIES,
  MAX_SNAPSHOT_NOTES,
  MAX_SNAPSHOT_SOURCES,
  MAX_TITLE,
  SNAPSHOT_FORMAT,
  SnapshotSource,
  SourceId,
  type SnapshotSeries,
} from './snapshot'
import { english } from './messages'
import { say, type Said } from './say'
import { issueSaid } from './schemaIssue'
import { upgradeView, VIEW_STATE_VERSION } from './viewMigrations'
import { MAX_SERIES } from './viewState'
import { decodeViewState } from './viewStateSchema'

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

/**
 * Why a document cannot be migrated: a catalogued message the page words in its language, and the
 * English text, which may say more (the schema's own reason, for the log and the tests).
 */
export class MigrationError extends Error {
  constructor(
    readonly said: Said,
    detail: string = english(said),
  ) {
    super(detail)
  }
}

/** v0 → v1. Throws MigrationError with a reason the user can read. */
export function migrateV0(raw: unknown): unknown {
  const parsed = SnapshotV0.safeParse(raw)
  if (!parsed.success)
    throw new MigrationError(
      say('snapshotV0Invalid', { problem: issueSaid(parsed.error, raw) }),
      `it looks like a format 0 snapshot but ${describeIssue(parsed.error)}.`,
    )
  const v0 = parsed.data
  const decoded = decodeViewState(v0.state)
  if (!decoded.ok)
    throw new MigrationError(say('snapshotViewUnreadable'), `its view cannot be read: ${decoded.message}.`)
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

/**
 * v1 → v2. Format 2 carries a version-2 view state (viewMigrations.ts), which records the breakdown of
 * an imported dataset; a format-1 snapshot's view had none and opens at the breakdown's first picture.
 * Everything else is the same; the schema checks the result.
 */
export function migrateV1(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new MigrationError(say('snapshotNotDocument'))
  const v1 = raw as Record<string, unknown>
  const view = upgradeView(v1.view) as { version?: unknown } | undefined
  if (view?.version !== VIEW_STATE_VERSION) throw new MigrationError(say('snapshotViewNotV1'))
  return { ...v1, formatVersion: 2, view }
}

/**
 * v2 → v3. Format 3's self-contained snapshots also keep the breakdown panel as shown
 * (`embedded.breakdown`); a format-2 one kept none, so its breakdown is null (the panel then needs the
 * dataset, and the snapshot says so). A linked snapshot is unchanged but for its version.
 */
export function migrateV2(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new MigrationError(say('snapshotNotDocument'))
  const v2 = raw as Record<string, unknown>
  const embedded = v2.embedded
  if (embedded === undefined) return { ...v2, formatVersion: 3 }
  if (!embedded || typeof embedded !== 'object' || Array.isArray(embedded))
    throw new MigrationError(say('snapshotEmbeddedNotObject'))
  return { ...v2, formatVersion: 3, embedded: { ...embedded, breakdown: null } }
}

/** `migrations[n]` turns a format-n document into a format-(n+1) one. */
export const migrations: Record<number, (raw: unknown) => unknown> = {
  0: migrateV0,
  1: migrateV1,
  2: migrateV2,
}
