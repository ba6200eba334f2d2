/**
 * The user-data files the app owns (notes, the session, snapshots): bounded reads, quarantine of a
 * file that cannot be read, and recovery from the previous version that every atomic write keeps
 * (`<name>.bak`, see atomicFile.ts). A damaged file never stops the app: it is moved into
 * `<user data>/quarantine/`, the user is told (a StorageNotice), and the rest loads.
 */
import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { constants as fsConstants } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { english, say, type Said } from '../shared/messages'
import type { StorageNotice } from '../shared/notes'
import { writeFileAtomic } from './atomicFile'

export type BoundedRead =
  | { kind: 'missing' }
  | { kind: 'tooLarge'; size: number }
  | { kind: 'notFile' }
  | { kind: 'notUtf8' }
  | { kind: 'text'; text: string; size: number }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Reads a UTF-8 text file after checking its size (stat first: a 2 GB file is never read). */
export async function readBounded(path: string, maxBytes: number): Promise<BoundedRead> {
  let handle: fsp.FileHandle
  try {
    // Non-blocking, so that a FIFO (or a device) swapped in after a check never makes open() wait for a
    // writer; the stat below then refuses it. Windows has no O_NONBLOCK (nor FIFOs in the file system).
    handle = await fsp.open(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    throw error
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) return { kind: 'notFile' }
    if (info.size > maxBytes) return { kind: 'tooLarge', size: info.size }
    const bytes = await handle.readFile()
    // Never more than we checked, even if the file grew between stat and read.
    if (bytes.length > maxBytes) return { kind: 'tooLarge', size: bytes.length }
    let text: string
    try {
      text = utf8.decode(bytes)
    } catch {
      return { kind: 'notUtf8' }
    }
    return { kind: 'text', text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, size: bytes.length }
  } finally {
    await handle.close()
  }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

/** Why a document that is not JSON was refused (a snapshot's refusal names it as a message of its own). */
export const NOT_JSON = 'it is not valid JSON (cut short or damaged)'

/** Text → JSON → the caller's validation. */
export function parseJsonWith<T>(text: string, validate: (raw: unknown) => Parsed<T>): Parsed<T> {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, message: NOT_JSON }
  }
  return validate(raw)
}

/** Moves a file into `<userDataDir>/quarantine/` under a unique name; returns its new path relative to userDataDir. */
export async function quarantine(file: string, userDataDir: string): Promise<string> {
  const dir = join(userDataDir, 'quarantine')
  await fsp.mkdir(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const target = join(dir, `${basename(file)}.${stamp}.${randomBytes(3).toString('hex')}`)
  try {
    await fsp.rename(file, target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await fsp.copyFile(file, target)
    await fsp.rm(file, { force: true })
  }
  return relative(userDataDir, target).split('\\').join('/')
}

/** Why a bounded read of a file that is there could not give a value, as a catalogued message. */
function problemOf(read: Exclude<BoundedRead, { kind: 'text' | 'missing' }>, maxBytes: number): Said {
  switch (read.kind) {
    case 'tooLarge':
      // The sizes as written (2048.0 MB), which the page's number formatter would shorten.
      return say('storedTooLarge', {
        size: (read.size / 1024 / 1024).toFixed(1),
        limit: (maxBytes / 1024 / 1024).toFixed(0),
      })
    case 'notFile':
      return say('storedNotFile')
    case 'notUtf8':
      return say('storedNotUtf8')
  }
}

export interface LoadedDocument<T> {
  value: T | null
  notices: StorageNotice[]
  /**
   * Why the file itself was set aside where the storage refused it before its JSON was read (too
   * large, not a file, not UTF-8), so that a caller can word it in the page's language.
   */
  refused?: Said
}

/**
 * Loads a JSON document the app wrote: the file, else (if it is damaged) its `.bak`. A damaged file is
 * quarantined and reported; a good `.bak` is written back as the file, so the next start is clean.
 * A missing file is simply null (never saved yet).
 */
export async function loadDocument<T>(
  path: string,
  options: {
    userDataDir: string
    maxBytes: number
    validate: (raw: unknown) => Parsed<T>
    serialize: (value: T) => string
  },
): Promise<LoadedDocument<T>> {
  const attempt = async (
    file: string,
  ): Promise<{ ok: true; value: T } | { ok: false; missing: boolean; message: string; said?: Said }> => {
    const read = await readBounded(file, options.maxBytes)
    if (read.kind === 'missing') return { ok: false, missing: true, message: 'missing' }
    if (read.kind !== 'text') {
      const said = problemOf(read, options.maxBytes)
      return { ok: false, missing: false, message: english(said), said }
    }
    const parsed = parseJsonWith(read.text, options.validate)
    return parsed.ok
      ? { ok: true, value: parsed.value }
      : { ok: false, missing: false, message: parsed.message }
  }

  const main = await attempt(path)
  if (main.ok) return { value: main.value, notices: [] }
  if (main.missing) return { value: null, notices: [] }

  const quarantinedAs = await quarantine(path, options.userDataDir)
  const refused = main.said ? { refused: main.said } : {}
  const backup = await attempt(`${path}.bak`)
  if (backup.ok) {
    // Back in place; the .bak stays as it is (it is what we just restored).
    await writeFileAtomic(path, options.serialize(backup.value))
    return {
      value: backup.value,
      notices: [{ file: basename(path), problem: clip(main.message), quarantinedAs, recovered: 'backup' }],
      ...refused,
    }
  }
  if (!backup.missing) await quarantine(`${path}.bak`, options.userDataDir)
  return {
    value: null,
    notices: [{ file: basename(path), problem: clip(main.message), quarantinedAs, recovered: 'empty' }],
    ...refused,
  }
}

const clip = (text: string) => (text.length > 480 ? `${text.slice(0, 480)}…` : text)

/**
 * Temporary files a killed process left behind (`.<name>.<pid>.<random>.tmp[.bak]`, atomicFile.ts), in a
 * folder the caller owns; with `name`, only those of that file (the folder is shared with other writers).
 */
export async function removeStaleTemps(dir: string, name?: string): Promise<void> {
  let names: string[]
  try {
    names = await fsp.readdir(dir)
  } catch {
    return
  }
  await Promise.all(
    names
      .filter((n) => n.startsWith(name ? `.${name}.` : '.') && /\.tmp(\.bak)?$/.test(n))
      .map((n) => fsp.rm(join(dir, n), { force: true }).catch(() => {})),
  )
}

/** Runs writes one after another: two saves never interleave, and a failed one does not block the next. */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task)
    tail = run.catch(() => {})
    return run
  }
}
