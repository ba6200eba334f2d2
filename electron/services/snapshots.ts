/**
 * The snapshot library, `<user data>/snapshots/<id>.ctesnap`: save, list (with the chart image as the
 * thumbnail), open (with a check of each dataset's version against the library's now), delete, open a
 * file from outside (a path main's own dialog, the OS or a drop gave, checked by the grant registry:
 * never one the page names), and export (snapshotExport.ts).
 *
 * Files are written atomically with the previous version kept (`.bak`); one that cannot be read is
 * quarantined and reported, and the rest still lists. A file from outside is size-checked before it is
 * read and validated whole (shared/snapshotParse.ts) before anything of it is used; the library stores the
 * validated document re-serialised, never the bytes that came in. Electron-free: the dialogs and the
 * PDF printer are injected (Electron's in the app, a test's in the web server).
 */
import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { basename, join } from 'node:path'
import { AppError } from '../shared/errors'
import { english, inFile, say, type Said } from '../shared/messages'
import type { StorageNotice } from '../shared/notes'
import {
  MAX_SNAPSHOT_BYTES,
  SnapshotId,
  serializeSnapshot,
  summaryOf,
  type DataCheck,
  type OpenedSnapshot,
  type Snapshot,
  type SnapshotImage,
  type SnapshotSummary,
} from '../shared/snapshot'
import { parseSnapshot } from '../shared/snapshotParse'
import { SNAPSHOT_EXTENSION } from '../shared/commands'
import type { ExportKind } from '../shared/workspaceApi'
import { writeFileAtomic } from './atomicFile'
import { exportSnapshot, type ExportPlatform, type ExportResult } from './snapshotExport'
import { checkChosenFile, rememberGrant } from './grants'
import { loadDocument, parseJsonWith, readBounded, removeStaleTemps, type Parsed } from './storage'

/** The platform's dialogs and printer. Absent in a plain browser: those features then say they need the desktop app. */
export interface SnapshotPlatform extends ExportPlatform {
  /** File › Open Snapshot…: a path, or null if cancelled. */
  chooseSnapshotFile?: () => Promise<string | null>
}

export interface SnapshotServiceOptions {
  userDataDir: string
  /** The version of a dataset in the library now, or null if it is not there. */
  currentVersion: (dataset: string) => string | null
  platform?: SnapshotPlatform
}

export interface SnapshotService {
  list(): Promise<{ snapshots: SnapshotSummary[]; problems: StorageNotice[] }>
  save(snapshot: Snapshot, replace?: string): Promise<SnapshotSummary>
  open(id: string): Promise<OpenedSnapshot>
  image(id: string): Promise<SnapshotImage | null>
  remove(id: string): Promise<boolean>
  /**
   * Registers a path from a trusted main-process source (the OS, a drop, the open dialog) and returns
   * the opaque token the page may open it by: the page never sees the path. A path that cannot be
   * opened still gets a token, whose opening answers why (so the page can say so in plain words).
   */
  grant(path: string): Promise<string>
  /** Opens a granted file by its token: validated, copied into the library, opened. */
  openGranted(token: string): Promise<OpenedSnapshot>
  /** The open dialog, then openGranted; null if cancelled. */
  choose(): Promise<OpenedSnapshot | null>
  exportTo(id: string, kind: ExportKind): Promise<ExportResult | null>
  readonly dir: string
}

/** A snapshot document checked, or refused with the reason (its English text and its message). */
const validate = (
  raw: unknown,
): Parsed<{ snapshot: Snapshot; migratedFrom: number | null }> & { said?: Said } => {
  const parsed = parseSnapshot(raw)
  return parsed.ok
    ? { ok: true, value: { snapshot: parsed.snapshot, migratedFrom: parsed.migratedFrom } }
    : { ok: false, message: parsed.message, said: parsed.said }
}

/** Reads and validates a snapshot file from anywhere; throws an AppError the user can read. */
export async function readSnapshotFile(
  path: string,
): Promise<{ snapshot: Snapshot; migratedFrom: number | null; size: number }> {
  const name = basename(path)
  const read = await readBounded(path, MAX_SNAPSHOT_BYTES)
  switch (read.kind) {
    case 'missing':
      throw new AppError('NOT_FOUND', say('fileMissing', { name }))
    case 'notFile':
      throw new AppError('DATA_ERROR', say('notAFile', { name }))
    case 'tooLarge':
      throw new AppError(
        'DATA_ERROR',
        // The size to one decimal as written (2048.0), which a formatter would shorten.
        say('snapshotTooLarge', {
          name,
          size: (read.size / 1024 / 1024).toFixed(1),
          limit: MAX_SNAPSHOT_BYTES / 1024 / 1024,
        }),
      )
    case 'notUtf8':
      throw new AppError('DATA_ERROR', say('snapshotNotUtf8', { name }))
  }
  // Why the document was refused, where it was JSON at all.
  let refusal: Said | undefined
  const parsed = parseJsonWith(read.text, (raw) => {
    const checked = validate(raw)
    if (!checked.ok) refusal = checked.said
    return checked
  })
  if (!parsed.ok) {
    const why = refusal ?? say('snapshotCannotOpen', { why: say('snapshotNotJson') })
    throw new AppError('DATA_ERROR', inFile(name, why))
  }
  return { ...parsed.value, size: read.size }
}

const newId = () => `s-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`

export async function openSnapshotService(options: SnapshotServiceOptions): Promise<SnapshotService> {
  const dir = join(options.userDataDir, 'snapshots')
  await fsp.mkdir(dir, { recursive: true })
  await removeStaleTemps(dir)
  const platform = options.platform ?? {}
  /** Token → the file's real path, or why it cannot be opened. */
  const granted = new Map<string, { real: string } | { refused: AppError }>()
  /** Summaries by id, valid while the file's size and mtime are unchanged. */
  const cache = new Map<string, { mtimeMs: number; size: number; summary: SnapshotSummary }>()

  const fileOf = (id: string) => {
    const parsed = SnapshotId.safeParse(id)
    if (!parsed.success) throw new AppError('INVALID_ARGUMENT', say('notSnapshotId'))
    return join(dir, `${parsed.data}${SNAPSHOT_EXTENSION}`)
  }

  /** One library file, recovered from its .bak (and the damaged one quarantined) if need be. */
  async function tryLoad(id: string): Promise<{
    snapshot: Snapshot | null
    migratedFrom: number | null
    notices: StorageNotice[]
    refusals: Said[]
    refused?: Said
  }> {
    let migratedFrom: number | null = null
    // Why each document read was refused, for the page to word the main file's reason in its language.
    const refusals: Said[] = []
    const loaded = await loadDocument(fileOf(id), {
      userDataDir: options.userDataDir,
      maxBytes: MAX_SNAPSHOT_BYTES,
      validate: (raw) => {
        const v = validate(raw)
        if (!v.ok) {
          if (v.said) refusals.push(v.said)
          return v
        }
        migratedFrom = v.value.migratedFrom
        return { ok: true, value: v.value.snapshot }
      },
      serialize: serializeSnapshot,
    })
    return {
      snapshot: loaded.value,
      migratedFrom,
      notices: loaded.notices,
      refusals,
      refused: loaded.refused,
    }
  }

  async function load(id: string): Promise<{ snapshot: Snapshot; migratedFrom: number | null }> {
    const loaded = await tryLoad(id)
    if (loaded.snapshot) return { snapshot: loaded.snapshot, migratedFrom: loaded.migratedFrom }
    const notice = loaded.notices[0]
    if (notice) {
      // The reason as a catalogued message: the document's (its "why"), the storage's where it refused
      // the file before reading it (too large, not a file, not text), else the one reason left: the
      // text was not JSON.
      const refusal = loaded.refusals.find((r) => english(r) === notice.problem)?.params?.why
      const why = refusal ?? loaded.refused ?? say('snapshotNotJson')
      throw new AppError(
        'DATA_ERROR',
        say('snapshotQuarantined', { file: notice.file, place: notice.quarantinedAs, why }),
      )
    }
    throw new AppError('NOT_FOUND', say('snapshotGone'))
  }

  function check(snapshot: Snapshot): DataCheck[] {
    return snapshot.datasets.map((d) => {
      const current = options.currentVersion(d.id)
      return {
        dataset: d.id,
        saved: d.version,
        current,
        status: current === null ? 'missing' : current === d.version ? 'same' : 'changed',
      }
    })
  }

  async function write(snapshot: Snapshot, id: string): Promise<SnapshotSummary> {
    const text = serializeSnapshot(snapshot)
    if (Buffer.byteLength(text) > MAX_SNAPSHOT_BYTES)
      throw new AppError('DATA_ERROR', say('snapshotOverLimit', { limit: MAX_SNAPSHOT_BYTES / 1024 / 1024 }))
    await writeFileAtomic(fileOf(id), text, { keepPrevious: true })
    return summaryOf(id, snapshot, Buffer.byteLength(text))
  }

  async function list(): Promise<{ snapshots: SnapshotSummary[]; problems: StorageNotice[] }> {
    const names = (await fsp.readdir(dir)).filter(
      (n) =>
        n.endsWith(SNAPSHOT_EXTENSION) &&
        SnapshotId.safeParse(n.slice(0, -SNAPSHOT_EXTENSION.length)).success,
    )
    const snapshots: SnapshotSummary[] = []
    const problems: StorageNotice[] = []
    for (const name of names) {
      const id = name.slice(0, -SNAPSHOT_EXTENSION.length)
      const info = await fsp.stat(join(dir, name)).catch(() => null)
      if (!info) continue
      const cached = cache.get(id)
      if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) {
        snapshots.push(cached.summary)
        continue
      }
      // A file from a newer version of the app stays where it is (it is not damaged; that version reads it).
      const peek = await readBounded(join(dir, name), MAX_SNAPSHOT_BYTES)
      if (peek.kind === 'text') {
        const p = parseJsonWith(peek.text, validate)
        if (!p.ok && p.message.includes('newer version')) {
          problems.push({ file: name, problem: p.message, quarantinedAs: '', recovered: 'skipped' })
          continue
        }
      }
      const loaded = await tryLoad(id)
      problems.push(
        ...loaded.notices.map((n) => (loaded.snapshot ? n : { ...n, recovered: 'skipped' as const })),
      )
      if (!loaded.snapshot) continue
      const after = await fsp.stat(join(dir, name))
      const summary = summaryOf(id, loaded.snapshot, after.size)
      cache.set(id, { mtimeMs: after.mtimeMs, size: after.size, summary })
      snapshots.push(summary)
    }
    snapshots.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
    return { snapshots, problems }
  }

  async function importValidated(snapshot: Snapshot, migratedFrom: number | null): Promise<OpenedSnapshot> {
    // Opening the same file twice gives the same library entry.
    // Identity is the content: a different snapshot that happens to share its title and time is a
    // different entry (title and time only narrow the candidates before their files are compared).
    const { snapshots } = await list()
    const text = serializeSnapshot(snapshot)
    let same: SnapshotSummary | undefined
    for (const candidate of snapshots) {
      if (candidate.title !== snapshot.title || candidate.savedAt !== snapshot.savedAt) continue
      const held = await tryLoad(candidate.id)
      if (held.snapshot && serializeSnapshot(held.snapshot) === text) {
        same = candidate
        break
      }
    }
    const id = same?.id ?? newId()
    if (!same) await write(snapshot, id)
    return { id, snapshot, data: check(snapshot), migratedFrom }
  }

  async function openGranted(token: string): Promise<OpenedSnapshot> {
    const grant = granted.get(token)
    if (!grant) throw new AppError('NOT_FOUND', say('snapshotNotChosen'))
    if ('refused' in grant) throw grant.refused
    const { snapshot, migratedFrom } = await readSnapshotFile(grant.real)
    return importValidated(snapshot, migratedFrom)
  }

  async function grant(path: string): Promise<string> {
    const token = `g-${randomBytes(16).toString('hex')}`
    // A file that cannot be opened still gets its token: opening it answers why, in plain words.
    const outcome = await checkChosenFile(path).then(
      ({ real }) => ({ real }),
      (error: unknown) => {
        if (error instanceof AppError) return { refused: error }
        throw error
      },
    )
    rememberGrant(granted, token, outcome)
    return token
  }

  async function exportTo(id: string, kind: ExportKind): Promise<ExportResult | null> {
    return exportSnapshot((await load(id)).snapshot, id, kind, platform)
  }

  return {
    dir,
    list,
    save: async (snapshot, replace) => {
      const valid = parseSnapshot(snapshot)
      if (!valid.ok) throw new AppError('INVALID_ARGUMENT', valid.said)
      if (replace !== undefined) fileOf(replace)
      return write(valid.snapshot, replace ?? newId())
    },
    async open(id) {
      const { snapshot, migratedFrom } = await load(id)
      return { id, snapshot, data: check(snapshot), migratedFrom }
    },
    async image(id) {
      return (await load(id)).snapshot.image ?? null
    },
    async remove(id) {
      const file = fileOf(id)
      const existed = await fsp.stat(file).then(
        () => true,
        () => false,
      )
      await fsp.rm(file, { force: true })
      await fsp.rm(`${file}.bak`, { force: true })
      cache.delete(id)
      return existed
    },
    grant,
    openGranted,
    async choose() {
      if (!platform.chooseSnapshotFile) throw new AppError('NOT_FOUND', say('snapshotFilesDesktopOnly'))
      const path = await platform.chooseSnapshotFile()
      if (!path) return null
      return openGranted(await grant(path))
    },
    exportTo,
  }
}
