/**
 * The view a dataset opens with when the user picks it in the Explorer: its main flow (exports where
 * it has them) against the World, all products, at its finest frequency, in the unit it holds most
 * of — built from the dataset's dimensions and series list, never from a fixed list.
 */
import type { SeriesInfo } from '@shared/api'
import type { Dimensions } from '@shared/exploreApi'
import { defaultViewState, type ViewState } from '@shared/viewState'

const PREFERRED_FLOWS = ['exports', 'imports', 'balance', 'trade']

export function firstViewOf(dims: Dimensions, catalog: readonly SeriesInfo[]): ViewState {
  const base = defaultViewState()
  if (dims.bundled && dims.dataset === base.dataset) return { ...base, datasetVersion: dims.version }
  const reporters = dims.reporters.map((r) => r.code)
  const reporter = reporters.includes('china') ? 'china' : reporters[0]
  const series = catalog.filter((s) => !s.projection && (!reporter || s.reporter === reporter))
  const flows = dims.flows.map((f) => f.code)
  const flow =
    PREFERRED_FLOWS.find((f) => flows.includes(f) && series.some((s) => s.flow === f)) ??
    series[0]?.flow ??
    flows[0] ??
    'exports'
  const ofFlow = series.filter((s) => s.flow === flow)
  const frequency = (['month', 'quarter', 'year', 'ytd'] as const).find((f) =>
    ofFlow.some((s) => s.frequency === f),
  )
  const units = ofFlow.filter((s) => s.frequency === frequency).map((s) => s.unit)
  const unit = units.find((u) => u.startsWith('USD')) ?? units[0]
  const partners = dims.partners.map((p) => p.code)
  return {
    ...base,
    dataset: dims.dataset,
    datasetVersion: dims.version,
    ...(reporter && reporter !== 'china' ? { reporter } : {}),
    measure: 'level',
    frequency: frequency ?? dims.frequencies[0] ?? 'month',
    ...(unit ? { unit } : { unit: undefined }),
    flows: [flow],
    partners: [partners.includes('world') ? 'world' : (partners[0] ?? 'world')],
    products: ['all'],
    range: {},
  }
}
