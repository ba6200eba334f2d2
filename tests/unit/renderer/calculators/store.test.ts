// @vitest-environment happy-dom
/**
 * The calculators' store over a fake bridge serving a small hand-made dataset: it loads, derives the
 * outputs, keeps scenarios, and exports a state that is valid JSON carrying inputs, user assumptions,
 * outputs and scenarios.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Series, SeriesPoint, SeriesQuery } from '@shared/api'
import { parseCalculatorState } from '@shared/calculatorState'
import { fail } from '@shared/errors'
import { say } from '@shared/say'
import { useCalculatorsStore } from '../../../../renderer/src/stores/calculators'
import { answer, installBridge } from '../../../support/fakeBridge'

const point = (
  period: string,
  value: number,
  status: 'published' | 'projection' = 'published',
): SeriesPoint => {
  const [a, b] = period.split('..')
  const start = /^\d{4}$/.test(a!) ? `${a}-01` : a!
  const end = b ?? (/^\d{4}$/.test(a!) ? `${a}-12` : a!)
  return {
    period,
    periodStart: start,
    periodEnd: end,
    value,
    status,
    note: '',
    sourceId: 'src1',
    alternatives: 0,
  }
}
const source = {
  id: 'src1',
  title: 'A release',
  publisher: 'AP',
  published: '2025-12-08',
  url: 'https://example.org/a',
}
const series = (name: string, points: SeriesPoint[]): Series => ({
  dataset: 'china-trade',
  series: name,
  label: name,
  unit: 'USD bn',
  frequency: 'month',
  points,
  sources: [source],
})

/** The catalog's entry for the dataset, as the main process describes a bundled package. */
const dataset = {
  id: 'china-trade',
  title: 'China trade',
  description: 'A small hand-made dataset for this test.',
  version: '1.0.0',
  bundled: true,
  licenses: [{ name: 'CC-BY-4.0' }],
  sources: [{ title: 'A release' }],
  coverage: { from: '2023', to: '2030' },
  resources: [{ name: 'observations', title: 'Observations', description: 'Every value', rows: 9 }],
  observations: 9,
  sourceCount: 1,
}

function lookup(q: SeriesQuery): Series | null {
  const f = q.frequency ?? 'month'
  if (q.measure === 'share')
    return q.series
      ? series(q.series, [point('2030', 16.5, 'projection')])
      : series('share', [point('2023', 14.2)])
  if (q.partner && q.partner !== 'world')
    return q.partner === 'us' ? series('exports_to_us_usd_annual', [point('2024', 525)]) : null
  if (q.flow === 'exports' && f === 'month') return series('exports_usd', [point('2024-12', 336)])
  if (q.flow === 'imports' && f === 'month') return series('imports_usd', [])
  if (q.flow === 'balance' && f === 'month') return series('trade_balance_usd', [point('2024-12', 104.84)])
  if (q.flow === 'balance' && f === 'ytd')
    return series('trade_balance_usd_ytd', [point('2025-01..2025-11', 1080)])
  if (q.flow === 'balance' && f === 'year') return series('trade_balance_usd_annual', [point('2024', 992.16)])
  if (q.flow === 'exports' && f === 'year') return series('exports_usd_annual', [point('2024', 3580)])
  return null
}

beforeEach(() => {
  setActivePinia(createPinia())
  // Every answer is parsed with the contract's result schema, as the real main process's are.
  installBridge({
    listDatasets: () => answer('listDatasets', { datasets: [dataset], problems: [] }),
    // The one partner with an annual export level in this dataset, as the real catalog lists it.
    listSeries: () =>
      answer('listSeries', {
        items: [
          {
            series: 'exports_to_us_usd_annual',
            label: 'Exports to the US',
            reporter: 'china',
            flow: 'exports',
            partner: 'us',
            product: 'all',
            measure: 'level',
            unit: 'USD bn',
            frequency: 'year',
            observations: 1,
            firstPeriod: '2024',
            lastPeriod: '2024',
            projection: false,
          },
        ],
        next: null,
        total: 1,
      }),
    // Every point here has a single reading (alternatives 0), so the loader never asks for others.
    getObservations: () => answer('getObservations', []),
    getSeries: (q: SeriesQuery) => {
      const s = lookup(q)
      // As the query service refuses a choice it holds no series for.
      const none = say('noSeriesForChoice', {
        frequency: q.frequency ?? 'month',
        measure: q.measure ?? 'level',
        flow: q.flow,
      })
      return s ? answer('getSeries', s) : Promise.resolve(fail('NOT_FOUND', none))
    },
  })
})

describe('calculators store', () => {
  it('loads the data and derives every calculator’s outputs', async () => {
    const store = useCalculatorsStore()
    await store.load()
    expect(store.error).toBeNull()
    expect(store.models.fullYear?.result?.total).toBeCloseTo(1184.84, 10)
    expect(store.models.fullYear?.vsRecord).toBeCloseTo(192.68, 10)
    expect(store.models.partnerMix?.result?.totalGrowth).toBe(0)
    expect(store.models.worldShare?.horizonShare).toBeCloseTo(14.2, 12)
    expect(store.sources.src1?.url).toBe('https://example.org/a')
  })

  it('scenarios: save (with outputs), rename, duplicate, delete, load back, presets ticked for comparison', async () => {
    const store = useCalculatorsStore()
    await store.load()
    store.state.fullYear.balanceGrowthPct = 10
    const high = store.saveScenario('High')
    expect(high.outputs.totalUsdBn).toBeCloseTo(1080 + 104.84 * 1.1, 10)
    store.state.fullYear.balanceGrowthPct = -10
    const low = store.saveScenario('High')
    expect(low.name).toBe('High (2)')
    expect(store.renameScenario(low.id, 'high')).toEqual({ ok: false, reason: 'name taken' })
    expect(store.renameScenario(low.id, 'Low').ok).toBe(true)
    const copy = store.duplicate(high.id, 'copy')!
    expect(store.scenariosOf('fullYear').map((s) => s.name)).toEqual(['High', 'High (copy)', 'Low'])
    store.toggleCompare(copy.id, true)
    store.remove(copy.id)
    expect(store.state.compare).toEqual([])
    store.applyScenario(high.id)
    expect(store.state.fullYear.balanceGrowthPct).toBe(10)
    // Editing the inputs afterwards leaves the saved scenario alone.
    store.state.fullYear.balanceGrowthPct = 0
    expect(store.state.scenarios.find((s) => s.id === high.id)!.inputs).toMatchObject({
      balanceGrowthPct: 10,
    })

    const made = store.createPresets('worldShare', { base: 'Base', high: 'High', low: 'Low' })
    expect(made.map((s) => s.name)).toEqual(['Base', 'High', 'Low']) // names are unique per calculator
    expect(store.state.compare).toEqual(made.map((s) => s.id))
    expect(made.map((s) => (s.inputs as { chinaGrowthPct: number }).chinaGrowthPct)).toEqual([0, 1, -1])
  })

  it('exports a valid JSON state with inputs, labelled user figures, outputs and scenarios; a bad state is refused whole', async () => {
    const store = useCalculatorsStore()
    await store.load()
    store.state.fullYear.methods['2024-12'] = 'levels'
    store.setOverride('fullYear', 'imports:2024-12', 231, 'USD bn', 'my estimate')
    store.saveScenario('Mine')
    const exported = store.exportState()
    expect(exported.fullYear.overrides).toEqual([
      { kind: 'user-assumption', target: 'imports:2024-12', value: 231, unit: 'USD bn', note: 'my estimate' },
    ])
    expect(exported.outputs?.fullYear?.totalUsdBn).toBeCloseTo(1080 + 336 - 231, 10)
    const json = JSON.parse(JSON.stringify(exported))
    expect(parseCalculatorState(json)).toEqual({ ok: true, state: exported })

    const other = useCalculatorsStore()
    const refused = other.importState({ ...json, version: 9 })
    expect(refused.ok).toBe(false)
    expect(other.state.scenarios).toHaveLength(1) // unchanged (same store instance)
    setActivePinia(createPinia())
    const fresh = useCalculatorsStore()
    expect(fresh.importState(json).ok).toBe(true)
    expect(fresh.state.scenarios.map((s) => s.name)).toEqual(['Mine'])
  })

  it('removing a user figure takes it out of the state', async () => {
    const store = useCalculatorsStore()
    store.setOverride('partnerMix', 'partner:eu', 516, 'USD bn')
    store.setOverrideNote('partnerMix', 'partner:eu', 'from a ministry release')
    expect(store.state.partnerMix.overrides[0]).toMatchObject({
      value: 516,
      note: 'from a ministry release',
      kind: 'user-assumption',
    })
    store.setOverride('partnerMix', 'partner:eu', null, 'USD bn')
    expect(store.state.partnerMix.overrides).toEqual([])
  })
})
