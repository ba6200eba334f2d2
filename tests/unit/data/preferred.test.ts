import { describe, expect, it } from 'vitest'
import { choosePreferred, parsePreferred, type Candidate } from '../../../scripts/data/preferred'

const row = (series: string, period: string, value: string, line: number): Candidate => ({ series, period, value, line })
const entries = (text: string) => parsePreferred(`series,period,value,reason\n${text}`)

describe('choosePreferred', () => {
  it('prefers the first row of a group whose rows all give the same number', () => {
    const rows = [row('a', '2025-01', '1.0', 2), row('a', '2025-01', '1', 3), row('a', '2025-02', '5', 4)]
    expect(choosePreferred(rows, [])).toEqual([true, false, true])
  })

  it('prefers the row named in preferred.csv when values differ, the first such row if repeated', () => {
    const rows = [row('a', '2024', '993', 2), row('a', '2024', '992.16', 3), row('a', '2024', '992.16', 4), row('b', '2024', '1', 5)]
    expect(choosePreferred(rows, entries('a,2024,992.16,more precise\n'))).toEqual([false, true, false, true])
  })

  it('compares values numerically', () => {
    const rows = [row('a', '2024', '0.0', 2), row('a', '2024', '0.7', 3)]
    expect(choosePreferred(rows, entries('a,2024,0,flat\n'))).toEqual([true, false])
  })

  it('fails for a differing group without an entry, naming the facts lines', () => {
    const rows = [row('a', '2024', '1', 7), row('a', '2024', '2', 9)]
    expect(() => choosePreferred(rows, [])).toThrow(/no entry in preferred.csv for a 2024.*line 7: 1; line 9: 2/)
  })

  it('fails for an entry whose value matches no row', () => {
    const rows = [row('a', '2024', '1', 2), row('a', '2024', '2', 3)]
    expect(() => choosePreferred(rows, entries('a,2024,3,typo\n'))).toThrow(/line 2: value 3 matches no row of a 2024/)
  })

  it('fails for a stale entry: a group that does not exist or does not differ', () => {
    const rows = [row('a', '2024', '1', 2), row('a', '2024', '1', 3)]
    expect(() => choosePreferred(rows, entries('a,2024,1,same\n'))).toThrow(/stale entry, a 2024 does not have differing values/)
    expect(() => choosePreferred(rows, entries('b,2024,1,gone\n'))).toThrow(/stale entry, no facts rows for b 2024/)
  })
})

describe('parsePreferred', () => {
  it('rejects a wrong header, a non-numeric value, an empty reason and a repeated group', () => {
    expect(() => parsePreferred('series,period,value\n')).toThrow(/header/)
    expect(() => entries('a,2024,x,why\n')).toThrow(/line 2: value "x" is not a number/)
    expect(() => entries('a,2024,1, \n')).toThrow(/line 2: empty reason/)
    expect(() => entries('a,2024,1,r\na,2024,2,r\n')).toThrow(/line 3: a second entry for a 2024/)
  })
})
