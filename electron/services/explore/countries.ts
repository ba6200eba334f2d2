/**
 * Country codes as the view state spells them, both ways: the bundled package's slugs (`china`, `us`,
 * `japan`…) where it has one, else the ISO-3 code in lower case (`deu`). `resolveCodes` in
 * import/queries.ts reads them back.
 */
import { SLUG_CODES } from '../import/codes'

const SLUG_OF_ISO3 = new Map(Object.entries(SLUG_CODES).map(([slug, iso3]) => [iso3, slug]))

/** The view-state code of an ISO-3 country code, or null for a code the view cannot name (`IMF:123`). */
export function countryCode(iso3: string): string | null {
  const slug = SLUG_OF_ISO3.get(iso3)
  if (slug) return slug
  // ISO-3, and the few three-character codes trade files add (S19: UN Comtrade's 490, "Other Asia, n.e.s.",
  // a group named as Comtrade names it and read as no one country; BACI's own 490, "Chinese Taipei", is TWN).
  return /^[A-Z][A-Z0-9]{2}$/.test(iso3) ? iso3.toLowerCase() : null
}
