/**
 * The subset of the Frictionless Data Package standard the catalog relies on, as zod schemas, and the
 * tidy observation layout every bundled package shares (see data/china-trade/datapackage.json).
 */
import { z } from 'zod'
import { DatasetId, Translations } from '../shared/api'

/** Column order of every observation resource. */
export const OBSERVATION_FIELDS = [
  'series',
  'reporter',
  'flow',
  'partner',
  'product',
  'measure',
  'unit',
  'frequency',
  'period',
  'period_start',
  'period_end',
  'value',
  'preferred',
  'status',
  'source_id',
  'note',
  'published_value',
  'published_unit',
  'preferred_by',
  'preferred_reason',
] as const

export const SOURCE_FIELDS = ['source_id', 'title', 'publisher', 'published', 'url'] as const

/** Findings of the build's data-quality checks (quality.csv): reported, never corrected. */
export const QUALITY_FIELDS = [
  'finding',
  'partner',
  'unit',
  'frequency',
  'period',
  'exports',
  'imports',
  'balance',
  'difference',
  'tolerance',
  'exports_source_id',
  'imports_source_id',
  'balance_source_id',
] as const

export const SERIES_FIELDS = [
  'series',
  'label',
  'resource',
  'reporter',
  'flow',
  'partner',
  'product',
  'measure',
  'unit',
  'frequency',
  'observations',
  'first_period',
  'last_period',
] as const

const Field = z.looseObject({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  type: z.enum(['string', 'number', 'integer', 'boolean', 'date', 'year', 'yearmonth']),
  description: z.string().optional(),
})

const Resource = z.looseObject({
  name: z.string().regex(/^[a-z][a-z0-9_-]*$/),
  // A plain file name beside datapackage.json: a package must not point the app anywhere else.
  path: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_-]*\.csv$/,
      'a resource path must be a plain .csv file name in the package folder',
    ),
  title: z.string().min(1),
  description: z.string().default(''),
  translations: Translations.optional(),
  format: z.literal('csv').optional(),
  schema: z.looseObject({ fields: z.array(Field).min(1) }),
})

export const DataPackage = z.looseObject({
  name: DatasetId,
  title: z.string().min(1),
  description: z.string().min(1),
  translations: Translations.optional(),
  version: z.string().min(1),
  licenses: z
    .array(
      z.looseObject({
        name: z.string().min(1),
        title: z.string().optional(),
        path: z.string().optional(),
        translations: Translations.optional(),
      }),
    )
    .min(1),
  sources: z
    .array(
      z.looseObject({
        title: z.string().min(1),
        path: z.string().optional(),
        translations: Translations.optional(),
      }),
    )
    .min(1),
  resources: z.array(Resource).min(1),
})
export type DataPackage = z.infer<typeof DataPackage>
export type DataResource = DataPackage['resources'][number]

export type ResourceKind = 'observations' | 'sources' | 'series' | 'quality'

/** A resource's role follows from its columns, so a package needs no app-specific keys. */
export function kindOf(resource: DataResource): ResourceKind | null {
  const names = resource.schema.fields.map((f) => f.name)
  if (sameList(names, OBSERVATION_FIELDS)) return 'observations'
  if (sameList(names, SOURCE_FIELDS)) return 'sources'
  if (sameList(names, SERIES_FIELDS)) return 'series'
  if (sameList(names, QUALITY_FIELDS)) return 'quality'
  return null
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
