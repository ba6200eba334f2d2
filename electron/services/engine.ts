/**
 * The DuckDB engine the services share. One in-process database; every query is parameterised and
 * written by the services themselves (the renderer never sends SQL).
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api'

export type Row = Record<string, unknown>

export interface Engine {
  all<T extends object = Row>(sql: string, params?: DuckDBValue[]): Promise<T[]>
  run(sql: string, params?: DuckDBValue[]): Promise<void>
  close(): void
}

export async function openEngine(path = ':memory:'): Promise<Engine> {
  const instance = await DuckDBInstance.create(path, {
    // The app is offline by design: DuckDB must never try to download an extension.
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false'
  })
  const connection: DuckDBConnection = await instance.connect()
  return {
    async all<T extends object>(sql: string, params: DuckDBValue[] = []) {
      const reader = await connection.runAndReadAll(sql, params)
      return reader.getRowObjectsJS().map(toPlain) as T[]
    },
    async run(sql, params = []) {
      await connection.run(sql, params)
    },
    close() {
      connection.closeSync()
      instance.closeSync()
    }
  }
}

/** DuckDB hands back BIGINT as bigint; everything we return is small enough for a JS number. */
function toPlain(row: Row): Row {
  const out: Row = {}
  for (const [key, value] of Object.entries(row)) out[key] = typeof value === 'bigint' ? Number(value) : value
  return out
}
