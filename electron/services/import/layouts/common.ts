/** Helpers the layout recognisers share: finding columns by name and writing SQL over c0…cN. */

/** Column name without case, spaces or punctuation: "Trade Value (US$)" and "TradeValueUS" → "tradevalueus". */
export function norm(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}

/** Index of each wanted column (exact names), or null if any is missing. */
export function exact<K extends string>(
  header: readonly string[],
  names: Record<K, string>,
): Record<K, number> | null {
  const out = {} as Record<K, number>
  for (const [key, name] of Object.entries(names) as [K, string][]) {
    const i = header.indexOf(name)
    if (i < 0) return null
    out[key] = i
  }
  return out
}

/** Index of each wanted column by normalised name (any of the alternatives), or null if any is missing. */
export function loose<K extends string>(
  header: readonly string[],
  names: Record<K, string[]>,
): Record<K, number> | null {
  const normalised = header.map(norm)
  const out = {} as Record<K, number>
  for (const [key, alternatives] of Object.entries(names) as [K, string[]][]) {
    const i = normalised.findIndex((h) => alternatives.includes(h))
    if (i < 0) return null
    out[key] = i
  }
  return out
}

export const col = (i: number): string => `c${i}`

/** Trimmed text, NULL when empty. */
export const text = (i: number): string => `nullif(trim(${col(i)}), '')`

/**
 * An ISO column where filled, else the numeric code column: the raw country key of Comtrade files.
 * Published files fill the ISO column on every row; where every sampled row does (`filled`), only it is
 * read, through cte_filled: a column fewer for DuckDB to parse (each is about a twentieth of a large
 * import's time), and an empty ISO cell further down stops the read, which the import then makes again
 * reading both (pipeline.ts). The keys are the same either way.
 */
export const isoOrCode = (iso: number | undefined, code: number, filled: Filled = NONE_FILLED): string =>
  iso === undefined
    ? col(code)
    : filled.has(iso)
      ? `cte_filled(${col(iso)})`
      : `coalesce(nullif(${col(iso)}, ''), ${col(code)})`

/** Columns every sampled row of a file fills (filledColumns), which a layout may read without a fallback. */
export type Filled = ReadonlySet<number>

export const NONE_FILLED: Filled = new Set()

/** The columns every row of a sample fills (a cell of spaces counts as filled, as it does in cte_filled). */
export function filledColumns(header: readonly string[], sample: readonly (readonly string[])[]): Filled {
  if (sample.length === 0) return NONE_FILLED
  return new Set(header.flatMap((_, i) => (sample.every((row) => (row[i] ?? '') !== '') ? [i] : [])))
}

/** The flow words most layouts use. */
export const flowWords = (k: string) => `cte_flow(${k})`

export interface FactExprs {
  /** Raw keys, mapped per distinct value afterwards. */
  period: string
  reporter: string
  partner: string
  flow: string
  /** Tidy values, per row (keep them cheap). */
  product: string
  indicator?: string
  value: string
  unit: string
  quantity?: string
  quantityUnit?: string
}

/** The fact SELECT list, in FACT_COLUMNS order. */
export function factsSelect(e: FactExprs, from: string, where = ''): string {
  return `SELECT CAST(${e.period} AS VARCHAR) AS period_k, CAST(${e.reporter} AS VARCHAR) AS reporter_k, CAST(${e.partner} AS VARCHAR) AS partner_k,
    CAST(${e.flow} AS VARCHAR) AS flow_k, CAST(${e.product} AS VARCHAR) AS product, CAST(${e.indicator ?? 'NULL'} AS VARCHAR) AS indicator,
    CAST(${e.value} AS DOUBLE) AS value, CAST(${e.unit} AS VARCHAR) AS unit, CAST(${e.quantity ?? 'NULL'} AS DOUBLE) AS quantity,
    CAST(${e.quantityUnit ?? 'NULL'} AS VARCHAR) AS quantity_unit
  FROM ${from}${where ? ` WHERE ${where}` : ''}`
}

/**
 * A wide table (one column per period) turned into rows: `ids` are SELECT expressions kept on every row,
 * `columns` the value columns with the key each row gets (its period, or "flow|period").
 */
export function unpivot(ids: string[], columns: { i: number; key: string }[]): string {
  const quoted = (key: string) => `"${key.replace(/"/g, '""')}"`
  return `(UNPIVOT (SELECT ${[...ids, ...columns.map(({ i, key }) => `${col(i)} AS ${quoted(key)}`)].join(', ')} FROM src)
      ON ${columns.map(({ key }) => quoted(key)).join(', ')} INTO NAME wide_key VALUE v)`
}
