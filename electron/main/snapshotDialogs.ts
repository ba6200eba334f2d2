/**
 * The snapshot dialogs: File › Open Snapshot… and "export to…", Electron's dialogs passed in (no
 * Electron import here), worded in the app's language (wording.ts). Paths they return come from the
 * user's own choice; the snapshot service grants them, and takes a path from the page only when main
 * handed it over and granted it (a snapshot the OS opened).
 */
import type { BaseWindow, Dialog, FileFilter } from 'electron'
import { SNAPSHOT_EXTENSION } from '../shared/commands'
import { say } from '../shared/messages'
import type { DesktopMessageId } from '../shared/desktopMessages'
import { word, type MainLocale } from './wording'

type Kind = 'file' | 'folder' | 'pdf'

const snapshotFilter = (locale: MainLocale): FileFilter => ({
  name: word(say('filterSnapshot'), locale),
  extensions: [SNAPSHOT_EXTENSION.slice(1)],
})

export function snapshotFilters(locale: MainLocale): FileFilter[] {
  return [snapshotFilter(locale), { name: word(say('filterAllFiles'), locale), extensions: ['*'] }]
}

function saveFilters(kind: Kind, locale: MainLocale): FileFilter[] {
  if (kind === 'file') return [snapshotFilter(locale)]
  if (kind === 'pdf') return [{ name: word(say('filterPdf'), locale), extensions: ['pdf'] }]
  // A folder is created under the name the user types.
  return []
}

const TITLES: Record<Kind, DesktopMessageId> = {
  file: 'dialogSaveSnapshot',
  pdf: 'dialogExportPdf',
  folder: 'dialogExportFolder',
}

export async function chooseSnapshotFile(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: BaseWindow | null,
  locale: MainLocale,
): Promise<string | null> {
  const options = {
    title: word(say('dialogOpenSnapshot'), locale),
    properties: ['openFile' as const],
    filters: snapshotFilters(locale),
  }
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

export async function chooseExportTarget(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  window: BaseWindow | null,
  request: { suggestedName: string; kind: Kind },
  locale: MainLocale,
): Promise<string | null> {
  const options = {
    title: word({ id: TITLES[request.kind] }, locale),
    defaultPath: request.suggestedName,
    filters: saveFilters(request.kind, locale),
    properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
  }
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}
