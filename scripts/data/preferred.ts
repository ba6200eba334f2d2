/**
 * Which row of a (series, period) group is the preferred one.
 *
 * - All rows give the same number: the first row in facts order.
 * - Rows differ: the curated `scripts/data/preferred.csv` (series, period, value, reason) names the
 *   value; the first row with that value is preferred. A differing group without an entry, an entry
 *   whose value matches no row, and an entry for a group that does not exist or does not differ
 *   (stale) are all errors.
 */
import { parseCsv } from './csv'

export const PREFERRED_COLUMNS = ['series', 'period', 'value', 'reason'] as const

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
  value: string
  /** Facts line, for messages. */
  line: number
}

const key = (series: string, period: string): string => `${series}\u0000${period}`

export function parsePreferred(text: string, file = 'preferred.csv'): PreferredEntry[] {
  const records = parseCsv(text)
  const head = records[0]
  if (!head || head.fields.join(',') !== PREFERRED_COLUMNS.join(',')) {
    throw new Error(`${file} line 1: header must be exactly ${PREFERRED_COLUMNS.join(',')}`)
  }
  const seen = new Map<string, number>()
  return records.slice(1).map((r) => {
    const where = `${file} line ${r.line}`
    if (r.fields.length !== PREFERRED_COLUMNS.length) throw new Error(`${where}: expected 4 fields, found ${r.fields.length}`)
    const [series, period, value, reason] = r.fields as [string, string, string, string]
    if (!/^-?\d+(?:\.\d+)?$/.test(value)) throw new Error(`${where}: value "${value}" is not a number`)
    if (!reason.trim()) throw new Error(`${where}: empty reason`)
    const k = key(series, period)
    const prev = seen.get(k)
    if (prev !== undefined) throw new Error(`${where}: a second entry for ${series} ${period} (first on line ${prev})`)
    seen.set(k, r.line)
    return { line: r.line, series, period, value, reason }
  })
}

/**
 * The preferred row of every group: returns, for each candidate (by position), whether it is preferred.
 * Collects every problem and throws them together.
 */
export function choosePreferred(rows: readonly Candidate[], entries: readonly PreferredEntry[], file = 'preferred.csv'): boolean[] {
  const groups = new Map<string, number[]>()
  rows.forEach((r, i) => {
    const k = key(r.series, r.period)
    const g = groups.get(k)
    if (g) g.push(i)
    else groups.set(k, [i])
  })
  const byKey = new Map(entries.map((e) => [key(e.series, e.period), e]))
  const preferred = rows.map(() => false)
  const problems: string[] = []

  for (const [k, idx] of groups) {
    const first = rows[idx[0]!]!
    const values = new Set(idx.map((i) => Number(rows[i]!.value)))
    const entry = byKey.get(k)
    if (values.size === 1) {
      if (entry) {
        problems.push(`${file} line ${entry.line}: stale entry, ${first.series} ${first.period} does not have differing values`)
      }
      preferred[idx[0]!] = true
      continue
    }
    if (!entry) {
      const lines = idx.map((i) => `line ${rows[i]!.line}: ${rows[i]!.value}`).join('; ')
      problems.push(`no entry in ${file} for ${first.series} ${first.period}, whose rows differ (facts ${lines})`)
      continue
    }
    const hit = idx.find((i) => Number(rows[i]!.value) === Number(entry.value))
    if (hit === undefined) {
      const got = idx.map((i) => rows[i]!.value).join(', ')
      problems.push(`${file} line ${entry.line}: value ${entry.value} matches no row of ${first.series} ${first.period} (rows: ${got})`)
      continue
    }
    preferred[hit] = true
  }
  for (const e of entries) {
    if (!groups.has(key(e.series, e.period))) {
      problems.push(`${file} line ${e.line}: stale entry, no facts rows for ${e.series} ${e.period}`)
    }
  }
  if (problems.length > 0) throw new Error(`preferred rows:\n  ${problems.join('\n  ')}`)
  return preferred
}
