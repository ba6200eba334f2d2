/**
 * A version's stored files, checked before the charts read them: a file deleted, truncated or
 * overwritten in the library folder (by hand, a disk error, a sync tool) is answered in plain words
 * naming the dataset, never with DuckDB's error and the file's path. The check is cheap (a stat and
 * the eight bytes of a Parquet file's two magic numbers per file, once per version), so opening the
 * library stays fast; nothing is hashed.
 */
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { say } from '../../shared/messages'
import type { DatasetEntry } from './library'

/** Every version has these; products.parquet may be made on first use (queries.ts), so it is optional. */
const REQUIRED = ['facts.parquet', 'dims.parquet', 'summary.parquet'] as const
const OPTIONAL = ['products.parquet'] as const
const MAGIC = 'PAR1'

/** Does a Parquet file start and end with its magic number? False if it is missing or too short. */
async function parquetIntact(file: string, required: boolean): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => null)
  if (!handle) return !required
  try {
    const { size } = await handle.stat()
    // The smallest Parquet file: both magic numbers and the footer's length.
    if (size < 12) return false
    const head = Buffer.alloc(4)
    const tail = Buffer.alloc(4)
    await handle.read(head, 0, 4, 0)
    await handle.read(tail, 0, 4, size - 4)
    return head.toString('latin1') === MAGIC && tail.toString('latin1') === MAGIC
  } finally {
    await handle.close()
  }
}

/**
 * Version folders a read found damaged where the cheap check cannot see it (bytes changed inside a
 * file). Kept for the session: importing the file again makes a new version in a folder of its own.
 */
const damaged = new Set<string>()

/** Are a version folder's stored files all there and not cut short or replaced? */
export async function storedIntact(dir: string): Promise<boolean> {
  if (damaged.has(dir)) return false
  const checks = await Promise.all([
    ...REQUIRED.map((name) => parquetIntact(join(dir, name), true)),
    ...OPTIONAL.map((name) => parquetIntact(join(dir, name), false)),
  ])
  return checks.every(Boolean)
}

/** The refusal a damaged version answers with, naming the dataset (the page marks that dataset damaged). */
export function damagedError(entry: DatasetEntry): AppError {
  return new AppError(
    'DAMAGED',
    say('datasetDamaged', { name: entry.title, file: entry.fileName }),
    entry.title,
  )
}

/** DuckDB's wording for a Parquet file it could not open or read (a damaged middle passes the magic check). */
const STORAGE_FAILURE =
  /IO Error|No files found|Cannot open file|No such file|No magic bytes|Invalid Parquet|Corrupt|truncated|TProtocol|Thrift/i

/**
 * Reads of one version through a guard: its files are checked on first use (the answer is kept per
 * folder; a version's files never change), and a read that fails on them gives the plain refusal,
 * as does every call on that version after it.
 */
export function createStoredGuard() {
  const checked = new Map<string, Promise<boolean>>()
  return async function guarded<T>(entry: DatasetEntry, dir: string, read: () => Promise<T>): Promise<T> {
    let intact = checked.get(dir)
    if (!intact) {
      intact = storedIntact(dir)
      checked.set(dir, intact)
    }
    if (!(await intact)) throw damagedError(entry)
    try {
      return await read()
    } catch (error) {
      if (error instanceof AppError) throw error
      if (STORAGE_FAILURE.test(error instanceof Error ? error.message : '') || !(await storedIntact(dir))) {
        // Every later call on this version is refused too, not only those reading the damaged file.
        damaged.add(dir)
        checked.set(dir, Promise.resolve(false))
        throw damagedError(entry)
      }
      throw error
    }
  }
}
