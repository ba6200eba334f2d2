/**
 * Exploring any dataset, bundled or imported, with the same controls: its dimensions (what the
 * Explorer may offer) and the series of one product of an imported dataset. Reads the library's files
 * (facts, key mapping and summaries) with the shared engine; never returns more than chart-sized rows.
 */
import { join } from 'node:path'
import type { Series } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { measureWord, say } from '../../shared/messages'
import type { DimensionValue, Dimensions, Ranking, RankingQuery } from '../../shared/exploreApi'
import type { z } from 'zod'
import { rangeBounds } from '../../shared/periods'
import type { Catalog } from '../catalog'
import type { Engine } from '../engine'
import type { ImportService } from '../import'
import type { DatasetEntry, VersionEntry } from '../import/library'
import {
  FREQUENCIES_IN,
  FREQUENCY_MESSAGES,
  frequenciesOf,
  importedFrequency,
  importedPoints,
  importSource,
  periodRangeSql,
  resolveCodes,
  sumRule,
  type SeriesRequest,
} from '../import/queries'
import { sqlString, versionTidy } from '../import/sql'
import type { QueryService } from '../query'
import { countryCode } from './countries'
import { parseProduct, productCode, type HsCodes } from './hsCodes'
import { productWhere } from './productFilter'
import { rankingOf } from './ranking'

export interface ExploreOptions {
  engine: Engine
  catalog: Catalog
  query: QueryService
  imports: ImportService
  /** The HS code list (data/codes), loaded once with the bundled data. */
  hs: HsCodes
}

export interface ExploreService {
  hs: HsCodes
  dimensions(dataset: string): Promise<Dimensions>
  /** A series of one product (any partner) of an imported dataset. */
  productSeries(q: SeriesRequest): Promise<Series>
  /** Top N partners or products plus "other" of an imported dataset (ranking.ts). */
  ranking(q: z.output<typeof RankingQuery>): Promise<Ranking>
}

/** Codes the view state accepts (the same rule as the contract's): others are left out of the lists. */
const CODE = /^[a-z][a-z0-9_]*$/

export async function openExploreService(options: ExploreOptions): Promise<ExploreService> {
  const { engine, imports, hs } = options
  const list = (xs: string[]) => `[${xs.map(sqlString).join(', ')}]`

  function imported(id: string): { entry: DatasetEntry; version: VersionEntry; dir: string } {
    const entry = imports.library.get(id)
    if (!entry) throw new AppError('NOT_FOUND', say('noSuchImport', { id }))
    const version = entry.versions[entry.versions.length - 1]!
    return { entry, version, dir: imports.library.versionDir(entry, version) }
  }

  /** The version as the catalog lists it (and a snapshot records it): `2 (imported 2026-12-01)`. */
  function versionOf(id: string): string {
    return imports.summaries().find((d) => d.id === id)?.version ?? ''
  }

  function productLabel(code: string): string {
    const ref = parseProduct(code)
    if (!ref || ref.kind === 'all') return 'All products'
    if (ref.kind === 'section') {
      const section = hs.sections.find((s) => s.number === ref.section)
      return section ? `Section ${section.roman}: ${section.label}` : `Section ${ref.section}`
    }
    return `HS ${ref.code} ${hs.label(ref.code) ?? '(not in the HS list)'}`
  }

  async function bundledDimensions(dataset: string): Promise<Dimensions> {
    const summary = options.catalog.require(dataset)
    const series = (await options.query.listSeries(dataset)).filter((s) => !s.projection)
    const distinct = <T>(values: T[]) => [...new Set(values)]
    // The package's codes are translated by the page; the label here is the code itself.
    const values = (codes: string[]): DimensionValue[] =>
      distinct(codes)
        .filter((c) => CODE.test(c))
        .map((code) => ({ code, label: code }))
    return {
      dataset,
      version: summary.version,
      bundled: true,
      sha256: null,
      fileName: null,
      reporters: values(series.map((s) => s.reporter)),
      flows: values(series.map((s) => s.flow)),
      partners: values(series.map((s) => s.partner)),
      products: values(series.map((s) => s.product)),
      frequencies: distinct(series.map((s) => s.frequency)),
      measures: distinct(series.map((s) => s.measure)),
      units: distinct(series.map((s) => s.unit)),
      productLevels: [],
      coverage: summary.coverage,
    }
  }

  /**
   * One answer, not paged: its lists are distinct codes, so its size is set by the code lists, not by the
   * file's rows — HS chapters and headings (not subheadings) and the partners the file names. A file of
   * every HS subheading with every country (dimensions.test.ts) answers 1 348 products and 262 partners,
   * about 250 KB, as a 10-million-row file of the same codes would.
   */
  async function importedDimensions(dataset: string): Promise<Dimensions> {
    const { entry, version, dir } = imported(dataset)
    const summary = sqlString(join(dir, 'summary.parquet'))
    const partnerRows = await engine.all<{ partner: string }>(
      `SELECT DISTINCT partner FROM read_parquet(${summary}) WHERE level = ${version.totalProduct} AND partner IS NOT NULL AND frequency IN ${FREQUENCIES_IN} ORDER BY partner`,
    )
    const levelRows = await engine.all<{ level: number }>(
      `SELECT DISTINCT level FROM read_parquet(${summary}) WHERE level > 0 ORDER BY level`,
    )
    const productLevels = levelRows.map((r) => r.level).filter((l) => l === 2 || l === 4 || l === 6)
    const country = (iso3: string): DimensionValue | null => {
      const code = countryCode(iso3)
      const iso2 = imports.codes.countries.get(iso3)?.iso2
      return code ? { code, label: imports.codes.label(iso3), iso3, ...(iso2 ? { iso2 } : {}) } : null
    }
    const isoPartners = partnerRows.map((r) => r.partner).filter((p) => p !== 'WLD')
    const present = new Set(isoPartners)
    const blocs: DimensionValue[] = [...imports.codes.blocs]
      .filter(([, members]) => [...members].some((m) => present.has(m)))
      .map(([code]) => ({ code, label: imports.codes.label(code) }))
    const partners: DimensionValue[] = [
      { code: 'world', label: 'World', iso3: 'WLD' },
      ...blocs,
      ...isoPartners
        .map(country)
        .filter((c): c is DimensionValue => c !== null)
        .sort((a, b) => a.label.localeCompare(b.label)),
    ]
    const products: DimensionValue[] = [{ code: 'all', label: 'All products', level: 0 }]
    if (productLevels.length) {
      // Chapters and headings the file has (read at their own level or summed from a finer one).
      const rows = await engine.all<{ code: string }>(
        `SELECT DISTINCT left(product, 2) AS code FROM read_parquet(${sqlString(await imports.productsFile(dataset))})
          WHERE level = ${productLevels[0]} AND regexp_full_match(product, '[0-9]+')
         UNION SELECT DISTINCT left(product, 4) FROM read_parquet(${sqlString(await imports.productsFile(dataset))})
          WHERE level = ${productLevels.find((l) => l >= 4) ?? 0} AND regexp_full_match(product, '[0-9]+')
         ORDER BY 1`,
      )
      const codes = rows.map((r) => r.code)
      const chapters = new Set(codes.filter((c) => c.length === 2))
      for (const section of hs.sections) {
        if (!section.chapters.some((c) => chapters.has(c))) continue
        products.push({
          code: productCode.section(section.number),
          label: productLabel(productCode.section(section.number)),
          level: 1,
          parent: 'all',
        })
      }
      for (const code of codes) {
        const section = code.length === 2 ? hs.sectionOf(code) : null
        products.push({
          code: productCode.hs(code),
          label: productLabel(productCode.hs(code)),
          level: code.length,
          parent:
            code.length === 2
              ? section
                ? productCode.section(section.number)
                : 'all'
              : productCode.hs(code.slice(0, code.length - 2)),
        })
      }
    }
    return {
      dataset,
      version: versionOf(dataset),
      bundled: false,
      sha256: version.sha256,
      fileName: entry.fileName,
      reporters: version.reporters.map(country).filter((c): c is DimensionValue => c !== null),
      flows: version.flows
        .filter((f) => CODE.test(f))
        .map((code) => ({ code, label: code.replace(/_/g, ' ') })),
      partners,
      products,
      frequencies: await frequenciesOf(engine, dir),
      measures: ['level'],
      units: version.units,
      productLevels,
      coverage: { from: version.from, to: version.to },
    }
  }

  return {
    hs,
    ranking: (q) =>
      imports.reading(q.dataset, () =>
        rankingOf({ engine, imports, hs, imported, productLabel, versionOf }, q),
      ),
    dimensions: (dataset) =>
      imports.has(dataset)
        ? imports.reading(dataset, () => importedDimensions(dataset))
        : bundledDimensions(dataset),
    productSeries: (q) => imports.reading(q.dataset, () => productSeries(q)),
  }

  async function productSeries(q: SeriesRequest): Promise<Series> {
    const { entry, version, dir } = imported(q.dataset)
    const ref = parseProduct(q.product)
    if (!ref) throw new AppError('NOT_FOUND', say('notHsCode', { product: q.product }))
    if (q.measure !== 'level')
      throw new AppError('NOT_FOUND', say('levelsOnly', { measure: measureWord(q.measure) }))
    const frequency = importedFrequency(await frequenciesOf(engine, dir), q.frequency)
    const reporter = resolveCodes(q.reporter, imports.codes)
    const partner = resolveCodes(q.partner, imports.codes)
    // One unit per series: the one asked for, else US dollars where the file has them.
    const unit = q.unit ?? (version.units.includes('USD') ? 'USD' : version.units[0])
    const unitWhere = unit === undefined ? 'TRUE' : `unit = ${sqlString(unit)}`
    const levelRows = await engine.all<{ level: number }>(
      `SELECT DISTINCT level FROM read_parquet(${sqlString(join(dir, 'summary.parquet'))}) WHERE level > 0`,
    )
    const where = productWhere(
      ref,
      levelRows.map((r) => r.level),
      hs,
    )
    const { start, end } = rangeBounds(q.from, q.to)
    const range = periodRangeSql(start, end, frequency)
    // Against the World: the by-product summary; against one partner: the facts themselves.
    const rows =
      q.partner === 'world'
        ? await engine.all<{ period: string; value: number; unit: string; summed: boolean }>(
            `SELECT period, sum(value) AS value, any_value(unit) AS unit, bool_or(world IS NULL) AS summed FROM read_parquet(${sqlString(await imports.productsFile(q.dataset))})
                WHERE list_contains(${list(reporter.codes)}, reporter) AND flow = ${sqlString(q.flow)} AND frequency = ${sqlString(frequency)}
                  AND ${unitWhere} AND ${where} AND ${range}
                GROUP BY period ORDER BY period`,
          )
        : await engine.all<{ period: string; value: number; unit: string; partners: bigint }>(
            `SELECT period, sum(value) AS value, any_value(unit) AS unit, count(DISTINCT partner) AS partners
                 FROM (SELECT *, CASE WHEN product = 'TOTAL' THEN 0 ELSE length(product) END AS level
                         FROM (${versionTidy(dir, version.constants)}))
                WHERE list_contains(${list(reporter.codes)}, reporter) AND list_contains(${list(partner.codes)}, partner)
                  AND flow = ${sqlString(q.flow)} AND frequency = ${sqlString(frequency)} AND value IS NOT NULL
                  AND ${unitWhere} AND ${where} AND ${range}
                GROUP BY period ORDER BY period`,
          )
    if (rows.length === 0)
      throw new AppError(
        'NOT_FOUND',
        say('noImportedProductSeries', {
          dataset: q.dataset,
          frequency: FREQUENCY_MESSAGES[frequency],
          flow: q.flow,
          product: productLabel(q.product),
          reporter: reporter.label,
          partner: partner.label,
        }),
      )
    const source = importSource(entry, version)
    return {
      dataset: q.dataset,
      series: `${q.flow}_${q.reporter}_${q.partner}_${q.product}`.slice(0, 120),
      label: `${reporter.label} ${q.flow.replace(/_/g, ' ')} — ${partner.label} — ${productLabel(q.product)}`,
      unit: rows[0]!.unit ?? '',
      frequency,
      // Against the World a product's value is the file's World row where it has one, else its
      // partners summed (the by-product summary keeps both); against a bloc, its members summed.
      points:
        q.partner === 'world'
          ? rows.flatMap((r) =>
              importedPoints([r], source, 'summed' in r && r.summed ? { kind: 'world' } : null),
            )
          : importedPoints(rows, source, sumRule(q.partner, partner, true)),
      sources: [source],
    }
  }
}
