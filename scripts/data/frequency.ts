/**
 * The frequency each observation of the facts file stands for, from its series name and its period.
 * Periods themselves are read by the one period module; this file adds only the facts file's rules:
 * a series' suffix (`_annual`, `_ytd`) must agree with the shape of its periods.
 */
import type { z } from 'zod'
import { isJanFeb, parsePeriod, periodProblem, type Period } from '../../electron/shared/periods'
import type { Frequency as FrequencySchema } from '../../electron/shared/primitives'

export type Frequency = z.infer<typeof FrequencySchema>

/** A period of the facts file; throws `malformed period "…": why` for anything else. */
export function readPeriod(text: string): Period {
  const p = parsePeriod(text)
  if (!p) throw new Error(`malformed period "${text}": ${periodProblem(text)}`)
  if (p.kind === 'span' && p.start.slice(0, 4) !== p.end.slice(0, 4))
    throw new Error(`malformed period "${text}": a span must stay within one year`)
  return p
}

/**
 * The frequency of one observation, from the series' suffix (`_annual` → year, `_ytd` → ytd, none
 * → decided by the period) and the period's kind. Throws when the two disagree. The facts file holds
 * no quarters: a quarter is refused here.
 */
export function frequencyOf(suffix: 'annual' | 'ytd' | null, p: Period): Frequency {
  if (p.kind === 'quarter') throw new Error(`the facts file holds no quarterly figures, not "${p.text}"`)
  if (suffix === 'annual') {
    if (p.kind !== 'year') throw new Error(`an _annual series needs a YYYY period, not "${p.text}"`)
    return 'year'
  }
  if (suffix === 'ytd') {
    if (p.kind !== 'span') throw new Error(`a _ytd series needs a YYYY-01..YYYY-MM period, not "${p.text}"`)
    if (!p.start.endsWith('-01'))
      throw new Error(`a year-to-date period must start in January, not "${p.text}"`)
    return 'ytd'
  }
  if (p.kind === 'month') return 'month'
  if (p.kind === 'year') return 'year'
  if (isJanFeb(p)) return 'month'
  if (!p.start.endsWith('-01')) throw new Error(`a multi-month period must start in January, not "${p.text}"`)
  return 'ytd'
}
