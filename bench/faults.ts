/**
 * `npm run bench:faults`: the engine fault-injection test (tests/unit/engine/faults.test.ts) with 100
 * kills instead of the few `npm test` runs: about 7 s a kill on a busy two-core machine. `--kills N`
 * picks another count.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const at = process.argv.indexOf('--kills')
const kills = at > 0 ? Number(process.argv[at + 1]) : 100
if (!Number.isInteger(kills) || kills < 1) throw new Error('--kills takes a whole number of kills')
const vitest = createRequire(import.meta.url).resolve('vitest/vitest.mjs')
const started = Date.now()
const run = spawnSync(
  process.execPath,
  [vitest, 'run', '--project', 'unit', 'tests/unit/engine/faults.test.ts'],
  { stdio: 'inherit', env: { ...process.env, CTE_FAULT_KILLS: String(kills) } },
)
console.log(
  `\n${kills} engine kills: ${run.status === 0 ? 'met' : 'MISSED'} (every file old or new, every next call answered) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
)
process.exit(run.status ?? 1)
