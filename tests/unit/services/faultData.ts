/** The two versions the fault-injection child saves, and how the test recognises them. */
import type { Note } from '../../../electron/shared/notes'
import type { Snapshot } from '../../../electron/shared/snapshot'
import { validNote, validSnapshot } from '../shared/workspaceFixtures'

/** 20 notes of about 9 KB: a notes file of about 180 KB, so a write takes long enough to be interrupted. */
export const FAULT_NOTES = 20
export const FAULT_SNAPSHOT_ID = 's-fault-0001'

/** Version A or B of every note, saved in round `round` (a later round is newer, so it replaces). */
export function faultNotes(version: 'A' | 'B', round: number): Note[] {
  const updatedAt = new Date(Date.UTC(2026, 0, 1) + round * 1000).toISOString()
  return Array.from({ length: FAULT_NOTES }, (_, i) =>
    validNote({
      id: `n-fault-${i.toString().padStart(4, '0')}`,
      text: `${version}:${i}:${version.repeat(9000)}`,
      updatedAt,
    }),
  )
}

/** About 2 MB (a large chart image), so the snapshot write is often cut mid-way. */
export function faultSnapshot(version: 'A' | 'B'): Snapshot {
  const base = validSnapshot({ title: `Version ${version}` })
  return {
    ...base,
    image: { mime: 'image/png', data: `iVBORw0KGgo${version.repeat(2_000_000)}`, width: 960, height: 540 },
  }
}

/** Which version a whole notes list is: 'A', 'B', or null if it is neither (mixed, cut, missing notes). */
export function versionOfNotes(notes: readonly Note[]): 'A' | 'B' | null {
  if (notes.length !== FAULT_NOTES) return null
  for (const version of ['A', 'B'] as const) {
    if (
      notes.every(
        (n, i) =>
          n.id === `n-fault-${i.toString().padStart(4, '0')}` &&
          n.text === `${version}:${i}:${version.repeat(9000)}`,
      )
    )
      return version
  }
  return null
}

export function versionOfSnapshot(snapshot: Snapshot): 'A' | 'B' | null {
  for (const version of ['A', 'B'] as const) {
    if (
      snapshot.title === `Version ${version}` &&
      snapshot.image?.data === `iVBORw0KGgo${version.repeat(2_000_000)}`
    )
      return version
  }
  return null
}
