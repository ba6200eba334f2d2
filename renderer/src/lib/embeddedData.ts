/**
 * A self-contained snapshot's data: the series the view was drawn from (as read, before any
 * transform) and the breakdown panel as shown (its ranking), kept in the snapshot so it redraws —
 * chart, table, transforms, notes, ranking, treemap, map — on a machine without the dataset. Pure:
 * from the Explorer's fetched series and the panel's ranking to the snapshot's form and back.
 */
import type { Series, Source } from '@shared/api'
import type { Ranking } from '@shared/exploreApi'
import type { EmbeddedBreakdown, EmbeddedData, EmbeddedSeries, SnapshotSource } from '@shared/snapshot'
import { selectionsOf, type ViewState } from '@shared/viewState'
import type { FetchedSeries, MissingReason } from './chartModel'
import type { References } from '../stores/explorer'

/** A series as read, in the snapshot's form (sources by id). */
export function embed(series: Series | null): EmbeddedSeries | null {
  if (!series) return null
  return {
    series: series.series.slice(0, 120),
    label: series.label.slice(0, 300),
    unit: series.unit.slice(0, 80),
    frequency: series.frequency,
    points: series.points.map((p) => ({
      period: p.period,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      value: p.value,
      status: p.status,
      note: p.note.slice(0, 500),
      sourceId: p.sourceId,
      alternatives: p.alternatives,
    })),
    sourceIds: series.sources.map((s) => s.id),
  }
}

/** What the breakdown panel asked for: the ranking's query as the panel builds it. */
export type BreakdownQuery = EmbeddedBreakdown['query']

/**
 * The breakdown panel as shown: the ranking that answers its query (as the services answer it, in
 * English), the ISO-2 codes of the areas it names, and the HS levels of the dataset.
 */
export interface ShownBreakdown {
  query: BreakdownQuery
  ranking: Ranking
  iso2: ReadonlyMap<string, string>
  productLevels: readonly number[]
}

/** The same query, whatever the order of its fields: the panel draws a saved ranking only for its own query. */
export function breakdownQueryKey(query: BreakdownQuery): string {
  return JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)))
}

/** The areas a ranking names, once each: its reporter, its partner and the partners it ranks. */
export function areasOf(r: Ranking): string[] {
  const codes = [r.reporter.code, r.partner.code, ...(r.by === 'partner' ? r.rows.map((x) => x.code) : [])]
  return [...new Set(codes)]
}

/**
 * The breakdown in the snapshot's form: the rows the panel showed (top N, or every partner the map
 * shades), "other" and the total, the path, unit and source, and the ISO-2 codes of the areas it names.
 * Not the ranking's `all` (every ranked row): no picture draws it.
 */
export function embedBreakdown(shown: ShownBreakdown): EmbeddedBreakdown {
  const r = shown.ranking
  const label = (x: { code: string; label: string }) => ({ code: x.code, label: x.label.slice(0, 500) })
  const iso2 = areasOf(r).flatMap((code) => {
    const iso = shown.iso2.get(code)
    return iso ? [{ code, iso2: iso }] : []
  })
  return {
    query: shown.query,
    ranking: {
      version: r.version,
      reporter: label(r.reporter),
      flow: r.flow,
      by: r.by,
      partner: label(r.partner),
      product: label(r.product),
      path: r.path.map(label),
      unit: r.unit,
      frequency: r.frequency,
      from: r.from,
      to: r.to,
      previousFrom: r.previousFrom,
      previousTo: r.previousTo,
      rows: r.rows.map((row) => ({
        code: row.code,
        label: row.label.slice(0, 500),
        value: row.value,
        share: row.share,
        previous: row.previous,
        yoy: row.yoy,
        drill: row.drill,
        ...(row.iso3 ? { iso3: row.iso3 } : {}),
      })),
      other: r.other,
      total: r.total,
      source: {
        title: r.source.title.slice(0, 500),
        publisher: r.source.publisher?.slice(0, 200) ?? null,
        url: r.source.url,
      },
    },
    iso2,
    productLevels: [...shown.productLevels],
  }
}

/** A snapshot's breakdown as the panel shows one (its ranking as the services answer it). */
export function breakdownOfEmbedded(e: EmbeddedBreakdown): ShownBreakdown {
  return {
    query: e.query,
    ranking: {
      ...e.ranking,
      dataset: e.query.dataset,
      // Every ranked row is not kept (no picture draws it); the rows shown are.
      all: [],
    },
    iso2: new Map(e.iso2.map((a) => [a.code, a.iso2])),
    productLevels: e.productLevels,
  }
}

/** The data of a view and every source it cites (the references' too), with its breakdown as shown. */
export function embeddedOf(
  fetched: readonly FetchedSeries[],
  references: References,
  breakdown: ShownBreakdown | null,
): { data: EmbeddedData; sources: Source[] } {
  const sources = new Map<string, Source>()
  const all = [
    ...fetched.flatMap((f) => [f.series, f.published, f.total]),
    references.annual,
    references.projection,
  ]
  for (const s of all) for (const src of s?.sources ?? []) sources.set(src.id, src)
  return {
    data: {
      series: fetched.map((f) => ({
        key: f.selection.key,
        series: embed(f.series),
        published: embed(f.published),
        total: embed(f.total),
        ...(f.error ? { error: f.error.slice(0, 500) } : {}),
      })),
      annual: embed(references.annual),
      projection: embed(references.projection),
      breakdown: breakdown ? embedBreakdown(breakdown) : null,
    },
    sources: [...sources.values()],
  }
}

/** The fetched series of a view again, from a snapshot's embedded data and sources. */
export function fetchedOfEmbedded(
  data: EmbeddedData,
  sources: readonly SnapshotSource[],
  view: ViewState,
): { fetched: FetchedSeries[]; references: References; breakdown: ShownBreakdown | null } {
  const series = (e: EmbeddedSeries | null) => seriesOfEmbedded(e, sources, view.dataset)
  const saved = new Map(data.series.map((s) => [s.key, s]))
  return {
    fetched: selectionsOf(view).map((selection) => {
      const s = saved.get(selection.key)
      return {
        selection,
        series: series(s?.series ?? null),
        published: series(s?.published ?? null),
        total: series(s?.total ?? null),
        ...(s?.error || !s?.series ? { error: s?.error ?? ('not-in-snapshot' satisfies MissingReason) } : {}),
      }
    }),
    references: { annual: series(data.annual), projection: series(data.projection) },
    breakdown: data.breakdown ? breakdownOfEmbedded(data.breakdown) : null,
  }
}

/** An embedded series as the app reads a series, its sources looked up in the snapshot's. */
export function seriesOfEmbedded(
  e: EmbeddedSeries | null,
  sources: readonly SnapshotSource[],
  dataset: string,
): Series | null {
  if (!e) return null
  const byId = new Map(sources.map((s) => [s.id, s as Source]))
  return {
    dataset,
    series: e.series,
    label: e.label,
    unit: e.unit,
    frequency: e.frequency,
    points: e.points,
    sources: e.sourceIds.flatMap((id) => {
      const source = byId.get(id)
      return source ? [source] : []
    }),
  }
}
