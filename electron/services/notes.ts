/**
 * The notes store and the session file, under the user-data folder:
 *
 * - `notes/notes.json`: every note, one JSON document rewritten atomically on each change (temporary
 *   file, fsync, rename; the previous version kept as `notes.json.bak`). Writes run one at a time; the
 *   in-memory list changes only once the file is on disk, so what the page sees is what a crash keeps.
 * - `session.json`: the open view and an unsaved note, autosaved by the page every second or two.
 *
 * A file that cannot be read is quarantined (storage.ts), the previous version loaded if it is good,
 * and a notice kept for the page to show. Electron-free.
 */
import { join } from 'node:path'
import { AppError } from '../shared/errors'
import { say } from '../shared/messages'
import {
  MAX_NOTES,
  Note,
  NOTES_FORMAT,
  NotesFile,
  Session,
  SESSION_FORMAT,
  type StorageNotice,
} from '../shared/notes'
import { writeFileAtomic } from './atomicFile'
import { createSerialQueue, loadDocument, removeStaleTemps, type Parsed } from './storage'

/** Far more than 5,000 notes of 10,000 characters would ever take in practice; the cap is for hostile files. */
const MAX_NOTES_BYTES = 64 * 1024 * 1024
const MAX_SESSION_BYTES = 4 * 1024 * 1024

const validateWith =
  <T>(schema: {
    safeParse(
      raw: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }
  }) =>
  (raw: unknown): Parsed<T> => {
    const parsed = schema.safeParse(raw)
    if (parsed.success) return { ok: true, value: parsed.data }
    const issue = parsed.error.issues[0]
    return {
      ok: false,
      message: `it is not valid: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`,
    }
  }

export interface NotesService {
  list(): Note[]
  /** Adds or replaces a note (by id); keeps the first creation time. */
  save(note: Note): Promise<Note>
  /** Removes a note; returns it (for undo) or null if there was none. */
  remove(id: string): Promise<Note | null>
  /** Adds the notes that are not there yet, and replaces older versions of those that are (newer `updatedAt` wins). */
  merge(notes: readonly Note[]): Promise<number>
  readonly file: string
}

export interface SessionService {
  load(): Session | null
  save(session: Session): Promise<void>
  readonly file: string
}

export const notesFileOf = (userDataDir: string) => join(userDataDir, 'notes', 'notes.json')
export const sessionFileOf = (userDataDir: string) => join(userDataDir, 'session.json')

export const serializeNotes = (notes: readonly Note[]) =>
  `${JSON.stringify({ format: NOTES_FORMAT, formatVersion: 1, notes: [...notes] } satisfies NotesFile, null, 1)}\n`

export async function openNotes(options: {
  userDataDir: string
  notices?: StorageNotice[]
}): Promise<NotesService> {
  const file = notesFileOf(options.userDataDir)
  await removeStaleTemps(join(options.userDataDir, 'notes'), 'notes.json')
  const loaded = await loadDocument(file, {
    userDataDir: options.userDataDir,
    maxBytes: MAX_NOTES_BYTES,
    validate: validateWith(NotesFile),
    serialize: (doc: NotesFile) => serializeNotes(doc.notes),
  })
  options.notices?.push(...loaded.notices)
  let notes: Note[] = loaded.value?.notes ?? []
  const serial = createSerialQueue()

  async function commit(next: Note[]): Promise<void> {
    await writeFileAtomic(file, serializeNotes(next), { keepPrevious: true })
    notes = next
  }

  return {
    file,
    list: () => notes.slice(),
    save: (note) =>
      serial(async () => {
        const valid = Note.parse(note)
        const existing = notes.find((n) => n.id === valid.id)
        if (!existing && notes.length >= MAX_NOTES)
          throw new AppError('DATA_ERROR', say('tooManyNotes', { limit: MAX_NOTES }))
        const saved: Note = existing ? { ...valid, createdAt: existing.createdAt } : valid
        await commit(existing ? notes.map((n) => (n.id === saved.id ? saved : n)) : [...notes, saved])
        return saved
      }),
    remove: (id) =>
      serial(async () => {
        const existing = notes.find((n) => n.id === id) ?? null
        if (existing) await commit(notes.filter((n) => n.id !== id))
        return existing
      }),
    merge: (incoming) =>
      serial(async () => {
        const byId = new Map(notes.map((n) => [n.id, n]))
        let changed = 0
        for (const note of incoming) {
          const mine = byId.get(note.id)
          if (!mine || note.updatedAt > mine.updatedAt) {
            byId.set(note.id, note)
            changed += 1
          }
        }
        if (byId.size > MAX_NOTES)
          throw new AppError('DATA_ERROR', say('snapshotNotesOverLimit', { limit: MAX_NOTES }))
        if (changed) await commit([...byId.values()])
        return changed
      }),
  }
}

export async function openSession(options: {
  userDataDir: string
  notices?: StorageNotice[]
}): Promise<SessionService> {
  const file = sessionFileOf(options.userDataDir)
  await removeStaleTemps(options.userDataDir, 'session.json')
  const serialize = (s: Session) => `${JSON.stringify(s)}\n`
  const loaded = await loadDocument(file, {
    userDataDir: options.userDataDir,
    maxBytes: MAX_SESSION_BYTES,
    validate: validateWith(Session),
    serialize,
  })
  options.notices?.push(...loaded.notices)
  let session = loaded.value
  const serial = createSerialQueue()
  return {
    file,
    load: () => session,
    save: (next) =>
      serial(async () => {
        const valid = Session.parse({ ...next, format: SESSION_FORMAT, formatVersion: 1 })
        await writeFileAtomic(file, serialize(valid), { keepPrevious: true })
        session = valid
      }),
  }
}
