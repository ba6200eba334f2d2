/**
 * The DuckDB engine the services share. One in-process database; every query is parameterised and
 * written by the services themselves (the renderer never sends SQL).
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api'

export type Row = Record<string, unknown>

const READ_CONNECTIONS = 3

export interface Engine {
  all<T extends object = Row>(sql: string, params?: DuckDBValue[]): Promise<T[]>
  run(sql: string, params?: DuckDBValue[]): Promise<void>
  close(): void
}

export async function openEngine(path = ':memory:'): Promise<Engine> {
  const instance = await DuckDBInstance.create(path, {
    // The app is offline by design: DuckDB must never try to download an extension.
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  })
  // A few connections so that the reads a page makes at once (a chart asks for several series) run
  // side by side on DuckDB's threads instead of queueing on one connection. Writes use the first.
  const connections: DuckDBConnection[] = []
  for (let i = 0; i < READ_CONNECTIONS; i++) connections.push(await instance.connect())
  const writer = connections[0]!
  let next = 0
  return {
    async all<T extends object>(sql: string, params: DuckDBValue[] = []) {
      const connection = connections[next++ % connections.length]!
      const reader = await connection.runAndReadAll(sql, params)
      return reader.getRowObjectsJS().map(toPlain) as T[]
    },
    async run(sql, params = []) {
      await writer.run(sql, params)
    },
    close() {
      for (const connection of connections) connection.closeSync()
      instance.closeSync()
    },
  }
}

/** DuckDB hands back BIGINT as bigint; everything we return is small enough for a JS number. */
function toPlain(row: Row): Row {
  const out: Row = {}
  for (const [key, value] of Object.entries(row)) out[key] = typeof value === 'bigint' ? Number(value) : value
  return out
}
