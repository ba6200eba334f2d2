/**
 * Text decoders for the encodings the importer reads. Node's TextDecoder reads "windows-1252" as
 * ISO-8859-1, so bytes 0x80–0x9F (the en dash 0x96 in WTO files, € 0x80, ’ 0x92) would become
 * invisible control characters; here they become the Windows-1252 characters they are.
 */
import type { Encoding } from './sniff'

const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

export interface StreamDecoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string
}

export function decoderFor(encoding: Encoding): StreamDecoder {
  if (encoding !== 'windows-1252') return new TextDecoder(encoding)
  return {
    decode(bytes) {
      if (!bytes) return ''
      let out = ''
      for (let i = 0; i < bytes.length; i += 8192) {
        const chunk = bytes.subarray(i, i + 8192)
        out += String.fromCharCode(
          ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
        )
      }
      return out
    },
  }
}
