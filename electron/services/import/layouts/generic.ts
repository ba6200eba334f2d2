/**
 * Files with no published layout. A generic long layout (date, series, value — and optionally
 * reporter, partner, flow, product, unit) is recognised by its column names; anything else gets a
 * column mapping: which column is the period, which are values, which the partner…, guessed here from
 * names and sample cells and confirmed (or corrected) by the user. The mapping is saved with the dataset.
 */
import { col, factsSelect, flowWords, norm, text } from './common'
import type { Layout, Plan } from './types'
import type { Mapping } from '../../../shared/importApi'
import { sqlString } from '../sql'
import { statedUnit, unitFromNotes, unitLabelOf } from '../units'
import { parsePeriodLabel } from '../../../shared/periods'

export const ROLE_NAMES = {
  period: [
    'date',
    'period',
    'time',
    'timeperiod',
    'year',
    'month',
    'refperiod',
    'yearmonth',
    'periodo',
    'datum',
    '日期',
    '时间',
    '年份',
    '月份',
    '期间',
  ],
  value: [
    'value',
    'values',
    'obsvalue',
    'amount',
    'tradevalue',
    'tradevalueus',
    'primaryvalue',
    'usd',
    'valueusd',
    'total',
    '金额',
    '数值',
    '值',
    // China Customs' query downloads name the value column by its currency; Taiwan's customs
    // statistics by its currency and unit (美元(千元), US dollars, thousands).
    '人民币',
    '美元',
    '美元(千元)',
  ],
  reporter: [
    'reporter',
    'reportercode',
    'reporteriso',
    'reportingeconomy',
    'reportingcountry',
    'country',
    'countrycode',
    'economy',
    'exporter',
    'origin',
    '报告国',
  ],
  partner: [
    'partner',
    'partnercode',
    'partneriso',
    'partnercountry',
    'partnereconomy',
    'counterpart',
    'counterpartcountry',
    'destination',
    'importer',
    '伙伴',
    '贸易伙伴',
    // China Customs' downloads: the partner's name. Its 贸易伙伴编码 beside it is the customs' own
    // numbering (410 is Brazil there, Korea in UN M49), so it is never read as a country code.
    '贸易伙伴名称',
    '国家',
    '国别',
    '国家地区',
  ],
  flow: ['flow', 'flowcode', 'tradeflow', 'tradeflowcode', 'direction', '贸易方式', '流向', '進出口別'],
  product: [
    'product',
    'productcode',
    'commodity',
    'commoditycode',
    'cmdcode',
    'hs',
    'hscode',
    'hs6',
    'sector',
    'item',
    '商品',
    '商品编码',
    // Taiwan's customs statistics: the commodity's CCC code (HS and two national digits).
    '貨品號列',
  ],
  indicator: ['series', 'seriescode', 'indicator', 'indicatorcode', 'variable', 'measure', 'concept', '指标'],
  unit: ['unit', 'units', 'currency', 'unitcode', '单位'],
} as const

const nameIs = (header: readonly string[], role: keyof typeof ROLE_NAMES): number => {
  const names = ROLE_NAMES[role] as readonly string[]
  return header.findIndex((h) => names.includes(norm(h) || h.trim()))
}

/** date, series, value by name: the generic long layout needs no dialog. */
export const genericLong: Layout = {
  id: 'generic-long',
  title: 'Long table (date, series, value)',
  publisher: '',
  url: '',
  recognise(header) {
    const period = header.findIndex((h) => ['date', 'period', 'time', 'timeperiod'].includes(norm(h)))
    const value = header.findIndex((h) => ['value', 'obsvalue'].includes(norm(h)))
    const indicator = nameIs(header, 'indicator')
    if (period < 0 || value < 0 || indicator < 0) return null
    const optional = (role: keyof typeof ROLE_NAMES) => {
      const i = nameIs(header, role)
      return i >= 0 ? i : null
    }
    return planFor(
      {
        period,
        values: [value],
        indicator,
        reporter: optional('reporter'),
        partner: optional('partner'),
        flow: optional('flow'),
        product: optional('product'),
        unit: optional('unit'),
      },
      header,
      'generic-long',
    )
  },
}

/** The plan for a mapping (the user's, or the generic layout's). Column indexes must exist in `header`. */
export function planFor(m: Mapping, header: readonly string[], layout: Plan['layout'] = 'mapped'): Plan {
  const wide = m.values.length > 1
  const flow =
    m.flow != null
      ? col(m.flow)
      : wide
        ? `CASE vname ${m.values.map((v, k) => `WHEN 'v${k}' THEN ${sqlString(header[v] || `value ${v + 1}`)}`).join(' ')} END`
        : m.indicator != null
          ? col(m.indicator)
          : `'value'`
  // A unit the user states for the whole file ("USD million") brings the values into whole dollars,
  // as every dataset is kept; a label that names no currency ("tonnes") is kept as it is.
  const stated = m.unit == null && m.unitLabel ? statedUnit(m.unitLabel) : null
  const scaled = (value: string) => (stated && stated.factor !== 1 ? `(${value} * ${stated.factor})` : value)
  const exprs = {
    period: col(m.period),
    reporter: m.reporter != null ? col(m.reporter) : sqlString(m.reporterCode ?? 'CHN'),
    partner: m.partner != null ? col(m.partner) : sqlString(m.partnerCode ?? 'WLD'),
    flow,
    product: m.product != null ? `coalesce(${text(m.product)}, 'TOTAL')` : `'TOTAL'`,
    indicator: m.indicator != null ? `trim(${col(m.indicator)})` : undefined,
    value: scaled(wide ? 'v' : col(m.values[0]!)),
    unit: m.unit != null ? `coalesce(${text(m.unit)}, '')` : sqlString(stated?.unit ?? m.unitLabel ?? ''),
  }
  let from = 'src'
  if (wide) {
    const keep = [m.period, m.reporter, m.partner, m.flow, m.product, m.indicator, m.unit].filter(
      (i): i is number => i != null,
    )
    from = `(UNPIVOT (SELECT ${[...new Set(keep)].map(col).join(', ')}, ${m.values.map((v, k) => `${col(v)} AS v${k}`).join(', ')} FROM src)
      ON ${m.values.map((_, k) => `v${k}`).join(', ')} INTO NAME vname VALUE v) src`
  }
  return {
    layout,
    numeric: [...m.values],
    facts: factsSelect(exprs, from),
    periodColumn: m.period,
    flow: flowWords,
  }
}

/** A cell the app's one period reader reads as a period (2024, 2024-03, 202403, March 2024, 2024Q1…). */
const looksLikePeriod = (cell: string): boolean => 'period' in parsePeriodLabel(cell)

/** Of the sampled cells of column `i` that are filled, the share that pass `test` (0 when none is filled). */
function shareOf(sample: readonly (readonly string[])[], i: number, test: (cell: string) => boolean): number {
  const cells = sample.map((r) => r[i] ?? '').filter((c) => c.trim() !== '')
  return cells.length === 0 ? 0 : cells.filter(test).length / cells.length
}

/**
 * The file's period column: one named as a period (date, year, TIME_PERIOD…), else the first whose
 * sampled cells read as periods; null when the file has none (a ranking or survey with one value per
 * country, such as the OECD's Better Life Index). Such a file cannot be charted over time, so it is
 * refused rather than given another column as its period.
 */
export function periodColumnOf(
  header: readonly string[],
  sample: readonly (readonly string[])[],
): number | null {
  const named = nameIs(header, 'period')
  if (named >= 0) return named
  return header.map((_, i) => i).find((i) => shareOf(sample, i, looksLikePeriod) >= 0.9) ?? null
}

/**
 * Whether a file has no periods at all: no period column, and no header cell that is one (years or
 * months as columns are periods, laid out wide: the mapping dialog, not this refusal, is for them).
 */
export function lacksPeriods(header: readonly string[], sample: readonly (readonly string[])[]): boolean {
  return sample.length > 0 && periodColumnOf(header, sample) === null && !header.some(looksLikePeriod)
}

/** Why a file with no period column is refused, in the words the page shows. */
export function looksLikeNumber(cell: string, style: { decimal: string; thousands: string }): boolean {
  let t = cell.trim()
  if (style.thousands) t = t.split(style.thousands).join('')
  if (style.decimal === ',') t = t.replace(',', '.')
  return t !== '' && Number.isFinite(Number(t))
}

/**
 * The guesses the mapping dialog starts from. The unit is guessed only where the file states it: in its
 * title block ("Unit : US Dollar thousand") or in the name of every value column ("Trade Value (US$)");
 * otherwise it stays empty for the user to fill, never assumed. The reporter is the one country the
 * reporter column names in every sampled row (`countryOf` reads a cell: a code or a name), else China,
 * the country this app is about.
 */
export function guessMapping(
  header: readonly string[],
  sample: readonly (readonly string[])[],
  style: { decimal: string; thousands: string },
  notes: readonly string[] = [],
  countryOf: (cell: string) => string | null = () => null,
): Mapping {
  const filled = (i: number) => sample.map((r) => r[i] ?? '').filter((c) => c.trim() !== '')
  const share = (i: number, test: (cell: string) => boolean) => shareOf(sample, i, test)
  const indexes = header.map((_, i) => i)
  // A file with none is refused before a guess is made (the message noPeriodColumn); 0 keeps the type total.
  const period = periodColumnOf(header, sample) ?? 0
  const taken = new Set([period])
  const pick = (role: keyof typeof ROLE_NAMES) => {
    const i = nameIs(header, role)
    if (i < 0 || taken.has(i)) return null
    taken.add(i)
    return i
  }
  const reporter = pick('reporter')
  const partner = pick('partner')
  const flow = pick('flow')
  const product = pick('product')
  const indicator = pick('indicator')
  const unit = pick('unit')
  // A column of codes (a partner's or product's number) is not a value, numbers though they are.
  const isCode = (i: number) => /(code|编码|代码)$/i.test(norm(header[i] ?? '') || (header[i] ?? '').trim())
  const numeric = indexes.filter(
    (i) =>
      !taken.has(i) &&
      !isCode(i) &&
      share(i, (c) => looksLikeNumber(c, style)) >= 0.9 &&
      filled(i).length > 0,
  )
  const named = nameIs(header, 'value')
  let values: number[]
  if (named >= 0 && !taken.has(named)) values = [named]
  else if (numeric.length > 0)
    values = flow != null || indicator != null ? [numeric[numeric.length - 1]!] : numeric
  else values = [indexes.find((i) => !taken.has(i)) ?? 0]
  const namedUnits = values.map((v) => statedUnit(header[v] ?? ''))
  const fromHeader = namedUnits.every((u) => u && unitLabelOf(u) === unitLabelOf(namedUnits[0]!))
    ? namedUnits[0]
    : null
  const stated = unit == null ? (unitFromNotes(notes) ?? fromHeader) : null
  const reporters = new Set(reporter == null ? [] : filled(reporter).map(countryOf))
  const [only] = reporters
  return {
    period,
    values,
    reporter,
    partner,
    flow,
    product,
    indicator,
    unit,
    reporterCode: reporters.size === 1 && only ? only : 'CHN',
    unitLabel: stated ? unitLabelOf(stated) : '',
  }
}
