/**
 * Names of the dataset's codes in the reader's language. Countries come from CLDR through
 * `Intl.DisplayNames` (so every language the runtime knows is covered without a hand-written table);
 * groups (EU, ASEAN, Africa…), flows and products come from the message catalogue; HS sections and
 * chapters in Chinese from the tariff's titles (lib/hsNames.ts).
 */
import { useI18n } from 'vue-i18n'
import type { SeriesSelection } from '@shared/viewState'
import { hsName } from './hsNames'

/** The bundled data's partner codes that are single countries, with their ISO 3166-1 alpha-2 code. */
const COUNTRY_CODES: Readonly<Record<string, string>> = {
  us: 'US',
  japan: 'JP',
  south_korea: 'KR',
  russia: 'RU',
  australia: 'AU',
  brazil: 'BR',
  argentina: 'AR',
  india: 'IN',
  canada: 'CA',
  germany: 'DE',
  vietnam: 'VN',
  mexico: 'MX',
  united_kingdom: 'GB',
}

const displayNames = new Map<string, Intl.DisplayNames | null>()

/** A country's CLDR name (`us` → "United States" / "美国"), or null for a code that is not a country. */
export function countryName(code: string, locale: string): string | null {
  const iso = COUNTRY_CODES[code] ?? (/^[A-Z]{2}$/.test(code) ? code : undefined)
  if (!iso) return null
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(locale, new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }))
    } catch {
      displayNames.set(locale, null)
    }
  }
  return displayNames.get(locale)?.of(iso) ?? null
}

/**
 * An area's name in the reader's language, the one rule wherever a partner or reporter is named: the
 * catalogue's name for areas that are not ISO countries (groups, Kosovo, former states: CLDR would read
 * a retired code as its successor), else CLDR's by the area's ISO-2 code, else the file's own text.
 * `iso2Of` is how the caller finds that code: the dataset's dimensions in the Explorer, the country code
 * list on the Import page (which the Explorer's first chart does not load).
 */
export function areaName(
  code: string,
  label: string,
  iso2Of: (code: string) => string | null | undefined,
  catalogue: (code: string) => string | null,
  locale: string,
): string {
  return catalogue(code.toLowerCase()) ?? countryName(iso2Of(code) ?? code, locale) ?? label
}

/** The HS list's description in a services' label `HS <code> <description>`, if the label has one. */
export function englishDescription(code: string, label: string | undefined): string | null {
  const prefix = `HS ${code} `
  if (!label?.startsWith(prefix)) return null
  const description = label.slice(prefix.length).trim()
  // The services' words for a code missing from the HS list are not a description.
  return description && !description.startsWith('(') ? description : null
}

/** Names for flows, partners and products, and a series' label, in the current language. */
export function useNames() {
  const { t, te, locale } = useI18n()
  const fromMessages = (group: string, code: string) =>
    te(`explorer.${group}.${code}`) ? t(`explorer.${group}.${code}`) : code
  const flow = (code: string) => fromMessages('flows', code)
  const catalogue = (code: string) =>
    te(`explorer.partnerNames.${code}`) ? t(`explorer.partnerNames.${code}`) : null
  /** An area by the one rule (areaName), its ISO-2 code found by `iso2Of`. */
  const area = (code: string, label: string, iso2Of: (code: string) => string | null | undefined) =>
    areaName(code, label, iso2Of, catalogue, locale.value)
  const partner = (code: string) => area(code, code, () => null)
  /**
   * An HS product's name where the reader's language is not English (`hs85` → "第85章 电机、电气设备…"),
   * else null: English reads the HS list's own descriptions, as the services label them. A heading or
   * subheading has no Chinese title in the code list: it is named by its code and, when the services'
   * label (`HS 8542 Electronic integrated circuits`) gives it, the HS list's English description, said
   * to be English — never a translation of our own.
   */
  const hsProduct = (code: string, label?: string): string | null => {
    const hs = locale.value.startsWith('en') ? null : hsName(code)
    if (!hs) return null
    const english = hs.level === 'heading' ? englishDescription(hs.number, label) : null
    return english
      ? t('explorer.hs.headingEnglish', { number: hs.number, title: english })
      : t(`explorer.hs.${hs.level}`, { number: hs.number, title: hs.title }).trim()
  }
  const product = (code: string) =>
    te(`explorer.productNames.${code}`) ? t(`explorer.productNames.${code}`) : (hsProduct(code) ?? code)
  const series = (s: Pick<SeriesSelection, 'flow' | 'partner' | 'product'>) =>
    [
      flow(s.flow),
      s.partner !== 'world' ? partner(s.partner) : '',
      s.product !== 'all' ? product(s.product) : '',
    ]
      .filter(Boolean)
      .join(' · ')
  return { flow, partner, area, product, hsProduct, series, fromMessages }
}
