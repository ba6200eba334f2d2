/**
 * Atomic file replacement: write a temporary file beside the target, flush it to disk, then rename it
 * over the target (atomic on one file system). A crash or a full disk leaves either the old file or
 * the new one, never half of one; no temporary file is left behind. With `keepPrevious`, the file being
 * replaced is kept as `<name>.bak`. Parent folders are created as needed.
 */
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** The file-system calls used, replaceable in tests (e.g. to simulate a full disk). */
export interface AtomicFs {
  open: typeof fsp.open
  rename: typeof fsp.rename
  copyFile: typeof fsp.copyFile
  rm: typeof fsp.rm
}

const realFs: AtomicFs = { open: fsp.open, rename: fsp.rename, copyFile: fsp.copyFile, rm: fsp.rm }

/**
 * Windows refuses a rename for a moment while an antivirus scanner or the search indexer holds the
 * target (EPERM, EBUSY or EACCES). These are transient: retry a few times with a growing pause, then
 * give up with the error (about a second in all), leaving the old file in place.
 */
export const RENAME_RETRIES = 6
const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES'])
const pause = (attempt: number) => 10 * 2 ** attempt

export function isTransientRenameError(error: unknown): boolean {
  return TRANSIENT.has((error as NodeJS.ErrnoException | null)?.code ?? '')
}

async function renameWithRetry(fs: AtomicFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fs.rename(from, to)
    } catch (error) {
      if (attempt >= RENAME_RETRIES || !isTransientRenameError(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, pause(attempt)))
    }
  }
}

function renameWithRetrySync(from: string, to: string, rename: typeof renameSync = renameSync): void {
  for (let attempt = 0; ; attempt++) {
    try {
      return rename(from, to)
    } catch (error) {
      if (attempt >= RENAME_RETRIES || !isTransientRenameError(error)) throw error
      // A synchronous save (while quitting) cannot yield; block this thread for the pause instead.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause(attempt))
    }
  }
}

function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { keepPrevious?: boolean; fs?: AtomicFs } = {},
): Promise<void> {
  const fs = options.fs ?? realFs
  const dir = dirname(path)
  await fsp.mkdir(dir, { recursive: true })
  const tmp = tempName(path)
  try {
    const handle = await fs.open(tmp, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (options.keepPrevious) {
      const bakTmp = `${tmp}.bak`
      const copied = await fs.copyFile(path, bakTmp).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false
          throw error
        },
      )
      if (copied) await renameWithRetry(fs, bakTmp, `${path}.bak`)
    }
    await renameWithRetry(fs, tmp, path)
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => {})
    await fs.rm(`${tmp}.bak`, { force: true }).catch(() => {})
    throw error
  }
  await syncDir(dir)
}

/** The same, synchronously: for state saved while the app quits (e.g. the window's bounds). */
export function writeFileAtomicSync(
  path: string,
  data: string | Uint8Array,
  options: { rename?: typeof renameSync } = {},
): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = tempName(path)
  try {
    const fd = openSync(tmp, 'wx')
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data
      let written = 0
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameWithRetrySync(tmp, path, options.rename)
  } catch (error) {
    rmSync(tmp, { force: true })
    throw error
  }
}

/**
 * A small JSON file, or null when it is missing, larger than `maxBytes`, or not JSON. What it holds is
 * untrusted: callers validate it.
 */
export async function readJsonFile(path: string, maxBytes = 1024 * 1024): Promise<unknown> {
  try {
    const handle = await fsp.open(path, 'r')
    try {
      const { size } = await handle.stat()
      if (size > maxBytes) return null
      return JSON.parse(await handle.readFile('utf8')) as unknown
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
}

/** Flushes a directory entry (the rename) to disk; not supported on every platform, so best effort. */
export async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await fsp.open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Windows cannot open a directory for fsync; the rename is still atomic there.
  }
}
