/**
 * CEPII BACI (`t,i,j,k,v,q`): one row per exporter i, importer j, HS6 product k and year t. Values are
 * in thousands of US dollars (stored here in US dollars), quantities in metric tonnes. Country codes are
 * numeric (842 = United States, as in Comtrade). Product codes are text: a code that lost its leading
 * zero (R's write.csv turns 010632 into 10632) gets it back. The R re-export's quoted row-index column
 * ("") is ignored.
 */
import { col, exact, factsSelect } from './common'
import type { CountryList, Layout } from './types'

/** BACI's own country numbers (its 490 is Chinese Taipei, not Comtrade's "Other Asia, nes"). */
const countries: CountryList = { table: 'cte_baci' }

export const baci: Layout = {
  id: 'baci',
  title: 'CEPII BACI',
  publisher: 'CEPII',
  url: 'http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37',
  countries,
  recognise(header) {
    const named = header.filter((h) => h !== '')
    if (named.length !== 6 || header.length - named.length > 1 || (header.length === 7 && header[0] !== ''))
      return null
    const c = exact(header, { t: 't', i: 'i', j: 'j', k: 'k', v: 'v', q: 'q' })
    if (!c) return null
    const q = `nullif(nullif(trim(${col(c.q)}), ''), 'NA')`
    return {
      layout: 'baci',
      numeric: [c.v],
      facts: factsSelect(
        {
          period: col(c.t),
          reporter: col(c.i),
          partner: col(c.j),
          flow: `'exports'`,
          product: `CASE WHEN length(${col(c.k)}) = 6 THEN ${col(c.k)} ELSE lpad(trim(${col(c.k)}), 6, '0') END`,
          value: `${col(c.v)} * 1000`,
          unit: `'USD'`,
          quantity: `CAST(${q} AS DOUBLE)`,
          quantityUnit: `'t'`,
        },
        'src',
      ),
      periodColumn: c.t,
      countries,
      flow: (k) => k,
    }
  },
}
