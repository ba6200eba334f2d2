/**
 * The notes, session and snapshot part of the API contract (api.ts spreads it into `contract`). As
 * everywhere, the arguments are validated before a handler runs and the results before they leave.
 * No path crosses in either direction: a snapshot the OS, a drop or the dialog gave main reaches the
 * page as an opaque token (`openSnapshotFile`), and main refuses any token it did not hand out.
 */
import { z } from 'zod'
import { Note, NoteId, Session, StorageNotice } from './notes'
import { NoArgs } from './primitives'
import { OpenedSnapshot, Snapshot, SnapshotId, SnapshotImage, SnapshotSummary } from './snapshot'

const ById = z.object({ id: SnapshotId }).strict()

export const ExportKind = z.enum(['file', 'folder', 'pdf'])
export type ExportKind = z.infer<typeof ExportKind>

/** A snapshot file main granted (services/snapshots.ts `grant`), by its opaque token: never a path. */
export const SnapshotFileToken = z.string().regex(/^g-[0-9a-f]{32}$/, 'a granted snapshot file token')

export const workspaceContract = {
  /** Every note. */
  listNotes: { args: NoArgs, result: z.array(Note) },
  /** Adds or replaces a note (written to disk before this answers). */
  saveNote: { args: z.object({ note: Note }).strict(), result: Note },
  /** Deletes a note; answers with it, so the page can offer Undo. */
  deleteNote: { args: z.object({ id: NoteId }).strict(), result: z.object({ deleted: Note.nullable() }) },
  /** Adds a snapshot's notes (newer versions replace older ones, by id). */
  mergeNotes: {
    args: z.object({ notes: z.array(Note).max(500) }).strict(),
    result: z.object({ merged: z.number().int().nonnegative() }),
  },
  /** The autosaved session, and the files quarantined at start-up (to tell the user). */
  loadSession: {
    args: NoArgs,
    result: z.object({ session: Session.nullable(), notices: z.array(StorageNotice) }),
  },
  saveSession: { args: z.object({ session: Session }).strict(), result: z.object({ saved: z.boolean() }) },
  /** The snapshot library, newest first, and any file that had to be left out. */
  listSnapshots: {
    args: NoArgs,
    result: z.object({ snapshots: z.array(SnapshotSummary), problems: z.array(StorageNotice) }),
  },
  /** Saves a snapshot into the library (a new one, or in place of `replace`). */
  saveSnapshot: {
    args: z.object({ snapshot: Snapshot, replace: SnapshotId.optional() }).strict(),
    result: SnapshotSummary,
  },
  /** A library snapshot, with each dataset's version then and now. */
  openSnapshot: { args: ById, result: OpenedSnapshot },
  /** A snapshot's chart image (the thumbnail), or null if it has none. */
  snapshotImage: { args: ById, result: SnapshotImage.nullable() },
  deleteSnapshot: { args: ById, result: z.object({ deleted: z.boolean() }) },
  /** File › Open Snapshot…: the platform's dialog; the file is validated and added to the library. Null if cancelled. */
  chooseSnapshotFile: { args: NoArgs, result: OpenedSnapshot.nullable() },
  /** A snapshot file the OS or a drop gave main, by the token the `openSnapshot` command carried; any other is refused. */
  openSnapshotFile: { args: z.object({ file: SnapshotFileToken }).strict(), result: OpenedSnapshot },
  /** Writes a snapshot out: the .ctesnap file, a folder (CSV, README, PNG), or a PDF. Null if cancelled. */
  exportSnapshot: {
    args: z.object({ id: SnapshotId, kind: ExportKind }).strict(),
    result: z.object({ name: z.string(), files: z.array(z.string()) }).nullable(),
  },
} as const
