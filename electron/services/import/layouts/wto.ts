/**
 * WTO Stats bulk CSV (`WtoData_YYYYMMDDhhmmss.csv`, 24 columns). ITS_MTV_AX / ITS_MTV_AM are annual
 * merchandise exports / imports, ITS_MTV_QX / ITS_MTV_QM quarterly ones; other indicators keep their code. Rows are annual, monthly (period code
 * M01…M12) or quarterly (Q1…Q4: ITS_MTV_QX / ITS_MTV_QM), each read at its own frequency. Partner "000" is the World. Values
 * "Million US dollar" are stored in US dollars. The files are often Windows-1252 (an en dash in the
 * indicator names): the reader converts them.
 */
import { MONTH_NAMES } from '../../../shared/periods'
import { sqlString } from '../sql'
import { statedUnit } from '../units'
import { col, exact, factsSelect, text, unpivot } from './common'
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
          // A monthly row (period code M01…M12) is the year and the month, a quarterly row (Q1…Q4) the
          // year and the quarter ("2020 Q1", read as 2020-Q1 by the period module); anything else is the year.
          period: `trim(${col(c.year)}) || CASE WHEN regexp_full_match(${month}, 'M(0[1-9]|1[0-2])') THEN '-' || substr(${month}, 2, 2)
            WHEN regexp_full_match(${month}, 'Q[1-4]') THEN ' ' || ${month} ELSE '' END`,
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
        // The quarterly totals (ITS_MTV_QX / QM) are the same flows at another frequency, so one flow
        // is charted monthly, quarterly or annually as the file gives it.
        `CASE ${k} WHEN 'ITS_MTV_AX' THEN 'exports' WHEN 'ITS_MTV_QX' THEN 'exports' WHEN 'ITS_MTV_AM' THEN 'imports' WHEN 'ITS_MTV_QM' THEN 'imports' ELSE cte_slug(${k}) END`,
    }
  },
}

/**
 * WTO Stats workbook (`WtoData_YYYYMMDDhhmmss.xlsx`, sheet "Report"): a title line `Indicator | Total
 * merchandise exports - monthly (Million US dollar)`, then `Reporting Economy, Product/Sector, Partner
 * Economy, [Period,] 2014, 2015, …` with years as columns and, in monthly reports, month names in
 * Period. Countries are spelled out ("Korea, Republic of"); the product is `SI3_AGG - TO - Total
 * merchandise` (its middle code; TO is the total). The unit and the flow come from the title.
 * China's customs publish January and February together: WTO leaves China's January empty and puts the
 * sum in February, so China's February whose January is empty in the same row and year is the span
 * 2020-01..2020-02, never one month. Only China's: another economy's empty January is a missing month,
 * and its February stays one month.
 */
export const wtoReport: Layout = {
  id: 'wto-report',
  title: 'WTO Stats (workbook)',
  publisher: 'World Trade Organization',
  url: 'https://stats.wto.org/',
  recognise(header, notes) {
    const c = exact(header, {
      reporter: 'Reporting Economy',
      product: 'Product/Sector',
      partner: 'Partner Economy',
    })
    if (!c) return null
    const years = header.flatMap((h, i) => (/^\d{4}$/.test(h.trim()) ? [{ i, key: h.trim() }] : []))
    if (years.length === 0) return null
    const period = header.indexOf('Period')
    const title = notes.map((n) => /^Indicator\s+(.+)$/.exec(n)?.[1]?.trim()).find(Boolean) ?? ''
    const unit = statedUnit(/\(([^()]*)\)\s*$/.exec(title)?.[1] ?? '')
    const flow = !unit
      ? title.replace(/\s*\([^()]*\)\s*$/, '') || 'value'
      : /\bexports\b/i.test(title)
        ? 'exports'
        : /\bimports\b/i.test(title)
          ? 'imports'
          : title.replace(/\s*\([^()]*\)\s*$/, '')
    const code = `trim(split_part(product_text, ' - ', 2))`
    const month = `lower(trim(period_text))`
    const ids = [
      `${text(c.reporter)} AS reporter`,
      `${text(c.partner)} AS partner`,
      `${text(c.product)} AS product_text`,
      `${period >= 0 ? text(period) : 'CAST(NULL AS VARCHAR)'} AS period_text`,
    ]
    // The months of one row and year, to tell a February holding January and February from one month.
    const rows = `(SELECT *, count(*) FILTER (WHERE ${month} = 'january') OVER (PARTITION BY reporter, partner, product_text, wide_key) AS januaries
      FROM ${unpivot(ids, years)})`
    return {
      layout: 'wto-report',
      numeric: years.map(({ i }) => i),
      facts: factsSelect(
        {
          period:
            period < 0
              ? 'wide_key'
              : `CASE WHEN ${month} = 'february' AND januaries = 0 AND lower(reporter) = 'china' THEN wide_key || '-01..' || wide_key || '-02'
                  WHEN ${month} IN (${MONTH_NAMES.map(sqlString).join(', ')}) THEN wide_key || '-' || lpad(CAST(list_position([${MONTH_NAMES.map(sqlString).join(', ')}], ${month}) AS VARCHAR), 2, '0')
                  ELSE trim(period_text) || ' ' || wide_key END`,
          reporter: 'reporter',
          partner: 'partner',
          flow: sqlString(flow),
          product: `CASE WHEN ${code} IN ('', 'TO') THEN 'TOTAL' ELSE ${code} END`,
          indicator: sqlString(title),
          value: unit && unit.factor !== 1 ? `v * ${unit.factor}` : 'v',
          unit: sqlString(unit?.unit ?? ''),
        },
        rows,
      ),
      periodColumn: period >= 0 ? period : years[0]!.i,
      flow: (k) =>
        `CASE ${k} WHEN 'exports' THEN 'exports' WHEN 'imports' THEN 'imports' ELSE cte_slug(${k}) END`,
    }
  },
}
