/**
 * The child process of atomicSave.fault.test.ts: saves two versions (A, B) of the notes file and of a
 * library snapshot through the real services, alternately, for ever — until the test kills it with
 * SIGKILL at a random moment. Prints "ready" once both files have been written twice (so each has a .bak).
 * Usage: node faultChild.mjs <userDataDir> <first round> [naive]
 * `naive` (the test's control): the notes file written in place with fs.writeFile, as code without
 * atomic writes would, to show that the kills do cut writes and the checks do see it.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { notesFileOf, openNotes, serializeNotes } from '../../../electron/services/notes'
import { openSnapshotService } from '../../../electron/services/snapshots'
import { faultNotes, faultSnapshot, FAULT_SNAPSHOT_ID } from './faultData'

const userDataDir = process.argv[2]!
const start = Number(process.argv[3] ?? 0)

if (process.argv[4] === 'naive') {
  const file = notesFileOf(userDataDir)
  await mkdir(dirname(file), { recursive: true })
  for (let round = start; ; round++) {
    await writeFile(file, serializeNotes(faultNotes(round % 2 === 0 ? 'A' : 'B', round)))
    if (round === start + 1) process.stdout.write('ready\n')
  }
}

const notes = await openNotes({ userDataDir })
const snapshots = await openSnapshotService({ userDataDir, currentVersion: () => '1.0.0' })
const versions = {
  A: { notes: faultNotes('A', 0), snapshot: faultSnapshot('A') },
  B: { notes: faultNotes('B', 0), snapshot: faultSnapshot('B') },
}

for (let round = start; ; round++) {
  const version = round % 2 === 0 ? 'A' : 'B'
  // One atomic write of the whole notes file (every note newer than the last round's), then the snapshot.
  const updatedAt = new Date(Date.UTC(2026, 0, 1) + round * 1000).toISOString()
  await notes.merge(versions[version].notes.map((n) => ({ ...n, updatedAt })))
  await snapshots.save(versions[version].snapshot, FAULT_SNAPSHOT_ID)
  if (round === start + 1) process.stdout.write('ready\n')
}
