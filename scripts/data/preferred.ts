/**
 * Which reading of a (series, period) is the one displayed ("preferred"), by rules a reader can check,
 * overridable by the curated `scripts/data/preferred.csv` (series, period, value, reason).
 *
 * A group whose readings all give the same number, or agree once each pair is rounded to the less
 * precise of the two (27.97 and 28.0; 221.337434 and 221.3), needs no judgement: the most precise
 * reading is shown. Readings that really differ are settled by the sources, in this order:
 *
 * 1. `customs`: a table of China's customs agency itself beats a press report of it;
 * 2. `reissue`: a reissued (corrected) table beats the first issue;
 * 3. `first-published`: the reading certainly published first (dates from the source titles);
 * 4. `first-recorded`: when no date decides, the first reading in the facts file.
 *
 * A disagreement beyond rounding (`beyondTolerance`: two readings further apart than their printed
 * precision allows) that only rules 3-4 settle is a judgement, and needs a written
 * reason in preferred.csv; the build lists every one that has none and fails. An entry in preferred.csv
 * always wins, and must be needed: an entry for a group the rules settle the same way without
 * judgement is stale, as is one whose value matches no reading or whose group does not exist.
 */
import { readCsvRecords } from '../../electron/shared/csv'
import {
  absDecimal,
  addDecimal,
  compareDecimal,
  halfLastPlace,
  lastDigitPower,
  parseDecimal,
  roundAt,
  subtract,
  type Decimal,
} from './decimal'
import { publishedBefore } from './sources'

export const PREFERRED_COLUMNS = ['series', 'period', 'value', 'reason'] as const

/** How a group's displayed reading was chosen (the package's `preferred_by` column). */
export type PreferenceRule =
  'same' | 'precise' | 'customs' | 'reissue' | 'first-published' | 'first-recorded' | 'curated'

export interface PreferredEntry {
  line: number
  series: string
  period: string
  value: string
  reason: string
}

export interface Candidate {
  series: string
  period: string
  /** As stored in the package (after any exact rescaling), in the series' unit. */
  value: string
  /** Facts line, for messages. */
  line: number
  /** A table of China's customs agency itself. */
  customs?: boolean
  /** A reissued (corrected) table. */
  reissued?: boolean
  /** Publication date as ISO text (YYYY, YYYY-MM or YYYY-MM-DD), or empty. */
  published?: string
}

export interface GroupDecision {
  series: string
  period: string
  /** Positions (in the input) of the group's rows, in facts order. */
  rows: number[]
  /** Position of the preferred row. */
  preferred: number
  /** Null when the group has one reading. */
  rule: PreferenceRule | null
  /** preferred.csv's reason, for `curated`. */
  reason: string
  /** Some two readings differ by more than one unit in the last place of the less precise. */
  beyondTolerance: boolean
}

const key = (series: string, period: string): string => `${series}\u0000${period}`

export function parsePreferred(text: string, file = 'preferred.csv'): PreferredEntry[] {
  const records = readCsvRecords(text, { strict: true })
  const head = records[0]
  if (!head || head.fields.join(',') !== PREFERRED_COLUMNS.join(',')) {
    throw new Error(`${file} line 1: header must be exactly ${PREFERRED_COLUMNS.join(',')}`)
  }
  const seen = new Map<string, number>()
  return records.slice(1).map((r) => {
    const where = `${file} line ${r.line}`
    if (r.fields.length !== PREFERRED_COLUMNS.length)
      throw new Error(`${where}: expected 4 fields, found ${r.fields.length}`)
    const [series, period, value, reason] = r.fields as [string, string, string, string]
    if (!/^-?\d+(?:\.\d+)?$/.test(value)) throw new Error(`${where}: value "${value}" is not a number`)
    if (!reason.trim()) throw new Error(`${where}: empty reason`)
    const k = key(series, period)
    const prev = seen.get(k)
    if (prev !== undefined)
      throw new Error(`${where}: a second entry for ${series} ${period} (first on line ${prev})`)
    seen.set(k, r.line)
    return { line: r.line, series, period, value, reason }
  })
}

/** The two readings are the same figure once the more precise is rounded to the other's last digit. */
export function agreeAfterRounding(a: Decimal, b: Decimal): boolean {
  const power = Math.max(lastDigitPower(a), lastDigitPower(b))
  return compareDecimal(roundAt(a, power), roundAt(b, power)) === 0
}

/**
 * The two readings differ by more than rounding explains: a printed figure is off by at most half a unit
 * in its last place, so two roundings of one number are at most the sum of those halves apart
 * (35.5 and 35.6 may both round 35.55; 22 and 21.4 cannot round the same number).
 */
export function beyondTolerance(a: Decimal, b: Decimal): boolean {
  return compareDecimal(absDecimal(subtract(a, b)), addDecimal(halfLastPlace(a), halfLastPlace(b))) > 0
}

const pairs = <T>(xs: readonly T[]): [T, T][] =>
  xs.flatMap((a, i) => xs.slice(i + 1).map((b): [T, T] => [a, b]))

/**
 * The source rules 1-4 over `rows` (positions into `all`, facts order): the row they pick and the
 * first rule that narrowed the choice (null when one row remains from the start).
 */
function bySource(
  all: readonly Candidate[],
  rows: readonly number[],
): { pick: number; rule: PreferenceRule | null } {
  let left = [...rows]
  let rule: PreferenceRule | null = null
  const narrow = (r: PreferenceRule, keep: (i: number) => boolean): void => {
    if (left.length < 2) return
    const kept = left.filter(keep)
    if (kept.length > 0 && kept.length < left.length) {
      left = kept
      rule ??= r
    }
  }
  narrow('customs', (i) => !!all[i]!.customs)
  narrow('reissue', (i) => !!all[i]!.reissued)
  // First published: before every row with another value (rows giving the same number don't compete).
  narrow('first-published', (i) =>
    left.every(
      (j) =>
        j === i ||
        all[j]!.value === all[i]!.value ||
        publishedBefore(all[i]!.published ?? '', all[j]!.published ?? ''),
    ),
  )
  if (left.length > 1 && new Set(left.map((i) => all[i]!.value)).size > 1) rule ??= 'first-recorded'
  return { pick: left[0]!, rule }
}

/**
 * Decide every (series, period) group. Returns one decision per group, in order of first appearance.
 * Collects every problem (a judgement without a reason, a stale or mistyped entry) and throws them together.
 */
export function decidePreferred(
  rows: readonly Candidate[],
  entries: readonly PreferredEntry[],
  file = 'preferred.csv',
): GroupDecision[] {
  const groups = new Map<string, number[]>()
  rows.forEach((r, i) => {
    const k = key(r.series, r.period)
    const g = groups.get(k)
    if (g) g.push(i)
    else groups.set(k, [i])
  })
  const byKey = new Map(entries.map((e) => [key(e.series, e.period), e]))
  const decisions: GroupDecision[] = []
  const problems: string[] = []

  for (const [k, idx] of groups) {
    const first = rows[idx[0]!]!
    const dec = new Map(idx.map((i) => [i, parseDecimal(rows[i]!.value)]))
    const readingPairs = pairs(idx)
    const distinct = readingPairs.some(([a, b]) => compareDecimal(dec.get(a)!, dec.get(b)!) !== 0)
    const agree = readingPairs.every(([a, b]) => agreeAfterRounding(dec.get(a)!, dec.get(b)!))
    const beyond = readingPairs.some(([a, b]) => beyondTolerance(dec.get(a)!, dec.get(b)!))
    const base = {
      series: first.series,
      period: first.period,
      rows: idx,
      reason: '',
      beyondTolerance: beyond,
    }

    // What the rules alone would show, and whether that needs a written reason.
    let auto: { pick: number; rule: PreferenceRule | null }
    if (idx.length === 1) auto = { pick: idx[0]!, rule: null }
    else if (!distinct) auto = { pick: bySource(rows, idx).pick, rule: 'same' }
    else if (agree) {
      const finest = Math.min(...idx.map((i) => lastDigitPower(dec.get(i)!)))
      auto = {
        pick: bySource(
          rows,
          idx.filter((i) => lastDigitPower(dec.get(i)!) === finest),
        ).pick,
        rule: 'precise',
      }
    } else auto = bySource(rows, idx)
    const needsReason = beyond && (auto.rule === 'first-published' || auto.rule === 'first-recorded')

    const entry = byKey.get(k)
    if (!entry) {
      if (needsReason) {
        const readings = idx.map((i) => `${rows[i]!.value} (facts line ${rows[i]!.line})`).join(', ')
        problems.push(
          `${first.series} ${first.period}: readings ${readings} disagree beyond rounding; the rules would show ${rows[auto.pick]!.value} (${auto.rule}), ` +
            `but a disagreement needs a reason: add "${first.series},${first.period},<value>,<reason>" to ${file}`,
        )
      }
      decisions.push({ ...base, preferred: auto.pick, rule: auto.rule })
      continue
    }
    const want = parseDecimal(entry.value)
    const hits = idx.filter((i) => compareDecimal(dec.get(i)!, want) === 0)
    if (hits.length === 0) {
      const got = idx.map((i) => rows[i]!.value).join(', ')
      problems.push(
        `${file} line ${entry.line}: value ${entry.value} matches no row of ${first.series} ${first.period} (rows: ${got})`,
      )
      continue
    }
    if (!distinct) {
      problems.push(
        `${file} line ${entry.line}: stale entry, ${first.series} ${first.period} does not have differing values`,
      )
      continue
    }
    const pick = bySource(rows, hits).pick
    if (!needsReason && compareDecimal(dec.get(pick)!, dec.get(auto.pick)!) === 0) {
      problems.push(
        `${file} line ${entry.line}: stale entry, the rules already show ${rows[auto.pick]!.value} for ${first.series} ${first.period} (${auto.rule}); remove it`,
      )
      continue
    }
    decisions.push({ ...base, preferred: pick, rule: 'curated', reason: entry.reason.trim() })
  }
  for (const e of entries) {
    if (!groups.has(key(e.series, e.period)))
      problems.push(`${file} line ${e.line}: stale entry, no facts rows for ${e.series} ${e.period}`)
  }
  if (problems.length > 0)
    throw new Error(`preferred rows (${problems.length} problems):\n  ${problems.join('\n  ')}`)
  return decisions
}
