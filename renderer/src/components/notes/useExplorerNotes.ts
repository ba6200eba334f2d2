/**
 * What the Explorer shows of notes and of an opened snapshot, for one chart model: the notes drawn on
 * the chart, the notes listed under it, and — while the view is the one a snapshot was opened with —
 * how its numbers compare with today's data (changed values, and the notes whose numbers moved).
 */
import { computed, type Ref } from 'vue'
import { compareSnapshot, type Comparison } from '@shared/snapshotCompare'
import type { ViewState } from '@shared/viewState'
import type { ChartModel } from '../../lib/chartModel'
import { plainLabel } from '../../lib/noteLabel'
import { chartNotesOf, noteInView, numbersOf, viewKey } from '../../lib/snapshotModel'
import { useExplorerStore } from '../../stores/explorer'
import { useNotesStore } from '../../stores/notes'
import { useSnapshotsStore } from '../../stores/snapshots'

export function useExplorerNotes(model: Ref<ChartModel>, view: Ref<ViewState>) {
  const notes = useNotesStore()
  const snapshots = useSnapshotsStore()
  const explorer = useExplorerStore()

  const comparison = computed<Comparison | null>(() => {
    const current = snapshots.current
    if (
      !current ||
      current.snapshot.mirror ||
      explorer.loading ||
      viewKey(view.value) !== viewKey(current.snapshot.view)
    )
      return null
    return compareSnapshot(current.snapshot, numbersOf(model.value))
  })
  const flagged = computed(() => new Set(comparison.value?.flaggedNotes ?? []))
  const chartNotes = computed(() =>
    chartNotesOf(notes.notes, view.value, (n) => plainLabel(n.text), flagged.value),
  )
  const listed = computed(() =>
    notes.notes
      .filter((n) => noteInView(n, view.value))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  )
  return { comparison, flagged, chartNotes, listed }
}
