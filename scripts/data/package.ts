/**
 * The `datapackage.json` descriptor (Frictionless Tabular Data Package) and the column lists of
 * every resource. Nothing here depends on the clock or the machine, so the output is reproducible.
 */
import {
  FLOWS,
  MEASURES,
  OBSERVATION_RESOURCES,
  PRODUCTS,
  REPORTERS,
  RESCALED_UNITS,
  UNITS,
  type ObservationResource,
} from './seriesMap'

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
  {
    name: 'series',
    type: 'string',
    description:
      'Series name as in the compiled facts, e.g. exports_usd, exports_to_us_yoy, trade_balance_usd_ytd.',
    constraints: { required: true },
  },
  {
    name: 'reporter',
    type: 'string',
    description: 'Whose statistics: china, or world for world totals.',
    constraints: { required: true, enum: [...REPORTERS] },
  },
  {
    name: 'flow',
    type: 'string',
    description:
      'exports, imports, balance (exports minus imports, as published) or trade (exports plus imports).',
    constraints: { required: true, enum: [...FLOWS] },
  },
  {
    name: 'partner',
    type: 'string',
    description:
      'Trading partner: world for totals, otherwise a code such as us, eu, asean, southeast_asia (kept apart from asean, as the sources name it), africa, latin_america, japan.',
    constraints: { required: true },
  },
  {
    name: 'product',
    type: 'string',
    description:
      'all goods, or the commodity: rare_earths, rare_earth_magnets, rare_earth_products, soybeans, coal, crude_oil, iron_ore, steel.',
    constraints: { required: true, enum: [...PRODUCTS] },
  },
  {
    name: 'measure',
    type: 'string',
    description: 'level (an amount in unit), yoy (change on the same period a year earlier, %) or share (%).',
    constraints: { required: true, enum: [...MEASURES] },
  },
  {
    name: 'unit',
    type: 'string',
    description:
      'USD bn, CNY tn, CNY bn, % y/y (in USD terms unless the note says otherwise), %, tonnes, million tonnes.',
    constraints: { required: true, enum: [...UNITS] },
  },
  {
    name: 'frequency',
    type: 'string',
    description:
      'month (January-February combined counts as one monthly period), year, or ytd (January to the period end).',
    constraints: { required: true, enum: ['month', 'year', 'ytd'] },
  },
  {
    name: 'period',
    type: 'string',
    description:
      'As published: YYYY-MM, YYYY, or a span YYYY-MM..YYYY-MM (e.g. 2025-01..2025-02 combined, 2025-01..2025-11 year to date).',
    constraints: { required: true, pattern: PERIOD_PATTERN },
  },
  {
    name: 'period_start',
    type: 'string',
    description: 'First month covered, YYYY-MM.',
    constraints: { required: true, pattern: MONTH_PATTERN },
  },
  {
    name: 'period_end',
    type: 'string',
    description: 'Last month covered, YYYY-MM.',
    constraints: { required: true, pattern: MONTH_PATTERN },
  },
  {
    name: 'value',
    type: 'number',
    description:
      'The number as the source gives it, in unit; never estimated, interpolated or computed. A figure published in another unit (published_unit) is rescaled exactly, in decimal, keeping every printed digit.',
    constraints: { required: true },
  },
  {
    name: 'preferred',
    type: 'boolean',
    description:
      'true for exactly one row per series and period: the value to display. Other rows are later vintages or other sources.',
    constraints: { required: true },
  },
  {
    name: 'status',
    type: 'string',
    description: 'published, or projection for forecasts (not observations).',
    constraints: { required: true, enum: ['published', 'projection'] },
  },
  {
    name: 'source_id',
    type: 'string',
    description: 'The source this value was read in; see sources.csv.',
    constraints: { required: true },
  },
  {
    name: 'note',
    type: 'string',
    description:
      'Context as recorded with the value: basis, rounding, vintage, conflicts with other sources.',
  },
  {
    name: 'published_value',
    type: 'string',
    description:
      'The number exactly as printed, when the source printed it in another unit than unit (e.g. 221337434 in USD thousand for 221.337434 USD bn); empty otherwise.',
  },
  {
    name: 'published_unit',
    type: 'string',
    description: 'The unit the source printed, when value was rescaled from it; empty otherwise.',
    constraints: { enum: Object.keys(RESCALED_UNITS) },
  },
  {
    name: 'preferred_by',
    type: 'string',
    description:
      "On the preferred row of a period with several readings, why it is the one shown: same (every reading gives this number), precise (the readings agree after rounding; the most precise is shown), customs (a table of China's customs agency beats press reports), reissue (a reissued table beats the first issue), first-published, first-recorded (no date decides: the first reading compiled), curated (preferred_reason says why). Empty on other rows.",
    constraints: {
      enum: ['same', 'precise', 'customs', 'reissue', 'first-published', 'first-recorded', 'curated'],
    },
  },
  {
    name: 'preferred_reason',
    type: 'string',
    description:
      'For preferred_by = curated: the written reason (scripts/data/preferred.csv). Empty otherwise.',
  },
]

export const QUALITY_FIELDS: readonly Field[] = [
  {
    name: 'finding',
    type: 'string',
    description:
      'trade-identity: exports − imports should equal the balance within the rounding of the three published figures.',
    constraints: { required: true, enum: ['trade-identity'] },
  },
  {
    name: 'partner',
    type: 'string',
    description: 'world, or the partner the three figures are for.',
    constraints: { required: true },
  },
  {
    name: 'unit',
    type: 'string',
    description: 'Unit of the three figures.',
    constraints: { required: true, enum: [...UNITS] },
  },
  {
    name: 'frequency',
    type: 'string',
    description: 'month, year or ytd.',
    constraints: { required: true, enum: ['month', 'year', 'ytd'] },
  },
  {
    name: 'period',
    type: 'string',
    description: 'The period, as in the observations.',
    constraints: { required: true, pattern: PERIOD_PATTERN },
  },
  {
    name: 'exports',
    type: 'number',
    description: 'The preferred exports value.',
    constraints: { required: true },
  },
  {
    name: 'imports',
    type: 'number',
    description: 'The preferred imports value.',
    constraints: { required: true },
  },
  {
    name: 'balance',
    type: 'number',
    description: 'The preferred balance value, as published (never recomputed).',
    constraints: { required: true },
  },
  {
    name: 'difference',
    type: 'number',
    description: 'exports − imports − balance, computed exactly.',
    constraints: { required: true },
  },
  {
    name: 'tolerance',
    type: 'number',
    description: 'The most rounding explains: half a unit in the last printed place of each figure, summed.',
    constraints: { required: true },
  },
  {
    name: 'exports_source_id',
    type: 'string',
    description: 'Source of the exports value.',
    constraints: { required: true },
  },
  {
    name: 'imports_source_id',
    type: 'string',
    description: 'Source of the imports value.',
    constraints: { required: true },
  },
  {
    name: 'balance_source_id',
    type: 'string',
    description: 'Source of the balance value.',
    constraints: { required: true },
  },
]

export const SERIES_FIELDS: readonly Field[] = [
  {
    name: 'series',
    type: 'string',
    description: 'Series name, as in the observation resources.',
    constraints: { required: true },
  },
  {
    name: 'label',
    type: 'string',
    description: 'Readable English label built from the dimensions.',
    constraints: { required: true },
  },
  {
    name: 'resource',
    type: 'string',
    description: 'The resource holding the observations.',
    constraints: { required: true, enum: [...OBSERVATION_RESOURCES] },
  },
  ...OBSERVATION_FIELDS.filter((f) =>
    ['reporter', 'flow', 'partner', 'product', 'measure', 'unit', 'frequency'].includes(f.name),
  ),
  {
    name: 'observations',
    type: 'number',
    description: 'Number of observation rows, all sources and vintages included.',
    constraints: { required: true },
  },
  {
    name: 'first_period',
    type: 'string',
    description: 'Earliest period with an observation.',
    constraints: { required: true, pattern: PERIOD_PATTERN },
  },
  {
    name: 'last_period',
    type: 'string',
    description: 'Latest period with an observation.',
    constraints: { required: true, pattern: PERIOD_PATTERN },
  },
]

export const SOURCE_FIELDS: readonly Field[] = [
  {
    name: 'source_id',
    type: 'string',
    description: 's + the first 10 hex digits of sha1(url + newline + title).',
    constraints: { required: true, unique: true },
  },
  {
    name: 'title',
    type: 'string',
    description: 'Title of the page or document as read, usually naming the agency and the outlet.',
    constraints: { required: true },
  },
  {
    name: 'publisher',
    type: 'string',
    description:
      'Agency and outlet, from the parenthesised end of the title; empty when the title does not say.',
  },
  {
    name: 'published',
    type: 'string',
    description:
      'Publication date as the title gives it (YYYY-MM-DD, YYYY-MM, Mon YYYY or YYYY); empty when it does not say.',
  },
  {
    name: 'url',
    type: 'string',
    description: 'Address of the page the value was read in (often a syndication or mirror site).',
    constraints: { required: true },
  },
]

type ResourceName = ObservationResource | 'series' | 'sources' | 'quality'

/** A title and description, as the app shows them to a reader. */
interface Text {
  title: string
  description: string
}

/**
 * The package's own words in the app's other language, as a `translations` property (keyed by
 * language tag) beside the English. Only the compiler's text is translated: the sources' titles
 * are citations and stay as published.
 */
const zhCN = (text: Partial<Text>) => ({ translations: { 'zh-CN': text } })

const RESOURCE_TEXT: Record<ResourceName, Text & { zh: Text }> = {
  monthly: {
    title: 'China headline trade, monthly',
    description:
      "China's monthly exports, imports and trade balance with the world, all goods (levels in USD bn or CNY, and y/y rates). January and February are published combined and appear as one period (YYYY-01..YYYY-02); in 2018 and 2019 they were published separately, and the combined January-February figures of those years are in cumulative.",
    zh: {
      title: '中国总体贸易，月度',
      description:
        '中国对全球的月度出口、进口和贸易差额，全部货物（数值以美元或人民币计，另有同比增速）。1月和2月合并公布，作为一个期间出现（形如 2025-01..2025-02）；2018年和2019年两个月分开公布，这两年1—2月的合并数字在“年初至今”资源中。',
    },
  },
  cumulative: {
    title: 'China headline trade, year to date',
    description:
      "China's exports, imports and trade balance cumulated from January (YYYY-01..YYYY-MM). The 2018 and 2019 January-February figures are kept here, beside the separate monthly ones.",
    zh: {
      title: '中国总体贸易，年初至今',
      description:
        '中国自1月起累计的出口、进口和贸易差额（形如 2025-01..2025-05）。2018年和2019年1—2月的合并数字保留在这里，与分开公布的月度数字并存。',
    },
  },
  annual: {
    title: 'China headline trade, annual',
    description:
      "China's annual exports, imports and trade balance (USD bn, CNY tn, y/y). GACC-based and other compilations (e.g. Macrobond via FocusEconomics) are all kept; the preferred row follows the customs basis.",
    zh: {
      title: '中国总体贸易，年度',
      description:
        '中国年度出口、进口和贸易差额（美元和人民币金额，以及同比）。基于海关总署的汇编和其他汇编（如经 FocusEconomics 发布的 Macrobond 数据）都予保留；首选行以海关口径为准。',
    },
  },
  partners: {
    title: 'China trade by partner',
    description:
      "China's exports to, imports from, trade balance with and total trade with partners, and a partner's share of China's exports; monthly, year to date and annual. ASEAN and Southeast Asia are separate partners, as the sources name them. Rates are in USD terms unless the note says otherwise.",
    zh: {
      title: '中国按贸易伙伴的贸易',
      description:
        '中国对各贸易伙伴的出口、进口、贸易差额和贸易总额，以及某一伙伴在中国出口中所占的份额；月度、年初至今和年度。东盟与东南亚按来源的叫法作为两个不同的伙伴。除注释另有说明外，增速均以美元计。',
    },
  },
  commodities: {
    title: 'Commodities: rare earths, soybeans, crude oil, iron ore, coal and steel',
    description:
      "China's rare-earth exports and imports, rare-earth magnet and product exports (tonnes); soybean, crude-oil, iron-ore and coal imports and steel exports (million tonnes); in total and by origin or destination where reported.",
    zh: {
      title: '商品：稀土、大豆、原油、铁矿石、煤炭和钢材',
      description:
        '中国稀土出口和进口、稀土磁体及制品出口（吨）；大豆、原油、铁矿石和煤炭进口以及钢材出口（百万吨）；总量，以及有报道时按来源地或目的地的数量。',
    },
  },
  world: {
    title: "World merchandise trade and China's share",
    description:
      "World merchandise exports and trade and their growth (WTO/UNCTAD figures as reported), China's share of world merchandise exports and imports, China's totals on the WTO and World Bank WDI basis, and projections (status projection).",
    zh: {
      title: '世界货物贸易与中国所占份额',
      description:
        '世界货物出口和贸易额及其增长（经报道的世贸组织/联合国贸发会议数字），中国在世界货物出口和进口中的份额，按世贸组织和世界银行世界发展指标口径的中国总额，以及预测值（标为预测，不是观测值）。',
    },
  },
  series: {
    title: 'Series catalog',
    description:
      'One row per series, unit and frequency: dimensions, a readable label, the resource that holds it, the number of observations and the first and last period.',
    zh: {
      title: '序列目录',
      description:
        '每个序列、单位和频率一行：维度、可读的标签、所在的资源、观测值个数以及第一个和最后一个期间。',
    },
  },
  sources: {
    title: 'Sources',
    description:
      'Every source an observation cites: the title as read, publisher and date parsed from the title, and the URL.',
    zh: {
      title: '来源',
      description: '观测值引用的每个来源：读到的标题、从标题解析出的发布者和日期，以及网址。',
    },
  },
  quality: {
    title: 'Data-quality findings',
    description:
      'Periods whose preferred exports, imports and balance (world or one partner) fail exports − imports = balance by more than the rounding of the three figures. Reported, not corrected: every figure stays as published.',
    zh: {
      title: '数据质量检查结果',
      description:
        '首选的出口、进口和差额（全球或某一伙伴）不满足“出口 − 进口 = 差额”、且偏差超出三个数字取整范围的期间。仅作报告，不作更正：每个数字都保持公布值。',
    },
  },
}

const SOURCE_FOREIGN_KEY = [{ fields: 'source_id', reference: { resource: 'sources', fields: 'source_id' } }]
const QUALITY_FOREIGN_KEYS = ['exports_source_id', 'imports_source_id', 'balance_source_id'].map(
  (fields) => ({
    fields,
    reference: { resource: 'sources', fields: 'source_id' },
  }),
)

function resource(
  name: ResourceName,
  fields: readonly Field[],
  foreignKeys: readonly object[] | null,
): Record<string, unknown> {
  return {
    name,
    path: `${name}.csv`,
    title: RESOURCE_TEXT[name].title,
    description: RESOURCE_TEXT[name].description,
    ...zhCN(RESOURCE_TEXT[name].zh),
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema: foreignKeys ? { fields, foreignKeys } : { fields },
  }
}

export const PACKAGE_DESCRIPTION =
  "China's foreign-trade statistics compiled from published reports: monthly, year-to-date and annual exports, imports and trade balance; trade by partner; rare earths and soybeans; world merchandise trade and China's share of it. " +
  "China's figures are releases of the General Administration of Customs (GACC) as reported by news agencies and outlets, and some months from GACC's own English tables (published in US$1,000 and rescaled exactly to USD bn, the printed figure kept in published_value); world figures are WTO/UNCTAD statistics as reported. " +
  'Values are first-published unless the note says otherwise. Nothing is estimated, interpolated or computed, and gaps stay gaps. ' +
  'Where several sources give a value for the same series and period, every row is kept and exactly one is marked preferred, by rules recorded in preferred_by: readings that agree after rounding show the most precise; otherwise a customs table beats a press report, a reissued table beats the first issue, else the first-published reading; a disagreement beyond rounding that these rules do not settle carries a written reason (preferred_reason). ' +
  'quality.csv lists the periods whose exports − imports differ from the published balance by more than rounding. ' +
  'January and February are published combined and appear as one period (e.g. 2025-01..2025-02). ' +
  'The compilation is licensed CC BY 4.0; each figure is attributed to its source in sources.csv.'

const PACKAGE_DESCRIPTION_ZH =
  '根据公开报道汇编的中国对外贸易统计：月度、年初至今和年度的出口、进口与贸易差额；按贸易伙伴的贸易；稀土和大豆；世界货物贸易及中国所占份额。' +
  '中国的数字是海关总署发布、经通讯社和媒体报道的数据，部分月份取自海关总署自己的英文统计表（以千美元公布，经精确的单位换算收录，印刷的数字保留在 published_value 列）；世界数字是经报道的世贸组织/联合国贸发会议统计。' +
  '除注释另有说明外，数值都是首次公布值。不作任何估算、插值或计算，缺口保持为缺口。' +
  '同一序列同一期间有多个来源给出数值时，每一行都保留，并按 preferred_by 列记录的规则恰好标记一行为首选：取整后一致的读数取最精确的；否则海关统计表优先于新闻报道，重新发布的统计表优先于首次发布的，再否则取首次公布的读数；这些规则无法解决的、超出取整范围的分歧附有书面理由（preferred_reason 列）。' +
  'quality.csv 列出出口 − 进口与公布的差额之差超出取整范围的期间。' +
  '1月和2月合并公布，作为一个期间出现（如 2025-01..2025-02）。' +
  '本汇编以 CC BY 4.0 许可发布；每个数字都在 sources.csv 中注明其来源。'

/** The complete descriptor. */
export function descriptor(): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'china-trade',
    title: 'China foreign trade: headline, partners, commodities and world share',
    description: PACKAGE_DESCRIPTION,
    ...zhCN({ title: '中国对外贸易：总额、贸易伙伴、商品与世界份额', description: PACKAGE_DESCRIPTION_ZH }),
    version: '1.0.0',
    licenses: [
      {
        name: 'CC-BY-4.0',
        title: 'Creative Commons Attribution 4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        ...zhCN({ title: '知识共享署名 4.0（CC BY 4.0）' }),
      },
    ],
    sources: [
      {
        title:
          'General Administration of Customs of the PRC (GACC) monthly releases, as reported by news agencies (AP, Reuters, Bloomberg, SCMP, CNBC, dpa-AFX …)',
        ...zhCN({
          title:
            '中华人民共和国海关总署月度发布，经通讯社（AP、Reuters、Bloomberg、SCMP、CNBC、dpa-AFX 等）报道',
        }),
      },
      {
        title: "GACC's English statistical tables (Imports and Exports by Customs Regime), for some months",
        path: 'http://english.customs.gov.cn',
        ...zhCN({ title: '海关总署英文统计表（按贸易方式进出口表），部分月份' }),
      },
      {
        title: 'WTO / UNCTAD world merchandise trade statistics, as reported',
        ...zhCN({ title: '经报道的世贸组织 / 联合国贸发会议世界货物贸易统计' }),
      },
      {
        title: 'Per-observation sources: sources.csv (title, publisher, date, URL)',
        path: 'sources.csv',
        ...zhCN({ title: '逐条观测值的来源：sources.csv（标题、发布者、日期、网址）' }),
      },
    ],
    resources: [
      ...OBSERVATION_RESOURCES.map((r) => resource(r, OBSERVATION_FIELDS, SOURCE_FOREIGN_KEY)),
      resource('series', SERIES_FIELDS, null),
      resource('sources', SOURCE_FIELDS, null),
      resource('quality', QUALITY_FIELDS, QUALITY_FOREIGN_KEYS),
    ],
  }
}
