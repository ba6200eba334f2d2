/**
 * The ranking of an imported dataset's partners or products over a span of periods: top N plus
 * "other", each with its share of the total and its change on the same span a year earlier. Products
 * drill down the HS tree one level at a time (all → sections → chapters → headings → subheadings),
 * read at the finest level the file has and never from two levels at once (productFilter.ts).
 */
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { say } from '../../shared/messages'
import type { Ranking, RankingRow } from '../../shared/exploreApi'
import type { Engine } from '../engine'
import type { ImportService } from '../import'
import type { DatasetEntry, VersionEntry } from '../import/library'
import { frequenciesOf, importedFrequency, importSource, resolveCodes } from '../import/queries'
import { periodBounds, quarterOf } from '../../shared/periods'
import { sqlString, versionTidy } from '../import/sql'
import { countryCode } from './countries'
import { parseProduct, productCode, type HsCodes } from './hsCodes'
import { levelFor, productWhere } from './productFilter'
import type { z } from 'zod'

type Query = z.output<typeof import('../../shared/exploreApi').RankingQuery>

export interface RankingContext {
  engine: Engine
  imports: ImportService
  hs: HsCodes
  imported(id: string): { entry: DatasetEntry; version: VersionEntry; dir: string }
  productLabel(code: string): string
  versionOf(id: string): string
}

/** A month or year shifted by whole years. */
function shiftYears(period: string, years: number): string {
  return `${Number(period.slice(0, 4)) + years}${period.slice(4)}`
}
/** The month `n` months before a `YYYY-MM` month. */
function monthsBefore(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The children of a product node, as a SQL grouping key and the node's filter. */
function childrenOf(
  parent: string,
  levels: readonly number[],
  hs: HsCodes,
): { key: string; where: string; kind: 'section' | 'hs'; digits: number } {
  const ref = parseProduct(parent)
  if (!ref) throw new AppError('NOT_FOUND', say('notHsCode', { product: parent }))
  if (ref.kind === 'all') {
    const level = levelFor(2, levels)
    if (level === null) throw new AppError('NOT_FOUND', say('noProductDetail'))
    return { key: 'left(product, 2)', where: `level = ${level}`, kind: 'section', digits: 2 }
  }
  const digits = ref.kind === 'section' ? 2 : ref.code.length + 2
  if (digits > 6) throw new AppError('NOT_FOUND', say('sixDigitsFinest'))
  const level = levelFor(digits, levels)
  if (level === null) throw new AppError('NOT_FOUND', say('noProductsAtDigits', { digits }))
  // The parent's own filter, at the children's level.
  const where = productWhere(ref, [level], hs)
  return { key: `left(product, ${digits})`, where, kind: 'hs', digits }
}

/** What every ranking of a dataset version asks first: its product levels and its latest period per series. */
interface VersionFacts {
  levels: number[]
  latest: { reporter: string; flow: string; frequency: string; unit: string; last: string }[]
}
/**
 * Read once per version (a version's files never change; a new import is a new version), so a
 * drill-down step runs one query, not three.
 */
const versionFactsCache = new Map<string, Promise<VersionFacts>>()
function versionFacts(
  engine: Engine,
  dir: string,
  version: VersionEntry,
  summary: string,
): Promise<VersionFacts> {
  const key = `${dir}|${version.sha256}|${version.importedAt}`
  let facts = versionFactsCache.get(key)
  if (!facts) {
    facts = (async () => {
      const rows = await engine.all<{
        reporter: string | null
        flow: string | null
        frequency: string | null
        unit: string | null
        last: string | null
        levels: number[]
      }>(
        `SELECT reporter, flow, frequency, unit, max(period) AS last, list(DISTINCT level) AS levels
           FROM read_parquet(${summary}) GROUP BY ALL`,
      )
      const levels = [...new Set(rows.flatMap((r) => r.levels.map(Number)))].filter((l) => l > 0)
      const latest = rows.flatMap((r) =>
        r.reporter && r.flow && r.frequency && r.unit !== null && r.last
          ? [{ reporter: r.reporter, flow: r.flow, frequency: r.frequency, unit: r.unit, last: r.last }]
          : [],
      )
      return { levels, latest }
    })()
    facts.catch(() => versionFactsCache.delete(key))
    versionFactsCache.set(key, facts)
  }
  return facts
}

/**
 * The world's products of one reporter, flow and span, summed over the span and the year before it
 * (one row per product code and level: a few thousand), kept as a table in the engine's memory for
 * the drill-down: the first product chart makes it from the by-product summary, and each step down
 * reads it instead of the summary's every month. The last few spans asked for are kept.
 */
const SPAN_TABLES = 4
/** Per engine: the tables live in that engine's DuckDB (services opened again get another engine). */
const spanTablesOf = new WeakMap<Engine, Map<string, Promise<string>>>()
let spanTableCount = 0
function spanTable(engine: Engine, key: string, select: string): Promise<string> {
  let spanTables = spanTablesOf.get(engine)
  if (!spanTables) spanTablesOf.set(engine, (spanTables = new Map()))
  let table = spanTables.get(key)
  if (table) {
    // Most recently used last.
    spanTables.delete(key)
    spanTables.set(key, table)
    return table
  }
  const name = `cte_rank_span_${++spanTableCount}`
  table = engine.run(`CREATE TABLE ${name} AS ${select}`).then(() => name)
  table.catch(() => spanTables.delete(key))
  spanTables.set(key, table)
  while (spanTables.size > SPAN_TABLES) {
    const [oldest, dropped] = spanTables.entries().next().value as [string, Promise<string>]
    spanTables.delete(oldest)
    void dropped.then((n) => engine.run(`DROP TABLE IF EXISTS ${n}`)).catch(() => {})
  }
  return table
}

export async function rankingOf(ctx: RankingContext, q: Query): Promise<Ranking> {
  const { engine, imports, hs } = ctx
  const { entry, version, dir } = ctx.imported(q.dataset)
  const held = await frequenciesOf(engine, dir)
  const asked = importedFrequency(
    held,
    q.frequency ??
      (held.includes('month')
        ? 'month'
        : held.includes('year')
          ? 'year'
          : held.includes('quarter')
            ? 'quarter'
            : 'month'),
  )
  // Running year-to-date totals are not ranked (a span would count each month several times).
  if (asked === 'ytd') throw new AppError('NOT_FOUND', say('nothingToRank'))
  const frequency = asked
  const reporter = resolveCodes(q.reporter, imports.codes)
  const partner = resolveCodes(q.partner, imports.codes)
  const unit = version.units.includes('USD') ? 'USD' : (version.units[0] ?? '')
  const list = (xs: string[]) => `[${xs.map(sqlString).join(', ')}]`
  const summary = sqlString(join(dir, 'summary.parquet'))
  const facts0 = await versionFacts(engine, dir, version, summary)
  const levels = facts0.levels
  const base = `list_contains(${list(reporter.codes)}, reporter) AND flow = ${sqlString(q.flow)} AND frequency = ${sqlString(frequency)} AND unit = ${sqlString(unit)}`

  // The span: as asked, else the latest year (annual data) or the latest twelve months.
  const last = facts0.latest
    .filter(
      (r) =>
        reporter.codes.includes(r.reporter) &&
        r.flow === q.flow &&
        r.frequency === frequency &&
        r.unit === unit,
    )
    .reduce<string | null>((max, r) => (max === null || r.last > max ? r.last : max), null)
  if (!last) throw new AppError('NOT_FOUND', say('noFlowOf', { flow: q.flow, reporter: reporter.label }))
  // A range given in another frequency's periods is read as the periods of this one it falls in.
  const at = (p: string, end: boolean) => {
    const b = periodBounds(p)
    const month = b ? (end ? b.end : b.start) : p
    return frequency === 'year'
      ? month.slice(0, 4)
      : frequency === 'quarter'
        ? quarterOf(month)
        : month.slice(0, 7)
  }
  const to = q.to ? at(q.to, true) : last
  const from = q.from
    ? at(q.from, false)
    : frequency === 'year'
      ? to
      : frequency === 'quarter'
        ? quarterOf(monthsBefore(periodBounds(to)!.end, 11))
        : monthsBefore(to, 11)
  const previousFrom = shiftYears(from, -1)
  const previousTo = shiftYears(to, -1)
  const spans = `sum(value) FILTER (WHERE period BETWEEN ${sqlString(from)} AND ${sqlString(to)}) AS value,
    sum(value) FILTER (WHERE period BETWEEN ${sqlString(previousFrom)} AND ${sqlString(previousTo)}) AS previous`
  const inSpans = `(period BETWEEN ${sqlString(previousFrom)} AND ${sqlString(to)})`
  const facts = `(SELECT *, CASE WHEN product = 'TOTAL' THEN 0 ELSE length(product) END AS level
      FROM (${versionTidy(dir, version.constants)}))`

  let items: {
    code: string
    label: string
    value: number
    previous: number | null
    drill: boolean
    iso3?: string
  }[]
  let path: { code: string; label: string }[] = []
  if (q.by === 'product') {
    const parent = q.parent ?? 'all'
    const children = childrenOf(parent, levels, hs)
    const rows =
      q.partner === 'world'
        ? await engine.all<{ code: string; value: number | null; previous: number | null }>(
            `SELECT ${children.key} AS code, sum(value) AS value, sum(previous) AS previous
               FROM ${await spanTable(
                 engine,
                 `${dir}|${version.importedAt}|${base}|${from}|${to}`,
                 `SELECT product, level, ${spans}
                 FROM read_parquet(${sqlString(await imports.productsFile(q.dataset))}) WHERE ${base} AND ${inSpans}
                  AND regexp_full_match(product, '[0-9]+') GROUP BY product, level`,
               )}
              WHERE ${children.where} GROUP BY 1`,
          )
        : await engine.all<{ code: string; value: number | null; previous: number | null }>(
            `SELECT ${children.key} AS code, ${spans} FROM (SELECT * FROM ${facts} WHERE list_contains(${list(partner.codes)}, partner))
              WHERE ${base} AND ${children.where} AND ${inSpans} AND regexp_full_match(product, '[0-9]+') GROUP BY 1`,
          )
    const finest = Math.max(...levels)
    if (children.kind === 'section') {
      const sums = new Map<number, { value: number; previous: number | null }>()
      for (const r of rows) {
        const section = hs.sectionOf(r.code)
        const key = section?.number ?? 0
        const sum = sums.get(key) ?? { value: 0, previous: null }
        sum.value += r.value ?? 0
        if (r.previous !== null) sum.previous = (sum.previous ?? 0) + r.previous
        sums.set(key, sum)
      }
      items = [...sums].map(([n, v]) => ({
        // Chapters 77, 98 and 99 belong to no section: they are listed as themselves.
        code: n ? productCode.section(n) : 'hs99',
        label: n ? ctx.productLabel(productCode.section(n)) : ctx.productLabel('hs99'),
        ...v,
        drill: true,
      }))
    } else {
      items = rows.map((r) => ({
        code: productCode.hs(r.code),
        label: ctx.productLabel(productCode.hs(r.code)),
        value: r.value ?? 0,
        previous: r.previous,
        drill: children.digits < finest,
      }))
    }
    // The trail back to all products, for the breadcrumbs.
    const ref = parseProduct(parent)
    const trail: string[] = ['all']
    if (ref?.kind === 'section') trail.push(parent)
    if (ref?.kind === 'hs') {
      const section = hs.sectionOf(ref.code.slice(0, 2))
      if (section) trail.push(productCode.section(section.number))
      for (let d = 2; d <= ref.code.length; d += 2) trail.push(productCode.hs(ref.code.slice(0, d)))
    }
    path = trail.map((code) => ({ code, label: ctx.productLabel(code) }))
  } else {
    const ref = q.product === 'all' ? null : parseProduct(q.product)
    if (q.product !== 'all' && !ref) throw new AppError('NOT_FOUND', say('notHsCode', { product: q.product }))
    const rows = ref
      ? await engine.all<{ partner: string; value: number | null; previous: number | null }>(
          `SELECT partner, ${spans} FROM ${facts} WHERE ${base} AND ${productWhere(ref, levels, hs)} AND ${inSpans}
            AND partner <> 'WLD' GROUP BY partner`,
        )
      : await engine.all<{ partner: string; value: number | null; previous: number | null }>(
          `SELECT partner, ${spans} FROM read_parquet(${summary}) WHERE ${base} AND level = ${version.totalProduct} AND ${inSpans}
            AND partner <> 'WLD' GROUP BY partner`,
        )
    // The reporter itself stays when the file lists it (China's imports from China are re-imports),
    // so the partners add up to the file's World total.
    items = rows.map((r) => {
      const code = countryCode(r.partner)
      // A partner code that names no country ("_X", areas not specified) is kept, under one line.
      return code
        ? {
            code,
            label: imports.codes.label(r.partner),
            value: r.value ?? 0,
            previous: r.previous,
            drill: false,
            iso3: r.partner,
          }
        : {
            code: 'unspecified',
            label: 'Areas not specified',
            value: r.value ?? 0,
            previous: r.previous,
            drill: false,
          }
    })
    const unspecified = items.filter((i) => i.code === 'unspecified')
    if (unspecified.length > 1)
      items = [
        ...items.filter((i) => i.code !== 'unspecified'),
        {
          ...unspecified[0]!,
          value: unspecified.reduce((s, i) => s + i.value, 0),
          previous: unspecified.some((i) => i.previous !== null)
            ? unspecified.reduce((s, i) => s + (i.previous ?? 0), 0)
            : null,
        },
      ]
  }
  items = items.filter((i) => i.value !== 0 || (i.previous ?? 0) !== 0)
  items.sort((a, b) => b.value - a.value || a.code.localeCompare(b.code))
  const total = items.reduce((s, i) => s + i.value, 0)
  const yoy = (value: number, previous: number | null) =>
    previous !== null && previous > 0 ? (value / previous - 1) * 100 : null
  const row = (i: (typeof items)[number]): RankingRow => ({
    code: i.code,
    label: i.label,
    value: i.value,
    share: total > 0 ? (i.value / total) * 100 : null,
    previous: i.previous,
    yoy: yoy(i.value, i.previous),
    drill: i.drill,
    ...(i.iso3 ? { iso3: i.iso3 } : {}),
  })
  const rest = items.slice(q.top)
  const restPrevious = rest.some((i) => i.previous !== null)
    ? rest.reduce((s, i) => s + (i.previous ?? 0), 0)
    : null
  const source = importSource(entry, version)
  return {
    dataset: q.dataset,
    version: ctx.versionOf(q.dataset),
    reporter: { code: q.reporter, label: reporter.label },
    flow: q.flow,
    by: q.by,
    partner: { code: q.partner, label: partner.label },
    product: { code: q.product, label: ctx.productLabel(q.product) },
    path,
    unit,
    frequency,
    from,
    to,
    previousFrom,
    previousTo,
    rows: items.slice(0, q.top).map(row),
    other: { count: rest.length, value: rest.reduce((s, i) => s + i.value, 0), previous: restPrevious },
    total,
    all: items.map((i) => ({ code: i.code, value: i.value, ...(i.iso3 ? { iso3: i.iso3 } : {}) })),
    source: { title: source.title, publisher: source.publisher, url: source.url },
  }
}
