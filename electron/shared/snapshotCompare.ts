/**
 * Comparing a snapshot's numbers with the same view over today's data: which numbers changed or are
 * gone, how many periods are new, and which notes the changes touch.
 */
import type { Note } from './notes'
import { periodWithin } from './periods'
import type { Snapshot, SnapshotNumbers } from './snapshot'

export interface ChangedValue {
  key: string
  label: string
  period: string
  saved: number | null
  current: number | null
}

export interface Comparison {
  changed: ChangedValue[]
  /** Periods the data has now that the snapshot did not show (new releases): not changes. */
  added: number
  /** Ids of the notes whose numbers changed. */
  flaggedNotes: string[]
}

const sameNumber = (a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)))

/** Every number the snapshot showed that is different (or gone) in the same view over today's data. */
export function compareNumbers(
  saved: SnapshotNumbers,
  current: SnapshotNumbers,
): Pick<Comparison, 'changed' | 'added'> {
  const changed: ChangedValue[] = []
  let added = 0
  for (const series of saved.series) {
    const now = current.series.find((s) => s.key === series.key)
    const nowByPeriod = new Map((now?.points ?? []).map((p) => [p.period, p.value]))
    for (const p of series.points) {
      const value = nowByPeriod.has(p.period) ? nowByPeriod.get(p.period)! : null
      if (!sameNumber(p.value, value))
        changed.push({
          key: series.key,
          label: series.label,
          period: p.period,
          saved: p.value,
          current: value,
        })
    }
    const before = new Set(series.points.map((p) => p.period))
    added += (now?.points ?? []).filter((p) => !before.has(p.period) && p.value !== null).length
  }
  return { changed, added }
}

/** Does a change touch what a note is about? Point: that point; range: a period inside; series: any point of it; view/dataset: any. */
export function noteTouched(note: Note, change: Pick<ChangedValue, 'key' | 'period'>): boolean {
  const t = note.target
  switch (t.kind) {
    case 'point':
      return t.series === change.key && t.period === change.period
    case 'range':
      return (!t.series || t.series === change.key) && periodWithin(change.period, t.from, t.to)
    case 'series':
      return t.series === change.key
    case 'view':
    case 'dataset':
      return true
  }
}

export function compareSnapshot(
  snapshot: Pick<Snapshot, 'numbers' | 'notes'>,
  current: SnapshotNumbers,
): Comparison {
  const { changed, added } = compareNumbers(snapshot.numbers, current)
  const flaggedNotes = snapshot.notes.filter((n) => changed.some((c) => noteTouched(n, c))).map((n) => n.id)
  return { changed, added, flaggedNotes }
}
