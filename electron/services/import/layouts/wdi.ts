/**
 * World Bank WDI CSV (`API_<indicator>_DS2_…csv`): four preamble lines (the sniffer skips them), then
 * "Country Name","Country Code","Indicator Name","Indicator Code", one column per year and a trailing
 * empty column. Each year column becomes rows; empty cells are no observation. Merchandise exports and
 * imports (TX/TM.VAL.MRCH.CD.WT) become the flows exports/imports; other indicators keep their code.
 */
import { col, exact, factsSelect } from './common'
import type { Layout } from './types'

export const wdi: Layout = {
  id: 'wdi',
  title: 'World Bank World Development Indicators',
  publisher: 'World Bank',
  url: 'https://databank.worldbank.org/source/world-development-indicators',
  recognise(header) {
    const c = exact(header, {
      country: 'Country Code',
      indicator: 'Indicator Code',
      name: 'Country Name',
      indicatorName: 'Indicator Name',
    })
    if (!c || header.includes('Attribute')) return null
    const years = header.map((h, i) => ({ h, i })).filter(({ h }) => /^\d{4}$/.test(h))
    if (years.length === 0) return null
    const unpivot = `(UNPIVOT (SELECT ${col(c.country)} AS country, ${col(c.indicator)} AS indicator,
        ${years.map(({ h, i }) => `${col(i)} AS "${h}"`).join(', ')} FROM src)
      ON ${years.map(({ h }) => `"${h}"`).join(', ')} INTO NAME year VALUE v)`
    return {
      layout: 'wdi',
      numeric: years.map(({ i }) => i),
      nullStrings: ['..'],
      facts: factsSelect(
        {
          period: 'year',
          reporter: 'country',
          partner: `'WLD'`,
          flow: 'indicator',
          product: `'TOTAL'`,
          indicator: 'indicator',
          value: 'v',
          unit: `CASE WHEN indicator LIKE '%.CD%' THEN 'USD' WHEN indicator LIKE '%.ZS' THEN '%' ELSE '' END`,
        },
        unpivot,
      ),
      periodColumn: years[0]!.i,
      flow: (k) =>
        `CASE ${k} WHEN 'TX.VAL.MRCH.CD.WT' THEN 'exports' WHEN 'TM.VAL.MRCH.CD.WT' THEN 'imports' ELSE cte_slug(${k}) END`,
    }
  },
}
