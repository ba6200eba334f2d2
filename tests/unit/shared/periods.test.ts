import fc from 'fast-check'
import { english } from '../../../electron/shared/messages'
import { describe, expect, it } from 'vitest'
import {
  axisSpan,
  comparePeriods,
  formatPeriod,
  isJanFeb,
  isPeriod,
  isYearToDate,
  monthCount,
  monthIndex,
  monthName,
  monthOf,
  parsePeriod,
  parsePeriodLabel,
  periodBounds,
  periodProblem,
  periodWithin,
  quarterOf,
  sortPeriods,
} from '../../../electron/shared/periods'

describe('parsePeriod', () => {
  it.each([
    ['2025-11', 'month', '2025-11', '2025-11'],
    ['2024', 'year', '2024-01', '2024-12'],
    ['2025-Q1', 'quarter', '2025-01', '2025-03'],
    ['2025-Q4', 'quarter', '2025-10', '2025-12'],
    ['2025-01..2025-02', 'span', '2025-01', '2025-02'],
    ['2025-01..2025-11', 'span', '2025-01', '2025-11'],
    ['2024-12..2025-02', 'span', '2024-12', '2025-02'],
    ['1000', 'year', '1000-01', '1000-12'],
    ['9999-12', 'month', '9999-12', '9999-12'],
  ])('%s is a %s from %s to %s', (text, kind, start, end) => {
    expect(parsePeriod(text)).toEqual({ text, kind, start, end })
    expect(periodBounds(text)).toEqual({ start, end })
    expect(periodProblem(text)).toBeNull()
  })

  it.each([
    ['', /empty/],
    ['2025-13', /month 13 does not exist/],
    ['2025-00', /month 00 does not exist/],
    ['2025-1', /not a period/],
    ['25-11', /not a period/],
    ['2025/11', /not a period/],
    [' 2025-11', /not a period/],
    ['2025-11 ', /not a period/],
    ['2025-Q5', /not a period/],
    ['2025-Q0', /not a period/],
    ['2025Q1', /not a period/],
    ['2025-01..2025-01', /must end after it starts/],
    ['2025-03..2025-02', /must end after it starts/],
    ['2025-01..', /not a month/],
    ['2025-01..2025-13', /month 13 does not exist/],
    ['2025-01..2025-02..2025-03', /exactly one/],
    ['2025-01-15', /not a period/],
    ['Q1 2025', /not a period/],
    ['0999', /outside 1000–9999/],
    ['0225-01', /outside 1000–9999/],
  ])('refuses %j, saying why', (text, why) => {
    expect(parsePeriod(text)).toBeNull()
    expect(periodBounds(text)).toBeNull()
    expect(isPeriod(text)).toBe(false)
    expect(periodProblem(text)).toMatch(why)
  })

  it('never echoes a huge input in full', () => {
    const problem = periodProblem('2'.repeat(100_000))!
    expect(problem.length).toBeLessThan(120)
  })

  it('recognises the combined January–February period only', () => {
    expect(isJanFeb(parsePeriod('2025-01..2025-02')!)).toBe(true)
    expect(isJanFeb(parsePeriod('2025-01..2025-03')!)).toBe(false)
    expect(isJanFeb(parsePeriod('2025-02')!)).toBe(false)
    expect(isJanFeb(parsePeriod('2024-01..2025-02')!)).toBe(false)
  })

  it('recognises a year to date: January to a later month of the same year, past February', () => {
    expect(isYearToDate(parsePeriod('2025-01..2025-03')!)).toBe(true)
    expect(isYearToDate(parsePeriod('2025-01..2025-12')!)).toBe(true)
    expect(isYearToDate(parsePeriod('2025-01..2025-02')!)).toBe(false)
    expect(isYearToDate(parsePeriod('2025-03..2025-05')!)).toBe(false)
    expect(isYearToDate(parsePeriod('2024-01..2025-03')!)).toBe(false)
    expect(isYearToDate(parsePeriod('2025')!)).toBe(false)
  })
})

describe('order', () => {
  it('orders by first month, then last month; non-periods last', () => {
    const shuffled = [
      '2025',
      'junk',
      '2025-01..2025-11',
      '2024-12',
      '2025-Q1',
      '2025-01..2025-02',
      '2025-01',
      '2025-03',
    ]
    expect(sortPeriods(shuffled)).toEqual([
      '2024-12',
      '2025-01',
      '2025-01..2025-02',
      '2025-Q1',
      '2025-01..2025-11',
      '2025',
      '2025-03',
      'junk',
    ])
  })

  it('sorts months as their calendar order, for any months', () => {
    const month = fc
      .record({ y: fc.integer({ min: 1800, max: 2199 }), m: fc.integer({ min: 1, max: 12 }) })
      .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`)
    fc.assert(
      fc.property(month, month, (a, b) => {
        const expected = Date.UTC(+a.slice(0, 4), +a.slice(5) - 1) - Date.UTC(+b.slice(0, 4), +b.slice(5) - 1)
        expect(Math.sign(comparePeriods(a, b))).toBe(Math.sign(expected))
        expect(monthOf(monthIndex(a))).toBe(a)
      }),
    )
  })

  it('counts the months a period covers', () => {
    expect(monthCount(periodBounds('2025')!)).toBe(12)
    expect(monthCount(periodBounds('2025-Q3')!)).toBe(3)
    expect(monthCount(periodBounds('2025-01..2025-02')!)).toBe(2)
    expect(monthCount(periodBounds('2025-07')!)).toBe(1)
  })

  it('says whether a period lies inside a range, either end open', () => {
    expect(periodWithin('2025-03', '2025-01', '2025-06')).toBe(true)
    expect(periodWithin('2025-01..2025-02', '2025', undefined)).toBe(true)
    expect(periodWithin('2025-01..2025-02', '2025-02', undefined)).toBe(false)
    expect(periodWithin('2025', undefined, '2025-11')).toBe(false)
    expect(periodWithin('2025-03', undefined, undefined)).toBe(true)
    expect(periodWithin('2025-03', '2025-13', undefined)).toBe(false)
    expect(periodWithin('nope', undefined, undefined)).toBe(false)
  })
})

describe('quarters on the time axis', () => {
  it('names the quarter a month falls in', () => {
    expect(['2025-01', '2025-03', '2025-04', '2025-09', '2025-10', '2025-12'].map(quarterOf)).toEqual([
      '2025-Q1',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2025-Q4',
    ])
  })

  it('spans a quarter over its three months, its middle at the second', () => {
    const april = monthIndex('2025-04')
    expect(axisSpan('2025-Q2')).toEqual({ from: april - 0.5, to: april + 2.5, middle: april + 1 })
    expect(axisSpan('2025-05')).toEqual({ from: april + 0.5, to: april + 1.5, middle: april + 1 })
    expect(axisSpan('2025')).toEqual({
      from: monthIndex('2025-01') - 0.5,
      to: monthIndex('2025-12') + 0.5,
      middle: monthIndex('2025-01') + 5.5,
    })
    expect(axisSpan('2025-Q5')).toBeNull()
  })
})

describe('formatPeriod', () => {
  it.each([
    ['2025-11', 'Nov 2025', '2025年11月'],
    ['2025-01..2025-02', 'Jan–Feb 2025', '2025年1–2月'],
    ['2025-01..2025-11', 'Jan–Nov 2025', '2025年1–11月'],
    ['2024-12..2025-02', 'Dec 2024–Feb 2025', '2024年12月–2025年2月'],
    ['2025-Q2', 'Q2 2025', '2025年第二季度'],
    ['2001-Q4', 'Q4 2001', '2001年第四季度'],
    ['2024', '2024', '2024年'],
    ['not a period', 'not a period', 'not a period'],
  ])('%s → %s / %s', (period, en, zh) => {
    expect(formatPeriod(period)).toBe(en)
    expect(formatPeriod(period, 'en')).toBe(en)
    expect(formatPeriod(period, 'zh-CN')).toBe(zh)
  })

  it('names months in the reader’s language', () => {
    expect(monthName(1, 'en')).toBe('Jan')
    expect(monthName(12, 'en')).toBe('Dec')
    expect(monthName(3, 'zh-CN')).toBe('3月')
  })
})

describe('parsePeriodLabel', () => {
  it('reads the canonical forms, ignoring surrounding spaces', () => {
    expect(parsePeriodLabel(' 2025-11 ')).toEqual({ period: '2025-11' })
    expect(parsePeriodLabel('2025-Q2')).toEqual({ period: '2025-Q2' })
  })

  it('refuses anything else in plain words', () => {
    const reading = parsePeriodLabel('2025-13')
    expect('refused' in reading && english(reading.refused)).toBe(
      'month 13 does not exist (months are 01 to 12)',
    )
  })
})
