/**
 * Where a calculator input came from. A value read from the data carries its series, period and source
 * id (the UI looks the source up and shows publisher, title and link); a value the user typed in place
 * of missing data is a user assumption and says so wherever it appears. Pure types and helpers.
 */

/** One published observation as the calculators need it (a subset of the API's SeriesPoint). */
export interface DataPoint {
  period: string
  /** First month covered, `YYYY-MM`. */
  periodStart: string
  /** Last month covered, `YYYY-MM`. */
  periodEnd: string
  value: number
  sourceId: string
  /** How many other sources give a value for this period. */
  alternatives?: number
  status?: 'published' | 'projection' | 'computed'
  /** The data's note on this value (e.g. who made a projection). */
  note?: string
  /**
   * Set on a balance no source published, computed as exports − imports for this period: the two
   * readings it was computed from (see importedInputs.ts). `status` is then `computed`.
   */
  computedFrom?: [ComputedPart<'exports'>, ComputedPart<'imports'>]
}

/** One reading a computed value was made from. */
export interface ComputedPart<Role extends string> {
  role: Role
  series: string
  period: string
  value: number
  sourceId: string
}

/** A series as the calculators need it: its name and its preferred points. `null` when the dataset has none. */
export interface SeriesData {
  series: string
  points: DataPoint[]
  /**
   * Later vintages, by period: for a period whose readings include one published after the period's
   * first release and differing from the displayed value, the latest such reading (see vintages.ts).
   */
  revised?: Record<string, DataPoint>
}

export type Origin =
  | {
      kind: 'data'
      series: string
      period: string
      sourceId: string
      alternatives: number
      /** Set when this is a later vintage rather than the value the data displays. */
      vintage?: 'revised'
    }
  | { kind: 'user'; note: string }
  | {
      kind: 'computed'
      /** `share`: China's exports ÷ world exports × 100, from the two readings in `parts`. */
      rule: 'share'
      parts: ComputedPart<'china' | 'world'>[]
    }
  | {
      kind: 'computed'
      /** `balance`: exports − imports for one period, from the two readings in `parts`. */
      rule: 'balance'
      period: string
      parts: ComputedPart<'exports' | 'imports'>[]
    }

/** A number and where it came from. */
export interface Sourced {
  value: number
  origin: Origin
}

export function fromData(series: SeriesData, point: DataPoint, vintage?: 'revised'): Sourced {
  if (point.computedFrom)
    return {
      value: point.value,
      origin: { kind: 'computed', rule: 'balance', period: point.period, parts: point.computedFrom },
    }
  return {
    value: point.value,
    origin: {
      kind: 'data',
      series: series.series,
      period: point.period,
      sourceId: point.sourceId,
      alternatives: point.alternatives ?? 0,
      ...(vintage ? { vintage } : {}),
    },
  }
}

export function fromUser(value: number, note: string): Sourced {
  return { value, origin: { kind: 'user', note } }
}

/** The point of a series for exactly this period, or null (never a neighbour, never a fill). */
export function pointAt(series: SeriesData | null, period: string): DataPoint | null {
  return series?.points.find((p) => p.period === period) ?? null
}

/** `2025`, `3` → `2025-03`. */
export function monthId(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
}
