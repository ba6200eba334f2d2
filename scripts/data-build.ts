/**
 * `npm run data:build [-- path/to/facts.csv] [--out=dir]`
 *
 * Builds the `china-trade` Tabular Data Package in `data/china-trade/` from the compiled facts file
 * (default: `data/facts/facts.csv`). Exits non-zero, naming the
 * offending line, on anything it cannot map honestly.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildPackage } from './data/build'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function main(argv: string[]): void {
  let facts = path.join(repoRoot, 'data', 'facts', 'facts.csv')
  let out = path.join(repoRoot, 'data', 'china-trade')
  for (const arg of argv) {
    if (arg.startsWith('--out=')) out = path.resolve(arg.slice('--out='.length))
    else if (arg.startsWith('-'))
      throw new Error(`unknown option ${arg}; usage: data-build [facts.csv] [--out=dir]`)
    else facts = path.resolve(arg)
  }
  const r = buildPackage(facts, out)
  const counts = Object.entries(r.rows)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
  console.log(`china-trade: ${r.factsRows} facts rows → ${counts}; ${r.series} series, ${r.sources} sources`)
  console.log(`rescaled exactly from the published unit: ${r.rescaled} observations`)
  const decided = Object.entries(r.decided)
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ')
  console.log(
    `periods with differing readings, by the rule that chose the one shown: ${decided || 'none'}; ${r.disagreements} differ beyond rounding`,
  )
  console.log(`trade identity (exports − imports = balance, within rounding): ${r.identity.length} failures`)
  for (const f of r.identity) {
    console.log(
      `  ${f.period} ${f.partner} (${f.frequency}, ${f.unit}): ${f.exports} − ${f.imports} − ${f.balance} = ${f.difference}, beyond ±${f.tolerance}`,
    )
  }
  console.log(`written to ${path.relative(process.cwd(), out) || '.'}`)
}

try {
  main(process.argv.slice(2))
} catch (e) {
  console.error(`data:build failed: ${(e as Error).message}`)
  process.exit(1)
}
