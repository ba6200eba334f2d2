/**
 * Fault injection on bringing a library up to today's import rules: a child process (migrateChild.ts)
 * opens a copy of the library stored under rules 2 (tests/fixtures/library-rules-2/a8934ec) and mends
 * its Comtrade and BACI country keys; we kill it with SIGKILL at a random moment (seeded) while it does.
 * After every kill, each file of the library is byte for byte the old one or the one an uninterrupted
 * run writes (never torn), the manifest is the old or the new one, and the app opens over it, finishes
 * the work and ends with exactly the library an uninterrupted run leaves.
 */
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, watch } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { openServices } from '../../../../electron/services'
import { mulberry32 } from '../../../support/prng'
import { filesOf } from '../../../support/libraryFiles'
import { dataDir, repo } from './helpers'

const KILLS = 8
const RUN_TIMEOUT_MS = 30_000
const SEED = 0x3_1a9_0492
const fixture = join(repo, 'tests', 'fixtures', 'library-rules-2', 'a8934ec')
const child = fileURLToPath(new URL('./migrateChild.ts', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'cte-migrate-fault-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

type Manifest = { datasets: { id: string; versions: unknown[] }[] }

/** A user-data folder holding a fresh copy of the fixture library. */
function copyOfFixture(name: string): string {
  const userDataDir = join(work, name)
  cpSync(fixture, join(userDataDir, 'library'), { recursive: true })
  return userDataDir
}

/** Every file of a library; the manifest's .bak is left out: it is any earlier manifest. */
const libraryFiles = (root: string) => filesOf(root, ['library.json.bak'])

/**
 * Runs the child over the folder and counts the temporary files of its atomic writes as they appear in
 * the library (each write makes one beside its target). With `killAt`, kills it at that temporary file:
 * a moment inside the work wherever the machine's load puts it (a delay after the start would land
 * before the first write on a busy machine, after the last on an idle one).
 */
function run(userDataDir: string, killAt: number | null): Promise<{ writes: number; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, userDataDir], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    let done = false
    let writes = 0
    // The manifest's folder and each version's (not recursive: Linux sets a recursive watch up a folder
    // at a time, after the call returns, and missed the first writes of a fast run).
    const library = join(userDataDir, 'library')
    const folders = [
      library,
      ...[...libraryFiles(fixture).keys()]
        .filter((p) => p.endsWith('/dims.parquet'))
        .map((p) => join(library, dirname(p))),
    ]
    const watchers = folders.map((folder) =>
      watch(folder, (event, name) => {
        if (event !== 'rename' || !name || !/^\.[^/]*\.tmp$/.test(name)) return
        writes += 1
        if (writes === killAt) proc.kill('SIGKILL')
      }),
    )
    const hung = setTimeout(() => {
      proc.kill('SIGKILL')
      reject(new Error(`the child did not finish in ${RUN_TIMEOUT_MS} ms: ${stderr.slice(0, 2000)}`))
    }, RUN_TIMEOUT_MS)
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    proc.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('done')) done = true
    })
    proc.on('exit', (code, signal) => {
      clearTimeout(hung)
      for (const watcher of watchers) watcher.close()
      if (signal === 'SIGKILL') resolve({ writes, killed: !done })
      else if (code === 0 && done) resolve({ writes, killed: false })
      else reject(new Error(`the child failed (${code}): ${stderr.slice(0, 2000)}`))
    })
  })
}

describe('bringing a library up to the rules of 3 survives SIGKILL at random moments', () => {
  it(
    `${KILLS} kills: every file old or new, never torn; the next start ends where an uninterrupted run does`,
    { timeout: (KILLS + 1) * 2 * RUN_TIMEOUT_MS },
    async () => {
      const old = libraryFiles(fixture)
      const whole = copyOfFixture('whole')
      const { writes } = await run(whole, null)
      expect(writes).toBeGreaterThan(0)
      const mended = libraryFiles(join(whole, 'library'))
      // The run changed the Comtrade 492 and BACI 490 versions and the manifest, nothing else.
      const changed = [...mended.keys()].filter((p) => !old.get(p)?.equals(mended.get(p)!)).sort()
      expect(changed).toEqual([
        'comtrade-europe-eu-nes/v1/dims.parquet',
        'comtrade-europe-eu-nes/v1/summary.parquet',
        'library.json',
        'r-export-hs17-2021/v1/dims.parquet',
        'r-export-hs17-2021/v1/summary.parquet',
      ])
      expect([...mended.keys()].sort()).toEqual([...old.keys()].sort())

      const random = mulberry32(SEED)
      const seen = { old: 0, mixed: 0, new: 0, tempLeft: 0 }
      for (let i = 0; i < KILLS; i++) {
        const userDataDir = copyOfFixture(`kill-${i}`)
        const library = join(userDataDir, 'library')
        // At any of the writes an uninterrupted run makes (the kill lands as the child goes on).
        const outcome = await run(userDataDir, 1 + Math.floor(random() * writes))
        const left = libraryFiles(library)
        // A cut write's temporary file, and the scratch folder the work writes each file in first.
        const temps = [...left.keys()].filter(
          (p) => /(^|\/)\.[^/]*\.tmp(\.bak)?$/.test(p) || p.startsWith('.staging/'),
        )
        if (temps.length) seen.tempLeft += 1
        for (const path of temps) left.delete(path)
        expect([...left.keys()].sort(), `kill ${i}: the files`).toEqual([...old.keys()].sort())
        // The manifest is written once per version brought up: each version's entry the old or the new one.
        const manifest = (files: Map<string, Buffer>) =>
          (JSON.parse(files.get('library.json')!.toString('utf8')) as Manifest).datasets
        const entries = manifest(left)
        expect(entries.map((d) => d.id)).toEqual(manifest(old).map((d) => d.id))
        entries.forEach((d, n) =>
          expect([manifest(old)[n], manifest(mended)[n]], `kill ${i}: the manifest's ${d.id}`).toContainEqual(
            d,
          ),
        )
        left.delete('library.json')
        let news = entries.filter((d, n) => !isDeepStrictEqual(d, manifest(old)[n])).length > 0 ? 1 : 0
        for (const [path, bytes] of left) {
          const isOld = bytes.equals(old.get(path)!)
          const isNew = bytes.equals(mended.get(path)!)
          expect(isOld || isNew, `kill ${i}: ${path} is neither the old nor the new file`).toBe(true)
          if (!isOld) news += 1
        }
        seen[news === 0 ? 'old' : news === changed.length ? 'new' : 'mixed'] += 1
        if (!outcome.killed) expect(news, `kill ${i}: finished`).toBe(changed.length)

        // The app opens over what the kill left, finishes the work, and answers with the mended names.
        const services = await openServices({ dataDir, userDataDir })
        try {
          const partners = (await services.explore.dimensions('r-export-hs17-2021')).partners
          expect(partners.map((p) => p.code)).toContain('twn')
          expect(partners.map((p) => p.code)).not.toContain('s19')
        } finally {
          await services.close()
        }
        const after = libraryFiles(library)
        // Made by the Explorer's first read of the dataset (queries.ts productsOf), as after any migration.
        after.delete('r-export-hs17-2021/v1/products.parquet')
        expect([...after.keys()].sort(), `kill ${i}: the files after the next start`).toEqual(
          [...mended.keys()].sort(),
        )
        for (const [path, bytes] of after)
          expect(bytes.equals(mended.get(path)!), `kill ${i}: ${path} after the next start`).toBe(true)
      }
      console.log(
        `[migrate fault] ${KILLS} SIGKILLs at one of ${writes} writes: left old ${seen.old}, part-done ${seen.mixed}, done ${seen.new}; a temporary file left ${seen.tempLeft} times`,
      )
      // Some kills must have cut the work part-way, or the test proved nothing.
      expect(seen.mixed).toBeGreaterThan(0)
    },
  )
})
