/**
 * From the chosen file to the relation `src` that a layout's SELECT reads: which parts (one file, or
 * the CSV resources of a data package), how each is staged for DuckDB (a link to the original, or a
 * UTF-8 copy when the file is in another encoding), and the read_csv/read_parquet/read_json call with
 * every column named c0…cN and typed as the layout asks.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { copyFile, readFile, realpath, stat, symlink } from 'node:fs/promises'
import { basename, dirname, extname, isAbsolute, join, relative, sep } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { say } from '../../shared/messages'
import { ImportError, MAX_LINE_MB } from './errors'
import type { JobDb } from './jobDb'
import { checkJsonDepth } from './jsonDepth'
import type { Plan } from './layouts'
import { HEAD_BYTES, sniffFile, sniffHead, type Sniffed } from './sniff'
import { decoderFor } from './textDecoding'
import { extractMember, listMembers, readMemberHead } from './archive'
import { sheetToCsv } from './workbook'
import { sqlIdent, sqlString } from './sql'

export interface Part {
  /** For messages: the file name, or "resource <name>" of a data package. */
  label: string
  /**
   * The file to read. Empty for an archive's CSV members while the archive is only inspected: those
   * are looked at from their first megabyte and not unpacked.
   */
  path: string
  size: number
  sniffed: Sniffed
}

export interface StagedPart extends Part {
  /** What DuckDB reads. */
  staged: string
  /** CSV as DuckDB reads it after staging (a converted copy is UTF-8 and not compressed). */
  compression: 'none' | 'gzip'
}

const MAX_DESCRIPTOR_BYTES = 5 * 1024 * 1024

/** Which sheet of a workbook, which members of a ZIP archive the user chose (else the app's choice). */
export interface SourceChoice {
  sheet?: string
  members?: string[]
}

export interface PartsOf {
  sniffed: Sniffed
  parts: Part[]
  title?: string
  /** A workbook's sheets and the one read. */
  sheets?: { names: string[]; chosen: string }
  /** An archive's data members and those read. */
  members?: { names: string[]; chosen: string[] }
}

const DATA_FILE = /\.(csv|tsv|txt|csv\.gz|tsv\.gz|parquet|json|ndjson)$/i

/**
 * The parts of a file: itself, the tabular resources of a Frictionless data package, a workbook's
 * sheet (written out as CSV into `scratch`), or the data members of a ZIP archive (by default those
 * sharing the most common header, e.g. every year of a BACI release and not its code lists). To
 * `inspect` an archive, its members are read only as far as their first megabyte; to import it, the
 * chosen members alone are unpacked into `scratch`.
 */
export async function partsOf(
  path: string,
  name: string,
  scratch?: string,
  choice: SourceChoice = {},
  signal?: AbortSignal,
  purpose: 'inspect' | 'import' = 'import',
): Promise<PartsOf> {
  const sniffed = await sniffFile(path, name)
  const size = (await stat(path)).size
  if (sniffed.format === 'datapackage') return { sniffed, ...(await packageParts(path)) }
  if (sniffed.format === 'xlsx' || sniffed.format === 'zip') {
    if (!scratch) throw new Error('a workbook or an archive needs a scratch folder')
    return sniffed.format === 'xlsx'
      ? { sniffed, ...(await sheetParts(path, name, scratch, choice.sheet)) }
      : { sniffed, ...(await memberParts(path, scratch, choice.members, purpose, signal)) }
  }
  return { sniffed, parts: [{ label: name, path, size, sniffed }] }
}

async function sheetParts(path: string, name: string, scratch: string, sheet?: string) {
  const target = join(scratch, 'sheet.csv')
  const chosen = await sheetToCsv(path, target, sheet)
  const part: Part = {
    label: `${name} (sheet ${chosen.sheet})`,
    path: target,
    size: (await stat(target)).size,
    sniffed: await sniffFile(target, name),
  }
  // The sheet's name says what it holds ("Exports"): layouts read it like a title line.
  part.sniffed.notes = [`Sheet : ${chosen.sheet}`, ...part.sniffed.notes]
  return { parts: [part], sheets: { names: chosen.sheets, chosen: chosen.sheet } }
}

async function memberParts(
  path: string,
  scratch: string,
  wanted: string[] | undefined,
  purpose: 'inspect' | 'import',
  signal?: AbortSignal,
) {
  const members = (await listMembers(path)).filter(
    (m) => DATA_FILE.test(m.name) && !m.name.startsWith('__MACOSX/') && !basename(m.name).startsWith('.'),
  )
  const names = members.map((m) => m.name)
  if (names.length === 0) throw new ImportError(say('zipWithoutData'))
  for (const w of wanted ?? [])
    if (!names.includes(w)) throw new ImportError(say('zipNoDataFile', { name: w.slice(0, 120) }))
  // Each member's layout from its first megabyte, without unpacking it.
  const looked: Part[] = []
  for (const member of members.filter((m) => !wanted || wanted.includes(m.name))) {
    signal?.throwIfAborted()
    const { head, complete } = await readMemberHead(path, member.name, HEAD_BYTES)
    const sniffed = await sniffHead(head, {
      gzip: /\.gz$/i.test(member.name),
      truncated: !complete,
      name: basename(member.name),
    })
    looked.push({ label: member.name, path: '', size: member.size, sniffed })
  }
  // Several same-layout members are one dataset; the group with the most members is the default.
  const groups = new Map<string, Part[]>()
  for (const part of looked) {
    const key = part.sniffed.format === 'csv' ? part.sniffed.header.join('\u0000') : part.sniffed.format
    groups.set(key, [...(groups.get(key) ?? []), part])
  }
  const chosen = wanted
    ? looked
    : [...groups.values()].sort(
        (a, b) =>
          b.length - a.length || b.reduce((s, p) => s + p.size, 0) - a.reduce((s, p) => s + p.size, 0),
      )[0]!
  const parts: Part[] = []
  for (const [i, part] of chosen.entries()) {
    // Inspecting reads the first rows from the head; only Parquet or JSON needs the whole file for that.
    if (purpose === 'inspect' && (i > 0 || part.sniffed.format === 'csv')) {
      parts.push(part)
      continue
    }
    const member = part.label
    const target = join(
      scratch,
      `member-${i}${extname(member).toLowerCase() === '.gz' ? '.csv.gz' : extname(member) || '.csv'}`,
    )
    await extractMember(path, member, target, signal)
    parts.push({
      label: member,
      path: target,
      size: (await stat(target)).size,
      sniffed: await sniffFile(target, basename(member)),
    })
  }
  return { parts, members: { names, chosen: parts.map((p) => p.label) } }
}

async function packageParts(descriptorPath: string): Promise<{ parts: Part[]; title?: string }> {
  if ((await stat(descriptorPath)).size > MAX_DESCRIPTOR_BYTES) throw new ImportError(say('packageTooLarge'))
  let descriptor: unknown
  try {
    descriptor = JSON.parse(await readFile(descriptorPath, 'utf8'))
  } catch {
    // JSON.parse's own wording ("Unexpected token…") is the runtime's, not the user's.
    throw new ImportError(say('jsonInvalid'))
  }
  const resources = (descriptor as { resources?: unknown }).resources
  if (!Array.isArray(resources) || resources.length === 0) throw new ImportError(say('packageNoResources'))
  const folder = dirname(descriptorPath)
  const parts: Part[] = []
  for (const [i, resource] of resources.entries()) {
    const r = resource as { name?: unknown; path?: unknown; format?: unknown }
    const label = `resource ${typeof r.name === 'string' ? r.name : i + 1}`
    const paths = typeof r.path === 'string' ? [r.path] : Array.isArray(r.path) ? r.path : []
    for (const p of paths) {
      if (typeof p !== 'string' || !/\.(csv|tsv|csv\.gz|parquet|json|ndjson)$/i.test(p)) continue
      // A package may only name files inside its own folder: no URLs, absolute paths or "..".
      if (/^[a-z][a-z0-9+.-]*:/i.test(p) || isAbsolute(p) || p.split(/[\\/]/).includes('..')) {
        throw new ImportError(say('packageOutside', { resource: label, path: p }))
      }
      let real: string
      try {
        real = await realpath(join(folder, p))
      } catch {
        throw new ImportError(say('packageFileMissing', { resource: label, path: p }))
      }
      const rel = relative(await realpath(folder), real)
      if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
        throw new ImportError(say('packageLinkOutside', { resource: label, path: p }))
      }
      const name = basename(real)
      parts.push({
        label: `${label} (${name})`,
        path: real,
        size: (await stat(real)).size,
        sniffed: await sniffFile(real, name),
      })
    }
  }
  if (parts.length === 0) throw new ImportError(say('packageNoData'))
  const d = descriptor as { title?: unknown; name?: unknown }
  const title = typeof d.title === 'string' ? d.title : typeof d.name === 'string' ? d.name : undefined
  return { parts, title: title?.slice(0, 200) }
}

/** Whether staging reads the whole part (to convert it to UTF-8) rather than linking it for DuckDB. */
export function convertsOnStaging(part: Part): boolean {
  return part.sniffed.format === 'csv' && part.sniffed.encoding !== 'utf-8'
}

/**
 * Makes the file readable by DuckDB from the staging folder; converts text that is not UTF-8.
 * `onChunk` sees the part's own bytes (as on disk, before any un-gzipping) as a conversion reads them.
 */
export async function stagePart(
  part: Part,
  dir: string,
  index: number,
  signal: AbortSignal,
  onChunk: (chunk: Buffer) => void,
): Promise<StagedPart> {
  const { sniffed } = part
  if (sniffed.format === 'json' || sniffed.format === 'ndjson') {
    // Before DuckDB's recursive JSON reader sees it: a deeply nested file would crash the engine.
    await checkJsonDepth(part.path, part.label.startsWith('resource ') ? part.label : undefined, {
      gzip: sniffed.compression === 'gzip',
      signal,
    })
  }
  if (convertsOnStaging(part)) {
    const staged = join(dir, `input-${index}.csv`)
    const decoder = decoderFor(sniffed.encoding)
    const convert = new Transform({
      transform(chunk: Buffer, _enc, done) {
        done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'))
      },
      flush(done) {
        done(null, Buffer.from(decoder.decode(), 'utf8'))
      },
    })
    const input = createReadStream(part.path, { highWaterMark: 1 << 20 })
    input.on('data', (chunk) => onChunk(chunk as Buffer))
    const stages = sniffed.compression === 'gzip' ? [input, createGunzip(), convert] : [input, convert]
    await pipeline(
      [...stages, createWriteStream(staged)] as unknown as Parameters<typeof pipeline>,
      { signal } as never,
    )
    return { ...part, staged, compression: 'none' }
  }
  const ext =
    sniffed.format === 'csv'
      ? sniffed.compression === 'gzip'
        ? 'csv.gz'
        : 'csv'
      : sniffed.format === 'parquet'
        ? 'parquet'
        : 'json'
  return {
    ...part,
    staged: await linkInto(part.path, join(dir, `input-${index}.${ext}`)),
    compression: sniffed.compression,
  }
}

/**
 * A link in the staging folder, so DuckDB never sees the user's path (whose * ? [ would be read as a
 * glob, whose quotes would need escaping). Where links are not allowed, the original path (if plain),
 * else a copy.
 */
async function linkInto(source: string, link: string): Promise<string> {
  try {
    await symlink(source, link)
    return link
  } catch {
    if (!/[*?[\]{}'\\]/.test(source)) return source
    await copyFile(source, link)
    return link
  }
}

/** The DuckDB relation for one staged part, its columns named c0…cN. */
export async function relationOf(
  db: JobDb,
  part: StagedPart,
  plan: Plan | null,
  columns: readonly string[],
): Promise<string> {
  const numeric = new Set(plan?.numeric ?? [])
  const { sniffed } = part
  if (sniffed.format === 'csv') {
    const names = sniffed.trailingField ? [...columns, ''] : columns
    const types = names
      .map((_, i) => `${sqlString(`c${i}`)}: '${numeric.has(i) ? 'DOUBLE' : 'VARCHAR'}'`)
      .join(', ')
    const nulls = ['', ...(plan?.nullStrings ?? [])].map(sqlString).join(', ')
    const options = [
      'header = true',
      'auto_detect = false',
      `delim = ${sqlString(sniffed.delimiter)}`,
      `quote = '"'`,
      `escape = '"'`,
      `skip = ${sniffed.skipLines}`,
      `columns = {${types}}`,
      `nullstr = [${nulls}]`,
      `max_line_size = ${MAX_LINE_MB * 1024 * 1024}`,
      `compression = '${part.compression === 'gzip' ? 'gzip' : 'none'}'`,
      `strict_mode = true`,
      `null_padding = false`,
    ]
    if (sniffed.numberStyle.decimal === ',') options.push(`decimal_separator = ','`)
    if (sniffed.numberStyle.thousands) options.push(`thousands = ${sqlString(sniffed.numberStyle.thousands)}`)
    return `read_csv(${sqlString(part.staged)}, ${options.join(', ')})`
  }
  const raw = await rawRelation(db, part)
  const names = (await describe(db, raw)).map((c) => c.name)
  const select = names.map((n, i) =>
    numeric.has(i) ? `CAST(${sqlIdent(n)} AS DOUBLE) AS c${i}` : `CAST(${sqlIdent(n)} AS VARCHAR) AS c${i}`,
  )
  return `(SELECT ${select.join(', ')} FROM ${raw})`
}

/** Parquet or JSON as DuckDB reads it, with a wrapper object's record list (`{"data": [...]}`) unnested. */
export async function rawRelation(db: JobDb, part: StagedPart): Promise<string> {
  if (part.sniffed.format === 'parquet') return `read_parquet(${sqlString(part.staged)})`
  const maxObject = Math.max(16 * 1024 * 1024, Math.min(part.size + 1024, 1024 * 1024 * 1024))
  const format = part.sniffed.format === 'ndjson' ? 'newline_delimited' : 'auto'
  const reader = `read_json(${sqlString(part.staged)}, format = '${format}', maximum_object_size = ${maxObject}${part.compression === 'gzip' ? `, compression = 'gzip'` : ''})`
  const columns = await describe(db, reader)
  const lists = columns.filter((c) => /^STRUCT\(.*\)\[\]$/s.test(c.type))
  const records =
    lists.find((c) => c.name.toLowerCase() === 'data') ?? (lists.length === 1 ? lists[0] : undefined)
  if (records && (columns.length === 1 || records.name.toLowerCase() === 'data')) {
    return `(SELECT unnest(${sqlIdent(records.name)}, recursive := true) FROM ${reader})`
  }
  return reader
}

export async function describe(db: JobDb, relation: string): Promise<{ name: string; type: string }[]> {
  const rows = await db.all<{ column_name: string; column_type: string }>(
    `DESCRIBE SELECT * FROM ${relation}`,
  )
  return rows.map((r) => ({ name: r.column_name, type: r.column_type }))
}

/** Header and first rows (as text) of a Parquet or JSON part. */
export async function sampleOf(
  db: JobDb,
  part: StagedPart,
  limit = 200,
): Promise<{ header: string[]; sample: string[][] }> {
  const raw = await rawRelation(db, part)
  const header = (await describe(db, raw)).map((c) => c.name)
  if (header.length === 0) return { header, sample: [] }
  const rows = await db.all<Record<string, unknown>>(
    `SELECT ${header.map((h, i) => `CAST(${sqlIdent(h)} AS VARCHAR) AS c${i}`).join(', ')} FROM ${raw} LIMIT ${limit}`,
  )
  return {
    header,
    sample: rows.map((r) => header.map((_, i) => (r[`c${i}`] == null ? '' : String(r[`c${i}`])))),
  }
}
