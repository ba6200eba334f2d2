/**
 * Fault injection on the engine process: while an import, queries and saves of the session, a note
 * and a snapshot run, the engine is killed (SIGKILL) at a random moment (seeded, so a failing run can
 * be replayed). Every time: main survives; each call answers (a result, or ENGINE_STOPPED — never a
 * hang or INTERNAL); library.json, session.json, the notes and the snapshot are each exactly the old or
 * the new version; and the next call succeeds on the restarted engine.
 *
 * In `npm test` with FAULT_KILLS kills (default 8, about a minute on two busy cores);
 * `npm run bench:faults` runs the same with 100 kills.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/dispatch'
import { NotesFile, Session, SESSION_FORMAT } from '../../../electron/shared/notes'
import { parseSnapshot } from '../../../electron/shared/snapshotParse'
import { notesFileOf } from '../../../electron/services/notes'
import { openTestHost, type TestHost } from '../../support/engineHost'
import { validNote, validSnapshot } from '../shared/workspaceFixtures'
import { mulberry32 } from '../../support/prng'

const KILLS = Number(process.env.CTE_FAULT_KILLS ?? 8)
const SEED = 0x0e9_1e5

let t: TestHost
let input: string
beforeAll(async () => {
  t = await openTestHost()
  input = join(t.userDataDir, 'trade.csv')
}, 60_000)
afterAll(() => t?.close())

/** A new version of the import file each round: the library gains a version when an import commits. */
function writeInput(round: number): void {
  const rows = Array.from(
    { length: 20_000 },
    (_, i) => `${2000 + (i % 24)},CHN,${['USA', 'JPN', 'DEU', 'KOR'][i % 4]},${i + round}`,
  )
  writeFileSync(input, `year,reporter,partner,value\n${rows.join('\n')}\n`)
}

const session = (round: number) => ({
  format: SESSION_FORMAT,
  formatVersion: 1 as const,
  savedAt: new Date(Date.UTC(2026, 0, 1) + round * 1000).toISOString(),
})

/** library.json: valid JSON whose every version has its folder, as written by a whole commit. */
function libraryState(): string {
  const dir = join(t.userDataDir, 'library')
  let text: string
  try {
    text = readFileSync(join(dir, 'library.json'), 'utf8')
  } catch {
    return 'none'
  }
  const manifest = JSON.parse(text) as { datasets: { id: string; versions: { version: number }[] }[] }
  const folders = new Set(readdirSync(dir))
  for (const dataset of manifest.datasets)
    for (const version of dataset.versions)
      expect(
        [...folders].some((f) => f.includes(dataset.id)),
        `the folder of ${dataset.id} v${version.version}`,
      ).toBe(true)
  return manifest.datasets.map((d) => `${d.id}:${d.versions.length}`).join(',')
}

describe('killing the engine at random moments', () => {
  it(
    `${KILLS} kills during import, queries and saves: old or new, never torn; the next call succeeds`,
    async () => {
      const random = mulberry32(SEED)
      const outcomes = { completed: 0, stopped: 0 }
      /** Per file, how often a kill left the old version and how often the new one. */
      const files = {
        'library.json': { old: 0, new: 0 },
        'session.json': { old: 0, new: 0 },
        notes: { old: 0, new: 0 },
        snapshot: { old: 0, new: 0 },
      }
      let before = libraryState()
      for (let round = 1; round <= KILLS; round++) {
        writeInput(round)
        const file = await t.host.desk.grant(input, 'dialog')
        const previousSession = round - 1
        const calls = [
          dispatch(t.host.handlers, 'importFile', {
            fileId: file.fileId,
            mapping: { period: 0, values: [3], reporter: 1, partner: 2, unitLabel: 'USD' },
          }),
          dispatch(t.host.handlers, 'getHeadline', { dataset: 'china-trade' }),
          dispatch(t.host.handlers, 'listDatasets', {}),
          dispatch(t.host.handlers, 'saveSession', { session: session(round) }),
          dispatch(t.host.handlers, 'saveNote', {
            note: validNote({ id: 'n-fault-0001', text: `round ${round}` }),
          }),
          dispatch(t.host.handlers, 'saveSnapshot', {
            snapshot: validSnapshot({ title: `Round ${round}` }),
            replace: round > 1 ? snapshotId : undefined,
          }),
        ]
        const pid = t.host.supervisor.pid!
        await new Promise((resolve) => setTimeout(resolve, random() * 400))
        process.kill(pid, 'SIGKILL')
        const answers = await Promise.all(calls)
        for (const answer of answers) {
          if (answer.ok) outcomes.completed++
          else {
            expect(answer.error.code, answer.error.message).toBe('ENGINE_STOPPED')
            outcomes.stopped++
          }
        }
        const saved = answers[5]!
        if (saved.ok) snapshotId = (saved.data as { id: string }).id

        // The files: each the old or the new version, never torn.
        const after = libraryState()
        const imported = answers[0]!.ok
        if (!imported) expect([before, after]).toContain(after)
        files['library.json'][after === before ? 'old' : 'new']++
        before = after
        const sessionFile = Session.parse(
          JSON.parse(readFileSync(join(t.userDataDir, 'session.json'), 'utf8')),
        )
        expect([session(previousSession).savedAt, session(round).savedAt]).toContain(sessionFile.savedAt)
        files['session.json'][sessionFile.savedAt === session(round).savedAt ? 'new' : 'old']++
        const notes = NotesFile.parse(JSON.parse(readFileSync(notesPath(), 'utf8')))
        const texts = notes.notes.map((n) => n.text)
        expect([[`round ${round - 1}`], [`round ${round}`]]).toContainEqual(texts)
        files.notes[texts[0] === `round ${round}` ? 'new' : 'old']++
        const snapshot = parseSnapshot(JSON.parse(readFileSync(snapshotPath(), 'utf8')))
        expect(snapshot.ok).toBe(true)
        const title = snapshot.ok ? snapshot.snapshot.title : ''
        expect([`Round ${round - 1}`, `Round ${round}`]).toContain(title)
        files.snapshot[title === `Round ${round}` ? 'new' : 'old']++

        // The next call succeeds on the restarted engine (once the supervisor has seen the death: a
        // call sent to a process dying at that moment is in flight and answered ENGINE_STOPPED).
        await expect.poll(() => t.host.supervisor.restarts, { timeout: 30_000 }).toBe(round)
        expect(await dispatch(t.host.handlers, 'getHeadline', { dataset: 'china-trade' })).toMatchObject({
          ok: true,
        })
      }
      expect(t.host.supervisor.restarts).toBe(KILLS)
      // npm run bench:faults prints these.
      if (process.env.CTE_FAULT_REPORT)
        writeFileSync(process.env.CTE_FAULT_REPORT, JSON.stringify({ kills: KILLS, outcomes, files }))
      // Some kills must have landed mid-call, or the test proved nothing.
      expect(outcomes.stopped).toBeGreaterThan(0)
    },
    60_000 + KILLS * 15_000,
  )
})

let snapshotId: string | undefined
const notesPath = () => notesFileOf(t.userDataDir)
const snapshotPath = () => {
  const dir = join(t.userDataDir, 'snapshots')
  return join(
    dir,
    readdirSync(dir).find((f) => f.startsWith(snapshotId!) && !f.endsWith('.bak'))!,
  )
}
