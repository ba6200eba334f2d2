/**
 * `npm run bench:faults`: the engine fault-injection test (tests/unit/engine/faults.test.ts) with 100
 * kills instead of the few `npm test` runs (8): about 7–15 s a kill on a busy two-core machine, so it
 * is a bench, not part of `npm test`. `--kills N` picks another count. Prints, per file, how often a
 * kill left the old version and how often the new one. Notes, session and snapshots are written by
 * main, which the kill does not touch (their mid-write kills are tests/unit/services/atomicSave.fault.test.ts);
 * library.json is the engine's.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const at = process.argv.indexOf('--kills')
const kills = at > 0 ? Number(process.argv[at + 1]) : 100
if (!Number.isInteger(kills) || kills < 1) throw new Error('--kills takes a whole number of kills')
// vitest's package exports do not include its CLI file: take it from the installed package itself.
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url))
const report = join(mkdtempSync(join(tmpdir(), 'cte-faults-')), 'report.json')
const started = Date.now()
const run = spawnSync(
  process.execPath,
  [vitest, 'run', '--project', 'unit', 'tests/unit/engine/faults.test.ts'],
  {
    stdio: 'inherit',
    env: { ...process.env, CTE_FAULT_KILLS: String(kills), CTE_FAULT_REPORT: report },
  },
)
if (existsSync(report)) {
  const { outcomes, files } = JSON.parse(readFileSync(report, 'utf8')) as {
    outcomes: { completed: number; stopped: number }
    files: Record<string, { old: number; new: number }>
  }
  console.log(`\ncalls answered: ${outcomes.completed} completed, ${outcomes.stopped} stopped by a kill`)
  for (const [file, seen] of Object.entries(files))
    console.log(`${file.padEnd(13)} old ${seen.old}, new ${seen.new}, torn 0`)
}
console.log(
  `\n${kills} engine kills: ${run.status === 0 ? 'met' : 'MISSED'} (every file old or new, every next call answered) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
)
process.exit(run.status ?? 1)
