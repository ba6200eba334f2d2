/**
 * How deeply a JSON or NDJSON file nests, measured before DuckDB sees it: DuckDB's JSON reader recurses
 * once per level and a file nested tens of thousands deep (`[[[[…]]]]`, 60 KB is enough) crashes the
 * process that runs it. A streaming scan with constant memory: it counts brackets outside strings, and
 * stops as soon as the limit is passed. Trade data nests a handful of levels (SDMX-JSON about a dozen).
 */
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { say, type Said } from '../../shared/messages'
import { ImportError } from './errors'

/** Far above any real statistical file, far below where a recursive reader falls over. */
export const MAX_JSON_DEPTH = 100

const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const QUOTE = 0x22
const BACKSLASH = 0x5c

/** A scanner fed chunk by chunk; `depth` is the deepest level seen so far. */
export function createDepthScanner() {
  let level = 0
  let deepest = 0
  let inString = false
  let escaped = false
  return {
    feed(chunk: Uint8Array): void {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!
        if (inString) {
          if (escaped) escaped = false
          else if (byte === BACKSLASH) escaped = true
          else if (byte === QUOTE) inString = false
        } else if (byte === QUOTE) inString = true
        else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
          if (++level > deepest) deepest = level
        } else if ((byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) && level > 0) level--
      }
    },
    get depth() {
      return deepest
    },
  }
}

/**
 * Refuses a file nested deeper than `limit`, reading it once as a stream and stopping early. `part`
 * names a part of a data package ("resource x (file)"); the caller puts the file's name first.
 */
export async function checkJsonDepth(
  path: string,
  part: string | undefined,
  options: { gzip?: boolean; limit?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const limit = options.limit ?? MAX_JSON_DEPTH
  const of = (detail: Said) => (part ? say('partDoes', { part, detail }) : detail)
  const scanner = createDepthScanner()
  const file = createReadStream(path, { highWaterMark: 1 << 20 })
  const stream = options.gzip ? file.pipe(createGunzip()) : file
  try {
    for await (const chunk of stream) {
      options.signal?.throwIfAborted()
      scanner.feed(chunk as Buffer)
      if (scanner.depth > limit) break
    }
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw new ImportError(of(say(options.gzip ? 'gzipJsonUnreadable' : 'jsonUnreadable')))
  } finally {
    file.destroy()
  }
  if (scanner.depth > limit) throw new ImportError(of(say('jsonTooDeep', { limit })))
}
