/**
 * The app's country code list (data/codes/countries.csv, the one the importer resolves partners with)
 * read on the page: ISO 3166-1 alpha-3 → numeric code and alpha-2. The world map finds a partner's
 * shape by the numeric code (the world atlas's feature ids are ISO 3166-1 numeric codes, zero-padded to
 * three digits); names in the reader's language come from the alpha-2 code (lib/names.ts). Loaded with
 * the map only.
 */
import table from '../../../data/codes/countries.csv?raw'

interface CountryCodes {
  numeric: string
  iso2: string
}

/** `iso3,m49,iso2,name`: the first three fields never hold a comma (only a quoted name may). */
export function parseCountryCodes(text: string): Map<string, CountryCodes> {
  const out = new Map<string, CountryCodes>()
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [iso3, m49, iso2] = line.split(',', 3)
    if (!iso3 || !m49 || !/^\d+$/.test(m49)) continue
    out.set(iso3, { numeric: m49.padStart(3, '0'), iso2: iso2 ?? '' })
  }
  return out
}

const CODES = parseCountryCodes(table)

/** The world atlas's id for an ISO-3 code (`USA` → `840`), or null where the list has no number for it. */
export function atlasIdOf(iso3: string): string | null {
  return CODES.get(iso3)?.numeric ?? null
}

/** The ISO 3166-1 alpha-2 code (`DEU` → `DE`), or null (`S19`, `WLD`: not countries). */
export function iso2Of(iso3: string): string | null {
  return CODES.get(iso3)?.iso2 || null
}
