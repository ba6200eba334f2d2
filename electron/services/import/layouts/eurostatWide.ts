/**
 * Eurostat's wide tables (the TSV bulk download, or that table saved as CSV): dimension codes first
 * (freq, unit, …), then `geo\TIME_PERIOD` (or `geo\time`), then one column per period. Each period
 * column becomes rows; ":" and "NaN" are no observation. The dimensions before geo name the series.
 */
import { parsePeriodLabel } from '../../../shared/periods'
import { factsSelect, text, unpivot } from './common'
import type { Layout } from './types'

export const eurostatWide: Layout = {
  id: 'eurostat-wide',
  title: 'Eurostat (wide table)',
  publisher: 'Eurostat',
  url: 'https://ec.europa.eu/eurostat/data/database',
  recognise(header) {
    const geo = header.findIndex((h) => /^[a-z_]+\\(TIME_PERIOD|time)$/i.test(h.trim()))
    if (geo < 0) return null
    const periods = header.flatMap((h, i) =>
      i > geo && 'period' in parsePeriodLabel(h) ? [{ i, key: h.trim() }] : [],
    )
    if (periods.length === 0) return null
    const dims = header.slice(0, geo).flatMap((h, i) => (/^freq$/i.test(h.trim()) ? [] : [i]))
    const unit = header.findIndex((h, i) => i < geo && /^unit$/i.test(h.trim()))
    const series = dims.length > 0 ? `concat_ws('.', ${dims.map(text).join(', ')})` : `'value'`
    return {
      layout: 'eurostat-wide',
      numeric: periods.map(({ i }) => i),
      nullStrings: [':', 'NaN'],
      facts: factsSelect(
        {
          period: 'wide_key',
          reporter: 'geo',
          partner: `'WLD'`,
          flow: 'series',
          product: `'TOTAL'`,
          indicator: 'series',
          value: 'v',
          unit: unit < 0 ? `''` : `coalesce(unit_code, '')`,
        },
        unpivot(
          [`${text(geo)} AS geo`, `${series} AS series`, ...(unit < 0 ? [] : [`${text(unit)} AS unit_code`])],
          periods,
        ),
      ),
      periodColumn: periods[0]!.i,
      flow: (k) => `cte_slug(${k})`,
    }
  },
}
