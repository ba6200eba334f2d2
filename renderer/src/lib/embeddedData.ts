/**
 * A self-contained snapshot's data: the series the view was drawn from (as read, before any
 * transform), kept in the snapshot so it redraws — chart, table, transforms, notes — on a machine
 * without the dataset. Pure: from the Explorer's fetched series to the snapshot's form and back.
 */
import type { Series, Source } from '@shared/api'
import type { EmbeddedData, EmbeddedSeries, SnapshotSource } from '@shared/snapshot'
import { selectionsOf, type ViewState } from '@shared/viewState'
import type { FetchedSeries } from './chartModel'
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

/** The data of a view and every source it cites (the references' too). */
export function embeddedOf(
  fetched: readonly FetchedSeries[],
  references: References,
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
    },
    sources: [...sources.values()],
  }
}

/** The fetched series of a view again, from a snapshot's embedded data and sources. */
export function fetchedOfEmbedded(
  data: EmbeddedData,
  sources: readonly SnapshotSource[],
  view: ViewState,
): { fetched: FetchedSeries[]; references: References } {
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
        ...(s?.error || !s?.series ? { error: s?.error ?? 'not in the snapshot' } : {}),
      }
    }),
    references: { annual: series(data.annual), projection: series(data.projection) },
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
