/**
 * The ready-made views a user lands on: each one a complete view state, so choosing one is the same
 * as pasting its state string. They tell the November 2025 story: the rebound to +5.9% after
 * October's −1.1%, the cumulative surplus past $1 trillion, the US streak of double-digit falls.
 */
import { defaultViewState, type ViewState } from '@shared/viewState'
import type { StreakRule } from './streaks'

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

/** The streak rules ready-made views declare (streaks.ts): computed bands, each labelled with its rule. */
export const PRESET_STREAKS: Partial<Record<PresetId, readonly StreakRule[]>> = {
  // The US streak of double-digit falls: 3 or more straight months of exports to the US down 10% y/y or more.
  partnersYoy: [
    { series: { partner: 'us' }, measure: 'yoy', direction: 'atOrBelow', threshold: -10, minLength: 3 },
  ],
}

/** Every declared rule: it holds wherever its series and measure are shown, not only in its own view. */
export const STREAK_RULES: readonly StreakRule[] = Object.values(PRESET_STREAKS).flat()
