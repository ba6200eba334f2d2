import { describe, expect, it } from 'vitest'
import { csvCell, readCsv, readCsvRecords, readCsvTable, toCsv } from '../../electron/shared/csv'

const fields = (text: string, strict = true): string[][] => readCsv(text, { strict }).rows

describe('readCsv', () => {
  it('reads plain records with LF and CRLF line endings, without an empty trailing record', () => {
    const expected = [
      ['a', 'b'],
      ['1', '2'],
    ]
    expect(fields('a,b\n1,2\n')).toEqual(expected)
    expect(fields('a,b\r\n1,2\r\n')).toEqual(expected)
    expect(fields('a,b\n1,2')).toEqual(expected)
  })

  it('keeps empty fields, including a trailing one', () => {
    expect(fields('a,,c\n,,\nx,\n')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
      ['x', ''],
    ])
  })

  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text =
      'n,t\n1,"China 2020 exports up; surplus $535B (AP via Business Standard, 2021-01-14)"\n2,"""fell by 3%"" to 18.89"\n3,"two\nlines"\n4,""\n'
    expect(fields(text)).toEqual([
      ['n', 't'],
      ['1', 'China 2020 exports up; surplus $535B (AP via Business Standard, 2021-01-14)'],
      ['2', '"fell by 3%" to 18.89'],
      ['3', 'two\nlines'],
      ['4', ''],
    ])
    expect(readCsv('a;"b;""c""\nd";e\r\n1;2;3', { delimiter: ';' }).rows).toEqual([
      ['a', 'b;"c"\nd', 'e'],
      ['1', '2', '3'],
    ])
  })

  it('reports the physical line on which each record starts, from the given first line', () => {
    expect(readCsvRecords('h\n"a\nb"\nc\n').map((r) => r.line)).toEqual([1, 2, 4])
    expect(readCsv('x\ny\n', { firstLine: 10 }).lines).toEqual([10, 11])
  })

  it('reads a quoted field at the very end of the text, and skips a byte-order mark', () => {
    expect(fields('a,"b"')).toEqual([['a', 'b']])
    expect(fields('\ufeffa,b\n')).toEqual([['a', 'b']])
  })

  it('stops after maxRows records and says when the text ended inside a record', () => {
    expect(readCsv('a\nb\nc\n', { maxRows: 2 }).rows).toEqual([['a'], ['b']])
    expect(readCsv('a,b\n1,2\n').lastComplete).toBe(true)
    expect(readCsv('a,b\n1,').lastComplete).toBe(false)
    expect(readCsv('a,b\n1,"two\nli').lastComplete).toBe(false)
  })

  it.each([
    ['an unterminated quoted field', 'a,"b\n', /line 1: unterminated/],
    ['a quote inside an unquoted field', 'a\nb"c\n', /line 2: a double quote inside an unquoted field/],
    ['text after a closing quote', 'a\n"b"c\n', /line 2: unexpected text after a closing quote/],
    ['a bare carriage return', 'a\rb\n', /bare carriage return/],
  ])('strictly, rejects %s', (_what, text, message) => {
    expect(() => readCsv(text, { strict: true })).toThrow(message)
  })

  it('leniently, reads the same malformed text as a spreadsheet would', () => {
    expect(fields('a\nb"c\n', false)).toEqual([['a'], ['b"c']])
    expect(fields('a\n"b"c\n', false)).toEqual([['a'], ['bc']])
    expect(fields('a\rb\n', false)).toEqual([['a'], ['b']])
    expect(fields('a,"b\n', false)).toEqual([['a', 'b\n']])
  })
})

describe('readCsvTable', () => {
  it('keys rows by the header and leaves out records with another field count', () => {
    expect(readCsvTable('\ufeffcode,name\n156,China\nnote: from UN M49\n842,"United States, the"\n')).toEqual(
      [
        { code: '156', name: 'China' },
        { code: '842', name: 'United States, the' },
      ],
    )
    expect(readCsvTable('')).toEqual([])
  })
})

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil","click")', `"'=HYPERLINK(""http://evil"",""click"")"`],
    ['+cmd|calc', "'+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\r=x', `"'\r=x"`],
    ['plain text', 'plain text'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['a\rb', '"a\rb"'],
  ])('neutralises or quotes %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected)
  })

  it('keeps numbers (negative ones too) as numbers, and gaps empty', () => {
    expect(csvCell(-1.1)).toBe('-1.1')
    expect(csvCell('-28.6')).toBe('-28.6')
    expect(csvCell('+5.9')).toBe('+5.9')
    expect(csvCell(330.3)).toBe('330.3')
    expect(csvCell(null)).toBe('')
    expect(csvCell(Number.NaN)).toBe('')
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('')
  })

  it('writes a formula-like text as it is when the guard is off', () => {
    expect(csvCell('=SUM(A1)', false)).toBe('=SUM(A1)')
    expect(csvCell('-', false)).toBe('-')
  })
})

describe('toCsv', () => {
  it('writes CRLF rows by default, LF when asked', () => {
    const rows = [
      ['period', 'value'],
      ['2025-11', 330.3],
    ]
    expect(toCsv(rows)).toBe('period,value\r\n2025-11,330.3\r\n')
    expect(toCsv(rows, { lineEnd: '\n' })).toBe('period,value\n2025-11,330.3\n')
  })

  it('round-trips awkward content through the reader', () => {
    const rows = [
      ['series', 'note', 'title'],
      ['exports_usd', '"equivalent of $280 billion" (dpa, rounded)', 'Title (AP via X, 2024-04-12)'],
      ['x', 'line one\nline two\r\nline three', ''],
      ['', ',', '""'],
      ['ünïcødé — “quotes”', ' leading and trailing spaces ', 'tab\there'],
    ]
    expect(fields(toCsv(rows, { lineEnd: '\n' }))).toEqual(rows)
    expect(fields(toCsv(rows))).toEqual(rows)
  })
})
