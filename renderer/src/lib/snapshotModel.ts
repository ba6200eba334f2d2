/**
 * Between the Explorer's chart model and a snapshot: the numbers a view displays (exactly the table's
 * values, with their kind and sources), the notes it shows, and back again — a snapshot's numbers as a
 * chart model, so its print page, CSV and chart use the same code as the live Explorer.
 * Pure (no DOM): unit tests and the services tests use it directly. Without zod, so the Explorer's first
 * chart (its notes) needs no schema; a snapshot is put together and checked in snapshotBuild.ts.
 */
import type { Source } from '@shared/api'
import type { Note, NoteDraft } from '@shared/notes'
import { periodBounds } from '@shared/periods'
import type { SnapshotNumbers, SnapshotSource } from '@shared/snapshot'
import { encodeViewState, readViewState, selectionsOf, type ViewState } from '@shared/viewState'
import { periodsInOrder, valueGrid, type ChartModel } from './chartModel'
import type { TPoint } from './transforms'

/** The numbers the view displays: every point of every series (gaps as null), in the table's order. */
export function numbersOf(model: ChartModel): SnapshotNumbers {
  const grid = valueGrid(model)
  return {
    unit: model.unit,
    series: model.series.map((s, i) => ({
      key: s.key,
      label: s.label,
      points: grid[i]!.flatMap((p) =>
        p
          ? [
              {
                period: p.period,
                value: p.value === null || Number.isFinite(p.value) ? p.value : null,
                kind: p.kind,
                sourceIds: p.sourceIds,
                ...(p.note ? { note: p.note.slice(0, 500) } : {}),
              },
            ]
          : [],
      ),
      ...(s.missing ? { missing: s.missing.slice(0, 500) } : {}),
    })),
  }
}

/** A snapshot's numbers as a chart model (for its print page, its chart and its CSV). */
export function modelOfNumbers(
  numbers: SnapshotNumbers,
  sources: readonly SnapshotSource[],
  view: ViewState,
): ChartModel {
  const selections = new Map(selectionsOf(view).map((s) => [s.key, s]))
  const series = numbers.series.map((s) => {
    const [flow = '', partner = '', product = ''] = s.key.split(':')
    return {
      key: s.key,
      selection: selections.get(s.key) ?? { key: s.key, flow, partner, product },
      label: s.label,
      points: s.points.flatMap((p): TPoint[] => {
        const b = periodBounds(p.period)
        return b
          ? [
              {
                period: p.period,
                start: b.start,
                end: b.end,
                value: p.value,
                kind: p.kind,
                sourceIds: p.sourceIds,
                ...(p.note ? { note: p.note } : {}),
              },
            ]
          : []
      }),
      ...(s.missing ? { missing: s.missing } : {}),
    }
  })
  return {
    periods: periodsInOrder(series),
    series,
    unit: numbers.unit,
    sources: new Map(sources.map((s) => [s.id, s as Source])),
  }
}

/**
 * A view's identity for view notes and snapshot comparison: its state string, without the dataset
 * version and the breakdown under the chart (drilling into products changes no number of the chart).
 */
export function viewKey(view: ViewState): string {
  const { datasetVersion: _version, breakdown: _breakdown, ...rest } = view
  return encodeViewState(rest as ViewState)
}

/**
 * The identity of a view note's state string, which an earlier build may have written (an older
 * version, a breakdown): read and keyed again; a string that cannot be read stays itself.
 */
const keys = new Map<string, string>()
function keyOfViewString(text: string): string {
  let key = keys.get(text)
  if (key === undefined) {
    // Read without the schema (the first chart needs no zod): a string that is not a whole view keys as itself.
    const read = readViewState(text)
    const whole = read.ok && ['flows', 'partners', 'products'].every((k) => Array.isArray(read.fields[k]))
    key = whole ? viewKey(read.fields as ViewState) : text
    keys.set(text, key)
  }
  return key
}

/** Is a note about what this view shows? (Its dataset; its series, if it names one; its view, if it is a view note.) */
export function noteInView(note: Pick<Note, 'target'>, view: ViewState): boolean {
  const t = note.target
  if (t.dataset !== view.dataset) return false
  switch (t.kind) {
    case 'dataset':
      return true
    case 'view':
      return keyOfViewString(t.view) === viewKey(view)
    case 'series':
    case 'point':
      return selectionsOf(view).some((s) => s.key === t.series)
    case 'range':
      return !t.series || selectionsOf(view).some((s) => s.key === t.series)
  }
}

/** A note drawn on a chart: a point (with the value shown there) or a range of periods. */
export type ChartNote =
  | { id: string; kind: 'point'; series: string; period: string; label: string; flagged?: boolean }
  | { id: string; kind: 'range'; series?: string; from: string; to: string; label: string; flagged?: boolean }

export function chartNotesOf(
  notes: readonly Note[],
  view: ViewState,
  labelOf: (note: Note) => string,
  flagged: ReadonlySet<string> = new Set(),
): ChartNote[] {
  return notes
    .filter((n) => noteInView(n, view))
    .flatMap((n): ChartNote[] => {
      const t = n.target
      if (t.kind === 'point')
        return [
          {
            id: n.id,
            kind: 'point',
            series: t.series,
            period: t.period,
            label: labelOf(n),
            flagged: flagged.has(n.id),
          },
        ]
      if (t.kind === 'range')
        return [
          {
            id: n.id,
            kind: 'range',
            ...(t.series ? { series: t.series } : {}),
            from: t.from,
            to: t.to,
            label: labelOf(n),
            flagged: flagged.has(n.id),
          },
        ]
      return []
    })
}

/** The value a model shows for a series at a period (what a point note was written about). */
export function valueAt(model: ChartModel, key: string, period: string): number | null {
  return model.series.find((s) => s.key === key)?.points.find((p) => p.period === period)?.value ?? null
}

let counter = 0
/** A new note id: time and a counter, then random letters (unique across devices in practice). */
export function newNoteId(): string {
  counter = (counter + 1) % 1296
  const random = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) =>
    b.toString(36).padStart(2, '0'),
  ).join('')
  return `n-${Date.now().toString(36)}-${counter.toString(36)}${random}`
}

/** A draft, completed into a note (the caller validates it). */
export function noteOfDraft(
  draft: NoteDraft,
  existing: Note | undefined,
  now = new Date().toISOString(),
): Note {
  return {
    id: draft.id ?? existing?.id ?? newNoteId(),
    text: draft.text,
    tags: [...new Set(draft.tags)],
    target: draft.target,
    ...(draft.value ? { value: draft.value } : {}),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  }
}
