/**
 * Where files enter: the open dialog, a drop, "Open with", and an imported dataset's own file when the
 * user asks to import it again. Each path is granted (grants.ts) and the page
 * gets an opaque id; a file that arrives from outside the page is announced to it (`fileOpened`). The
 * in-process import service uses this desk, and so does main when the import work runs in the engine
 * process (main keeps the grants; the engine gets a mirror of them).
 */
import { AppError } from '../../shared/errors'
import { say } from '../../shared/messages'
import type { GrantedFile } from '../../shared/importApi'
import type { EventSink } from '../../events'
import { fromOutside, type Grant, type GrantSource, type Grants } from '../grants'

export interface FileDesk {
  /** Registers a path from a trusted main-process source (dialog, drop, "Open with"); announces it to the page. */
  grant(path: string, via: GrantSource): Promise<GrantedFile>
  choose(): Promise<GrantedFile | null>
  takeOpened(): GrantedFile[]
  /**
   * The file an imported dataset was read from, granted again if it is still where the library recorded
   * it (a regular file); null if it is not, or the dataset is unknown. Imported again it makes the
   * dataset's next version.
   */
  reopen(dataset: string): Promise<GrantedFile | null>
}

export interface FileDeskOptions {
  grants: Grants
  events?: EventSink
  /** The platform's open dialog: a path, or null if the user cancelled. */
  chooseFile?: () => Promise<string | null>
  /** Told of every grant before the page hears of it (main mirrors it into the engine). */
  onGrant?: (grant: Grant) => void
  /** Where the library recorded an imported dataset's file (null: no such dataset). */
  originalPathOf?: (dataset: string) => Promise<string | null>
}

export function createFileDesk(options: FileDeskOptions): FileDesk {
  async function grant(path: string, via: GrantSource): Promise<GrantedFile> {
    const g = await options.grants.grant(path, via)
    options.onGrant?.(g)
    const granted = { fileId: g.fileId, name: g.name, size: g.size }
    if (fromOutside(via)) options.events?.emit('fileOpened', granted)
    return granted
  }
  return {
    grant,
    async choose() {
      if (!options.chooseFile) throw new AppError('NOT_FOUND', say('openingFilesDesktopOnly'))
      const path = await options.chooseFile()
      return path ? grant(path, 'dialog') : null
    },
    takeOpened: () => options.grants.takePending(),
    async reopen(dataset) {
      const path = await options.originalPathOf?.(dataset)
      if (!path) return null
      try {
        return await grant(path, 'library')
      } catch (error) {
        // Moved, renamed, deleted, or no longer a regular file: the page asks the user to choose it.
        if (error instanceof AppError) return null
        throw error
      }
    },
  }
}
