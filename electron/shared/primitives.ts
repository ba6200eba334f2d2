/**
 * The contract's smallest schemas (a dataset id, a period, a SHA-256, a code, no arguments, a frequency, a measure), in a module that
 * imports only zod, the period module and the message catalogue. `api.ts` re-exports them; `viewState.ts`, `notes.ts` and
 * `snapshot.ts` import them from here, so the contract can include those schemas without an import
 * cycle (api → snapshot → viewState → api would leave the first schemas uninitialised).
 */
import { z } from 'zod'
import { english } from './messages'
import { periodRefusal } from './periods'

/** A dataset id as the catalog names it: lower-case slug, never a path. */
export const DatasetId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a dataset id is lower-case letters, digits and hyphens')

/**
 * A period as the app keeps it: a month `2025-11`, a quarter `2025-Q2`, a year `2025`, or a span within
 * one year `2025-01..2025-02` (January and February combined) / `2025-01..2025-11` (year to date).
 * Checked by the period module, so `2025-13` is refused, never passed on to be ignored.
 */
export const Period = z
  .string()
  .max(32)
  .superRefine((text, ctx) => {
    const problem = periodRefusal(text)
    if (problem) ctx.addIssue({ code: 'custom', message: english(problem), params: { problem } })
  })

/** A file's SHA-256 as lower-case hex, naming exactly which file a dataset was imported from. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 hexadecimal digits')

/** A dimension code such as `exports`, `us`, `rare_earths`: a short identifier, never free text. */
export const Code = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[a-z][a-z0-9_]*$/, 'a code is lower-case letters, digits and underscores')

/** The arguments of a method that takes none. */
export const NoArgs = z.object({}).strict()

export const Frequency = z.enum(['month', 'year', 'ytd', 'quarter'])
export const Measure = z.enum(['level', 'yoy', 'share'])
