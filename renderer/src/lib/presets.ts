/**
 * The ready-made views a user lands on: each one a complete view state, so choosing one is the same
 * as pasting its state string. They tell the November 2025 story: the rebound to +5.9% after
 * October's −1.1%, the cumulative surplus past $1 trillion, the US streak of double-digit falls.
 */
import { defaultViewState, type ViewState } from '@shared/viewState'

export const PRESET_IDS = [
  'headline',
  'headlineYoy',
  'cumulativeSurplus',
  'partnersYoy',
  'partnersLevel',
  'rareEarths',
  'soybeans',
  'worldShare',
] as const
export type PresetId = (typeof PRESET_IDS)[number]

const base = defaultViewState()

export const PRESETS: Record<PresetId, ViewState> = {
  headline: base,
  headlineYoy: {
    ...base,
    flows: ['exports', 'imports'],
    transform: 'yoy',
    chart: 'bar',
    range: { from: '2023-01' },
  },
  // Ends with 2025, the year of the "surplus past $1 trillion" headline; widen the range for later years.
  cumulativeSurplus: {
    ...base,
    flows: ['balance'],
    transform: 'ytd',
    chart: 'ytdByYear',
    range: { from: '2021-01', to: '2025-12' },
  },
  partnersYoy: {
    ...base,
    flows: ['exports'],
    // Sources report ASEAN and "Southeast Asia" separately (Reuters vs Bloomberg wording): both are shown.
    partners: ['us', 'eu', 'asean', 'southeast_asia', 'africa', 'latin_america'],
    measure: 'yoy',
    unit: '% y/y',
    range: { from: '2024-01' },
  },
  partnersLevel: {
    ...base,
    flows: ['exports'],
    partners: ['us', 'eu', 'asean', 'africa', 'latin_america'],
    frequency: 'year',
    chart: 'bar',
    range: { from: '2018' },
  },
  rareEarths: {
    ...base,
    flows: ['exports'],
    products: ['rare_earths'],
    unit: 'tonnes',
    chart: 'bar',
    range: { from: '2022-01' },
  },
  soybeans: {
    ...base,
    flows: ['imports'],
    products: ['soybeans'],
    unit: 'million tonnes',
    chart: 'bar',
    range: { from: '2023-01' },
  },
  worldShare: { ...base, flows: ['exports'], measure: 'share', frequency: 'year', unit: '%', range: {} },
}
