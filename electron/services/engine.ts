/**
 * The DuckDB engine the services share. One in-process database; every query is parameterised and
 * written by the services themselves (the renderer never sends SQL).
 */
import {
  DuckDBInstance,
  type DuckDBConnection,
  type DuckDBResultReader,
  type DuckDBValue,
} from '@duckdb/node-api'

export type Row = Record<string, unknown>

const READ_CONNECTIONS = 3

export interface Engine {
  all<T extends object = Row>(sql: string, params?: DuckDBValue[]): Promise<T[]>
  /** Resolves to the number of rows the statement inserted, updated or deleted. */
  run(sql: string, params?: DuckDBValue[]): Promise<number>
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
      return rowObjects(await connection.runAndReadAll(sql, params)) as T[]
    },
    async run(sql, params = []) {
      return (await writer.run(sql, params)).rowsChanged
    },
    close() {
      for (const connection of connections) connection.closeSync()
      instance.closeSync()
    },
  }
}

/**
 * The rows as plain objects, converted column by column: the values DuckDB's getRowObjectsJS gives,
 * which looks up each value's column type again (80 ms over the catalog's 2,000 readings at start,
 * against 10 so). BIGINT comes back as bigint; everything we return is small enough for a JS number.
 */
function rowObjects(reader: DuckDBResultReader): Row[] {
  const names = reader.deduplicatedColumnNames()
  const columns = reader.getColumnsJS()
  const count = columns[0]?.length ?? 0
  const rows: Row[] = []
  for (let r = 0; r < count; r++) {
    const row: Row = {}
    for (let c = 0; c < names.length; c++) {
      const value = columns[c]![r]
      row[names[c]!] = typeof value === 'bigint' ? Number(value) : value
    }
    rows.push(row)
  }
  return rows
}
