/**
 * The SQL an import runs inside its own DuckDB: helper macros (period, flow, code normalisation, and
 * `cte_fail`, which stops the query with a marker naming the column and the value), and the tidy column
 * list every layout's SELECT produces.
 */
import { join as joinPath } from 'node:path'
import { CELL_MARK, GUESS_MARK } from './errors'

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

export type FactColumn = (typeof FACT_COLUMNS)[number]

/**
 * Fact columns that hold one value on every row of a version (the unit a layout states, an indicator or
 * quantity a file does not have): that value, kept in the manifest instead of on ten million rows. A
 * version imported before these were left out has none.
 */
export type FactConstants = Partial<Record<FactColumn, string | null>>

/** DOUBLE columns; the rest are text. */
const NUMERIC_FACTS: ReadonlySet<FactColumn> = new Set(['value', 'quantity'])

/**
 * The fact rows of a version folder, every FACT_COLUMN present: the stored ones from facts.parquet,
 * the constant ones as their value.
 */
export function storedFacts(dir: string, constants: FactConstants = {}): string {
  return factsRelation(joinPath(dir, 'facts.parquet'), constants)
}

/** A facts file's rows with its constant columns added back. */
export function factsRelation(path: string, constants: FactConstants = {}): string {
  const file = `read_parquet(${sqlString(path)})`
  const fixed = Object.keys(constants) as FactColumn[]
  if (fixed.length === 0) return file
  return `(SELECT *, ${fixed.map((name) => `${constantSql(constants, name)} AS ${name}`).join(', ')} FROM ${file})`
}

/** A constant fact column's value as a typed SQL literal (the column must be one of `constants`). */
export function constantSql(constants: FactConstants, name: FactColumn): string {
  const value = constants[name]
  return `CAST(${value === null || value === undefined ? 'NULL' : sqlString(value)} AS ${NUMERIC_FACTS.has(name) ? 'DOUBLE' : 'VARCHAR'})`
}

/** The tidy rows of a version folder (see tidyView). */
export function versionTidy(dir: string, constants?: FactConstants): string {
  return tidyView(storedFacts(dir, constants), `read_parquet(${sqlString(joinPath(dir, 'dims.parquet'))})`)
}

/**
 * Which fact columns the import's SELECTs (one per part, each producing FACT_COLUMNS) fill with one
 * constant, the same in every part: by DuckDB's own parse of the SQL, so that only a column written as
 * a literal counts (a text constant, or NULL; a number column only as NULL).
 */
export async function constantFacts(
  parse: (sql: string) => Promise<string>,
  selects: readonly string[],
): Promise<FactConstants> {
  const found = new Map<FactColumn, string | null>()
  const varying = new Set<FactColumn>()
  for (const select of selects) {
    const tree = JSON.parse(await parse(select)) as {
      error?: boolean
      statements?: { node?: { type?: string; select_list?: ParsedExpression[] } }[]
    }
    const node = tree.statements?.length === 1 ? tree.statements[0]!.node : undefined
    const list = !tree.error && node?.type === 'SELECT_NODE' ? node.select_list : undefined
    if (!list) return {}
    const seen = new Set<FactColumn>()
    for (const item of list) {
      const name = item.alias as FactColumn
      if (!(FACT_COLUMNS as readonly string[]).includes(name)) continue
      seen.add(name)
      const value = constantOf(item, NUMERIC_FACTS.has(name))
      if (value === undefined || (found.has(name) && found.get(name) !== value)) varying.add(name)
      else found.set(name, value)
    }
    for (const name of FACT_COLUMNS) if (!seen.has(name)) varying.add(name)
  }
  return Object.fromEntries([...found].filter(([name]) => !varying.has(name)))
}

interface ParsedExpression {
  class?: string
  alias?: string
  child?: ParsedExpression
  cast_type?: { id?: string }
  value?: { is_null?: boolean; value?: unknown; type?: { id?: string } }
}

/** The value of `CAST(<literal> AS type)` or a bare literal; undefined for anything else. */
function constantOf(e: ParsedExpression, numeric: boolean): string | null | undefined {
  const inner = e.class === 'CAST' ? e.child : e
  if (inner?.class !== 'CONSTANT' || !inner.value) return undefined
  if (inner.value.is_null) return null
  if (numeric || inner.value.type?.id !== 'VARCHAR' || typeof inner.value.value !== 'string') return undefined
  if (e.class === 'CAST' && e.cast_type?.id !== 'VARCHAR') return undefined
  return inner.value.value
}

/**
 * The frequency a period's form says, as SQL over the period text `p`: `2024` a year, `2024-Q1` a
 * quarter, `2024-03` a month; a span from January to a later month of the same year past February
 * (`2025-01..2025-07`) a year to date; January–February combined (`2025-01..2025-02`) is a month's
 * point, as the bundled package keeps it. The import refuses every other span (pipeline.ts, by
 * periods.ts's isJanFeb and isYearToDate), so none reaches this. SQL, not a macro: the Explorer reads
 * stored versions in the shared engine, where the import's macros are not defined.
 */
export function frequencySql(p: string): string {
  return `CASE WHEN length(${p}) = 4 THEN 'year' WHEN ${p} LIKE '%-Q%' THEN 'quarter'
      WHEN ${p} LIKE '____-01..____-__' AND left(${p}, 4) = substr(${p}, 10, 4) AND right(${p}, 2) NOT IN ('01', '02') THEN 'ytd'
      ELSE 'month' END`
}

export function tidyView(facts: string, dims: string): string {
  return `SELECT p.value AS period, ${frequencySql('p.value')} AS frequency, r.value AS reporter, q.value AS partner,
      f.value AS flow, x.product, x.indicator, x.value, x.unit, x.quantity, x.quantity_unit
    FROM ${facts} x
    JOIN ${dims} p ON p.dim = 'period' AND p.key IS NOT DISTINCT FROM x.period_k
    JOIN ${dims} r ON r.dim = 'country' AND r.key IS NOT DISTINCT FROM x.reporter_k
    JOIN ${dims} q ON q.dim = 'country' AND q.key IS NOT DISTINCT FROM x.partner_k
    JOIN ${dims} f ON f.dim = 'flow' AND f.key IS NOT DISTINCT FROM x.flow_k`
}

/**
 * The one pass over a version's facts its summaries are made from (`facts` with the version's
 * `constants` added back), grouped by the raw keys: small, and it holds every distinct key. A unit the
 * layout states (a constant) is added to the groups, not grouped on every row.
 */
export function keyedSql(facts: string, constants: FactConstants = {}): string {
  const unitFixed = 'unit' in constants
  return `SELECT *${unitFixed ? `, ${constantSql(constants, 'unit')} AS unit` : ''} FROM (
      SELECT period_k, reporter_k, partner_k, flow_k${unitFixed ? '' : ', unit'},
        CASE WHEN product = 'TOTAL' THEN 0 ELSE length(product) END AS level, sum(value) AS value, count(value) AS n
      FROM ${facts} GROUP BY ALL)`
}

/**
 * The chart-sized summary written beside the facts: by reporter × partner × flow × period, per unit and
 * product level (TOTAL rows are level 0, else the code length), the raw keys of `keyed` (keyedSql) read
 * through `dims`, the keys' tidy values.
 */
export function summarySql(keyed: string, dims: string): string {
  const join = (alias: string, dim: string, key: string) =>
    `JOIN ${dims} ${alias} ON ${alias}.dim = '${dim}' AND ${alias}.key IS NOT DISTINCT FROM ${key}`
  return `SELECT p.value AS period, cte_frequency(p.value) AS frequency, r.value AS reporter, q.value AS partner, f.value AS flow, s.unit, s.level,
             sum(s.value) AS value, sum(s.n) AS n
        FROM ${keyed} s
        ${join('p', 'period', 's.period_k')} ${join('r', 'country', 's.reporter_k')} ${join('q', 'country', 's.partner_k')} ${join('f', 'flow', 's.flow_k')}
       WHERE s.n > 0
       GROUP BY ALL`
}

/**
 * The tidy value of a country key that no code list reads (`k` a column): a short code as its key
 * (`cte_key`: 0492 and 492 alike), a longer text as written, for the names matched afterwards.
 */
export function unknownCountrySql(k: string): string {
  return `CASE WHEN ${k} IS NULL THEN NULL WHEN length(trim(${k})) <= 4 THEN cte_key(${k}) ELSE trim(${k}) END`
}

export const MACROS: string[] = [
  // The marker carries kind, column index and value; errors.ts turns it into words.
  `CREATE MACRO cte_fail(kind, col, v) AS error('${CELL_MARK}' || chr(31) || kind || chr(31) || CAST(col AS VARCHAR) || chr(31) || coalesce(CAST(v AS VARCHAR), ''))`,
  // A column every sampled row filled (layouts/common.ts, isoOrCode), as it is, until a row leaves it
  // empty; a key the sampled rows gave one value (guesses.ts), true while a row holds it. Else the read
  // stops and is made again without the guess (pipeline.ts). The value in the message keeps DuckDB from
  // computing the error once for the whole query.
  `CREATE MACRO cte_filled(x) AS CASE WHEN nullif(x, '') IS NULL THEN error('${GUESS_MARK}' || coalesce(x, '')) ELSE x END`,
  `CREATE MACRO cte_same(x, v) AS CASE WHEN x IS NOT DISTINCT FROM v THEN true ELSE error('${GUESS_MARK}' || coalesce(x, '')) END`,
  // Numbers lose leading zeros ("000" → "0", "0156" → "156"); text is trimmed and upper-cased.
  `CREATE MACRO cte_key(x) AS coalesce(CAST(TRY_CAST(trim(CAST(x AS VARCHAR)) AS UBIGINT) AS VARCHAR), upper(trim(CAST(x AS VARCHAR))))`,
  // Periods come from shared/periods.ts (2024, 2024-03, 2024-Q1, 2025-01..2025-07): their form says their frequency.
  `CREATE MACRO cte_frequency(p) AS ${frequencySql('p')}`,
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
  // It runs on every row of an HS file: CASE tests each WHEN only on the rows still open (an AND computes
  // both sides on every row), so the number test runs on the odd-length codes alone.
  `CREATE MACRO cte_hs(k) AS CASE WHEN length(trim(CAST(k AS VARCHAR))) NOT IN (1, 3, 5) THEN trim(CAST(k AS VARCHAR))
      WHEN TRY_CAST(trim(CAST(k AS VARCHAR)) AS UBIGINT) IS NULL THEN trim(CAST(k AS VARCHAR)) ELSE '0' || trim(CAST(k AS VARCHAR)) END`,
]

/**
 * The by-product summary (reporter × flow × product × period): the World total and the sum over
 * partners side by side; `value` is the World where the file gives one. `dims` is a relation with the
 * key mapping (dim, key, value); `world` the partner keys it maps to the World, as a list of literals
 * rather than a join, which would probe every fact row; `constants` the version's constant columns
 * (constantFacts), whose unit is then added to the groups, not grouped on every row. The two together were
 * about a tenth of this summary's time on the 10M-row benchmark. `combos`, where given, is a table made
 * by combosSql whose `hk` tells every reporter × flow × period (× unit) of the facts apart: the rows are
 * then grouped by that number and the product (see combosSql).
 */
export function productsSql(
  facts: string,
  dims: string,
  world: readonly string[],
  constants: FactConstants = {},
  combos?: string,
): string {
  const join = (alias: string, dim: string, key: string) =>
    `JOIN ${dims} ${alias} ON ${alias}.dim = '${dim}' AND ${alias}.key IS NOT DISTINCT FROM ${key}`
  const isWorld = `coalesce(x.partner_k IN (${world.map(sqlString).join(', ')}), false)`
  // A file with no World rows has only partners' rows: one plain sum, not two filtered ones (filtering
  // every row was about a tenth of this summary's time on the benchmark's file, which has no World).
  const sums =
    world.length === 0
      ? 'CAST(NULL AS DOUBLE) AS world, sum(x.value) AS partners'
      : `sum(x.value) FILTER (WHERE ${isWorld}) AS world, sum(x.value) FILTER (WHERE NOT ${isWorld}) AS partners`
  const unitFixed = 'unit' in constants
  const keys = comboKeys(unitFixed).map((k) => `x.${k}`)
  const grouped = combos
    ? `(SELECT c.*, h.product, h.world, h.partners
          FROM (SELECT hash(${keys.join(', ')}) AS hk, x.product, ${sums}
                  FROM ${facts} x WHERE x.product <> 'TOTAL' GROUP BY hk, x.product) h
          JOIN ${combos} c ON c.hk = h.hk)`
    : `(SELECT ${keys.join(', ')}, x.product, ${sums}
          FROM ${facts} x
         WHERE x.product <> 'TOTAL' GROUP BY ${keys.join(', ')}, x.product)`
  return `SELECT r.value AS reporter, f.value AS flow, g.product, length(g.product) AS level, p.value AS period,
      ${frequencySql('p.value')} AS frequency, ${unitFixed ? `${constantSql(constants, 'unit')} AS unit` : 'g.unit'},
      sum(g.world) AS world, sum(g.partners) AS partners, coalesce(sum(g.world), sum(g.partners)) AS value
    FROM ${grouped} g
    ${join('p', 'period', 'g.period_k')} ${join('r', 'country', 'g.reporter_k')} ${join('f', 'flow', 'g.flow_k')}
   GROUP BY ALL`
}

/** The keys a by-product row is summed over besides its product: the unit only where it varies. */
function comboKeys(unitFixed: boolean): string[] {
  return ['reporter_k', 'flow_k', 'period_k', ...(unitFixed ? [] : ['unit'])]
}

/**
 * Every reporter × flow × period (× unit) of a version, from `keyed` (keyedSql, which holds every
 * distinct key), with `hk`, the number DuckDB's hash gives those keys. Where no two combinations share
 * their number (comboHashesDistinctSql), productsSql groups the fact rows by that one number and the
 * product instead of four text keys, and reads the keys back from here: on the 10M-row benchmark the
 * by-product summary's grouping took about two fifths less CPU time. Only where they are all told
 * apart, so a sum is never shared by two combinations.
 */
export function combosSql(keyed: string, constants: FactConstants = {}): string {
  const keys = comboKeys('unit' in constants)
  return `SELECT ${keys.join(', ')}, hash(${keys.join(', ')}) AS hk FROM (SELECT DISTINCT ${keys.join(', ')} FROM ${keyed})`
}

/** One row, `distinct`: whether the combinations of a combosSql table all have their own `hk`. */
export function comboHashesDistinctSql(combos: string): string {
  return `SELECT count(*) = count(DISTINCT hk) AS "distinct" FROM ${combos}`
}

/** The partner keys a dims relation maps to the World (WLD), for productsSql. */
export function worldKeysSql(dims: string): string {
  return `SELECT DISTINCT key FROM ${dims} WHERE dim = 'country' AND value = 'WLD' AND key IS NOT NULL ORDER BY key`
}

/** A SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/** A quoted identifier. */
export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
