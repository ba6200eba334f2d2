/** Encoding, delimiter, preamble and number style, decided from the first megabyte. */
import { describe, expect, it } from 'vitest'
import {
  chooseDelimiter,
  detectEncoding,
  detectNumberStyle,
  sniffCsv,
} from '../../../../electron/services/import/sniff'

describe('encoding', () => {
  it.each([
    ['UTF-8', Buffer.from('a,b\n1,é\n'), 'utf-8', 0],
    [
      'UTF-8 with a byte-order mark',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n')]),
      'utf-8',
      3,
    ],
    [
      'UTF-16 LE with a byte-order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]),
      'utf-16le',
      2,
    ],
    [
      'UTF-16 BE with a byte-order mark',
      Buffer.from([0xfe, 0xff, 0, 0x61, 0, 0x2c, 0, 0x62, 0, 0x0a]),
      'utf-16be',
      2,
    ],
    ['UTF-16 LE without a mark', Buffer.from('date,value\n2024-01,1\n2024-02,2\n', 'utf16le'), 'utf-16le', 0],
    [
      'Windows-1252 (an en dash)',
      Buffer.from([...Buffer.from('a,b\n1,product group '), 0x96, ...Buffer.from(' annual\n')]),
      'windows-1252',
      0,
    ],
    [
      'GB18030 (Chinese headers)',
      Buffer.from([0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0xb3, 0xf6, 0xbf, 0xda, 0x0a]),
      'gb18030',
      0,
    ],
  ])('%s', (_name, bytes, encoding, bom) => {
    expect(detectEncoding(bytes)).toEqual({ encoding, bomBytes: bom })
  })

  it('Big5: a traditional-Chinese table as Taiwan and Hong Kong offices publish it', () => {
    // The bytes come from the WHATWG Big5 table (TextDecoder), not from the detector under test.
    const big5 = new TextDecoder('big5')
    const byChar = new Map<string, number[]>()
    for (let lead = 0xa1; lead <= 0xf9; lead++)
      for (const trail of [...Array(0x3f).keys()]
        .map((i) => 0x40 + i)
        .concat([...Array(0x5e).keys()].map((i) => 0xa1 + i))) {
        const ch = big5.decode(Buffer.from([lead, trail]))
        if (!byChar.has(ch)) byChar.set(ch, [lead, trail])
      }
    const text = '日期,出口值,進口值,國家\n2024-01,100,200,臺灣\n2024-02,110,210,臺灣\n2024-03,120,220,香港\n'
    const bytes = Buffer.from(
      [...text].flatMap((ch) => (ch < '\u0080' ? [ch.charCodeAt(0)] : byChar.get(ch)!)),
    )
    expect(big5.decode(bytes)).toBe(text)
    expect(detectEncoding(bytes)).toEqual({ encoding: 'big5', bomBytes: 0 })
  })

  it('binary data and undecodable text are refused with words', () => {
    expect(() => detectEncoding(Buffer.from([0x50, 0x00, 0x01, 0x02, 0x00, 0xff, 0x00, 0x13]))).toThrow(
      'binary data',
    )
    expect(() => detectEncoding(Buffer.from('a,b\nx\u0081,1\n', 'latin1'))).toThrow(
      'text encoding the app cannot recognise',
    )
  })
})

describe('delimiter, header and preamble', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;2,5;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['Month;Exports;Imports\nJanuary 2001;1,187.5;8,427.5\n', ';'],
  ])('%j', (text, delimiter) => {
    expect(chooseDelimiter(text, false)).toBe(delimiter)
  })

  it('skips the four preamble lines of a World Bank file', () => {
    const text =
      '"Data Source","World Development Indicators",\n\n"Last Updated Date","2024-06-28",\n\n"Country Name","Country Code","Indicator Name","Indicator Code","2022","2023",\n"China","CHN","x","TX.VAL.MRCH.CD.WT","1","2",\n'
    const s = sniffCsv(text, false, 'none', 'utf-8')
    expect(s).toMatchObject({
      delimiter: ',',
      skipLines: 4,
      header: ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code', '2022', '2023', ''],
    })
    expect(s.sample).toHaveLength(1)
  })
})

describe('number style', () => {
  it.each([
    [[['1,187.5'], ['8,427.5']], ';', { decimal: '.', thousands: ',' }],
    [[['1.234,5'], ['250,25']], ';', { decimal: ',', thousands: '.' }],
    [[['250,25'], ['1,5']], ';', { decimal: ',', thousands: '' }],
    [[['1234.5'], ['-7.25']], ',', { decimal: '.', thousands: '' }],
    [[['1,234,567'], ['12,000']], ',', { decimal: '.', thousands: ',' }],
  ])('%j with %j', (sample, delimiter, style) => {
    expect(detectNumberStyle(sample, delimiter)).toEqual(style)
  })
})
