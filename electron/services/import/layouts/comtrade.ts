/**
 * UN Comtrade: the current Comtrade Plus CSV (`typeCode,freqCode,…,primaryValue`, 47 columns) and the
 * legacy CSV (22 columns with `Trade Value (US$)`, or the 35-column "full" variant). Values are in US
 * dollars. Reporters and partners come from the ISO columns where filled, else from the numeric codes
 * through the code list (842 = United States, 0 = World; W00 is the World in Comtrade Plus).
 */
import { col, exact, factsSelect, flowWords, isoOrCode, loose } from './common'
import type { CountryList, Layout } from './types'

/** Comtrade's own numbers: its 492 is "Europe EU, nes", not Monaco. */
const countries: CountryList = { table: 'cte_comtrade' }

export const comtradePlus: Layout = {
  id: 'comtrade-plus',
  title: 'UN Comtrade (Comtrade Plus)',
  publisher: 'United Nations Statistics Division (UN Comtrade)',
  url: 'https://comtradeplus.un.org/',
  countries,
  recognise(header, _notes, filled) {
    const c = exact(header, {
      type: 'typeCode',
      freq: 'freqCode',
      period: 'period',
      reporterCode: 'reporterCode',
      flow: 'flowCode',
      partnerCode: 'partnerCode',
      cmd: 'cmdCode',
      value: 'primaryValue',
    })
    if (!c) return null
    const iso = exact(header, { reporter: 'reporterISO', partner: 'partnerISO' })
    const classification = header.indexOf('classificationCode')
    return {
      layout: 'comtrade-plus',
      countries,
      numeric: [c.value],
      facts: factsSelect(
        {
          period: col(c.period),
          reporter: isoOrCode(iso?.reporter, c.reporterCode, filled),
          partner: isoOrCode(iso?.partner, c.partnerCode, filled),
          flow: col(c.flow),
          product: classification < 0 ? col(c.cmd) : productOf(col(c.cmd), col(classification)),
          value: col(c.value),
          unit: `'USD'`,
        },
        'src',
      ),
      periodColumn: c.period,
      flow: flowWords,
    }
  },
}

/**
 * The product key: the all-products total only where the file says so with a total code ("TOTAL"; in
 * services, EBOPS 2010's 200 and S, "Total EBOPS 2010 Services"), never from a code's length; HS codes
 * that lost their leading zero in a spreadsheet get it back (HS chapters are two digits, headings four).
 * SITC codes (S1…S4) are keyed `SITC 76`: bare, a division would pass for the HS chapter of the same
 * number (SITC 76, telecommunications equipment, is not HS 76, aluminium) and be labelled and drilled
 * as one. Computed on every row, so the usual case goes first and costs least: an HS code (or a code
 * with no classification) that is already clean (digits, an even number of them, nothing to trim) is
 * the key as written; CASE tests each later WHEN only on the rows no earlier one took (HS and EBOPS
 * never overlap). Trimming and upper-casing every code cost about 0.45 s of CPU on the 10M-row benchmark.
 */
function productOf(cmd: string, classification: string): string {
  return `CASE WHEN ${cleanEvenCode(cmd)} AND (${classification} IS NULL OR ${classification} LIKE 'H%') THEN ${cmd}
    WHEN upper(trim(${cmd})) = 'TOTAL' THEN 'TOTAL'
    WHEN ${classification} LIKE 'H%' THEN cte_hs(${cmd})
    WHEN ${classification} LIKE 'EB%' AND trim(${cmd}) IN ('200', 'S') THEN 'TOTAL'
    WHEN regexp_full_match(trim(${classification}), 'S[1-4]') THEN 'SITC ' || trim(${cmd}) ELSE trim(${cmd}) END`
}

/**
 * A code that trimming, upper-casing and cte_hs all leave as it is, in tests cheaper than theirs: it
 * starts with a digit and does not end with a space (so there is nothing to trim: a number's text is
 * ASCII, and a space is the only ASCII character trim removes), it is a number, and its length is even
 * (cte_hs pads only odd lengths).
 */
function cleanEvenCode(cmd: string): string {
  return `(${cmd} >= '0' AND ${cmd} < ':' AND strlen(${cmd}) % 2 = 0 AND NOT suffix(${cmd}, ' ') AND TRY_CAST(${cmd} AS UBIGINT) IS NOT NULL)`
}

export const comtradeLegacy: Layout = {
  id: 'comtrade-legacy',
  title: 'UN Comtrade (legacy CSV)',
  publisher: 'United Nations Statistics Division (UN Comtrade)',
  url: 'https://comtrade.un.org/',
  countries,
  recognise(header, _notes, filled) {
    // A full download has Year and Period (201701 in a monthly one); a trimmed subset may keep only Year.
    const time = loose(header, { period: ['period'] }) ?? loose(header, { period: ['year'] })
    const c = loose(header, {
      classification: ['classification'],
      flow: ['tradeflowcode'],
      reporterCode: ['reportercode'],
      partnerCode: ['partnercode'],
      commodity: ['commoditycode'],
      value: ['tradevalueus'],
    })
    if (!time || !c) return null
    const iso = loose(header, { reporter: ['reporteriso'], partner: ['partneriso'] })
    return {
      layout: 'comtrade-legacy',
      countries,
      numeric: [c.value],
      facts: factsSelect(
        {
          period: col(time.period),
          reporter: isoOrCode(iso?.reporter, c.reporterCode, filled),
          partner: isoOrCode(iso?.partner, c.partnerCode, filled),
          flow: col(c.flow),
          product: productOf(col(c.commodity), col(c.classification)),
          value: col(c.value),
          unit: `'USD'`,
        },
        'src',
      ),
      periodColumn: time.period,
      flow: flowWords,
    }
  },
}
