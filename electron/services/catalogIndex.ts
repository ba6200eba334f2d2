/**
 * The bundled catalog's readings, held in memory once the packages are loaded and checked.
 *
 * The packages are read-only and small (a few thousand readings), while the Overview and every chart
 * ask for series again and again. Answering those from DuckDB cost four to eleven queries a call (find
 * the series, read it, its sources, its label), each a round trip through the query planner; here it
 * is a map lookup. DuckDB keeps the tables for everything that scans or aggregates (dimensions,
 * rankings, every observation of a series); nothing writes them after the catalog opens.
 */
import type { ParsedSeriesQuery, Source } from '../shared/api'
import type { Engine } from './engine'

/** One observation row as the package stores it (the rescaling and preference columns may be empty). */
export interface ReadingRow {
  period: string
  period_start: string
  period_end: string
  value: number
  status: 'published' | 'projection'
  note: string | null
  source_id: string
  preferred: boolean
  published_value: string | null
  published_unit: string | null
  preferred_by: string | null
  preferred_reason: string | null
}

/** The dimensions a series is selected by, exactly as the query names them. */
export type SeriesSelector = Omit<ParsedSeriesQuery, 'from' | 'to'>

export interface SeriesCandidate {
  series: string
  unit: string
  /** Every reading of it under this selection is a projection. */
  projection: boolean
}

export interface CatalogIndex {
  /** The series (with unit) that match every dimension given, ordered by series then unit. */
  candidates(selector: SeriesSelector): SeriesCandidate[]
  /** Every reading of one series in one unit and frequency, ordered by period, the preferred first. */
  readings(dataset: string, series: string, unit: string, frequency: string): readonly ReadingRow[]
  label(dataset: string, series: string, unit: string, frequency: string): string | null
  /** The sources among these ids (unknown ids left out), in the package's order. */
  sources(dataset: string, ids: readonly string[]): Source[]
}

interface IndexedRow extends ReadingRow {
  dataset: string
  series: string
  reporter: string
  flow: string
  partner: string
  product: string
  measure: string
  unit: string
  frequency: string
}

const key = (...parts: string[]) => parts.join('\u0000')

/** Reads the loaded catalog tables once. */
export async function loadCatalogIndex(engine: Engine): Promise<CatalogIndex> {
  const [rows, sourceRows, labels] = await Promise.all([
    engine.all<IndexedRow>(
      `SELECT dataset, series, reporter, flow, partner, product, measure, unit, frequency,
              period, period_start, period_end, value, status, note, source_id, preferred,
              published_value, published_unit, preferred_by, preferred_reason
         FROM observations ORDER BY period_start, period_end, preferred DESC, source_id`,
    ),
    engine.all<{
      dataset: string
      source_id: string
      title: string
      publisher: string | null
      published: string | null
      url: string
    }>(`SELECT dataset, source_id, title, publisher, published, url FROM sources ORDER BY rowid`),
    engine.all<{ dataset: string; series: string; unit: string; frequency: string; label: string }>(
      `SELECT dataset, series, unit, frequency, label FROM series_info`,
    ),
  ])

  const bySeries = new Map<string, ReadingRow[]>()
  /** Selection (the seven dimensions) → series+unit → whether every reading is a projection. */
  const bySelection = new Map<string, Map<string, SeriesCandidate>>()
  for (const row of rows) {
    const reading: ReadingRow = {
      period: row.period,
      period_start: row.period_start,
      period_end: row.period_end,
      value: row.value,
      status: row.status,
      note: row.note,
      source_id: row.source_id,
      preferred: row.preferred,
      published_value: row.published_value,
      published_unit: row.published_unit,
      preferred_by: row.preferred_by,
      preferred_reason: row.preferred_reason,
    }
    const seriesKey = key(row.dataset, row.series, row.unit, row.frequency)
    const list = bySeries.get(seriesKey)
    if (list) list.push(reading)
    else bySeries.set(seriesKey, [reading])

    const selection = key(
      row.dataset,
      row.reporter,
      row.flow,
      row.partner,
      row.product,
      row.measure,
      row.frequency,
    )
    let candidates = bySelection.get(selection)
    if (!candidates) bySelection.set(selection, (candidates = new Map()))
    const candidateKey = key(row.series, row.unit)
    const found = candidates.get(candidateKey)
    const projection = row.status === 'projection'
    if (found) found.projection &&= projection
    else candidates.set(candidateKey, { series: row.series, unit: row.unit, projection })
  }
  const ordered = new Map(
    [...bySelection].map(([selection, candidates]) => [
      selection,
      [...candidates.values()].sort((a, b) => compare(a.series, b.series) || compare(a.unit, b.unit)),
    ]),
  )
  // Each source with its place in the package's sources list: answers list them in that order.
  const sources = new Map(
    sourceRows.map((r, rank) => [
      key(r.dataset, r.source_id),
      {
        rank,
        source: {
          id: r.source_id,
          title: r.title,
          publisher: r.publisher || null,
          published: r.published || null,
          url: r.url,
        },
      },
    ]),
  )
  const labelOf = new Map(labels.map((r) => [key(r.dataset, r.series, r.unit, r.frequency), r.label]))

  return {
    candidates(s) {
      const all =
        ordered.get(key(s.dataset, s.reporter, s.flow, s.partner, s.product, s.measure, s.frequency)) ?? []
      return all.filter(
        (c) =>
          (s.unit === undefined || c.unit === s.unit) && (s.series === undefined || c.series === s.series),
      )
    },
    readings: (dataset, series, unit, frequency) => bySeries.get(key(dataset, series, unit, frequency)) ?? [],
    label: (dataset, series, unit, frequency) => labelOf.get(key(dataset, series, unit, frequency)) ?? null,
    sources: (dataset, ids) =>
      ids
        .flatMap((id) => sources.get(key(dataset, id)) ?? [])
        .sort((a, b) => a.rank - b.rank)
        .map((found) => found.source),
  }
}

/** DuckDB's VARCHAR order (by code point), which the SQL this replaces sorted by. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
