/**
 * File › Open for importing: Electron's open dialog, passed in (no Electron import here), with the
 * file types the importer reads. Returns the chosen path or null; the importer grants it an id.
 */
import type { BaseWindow, Dialog } from 'electron'

export const IMPORT_FILTERS = [
  {
    name: 'Trade data (CSV, TSV, gzip, Parquet, JSON)',
    extensions: ['csv', 'tsv', 'txt', 'gz', 'parquet', 'json', 'ndjson'],
  },
  { name: 'All files', extensions: ['*'] },
]

export async function chooseDataFile(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: BaseWindow | null,
): Promise<string | null> {
  const options = {
    title: 'Open a trade data file',
    properties: ['openFile' as const],
    filters: IMPORT_FILTERS,
  }
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}
