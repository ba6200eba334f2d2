// @vitest-environment happy-dom
/**
 * Reopening snapshots while other things are still on their way: whatever order the answers arrive
 * in, the Explorer ends up showing the snapshot (or view) asked for last, whole — its view, its
 * calculators and the current snapshot — never a mix of two. The fake bridge answers through the
 * contract's result schemas; the answers held back are released by the test, in the order a slow
 * main process (or a large dataset's dimensions) could give them.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { defaultCalculatorState } from '@shared/calculatorState'
import { encodeViewState } from '@shared/viewState'
import type { OpenedSnapshot, Snapshot } from '@shared/snapshot'
import { useCalculatorsStore } from '../../../renderer/src/stores/calculators'
import { useExplorerStore } from '../../../renderer/src/stores/explorer'
import { useSnapshotsStore } from '../../../renderer/src/stores/snapshots'
import { answer, installBridge } from '../../support/fakeBridge'
import { validSnapshot } from '../shared/workspaceFixtures'

/** A promise the test resolves when it chooses. */
function held<T>() {
  let release!: (value: T) => void
  const promise = new Promise<T>((resolve) => (release = resolve))
  return { promise, release }
}

const opened = (id: string, snapshot: Snapshot): OpenedSnapshot => ({
  id,
  snapshot,
  data: [],
  migratedFrom: null,
})
/** Snapshot A: exports, with the full-year calculator set to 2019. Snapshot B: imports, no calculators. */
function snapshotA(): Snapshot {
  const calculators = defaultCalculatorState()
  calculators.fullYear.year = 2019
  return validSnapshot({ title: 'A', notes: [], calculators })
}
const snapshotB = (): Snapshot => {
  const b = validSnapshot({ title: 'B', notes: [] })
  return { ...b, view: { ...b.view, flows: ['imports'] } }
}
const shown = (s: Snapshot) => {
  const { datasetVersion: _v, ...view } = s.view
  return encodeViewState(view)
}

let openAnswers: Record<string, Promise<unknown>>
let dimensions: Promise<unknown> | null

const notFound = (method: string) =>
  Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `No ${method} here.` } })

beforeEach(() => {
  setActivePinia(createPinia())
  openAnswers = {}
  dimensions = null
  const bridge = {
    openSnapshot: ({ id }: { id: string }) => openAnswers[id]!.then((o) => answer('openSnapshot', o)),
    listSeries: () => answer('listSeries', { items: [], next: null, total: 0 }),
    listDatasets: () => answer('listDatasets', { datasets: [], problems: [] }),
    getObservations: () => answer('getObservations', []),
    getDimensions: ({ dataset }: { dataset: string }) =>
      dataset === 'imported-file' && dimensions
        ? dimensions.then((d) => answer('getDimensions', d))
        : notFound('getDimensions'),
  }
  // Anything else this test does not need (series, notes…) is not found, as for a dataset without it.
  installBridge(
    new Proxy(bridge, {
      get: (target, method: string) =>
        (target as Record<string, unknown>)[method] ?? (() => notFound(method)),
    }),
  )
})

describe('reopening snapshots while other answers are on their way', () => {
  it('two opened in quick succession: the later wins whole, even when the earlier answer arrives last', async () => {
    const a = held<OpenedSnapshot>()
    const b = held<OpenedSnapshot>()
    openAnswers = { 's-aaaa': a.promise, 's-bbbb': b.promise }
    const snapshots = useSnapshotsStore()
    const first = snapshots.open('s-aaaa')
    const second = snapshots.open('s-bbbb')
    b.release(opened('s-bbbb', snapshotB()))
    expect(await second).not.toBeNull()
    a.release(opened('s-aaaa', snapshotA()))
    expect(await first).toBeNull()
    expect(useExplorerStore().stateString).toBe(shown(snapshotB()))
    expect(snapshots.current?.id).toBe('s-bbbb')
    // A's calculators did not come in behind B's view.
    expect(useCalculatorsStore().state.fullYear.year).toBe(defaultCalculatorState().fullYear.year)
  })

  it('two opened in quick succession, answered in order: the later one is shown, with none of the earlier’s calculators', async () => {
    openAnswers = {
      's-aaaa': Promise.resolve(opened('s-aaaa', snapshotA())),
      's-bbbb': Promise.resolve(opened('s-bbbb', snapshotB())),
    }
    const snapshots = useSnapshotsStore()
    const [first, second] = await Promise.all([snapshots.open('s-aaaa'), snapshots.open('s-bbbb')])
    expect(second?.id).toBe('s-bbbb')
    expect(first).toBeNull()
    expect(useExplorerStore().stateString).toBe(shown(snapshotB()))
    expect(snapshots.current?.id).toBe('s-bbbb')
    expect(useCalculatorsStore().state.fullYear.year).toBe(defaultCalculatorState().fullYear.year)
  })

  it('one opened alone is shown with its calculators', async () => {
    openAnswers = { 's-aaaa': Promise.resolve(opened('s-aaaa', snapshotA())) }
    expect((await useSnapshotsStore().open('s-aaaa'))?.id).toBe('s-aaaa')
    expect(useExplorerStore().stateString).toBe(shown(snapshotA()))
    expect(useCalculatorsStore().state.fullYear.year).toBe(2019)
  })

  it('reopened while another dataset’s view is still loading its dimensions: the snapshot stays shown', async () => {
    const dims = held<unknown>()
    dimensions = dims.promise
    const explorer = useExplorerStore()
    const switching = explorer.switchDataset('imported-file')
    openAnswers = { 's-bbbb': Promise.resolve(opened('s-bbbb', snapshotB())) }
    expect((await useSnapshotsStore().open('s-bbbb'))?.id).toBe('s-bbbb')
    dims.release({
      dataset: 'imported-file',
      version: '1 (imported 2026-12-01)',
      bundled: false,
      sha256: 'ab'.repeat(32),
      fileName: 'TradeData.csv',
      reporters: [{ code: 'china', label: 'China' }],
      flows: [{ code: 'exports', label: 'exports' }],
      partners: [{ code: 'world', label: 'World' }],
      products: [{ code: 'all', label: 'All products', level: 0 }],
      frequencies: ['year'],
      measures: ['level'],
      units: ['USD'],
      productLevels: [],
      coverage: { from: '2020', to: '2022' },
    })
    await switching
    expect(explorer.stateString).toBe(shown(snapshotB()))
  })
})
