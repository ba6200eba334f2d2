/**
 * Names of an imported file's reporters and partners in the reader's language, by their ISO-3 codes: the
 * catalogue's for areas that are not ISO countries (Kosovo, former states), else CLDR's, else the
 * file's own text. Kept apart from names.ts because it reads the country code list, which the Explorer's
 * first chart does not need.
 */
import { useI18n } from 'vue-i18n'
import { iso2Of } from './countryCodes'
import { countryName, useNames } from './names'

export function useAreaName(): (iso3: string, label: string) => string {
  const { locale } = useI18n()
  const names = useNames()
  return (iso3, label) => {
    const code = iso3.toLowerCase()
    const known = names.partner(code)
    if (known !== code) return known
    return countryName(iso2Of(iso3) ?? '', locale.value) ?? label
  }
}
