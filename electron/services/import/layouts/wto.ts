/**
 * WTO Stats bulk CSV (`WtoData_YYYYMMDDhhmmss.csv`, 24 columns). ITS_MTV_AX / ITS_MTV_AM are annual
 * merchandise exports / imports; other indicators keep their code. Partner "000" is the World. Values
 * "Million US dollar" are stored in US dollars. The files are often Windows-1252 (an en dash in the
 * indicator names): the reader converts them.
 */
import { col, exact, factsSelect } from './common'
import type { Layout } from './types'

export const wto: Layout = {
  id: 'wto',
  title: 'WTO Stats (bulk download)',
  publisher: 'World Trade Organization',
  url: 'https://stats.wto.org/',
  recognise(header) {
    const c = exact(header, {
      indicatorCode: 'Indicator Code',
      reporterCode: 'Reporting Economy Code',
      reporterIso: 'Reporting Economy ISO3A Code',
      partnerCode: 'Partner Economy Code',
      partnerIso: 'Partner Economy ISO3A Code',
      product: 'Product/Sector Code',
      periodCode: 'Period Code',
      year: 'Year',
      unit: 'Unit',
      value: 'Value',
    })
    if (!c) return null
    const unit = `lower(trim(${col(c.unit)}))`
    const month = `trim(${col(c.periodCode)})`
    return {
      layout: 'wto',
      numeric: [c.value],
      facts: factsSelect(
        {
          // A monthly row (period code M01…M12) is the year and the month; anything else is the year.
          period: `trim(${col(c.year)}) || CASE WHEN regexp_full_match(${month}, 'M(0[1-9]|1[0-2])') THEN '-' || substr(${month}, 2, 2) ELSE '' END`,
          reporter: `coalesce(nullif(trim(${col(c.reporterIso)}), ''), ${col(c.reporterCode)})`,
          partner: `coalesce(nullif(trim(${col(c.partnerIso)}), ''), ${col(c.partnerCode)})`,
          flow: `trim(${col(c.indicatorCode)})`,
          product: `CASE WHEN upper(trim(${col(c.product)})) IN ('TO', 'TOTAL', '') OR ${col(c.product)} IS NULL THEN 'TOTAL' ELSE trim(${col(c.product)}) END`,
          indicator: `trim(${col(c.indicatorCode)})`,
          value: `CASE WHEN ${unit} = 'million us dollar' THEN ${col(c.value)} * 1e6 WHEN ${unit} = 'thousand us dollar' THEN ${col(c.value)} * 1e3 ELSE ${col(c.value)} END`,
          unit: `CASE WHEN ${unit} IN ('million us dollar', 'thousand us dollar', 'us dollar') THEN 'USD' ELSE trim(${col(c.unit)}) END`,
        },
        'src',
        `${col(c.value)} IS NOT NULL`,
      ),
      periodColumn: c.year,
      flow: (k) =>
        `CASE ${k} WHEN 'ITS_MTV_AX' THEN 'exports' WHEN 'ITS_MTV_AM' THEN 'imports' ELSE cte_slug(${k}) END`,
    }
  },
}
