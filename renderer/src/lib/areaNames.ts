/**
 * Names of an imported file's reporters and partners in the reader's language, by their ISO-3 codes, by
 * the one rule for areas (names.ts `areaName`) with the country code list's ISO-2 codes. Kept apart from
 * names.ts because it reads that list, which the Explorer's first chart does not need.
 */
import { iso2Of } from './countryCodes'
import { useNames } from './names'

export function useAreaName(): (iso3: string, label: string) => string {
  const names = useNames()
  return (iso3, label) => names.area(iso3, label, iso2Of)
}
