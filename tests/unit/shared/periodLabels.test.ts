/** Period labels as trade publishers write them, read by the one period module; clear refusals for the rest. */
import { describe, expect, it } from 'vitest'
import { english } from '../../../electron/shared/messages'
import { parsePeriodLabel } from '../../../electron/shared/periods'

/** Why a label is refused, in English; null when it is read. */
function refusal(label: string): string | null {
  const reading = parsePeriodLabel(label)
  return 'refused' in reading ? english(reading.refused) : null
}

describe('parsePeriodLabel', () => {
  it.each([
    ['2001', '2001'],
    ['200105', '2001-05'],
    ['2001-05', '2001-05'],
    ['2001/01', '2001-01'],
    ['2001.01', '2001-01'],
    ['2001M05', '2001-05'],
    ['2001M5', '2001-05'],
    ['2025-M01', '2025-01'],
    ['May 2001', '2001-05'],
    ['January 2001', '2001-01'],
    ['Jan-2001', '2001-01'],
    ['Sept 2001', '2001-09'],
    ['2001Q2', '2001-Q2'],
    ['2001-Q2', '2001-Q2'],
    ['Q2 2001', '2001-Q2'],
    ['2015 Q1', '2015-Q1'],
    ['First Quarter 2020', '2020-Q1'],
    ['fourth quarter 2020', '2020-Q4'],
    ['2019-01-31', '2019-01'],
    ['2019-01-01T00:00:00', '2019-01'],
    ['20220101', '2022-01'],
    ['31/01/2019', '2019-01'],
    // Taiwan's years of the Republic of China: year 1 is 1912.
    ['102年', '2013'],
    ['民國102年', '2013'],
    ['114年3月', '2025-03'],
  ])('%s → %s', (label, period) => {
    expect(parsePeriodLabel(label)).toEqual({ period })
  })

  it.each([
    ['FY2001', 'looks like a fiscal or split year; the app reads calendar years'],
    ['2001-2002', 'looks like a fiscal or split year; the app reads calendar years'],
    ['2023/24', 'looks like a fiscal or split year; the app reads calendar years'],
    ['03/04/2019', 'could be read day/month or month/day, so it is not guessed'],
    ['Jan-01', 'has a two-digit year, which could be read more than one way'],
    ['Mai 2001', 'does not name a month in English (January, Jan, Sept…)'],
    [
      '114年1月~114年7月(初步值)',
      'sums several months (a year-to-date figure), not one period: leave these rows out',
    ],
  ])('%s is refused: %s', (label, reason) => {
    expect(refusal(label)).toBe(`"${label}" ${reason}`)
  })

  it('a month out of range is explained by the canonical reader', () => {
    expect(refusal('2001-13')).toBe('month 13 does not exist (months are 01 to 12)')
  })
})
