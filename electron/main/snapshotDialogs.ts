/**
 * The snapshot dialogs: File › Open Snapshot… and "export to…", Electron's dialogs passed in (no
 * Electron import here). Paths they return come from the user's own choice; the snapshot service
 * grants them, and takes a path from the page only when main handed it over and granted it (a
 * snapshot the OS opened).
 */
import type { BaseWindow, Dialog } from 'electron'
import { SNAPSHOT_EXTENSION } from '../shared/commands'

export const SNAPSHOT_FILTERS = [
  { name: 'China Trade Explorer snapshot', extensions: [SNAPSHOT_EXTENSION.slice(1)] },
  { name: 'All files', extensions: ['*'] },
]

type Kind = 'file' | 'folder' | 'pdf'

const SAVE_FILTERS: Record<Kind, { name: string; extensions: string[] }[]> = {
  file: [{ name: 'China Trade Explorer snapshot', extensions: [SNAPSHOT_EXTENSION.slice(1)] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  // A folder is created under the name the user types.
  folder: [],
}

const TITLES: Record<Kind, string> = {
  file: 'Save the snapshot file',
  pdf: 'Export the snapshot as PDF',
  folder: 'Export the snapshot as a folder (CSV, README, PNG)',
}

export async function chooseSnapshotFile(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: BaseWindow | null,
): Promise<string | null> {
  const options = { title: 'Open a snapshot', properties: ['openFile' as const], filters: SNAPSHOT_FILTERS }
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

export async function chooseExportTarget(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  window: BaseWindow | null,
  request: { suggestedName: string; kind: Kind },
): Promise<string | null> {
  const options = {
    title: TITLES[request.kind],
    defaultPath: request.suggestedName,
    filters: SAVE_FILTERS[request.kind],
    properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
  }
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}
