/** Timing helpers for the benchmarks: medians of repeated runs, printed with their ratio to a baseline. */
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

export function report(title: string, rows: { name: string; ms: number; baseline?: number }[]): void {
  console.log(`\n${title}`)
  for (const row of rows) {
    const ratio = row.baseline ? `  ${(row.ms / row.baseline).toFixed(2)}× baseline` : '  (baseline)'
    console.log(`  ${row.name.padEnd(58)} ${row.ms.toFixed(2).padStart(9)} ms${ratio}`)
  }
}
