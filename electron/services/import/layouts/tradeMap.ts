/**
 * ITC Trade Map exports (CSV or tab-separated text): a title block ("List of importing markets for a
 * product exported by Algeria", "Product: TOTAL All products", "Unit : US Dollar thousand"), then
 * `Importers, Exported value in 2013, …, Exported value in 2017` (or monthly `… in 2024-M01`). The
 * reporter and the product come from the title block, the unit from its Unit line (values are scaled
 * into whole units); the partner is the first column, spelled out ("United States of America").
 */
import { sqlString } from '../sql'
import { unitFromNotes } from '../units'
import { col, factsSelect, norm, unpivot } from './common'
import type { Layout } from './types'

const VALUE = /^(exported|imported|re-exported|re-imported) value in (\d{4}(?:-M\d{2})?)$/i
const FIRST = [
  'importers',
  'exporters',
  'importingmarkets',
  'exportingmarkets',
  'supplyingmarkets',
  'partners',
]
const FLOWS: Record<string, string> = {
  exported: 'exports',
  imported: 'imports',
  're-exported': 're_exports',
  're-imported': 're_imports',
}

export const tradeMap: Layout = {
  id: 'trade-map',
  title: 'ITC Trade Map',
  publisher: 'International Trade Centre (ITC)',
  url: 'https://www.trademap.org/',
  recognise(header, notes) {
    if (!FIRST.includes(norm(header[0] ?? ''))) return null
    const values = header.flatMap((h, i) => {
      const m = VALUE.exec(h.trim())
      return m ? [{ i, key: `${FLOWS[m[1]!.toLowerCase()]}|${m[2]}` }] : []
    })
    if (values.length === 0) return null
    const title = notes.map((n) => /\b(?:exported|imported) by (.+?)(?: in \d{4}.*)?$/i.exec(n)).find(Boolean)
    const product = notes.map((n) => /^Product\s*:\s*(\S+)/i.exec(n)).find(Boolean)?.[1]
    const unit = unitFromNotes(notes) ?? { unit: 'USD', factor: 1 }
    return {
      layout: 'trade-map',
      numeric: values.map(({ i }) => i),
      facts: factsSelect(
        {
          period: `split_part(wide_key, '|', 2)`,
          reporter: title ? sqlString(title[1]!.trim()) : 'NULL',
          partner: 'partner',
          flow: `split_part(wide_key, '|', 1)`,
          product: !product || /^total$/i.test(product) ? `'TOTAL'` : sqlString(product),
          value: unit.factor === 1 ? 'v' : `v * ${unit.factor}`,
          unit: sqlString(unit.unit),
        },
        unpivot([`trim(${col(0)}) AS partner`], values),
      ),
      periodColumn: values[0]!.i,
      flow: (k) => k,
    }
  },
}
