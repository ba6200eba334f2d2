/**
 * The icon containers: the ICO and ICNS writers (round trip through the readers, refusal of bad input)
 * and the committed build/icon.ico, build/icon.icns and build/icons/*.png listing the expected sizes.
 */
import { readFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  ICNS_SIZES,
  ICNS_TYPES,
  ICO_SIZES,
  pngSize,
  readIcns,
  readIco,
  writeIcns,
  writeIco,
} from '../../../scripts/iconFormats'

const build = (name: string) => new URL(`../../../build/${name}`, import.meta.url)

/** A minimal valid PNG of the given size (one transparent RGBA row repeated). */
function png(size: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Uint8Array) => {
    let c = 0xffffffff
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length)
    const view = new DataView(out.buffer)
    view.setUint32(0, data.length)
    out.set(
      [...type].map((c) => c.charCodeAt(0)),
      4,
    )
    out.set(data, 8)
    view.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)))
    return out
  }
  const ihdr = new Uint8Array(13)
  const hv = new DataView(ihdr.buffer)
  hv.setUint32(0, size)
  hv.setUint32(4, size)
  ihdr.set([8, 6, 0, 0, 0], 8)
  const raw = new Uint8Array(size * (1 + size * 4))
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

describe('ICO writer', () => {
  it('writes a PNG-compressed entry per size, smallest first, 256 stored as 0', () => {
    const ico = writeIco([256, 16, 48].map((size) => ({ size, png: png(size) })))
    const view = new DataView(ico.buffer)
    expect([view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true)]).toEqual([0, 1, 3])
    expect(ico[6 + 32]).toBe(0) // the 256 px entry's width byte
    const entries = readIco(ico)
    expect(entries.map((e) => [e.size, e.bitCount, e.isPng])).toEqual([
      [16, 32, true],
      [48, 32, true],
      [256, 32, true],
    ])
    for (const e of entries)
      expect(pngSize(ico.subarray(e.offset, e.offset + e.bytes))).toEqual({ width: e.size, height: e.size })
  })

  it('refuses a mislabelled image, a non-PNG, an oversized image and an empty list', () => {
    expect(() => writeIco([{ size: 32, png: png(16) }])).toThrow(/32px entry holds a 16×16/)
    expect(() => writeIco([{ size: 16, png: new Uint8Array(40) }])).toThrow(/not a PNG/)
    expect(() => writeIco([{ size: 512, png: png(512) }])).toThrow(/1–256/)
    expect(() => writeIco([])).toThrow()
  })

  it('the reader refuses truncated and foreign files', () => {
    const ico = writeIco([{ size: 16, png: png(16) }])
    expect(() => readIco(ico.subarray(0, 10))).toThrow()
    expect(() => readIco(ico.subarray(0, ico.length - 5))).toThrow(/outside/)
    expect(() => readIco(new TextEncoder().encode('GIF89a........'))).toThrow()
  })
})

describe('ICNS writer', () => {
  it('writes every PNG element type with big-endian lengths', () => {
    const icns = writeIcns(ICNS_SIZES.map((size) => ({ size, png: png(size) })))
    expect(String.fromCharCode(...icns.subarray(0, 4))).toBe('icns')
    expect(new DataView(icns.buffer).getUint32(4)).toBe(icns.length)
    expect(readIcns(icns).map((e) => [e.type, e.pixels])).toEqual(ICNS_TYPES.map(([type, px]) => [type, px]))
  })

  it('refuses a missing size and a mislabelled image; the reader refuses a bad length', () => {
    expect(() => writeIcns([{ size: 16, png: png(16) }])).toThrow(/needs a 32px image/)
    const images = ICNS_SIZES.map((size) => ({ size, png: png(size === 64 ? 32 : size) }))
    expect(() => writeIcns(images)).toThrow(/64px entry/)
    const icns = writeIcns(ICNS_SIZES.map((size) => ({ size, png: png(size) })))
    expect(() => readIcns(icns.subarray(0, icns.length - 1))).toThrow(/length/)
  })
})

describe('the committed icons', () => {
  it('build/icon.ico holds PNG images at 16, 24, 32, 48, 64, 128 and 256 px', () => {
    const entries = readIco(new Uint8Array(readFileSync(build('icon.ico'))))
    expect(entries.map((e) => e.size)).toEqual([...ICO_SIZES])
    expect(entries.every((e) => e.isPng && e.bitCount === 32)).toBe(true)
  })

  it('build/icon.icns holds icp4…ic10, each a PNG of its size', () => {
    const entries = readIcns(new Uint8Array(readFileSync(build('icon.icns'))))
    expect(entries.map((e) => [e.type, e.pixels])).toEqual(ICNS_TYPES.map(([type, px]) => [type, px]))
    expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']))
  })

  it.each([16, 24, 32, 48, 64, 128, 256, 512, 1024])('build/icons: the %i px PNG has that size', (size) => {
    expect(pngSize(new Uint8Array(readFileSync(build(`icons/${size}x${size}.png`))))).toEqual({
      width: size,
      height: size,
    })
  })

  it('build/icon.png (electron-builder’s fallback source) is 1024 px and the SVG source is there', () => {
    expect(pngSize(new Uint8Array(readFileSync(build('icon.png'))))).toEqual({ width: 1024, height: 1024 })
    expect(readFileSync(build('icon.svg'), 'utf8')).toContain('viewBox="0 0 1024 1024"')
  })
})
