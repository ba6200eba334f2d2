/** The layout registry: the first recogniser that accepts the header wins; order matters (specific first). */
import { baci } from './baci'
import { NONE_FILLED, type Filled } from './common'
import { comtradeLegacy, comtradePlus } from './comtrade'
import { genericLong } from './generic'
import { imfDots, imfImts } from './imf'
import type { Layout, LayoutId, LayoutInfo, Plan } from './types'
import { wdi } from './wdi'
import { wto, wtoReport } from './wto'
import { tradeMap } from './tradeMap'
import { eurostatComext, sdmxCsv } from './sdmx'
import { eurostatWide } from './eurostatWide'
import { widePeriods } from './widePeriods'

export const LAYOUTS: readonly Layout[] = [
  comtradePlus,
  comtradeLegacy,
  baci,
  imfDots,
  wdi,
  imfImts,
  wto,
  wtoReport,
  tradeMap,
  eurostatComext,
  sdmxCsv,
  eurostatWide,
  genericLong,
  widePeriods,
]

export function recognise(
  header: readonly string[],
  notes: readonly string[] = [],
  filled: Filled = NONE_FILLED,
): Plan | null {
  for (const layout of LAYOUTS) {
    const plan = layout.recognise(header, notes, filled)
    if (plan) return plan
  }
  return null
}

const MAPPED: LayoutInfo = { id: 'mapped', title: 'Column mapping', publisher: '', url: '' }

export function layoutInfo(id: LayoutId): LayoutInfo {
  const found = LAYOUTS.find((l) => l.id === id) ?? MAPPED
  return { id: found.id, title: found.title, publisher: found.publisher, url: found.url }
}

export type { Layout, LayoutId, LayoutInfo, Plan } from './types'
export { filledColumns, NONE_FILLED, type Filled } from './common'
export { guessMapping, lacksPeriods, periodColumnOf, planFor } from './generic'
