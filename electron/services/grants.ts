/**
 * The files the user chose, and nothing else: the one grant registry, for imported files and snapshot
 * files alike. A path enters only from the main process's own sources — the open dialog, a drop (the
 * preload resolves a dropped File to its path), "Open with" from the OS — and is checked here (a
 * regular file, by its real path), or is the file an imported dataset was read from, which the library
 * recorded when the user chose it; the page gets an opaque id. Import calls carry ids only; a path or
 * a forged id is refused. The original files are only ever read.
 */
import { randomBytes } from 'node:crypto'
import { realpath, stat } from 'node:fs/promises'
import { basename, isAbsolute } from 'node:path'
import { AppError } from '../shared/errors'
import { say } from '../shared/messages'
import type { GrantedFile } from '../shared/importApi'

/**
 * `library`: the file an imported dataset was read from, where the library recorded it, granted again
 * when the user asks to import that dataset again (desk.ts, reopen).
 */
export type GrantSource = 'dialog' | 'drop' | 'open-with' | 'library'

/** Files that arrive from outside the page (a drop, "Open with"): announced to it, and taken by the Import page. */
export const fromOutside = (via: GrantSource): boolean => via === 'drop' || via === 'open-with'

export interface Grant extends GrantedFile {
  path: string
  via: GrantSource
}

export interface Grants {
  grant(path: string, via: GrantSource): Promise<Grant>
  /** The grant behind an id; refuses anything else with a message the user can act on. */
  resolve(fileId: unknown): Grant
  /** Files opened from outside the page (drop, "Open with") that the Import page has not shown yet. */
  takePending(): GrantedFile[]
  /**
   * Takes over a grant made by another registry (main's, mirrored into the engine process): same id,
   * same path, already checked there.
   */
  adopt(grant: Grant): void
}

/** How many grants a registry keeps; the oldest is forgotten beyond it. */
const MAX_GRANTS = 200
const MAX_PATH = 4096

/** A chosen file, checked: its real path, its name as the user knows it, its size. */
export interface CheckedFile {
  real: string
  name: string
  size: number
}

/**
 * Checks a path from one of main's own sources: absolute, of sane length, existing, and a regular file
 * (opening a FIFO or a device would wait forever or never end). Refuses with a message the user can act on.
 */
export async function checkChosenFile(path: unknown): Promise<CheckedFile> {
  if (
    typeof path !== 'string' ||
    path.length === 0 ||
    path.length > MAX_PATH ||
    path.includes('\u0000') ||
    !isAbsolute(path)
  ) {
    throw new AppError('INVALID_ARGUMENT', say('notOpenable'))
  }
  let real: string
  try {
    real = await realpath(path)
  } catch {
    throw new AppError('NOT_FOUND', say('fileMissing', { name: basename(path) }))
  }
  const info = await stat(real)
  if (!info.isFile()) throw new AppError('INVALID_ARGUMENT', say('notRegularFile', { name: basename(path) }))
  return { real, name: basename(path), size: info.size }
}

/** Registers a grant, forgetting the oldest beyond MAX_GRANTS. */
export function rememberGrant<K, V>(registry: Map<K, V>, key: K, value: V): void {
  registry.set(key, value)
  if (registry.size > MAX_GRANTS) registry.delete(registry.keys().next().value!)
}

export function createGrants(): Grants {
  const byId = new Map<string, Grant>()
  let pending: GrantedFile[] = []
  const remember = (grant: Grant) => rememberGrant(byId, grant.fileId, grant)
  return {
    async grant(path, via) {
      const { real, name, size } = await checkChosenFile(path)
      const grant: Grant = { fileId: `f-${randomBytes(16).toString('hex')}`, name, size, path: real, via }
      remember(grant)
      if (fromOutside(via))
        pending = [...pending.slice(-19), { fileId: grant.fileId, name: grant.name, size: grant.size }]
      return grant
    },
    resolve(fileId) {
      const grant = typeof fileId === 'string' ? byId.get(fileId) : undefined
      if (!grant) {
        throw new AppError('NOT_FOUND', say('unknownFileId'))
      }
      return grant
    },
    takePending() {
      const taken = pending
      pending = []
      return taken
    },
    adopt: remember,
  }
}
