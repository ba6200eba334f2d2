/**
 * The contract's smallest schemas (a dataset id, a period, a frequency, a measure), in a module with
 * no imports of its own but zod. `api.ts` re-exports them; `viewState.ts`, `notes.ts` and
 * `snapshot.ts` import them from here, so the contract can include those schemas without an import
 * cycle (api → snapshot → viewState → api would leave the first schemas uninitialised).
 */
import { z } from 'zod'

/** A dataset id as the catalog names it: lower-case slug, never a path. */
export const DatasetId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a dataset id is lower-case letters, digits and hyphens')

/**
 * A period as China's customs publish it: a month `2025-11`, a year `2025`, or a span
 * `2025-01..2025-02` (January and February combined) / `2025-01..2025-11` (year to date).
 */
export const Period = z
  .string()
  .regex(/^\d{4}(-\d{2})?(\.\.\d{4}-\d{2})?$/, 'not a period like 2025-11, 2025 or 2025-01..2025-02')

export const Frequency = z.enum(['month', 'year', 'ytd'])
export const Measure = z.enum(['level', 'yoy', 'share'])
