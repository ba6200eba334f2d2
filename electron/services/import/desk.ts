/**
 * Where files enter: the open dialog, a drop, "Open with". Each path is granted (grants.ts) and the page
 * gets an opaque id; a file that arrives from outside the page is announced to it (`fileOpened`). The
 * in-process import service uses this desk, and so does main when the import work runs in the engine
 * process (main keeps the grants; the engine gets a mirror of them).
 */
import { AppError } from '../../shared/errors'
import type { GrantedFile } from '../../shared/importApi'
import type { EventSink } from '../../events'
import type { Grant, GrantSource, Grants } from '../grants'

export interface FileDesk {
  /** Registers a path from a trusted main-process source (dialog, drop, "Open with"); announces it to the page. */
  grant(path: string, via: GrantSource): Promise<GrantedFile>
  choose(): Promise<GrantedFile | null>
  takeOpened(): GrantedFile[]
}

export interface FileDeskOptions {
  grants: Grants
  events?: EventSink
  /** The platform's open dialog: a path, or null if the user cancelled. */
  chooseFile?: () => Promise<string | null>
  /** Told of every grant before the page hears of it (main mirrors it into the engine). */
  onGrant?: (grant: Grant) => void
}

export function createFileDesk(options: FileDeskOptions): FileDesk {
  async function grant(path: string, via: GrantSource): Promise<GrantedFile> {
    const g = await options.grants.grant(path, via)
    options.onGrant?.(g)
    const granted = { fileId: g.fileId, name: g.name, size: g.size }
    if (via !== 'dialog') options.events?.emit('fileOpened', granted)
    return granted
  }
  return {
    grant,
    async choose() {
      if (!options.chooseFile) throw new AppError('NOT_FOUND', 'Opening files needs the desktop app.')
      const path = await options.chooseFile()
      return path ? grant(path, 'dialog') : null
    },
    takeOpened: () => options.grants.takePending(),
  }
}
