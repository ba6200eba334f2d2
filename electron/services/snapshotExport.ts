/**
 * Exporting a snapshot from the library: the `.ctesnap` file itself, a folder with the numbers as CSV,
 * a README of notes and sources, the chart as PNG and the snapshot, or a PDF through the platform's
 * printer. Where to write comes from main's own save dialog, never from the page.
 */
import * as fsp from 'node:fs/promises'
import { basename, extname, isAbsolute, join } from 'node:path'
import { SNAPSHOT_EXTENSION } from '../shared/commands'
import { AppError } from '../shared/errors'
import { say } from '../shared/messages'
import { serializeSnapshot, type Snapshot } from '../shared/snapshot'
import { snapshotReadme } from '../shared/snapshotReadme'
import { slugOf } from '../shared/slug'
import { numbersCsv } from '../shared/tableCsv'
import type { ExportKind } from '../shared/workspaceApi'
import { writeFileAtomic } from './atomicFile'

/** The platform's save dialog and printer. Absent in a plain browser: export then says it needs the desktop app. */
export interface ExportPlatform {
  /** Where to export: a path for the file (or the folder to create), or null if cancelled. */
  chooseExportTarget?: (request: { suggestedName: string; kind: ExportKind }) => Promise<string | null>
  /** The snapshot's print view as PDF bytes (Electron: printToPDF of the print page). */
  printPdf?: (id: string) => Promise<Uint8Array>
}

export interface ExportResult {
  /** The base name of the file or folder written (never a full path). */
  name: string
  files: string[]
}

/** Exports the library's snapshot `id`; null if the user cancelled the dialog. */
export async function exportSnapshot(
  snapshot: Snapshot,
  id: string,
  kind: ExportKind,
  platform: ExportPlatform,
): Promise<ExportResult | null> {
  const choose = platform.chooseExportTarget
  if (!choose || (kind === 'pdf' && !platform.printPdf)) {
    throw new AppError('NOT_FOUND', say(kind === 'pdf' ? 'pdfDesktopOnly' : 'exportDesktopOnly'))
  }
  const slug = slugOf(snapshot.title, 'snapshot')
  const pdf = kind === 'pdf' ? await platform.printPdf!(id) : null
  let target = await choose({
    suggestedName: kind === 'file' ? `${slug}${SNAPSHOT_EXTENSION}` : kind === 'pdf' ? `${slug}.pdf` : slug,
    kind,
  })
  if (!target) return null
  if (!isAbsolute(target)) throw new AppError('INVALID_ARGUMENT', say('exportNotFullPath'))
  if (kind === 'file') {
    if (extname(target).toLowerCase() !== SNAPSHOT_EXTENSION) target += SNAPSHOT_EXTENSION
    await writeFileAtomic(target, serializeSnapshot(snapshot))
    return { name: basename(target), files: [basename(target)] }
  }
  if (kind === 'pdf') {
    if (extname(target).toLowerCase() !== '.pdf') target += '.pdf'
    await writeFileAtomic(target, pdf!)
    return { name: basename(target), files: [basename(target)] }
  }
  // A folder (no zip library is bundled): data.csv, README.md, chart.png and the snapshot itself.
  const existing = await fsp.readdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[]
    if (error.code === 'ENOTDIR')
      throw new AppError('INVALID_ARGUMENT', say('exportTargetIsFile', { name: basename(target!) }))
    throw error
  })
  const files = [
    'data.csv',
    'README.md',
    ...(snapshot.image ? ['chart.png'] : []),
    `snapshot${SNAPSHOT_EXTENSION}`,
  ]
  if (existing.some((n) => !files.includes(n)))
    throw new AppError('INVALID_ARGUMENT', say('exportFolderNotEmpty', { name: basename(target) }))
  await fsp.mkdir(target, { recursive: true })
  await writeFileAtomic(join(target, 'data.csv'), numbersCsv(snapshot.numbers, snapshot.sources))
  await writeFileAtomic(join(target, 'README.md'), snapshotReadme(snapshot, files))
  if (snapshot.image)
    await writeFileAtomic(join(target, 'chart.png'), Buffer.from(snapshot.image.data, 'base64'))
  await writeFileAtomic(join(target, `snapshot${SNAPSHOT_EXTENSION}`), serializeSnapshot(snapshot))
  return { name: basename(target), files }
}
