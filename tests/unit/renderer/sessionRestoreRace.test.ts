// @vitest-environment happy-dom
/**
 * The last session's view is read after the Explorer has started (its first chart goes first), so it
 * can answer after the user has already chosen a view. Whatever was chosen since the page began wins;
 * the session's view is shown only when nothing was. The fake bridge answers through the contract's
 * result schemas; the session's answer is held back and released by the test, as a slow machine
 * delivers it.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { SESSION_FORMAT } from '@shared/notes'
import { encodeViewState } from '@shared/viewState'
import WorkspaceKeeper from '../../../renderer/src/components/notes/WorkspaceKeeper.vue'
import { PRESETS } from '../../../renderer/src/lib/presets'
import { useExplorerStore } from '../../../renderer/src/stores/explorer'
import { answer, installBridge } from '../../support/fakeBridge'
import { T0 } from '../shared/workspaceFixtures'

let releaseSession!: () => void
/** The keeper as mounted by `start`. */
let keeper: ReturnType<typeof mount>

const notFound = (method: string) =>
  Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `No ${method} here.` } })

beforeEach(() => {
  setActivePinia(createPinia())
  const session = new Promise<void>((resolve) => (releaseSession = resolve))
  const bridge = {
    // The previous session ended on the world-share view.
    loadSession: () =>
      session.then(() =>
        answer('loadSession', {
          session: { format: SESSION_FORMAT, formatVersion: 1, savedAt: T0, view: PRESETS.worldShare },
          notices: [],
        }),
      ),
    listSeries: () => answer('listSeries', { items: [], next: null, total: 0 }),
  }
  // Anything else (series, notes…) is not found, as for a dataset without it.
  installBridge(
    new Proxy(bridge, {
      get: (target, method: string) =>
        (target as Record<string, unknown>)[method] ?? (() => notFound(method)),
    }),
  )
})

/** The app at start on the Explorer (no view in the address), the session still on its way. */
async function start(): Promise<ReturnType<typeof useExplorerStore>> {
  const page = defineComponent({ render: () => null })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/explorer', name: 'explorer', component: page }],
  })
  await router.push('/explorer')
  keeper = mount(WorkspaceKeeper, { global: { plugins: [router] } })
  await flushPromises()
  return useExplorerStore()
}

const shown = (explorer: ReturnType<typeof useExplorerStore>) => explorer.stateString

describe('the last session answering after the Explorer has started', () => {
  it('shows the last session’s view when nothing was chosen before it answered', async () => {
    const explorer = await start()
    expect(shown(explorer)).toBe(encodeViewState(PRESETS.headline))
    releaseSession()
    await flushPromises()
    expect(shown(explorer)).toBe(encodeViewState(PRESETS.worldShare))
  })

  it('keeps a ready-made view picked before it answered, even the one already shown', async () => {
    const explorer = await start()
    explorer.applyPreset('headline')
    releaseSession()
    await flushPromises()
    expect(shown(explorer)).toBe(encodeViewState(PRESETS.headline))
  })

  it('keeps the view the user went back to: a choice undone is still a choice', async () => {
    const explorer = await start()
    explorer.applyPreset('soybeans')
    explorer.undo()
    releaseSession()
    await flushPromises()
    expect(shown(explorer)).toBe(encodeViewState(PRESETS.headline))
    expect(explorer.future).toHaveLength(1)
  })

  it('says on the page when the session is read, and only once its view is the one shown', async () => {
    const explorer = await start()
    const state = () => keeper.find('[data-test="session"]').attributes('data-session')
    expect(state()).toBe('reading')
    releaseSession()
    await flushPromises()
    expect(state()).toBe('read')
    expect(shown(explorer)).toBe(encodeViewState(PRESETS.worldShare))
  })
})
