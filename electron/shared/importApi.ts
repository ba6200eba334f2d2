/**
 * The import part of the API contract: schemas for opening a file, inspecting it, the column mapping,
 * the import outcome, the library of imported datasets and chart-sized breakdowns. `api.ts` adds these
 * to the contract. No paths ever cross the boundary: the main process hands out opaque file ids for
 * the files the user chose (dialog, drop, "Open with") and accepts only those.
 */
import { z } from 'zod'
import { Code, DatasetId, Period } from './primitives'

/** An opaque id for a file the user chose in this session. Never a path. */
export const FileId = z
  .string()
  .regex(/^f-[0-9a-f]{32}$/, 'a file id is one the app handed out when you chose the file, never a path')

export const GrantedFile = z.object({
  fileId: FileId,
  /** Base name only, for display. */
  name: z.string().max(260),
  size: z.number().nonnegative(),
})
export type GrantedFile = z.infer<typeof GrantedFile>

const ColumnIndex = z.number().int().min(0).max(4999)
const OptionalColumn = ColumnIndex.nullable().optional()

/** Which column plays which role; several value columns make a wide table (each column's name is its flow). */
export const Mapping = z
  .object({
    period: ColumnIndex,
    // Any number of value columns (a wide table may have hundreds); each is a column index, so 5 000 at most.
    values: z.array(ColumnIndex).min(1).max(5000),
    reporter: OptionalColumn,
    partner: OptionalColumn,
    flow: OptionalColumn,
    product: OptionalColumn,
    indicator: OptionalColumn,
    unit: OptionalColumn,
    /** The reporter when no column names it (ISO-3, e.g. CHN). */
    reporterCode: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO-3 country code such as CHN')
      .optional(),
    /** The partner when no column names it (ISO-3; default: the World). */
    partnerCode: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO-3 country code such as USA')
      .optional(),
    /** The unit when no column names it (e.g. "USD million"). */
    unitLabel: z
      .string()
      .max(40)
      .regex(/^[^\u0000-\u001f]*$/)
      .optional(),
  })
  .strict()
export type Mapping = z.infer<typeof Mapping>

export const LayoutSummary = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  url: z.string(),
})
export type LayoutSummary = z.infer<typeof LayoutSummary>

export const Inspection = z.object({
  fileId: FileId,
  name: z.string(),
  size: z.number().nonnegative(),
  format: z.enum(['csv', 'parquet', 'json', 'ndjson', 'datapackage', 'xlsx', 'zip']),
  compression: z.enum(['none', 'gzip']),
  encoding: z.string(),
  delimiter: z.string(),
  /** The published layout recognised, or null: then the user confirms a mapping. */
  layout: LayoutSummary.nullable(),
  columns: z.array(z.string()),
  /** The first rows as text, for the preview table (cells shortened). */
  preview: z.array(z.array(z.string())),
  /** The app's guess for an unrecognised layout (or the mapping saved with an earlier version). */
  guess: Mapping.nullable(),
  /** A workbook's sheets and the one shown (the user may choose another). */
  sheets: z.object({ names: z.array(z.string()), chosen: z.string() }).nullable(),
  /** A ZIP archive's data files and those read together (by default those sharing the most common header). */
  members: z.object({ names: z.array(z.string()), chosen: z.array(z.string()) }).nullable(),
  /** An imported dataset from the same file, if any. */
  existing: z
    .object({ dataset: DatasetId, versions: z.number().int().positive(), unchanged: z.boolean() })
    .nullable(),
})
export type Inspection = z.infer<typeof Inspection>

export const ImportedVersion = z.object({
  version: z.number().int().positive(),
  importedAt: z.string(),
  sha256: z.string(),
  size: z.number().nonnegative(),
  rows: z.number().int().nonnegative(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  durationMs: z.number().nonnegative(),
})
export type ImportedVersion = z.infer<typeof ImportedVersion>

/**
 * What a version imported by an earlier version of the app still holds wrong and only importing its
 * file again mends (what its stored rows allowed was brought up to date when the library was opened):
 * `quartersAsYears`, WTO's quarterly totals were added up into years; `spans`, figures of several
 * months other than January–February or a year to date are charted as single months (an import now
 * refuses them); `earlierRules`, it could not be brought up to date when the library was opened (tried
 * again at each start), so it still shows what the earlier rules made of its file.
 */
export const OutdatedReason = z.enum(['quartersAsYears', 'spans', 'earlierRules'])
export type OutdatedReason = z.infer<typeof OutdatedReason>

export const ImportedDataset = z.object({
  id: DatasetId,
  title: z.string(),
  fileName: z.string(),
  layout: LayoutSummary,
  mapping: Mapping.nullable(),
  rows: z.number().int().nonnegative(),
  coverage: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  frequencies: z.array(z.enum(['month', 'quarter', 'year'])),
  flows: z.array(z.string()),
  reporters: z.array(z.object({ code: z.string(), label: z.string() })),
  units: z.array(z.string()),
  versions: z.array(ImportedVersion),
  /** The latest version's (empty when it is up to date). */
  outdated: z.array(OutdatedReason).default([]),
})
export type ImportedDataset = z.infer<typeof ImportedDataset>

/**
 * Something the user should know about an imported file that does not stop the import. So far one
 * kind: the file gives an explicit all-products total and HS chapters, and the chapters do not add up
 * to it (in `cases` of the `of` reporter × partner × flow × period cells that have both; `example`
 * is the one furthest apart). Charts keep the file's total.
 */
export const ImportWarning = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('chaptersNotTotal'),
    cases: z.number().int().positive(),
    of: z.number().int().positive(),
    example: z.object({
      reporter: z.string(),
      partner: z.string(),
      flow: z.string(),
      period: z.string(),
      unit: z.string(),
      total: z.number(),
      chapters: z.number(),
    }),
  }),
  /** Quarterly rows, read as quarters and kept so, never added up into years; charted as quarters in the Explorer. */
  z.object({
    kind: z.literal('quartersKept'),
    rows: z.number().int().positive(),
    from: Period,
    to: Period,
    flows: z.array(z.string()).max(5),
  }),
])
export type ImportWarning = z.infer<typeof ImportWarning>

export const ImportOutcome = z.object({
  status: z.enum(['imported', 'unchanged', 'cancelled']),
  dataset: ImportedDataset.nullable(),
  /** For the version imported (or found unchanged). */
  warnings: z.array(ImportWarning).max(20).default([]),
})
export type ImportOutcome = z.infer<typeof ImportOutcome>

export const BreakdownQuery = z
  .object({
    dataset: DatasetId,
    /** A reporter: `china`, or an ISO-3 code in lower case (`usa`). */
    reporter: Code.default('china'),
    flow: Code.default('exports'),
    by: z.enum(['partner', 'bloc', 'product']).default('partner'),
    top: z.number().int().min(1).max(50).default(10),
    frequency: z.enum(['month', 'year']).optional(),
    from: Period.optional(),
    to: Period.optional(),
  })
  .strict()
export type BreakdownQuery = z.input<typeof BreakdownQuery>

export const Breakdown = z.object({
  dataset: DatasetId,
  reporter: z.object({ code: z.string(), label: z.string() }),
  flow: z.string(),
  by: z.enum(['partner', 'bloc', 'product']),
  unit: z.string(),
  frequency: z.enum(['month', 'year']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /**
   * The top N, largest first. A bloc summed from only some of its members says how many the file
   * names (`members`), so the page can say so in the reader's language.
   */
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      value: z.number(),
      members: z.object({ named: z.number().int(), of: z.number().int() }).optional(),
    }),
  ),
  /** Everything else, summed. */
  other: z.object({ count: z.number().int().nonnegative(), value: z.number() }),
  /** Sum of rows and other. */
  total: z.number(),
  /** The total against the World as the file gives it, when it does. */
  world: z.number().nullable(),
})
export type Breakdown = z.infer<typeof Breakdown>

export const FileArgs = z.object({ fileId: FileId }).strict()
/** Which sheet of a workbook, which data files of a ZIP archive to read (else the app's choice). */
export const SourceChoice = z
  .object({
    sheet: z.string().max(300).optional(),
    members: z.array(z.string().max(1000)).min(1).max(500).optional(),
  })
  .strict()
export type SourceChoice = z.infer<typeof SourceChoice>
export const InspectArgs = z.object({ fileId: FileId, source: SourceChoice.optional() }).strict()
export const ImportArgs = z
  .object({ fileId: FileId, mapping: Mapping.optional(), source: SourceChoice.optional() })
  .strict()
