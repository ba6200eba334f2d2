/**
 * The DuckDB an import (or an inspection) runs in: its own in-memory instance, so its memory limit,
 * threads and temp folder are the job's, and Cancel interrupts only this job. DuckDB works off the JS
 * thread; this wrapper adds the progress reading and the interrupt.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'

/** CTE_IMPORT_TRACE=1 logs each statement's and each import stage's time (benchmarks, debugging). */
const TRACE = Boolean(process.env.CTE_IMPORT_TRACE)

/** Under CTE_IMPORT_TRACE, logs how long a stage of an import took since `since` (a performance.now()). */
export function traceStage(stage: string, since: number): void {
  if (TRACE) console.error(`[import] stage ${stage}: ${(performance.now() - since).toFixed(0)} ms`)
}

export interface JobDb {
  run(sql: string): Promise<void>
  all<T extends object>(sql: string): Promise<T[]>
  /** Fraction done of the running query (0–1), or null when DuckDB cannot tell. */
  progress(): number | null
  interrupt(): void
  close(): void
}

export interface JobDbOptions {
  /** Spill folder for big sorts or joins. */
  tempDir: string
  memoryLimit?: string
  threads?: number
}

/** BIGINTs (also inside lists) as numbers: counts and sums here are far below 2^53. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (Array.isArray(value)) return value.map(plain)
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
  }
  return value
}

export async function openJobDb(options: JobDbOptions): Promise<JobDb> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    memory_limit: options.memoryLimit ?? '512MB',
    threads: String(options.threads ?? 2),
    // Order of rows inside the library file does not matter; not keeping it saves memory.
    preserve_insertion_order: 'false',
    temp_directory: options.tempDir,
  })
  let connection: DuckDBConnection
  try {
    connection = await instance.connect()
    await connection.run(
      `SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0`,
    )
    // The lookups (periods, flows, country codes) are the small side of every join. DuckDB cannot count a
    // CSV's rows in advance and would otherwise build its hash table from the file: slow, and memory
    // that grows with the file.
    await connection.run(`SET disabled_optimizers = 'build_side_probe_side'`)
  } catch (error) {
    instance.closeSync()
    throw error
  }
  let closed = false
  return {
    async run(sql) {
      const t0 = TRACE ? performance.now() : 0
      const c0 = TRACE ? process.cpuUsage() : undefined
      await connection.run(sql)
      if (TRACE) {
        const cpu = process.cpuUsage(c0)
        console.error(
          `[import] ${(performance.now() - t0).toFixed(0)} ms (cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)  ${sql.replace(/\s+/g, ' ').slice(0, 90)}`,
        )
      }
    },
    async all<T extends object>(sql: string) {
      const reader = await connection.runAndReadAll(sql)
      return reader.getRowObjectsJS().map((row) => plain(row) as T)
    },
    progress() {
      if (closed) return null
      const p = connection.progress.percentage
      return p >= 0 ? Math.min(1, p / 100) : null
    },
    interrupt() {
      if (!closed) connection.interrupt()
    },
    close() {
      if (closed) return
      closed = true
      connection.closeSync()
      instance.closeSync()
    },
  }
}
