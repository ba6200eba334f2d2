import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from '../../electron/shared/csv'

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
})

describe('toCsv', () => {
  it('writes CRLF rows', () => {
    expect(
      toCsv([
        ['period', 'value'],
        ['2025-11', 330.3],
      ]),
    ).toBe('period,value\r\n2025-11,330.3\r\n')
  })
})
