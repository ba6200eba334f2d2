/**
 * IMF trade in goods. IMTS SDMX-CSV (`DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,
 * TIME_PERIOD,OBS_VALUE,SCALE,…`): ISO-3 countries, G001 = World, periods 2024 or 2025-M01. OBS_VALUE
 * is in US dollars as it stands; SCALE (6 = millions) is how the IMF displays it, so values are not
 * multiplied by it. Quarterly rows are left out (the app keeps years and months).
 * Legacy DOTS "timeSeries" download: one column per period (1948, 2020M01, …), rows for the Value and
 * Status attributes (only Value is kept: a Status such as "r", revised, is an attribute of the value,
 * never a value), IMF country codes (924 China, 111 United States, 1 World) and values in US dollars as
 * they stand, as the indicator names say ("…, US Dollars"): a real download has Germany's exports to the
 * United States in February 2024 as 13405751032.
 */
import { col, exact, factsSelect } from './common'
import type { Layout } from './types'

const imfFlows = (k: string) => `CASE upper(trim(${k}))
    WHEN 'XG_FOB_USD' THEN 'exports' WHEN 'TXG_FOB_USD' THEN 'exports'
    WHEN 'MG_CIF_USD' THEN 'imports' WHEN 'TMG_CIF_USD' THEN 'imports'
    WHEN 'MG_FOB_USD' THEN 'imports_fob' WHEN 'TMG_FOB_USD' THEN 'imports_fob'
    WHEN 'TBG_USD' THEN 'balance' ELSE cte_slug(${k}) END`

export const imfImts: Layout = {
  id: 'imf-imts',
  title: 'IMF International Trade in Goods (IMTS)',
  publisher: 'International Monetary Fund',
  url: 'https://data.imf.org/',
  recognise(header) {
    const c = exact(header, {
      country: 'COUNTRY',
      indicator: 'INDICATOR',
      counterpart: 'COUNTERPART_COUNTRY',
      time: 'TIME_PERIOD',
      value: 'OBS_VALUE',
    })
    if (!c) return null
    return {
      layout: 'imf-imts',
      numeric: [c.value],
      facts: factsSelect(
        {
          period: col(c.time),
          reporter: col(c.country),
          partner: col(c.counterpart),
          flow: col(c.indicator),
          product: `'TOTAL'`,
          indicator: `trim(${col(c.indicator)})`,
          value: col(c.value),
          unit: `'USD'`,
        },
        'src',
        `${col(c.value)} IS NOT NULL AND NOT regexp_matches(coalesce(${col(c.time)}, ''), 'Q[1-4]$')`,
      ),
      periodColumn: c.time,
      flow: imfFlows,
    }
  },
}

export const imfDots: Layout = {
  id: 'imf-dots',
  title: 'IMF Direction of Trade Statistics (legacy)',
  publisher: 'International Monetary Fund',
  url: 'https://data.imf.org/',
  recognise(header) {
    const c = exact(header, {
      country: 'Country Code',
      indicator: 'Indicator Code',
      counterpart: 'Counterpart Country Code',
      attribute: 'Attribute',
    })
    if (!c) return null
    const periods = header.map((h, i) => ({ h, i })).filter(({ h }) => /^\d{4}(M\d{1,2})?$/.test(h))
    if (periods.length === 0) return null
    const unpivot = `(UNPIVOT (SELECT ${col(c.country)} AS country, ${col(c.counterpart)} AS counterpart, ${col(c.indicator)} AS indicator,
        ${periods.map(({ h, i }) => `TRY_CAST(replace(${col(i)}, ',', '') AS DOUBLE) AS "${h}"`).join(', ')}
        FROM src WHERE trim(${col(c.attribute)}) = 'Value')
      ON ${periods.map(({ h }) => `"${h}"`).join(', ')} INTO NAME period_text VALUE v)`
    return {
      layout: 'imf-dots',
      // The Status rows hold letters in the period columns, so values are read as text and converted above.
      numeric: [],
      facts: factsSelect(
        {
          period: 'period_text',
          reporter: 'country',
          partner: 'counterpart',
          flow: 'indicator',
          product: `'TOTAL'`,
          indicator: 'trim(indicator)',
          value: 'v',
          unit: `'USD'`,
        },
        unpivot,
      ),
      periodColumn: periods[0]!.i,
      flow: imfFlows,
      countries: { table: 'cte_imf', prefix: 'IMF:' },
    }
  },
}
