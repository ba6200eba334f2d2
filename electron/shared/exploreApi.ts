/**
 * The exploring part of the API contract (api.ts spreads it into `contract`): what a dataset holds
 * (its dimensions, so the Explorer's controls offer only what exists, bundled and imported alike) and
 * the breakdowns of detailed data (reporter × partner × product × period) behind the ranking table,
 * the product treemap and the partner map.
 */
import { z } from 'zod'
import { Code, DatasetId, Frequency, Measure, Period, Sha256 } from './primitives'
import { MAX_RANKING_TOP } from './viewState'

export const DimensionValue = z.object({
  code: Code,
  /** The English label from the dataset or the code lists; the page translates the codes it knows. */
  label: z.string().max(300),
  /** Products: 0 for all products, 1 for an HS section, else the number of HS digits (2, 4, 6). */
  level: z.number().int().min(0).max(12).optional(),
  /** Products: the code one level up (`hs85` for `hs8542`), for the drill-down. */
  parent: Code.optional(),
  /** Partners: the ISO-3 code, for the map. */
  iso3: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{2}$/)
    .optional(),
  /** Partners: the ISO 3166-1 alpha-2 code, so the page names the country in the reader's language (CLDR). */
  iso2: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
})
export type DimensionValue = z.infer<typeof DimensionValue>

export const Dimensions = z.object({
  dataset: DatasetId,
  /** The version the answer describes: the package version, or the imported version number. */
  version: z.string().max(64),
  bundled: z.boolean(),
  /** The imported file's SHA-256 (null for the bundled package), so a snapshot can name the exact file. */
  sha256: Sha256.nullable(),
  /** The imported file's name (null for the bundled package). */
  fileName: z.string().max(260).nullable(),
  reporters: z.array(DimensionValue),
  flows: z.array(DimensionValue),
  partners: z.array(DimensionValue),
  products: z.array(DimensionValue),
  frequencies: z.array(Frequency),
  measures: z.array(Measure),
  units: z.array(z.string().max(48)),
  /** The HS levels the file has product rows at (2, 4, 6); empty without products. */
  productLevels: z.array(z.number().int()),
  coverage: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
})
export type Dimensions = z.infer<typeof Dimensions>

/** Ranking of partners or products of one reporter and flow over a span of periods. */
export const RankingQuery = z
  .object({
    dataset: DatasetId,
    reporter: Code.default('china'),
    flow: Code.default('exports'),
    by: z.enum(['partner', 'product']),
    /** Partners: only trade in this product; products: only trade with this partner. */
    partner: Code.default('world'),
    product: Code.default('all'),
    /** Products: the node whose children are ranked (`all` → sections, section → chapters, …). */
    parent: Code.optional(),
    top: z.number().int().min(1).max(MAX_RANKING_TOP).default(10),
    frequency: z.enum(['month', 'quarter', 'year']).optional(),
    /** Defaults: the latest year (annual data), the latest four quarters or the latest twelve months. */
    from: Period.optional(),
    to: Period.optional(),
  })
  .strict()
export type RankingQuery = z.input<typeof RankingQuery>

export const RankingRow = z.object({
  code: z.string(),
  label: z.string(),
  value: z.number(),
  /** Share of the total of everything ranked (top N and other), in %. */
  share: z.number().nullable(),
  /** The same span a year earlier, and the change on it in % (null where there is no base). */
  previous: z.number().nullable(),
  yoy: z.number().nullable(),
  /** Products: can this one be drilled into (a finer level exists)? */
  drill: z.boolean(),
  iso3: z.string().optional(),
})
export type RankingRow = z.infer<typeof RankingRow>

export const Ranking = z.object({
  dataset: DatasetId,
  version: z.string(),
  reporter: z.object({ code: z.string(), label: z.string() }),
  flow: z.string(),
  by: z.enum(['partner', 'product']),
  partner: z.object({ code: z.string(), label: z.string() }),
  product: z.object({ code: z.string(), label: z.string() }),
  /** The node drilled into and its ancestors, top first (products). */
  path: z.array(z.object({ code: z.string(), label: z.string() })),
  unit: z.string(),
  frequency: z.enum(['month', 'quarter', 'year']),
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  rows: z.array(RankingRow),
  /** Everything below the top N, summed. */
  other: z.object({
    count: z.number().int().nonnegative(),
    value: z.number(),
    previous: z.number().nullable(),
  }),
  total: z.number(),
  /** Every row ranked (not only the top N), for the map: ISO-3 → value. */
  all: z.array(z.object({ code: z.string(), iso3: z.string().optional(), value: z.number() })),
  source: z.object({ title: z.string(), publisher: z.string().nullable(), url: z.string() }),
})
export type Ranking = z.infer<typeof Ranking>

export const exploreContract = {
  /** What a dataset holds: reporters, flows, partners, products, frequencies, measures and units. */
  getDimensions: { args: z.object({ dataset: DatasetId }).strict(), result: Dimensions },
  /** Deletes an imported dataset from the library, every version (the original file is never touched). */
  deleteImport: {
    args: z.object({ dataset: DatasetId }).strict(),
    result: z.object({ deleted: z.boolean() }),
  },
  /** Top N partners or products plus "other", with shares and y/y; products drill down level by level. */
  getRanking: { args: RankingQuery, result: Ranking },
}
