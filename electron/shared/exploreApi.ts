/**
 * The exploring part of the API contract (api.ts spreads it into `contract`): what a dataset holds
 * (its dimensions, so the Explorer's controls offer only what exists, bundled and imported alike) and
 * the breakdowns of detailed data (reporter × partner × product × period) behind the ranking table,
 * the product treemap and the partner map.
 */
import { z } from 'zod'
import { Code, DatasetId, Frequency, Measure } from './primitives'

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
    .regex(/^[A-Z]{3}$/)
    .optional(),
})
export type DimensionValue = z.infer<typeof DimensionValue>

export const Dimensions = z.object({
  dataset: DatasetId,
  /** The version the answer describes: the package version, or the imported version number. */
  version: z.string().max(64),
  bundled: z.boolean(),
  /** The imported file's SHA-256 (null for the bundled package), so a snapshot can name the exact file. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
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

export const exploreContract = {
  /** What a dataset holds: reporters, flows, partners, products, frequencies, measures and units. */
  getDimensions: { args: z.object({ dataset: DatasetId }).strict(), result: Dimensions },
  /** Deletes an imported dataset from the library, every version (the original file is never touched). */
  deleteImport: {
    args: z.object({ dataset: DatasetId }).strict(),
    result: z.object({ deleted: z.boolean() }),
  },
}
