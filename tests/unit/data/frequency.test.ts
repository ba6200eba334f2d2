import { describe, expect, it } from 'vitest'
import { isJanFeb } from '../../../electron/shared/periods'
import { frequencyOf, readPeriod as parsePeriod } from '../../../scripts/data/frequency'

describe("readPeriod (the facts file's periods)", () => {
  it.each([
    ['2025-11', 'month', '2025-11', '2025-11'],
    ['2024', 'year', '2024-01', '2024-12'],
    ['2025-01..2025-02', 'span', '2025-01', '2025-02'],
    ['2025-01..2025-11', 'span', '2025-01', '2025-11'],
  ])('%s → %s %s..%s', (text, shape, start, end) => {
    expect(parsePeriod(text)).toEqual({ text, kind: shape, start, end })
  })

  it.each([
    '',
    '2025-13',
    '2025-00',
    '2025-1',
    '25-11',
    '2025/11',
    ' 2025-11',
    '2025-11 ',
    '2025-01..2025-01',
    '2025-03..2025-02',
    '2024-12..2025-01',
    '2025-01..',
    '2025-01..2025-02..2025-03',
    '2025-01-15',
    'Q1 2025',
    '0999',
  ])('rejects %j', (text) => {
    expect(() => parsePeriod(text)).toThrow(/malformed period/)
  })

  it('recognises the combined January-February period only', () => {
    expect(isJanFeb(parsePeriod('2025-01..2025-02'))).toBe(true)
    expect(isJanFeb(parsePeriod('2025-01..2025-03'))).toBe(false)
    expect(isJanFeb(parsePeriod('2025-02'))).toBe(false)
  })
})

describe('frequencyOf', () => {
  it.each([
    [null, '2025-11', 'month'],
    [null, '2025-01..2025-02', 'month'],
    [null, '2024', 'year'],
    [null, '2024-01..2024-09', 'ytd'],
    ['annual', '2024', 'year'],
    ['ytd', '2025-01..2025-11', 'ytd'],
    ['ytd', '2019-01..2019-02', 'ytd'],
  ] as const)('suffix %s, period %s → %s', (suffix, period, freq) => {
    expect(frequencyOf(suffix, parsePeriod(period))).toBe(freq)
  })

  it.each([
    ['annual', '2025-11'],
    ['annual', '2025-Q2'],
    [null, '2025-Q2'],
    ['annual', '2025-01..2025-02'],
    ['ytd', '2025-11'],
    ['ytd', '2025'],
    ['ytd', '2025-03..2025-06'],
    [null, '2025-03..2025-06'],
  ] as const)('rejects suffix %s with period %s', (suffix, period) => {
    expect(() => frequencyOf(suffix, parsePeriod(period))).toThrow()
  })
})
