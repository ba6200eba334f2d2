/**
 * Fault injection: a child process saves versions A and B of the notes file and of a library snapshot
 * through the real services, alternately and without pause; we kill it with SIGKILL at a random moment
 * (seeded), many times over the same folder. After every kill each file must be exactly A or exactly B
 * (never torn, never a mix), its `.bak` must be a valid A or B, and the services must open over the
 * folder with nothing quarantined. The child is bundled once with esbuild so each run starts fast.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NotesFile } from '../../../electron/shared/notes'
import { parseSnapshot } from '../../../electron/shared/snapshotParse'
import { notesFileOf } from '../../../electron/services/notes'
import { openWorkspace } from '../../../electron/services/workspace'
import { FAULT_SNAPSHOT_ID, versionOfNotes, versionOfSnapshot } from './faultData'
import { mulberry32 } from '../../support/prng'

const ITERATIONS = 60
/**
 * One run (a Node process started, its first saves, the kill, the folder reopened) takes a fraction of
 * a second on an idle machine and seconds on a loaded one. Time is bounded per run, never for the whole
 * test: a whole-test budget made a loaded machine stop after fewer kills than the checks below need.
 */
const RUN_TIMEOUT_MS = 10_000
const SEED = 0x5eed_cafe

let work: string
let child: string

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cte-fault-'))
  child = join(work, 'faultChild.mjs')
  await build({
    entryPoints: [fileURLToPath(new URL('./faultChild.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: child,
    logLevel: 'silent',
  })
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Starts the child, waits for "ready", lets it run `delayMs` more, then SIGKILLs it. */
function runAndKill(userDataDir: string, start: number, delayMs: number, naive = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, userDataDir, String(start), ...(naive ? ['naive'] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    let killed = false
    const hung = setTimeout(() => {
      proc.kill('SIGKILL')
      reject(
        new Error(
          `the child was not through its first saves ${RUN_TIMEOUT_MS} ms after its start: ${stderr.slice(0, 2000)}`,
        ),
      )
    }, RUN_TIMEOUT_MS)
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    proc.stdout.on('data', (chunk: Buffer) => {
      if (!killed && chunk.toString().includes('ready')) {
        killed = true
        setTimeout(() => proc.kill('SIGKILL'), delayMs)
      }
    })
    proc.on('exit', (code, signal) => {
      clearTimeout(hung)
      if (signal === 'SIGKILL') resolve()
      else reject(new Error(`the child exited by itself (${code}): ${stderr.slice(0, 2000)}`))
    })
  })
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'))

describe('atomic saves survive SIGKILL at random moments', { timeout: ITERATIONS * RUN_TIMEOUT_MS }, () => {
  it(`${ITERATIONS} kills: every file is exactly A or B, every .bak is valid, and the app opens`, async () => {
    const random = mulberry32(SEED)
    const userDataDir = join(work, 'user-data')
    const snapshotFile = join(userDataDir, 'snapshots', `${FAULT_SNAPSHOT_ID}.ctesnap`)
    const notesFile = notesFileOf(userDataDir)
    const seen = { notesA: 0, notesB: 0, snapshotA: 0, snapshotB: 0, leftTemps: 0 }
    const started = Date.now()

    for (let i = 0; i < ITERATIONS; i++) {
      // 0–60 ms after the first two rounds: anywhere in the next few saves (a 2 MB snapshot takes a few ms).
      await runAndKill(userDataDir, i * 100_000, Math.floor(random() * 60))

      // What a crash leaves: temporary files (proof that some kills landed mid-write), never a torn file.
      const temps = [
        ...readdirSync(join(userDataDir, 'notes')),
        ...readdirSync(join(userDataDir, 'snapshots')),
      ].filter((n) => n.endsWith('.tmp') || n.endsWith('.tmp.bak'))
      if (temps.length) seen.leftTemps += 1

      const notes = NotesFile.parse(readJson(notesFile))
      const notesVersion = versionOfNotes(notes.notes)
      expect(notesVersion, `iteration ${i}: notes.json is neither A nor B`).not.toBeNull()
      seen[notesVersion === 'A' ? 'notesA' : 'notesB'] += 1
      expect(
        versionOfNotes(NotesFile.parse(readJson(`${notesFile}.bak`)).notes),
        `iteration ${i}: notes.json.bak`,
      ).not.toBeNull()

      const snapshot = parseSnapshot(readJson(snapshotFile))
      expect(snapshot.ok, `iteration ${i}: the snapshot does not validate`).toBe(true)
      const snapshotVersion = snapshot.ok ? versionOfSnapshot(snapshot.snapshot) : null
      expect(snapshotVersion, `iteration ${i}: the snapshot is neither A nor B`).not.toBeNull()
      seen[snapshotVersion === 'A' ? 'snapshotA' : 'snapshotB'] += 1
      const backup = parseSnapshot(readJson(`${snapshotFile}.bak`))
      expect(
        backup.ok && versionOfSnapshot(backup.snapshot),
        `iteration ${i}: the snapshot's .bak`,
      ).toBeTruthy()

      // The app opens over the folder: nothing quarantined, the note and the snapshot there.
      const workspace = await openWorkspace({ userDataDir, currentVersion: () => '1.0.0' })
      expect(workspace.notices).toEqual([])
      expect(versionOfNotes(workspace.notes.list())).toBe(notesVersion)
      const listed = await workspace.snapshots.list()
      expect(listed.problems).toEqual([])
      expect(listed.snapshots.map((s) => s.id)).toEqual([FAULT_SNAPSHOT_ID])
      // Opening cleaned up what the killed process left.
      expect(readdirSync(join(userDataDir, 'snapshots')).filter((n) => n.endsWith('.tmp'))).toEqual([])
    }

    console.log(
      `[fault] ${ITERATIONS} SIGKILLs in ${Date.now() - started} ms: notes A ${seen.notesA} / B ${seen.notesB}, snapshot A ${seen.snapshotA} / B ${seen.snapshotB}, killed mid-write (temp file left) ${seen.leftTemps}`,
    )
    // The kills landed at different points: both versions were seen, and some writes were cut mid-way.
    expect(seen.notesA * seen.notesB * seen.snapshotA * seen.snapshotB).toBeGreaterThan(0)
    expect(seen.leftTemps).toBeGreaterThan(0)
    expect(existsSync(notesFile)).toBe(true)
  })

  it('control: the same kills do tear a file written in place (no temporary file, no rename)', async () => {
    const random = mulberry32(SEED + 1)
    const userDataDir = join(work, 'naive')
    let torn = 0
    for (let i = 0; i < 20 && torn === 0; i++) {
      await runAndKill(userDataDir, i * 100_000, Math.floor(random() * 30), true)
      try {
        NotesFile.parse(readJson(notesFileOf(userDataDir)))
      } catch {
        torn += 1
      }
    }
    expect(torn).toBeGreaterThan(0)
  })
})
