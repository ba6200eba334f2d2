/**
 * A recogniser per published layout: a pure function from the header row to a plan. A plan says which
 * columns DuckDB reads as numbers, the SELECT that turns the raw columns (named c0, c1, … in file order)
 * into fact rows, and how the keys of those rows (period, country, flow cells as written) become the
 * tidy values. Keys are mapped once per distinct value, not once per row: a ten-million-row file has a
 * few dozen periods and a few hundred partners (see ../sql.ts for the fact columns).
 */
import type { Filled } from './common'

export const layoutIds = [
  'comtrade-plus',
  'comtrade-legacy',
  'baci',
  'wdi',
  'imf-imts',
  'imf-dots',
  'wto',
  'wto-report',
  'trade-map',
  'sdmx-csv',
  'eurostat-comext',
  'eurostat-wide',
  'generic-long',
  'wide-periods',
  'mapped',
] as const
export type LayoutId = (typeof layoutIds)[number]

export interface LayoutInfo {
  id: LayoutId
  title: string
  publisher: string
  url: string
}

export interface Plan {
  layout: LayoutId
  /** Column indexes read as numbers (DOUBLE); a cell that is not one stops the import with its line. */
  numeric: number[]
  /** Cell texts that mean "no value" (besides the empty cell). */
  nullStrings?: string[]
  /** SELECT over `src` producing FACT_COLUMNS: raw keys (period_k, reporter_k, partner_k, flow_k) and tidy values. */
  facts: string
  /**
   * The column a period cell comes from, named when one cannot be read. Each distinct period key is
   * read by the app's one period reader (shared/periods.ts) into 2024, 2024-03 or 2024-Q1.
   */
  periodColumn: number
  /** SQL turning a distinct raw flow key into a flow code (exports, imports, …). */
  flow(k: string): string
  /** Where country keys are looked up (default cte_codes) and what unknown codes get in front. */
  countries?: CountryList
}

export interface CountryList {
  table: 'cte_codes' | 'cte_imf' | 'cte_comtrade' | 'cte_baci'
  prefix?: string
}

export interface Layout extends LayoutInfo {
  /**
   * The source's own country list where every plan of the layout reads its keys by one (the plans name
   * it too): migrate.ts reads it to mend versions stored before the layout had it.
   */
  countries?: CountryList
  /**
   * `notes`: the title block above the header (e.g. a Trade Map export's "Unit : US Dollar thousand");
   * `filled`: the columns every sampled row fills (common.ts, isoOrCode), none when not known.
   */
  recognise(header: readonly string[], notes: readonly string[], filled?: Filled): Plan | null
}
