/**
 * What kind of file is this? Reads the first megabyte only (decompressing it if it is gzip) and
 * decides: container format (CSV/TSV, Parquet, JSON, NDJSON, a Frictionless data package), compression,
 * text encoding, delimiter, how many preamble lines come before the header, the header itself, sample
 * rows and the number style (thousands separator, decimal comma). Every refusal here is a message for
 * the user that names the problem; nothing is read past the sample.
 */
import { open } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import chardet from 'chardet'
import { decoderFor } from './textDecoding'
import { listMembers } from './archive'
import { isBlankRow, readCsv } from '../../shared/csv'
import { say } from '../../shared/messages'
import { ImportError } from './errors'

export type Format = 'csv' | 'parquet' | 'json' | 'ndjson' | 'datapackage' | 'xlsx' | 'zip'
export type Compression = 'none' | 'gzip'
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'gb18030' | 'big5'

export interface NumberStyle {
  decimal: '.' | ','
  thousands: '' | ',' | '.' | ' '
}

export interface Sniffed {
  format: Format
  compression: Compression
  encoding: Encoding
  /** CSV only. */
  delimiter: string
  /** Lines before the header row (e.g. the four preamble lines of a World Bank file). */
  skipLines: number
  header: string[]
  /** Up to SAMPLE_ROWS data rows after the header, complete rows only. */
  sample: string[][]
  numberStyle: NumberStyle
  /** Average bytes per data line in the sample, to estimate row counts during an import. */
  bytesPerLine: number
  /**
   * Data rows end with one more (empty) field than the header names: the trailing delimiter of a
   * Comtrade Plus download. The reader gives that field a column of its own, which nothing reads.
   */
  trailingField: boolean
  /** The title block above the header, one line of text per non-blank line ("Unit : US Dollar thousand"). */
  notes: string[]
}

export const HEAD_BYTES = 1024 * 1024
const SAMPLE_ROWS = 200
const DELIMITERS = [',', ';', '\t', '|'] as const

/** Reads up to `bytes` from the start of the file, decompressed if it is gzip. */
export async function readHead(
  path: string,
  bytes = HEAD_BYTES,
): Promise<{ raw: Buffer; gzip: boolean; truncated: boolean }> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
    const raw = buffer.subarray(0, bytesRead)
    const size = (await handle.stat()).size
    if (raw[0] === 0x1f && raw[1] === 0x8b)
      return { raw: await gunzipHead(path, bytes), gzip: true, truncated: true }
    return { raw, gzip: false, truncated: size > bytesRead }
  } finally {
    await handle.close()
  }
}

async function gunzipHead(path: string, bytes: number): Promise<Buffer> {
  const { createReadStream } = await import('node:fs')
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const input = createReadStream(path)
    const gunzip = createGunzip()
    const finish = () => {
      input.destroy()
      gunzip.destroy()
      resolve(Buffer.concat(chunks).subarray(0, bytes))
    }
    gunzip.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      size += chunk.length
      if (size >= bytes) finish()
    })
    gunzip.on('end', finish)
    gunzip.on('error', (error) => {
      if (size > 0) finish()
      else reject(new ImportError(say('gzipUnreadable', { problem: error.message })))
    })
    input.on('error', reject)
    input.pipe(gunzip)
  })
}

const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])

/** The text encoding of a sample: byte-order marks first, then UTF-8, GB18030 and Windows-1252. */
export function detectEncoding(raw: Buffer): { encoding: Encoding; bomBytes: number } {
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 }
  if (raw[0] === 0xff && raw[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 }
  if (raw[0] === 0xfe && raw[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 }
  const sample = raw.subarray(0, 64 * 1024)
  // UTF-16 without a byte-order mark: ASCII text with a zero byte beside every character.
  let evenZeros = 0
  let oddZeros = 0
  let controls = 0
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!
    if (b === 0) {
      if (i % 2 === 0) evenZeros++
      else oddZeros++
    } else if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) controls++
  }
  const half = sample.length / 2
  if (half > 8 && oddZeros > half * 0.4 && evenZeros < half * 0.05)
    return { encoding: 'utf-16le', bomBytes: 0 }
  if (half > 8 && evenZeros > half * 0.4 && oddZeros < half * 0.05)
    return { encoding: 'utf-16be', bomBytes: 0 }
  if (evenZeros + oddZeros > 0 || controls > sample.length * 0.01) {
    throw new ImportError(say('binaryData'))
  }
  if (decodes(sample, 'utf-8')) return { encoding: 'utf-8', bomBytes: 0 }
  // Not UTF-8: a statistical detector (chardet, maintained, MIT) weighs the byte patterns. Latin-1 text
  // such as "C\xf4te d'Ivoire" also decodes as GB18030 ("C魌e"), so "it decodes" alone cannot decide.
  // On a tie (short samples score alike) GB18030 goes first: simplified Chinese is this app's usual case.
  const guesses = chardet
    .analyse(sample)
    .flatMap((g) => (LEGACY[g.name] ? [{ encoding: LEGACY[g.name]!, confidence: g.confidence }] : []))
    .sort(
      (a, b) =>
        b.confidence - a.confidence || Number(b.encoding === 'gb18030') - Number(a.encoding === 'gb18030'),
    )
  for (const { encoding } of guesses) {
    // Node's windows-1252 decoder accepts the five bytes that code page leaves undefined: check them here.
    const undefinedByte = encoding === 'windows-1252' && sample.some((b) => CP1252_UNDEFINED.has(b))
    if (!undefinedByte && decodes(sample, encoding)) return { encoding, bomBytes: 0 }
  }
  if (!sample.some((b) => CP1252_UNDEFINED.has(b))) return { encoding: 'windows-1252', bomBytes: 0 }
  throw new ImportError(say('unknownEncoding'))
}

/** The detector's names for the legacy encodings the app reads. */
const LEGACY: Record<string, Encoding> = {
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  GB18030: 'gb18030',
  Big5: 'big5',
}

/** Fatal decode of a sample whose end may cut a character in two. */
function decodes(sample: Buffer, encoding: string): boolean {
  try {
    const decoder = new TextDecoder(encoding, { fatal: true })
    decoder.decode(sample, { stream: true })
    return true
  } catch {
    return false
  }
}

export function decodeSample(raw: Buffer, encoding: Encoding, bomBytes: number): string {
  const body = raw.subarray(bomBytes)
  if (encoding === 'utf-16be') {
    // TextDecoder knows utf-16be; the stream flag drops a half character at the cut.
    return new TextDecoder('utf-16be').decode(body, { stream: true })
  }
  return decoderFor(encoding)
    .decode(body, { stream: true })
    .replace(/^\uFEFF/, '')
}

export async function sniffFile(path: string, name: string): Promise<Sniffed> {
  const { raw, gzip, truncated } = await readHead(path)
  return sniffHead(raw, { gzip, truncated, name }, async () => {
    const names = (await listMembers(path)).map((m) => m.name)
    return names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('xl/'))
  })
}

/**
 * What the first bytes of a file (at most HEAD_BYTES, already un-gzipped) say about it. `isWorkbook`
 * tells an xlsx from any other ZIP; a file inside an archive has none, as an archive in an archive is
 * not read.
 */
export async function sniffHead(
  raw: Buffer,
  { gzip, truncated, name }: { gzip: boolean; truncated: boolean; name: string },
  isWorkbook?: () => Promise<boolean>,
): Promise<Sniffed> {
  if (raw.length === 0) throw new ImportError(say(gzip ? 'gzipEmpty' : 'fileEmpty'))
  const compression: Compression = gzip ? 'gzip' : 'none'
  const magic = raw.subarray(0, 4).toString('latin1')
  if (magic === 'PAR1') return { ...empty(), format: 'parquet', compression }
  if (magic === 'PK\u0003\u0004' || magic === 'PK\u0005\u0006') {
    if (!isWorkbook) throw new ImportError(say('zipInZip'))
    return { ...empty(), format: (await isWorkbook()) ? 'xlsx' : 'zip', compression }
  }
  if (magic === '\u00d0\u00cf\u0011\u00e0') {
    throw new ImportError(say('oldExcel'))
  }
  const { encoding, bomBytes } = detectEncoding(raw)
  const text = decodeSample(raw, encoding, bomBytes)
  const first = text.trimStart()[0]
  if (first === '<') {
    throw new ImportError(say('webPage'))
  }
  if (first === '{' || first === '[') {
    if (
      /(^|[\\/])datapackage\.json$/i.test(name) ||
      /^\s*\{[\s\S]*"resources"\s*:/.test(text.slice(0, 4096))
    ) {
      return { ...empty(), format: 'datapackage', compression, encoding }
    }
    const lines = text.split('\n').filter((l) => l.trim())
    const ndjson = first === '{' && lines.length > 1 && lines.slice(0, 2).every((l) => isJsonObject(l))
    return { ...empty(), format: ndjson ? 'ndjson' : 'json', compression, encoding }
  }
  return sniffCsv(text, truncated, compression, encoding)
}

function isJsonObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}

function empty(): Sniffed {
  return {
    format: 'csv',
    compression: 'none',
    encoding: 'utf-8',
    delimiter: ',',
    skipLines: 0,
    header: [],
    sample: [],
    numberStyle: { decimal: '.', thousands: '' },
    bytesPerLine: 100,
    trailingField: false,
    notes: [],
  }
}

export function sniffCsv(
  text: string,
  truncated: boolean,
  compression: Compression,
  encoding: Encoding,
): Sniffed {
  if (truncated && !/[\r\n]/.test(text)) {
    throw new ImportError(say('firstLineTooLong', { size: Math.round(HEAD_BYTES / 1024 / 1024) }))
  }
  const delimiter = chooseDelimiter(text, truncated)
  const parsed = readCsv(text, { delimiter, maxRows: SAMPLE_ROWS + 40 })
  let rows = parsed.rows
  let lines = parsed.lines
  // A cut sample ends in a partial record: drop it.
  if (truncated && !parsed.lastComplete && rows.length > 1) {
    rows = rows.slice(0, -1)
    lines = lines.slice(0, -1)
  }
  const headerIndex = findHeader(rows)
  if (headerIndex < 0) throw new ImportError(say('onlyBlankLines'))
  const header = rows[headerIndex]!.map((h) => h.trim())
  refuseDataAsHeader(header, lines[headerIndex] ?? 1)
  const sample = rows
    .slice(headerIndex + 1)
    .filter((r) => !isBlankRow(r))
    .slice(0, SAMPLE_ROWS)
  const notes = rows
    .slice(0, headerIndex)
    .map((r) =>
      r
        .map((c) => c.trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean)
  const dataText = sample.length > 0 ? sample.map((r) => r.join(delimiter)).join('\n') : ''
  return {
    format: 'csv',
    compression,
    encoding,
    delimiter,
    skipLines: (lines[headerIndex] ?? 1) - 1,
    header,
    sample,
    numberStyle: detectNumberStyle(sample, delimiter),
    bytesPerLine: sample.length > 0 ? Math.max(8, Buffer.byteLength(dataText) / sample.length + 1) : 100,
    trailingField: hasTrailingField(header, sample),
    notes,
  }
}

/** Every sample row has exactly one field more than the header, and that field is empty. */
function hasTrailingField(header: readonly string[], sample: readonly (readonly string[])[]): boolean {
  if (sample.length === 0 || header[header.length - 1] === '') return false
  return sample.every((r) => r.length === header.length + 1 && r[header.length]!.trim() === '')
}

/** A number that is not a year: 9680795326, 1,187.5, -7.2 (a header may name years: "2013", "2014"). */
const DATA_NUMBER = /^[+-]?(\d[\d,.  ]*)$/
const YEAR_LIKE = /^(1[89]|2[01])\d\d$/

/** A header row names columns; a row that is mostly numbers is data, and the file has no header. */
function refuseDataAsHeader(header: readonly string[], line: number): void {
  const filled = header.filter((h) => h !== '')
  const numbers = filled.filter((h) => DATA_NUMBER.test(h) && !YEAR_LIKE.test(h))
  if (numbers.length > 0 && numbers.length * 2 >= filled.length) {
    throw new ImportError(
      say('dataAsHeader', { line, numbers: { list: numbers.slice(0, 3).map((n) => `'${n.slice(0, 20)}'`) } }),
    )
  }
}

/** The delimiter that splits the first lines into the most columns, consistently. */
export function chooseDelimiter(text: string, truncated: boolean): string {
  let best: string = ','
  let bestScore = 0
  for (const d of DELIMITERS) {
    const parsed = readCsv(text, { delimiter: d, maxRows: 60 })
    let rows = parsed.rows.filter((r) => !isBlankRow(r))
    if (truncated && !parsed.lastComplete && rows.length > 1) rows = rows.slice(0, -1)
    if (rows.length === 0) continue
    // The data rows decide the column count (preamble lines come first); every row counts for consistency.
    const modal = mode(rows.slice(Math.min(rows.length - 1, 5)).map((r) => r.length))
    if (modal < 2) continue
    const counts = rows.map((r) => r.length)
    const consistency = counts.filter((c) => c === modal).length / counts.length
    const score = consistency * Math.log2(modal + 1)
    if (score > bestScore + 1e-9) {
      best = d
      bestScore = score
    }
  }
  return best
}

/**
 * The header is the first row that fills as many columns as the data rows do. Widths count up to the
 * last non-empty cell, so a title line padded with delimiters ("Unit : US Dollar thousand,,,,,") is
 * narrow, and a header without the data rows' trailing delimiter is as wide as they are.
 */
function findHeader(rows: string[][]): number {
  const nonBlank = rows.map((r, i) => ({ r, i })).filter(({ r }) => !isBlankRow(r))
  if (nonBlank.length === 0) return -1
  const modal = mode(nonBlank.slice(Math.min(nonBlank.length - 1, 5)).map(({ r }) => filledWidth(r)))
  const found = nonBlank.find(({ r }) => filledWidth(r) >= modal && r.length >= 2)
  return (found ?? nonBlank[0]!).i
}

function filledWidth(row: readonly string[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i]!.trim() !== '') return i + 1
  return 0
}

function mode(values: number[]): number {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best = 0
  let bestCount = 0
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && v > best)) [best, bestCount] = [v, c]
  return best
}

const NUMERIC = /^[+-]?[\d.,  ]*\d[\d.,  ]*$/

/** Thousands separators and decimal commas, decided from the sample's number-like cells. */
export function detectNumberStyle(sample: string[][], delimiter: string): NumberStyle {
  let commaThousands = 0
  let dotThousands = 0
  let decimalComma = 0
  let decimalDot = 0
  let spaceThousands = 0
  for (const row of sample) {
    for (const raw of row) {
      const cell = raw.trim()
      if (!NUMERIC.test(cell) || !/[.,  ]/.test(cell)) continue
      if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cell) && cell.includes('.')) commaThousands += 2
      else if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(cell) && cell.includes(',')) dotThousands += 2
      else if (/^[+-]?\d{1,3}([  ]\d{3})+([.,]\d+)?$/.test(cell)) spaceThousands++
      else if (/^[+-]?\d{1,3}(,\d{3})+$/.test(cell)) commaThousands++
      else if (/^[+-]?\d{1,3}(\.\d{3}){2,}$/.test(cell)) dotThousands++
      else if (/^[+-]?\d*,\d+$/.test(cell)) decimalComma++
      else if (/^[+-]?\d*\.\d+$/.test(cell)) decimalDot++
    }
  }
  // A comma inside an unquoted field cannot occur in a comma-separated file, so only other delimiters count it.
  if (delimiter !== ',' && (dotThousands > 0 || decimalComma > decimalDot))
    return { decimal: ',', thousands: dotThousands > 0 ? '.' : spaceThousands > 0 ? ' ' : '' }
  if (commaThousands > 0) return { decimal: '.', thousands: ',' }
  if (spaceThousands > 0) return { decimal: '.', thousands: ' ' }
  return { decimal: '.', thousands: '' }
}
