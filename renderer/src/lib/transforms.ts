/**
 * Transforms of a published series, as pure functions. Rules that hold for all of them:
 * - A gap stays a gap: a value that needs a missing input is null, with a note saying what is missing.
 * - China's customs publish January and February combined (`2025-01..2025-02`): such a period is one
 *   point, compared only with a period of the same span.
 * - Every output point says what it is: `published` (read in a source), `computed` (derived here from
 *   published values), and which sources it rests on.
 */
import type { SeriesPoint } from '@shared/api'
import { compareBounds, monthCount, monthIndex, monthOf, parsePeriod, quarterOf } from '@shared/periods'

/** `projected`: a published forecast (e.g. a 2030 share), shown after the observed data, never mixed in. */
export type PointKind = 'published' | 'computed' | 'projected'

export interface TPoint {
  period: string
  start: string
  end: string
  value: number | null
  kind: PointKind
  sourceIds: string[]
  /** Why a value is missing, or how a computed one was made. */
  note?: string
}

const length = monthCount
const byTime = compareBounds
/** A calendar quarter (`2025-Q2`): quarterly data, whose notes name quarters rather than months. */
const isQuarter = (p: Pick<TPoint, 'period'>) => parsePeriod(p.period)?.kind === 'quarter'

/**
 * The data's points as transform input: published, or computed where the data says so (an imported
 * file's partners summed into a World or bloc total), keeping the rule it states.
 */
export function fromSeries(points: readonly SeriesPoint[]): TPoint[] {
  return points
    .map((p) => ({
      period: p.period,
      start: p.periodStart,
      end: p.periodEnd,
      value: p.value,
      kind: p.status === 'computed' ? ('computed' as const) : ('published' as const),
      sourceIds: [p.sourceId],
      ...(p.status === 'computed' && p.note ? { note: p.note } : {}),
    }))
    .sort(byTime)
}

const spanKey = (start: string, end: string) => `${start}/${end}`

/**
 * Year-on-year change in %. Where the data has a published y/y for a period it is shown as published;
 * otherwise it is computed from the level a year earlier (same span: a quarter against the same quarter
 * a year before, never against months or a year), or, for a combined period whose year-earlier months
 * were published separately (Jan–Feb 2020 vs Jan and Feb 2019), from their sum.
 */
export function yearOnYear(levels: readonly TPoint[], published: readonly TPoint[] = []): TPoint[] {
  const bySpan = new Map(levels.filter((p) => p.value !== null).map((p) => [spanKey(p.start, p.end), p]))
  const byStart = new Map(levels.filter((p) => p.value !== null).map((p) => [p.start, p]))
  const out = new Map<string, TPoint>()

  for (const p of levels) {
    const base = yearEarlier(p, bySpan, byStart)
    if (p.value === null || !base) {
      out.set(p.period, {
        ...p,
        value: null,
        kind: 'computed',
        note: p.value === null ? p.note : 'no level a year earlier',
      })
      continue
    }
    if (base.value === 0) {
      out.set(p.period, { ...p, value: null, kind: 'computed', note: 'the level a year earlier is zero' })
      continue
    }
    out.set(p.period, {
      ...p,
      value: (p.value / base.value - 1) * 100,
      kind: 'computed',
      sourceIds: [...p.sourceIds, ...base.sourceIds],
      note:
        base.parts > 1
          ? `computed against the sum of ${base.parts} separately published months`
          : isQuarter(p)
            ? `% change on the same quarter a year before (${quarterOf(monthOf(monthIndex(p.start) - 12))})`
            : 'computed from levels',
    })
  }
  // A published rate wins over a computed one, and stands where no level exists at all.
  for (const p of published) out.set(p.period, { ...p, kind: 'published' })
  return [...out.values()].sort(byTime)
}

/**
 * Change on the same span a year earlier, in the series' own unit (USD bn). For a balance, whose sign
 * can change, a percentage is meaningless (a surplus turning into a deficit is "−150 %"): this is shown instead.
 */
export function yearOnYearChange(levels: readonly TPoint[]): TPoint[] {
  const bySpan = new Map(levels.filter((p) => p.value !== null).map((p) => [spanKey(p.start, p.end), p]))
  const byStart = new Map(levels.filter((p) => p.value !== null).map((p) => [p.start, p]))
  return [...levels].sort(byTime).map((p) => {
    const base = yearEarlier(p, bySpan, byStart)
    if (p.value === null || !base)
      return { ...p, value: null, kind: 'computed' as const, note: 'no level a year earlier' }
    return {
      ...p,
      value: p.value - base.value,
      kind: 'computed' as const,
      sourceIds: [...p.sourceIds, ...base.sourceIds],
      note: 'change on the same period a year earlier',
    }
  })
}

function yearEarlier(
  p: TPoint,
  bySpan: Map<string, TPoint>,
  byStart: Map<string, TPoint>,
): { value: number; sourceIds: string[]; parts: number } | null {
  const start = monthIndex(p.start) - 12
  const end = monthIndex(p.end) - 12
  const exact = bySpan.get(spanKey(monthOf(start), monthOf(end)))
  if (exact && exact.value !== null) return { value: exact.value, sourceIds: exact.sourceIds, parts: 1 }
  // Cover the year-earlier span exactly with consecutive published points, or give up.
  let cursor = start
  let value = 0
  const sourceIds: string[] = []
  let parts = 0
  while (cursor <= end) {
    const part = byStart.get(monthOf(cursor))
    if (!part || part.value === null || monthIndex(part.end) > end) return null
    value += part.value
    sourceIds.push(...part.sourceIds)
    parts += 1
    cursor = monthIndex(part.end) + 1
  }
  return parts > 0 ? { value, sourceIds, parts } : null
}

/**
 * Year-to-date cumulative sum, restarting each January. A missing month (or quarter, in quarterly data)
 * breaks the sum for the rest of that year (nothing is assumed for it). Where the data has a published
 * year-to-date figure for the same span, that figure is shown instead, marked published.
 */
export function yearToDate(levels: readonly TPoint[], published: readonly TPoint[] = []): TPoint[] {
  const publishedBySpan = new Map(published.map((p) => [spanKey(p.start, p.end), p]))
  const out: TPoint[] = []
  let year = ''
  let expected = -1
  let running = 0
  let sources: string[] = []
  let broken: string | undefined

  for (const p of [...levels].sort(byTime)) {
    if (p.start.slice(0, 4) !== year) {
      year = p.start.slice(0, 4)
      expected = monthIndex(`${year}-01`)
      running = 0
      sources = []
      broken = undefined
    }
    if (!broken && (p.value === null || monthIndex(p.start) !== expected)) {
      const gap = isQuarter(p) ? quarterOf(monthOf(expected)) : monthOf(expected)
      broken = p.value === null ? `${p.period} has no value` : `no value for ${gap}`
    }
    const ytdStart = `${year}-01`
    const pub = publishedBySpan.get(spanKey(ytdStart, p.end))
    if (broken) {
      out.push(
        pub
          ? { ...pub, period: p.period, kind: 'published' }
          : { ...p, value: null, kind: 'computed', note: `year to date unknown: ${broken}` },
      )
      continue
    }
    running += p.value!
    sources = [...sources, ...p.sourceIds]
    expected = monthIndex(p.end) + 1
    out.push(
      pub
        ? {
            ...pub,
            period: p.period,
            start: p.start,
            end: p.end,
            kind: 'published',
            note: `published year to date; the sum of the months is ${round(running)}`,
          }
        : {
            ...p,
            value: running,
            kind: 'computed',
            sourceIds: sources,
            note: isQuarter(p)
              ? `sum of the quarters ${year}-Q1 to ${p.period}`
              : `sum of ${ytdStart}..${p.end}`,
          },
    )
  }
  return out
}

/**
 * Sum of the 12 months ending at each point (in quarterly data, the 4 quarters ending at it); null
 * unless those months are exactly covered.
 */
export function rolling12(levels: readonly TPoint[]): TPoint[] {
  return rollingSum(levels, 12).map((p) => {
    if (!isQuarter(p)) return p.value === null ? p : { ...p, note: `12 months to ${p.end}` }
    if (p.value !== null) return { ...p, note: `sum of the 4 quarters to ${p.period}` }
    const gap = /^no value ending (\S+) inside/.exec(p.note ?? '')?.[1]
    return gap ? { ...p, note: `no value for ${quarterOf(gap)} inside the 4 quarters` } : p
  })
}

/**
 * 3-month moving average: the sum of the three months ending at each point, divided by 3; null unless
 * those months are exactly covered. A Jan–Feb published combined covers two of the three months (so
 * March's average is (Jan–Feb + March) / 3); it is never split into two months.
 */
export function movingAverage3(levels: readonly TPoint[]): TPoint[] {
  return rollingSum(levels, 3).map((p) =>
    p.value === null
      ? p
      : { ...p, value: p.value / 3, note: `average of the 3 months to ${p.end} (their sum ÷ 3)` },
  )
}

/** The rule of a January or February shown as half of the published Jan–Feb combined (CSV and table notes). */
export const JAN_FEB_AVERAGE_NOTE =
  'computed: the published Jan–Feb combined value ÷ 2 (a monthly average, not a published month)'

/**
 * January and February as a monthly average: a published Jan–Feb combined becomes two points, each
 * the combined value ÷ 2, marked computed with that rule, so the chart shows no two-month spike. The
 * user asks for it (off by default); a missing combined value stays one missing point.
 */
export function janFebAverage(levels: readonly TPoint[]): TPoint[] {
  return levels.flatMap((p) => {
    const year = p.start.slice(0, 4)
    if (p.value === null || p.start !== `${year}-01` || p.end !== `${year}-02`) return [p]
    return [`${year}-01`, `${year}-02`].map((month) => ({
      ...p,
      period: month,
      start: month,
      end: month,
      value: p.value! / 2,
      kind: 'computed' as const,
      note: JAN_FEB_AVERAGE_NOTE,
    }))
  })
}

/** Sum of the `months` months ending at each point; null unless those months are exactly covered. */
function rollingSum(levels: readonly TPoint[], months: number): TPoint[] {
  const byEnd = new Map(levels.filter((p) => p.value !== null).map((p) => [p.end, p]))
  return [...levels].sort(byTime).map((p) => {
    let cursor = monthIndex(p.end)
    const stop = cursor - months
    let value = 0
    const sourceIds: string[] = []
    while (cursor > stop) {
      const part = byEnd.get(monthOf(cursor))
      if (!part || monthIndex(part.start) <= stop) {
        return {
          ...p,
          value: null,
          kind: 'computed' as const,
          note: `no value ending ${monthOf(cursor)} inside the ${months} months`,
        }
      }
      value += part.value!
      sourceIds.push(...part.sourceIds)
      cursor = monthIndex(part.start) - 1
    }
    return { ...p, value, kind: 'computed' as const, sourceIds }
  })
}

/** Change on the previous period in %, only between one-month periods that follow each other. */
export function monthOnMonth(levels: readonly TPoint[]): TPoint[] {
  return changeOnPrevious(levels, 1, {
    otherLength: 'a combined period has no month-on-month change',
    noPrevious: 'the previous month has no comparable value',
  })
}

/**
 * Change on the previous quarter in %, only between calendar quarters that follow each other; each
 * value's note names the quarter it is compared with. Months are never added up into quarters for it.
 */
export function quarterOnQuarter(levels: readonly TPoint[]): TPoint[] {
  return changeOnPrevious(levels, 3, {
    otherLength: 'only a calendar quarter has a quarter-on-quarter change',
    noPrevious: 'the previous quarter has no comparable value',
    rule: (prev) => `% change on the previous quarter (${prev.period})`,
  })
}

/** Change in % on the period just before, between periods of `months` months that follow each other. */
function changeOnPrevious(
  levels: readonly TPoint[],
  months: number,
  notes: { otherLength: string; noPrevious: string; rule?: (prev: TPoint) => string },
): TPoint[] {
  const sorted = [...levels].sort(byTime)
  return sorted.map((p, i) => {
    const prev = sorted[i - 1]
    if (length(p) !== months) return { ...p, value: null, kind: 'computed' as const, note: notes.otherLength }
    if (!prev || monthIndex(prev.end) !== monthIndex(p.start) - 1 || length(prev) !== months)
      return { ...p, value: null, kind: 'computed' as const, note: notes.noPrevious }
    if (p.value === null || prev.value === null || prev.value === 0)
      return { ...p, value: null, kind: 'computed' as const, note: 'no value to compare' }
    return {
      ...p,
      value: (p.value / prev.value - 1) * 100,
      kind: 'computed' as const,
      sourceIds: [...p.sourceIds, ...prev.sourceIds],
      ...(notes.rule ? { note: notes.rule(prev) } : {}),
    }
  })
}

/** Index with the base period = 100. Only periods of the base's span length are comparable. */
export function indexTo(levels: readonly TPoint[], basePeriod: string): TPoint[] {
  const base = levels.find((p) => p.period === basePeriod)
  return levels.map((p) => {
    if (!base || base.value === null || base.value === 0)
      return {
        ...p,
        value: null,
        kind: 'computed' as const,
        note: `no value for the base period ${basePeriod}`,
      }
    if (length(p) !== length(base))
      return {
        ...p,
        value: null,
        kind: 'computed' as const,
        note: 'a period of another length is not comparable with the base',
      }
    if (p.value === null) return { ...p, kind: 'computed' as const }
    return {
      ...p,
      value: (p.value / base.value) * 100,
      kind: 'computed' as const,
      sourceIds: [...p.sourceIds, ...base.sourceIds],
    }
  })
}

/** A part as % of a total for the same period (e.g. exports to the US as a share of all exports). */
export function shareOf(part: readonly TPoint[], total: readonly TPoint[]): TPoint[] {
  const totals = new Map(total.map((p) => [spanKey(p.start, p.end), p]))
  return part.map((p) => {
    const t = totals.get(spanKey(p.start, p.end))
    if (!t || t.value === null || t.value === 0 || p.value === null)
      return { ...p, value: null, kind: 'computed' as const, note: 'no total for this period' }
    return {
      ...p,
      value: (p.value / t.value) * 100,
      kind: 'computed' as const,
      sourceIds: [...p.sourceIds, ...t.sourceIds],
    }
  })
}

/** Unit conversion by a factor (USD bn → USD mn is × 1000); the kind of each point is kept. */
export function scale(points: readonly TPoint[], factor: number): TPoint[] {
  return points.map((p) => ({ ...p, value: p.value === null ? null : p.value * factor }))
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
