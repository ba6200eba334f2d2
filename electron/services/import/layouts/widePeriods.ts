/**
 * A table with periods as columns and one row per country, as the IMF's Direction of Trade workbooks
 * (`Country, 2014M01, 2014M02, …`) and many statistical offices publish: each period column becomes
 * rows. The country is the one column that is not a period; the flow is the sheet's name when it
 * names one (a workbook's "Exports" sheet), else "value". A row repeated whole is one row.
 */
import { parsePeriodLabel } from '../../../shared/periods'
import { sqlString } from '../sql'
import { factsSelect, text, unpivot } from './common'
import type { Layout } from './types'

const FLOW_WORDS = /^(exports?|imports?|re-?exports?|re-?imports?|balance|trade balance)$/i

export const widePeriods: Layout = {
  id: 'wide-periods',
  title: 'Table with periods as columns',
  publisher: '',
  url: '',
  recognise(header, notes) {
    const periods = header.flatMap((h, i) => ('period' in parsePeriodLabel(h) ? [{ i, key: h.trim() }] : []))
    const others = header.map((_, i) => i).filter((i) => !periods.some((p) => p.i === i) && header[i] !== '')
    // Only one label column is read as the country: with a second one (a partner, an indicator) the
    // rows would be summed into one country-by-period value, so such a table goes to the mapping dialog.
    if (periods.length < 2 || others.length !== 1) return null
    const sheet = notes.map((n) => /^Sheet : (.+)$/.exec(n)?.[1]?.trim()).find(Boolean)
    const flow = sheet && FLOW_WORDS.test(sheet) ? sheet : 'value'
    return {
      layout: 'wide-periods',
      numeric: periods.map(({ i }) => i),
      nullStrings: ['..', ':', 'n.a.', 'NaN'],
      facts: factsSelect(
        {
          period: 'wide_key',
          reporter: 'country',
          partner: `'WLD'`,
          flow: sqlString(flow),
          product: `'TOTAL'`,
          value: 'v',
          unit: `''`,
        },
        // A country listed twice (under two group headings, as the IMF's workbooks do) counts once.
        `(SELECT DISTINCT * FROM ${unpivot([`${text(others[0]!)} AS country`], periods)})`,
      ),
      periodColumn: periods[0]!.i,
      flow: (k) => `cte_flow(${k})`,
    }
  },
}
