/**
 * Windows .ico and macOS .icns writers, in plain TypeScript. Both are simple containers of PNG images:
 *
 * - ICO: a 6-byte header (reserved 0, type 1, count), one 16-byte directory entry per image (width and
 *   height as one byte each, 0 meaning 256; colour count, reserved, planes 1, 32 bits per pixel, byte
 *   size, offset), then the PNG files. PNG entries are valid since Windows Vista.
 * - ICNS: `icns` and the big-endian total length, then per image a 4-character type, the big-endian
 *   length of the element (8-byte header included) and the PNG file.
 *
 * Readers are here too, so tests (and anyone curious) can list what a file holds.
 */

export interface PngImage {
  /** Edge length in pixels (icons are square). */
  size: number
  png: Uint8Array
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  if (png.length < 24 || PNG_SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG file')
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  if (String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') throw new Error('PNG without IHDR')
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

function checkImage(image: PngImage): void {
  const { width, height } = pngSize(image.png)
  if (width !== image.size || height !== image.size)
    throw new Error(`a ${image.size}px entry holds a ${width}×${height} PNG`)
}

export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const

export function writeIco(images: readonly PngImage[]): Uint8Array {
  if (images.length === 0 || images.length > 0xffff) throw new Error('an ICO holds 1 to 65535 images')
  const sorted = [...images].sort((a, b) => a.size - b.size)
  for (const image of sorted) {
    checkImage(image)
    if (image.size < 1 || image.size > 256) throw new Error(`ICO images are 1–256 px, not ${image.size}`)
  }
  const headerSize = 6 + 16 * sorted.length
  const total = headerSize + sorted.reduce((sum, i) => sum + i.png.length, 0)
  const out = new Uint8Array(total)
  const view = new DataView(out.buffer)
  view.setUint16(0, 0, true)
  view.setUint16(2, 1, true)
  view.setUint16(4, sorted.length, true)
  let offset = headerSize
  sorted.forEach((image, i) => {
    const entry = 6 + 16 * i
    out[entry] = image.size === 256 ? 0 : image.size
    out[entry + 1] = image.size === 256 ? 0 : image.size
    out[entry + 2] = 0 // no palette
    out[entry + 3] = 0
    view.setUint16(entry + 4, 1, true) // colour planes
    view.setUint16(entry + 6, 32, true) // bits per pixel
    view.setUint32(entry + 8, image.png.length, true)
    view.setUint32(entry + 12, offset, true)
    out.set(image.png, offset)
    offset += image.png.length
  })
  return out
}

export interface IcoEntry {
  size: number
  bitCount: number
  bytes: number
  offset: number
  isPng: boolean
}

export function readIco(data: Uint8Array): IcoEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  if (data.length < 6 || view.getUint16(0, true) !== 0 || view.getUint16(2, true) !== 1)
    throw new Error('not an ICO file')
  const count = view.getUint16(4, true)
  if (data.length < 6 + 16 * count) throw new Error('ICO directory truncated')
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i
    const bytes = view.getUint32(entry + 8, true)
    const offset = view.getUint32(entry + 12, true)
    if (offset + bytes > data.length) throw new Error('ICO image outside the file')
    return {
      size: data[entry] === 0 ? 256 : data[entry]!,
      bitCount: view.getUint16(entry + 6, true),
      bytes,
      offset,
      isPng: PNG_SIGNATURE.every((b, k) => data[offset + k] === b),
    }
  })
}

/**
 * The PNG element types of an .icns and their pixel sizes. `@2x` types hold the Retina rendering of the
 * point size (ic11 is 16 pt at 2×, i.e. 32 px).
 */
export const ICNS_TYPES: ReadonlyArray<readonly [type: string, pixels: number]> = [
  ['icp4', 16],
  ['ic11', 32], // 16@2x
  ['icp5', 32],
  ['ic12', 64], // 32@2x
  ['icp6', 64],
  ['ic07', 128],
  ['ic13', 256], // 128@2x
  ['ic08', 256],
  ['ic14', 512], // 256@2x
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
]

export const ICNS_SIZES = [...new Set(ICNS_TYPES.map(([, px]) => px))].sort((a, b) => a - b)

export function writeIcns(images: readonly PngImage[]): Uint8Array {
  const bySize = new Map(images.map((image) => [image.size, image]))
  const elements: Array<{ type: string; png: Uint8Array }> = []
  for (const [type, px] of ICNS_TYPES) {
    const image = bySize.get(px)
    if (!image) throw new Error(`the .icns needs a ${px}px image for ${type}`)
    checkImage(image)
    elements.push({ type, png: image.png })
  }
  const total = 8 + elements.reduce((sum, e) => sum + 8 + e.png.length, 0)
  const out = new Uint8Array(total)
  const view = new DataView(out.buffer)
  const writeType = (at: number, type: string) => {
    for (let i = 0; i < 4; i++) out[at + i] = type.charCodeAt(i)
  }
  writeType(0, 'icns')
  view.setUint32(4, total)
  let offset = 8
  for (const { type, png } of elements) {
    writeType(offset, type)
    view.setUint32(offset + 4, 8 + png.length)
    out.set(png, offset + 8)
    offset += 8 + png.length
  }
  return out
}

export interface IcnsEntry {
  type: string
  bytes: number
  /** The PNG's own pixel size, or null if the element is not a PNG. */
  pixels: number | null
}

export function readIcns(data: Uint8Array): IcnsEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const typeAt = (at: number) => String.fromCharCode(...data.subarray(at, at + 4))
  if (data.length < 8 || typeAt(0) !== 'icns') throw new Error('not an ICNS file')
  if (view.getUint32(4) !== data.length) throw new Error('ICNS length does not match the file')
  const entries: IcnsEntry[] = []
  let offset = 8
  while (offset < data.length) {
    if (offset + 8 > data.length) throw new Error('ICNS element header truncated')
    const length = view.getUint32(offset + 4)
    if (length < 8 || offset + length > data.length) throw new Error('ICNS element outside the file')
    const body = data.subarray(offset + 8, offset + length)
    let pixels: number | null
    try {
      pixels = pngSize(body).width
    } catch {
      pixels = null
    }
    entries.push({ type: typeAt(offset), bytes: length - 8, pixels })
    offset += length
  }
  return entries
}
