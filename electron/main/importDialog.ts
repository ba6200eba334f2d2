/**
 * File › Open for importing: Electron's open dialog, passed in (no Electron import here), with the
 * file types the importer reads, worded in the app's language (wording.ts). Returns the chosen path or
 * null; the importer grants it an id.
 */
import type { BaseWindow, Dialog, FileFilter } from 'electron'
import { say } from '../shared/messages'
import { word, type MainLocale } from './wording'

export function importFilters(locale: MainLocale): FileFilter[] {
  return [
    {
      name: word(say('filterTradeData'), locale),
      extensions: ['csv', 'tsv', 'txt', 'gz', 'parquet', 'json', 'ndjson'],
    },
    { name: word(say('filterAllFiles'), locale), extensions: ['*'] },
  ]
}

export async function chooseDataFile(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: BaseWindow | null,
  locale: MainLocale,
): Promise<string | null> {
  const options = {
    title: word(say('dialogOpenDataFile'), locale),
    properties: ['openFile' as const],
    filters: importFilters(locale),
  }
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}
