/** Timing helpers for the benchmarks: medians of repeated runs, printed with their ratio to a baseline. */
import { existsSync, readFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'

export async function median(runs: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await task()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

/**
 * The median time of each task over `blocks` rounds of `runs` back-to-back runs, the tasks taking turns
 * block by block. Each task still runs in a tight loop (the baseline keeps its warm caches and threads),
 * while the rounds spread every task over the same stretch of a shared machine's changing load.
 */
export async function inBlocks<const T extends readonly (() => Promise<unknown>)[]>(
  blocks: number,
  runs: number,
  tasks: T,
): Promise<{ -readonly [K in keyof T]: number }> {
  const times = tasks.map(() => [] as number[])
  for (let block = 0; block < blocks; block++) {
    for (const [t, task] of tasks.entries()) {
      for (let i = 0; i < runs; i++) {
        const start = performance.now()
        await task()
        times[t]!.push(performance.now() - start)
      }
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!) as {
    -readonly [K in keyof T]: number
  }
}

/** The machine's load as the figures were taken: on a shared machine, part of what they mean. */
export function machineLoad(): string {
  const [one, five] = loadavg()
  return `${availableParallelism()} cores, load average ${one!.toFixed(1)} (1 min), ${five!.toFixed(1)} (5 min)`
}

export function report(title: string, rows: { name: string; ms: number; baseline?: number }[]): void {
  console.log(`\n${title}`)
  for (const row of rows) {
    const ratio = row.baseline ? `  ${(row.ms / row.baseline).toFixed(2)}× baseline` : '  (baseline)'
    console.log(`  ${row.name.padEnd(58)} ${row.ms.toFixed(2).padStart(9)} ms${ratio}`)
  }
}

/**
 * Another process's memory in MB, or 0 where it cannot be read (Linux only): resident now (VmRSS), its
 * peak (VmHWM), or its private part (what it alone costs: pages not shared with another process, such
 * as the DuckDB library's code that every engine maps from the same file).
 */
export function rssMbOf(pid: number | undefined, which: 'now' | 'peak' | 'private' = 'now'): number {
  const file = `/proc/${pid}/${which === 'private' ? 'smaps_rollup' : 'status'}`
  if (!pid || !existsSync(file)) return 0
  const text = readFileSync(file, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0)
  const total =
    which === 'private'
      ? kb('Private_Clean') + kb('Private_Dirty')
      : which === 'peak'
        ? kb('VmHWM')
        : kb('VmRSS')
  return total / 1024
}

/** Resolves once `test` holds, checking every millisecond or so. */
export function until(test: () => boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    const poll = () => (test() ? resolve() : setTimeout(poll, 1))
    poll()
  })
}

/**
 * CPU time another process has used so far, in ms (user + system, every thread; Linux only, else 0):
 * on a shared machine it says what a step cost, whatever the wait for a core added to its wall time.
 */
export function cpuMsOf(pid: number | undefined): number {
  const file = `/proc/${pid}/stat`
  if (!pid || !existsSync(file)) return 0
  // The fields after the command name (which may hold spaces); utime and stime are the 14th and 15th,
  // in clock ticks of 1/100 s.
  const stat = readFileSync(file, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}
