/**
 * The File › Open Recent list: the last files the user opened, newest first, kept in a small JSON file
 * under the user-data folder. Electron-free (main adds each file to the OS list too, with
 * app.addRecentDocument). The file is ours but the disk is not: whatever is in it (hand-edited,
 * truncated, another version's format, a hostile value) yields a clean list, never an exception, and a
 * file that has since been moved or deleted is dropped when the list is read.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { readJsonFile, writeFileAtomic } from './atomicFile'

export const MAX_RECENT_FILES = 10
const MAX_PATH_LENGTH = 4096
const FORMAT_VERSION = 1

export interface RecentFilesOptions {
  /** The JSON file, e.g. `<userData>/recent-files.json`. */
  file: string
  max?: number
  /** Case-insensitive file systems (Windows, macOS by default) de-duplicate `A.csv` and `a.csv`. */
  platform?: NodeJS.Platform
  /** Does the path still name a file? Defaults to a stat on disk. */
  isFile?: (file: string) => Promise<boolean>
}

export interface RecentFiles {
  /** The list, newest first, without files that no longer exist. */
  list(): Promise<string[]>
  /** Puts `file` first (moving it if already listed) and saves. Refuses a relative or odd path. */
  add(file: string): Promise<string[]>
  remove(file: string): Promise<string[]>
  clear(): Promise<void>
}

async function statIsFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile()
  } catch {
    return false
  }
}

/** A path worth keeping: an absolute path of sane length without control characters. */
export function isStorablePath(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_PATH_LENGTH &&
    !/[\u0000-\u001f]/.test(value) &&
    (path.isAbsolute(value) || path.win32.isAbsolute(value))
  )
}

/** The paths in whatever was read from disk: strings only, de-duplicated, at most `max`. Never throws. */
export function normaliseRecentList(
  raw: unknown,
  max = MAX_RECENT_FILES,
  platform: NodeJS.Platform = process.platform,
): string[] {
  let files: unknown
  if (Array.isArray(raw))
    files = raw // an older, bare-array format
  else if (raw && typeof raw === 'object' && !Array.isArray(raw)) files = (raw as { files?: unknown }).files
  if (!Array.isArray(files)) return []
  const caseless = platform === 'win32' || platform === 'darwin'
  const seen = new Set<string>()
  const out: string[] = []
  for (const file of files.slice(0, 1000)) {
    if (!isStorablePath(file)) continue
    const key = caseless ? file.toLowerCase() : file
    if (seen.has(key)) continue
    seen.add(key)
    out.push(file)
    if (out.length >= max) break
  }
  return out
}

export function createRecentFiles(options: RecentFilesOptions): RecentFiles {
  const max = Math.max(1, Math.min(options.max ?? MAX_RECENT_FILES, 100))
  const platform = options.platform ?? process.platform
  const isFile = options.isFile ?? statIsFile
  const sameFile = (a: string, b: string) =>
    platform === 'win32' || platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b
  // Writes run one after another, so two quick opens cannot lose one another's entry.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job)
    queue = next.catch(() => undefined)
    return next
  }

  async function read(): Promise<string[]> {
    const listed = normaliseRecentList(await readJsonFile(options.file), max, platform)
    const present = await Promise.all(listed.map((file) => isFile(file)))
    return listed.filter((_, i) => present[i])
  }

  async function write(files: string[]): Promise<void> {
    await writeFileAtomic(options.file, `${JSON.stringify({ version: FORMAT_VERSION, files }, null, 2)}\n`)
  }

  return {
    list: () => serial(read),
    add: (file) =>
      serial(async () => {
        // A caller's bug (the dialogs and the OS give absolute paths): English for the log; a call that
        // hit it is answered as an unexpected failure in the page's language (dispatch.ts).
        if (!isStorablePath(file))
          throw new Error('Only an absolute file path can go in the recent files list.')
        const files = [file, ...(await read()).filter((f) => !sameFile(f, file))].slice(0, max)
        await write(files)
        return files
      }),
    remove: (file) =>
      serial(async () => {
        const files = (await read()).filter((f) => !sameFile(f, file))
        await write(files)
        return files
      }),
    clear: () => serial(() => write([])),
  }
}
