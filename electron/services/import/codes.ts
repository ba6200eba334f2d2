/**
 * Country code lists shipped in data/codes: ISO 3166-1 alpha-3 codes with their numeric (UN M49)
 * codes, the codes UN Comtrade, CEPII BACI, the IMF and the WTO use where they differ from ISO, and the
 * partner blocs (EU-27, ASEAN, Africa, Latin America). Imports resolve every reporter and partner to
 * ISO-3 through these; queries use them for labels and bloc totals.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BLOC_LABELS } from '../../shared/blocs'
import { readCsvTable } from '../../shared/csv'

export interface Country {
  iso3: string
  /** The UN M49 (and UN Comtrade) number; Kosovo has none. */
  m49?: number
  name: string
  /** ISO 3166-1 alpha-2, where the country has one: the page names it in the reader's language from it. */
  iso2?: string
}

export interface CodeLists {
  countries: Map<string, Country>
  /** Every code a file may use → ISO-3: M49 numbers ("156"), Comtrade/BACI aliases ("842"), W00, G001, 000. */
  aliases: Map<string, string>
  /** Country names as files spell them ("Viet Nam", "United States") → ISO-3. */
  names: Map<string, string>
  /** IMF DOTS country codes (their own numbering) → ISO-3. */
  imf: Map<string, string>
  /**
   * Numbers that mean another area in one source than in the ISO list: UN Comtrade's "…, nes" groups
   * on a country's ISO number (492, "Europe EU, nes", is Monaco's), which match no country there; CEPII
   * BACI's own codes (baci-codes.csv: its 490 is Chinese Taipei, Comtrade's 490 "Other Asia, nes").
   */
  comtradeGroups: Set<string>
  baci: Map<string, string>
  blocs: Map<string, Set<string>>
  label(code: string): string
  blocOf(iso3: string): string | null
}

export { BLOC_LABELS }

/** Slugs the bundled package uses for reporters and partners, and what they mean here. */
export const SLUG_CODES: Record<string, string> = {
  china: 'CHN',
  world: 'WLD',
  us: 'USA',
  japan: 'JPN',
  south_korea: 'KOR',
  russia: 'RUS',
  india: 'IND',
  australia: 'AUS',
  canada: 'CAN',
}

async function readTable(path: string): Promise<Record<string, string>[]> {
  return readCsvTable(await readFile(path, 'utf8'))
}

/** Common spellings that differ from the ISO short names. */
const NAME_ALIASES: Record<string, string> = {
  'United States of America': 'USA',
  USA: 'USA',
  'Viet Nam': 'VNM',
  'South Korea': 'KOR',
  'Korea, Rep.': 'KOR',
  'Rep. of Korea': 'KOR',
  Russia: 'RUS',
  'Russian Federation': 'RUS',
  'Hong Kong, China': 'HKG',
  'China, Hong Kong SAR': 'HKG',
  'United Kingdom': 'GBR',
  UK: 'GBR',
  Türkiye: 'TUR',
  Turkey: 'TUR',
  World: 'WLD',
  // The IMF's spellings (Direction of Trade Statistics).
  'China, P.R.: Mainland': 'CHN',
  'China, P.R.: Hong Kong': 'HKG',
  'China, P.R.: Macao': 'MAC',
  'Korea, Rep. of': 'KOR',
  'Korea, Republic of': 'KOR',
  "Korea, Dem. People's Rep. of": 'PRK',
  "Korea, Democratic People's Republic of": 'PRK',
  'Congo, Dem. Rep. of the': 'COD',
  'Congo, Democratic Republic of the': 'COD',
  'Democratic Republic of the Congo': 'COD',
  'Congo, Rep. of': 'COG',
  'Congo, Republic of the': 'COG',
  "Lao People's Dem. Rep.": 'LAO',
  "Lao People's Democratic Republic": 'LAO',
  // UN Comtrade's name for its code 490 (a "…, nes" group name, so not taken from comtrade-areas.csv).
  'Other Asia, nes': 'S19',
  // The WTO's spellings.
  'Chinese Taipei': 'TWN',
  'Taiwan Province of China': 'TWN',
  'Macao, China': 'MAC',
  'Czech Republic': 'CZE',
  'Slovak Republic': 'SVK',
  'Kyrgyz Republic': 'KGZ',
  'Lebanese Republic': 'LBN',
  'West Bank and Gaza': 'PSE',
  'Syrian Arab Republic': 'SYR',
  中国: 'CHN',
  美国: 'USA',
  日本: 'JPN',
  德国: 'DEU',
  韩国: 'KOR',
  越南: 'VNM',
  世界: 'WLD',
}

export async function loadCodeLists(codesDir: string): Promise<CodeLists> {
  const countries = new Map<string, Country>()
  const aliases = new Map<string, string>()
  for (const row of await readTable(join(codesDir, 'countries.csv'))) {
    const iso3 = row.iso3!
    countries.set(iso3, {
      iso3,
      m49: Number(row.m49),
      name: row.name!,
      ...(row.iso2 ? { iso2: row.iso2 } : {}),
    })
    aliases.set(String(Number(row.m49)), iso3)
  }
  // Areas files name beside the ISO 3166-1 countries (other-areas.csv, each row citing where its code
  // comes from): Kosovo, and areas that no longer exist (Czechoslovakia, the USSR, Yugoslavia…). Each
  // is itself, under its own code, never merged into a successor state.
  const otherSpellings: [string, string][] = []
  for (const row of await readTable(join(codesDir, 'other-areas.csv'))) {
    const code = row.code!
    countries.set(code, {
      iso3: code,
      name: row.name!,
      ...(row.m49 ? { m49: Number(row.m49) } : {}),
      ...(row.iso2 ? { iso2: row.iso2 } : {}),
    })
    if (row.m49) aliases.set(String(Number(row.m49)), code)
    for (const spelling of row.spellings!.split('|')) otherSpellings.push([spelling, code])
  }
  // Publishers' own codes for an ISO country (code-aliases.csv): Comtrade's 842 for the United States,
  // and areas that kept their ISO alpha-3 under another number (280, the Federal Republic of Germany
  // before 1990, DEU; 736, Sudan before 2011, SDN), with the names UN Comtrade Plus gives them.
  const codeAliases = await readTable(join(codesDir, 'code-aliases.csv'))
  for (const row of codeAliases) {
    aliases.set(normaliseCode(row.code!), row.iso3!)
    for (const spelling of row.spellings ? row.spellings.split('|') : [])
      otherSpellings.push([spelling, row.iso3!])
  }
  // UN Comtrade's own name for each of its area codes ("Fmr Sudan", "Bosnia Herzegovina", "Faeroe
  // Isds", "Rep. of Moldova"): a file that names partners without their codes gets the country the
  // code stands for. Its groups stay unmatched: "EU-28" has no country code, and the "…, nes" groups
  // take numbers that are countries' elsewhere (492, "Europe EU, nes", is Monaco's ISO number).
  const comtradeGroups = new Set<string>()
  for (const row of await readTable(join(codesDir, 'comtrade-areas.csv'))) {
    const iso3 = aliases.get(normaliseCode(row.code!))
    const group = /,\s*nes$/.test(row.name!)
    if (iso3 && !group) otherSpellings.push([row.name!, iso3])
    // A group on a number the ISO list gives a country (an ISO-2 code): not that country in Comtrade.
    if (iso3 && group && countries.get(iso3)?.iso2) comtradeGroups.add(normaliseCode(row.code!))
  }
  const baci = new Map<string, string>()
  for (const row of await readTable(join(codesDir, 'baci-codes.csv')))
    baci.set(normaliseCode(row.code!), row.iso3!)
  // Country names too, for files that spell partners out ("Viet Nam", "United States").
  for (const [iso3, c] of countries)
    if (!aliases.has(normaliseCode(c.name))) aliases.set(normaliseCode(c.name), iso3)
  for (const [name, iso3] of [...Object.entries(NAME_ALIASES), ...otherSpellings])
    aliases.set(normaliseCode(name), iso3)
  const names = new Map<string, string>([...Object.entries(NAME_ALIASES), ...otherSpellings])
  for (const [iso3, c] of countries) names.set(c.name, iso3)
  const iso2 = new Map<string, string>()
  for (const c of countries.values()) if (c.iso2) iso2.set(c.iso2, c.iso3)
  // Two-letter codes (Eurostat's geo, SDMX REF_AREA): ISO 3166-1 alpha-2, with Eurostat's EL and UK.
  for (const [code, iso3] of [...iso2, ['EL', 'GRC'], ['UK', 'GBR']] as [string, string][])
    if (!aliases.has(code)) aliases.set(code, iso3)
  for (const [name, iso3] of cldrNames(iso2)) if (!names.has(name)) names.set(name, iso3)
  // The publishers' codes win over the two-letter codes above (Comtrade's 842 is the United States).
  for (const row of codeAliases) aliases.set(normaliseCode(row.code!), row.iso3!)
  const imf = new Map<string, string>()
  for (const row of await readTable(join(codesDir, 'imf-codes.csv')))
    imf.set(String(Number(row.imf)), row.iso3!)
  const blocs = new Map<string, Set<string>>()
  const blocOfMap = new Map<string, string>()
  for (const row of await readTable(join(codesDir, 'blocs.csv'))) {
    const set = blocs.get(row.bloc!) ?? new Set<string>()
    set.add(row.iso3!)
    blocs.set(row.bloc!, set)
    blocOfMap.set(row.iso3!, row.bloc!)
  }
  return {
    countries,
    aliases,
    names,
    imf,
    comtradeGroups,
    baci,
    blocs,
    label: (code) => countries.get(code)?.name ?? BLOC_LABELS[code] ?? code,
    blocOf: (iso3) => blocOfMap.get(iso3) ?? null,
  }
}

/**
 * Country names in the languages trade files are published in, from CLDR through Intl.DisplayNames
 * (English, French, Spanish, Portuguese, German, Chinese): "Moçambique", "Côte d'Ivoire", "科特迪瓦".
 */
const NAME_LANGUAGES = ['en', 'fr', 'es', 'pt', 'de', 'zh']

function cldrNames(iso2: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>()
  for (const language of NAME_LANGUAGES) {
    const display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' })
    for (const [code, iso3] of iso2) {
      const name = display.of(code)
      if (name && !out.has(name)) out.set(name, iso3)
    }
  }
  return out
}

/**
 * How the IMF, the WTO and the World Bank write a state's official form after its name ("Bahamas, The",
 * "Armenia, Rep. of", "Egypt, Arab Rep. of", "Bolivia, Plurinational State of", "Aruba, Kingdom of the
 * Netherlands"; KOSIS's "China, peoples' republic of"): the name before the comma is the country. Congo and Korea are two countries each, so
 * their forms are never dropped (NAME_ALIASES spells out each).
 */
const STATE_FORM =
  /^(the\s+)?((federal|islamic|arab|united|plurinational|bolivarian|dem\.?|democratic|people'?s'?)\s+)*(rep\.?|republic|kingdom|state|states|union|federation|rep\.? bolivariana de)(\s+of)?(\s+the)?(\s+netherlands)?(\s+with respect to)?$/i
const TWO_COUNTRIES = new Set(['congo', 'korea'])

/** A name compared without case, accents, "&" for "and", "St." for "Saint" or a leading "The". */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\bst\.?\s+/g, 'saint ')
    .replace(/\brep\.(?=\s|$)/g, 'republic')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const nameIndexes = new WeakMap<CodeLists, Map<string, string>>()

/**
 * The one country-name matcher for names no exact spelling in the code lists matched: a file's
 * "Bahamas, The", "China, P.R.: Mainland", "St. Kitts and Nevis", "Sao Tomé and Principe" → ISO-3,
 * or null. Names of groups ("Euro Area", "Africa not specified") stay unmatched.
 */
export function countryByName(codes: CodeLists, name: string): string | null {
  let index = nameIndexes.get(codes)
  if (!index) {
    index = new Map()
    for (const [spelling, iso3] of codes.names)
      if (!index.has(nameKey(spelling))) index.set(nameKey(spelling), iso3)
    nameIndexes.set(codes, index)
  }
  const whole = index.get(nameKey(name))
  if (whole) return whole
  const comma = name.lastIndexOf(',')
  if (comma < 0) return null
  const [base, form] = [name.slice(0, comma).trim(), name.slice(comma + 1).trim()]
  if (
    TWO_COUNTRIES.has(nameKey(base)) ||
    !(STATE_FORM.test(form) || /^the( netherlands with respect to)?$/i.test(form))
  )
    return null
  return index.get(nameKey(base)) ?? null
}

/** The country one cell names, by code (ISO-3, M49, a publisher's alias) or by name, or null. */
export function countryOf(codes: CodeLists, cell: string): string | null {
  const text = cell.trim()
  if (!text) return null
  if (codes.countries.has(text.toUpperCase())) return text.toUpperCase()
  return codes.aliases.get(normaliseCode(text)) ?? codes.names.get(text) ?? countryByName(codes, text)
}

/** How a code is looked up: numbers without leading zeros ("000" → "0"), text upper-cased. */
export function normaliseCode(code: string): string {
  const trimmed = code.trim()
  return /^\d+$/.test(trimmed) ? String(Number(trimmed)) : trimmed.toUpperCase()
}

/** The code tables inside an import's DuckDB: `cte_codes(code, iso3)` and `cte_imf(code, iso3)`. */
export function codeTablesSql(codes: CodeLists): string[] {
  const imf = new Map<string, string>()
  for (const [code, iso3] of codes.imf)
    for (let width = code.length; width <= 3; width++) imf.set(code.padStart(width, '0'), iso3)
  const keys = lookupKeys(codes)
  const numeric = (code: string) => /^\d+$/.test(code)
  // UN Comtrade's and CEPII BACI's numbers: the common table, but where the source's own list differs.
  const comtrade = new Map(
    [...keys].filter(([k]) => !(numeric(k) && codes.comtradeGroups.has(String(Number(k))))),
  )
  const baci = new Map(keys)
  for (const [code, iso3] of codes.baci)
    for (let width = code.length; width <= 3; width++) baci.set(code.padStart(width, '0'), iso3)
  return [
    lookupSql('cte_codes', keys),
    lookupSql('cte_imf', imf),
    lookupSql('cte_comtrade', comtrade),
    lookupSql('cte_baci', baci),
  ]
}

/**
 * Every spelling a file may use for a code, exactly as written, so the import joins on the raw cell:
 * numbers with and without leading zeros ("4", "04", "004"), ISO-3 codes themselves, names as written
 * and in capitals.
 */
function lookupKeys(codes: CodeLists): Map<string, string> {
  const keys = new Map<string, string>()
  const add = (key: string, iso3: string) => {
    if (key && !keys.has(key)) keys.set(key, iso3)
  }
  for (const [code, iso3] of codes.aliases) {
    if (/^\d+$/.test(code))
      for (let width = code.length; width <= 3; width++) add(code.padStart(width, '0'), iso3)
    add(code, iso3)
  }
  for (const iso3 of codes.countries.keys()) add(iso3, iso3)
  for (const [name, iso3] of codes.names) {
    add(name, iso3)
    add(name.toUpperCase(), iso3)
    add(name.toLowerCase(), iso3)
  }
  return keys
}

/**
 * A lookup table from one string literal split in SQL (rows by chr(30), code and ISO-3 by chr(31)):
 * DuckDB parses a VALUES list of some thousands of rows slowly, a third of a second of every import.
 */
function lookupSql(table: string, map: Map<string, string>): string {
  const rows = [...map]
    .filter(([code, iso3]) => !/[\x1e\x1f]/.test(code + iso3))
    .map(([code, iso3]) => `${code}\x1f${iso3}`)
    .join('\x1e')
  return `CREATE TABLE ${table} AS SELECT split_part(r, chr(31), 1) AS code, split_part(r, chr(31), 2) AS iso3
    FROM (SELECT unnest(string_split(${sqlString(rows)}, chr(30))) AS r) WHERE r <> ''`
}

export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}
