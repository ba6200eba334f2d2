// @vitest-environment happy-dom
/**
 * The Explorer asks for a view's series in one getSeriesBatch call, answered by the real dispatch and
 * handler registry over the bundled package (no fake data): what it shows must be exactly what
 * getSeries answers for each series, with published rates beside their levels, and a series the
 * dataset lacks shown as that series' "no data" while the others are drawn.
 */
import { join } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { defaultViewState, type ViewState } from '@shared/viewState'
import { dispatch } from '../../../electron/dispatch'
import { createHandlers, type Handlers } from '../../../electron/handlers'
import { openServices, type Services } from '../../../electron/services'
import { methods } from '../../../electron/shared/methods'
import { PRESETS } from '../../../renderer/src/lib/presets'
import { useDimensionsStore } from '../../../renderer/src/stores/dimensions'
import { useExplorerStore } from '../../../renderer/src/stores/explorer'
import { i18n } from '../../../renderer/src/i18n'
import { buildChartModel } from '../../../renderer/src/lib/chartModel'
import { numbersOf } from '../../../renderer/src/lib/snapshotModel'
import { installBridge } from '../../support/fakeBridge'
import { inChinese } from '../../support/refusalWording'

// happy-dom gives import.meta.url an http: URL; the repository's data folder is found from this file's own folder.
const dataDir = join(import.meta.dirname, '..', '..', '..', 'data')
let services: Services
let handlers: Handlers
/** Every call the page made, with its arguments as they crossed (JSON, as over the web transport). */
let calls: { method: string; args: Record<string, unknown> }[]

beforeAll(async () => {
  services = await openServices({ dataDir })
  handlers = createHandlers(services)
})
afterAll(() => services.close())

beforeEach(() => {
  setActivePinia(createPinia())
  calls = []
  installBridge(
    Object.fromEntries(
      methods.map((method) => [
        method,
        (args: unknown) => {
          const crossed = JSON.parse(JSON.stringify(args ?? {})) as Record<string, unknown>
          calls.push({ method, args: crossed })
          return dispatch(handlers, method, crossed)
        },
      ]),
    ),
  )
})

const series = async (query: Record<string, unknown>) => {
  const answer = await dispatch(handlers, 'getSeries', query)
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.data
}

async function show(view: ViewState) {
  const explorer = useExplorerStore()
  expect(explorer.apply(view)).toBeNull()
  await explorer.load()
  expect(explorer.error).toBeNull()
  // The dimensions the store asks for once the series are here: answered before the services close.
  await useDimensionsStore().load(view.dataset)
  return explorer
}

describe("the Explorer's series in one call", () => {
  it("asks for the default view's three series in one batch and shows exactly what getSeries answers", async () => {
    const explorer = await show({ ...defaultViewState(), range: { from: '2019-01' } })
    const batches = calls.filter((c) => c.method === 'getSeriesBatch')
    expect(batches).toHaveLength(1)
    expect(calls.filter((c) => c.method === 'getSeries')).toEqual([])
    const queries = batches[0]!.args.queries as Record<string, unknown>[]
    expect(queries.map((q) => q.flow)).toEqual(['exports', 'imports', 'balance'])
    expect(explorer.fetched.map((f) => f.selection.flow)).toEqual(['exports', 'imports', 'balance'])
    for (const [i, f] of explorer.fetched.entries()) {
      expect(f.series).toEqual(await series(queries[i]!))
      expect(f.series!.points.length).toBeGreaterThan(60)
      expect(f.published).toBeNull()
    }
  })

  it('asks for the published y/y rates in the same batch, beside their levels', async () => {
    const explorer = await show(structuredClone(PRESETS.headlineYoy))
    const batches = calls.filter((c) => c.method === 'getSeriesBatch')
    expect(batches).toHaveLength(1)
    const queries = batches[0]!.args.queries as Record<string, unknown>[]
    expect(queries.map((q) => `${q.flow} ${q.measure}`)).toEqual([
      'exports level',
      'exports yoy',
      'imports level',
      'imports yoy',
    ])
    for (const f of explorer.fetched) {
      expect(f.published).toEqual(
        await series({ dataset: 'china-trade', flow: f.selection.flow, measure: 'yoy' }),
      )
      // November 2025 as published: exports +5.9% y/y, imports +1.9%.
      const nov = f.published!.points.find((p) => p.period === '2025-11')?.value
      expect(nov).toBe(f.selection.flow === 'exports' ? 5.9 : 1.9)
    }
  })

  it("shows a series the dataset lacks as that series' no data, and draws the others", async () => {
    const explorer = await show({
      ...defaultViewState(),
      flows: ['exports'],
      // Rare earths are published in tonnes only: there is no series of them in US dollars.
      products: ['all', 'rare_earths'],
    })
    const [all, rareEarths] = explorer.fetched
    expect(all!.series!.points.length).toBeGreaterThan(60)
    expect(all!.error).toBeUndefined()
    expect(rareEarths!.series).toBeNull()
    const refused = await dispatch(handlers, 'getSeries', {
      dataset: 'china-trade',
      flow: 'exports',
      product: 'rare_earths',
      unit: 'USD bn',
    })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(rareEarths!.error).toBe(refused.error.message)
  })

  it("keeps a lacking series' reason in the page's language, never the services' English", async () => {
    i18n.global.locale.value = 'zh-CN'
    try {
      const explorer = await show({
        ...defaultViewState(),
        flows: ['exports'],
        products: ['all', 'rare_earths'],
      })
      const refused = await dispatch(handlers, 'getSeries', {
        dataset: 'china-trade',
        flow: 'exports',
        product: 'rare_earths',
        unit: 'USD bn',
      })
      if (refused.ok) throw new Error('rare earths in US dollars were answered')
      const reason = explorer.fetched[1]!.error!
      expect(reason).toBe(inChinese(refused.error.said))
      expect(reason).not.toBe(refused.error.message)
      // What a snapshot of this view keeps: the reason as shown.
      const model = buildChartModel(explorer.loadedView, explorer.fetched, (s) => s.key)
      expect(numbersOf(model).series[1]?.missing).toBe(reason)
      // A series with none on the chosen basis: the WTO publishes no rare-earth series.
      const wto = await show({
        ...defaultViewState(),
        frequency: 'year',
        basis: 'wto',
        flows: ['exports'],
        products: ['all', 'rare_earths'],
      })
      expect(wto.fetched.map((f) => f.error)).toEqual([
        undefined,
        '本数据集中没有世贸组织（WTO）口径的序列。',
      ])
    } finally {
      i18n.global.locale.value = 'en'
    }
  })
})
