/** Opening an imported dataset in the Explorer: its first view and its controls, from its own dimensions. */
import { describe, expect, it } from 'vitest'
import type { SeriesInfo } from '../../../electron/shared/api'
import type { Dimensions } from '../../../electron/shared/exploreApi'
import { ViewState } from '../../../electron/shared/viewStateSchema'
import { firstViewOf } from '../../../renderer/src/lib/datasetView'
import { options } from '../../../renderer/src/lib/viewRules'

const info = (reporter: string, flow: string, frequency: 'month' | 'year', unit = 'USD'): SeriesInfo => ({
  series: `${flow}_${reporter}_world`,
  label: `${reporter} ${flow}`,
  reporter,
  flow,
  partner: 'world',
  product: 'all',
  measure: 'level',
  unit,
  frequency,
  observations: 12,
  firstPeriod: '2023-01',
  lastPeriod: '2024-12',
  projection: false,
})

const dims = (over: Partial<Dimensions> = {}): Dimensions => ({
  dataset: 'us-census-2024',
  version: '2',
  bundled: false,
  sha256: 'a'.repeat(64),
  fileName: 'census.csv',
  reporters: [{ code: 'us', label: 'United States', iso3: 'USA' }],
  flows: [
    { code: 'imports', label: 'imports' },
    { code: 'exports', label: 'exports' },
  ],
  partners: [
    { code: 'world', label: 'World', iso3: 'WLD' },
    { code: 'china', label: 'China', iso3: 'CHN' },
  ],
  products: [
    { code: 'all', label: 'All products', level: 0 },
    { code: 'hs85', label: 'HS 85 Electrical machinery', level: 2, parent: 'hs_s16' },
  ],
  frequencies: ['month', 'year'],
  measures: ['level'],
  units: ['USD'],
  productLevels: [2],
  coverage: { from: '2023-01', to: '2024-12' },
  ...over,
})

describe('firstViewOf', () => {
  it('opens an imported file at its exports against the World, by its own reporter, in its unit and version', () => {
    const view = firstViewOf(dims(), [info('us', 'imports', 'month'), info('us', 'exports', 'month')])
    expect(ViewState.safeParse(view).success).toBe(true)
    expect(view).toMatchObject({
      dataset: 'us-census-2024',
      datasetVersion: '2',
      reporter: 'us',
      flows: ['exports'],
      partners: ['world'],
      products: ['all'],
      frequency: 'month',
      unit: 'USD',
      transform: 'none',
      measure: 'level',
    })
  })

  it('falls back to what the file has: annual imports only', () => {
    const view = firstViewOf(
      dims({ flows: [{ code: 'imports', label: 'imports' }], frequencies: ['year'] }),
      [info('us', 'imports', 'year', 'USD thousand')],
    )
    expect(view).toMatchObject({ flows: ['imports'], frequency: 'year', unit: 'USD thousand' })
  })

  it('leaves the reporter out for China (the default reporter)', () => {
    const view = firstViewOf(dims({ reporters: [{ code: 'china', label: 'China', iso3: 'CHN' }] }), [
      info('china', 'exports', 'month'),
    ])
    expect(view.reporter).toBeUndefined()
  })
})

describe('options for an imported dataset', () => {
  it('offers the file’s partners and products (from its dimensions) and the flows of the chosen reporter', () => {
    const catalog = [info('us', 'imports', 'month'), info('china', 'exports', 'month')]
    const view = { ...firstViewOf(dims(), catalog), flows: ['imports'] }
    const offered = options(view, catalog, dims())
    expect(offered.partners).toEqual(['world', 'china'])
    expect(offered.products).toEqual(['all', 'hs85'])
    expect(offered.reporters).toEqual(['us'])
    expect(offered.flows).toEqual(['imports'])
    expect(offered.units).toEqual(['USD'])
  })

  it('ignores the dimensions of another dataset (the controls never mix two files)', () => {
    const catalog = [info('china', 'exports', 'month')]
    const view = {
      ...firstViewOf(dims(), catalog),
      dataset: 'other-file',
      reporter: undefined,
      flows: ['exports'],
    }
    expect(options(view, catalog, dims()).partners).toEqual(['world'])
  })
})
