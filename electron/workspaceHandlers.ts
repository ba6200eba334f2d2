/**
 * The handlers of the notes, session and snapshot methods (workspaceApi.ts), spread into the one
 * registry in handlers.ts. Thin: the work is in services/notes.ts and services/snapshots.ts.
 */
import type { ParsedArgsOf, ResultOf } from './shared/api'
import type { workspaceContract } from './shared/workspaceApi'
import type { Workspace } from './services/workspace'

type WorkspaceMethod = keyof typeof workspaceContract
export type WorkspaceHandlers = { [M in WorkspaceMethod]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> }

export function createWorkspaceHandlers(workspace: Workspace): WorkspaceHandlers {
  return {
    listNotes: async () => workspace.notes.list(),
    saveNote: async ({ note }) => workspace.notes.save(note),
    deleteNote: async ({ id }) => ({ deleted: await workspace.notes.remove(id) }),
    mergeNotes: async ({ notes }) => ({ merged: await workspace.notes.merge(notes) }),
    loadSession: async () => ({ session: workspace.session.load(), notices: [...workspace.notices] }),
    saveSession: async ({ session }) => {
      await workspace.session.save(session)
      return { saved: true }
    },
    listSnapshots: async () => workspace.snapshots.list(),
    saveSnapshot: async ({ snapshot, replace }) => workspace.snapshots.save(snapshot, replace),
    openSnapshot: async ({ id }) => workspace.snapshots.open(id),
    snapshotImage: async ({ id }) => workspace.snapshots.image(id),
    deleteSnapshot: async ({ id }) => ({ deleted: await workspace.snapshots.remove(id) }),
    chooseSnapshotFile: async () => workspace.snapshots.choose(),
    openSnapshotFile: async ({ file }) => workspace.snapshots.openGranted(file),
    exportSnapshot: async ({ id, kind }) => workspace.snapshots.exportTo(id, kind),
  }
}
