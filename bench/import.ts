/**
 * `npm run bench:import`: importing a 10-million-row UN Comtrade (Comtrade Plus layout) CSV.
 *
 * Generates the file once, deterministically, under bench/.cache/ (reused when present), then times in
 * the same run:
 *   (a) DuckDB alone, one pass: select period, flowCode, sum(primaryValue) from read_csv(...) group by all
 *   (b) the app's import through the same handlers the UI calls (a child process: its peak memory counted)
 *   (c) the first chart query on the imported dataset (China's exports by partner, top 10 + other),
 *       then the first product chart (by product, top 10 + other), both right after the import, against
 *       DuckDB alone ranking the products of the stored rows in one group-by pass (the same question
 *       with no summary)
 *   (d) reopening the library in a fresh process and answering that query again
 *   (e) a papaparse streaming aggregate of the same file, as a plain JavaScript app would do it
 * and, in (b)'s process, the engine's restart with the library open (killed three times), and prints
 * each figure, the ratios, the machine's load and whether each target is met. Beside (a), (b) and (d)
 * their CPU time, and beside main's event-loop delay during the import the same delay with main idle
 * just before, main's own CPU time and the messages it got: on a shared machine these say how much of
 * a figure is the work's own and how much the wait for a core.
 */
import { spawn } from 'node:child_process'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { DuckDBInstance } from '@duckdb/node-api'
import Papa from 'papaparse'
import { machineLoad } from './measure'
import { mulberry32 } from '../tests/support/prng'

const repo = fileURLToPath(new URL('..', import.meta.url))
const cacheDir = join(repo, 'bench', '.cache')
// `--rows N` (or BENCH_ROWS) for a smaller file while developing; the targets are for 10 million.
const rowsAt = process.argv.indexOf('--rows')
const ROWS = Number(rowsAt > 0 ? process.argv[rowsAt + 1] : (process.env.BENCH_ROWS ?? 10_000_000))
export const FILE = join(cacheDir, `comtrade-plus-${ROWS}.csv`)
const RUNS = Number(process.env.BENCH_RUNS ?? 2)

const HEADER =
  'typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate'

function partners(): { code: string; iso: string }[] {
  const lines = readFileSync(join(repo, 'data', 'codes', 'countries.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
  return lines
    .map((l) => l.split(','))
    .filter(([iso, m49]) => iso !== 'CHN' && iso !== 'WLD' && iso !== 'S19' && m49 !== undefined)
    .slice(0, 200)
    .map(([iso, m49]) => ({ code: iso === 'USA' ? '842' : m49!, iso: iso! }))
}

/**
 * China's monthly exports and imports, 2023–2024, by partner and HS6 product, in the Comtrade Plus
 * layout: the identifying columns filled, the descriptive ones empty (as in a download with "no
 * descriptions"), about 80 bytes a row.
 */
export async function generate(): Promise<void> {
  if (existsSync(FILE)) return
  mkdirSync(cacheDir, { recursive: true })
  const tmp = `${FILE}.tmp`
  const out = createWriteStream(tmp)
  const rnd = mulberry32(20250101)
  const list = partners()
  const products = Array.from(
    { length: 5000 },
    (_, i) =>
      `${String(1 + (i % 97)).padStart(2, '0')}${String(Math.floor(i / 97) * 7 + 10).padStart(4, '0')}`,
  )
  const periods = Array.from(
    { length: 24 },
    (_, i) => `${2023 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, '0')}`,
  )
  const empties = (n: number) => ','.repeat(n)
  let buffer = `${HEADER}\n`
  const started = performance.now()
  for (let i = 0; i < ROWS; i++) {
    const period = periods[i % 24]!
    const flow = rnd() < 0.6 ? 'X' : 'M'
    // Partner shares are skewed (a few large partners), as in real trade.
    const p = list[Math.floor(list.length * rnd() ** 3)]!
    const product = products[Math.floor(rnd() * products.length)]!
    const value = Math.floor(rnd() * rnd() * 50_000_000) + 100
    buffer += `C,M${empties(4)}${period},156,CHN,,${flow},,${p.code},${p.iso}${empties(8)}${product}${empties(23)}${value}${empties(3)}\n`
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()))
      buffer = ''
    }
  }
  out.end(buffer)
  await new Promise<void>((resolve, reject) => out.on('finish', resolve).on('error', reject))
  renameSync(tmp, FILE)
  console.log(
    `generated ${FILE} (${(statSync(FILE).size / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
}

/** (a)'s CPU time in ms (this process's, every thread: DuckDB's work), beside its wall time. */
let duckdbCpuMs = Infinity

async function duckdbAlone(): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  })
  const connection = await instance.connect()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const reader = await connection.runAndReadAll(
    `select period, flowCode, sum(primaryValue) from read_csv('${FILE.replace(/'/g, "''")}') group by all`,
  )
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  duckdbCpuMs = Math.min(duckdbCpuMs, (cpu.user + cpu.system) / 1000)
  if (reader.getRows().length === 0) throw new Error('no groups')
  connection.closeSync()
  instance.closeSync()
  return ms
}

/** DuckDB alone: China's exported products ranked by value, one group-by pass over the stored rows. */
async function productsAlone(userDataDir: string): Promise<number> {
  const facts = join(userDataDir, 'library', '*', 'v*', 'facts.parquet').replace(/'/g, "''")
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  const t0 = performance.now()
  const reader = await connection.runAndReadAll(
    `select product, sum(value) as v from read_parquet('${facts}') where flow_k = 'X' group by product order by v desc limit 10`,
  )
  const ms = performance.now() - t0
  if (reader.getRows().length === 0) throw new Error('no products')
  connection.closeSync()
  instance.closeSync()
  return ms
}

async function papaparse(): Promise<number> {
  const t0 = performance.now()
  const sums = new Map<string, number>()
  await new Promise<void>((resolve, reject) => {
    Papa.parse<Record<string, string>>(createReadStream(FILE), {
      header: true,
      skipEmptyLines: true,
      chunk: (results) => {
        for (const row of results.data) {
          const key = `${row.period}|${row.flowCode}`
          sums.set(key, (sums.get(key) ?? 0) + Number(row.primaryValue))
        }
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    })
  })
  if (sums.size === 0) throw new Error('no groups')
  return performance.now() - t0
}

export function worker(args: string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repo, 'bench', 'importWorker.ts'), ...args],
      { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker ${args[0]} failed (${code})`))
      const line = out.trim().split('\n').pop() ?? '{}'
      resolve(JSON.parse(line) as Record<string, number>)
    })
  })
}

export async function benchImport(): Promise<boolean> {
  await generate()
  const sizeMb = statSync(FILE).size / 1e6
  const dirs: string[] = []
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cte-bench-'))
    dirs.push(dir)
    return dir
  }
  try {
    console.log(
      `\nImport benchmark: ${ROWS.toLocaleString('en-US')} rows, ${sizeMb.toFixed(0)} MB (Comtrade Plus layout); (a), (b) and (d) best of ${RUNS}`,
    )
    // Alternating runs, best of each: our machines are shared, so one slow run says little.
    let a = Infinity
    let b: Record<string, number> = { importMs: Infinity }
    let d = Infinity
    let dCpu = Infinity
    let products = Infinity
    for (let run = 0; run < RUNS; run++) {
      a = Math.min(a, await duckdbAlone())
      const dir = fresh()
      const imported = await worker(['import', FILE, dir])
      if (imported.importMs! < b.importMs!) b = imported
      products = Math.min(products, await productsAlone(dir))
      const reopened = await worker(['reopen', dir])
      d = Math.min(d, reopened.reopenMs!)
      dCpu = Math.min(dCpu, reopened.reopenCpuMs!)
    }
    const e = await papaparse()
    const ms = (x: number) => `${(x / 1000).toFixed(2).padStart(8)} s`
    const rows: [string, string, string][] = [
      ['(a) DuckDB alone: one group-by pass over the CSV', ms(a), '(baseline)'],
      [
        '(b) app import (sniff, hash, normalise, Parquet, summaries)',
        ms(b.importMs!),
        `${(b.importMs! / a).toFixed(2)}× (a)`,
      ],
      [
        '    the same in CPU time: (a) in its process, (b) in the engine',
        `${(duckdbCpuMs / 1000).toFixed(2).padStart(6)} s, ${(b.engineCpuMs! / 1000).toFixed(2)} s`,
        `${(b.engineCpuMs! / duckdbCpuMs).toFixed(2)}× (a)`,
      ],
      [
        '(c) first chart query: exports by partner, top 10 + other',
        `${b.queryMs!.toFixed(1).padStart(8)} ms`,
        '',
      ],
      [
        '    first product chart, right after the import: by product, top 10 + other',
        `${b.productMs!.toFixed(1).padStart(8)} ms`,
        `${(b.productMs! / products).toFixed(2)}× the baseline below`,
      ],
      [
        '    baseline: DuckDB alone ranks the products of the stored rows (one pass)',
        `${products.toFixed(1).padStart(8)} ms`,
        '',
      ],
      ['(d) reopen in a fresh process + first chart query', `${d.toFixed(1).padStart(8)} ms`, ''],
      [
        '    the same in CPU time (that process, every thread: DuckDB’s too)',
        `${dCpu.toFixed(1).padStart(8)} ms`,
        `${(dCpu / d).toFixed(2)}× its wall time`,
      ],
      [
        'engine restart: death to the first chart answered again, warm standby taking over (median of 3)',
        `${b.restartMs!.toFixed(0).padStart(8)} ms`,
        '',
      ],
      ['(e) papaparse streaming aggregate', ms(e), `${(e / b.importMs!).toFixed(2)}× slower than (b)`],
      ['main: event-loop delay p99 during the import', `${b.mainLoopP99Ms!.toFixed(1).padStart(8)} ms`, ''],
      [
        '    the same with main idle, just before (the machine’s load alone)',
        `${b.idleLoopP99Ms!.toFixed(1).padStart(8)} ms`,
        '',
      ],
      [
        '    main’s own CPU time in it (the delay monitor’s included); messages',
        `${b.mainCpuMs!.toFixed(0).padStart(8)} ms`,
        `${b.events} messages`,
      ],
      ['peak resident memory of main', `${b.peakRssMb!.toFixed(0).padStart(6)} MB`, ''],
      ['peak resident memory of the engine process', `${b.engineRssMb!.toFixed(0).padStart(6)} MB`, ''],
      [
        'resident memory of the warm standby engine (the fast restart’s cost)',
        `${b.standbyRssMb!.toFixed(0).padStart(6)} MB`,
        `(${b.standbyPrivateMb!.toFixed(0)} MB its own, not shared with the engine)`,
      ],
    ]
    for (const [name, value, ratio] of rows) console.log(`  ${name.padEnd(64)} ${value}  ${ratio}`)
    const targets: [string, boolean][] = [
      // The target is on wall time, as the issue states it; the CPU ratio beside it says how much of the
      // wall ratio a shared machine's load may have moved either way.
      [
        `import ≤ 2 × (a) in wall time (${(b.importMs! / a).toFixed(2)}×; in CPU time ${(b.engineCpuMs! / duckdbCpuMs).toFixed(2)}×)`,
        b.importMs! <= 2 * a,
      ],
      ['main event-loop delay p99 ≤ 20 ms during the import', b.mainLoopP99Ms! <= 20],
      ['import ≥ 4 × faster than (e)', e >= 4 * b.importMs!],
      ['first chart query ≤ 250 ms', b.queryMs! <= 250],
      ['first product chart right after the import ≤ 250 ms', b.productMs! <= 250],
      ['reopen ≤ 0.5 s', d <= 500],
      ['engine restart ≤ 1 s', b.restartMs! <= 1000],
      [
        'peak memory ≤ 1 GB (main + engine + the standby’s own)',
        b.peakRssMb! + b.engineRssMb! + b.standbyPrivateMb! <= 1024,
      ],
    ]
    console.log(`  machine: ${machineLoad()}`)
    console.log('  targets:')
    for (const [name, met] of targets) console.log(`    ${met ? 'met   ' : 'MISSED'}  ${name}`)
    console.log(`  imported ${Number(b.rows).toLocaleString('en-US')} rows`)
    return targets.every(([, met]) => met)
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ok = await benchImport()
  process.exitCode = ok ? 0 : 1
}
