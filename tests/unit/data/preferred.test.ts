import { describe, expect, it } from 'vitest'
import { parseDecimal } from '../../../scripts/data/decimal'
import {
  agreeAfterRounding,
  beyondTolerance,
  decidePreferred,
  parsePreferred,
  type Candidate,
} from '../../../scripts/data/preferred'

let line = 1
const row = (series: string, period: string, value: string, extra: Partial<Candidate> = {}): Candidate => ({
  series,
  period,
  value,
  line: ++line,
  ...extra,
})
const entries = (text: string) => parsePreferred(`series,period,value,reason\n${text}`)
/** The decisions as [series period, value shown, rule, reason]. */
const decide = (rows: Candidate[], text = '') =>
  decidePreferred(rows, entries(text)).map((d) => [
    `${d.series} ${d.period}`,
    rows[d.preferred]!.value,
    d.rule,
    d.reason,
  ])

describe('agreeAfterRounding and beyondTolerance', () => {
  const d = parseDecimal
  it.each([
    ['27.97', '28.0', true],
    ['221.337434', '221.3', true],
    ['35.5', '35.6', false],
    ['2480', '2478.5', true], // "$2.48 trillion" compiled as 2480: the trailing zero is rounding
    ['-3.5', '-3.46', true], // half away from zero
    ['-3.5', '-3.44', false],
  ])('%s and %s agree after rounding: %s', (a, b, agree) => {
    expect(agreeAfterRounding(d(a), d(b))).toBe(agree)
    expect(agreeAfterRounding(d(b), d(a))).toBe(agree)
  })
  it.each([
    ['35.5', '35.6', false], // both may round 35.55
    ['26.5', '26.57', true], // 26.57 rounds to 26.6: 26.5 truncates it
    ['22', '21.4', true],
    ['13', '14', false],
    ['44.4', '37.3', true],
  ])('%s and %s differ beyond rounding: %s', (a, b, beyond) => {
    expect(beyondTolerance(d(a), d(b))).toBe(beyond)
  })
})

describe('decidePreferred: the rules', () => {
  it('one reading: shown, no rule', () => {
    expect(decide([row('a', '2025-01', '5')])).toEqual([['a 2025-01', '5', null, '']])
  })

  it('the same number from several sources: the first reading, rule "same"', () => {
    expect(decide([row('a', '2025-01', '1.0'), row('a', '2025-01', '1')])).toEqual([
      ['a 2025-01', '1.0', 'same', ''],
    ])
  })

  it('readings that agree after rounding: the more precise, wherever it is, rule "precise"', () => {
    expect(decide([row('a', '2019-07', '28.0'), row('a', '2019-07', '27.97')])).toEqual([
      ['a 2019-07', '27.97', 'precise', ''],
    ])
  })

  it("a customs agency's table beats a press report", () => {
    const rows = [
      row('a', '2019-10', '212.93', { published: '2019-11-08' }),
      row('a', '2019-10', '212.916095', { customs: true, published: '2019-11-20' }),
    ]
    expect(decide(rows)).toEqual([['a 2019-10', '212.916095', 'customs', '']])
  })

  it('a reissued table beats the first issue, even far apart (no reason needed)', () => {
    const rows = [
      row('a', '2020-03', '163.5', { published: '2020-04-14' }),
      row('a', '2020-03', '10.5', { reissued: true, published: '2020-04-14' }),
    ]
    expect(decide(rows)).toEqual([['a 2020-03', '10.5', 'reissue', '']])
  })

  it('otherwise the reading certainly published first; a coarser date does not decide', () => {
    const rows = [
      row('a', '2018-08', '13.4', { published: '2018-10-12' }),
      row('a', '2018-08', '13.3', { published: '2018-09-08' }),
    ]
    expect(decide(rows)).toEqual([['a 2018-08', '13.3', 'first-published', '']])
    // "2018-09" may be before or after 2018-09-08: no date decides, the first reading recorded is shown.
    const undecided = [
      row('b', '2018-08', '13.4', { published: '2018-09' }),
      row('b', '2018-08', '13.3', { published: '2018-09-08' }),
    ]
    expect(decide(undecided)).toEqual([['b 2018-08', '13.4', 'first-recorded', '']])
  })

  it('preferred.csv overrides the rules, with its reason', () => {
    const rows = [row('a', '2025-09', '15.6'), row('a', '2025-09', '15.7', { customs: true })]
    expect(decide(rows, 'a,2025-09,15.6,the table was misread\n')).toEqual([
      ['a 2025-09', '15.6', 'curated', 'the table was misread'],
    ])
  })
})

describe('decidePreferred: what needs a written reason', () => {
  it('fails on a disagreement beyond rounding that only the date or the order settles, listing every one', () => {
    const rows = [
      row('a', '2019-08', '37.3', { published: '2019-09-08' }),
      row('a', '2019-08', '44.4', { published: '2019-09-09' }),
      row('b', '2018-11', '12.9'),
      row('b', '2018-11', '9.8'),
    ]
    expect(() => decidePreferred(rows, [])).toThrow(
      /2 problems[\s\S]*a 2019-08: readings 37\.3 .*44\.4 .*would show 37\.3 \(first-published\)[\s\S]*b 2018-11: .*would show 12\.9 \(first-recorded\)/,
    )
    const fixed = decide(rows, 'a,2019-08,37.3,Reuters table\nb,2018-11,9.8,Reuters partner data\n')
    expect(fixed).toEqual([
      ['a 2019-08', '37.3', 'curated', 'Reuters table'],
      ['b 2018-11', '9.8', 'curated', 'Reuters partner data'],
    ])
  })

  it('needs no reason within rounding (35.5 and 35.6) or where a source rule decides', () => {
    expect(decide([row('a', '2018-11', '35.5'), row('a', '2018-11', '35.6')])).toEqual([
      ['a 2018-11', '35.5', 'first-recorded', ''],
    ])
  })

  it('fails on an entry the rules make unnecessary, one matching no reading, and one for no group', () => {
    const rows = [
      row('a', '2024', '993'),
      row('a', '2024', '992.6'),
      row('b', '2024', '1'),
      row('b', '2024', '1'),
    ]
    expect(() => decidePreferred(rows, entries('a,2024,992.6,more precise\n'))).toThrow(
      /line 2: stale entry, the rules already show 992\.6 for a 2024 \(precise\)/,
    )
    expect(() => decidePreferred(rows, entries('a,2024,3,typo\n'))).toThrow(
      /line 2: value 3 matches no row of a 2024/,
    )
    expect(() => decidePreferred(rows, entries('b,2024,1,same\n'))).toThrow(
      /stale entry, b 2024 does not have differing values/,
    )
    expect(() => decidePreferred(rows, entries('c,2024,1,gone\n'))).toThrow(
      /stale entry, no facts rows for c 2024/,
    )
  })

  it('keeps an entry that overrides a rule, even within rounding', () => {
    const rows = [row('a', '2024', '993'), row('a', '2024', '992.6')]
    expect(decide(rows, 'a,2024,993,the other compilation is the customs basis\n')).toEqual([
      ['a 2024', '993', 'curated', 'the other compilation is the customs basis'],
    ])
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
