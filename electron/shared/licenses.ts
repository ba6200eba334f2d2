/**
 * The list of third-party licences that ship inside the app (renderer/public/licenses.json): written
 * by `npm run licenses`, read by the About page, which checks it against this schema.
 */
import { z } from 'zod'

export const LicenseEntry = z.object({
  name: z.string(),
  version: z.string(),
  license: z.string(),
  /** Where the package comes from (repository or homepage), as its package.json says. */
  source: z.string().nullable(),
  /** Why it ships: bundled in the page, or loaded from node_modules by the main or the engine process. */
  usedBy: z.enum(['renderer', 'main']),
  text: z.string().nullable(),
})
export type LicenseEntry = z.infer<typeof LicenseEntry>

export const LicenseFile = z.object({
  generatedFrom: z.string(),
  packages: z.array(LicenseEntry),
})
export type LicenseFile = z.infer<typeof LicenseFile>
