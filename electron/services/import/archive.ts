/**
 * ZIP archives and the ZIP inside an xlsx workbook, read with yauzl (maintained, MIT, streaming): the
 * list of members, the first bytes of a member (to look at it without unpacking it), and one member
 * extracted into the staging folder. Limits stop zip bombs before
 * they fill the disk: the declared sizes are checked first, then the bytes actually written (a
 * member may lie about its size); a member name that is absolute or climbs out with ".." is refused
 * (yauzl rejects those names; the app never writes under a member's name anyway).
 */
import { createWriteStream } from 'node:fs'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { say } from '../../shared/messages'
import { ImportError } from './errors'

/** All members together may not unpack to more than this. */
export const MAX_UNPACKED_BYTES = 8 * 1024 ** 3
/** Nor may a member unpack to more than this many times its packed size (CSV packs 5–20×). */
export const MAX_RATIO = 200
/** Small members may compress better than any table does; the ratio is only checked above this. */
const RATIO_FLOOR = 1024 * 1024

export interface Member {
  name: string
  size: number
  packed: number
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: true }, (error, zip) =>
      error ? reject(unreadable(error)) : resolve(zip),
    ),
  )
}

/** yauzl's wording, in the user's: a ZIP we cannot read, or a member name that points outside. */
function unreadable(error: Error): ImportError {
  if (/invalid relative path|absolute path|strictFileNames|backslash/i.test(error.message)) {
    return new ImportError(say('zipUnsafeName'))
  }
  return new ImportError(say('zipUnreadable'))
}

async function withEntries<T>(
  path: string,
  visit: (zip: ZipFile, entries: Entry[]) => Promise<T>,
): Promise<T> {
  const zip = await openZip(path)
  try {
    const entries: Entry[] = await new Promise((resolve, reject) => {
      const list: Entry[] = []
      zip.on('entry', (entry: Entry) => {
        list.push(entry)
        zip.readEntry()
      })
      zip.on('end', () => resolve(list))
      zip.on('error', (error: Error) => reject(unreadable(error)))
      zip.readEntry()
    })
    return await visit(zip, entries)
  } finally {
    zip.close()
  }
}

/** The files in an archive (folders left out), after checking the declared sizes against the limits. */
export async function listMembers(path: string): Promise<Member[]> {
  return withEntries(path, async (_zip, entries) => {
    const members = entries
      .filter((e) => !e.fileName.endsWith('/'))
      .map((e) => ({ name: e.fileName, size: e.uncompressedSize, packed: e.compressedSize }))
    checkDeclared(members)
    return members
  })
}

function checkDeclared(members: readonly Member[]): void {
  const total = members.reduce((sum, m) => sum + m.size, 0)
  if (total > MAX_UNPACKED_BYTES) {
    throw new ImportError(
      say('zipTooLarge', { size: gigabytes(total), limit: gigabytes(MAX_UNPACKED_BYTES) }),
    )
  }
  for (const m of members) {
    if (m.size > RATIO_FLOOR && m.size > m.packed * MAX_RATIO) {
      throw new ImportError(
        say('zipBomb', { name: m.name.slice(0, 120), ratio: Math.round(m.size / Math.max(1, m.packed)) }),
      )
    }
  }
}

/** Gigabytes to one decimal, as a number: the page's formatter writes it in the reader's language. */
const gigabytes = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10

/**
 * Opens one member as a stream that fails once it unpacks to more than it declared (or the limits
 * allow), then hands it to `use` while the archive is open.
 */
async function withMemberStream<T>(
  path: string,
  name: string,
  use: (stream: Readable, guard: Transform) => Promise<T>,
): Promise<T> {
  return withEntries(path, async (zip, entries) => {
    const entry = entries.find((e) => e.fileName === name)
    if (!entry) throw new ImportError(say('zipNoMember', { name: name.slice(0, 120) }))
    checkDeclared([{ name, size: entry.uncompressedSize, packed: entry.compressedSize }])
    const stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (error, s) => (error ? reject(unreadable(error)) : resolve(s))),
    )
    const limit = Math.min(entry.uncompressedSize, MAX_UNPACKED_BYTES)
    let written = 0
    const guard = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        written += chunk.length
        if (written > limit) done(new ImportError(say('zipMemberOverflows', { name: name.slice(0, 120) })))
        else done(null, chunk)
      },
    })
    try {
      return await use(stream, guard)
    } catch (error) {
      if (error instanceof ImportError || (error as Error).name === 'AbortError') throw error
      throw unreadable(error as Error)
    }
  })
}

/**
 * Up to `bytes` from the start of a member (unpacked, and un-gzipped for a `.gz` member), read
 * without unpacking the rest: enough to see its layout. `complete` says the member ended within them.
 */
export async function readMemberHead(
  path: string,
  name: string,
  bytes: number,
): Promise<{ head: Buffer; complete: boolean }> {
  return withMemberStream(path, name, async (stream, guard) => {
    const source = /\.gz$/i.test(name) ? stream.pipe(guard).pipe(createGunzip()) : stream.pipe(guard)
    const chunks: Buffer[] = []
    let size = 0
    let complete = true
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        chunks.push(chunk)
        size += chunk.length
        if (size >= bytes) {
          complete = false
          break
        }
      }
    } catch (error) {
      // A gzip member cut short is still a head worth looking at.
      if (size === 0 || error instanceof ImportError) throw error
      complete = false
    } finally {
      stream.destroy()
    }
    return { head: Buffer.concat(chunks).subarray(0, bytes), complete }
  })
}

/** Writes one member to `target`, stopping when it unpacks to more than it declared or the limits allow. */
export async function extractMember(
  path: string,
  name: string,
  target: string,
  signal?: AbortSignal,
): Promise<void> {
  await withMemberStream(path, name, (stream, guard) =>
    pipeline(stream, guard, createWriteStream(target), { signal }),
  )
}
