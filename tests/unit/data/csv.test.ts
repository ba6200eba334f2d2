import { describe, expect, it } from 'vitest'
import { formatCsv, formatCsvField, parseCsv, parseCsvObjects } from '../../../scripts/data/csv'

const fields = (text: string): string[][] => parseCsv(text).map((r) => r.fields)

describe('parseCsv', () => {
  it('reads plain records with LF and CRLF line endings, without an empty trailing record', () => {
    expect(fields('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2']
    ])
    expect(fields('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2']
    ])
    expect(fields('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2']
    ])
  })

  it('keeps empty fields, including a trailing one', () => {
    expect(fields('a,,c\n,,\nx,\n')).toEqual([['a', '', 'c'], ['', '', ''], ['x', '']])
  })

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'n,t\n1,"China 2020 exports up; surplus $535B (AP via Business Standard, 2021-01-14)"\n2,"""fell by 3%"" to 18.89"\n3,"two\nlines"\n4,""\n'
    expect(fields(text)).toEqual([
      ['n', 't'],
      ['1', 'China 2020 exports up; surplus $535B (AP via Business Standard, 2021-01-14)'],
      ['2', '"fell by 3%" to 18.89'],
      ['3', 'two\nlines'],
      ['4', '']
    ])
  })

  it('reports the physical line on which each record starts', () => {
    const recs = parseCsv('h\n"a\nb"\nc\n')
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4])
  })

  it('reads a quoted field at the very end of the text', () => {
    expect(fields('a,"b"')).toEqual([['a', 'b']])
  })

  it('skips a UTF-8 byte-order mark', () => {
    expect(fields('\ufeffa,b\n')).toEqual([['a', 'b']])
  })

  it.each([
    ['an unterminated quoted field', 'a,"b\n', /line 1: unterminated/],
    ['a quote inside an unquoted field', 'a\nb"c\n', /line 2: a double quote inside an unquoted field/],
    ['text after a closing quote', 'a\n"b"c\n', /line 2: unexpected text after a closing quote/],
    ['a bare carriage return', 'a\rb\n', /bare carriage return/]
  ])('rejects %s', (_what, text, message) => {
    expect(() => parseCsv(text)).toThrow(message)
  })
})

describe('parseCsvObjects', () => {
  it('keys rows by the header and rejects a wrong field count', () => {
    expect(parseCsvObjects('a,b\n1,2\n').rows).toEqual([{ line: 2, values: { a: '1', b: '2' } }])
    expect(() => parseCsvObjects('a,b\n1\n')).toThrow(/line 2: expected 2 fields, found 1/)
  })
})

describe('formatCsv', () => {
  it('quotes only fields with a comma, a quote, CR or LF', () => {
    expect(formatCsvField('plain')).toBe('plain')
    expect(formatCsvField('-1.1')).toBe('-1.1')
    expect(formatCsvField('a,b')).toBe('"a,b"')
    expect(formatCsvField('say "hi"')).toBe('"say ""hi"""')
    expect(formatCsvField('a\nb')).toBe('"a\nb"')
    expect(formatCsvField('a\rb')).toBe('"a\rb"')
  })

  it('writes \\n line endings and a final newline', () => {
    expect(formatCsv([['a', 'b'], ['1', '']])).toBe('a,b\n1,\n')
  })

  it('round-trips awkward content through the parser', () => {
    const rows = [
      ['series', 'note', 'title'],
      ['exports_usd', '"equivalent of $280 billion" (dpa, rounded)', 'Title (AP via X, 2024-04-12)'],
      ['x', 'line one\nline two\r\nline three', ''],
      ['', ',', '""'],
      ['ünïcødé — “quotes”', ' leading and trailing spaces ', 'tab\there']
    ]
    expect(fields(formatCsv(rows))).toEqual(rows)
  })
})
