/**
 * The SQL an import runs inside its own DuckDB: helper macros (period, flow, code normalisation, and
 * `cte_fail`, which stops the query with a marker naming the column and the value), and the tidy column
 * list every layout's SELECT produces.
 */
import { CELL_MARK } from './errors'

/**
 * An imported dataset is stored as fact rows plus the mapping of their keys (a star schema):
 * facts.parquet has the raw keys as the file wrote them (period_k, reporter_k, partner_k, flow_k) and
 * tidy values; dims.parquet maps each distinct key to its tidy value (dim = period | country | flow).
 * Mapping distinct keys instead of every row is what keeps a ten-million-row import fast.
 * TIDY_VIEW gives the tidy rows back: period, frequency, reporter, partner, flow, product, indicator,
 * value, unit, quantity, quantity_unit.
 */
export const FACT_COLUMNS = [
  'period_k',
  'reporter_k',
  'partner_k',
  'flow_k',
  'product',
  'indicator',
  'value',
  'unit',
  'quantity',
  'quantity_unit',
] as const

export function tidyView(facts: string, dims: string): string {
  return `SELECT p.value AS period, CASE WHEN length(p.value) = 4 THEN 'year' WHEN p.value LIKE '%-Q%' THEN 'quarter' ELSE 'month' END AS frequency, r.value AS reporter, q.value AS partner,
      f.value AS flow, x.product, x.indicator, x.value, x.unit, x.quantity, x.quantity_unit
    FROM ${facts} x
    JOIN ${dims} p ON p.dim = 'period' AND p.key IS NOT DISTINCT FROM x.period_k
    JOIN ${dims} r ON r.dim = 'country' AND r.key IS NOT DISTINCT FROM x.reporter_k
    JOIN ${dims} q ON q.dim = 'country' AND q.key IS NOT DISTINCT FROM x.partner_k
    JOIN ${dims} f ON f.dim = 'flow' AND f.key IS NOT DISTINCT FROM x.flow_k`
}

export const MACROS: string[] = [
  // The marker carries kind, column index and value; errors.ts turns it into words.
  `CREATE MACRO cte_fail(kind, col, v) AS error('${CELL_MARK}' || chr(31) || kind || chr(31) || CAST(col AS VARCHAR) || chr(31) || coalesce(CAST(v AS VARCHAR), ''))`,
  // Numbers lose leading zeros ("000" → "0", "0156" → "156"); text is trimmed and upper-cased.
  `CREATE MACRO cte_key(x) AS coalesce(CAST(TRY_CAST(trim(CAST(x AS VARCHAR)) AS UBIGINT) AS VARCHAR), upper(trim(CAST(x AS VARCHAR))))`,
  // Periods come from shared/periods.ts (2024, 2024-03, 2024-Q1): their form says their frequency.
  `CREATE MACRO cte_frequency(p) AS CASE WHEN length(p) = 4 THEN 'year' WHEN p LIKE '%-Q%' THEN 'quarter' ELSE 'month' END`,
  // A code the API accepts: lower-case letters, digits and underscores, starting with a letter. A name
  // with no Latin letter or digit (第一数量, 人民币) gets one from its own text's hash, so two such
  // columns stay two flows instead of both becoming 'x__'.
  `CREATE MACRO cte_slug(x) AS CASE WHEN x IS NULL OR trim(x) = '' THEN NULL
      WHEN NOT regexp_matches(lower(trim(x)), '[a-z0-9]') THEN 'x_' || left(md5(trim(x)), 8) ELSE
      left(regexp_replace(regexp_replace(lower(trim(x)), '[^a-z0-9]+', '_', 'g'), '^([^a-z])', 'x_\\1'), 48) END`,
  `CREATE MACRO cte_flow(x) AS CASE upper(trim(CAST(x AS VARCHAR)))
      WHEN 'X' THEN 'exports' WHEN 'M' THEN 'imports' WHEN 'RX' THEN 're_exports' WHEN 'RM' THEN 're_imports'
      WHEN '2' THEN 'exports' WHEN '1' THEN 'imports' WHEN '3' THEN 're_exports' WHEN '4' THEN 're_imports'
      WHEN 'EXPORT' THEN 'exports' WHEN 'EXPORTS' THEN 'exports' WHEN 'IMPORT' THEN 'imports' WHEN 'IMPORTS' THEN 'imports'
      WHEN 'RE-EXPORT' THEN 're_exports' WHEN 'RE-EXPORTS' THEN 're_exports' WHEN 'RE-IMPORT' THEN 're_imports' WHEN 'RE-IMPORTS' THEN 're_imports'
      WHEN 'BALANCE' THEN 'balance' WHEN 'TRADE BALANCE' THEN 'balance'
      WHEN '出口' THEN 'exports' WHEN '进口' THEN 'imports' WHEN '贸易差额' THEN 'balance'
      WHEN '出口總值(含復出口)' THEN 'exports' WHEN '進口總值(含復進口)' THEN 'imports'
      ELSE coalesce(cte_slug(CAST(x AS VARCHAR)), 'value') END`,
  // HS codes are text: a code that lost its leading zero on the way through a spreadsheet or R gets it back.
  `CREATE MACRO cte_hs(k) AS CASE WHEN length(trim(CAST(k AS VARCHAR))) IN (1, 3, 5) AND TRY_CAST(trim(CAST(k AS VARCHAR)) AS UBIGINT) IS NOT NULL
      THEN '0' || trim(CAST(k AS VARCHAR)) ELSE trim(CAST(k AS VARCHAR)) END`,
]

/**
 * The by-product summary (reporter × flow × product × period): the World total and the sum over
 * partners side by side; `value` is the World where the file gives one. `dims` is a relation with the
 * key mapping (dim, key, value).
 */
export function productsSql(facts: string, dims: string): string {
  const join = (alias: string, dim: string, key: string) =>
    `JOIN ${dims} ${alias} ON ${alias}.dim = '${dim}' AND ${alias}.key IS NOT DISTINCT FROM ${key}`
  return `SELECT r.value AS reporter, f.value AS flow, g.product, length(g.product) AS level, p.value AS period,
      CASE WHEN length(p.value) = 4 THEN 'year' WHEN p.value LIKE '%-Q%' THEN 'quarter' ELSE 'month' END AS frequency, g.unit,
      sum(g.world) AS world, sum(g.partners) AS partners, coalesce(sum(g.world), sum(g.partners)) AS value
    FROM (SELECT x.reporter_k, x.flow_k, x.product, x.period_k, x.unit,
                 sum(x.value) FILTER (WHERE w.key IS NOT NULL) AS world, sum(x.value) FILTER (WHERE w.key IS NULL) AS partners
            FROM ${facts} x LEFT JOIN (SELECT key FROM ${dims} WHERE dim = 'country' AND value = 'WLD' AND key IS NOT NULL) w ON w.key = x.partner_k
           WHERE x.product <> 'TOTAL' GROUP BY ALL) g
    ${join('p', 'period', 'g.period_k')} ${join('r', 'country', 'g.reporter_k')} ${join('f', 'flow', 'g.flow_k')}
   GROUP BY ALL`
}

/** A SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/** A quoted identifier. */
export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
