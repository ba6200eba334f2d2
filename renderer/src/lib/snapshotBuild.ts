/**
 * A snapshot put together from the view as shown: its head, the notes in view, the numbers and the
 * sources they cite, each source checked on its own. Loaded with the dialogs that save a snapshot, not
 * before the first chart (the schemas bring zod).
 */
import type { Source } from '@shared/api'
import type { CalculatorState } from '@shared/calculatorState'
import type { Note } from '@shared/notes'
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_FORMAT_VERSION,
  SnapshotSource,
  type EmbeddedData,
  type Snapshot,
  type SnapshotDataset,
} from '@shared/snapshot'
import type { ViewState } from '@shared/viewState'
import type { ChartModel } from './chartModel'
import { noteInView, numbersOf } from './snapshotModel'

/**
 * The sources a snapshot stores (any that would not validate are left out): those the view's points
 * cite, and those the embedded data of a self-contained snapshot cites (`more`).
 */
export function sourcesOf(model: ChartModel, more: readonly Source[] = []): SnapshotSource[] {
  // Only the sources the view's points cite: the series fetched cover more than the range shown.
  const cited = new Set(model.series.flatMap((s) => s.points.flatMap((p) => p.sourceIds)))
  const all = new Map([
    ...[...model.sources].filter(([id]) => cited.has(id)),
    ...more.map((s) => [s.id, s] as const),
  ])
  return [...all.values()].flatMap((s) => {
    const parsed = SnapshotSource.safeParse({
      id: s.id,
      title: s.title,
      publisher: s.publisher,
      published: s.published,
      url: s.url,
    })
    return parsed.success ? [parsed.data] : []
  })
}

export interface SnapshotInput {
  title: string
  view: ViewState
  model: ChartModel
  notes: readonly Note[]
  calculators?: CalculatorState
  datasetVersion: string | null
  /** An imported dataset: the file's name and SHA-256, so a snapshot can say which file to import again. */
  datasetFile?: Pick<SnapshotDataset, 'fileName' | 'sha256'>
  /** Self-contained: the data the view was drawn from, and the sources it cites. */
  embedded?: { data: EmbeddedData; sources: readonly Source[] }
  appVersion: string
  image?: { data: string; width: number; height: number }
  savedAt?: string
}

/** What every snapshot begins with: the format, when and by which app it was saved, its title. */
export function snapshotHead(input: { title: string; appVersion: string; savedAt?: string }) {
  return {
    format: SNAPSHOT_FORMAT,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    savedAt: input.savedAt ?? new Date().toISOString(),
    app: { name: 'China Trade Explorer', version: input.appVersion },
    title: input.title.trim(),
  }
}

/** The snapshot of a view as shown. The caller validates it (the contract refuses anything else). */
export function buildSnapshot(input: SnapshotInput): Snapshot {
  const view = input.datasetVersion ? { ...input.view, datasetVersion: input.datasetVersion } : input.view
  return {
    ...snapshotHead(input),
    view,
    ...(input.calculators ? { calculators: input.calculators } : {}),
    notes: input.notes.filter((n) => noteInView(n, input.view)).slice(0, 500),
    numbers: numbersOf(input.model),
    sources: sourcesOf(input.model, input.embedded?.sources),
    datasets: [{ id: view.dataset, version: input.datasetVersion, ...input.datasetFile }],
    ...(input.image ? { image: { mime: 'image/png' as const, ...input.image } } : {}),
    ...(input.embedded ? { embedded: input.embedded.data } : {}),
  }
}
