/** Small valid notes and snapshots for tests to start from (each hostile case breaks one part). */
import { defaultViewState } from '../../../electron/shared/viewState'
import type { Note } from '../../../electron/shared/notes'
import type { Snapshot } from '../../../electron/shared/snapshot'

export const T0 = '2026-01-12T09:30:00.000Z'

/** A 1×1 transparent PNG. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

export function validNote(patch: Partial<Note> = {}): Note {
  return {
    id: 'n-busan-0001',
    text: 'Busan deal, 30 Oct 2025',
    tags: ['trade war'],
    target: { kind: 'point', dataset: 'china-trade', series: 'exports:world:all', period: '2025-10' },
    value: { value: 305.35, unit: 'USD bn' },
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  }
}

export function validSnapshot(patch: Partial<Snapshot> = {}): Snapshot {
  return {
    format: 'china-trade-explorer-snapshot',
    formatVersion: 3,
    savedAt: T0,
    app: { name: 'China Trade Explorer', version: '0.1.0' },
    title: 'Exports after the Busan deal',
    view: { ...defaultViewState(), flows: ['exports'], datasetVersion: '1.0.0' },
    notes: [validNote()],
    numbers: {
      unit: 'USD bn',
      series: [
        {
          key: 'exports:world:all',
          label: 'Exports',
          points: [
            { period: '2025-09', value: 328.57, kind: 'published', sourceIds: ['s1'] },
            { period: '2025-10', value: 305.35, kind: 'published', sourceIds: ['s1'] },
            { period: '2025-11', value: null, kind: 'computed', sourceIds: [], note: 'not published yet' },
          ],
        },
      ],
    },
    sources: [
      {
        id: 's1',
        title: 'China October trade (Reuters)',
        publisher: 'Reuters',
        published: '2025-11-07',
        url: 'https://www.reuters.com/x',
      },
    ],
    datasets: [{ id: 'china-trade', version: '1.0.0' }],
    image: { mime: 'image/png', data: TINY_PNG, width: 1, height: 1 },
    ...patch,
  }
}
