/**
 * One member of a ZIP archive, read with the archive's own central directory and zlib (not the app's
 * unzip library): stored or deflated, as the ZIP format defines them. Tests compute their expected
 * values from a zipped real file with it, independently of the code under test.
 */
import { readFileSync } from 'node:fs'
import { inflateRawSync } from 'node:zlib'
import Papa from 'papaparse'

export function zipMember(path: string, member: string): Buffer {
  const zip = readFileSync(path)
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  let at = zip.readUInt32LE(end + 16)
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = zip.readUInt16LE(at + 28)
    const entry = zip.toString('utf8', at + 46, at + 46 + nameLength)
    if (entry === member) {
      const method = zip.readUInt16LE(at + 10)
      const size = zip.readUInt32LE(at + 20)
      const local = zip.readUInt32LE(at + 42)
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      const data = zip.subarray(start, start + size)
      return method === 0 ? data : inflateRawSync(data)
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  throw new Error(`${member} is not in ${path}`)
}

/** A zipped UTF-8 CSV member's rows, keyed by its header, read with papaparse (not the app's reader). */
export function zipCsvRows(path: string, member: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(zipMember(path, member).toString('utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data
}
