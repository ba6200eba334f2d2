/**
 * The user's own work under the user-data folder: notes, the autosaved session and the snapshot
 * library, opened together, with the notices of any file that had to be quarantined on the way.
 * Without a user-data folder (some tests, benchmarks) every method says the feature is unavailable.
 */
import { AppError } from '../shared/errors'
import { say } from '../shared/messages'
import type { StorageNotice } from '../shared/notes'
import { openNotes, openSession, type NotesService, type SessionService } from './notes'
import { openSnapshotService, type SnapshotPlatform, type SnapshotService } from './snapshots'

export interface Workspace {
  notes: NotesService
  session: SessionService
  snapshots: SnapshotService
  /** Files quarantined while opening (shown to the user once, at start). */
  notices: readonly StorageNotice[]
}

export interface WorkspaceOptions {
  userDataDir: string
  currentVersion: (dataset: string) => string | null
  platform?: SnapshotPlatform
}

export async function openWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const notices: StorageNotice[] = []
  const notes = await openNotes({ userDataDir: options.userDataDir, notices })
  const session = await openSession({ userDataDir: options.userDataDir, notices })
  const snapshots = await openSnapshotService({
    userDataDir: options.userDataDir,
    currentVersion: options.currentVersion,
    platform: options.platform,
  })
  return { notes, session, snapshots, notices }
}

export function unavailableWorkspace(): Workspace {
  const fail = (): never => {
    throw new AppError('NOT_FOUND', say('noUserData'))
  }
  const failing = new Proxy({}, { get: (_t, key) => (key === 'then' ? undefined : fail) })
  return {
    notes: failing as NotesService,
    session: { file: '', load: () => null, save: fail } as SessionService,
    snapshots: failing as SnapshotService,
    notices: [],
  }
}
