/**
 * SDMX-CSV as the OECD, Eurostat and other SDMX services write it: one observation per row with
 * TIME_PERIOD and OBS_VALUE, the reporter in REF_AREA (geo at Eurostat), an optional partner in
 * COUNTERPART_AREA, the unit in UNIT_MEASURE (unit) scaled by UNIT_MULT (a power of ten). With labels,
 * each code column is followed by its label column ("MEASURE", "Measure"; Eurostat's "geo",
 * "Geopolitical entity (reporting)"): labels are skipped, codes kept. The other dimensions' codes,
 * joined, name the series. Eurostat's databrowser can also put the labels in place of the codes
 * ("Annual", "Austria"): then the labels are what there is, and countries are read by name.
 */
import { col, exact, factsSelect, text } from './common'
import type { Layout } from './types'

const NOT_A_DIMENSION = new Set(
  [
    'DATAFLOW',
    'STRUCTURE',
    'STRUCTURE_ID',
    'STRUCTURE_NAME',
    'ACTION',
    'LAST UPDATE',
    'FREQ',
    'FREQUENCY',
    'TIME_PERIOD',
    'OBS_VALUE',
    'OBS_STATUS',
    'OBS_FLAG',
    'CONF_STATUS',
    'DECIMALS',
    'UNIT_MULT',
    'BASE_PER',
    'COMMENT_OBS',
    'OBS_COMMENT',
    'PRECISION',
    'TIME_FORMAT',
  ].map((n) => n.toLowerCase()),
)

/**
 * A code column's name: an identifier in one case, upper (the OECD's MEASURE, REF_AREA) or lower
 * (Eurostat's freq, geo). Label columns are words ("Measure", "Time", "Geopolitical entity (reporting)").
 */
const CODE_NAME = /^([A-Z][A-Z0-9_]*|[a-z][a-z0-9_]*)$/

export const sdmxCsv: Layout = {
  id: 'sdmx-csv',
  title: 'SDMX-CSV (OECD, Eurostat, IMF and other SDMX services)',
  publisher: '',
  url: 'https://github.com/sdmx-twg/sdmx-csv',
  recognise(header) {
    const find = (...names: string[]) => header.findIndex((h) => names.includes(h))
    const time = find('TIME_PERIOD')
    const obs = find('OBS_VALUE')
    const area = find('REF_AREA', 'geo', 'GEO', 'LOCATION', 'COUNTRY', 'REPORTER')
    if (time < 0 || obs < 0 || area < 0) return null
    const partner = find('COUNTERPART_AREA', 'COUNTERPART_COUNTRY', 'PARTNER', 'partner')
    const unit = find('UNIT_MEASURE', 'unit', 'UNIT', 'CURRENCY')
    const mult = find('UNIT_MULT')
    // A label column follows its code column and is not itself written as a code.
    const isLabel = (i: number) => i > 0 && CODE_NAME.test(header[i - 1]!) && !CODE_NAME.test(header[i]!)
    const dims = header
      .map((h, i) => ({ h, i }))
      .filter(
        ({ h, i }) =>
          ![time, obs, area, partner, unit, mult].includes(i) &&
          !isLabel(i) &&
          !NOT_A_DIMENSION.has(h.toLowerCase()),
      )
    const scale = mult < 0 ? '' : ` * coalesce(pow(10, TRY_CAST(${col(mult)} AS INTEGER)), 1)`
    const series =
      dims.length > 0 ? `concat_ws('.', ${dims.map(({ i }) => text(i)).join(', ')})` : `'OBS_VALUE'`
    return {
      layout: 'sdmx-csv',
      numeric: [obs],
      nullStrings: ['NaN'],
      facts: factsSelect(
        {
          period: col(time),
          reporter: text(area),
          partner: partner < 0 ? `'WLD'` : text(partner),
          flow: series,
          product: `'TOTAL'`,
          indicator: series,
          value: `${col(obs)}${scale}`,
          unit: unit < 0 ? `''` : `coalesce(${text(unit)}, '')`,
        },
        'src',
      ),
      periodColumn: time,
      flow: (k) => `cte_slug(${k})`,
    }
  },
}

/**
 * Eurostat Comext (dataset DS-045409 and its kin) as its SDMX API writes CSV: `DATAFLOW, LAST UPDATE,
 * freq, reporter, partner, product, flow, indicators, TIME_PERIOD, OBS_VALUE`. Flow 1 is imports and 2
 * exports; each observation is one indicator, so a value in euros (VALUE_IN_EUROS) and its quantity
 * (QUANTITY_IN_100KG, hundreds of kilograms) come on two rows and are put back on one. Countries are
 * two-letter codes (EL, UK as Eurostat writes them); the partner WORLD is the world.
 */
export const eurostatComext: Layout = {
  id: 'eurostat-comext',
  title: 'Eurostat Comext (SDMX-CSV)',
  publisher: 'Eurostat',
  url: 'https://ec.europa.eu/eurostat/comext/',
  recognise(header) {
    const c = exact(header, {
      reporter: 'reporter',
      partner: 'partner',
      product: 'product',
      flow: 'flow',
      indicator: 'indicators',
      time: 'TIME_PERIOD',
      value: 'OBS_VALUE',
    })
    if (!c) return null
    const indicator = `upper(trim(${col(c.indicator)}))`
    const keys = [
      `trim(${col(c.time)}) AS period`,
      `${text(c.reporter)} AS reporter`,
      `CASE WHEN upper(trim(${col(c.partner)})) = 'WORLD' THEN 'WLD' ELSE ${text(c.partner)} END AS partner`,
      `trim(${col(c.flow)}) AS flow`,
      `${text(c.product)} AS product`,
    ]
    const rows = `(SELECT ${keys.join(', ')},
        max(${col(c.value)}) FILTER (WHERE ${indicator} = 'VALUE_IN_EUROS') AS euros,
        max(${col(c.value)}) FILTER (WHERE ${indicator} = 'QUANTITY_IN_100KG') AS quintals
      FROM src GROUP BY ALL)`
    return {
      layout: 'eurostat-comext',
      numeric: [c.value],
      nullStrings: ['NaN', ':'],
      facts: factsSelect(
        {
          period: 'period',
          reporter: 'reporter',
          partner: 'partner',
          flow: 'flow',
          product: `CASE WHEN product IS NULL OR upper(product) = 'TOTAL' THEN 'TOTAL' ELSE product END`,
          value: 'euros',
          unit: `'EUR'`,
          quantity: 'quintals * 100',
          quantityUnit: `'kg'`,
        },
        rows,
        'euros IS NOT NULL',
      ),
      periodColumn: c.time,
      flow: (k) => `CASE ${k} WHEN '1' THEN 'imports' WHEN '2' THEN 'exports' ELSE cte_slug(${k}) END`,
    }
  },
}
