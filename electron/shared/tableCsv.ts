/**
 * The table CSV: one row per period and series, with what the value is and where it was read. The
 * Explorer's table export and an exported snapshot's data.csv are both written here, so the two stay
 * the same file for the same view.
 */
import { toCsv, type CsvValue } from './csv'
import { sortPeriods } from './periods'
import type { SnapshotNumbers, SnapshotSource } from './snapshot'

export interface TablePoint {
  period: string
  value: number | null
  kind: string
  sourceIds: readonly string[]
  note?: string
}

export interface TableSource {
  title: string
  publisher: string | null
  url: string
}

export interface Table {
  unit: string
  /** The rows' periods, in time order. */
  periods: readonly string[]
  series: readonly { label: string; points: readonly TablePoint[] }[]
  source: (id: string) => TableSource | undefined
}

export function tableCsv(table: Table): string {
  const rows: CsvValue[][] = [['period', 'series', 'value', 'unit', 'kind', 'note', 'sources']]
  const points = table.series.map((s) => new Map(s.points.map((p) => [p.period, p])))
  for (const period of table.periods) {
    table.series.forEach((s, i) => {
      const p = points[i]!.get(period)
      if (!p) return
      const cited = p.sourceIds.map(table.source).filter((src) => src !== undefined)
      rows.push([
        period,
        s.label,
        p.value,
        table.unit,
        p.value === null ? 'missing' : p.kind,
        p.note ?? '',
        cited.map((src) => `${src.publisher ?? src.title} <${src.url}>`).join('; '),
      ])
    })
  }
  return toCsv(rows)
}

/** The periods of a snapshot's numbers in time order, as the Explorer's chart model orders them. */
export function periodsOf(numbers: SnapshotNumbers): string[] {
  return sortPeriods(new Set(numbers.series.flatMap((s) => s.points.map((p) => p.period))))
}

/** A snapshot's numbers as the table CSV. */
export function numbersCsv(numbers: SnapshotNumbers, sources: readonly SnapshotSource[]): string {
  const byId = new Map(sources.map((s) => [s.id, s]))
  return tableCsv({
    unit: numbers.unit,
    periods: periodsOf(numbers),
    series: numbers.series,
    source: (id) => byId.get(id),
  })
}
