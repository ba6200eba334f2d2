/**
 * The `datapackage.json` descriptor (Frictionless Tabular Data Package) and the column lists of
 * every resource. Nothing here depends on the clock or the machine, so the output is reproducible.
 */
import { FLOWS, MEASURES, OBSERVATION_RESOURCES, PRODUCTS, REPORTERS, UNITS, type ObservationResource } from './seriesMap'

type FieldType = 'string' | 'number' | 'boolean' | 'date'
export interface Field {
  name: string
  type: FieldType
  description: string
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; pattern?: string }
}

const PERIOD_PATTERN = '^\\d{4}(-\\d{2})?(\\.\\.\\d{4}-\\d{2})?$'
const MONTH_PATTERN = '^\\d{4}-\\d{2}$'

export const OBSERVATION_FIELDS: readonly Field[] = [
  { name: 'series', type: 'string', description: 'Series name as in the compiled facts, e.g. exports_usd, exports_to_us_yoy, trade_balance_usd_ytd.', constraints: { required: true } },
  { name: 'reporter', type: 'string', description: 'Whose statistics: china, or world for world totals.', constraints: { required: true, enum: [...REPORTERS] } },
  { name: 'flow', type: 'string', description: 'exports, imports, balance (exports minus imports, as published) or trade (exports plus imports).', constraints: { required: true, enum: [...FLOWS] } },
  { name: 'partner', type: 'string', description: 'Trading partner: world for totals, otherwise a code such as us, eu, asean, southeast_asia (kept apart from asean, as the sources name it), africa, latin_america, japan.', constraints: { required: true } },
  { name: 'product', type: 'string', description: 'all goods, or the commodity: rare_earths, rare_earth_magnets, rare_earth_products, soybeans.', constraints: { required: true, enum: [...PRODUCTS] } },
  { name: 'measure', type: 'string', description: 'level (an amount in unit), yoy (change on the same period a year earlier, %) or share (%).', constraints: { required: true, enum: [...MEASURES] } },
  { name: 'unit', type: 'string', description: 'USD bn, CNY tn, CNY bn, % y/y (in USD terms unless the note says otherwise), %, tonnes, million tonnes.', constraints: { required: true, enum: [...UNITS] } },
  { name: 'frequency', type: 'string', description: 'month (January-February combined counts as one monthly period), year, or ytd (January to the period end).', constraints: { required: true, enum: ['month', 'year', 'ytd'] } },
  { name: 'period', type: 'string', description: 'As published: YYYY-MM, YYYY, or a span YYYY-MM..YYYY-MM (e.g. 2025-01..2025-02 combined, 2025-01..2025-11 year to date).', constraints: { required: true, pattern: PERIOD_PATTERN } },
  { name: 'period_start', type: 'string', description: 'First month covered, YYYY-MM.', constraints: { required: true, pattern: MONTH_PATTERN } },
  { name: 'period_end', type: 'string', description: 'Last month covered, YYYY-MM.', constraints: { required: true, pattern: MONTH_PATTERN } },
  { name: 'value', type: 'number', description: 'The number as the source gives it, in unit; never estimated, interpolated or computed.', constraints: { required: true } },
  { name: 'preferred', type: 'boolean', description: 'true for exactly one row per series and period: the value to display. Other rows are later vintages or other sources.', constraints: { required: true } },
  { name: 'status', type: 'string', description: 'published, or projection for forecasts (not observations).', constraints: { required: true, enum: ['published', 'projection'] } },
  { name: 'source_id', type: 'string', description: 'The source this value was read in; see sources.csv.', constraints: { required: true } },
  { name: 'note', type: 'string', description: 'Context as recorded with the value: basis, rounding, vintage, conflicts with other sources.' }
]

export const SERIES_FIELDS: readonly Field[] = [
  { name: 'series', type: 'string', description: 'Series name, as in the observation resources.', constraints: { required: true } },
  { name: 'label', type: 'string', description: 'Readable English label built from the dimensions.', constraints: { required: true } },
  { name: 'resource', type: 'string', description: 'The resource holding the observations.', constraints: { required: true, enum: [...OBSERVATION_RESOURCES] } },
  ...OBSERVATION_FIELDS.filter((f) => ['reporter', 'flow', 'partner', 'product', 'measure', 'unit', 'frequency'].includes(f.name)),
  { name: 'observations', type: 'number', description: 'Number of observation rows, all sources and vintages included.', constraints: { required: true } },
  { name: 'first_period', type: 'string', description: 'Earliest period with an observation.', constraints: { required: true, pattern: PERIOD_PATTERN } },
  { name: 'last_period', type: 'string', description: 'Latest period with an observation.', constraints: { required: true, pattern: PERIOD_PATTERN } }
]

export const SOURCE_FIELDS: readonly Field[] = [
  { name: 'source_id', type: 'string', description: 's + the first 10 hex digits of sha1(url + newline + title).', constraints: { required: true, unique: true } },
  { name: 'title', type: 'string', description: 'Title of the page or document as read, usually naming the agency and the outlet.', constraints: { required: true } },
  { name: 'publisher', type: 'string', description: 'Agency and outlet, from the parenthesised end of the title; empty when the title does not say.' },
  { name: 'published', type: 'string', description: 'Publication date as the title gives it (YYYY-MM-DD, YYYY-MM, Mon YYYY or YYYY); empty when it does not say.' },
  { name: 'url', type: 'string', description: 'Address of the page the value was read in (often a syndication or mirror site).', constraints: { required: true } }
]

const RESOURCE_TEXT: Record<ObservationResource | 'series' | 'sources', { title: string; description: string }> = {
  monthly: {
    title: 'China headline trade, monthly',
    description:
      "China's monthly exports, imports and trade balance with the world, all goods (levels in USD bn or CNY, and y/y rates). January and February are published combined and appear as one period (YYYY-01..YYYY-02); in 2018 and 2019 they were published separately, and the combined January-February figures of those years are in cumulative."
  },
  cumulative: {
    title: 'China headline trade, year to date',
    description:
      "China's exports, imports and trade balance cumulated from January (YYYY-01..YYYY-MM). The 2018 and 2019 January-February figures are kept here, beside the separate monthly ones."
  },
  annual: {
    title: 'China headline trade, annual',
    description:
      "China's annual exports, imports and trade balance (USD bn, CNY tn, y/y). GACC-based and other compilations (e.g. Macrobond via FocusEconomics) are all kept; the preferred row follows the customs basis."
  },
  partners: {
    title: 'China trade by partner',
    description:
      "China's exports to, imports from, trade balance with and total trade with partners, and a partner's share of China's exports; monthly, year to date and annual. ASEAN and Southeast Asia are separate partners, as the sources name them. Rates are in USD terms unless the note says otherwise."
  },
  commodities: {
    title: 'Rare earths and soybeans',
    description:
      "China's rare-earth exports and imports, rare-earth magnet and product exports (tonnes), and soybean imports (million tonnes), in total and by origin or destination where reported."
  },
  world: {
    title: "World merchandise trade and China's share",
    description:
      "World merchandise exports and trade and their growth (WTO/UNCTAD figures as reported), China's share of world merchandise exports and imports, China's totals on the WTO and World Bank WDI basis, and projections (status projection)."
  },
  series: {
    title: 'Series catalog',
    description:
      'One row per series, unit and frequency: dimensions, a readable label, the resource that holds it, the number of observations and the first and last period.'
  },
  sources: {
    title: 'Sources',
    description: 'Every source an observation cites: the title as read, publisher and date parsed from the title, and the URL.'
  }
}

const SOURCE_FOREIGN_KEY = [{ fields: 'source_id', reference: { resource: 'sources', fields: 'source_id' } }]

function resource(name: ObservationResource | 'series' | 'sources', fields: readonly Field[], foreignKeys: boolean): Record<string, unknown> {
  return {
    name,
    path: `${name}.csv`,
    title: RESOURCE_TEXT[name].title,
    description: RESOURCE_TEXT[name].description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema: foreignKeys ? { fields, foreignKeys: SOURCE_FOREIGN_KEY } : { fields }
  }
}

export const PACKAGE_DESCRIPTION =
  "China's foreign-trade statistics compiled from published reports: monthly, year-to-date and annual exports, imports and trade balance; trade by partner; rare earths and soybeans; world merchandise trade and China's share of it. " +
  "China's figures are releases of the General Administration of Customs (GACC) as reported by news agencies and outlets (no GACC table was read); world figures are WTO/UNCTAD statistics as reported. " +
  'Values are first-published unless the note says otherwise. Nothing is estimated, interpolated or computed, and gaps stay gaps. ' +
  'Where several sources give a value for the same series and period, every row is kept and exactly one is marked preferred: the value the sources prefer, else the first-published one, else the more precise one, else the first one read; the others are later vintages or other readings. ' +
  'January and February are published combined and appear as one period (e.g. 2025-01..2025-02). ' +
  'The compilation is licensed CC BY 4.0; each figure is attributed to its source in sources.csv.'

/** The complete descriptor. */
export function descriptor(): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'china-trade',
    title: 'China foreign trade: headline, partners, commodities and world share',
    description: PACKAGE_DESCRIPTION,
    version: '1.0.0',
    licenses: [{ name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    sources: [
      {
        title:
          'General Administration of Customs of the PRC (GACC) monthly releases, as reported by news agencies (AP, Reuters, Bloomberg, SCMP, CNBC, dpa-AFX …)'
      },
      { title: 'WTO / UNCTAD world merchandise trade statistics, as reported' },
      { title: 'Per-observation sources: sources.csv (title, publisher, date, URL)', path: 'sources.csv' }
    ],
    resources: [
      ...OBSERVATION_RESOURCES.map((r) => resource(r, OBSERVATION_FIELDS, true)),
      resource('series', SERIES_FIELDS, false),
      resource('sources', SOURCE_FIELDS, false)
    ]
  }
}
