// @vitest-environment happy-dom
/**
 * The one command registry, and the shell that feeds it: a menu command (the `command` event), a
 * toolbar button and the `?` key all run the same registry entry.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRouter, createMemoryHistory } from 'vue-router'
import { appCommands, type AppCommand } from '@shared/commands'
import { createCommandRegistry, IMPORT_ROUTE, type CommandDeps } from '../../../renderer/src/commands'
import AppCommands from '../../../renderer/src/components/layout/AppCommands.vue'
import { i18n } from '../../../renderer/src/i18n'
import { formatAccelerator, isMacPlatform, isTypingTarget } from '../../../renderer/src/lib/shortcuts'
import { THEME_KEY, useSettingsStore } from '../../../renderer/src/stores/settings'
import { useShellStore } from '../../../renderer/src/stores/shell'
import { useSnapshotsStore } from '../../../renderer/src/stores/snapshots'

function fakeDeps(routes: string[] = ['datasets', 'about']) {
  return {
    hasRoute: vi.fn((name: string) => routes.includes(name)),
    navigate: vi.fn(async (_name: string) => undefined),
    toggleTheme: vi.fn(),
    showShortcuts: vi.fn(),
    openExport: vi.fn(async () => undefined),
    saveSnapshot: vi.fn(async () => undefined),
    openSnapshot: vi.fn(async (_file?: string) => undefined),
    notify: vi.fn(),
  } satisfies CommandDeps
}

describe('command registry', () => {
  it('knows every app command', () => {
    expect(createCommandRegistry(fakeDeps()).ids).toEqual(appCommands)
  })

  it.each<[AppCommand, (d: ReturnType<typeof fakeDeps>) => unknown]>([
    ['toggleTheme', (d) => expect(d.toggleTheme).toHaveBeenCalledTimes(1)],
    ['showShortcuts', (d) => expect(d.showShortcuts).toHaveBeenCalledTimes(1)],
    ['showDataSources', (d) => expect(d.navigate).toHaveBeenCalledWith('datasets')],
    ['about', (d) => expect(d.navigate).toHaveBeenCalledWith('about')],
    ['export', (d) => expect(d.openExport).toHaveBeenCalledTimes(1)],
    ['saveSnapshot', (d) => expect(d.saveSnapshot).toHaveBeenCalledTimes(1)],
    ['openSnapshot', (d) => expect(d.openSnapshot).toHaveBeenCalledWith(undefined)],
  ])('%s runs its action', async (command, check) => {
    const deps = fakeDeps()
    expect(await createCommandRegistry(deps).run(command)).toBe(true)
    check(deps)
    expect(deps.notify).not.toHaveBeenCalled()
  })

  it('openDataFile goes to the Import page once it exists, and says it is not there before', async () => {
    const without = fakeDeps()
    expect(await createCommandRegistry(without).run('openDataFile')).toBe(false)
    expect(without.navigate).not.toHaveBeenCalled()
    expect(without.notify).toHaveBeenCalledWith({
      key: 'desktop.notice.noImport',
      params: { command: 'openDataFile' },
    })
    const withImport = fakeDeps(['datasets', 'about', IMPORT_ROUTE])
    expect(await createCommandRegistry(withImport).run('openDataFile')).toBe(true)
    expect(withImport.navigate).toHaveBeenCalledWith(IMPORT_ROUTE)
  })

  it('every command but Import (which needs its page) is available', () => {
    const registry = createCommandRegistry(fakeDeps())
    for (const command of appCommands.filter((c) => c !== 'openDataFile'))
      expect(registry.isAvailable(command)).toBe(true)
  })

  it('a snapshot the OS opened is opened by the token main granted it under (the menu and the OS share one action)', async () => {
    const deps = fakeDeps()
    const file = `g-${'ab'.repeat(16)}`
    expect(await createCommandRegistry(deps).runEvent({ command: 'openSnapshot', file })).toBe(true)
    expect(deps.openSnapshot).toHaveBeenCalledWith(file)
    expect(deps.notify).not.toHaveBeenCalled()
  })

  it.each([
    null,
    undefined,
    'about',
    42,
    {},
    { command: 'rm -rf' },
    { command: '__proto__' },
    { command: 'toString' },
  ])('ignores a malformed event %j', async (event) => {
    const deps = fakeDeps()
    expect(await createCommandRegistry(deps).runEvent(event)).toBe(false)
    for (const fn of Object.values(deps)) expect(fn).not.toHaveBeenCalled()
  })
})

describe('shortcut formatting', () => {
  it.each([
    ['CmdOrCtrl+Shift+E', true, '⌘⇧E'],
    ['CmdOrCtrl+Shift+E', false, 'Ctrl+Shift+E'],
    ['CmdOrCtrl+O', false, 'Ctrl+O'],
    ['CmdOrCtrl+/', true, '⌘/'],
    ['Alt+F4', false, 'Alt+F4'],
  ])('%s (mac %s) → %s', (accelerator, mac, shown) => expect(formatAccelerator(accelerator, mac)).toBe(shown))
  it('detects a Mac', () => {
    expect(isMacPlatform({ platform: 'MacIntel', userAgent: '' })).toBe(true)
    expect(isMacPlatform({ platform: 'Win32', userAgent: 'Windows NT' })).toBe(false)
  })
  it('knows when the user is typing', () => {
    const input = document.createElement('input')
    expect(isTypingTarget(input)).toBe(true)
    expect(isTypingTarget(document.body)).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })
})

describe('settings: theme', () => {
  beforeEach(() => {
    localStorage.clear()
    document.documentElement.removeAttribute('data-theme')
    setActivePinia(createPinia())
  })

  it('defaults to the system theme (no data-theme), persists a choice and applies it', () => {
    const settings = useSettingsStore()
    expect(settings.theme).toBe('system')
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false)
    settings.setTheme('dark')
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark')
    expect(localStorage.getItem(THEME_KEY)).toBe('dark')
    settings.setTheme('system')
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false)
  })

  it('toggles from what is shown, and restores the stored choice on start', () => {
    localStorage.setItem(THEME_KEY, 'dark')
    const settings = useSettingsStore()
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark')
    settings.toggleTheme()
    expect(settings.theme).toBe('light')
    settings.toggleTheme()
    expect(settings.theme).toBe('dark')
  })

  it('ignores a hostile stored value', () => {
    localStorage.setItem(THEME_KEY, '"><script>')
    expect(useSettingsStore().theme).toBe('system')
    useSettingsStore().setTheme('purple' as never)
    expect(useSettingsStore().theme).toBe('system')
  })
})

describe('AppCommands: menu event, button and key share the registry', () => {
  let emitCommand: ((payload: unknown) => void) | undefined
  const unsubscribe = vi.fn()

  beforeEach(() => {
    localStorage.clear()
    document.documentElement.removeAttribute('data-theme')
    emitCommand = undefined
    ;(window as unknown as { trade: unknown }).trade = {
      onCommand: (listener: (payload: unknown) => void) => {
        emitCommand = listener
        return unsubscribe
      },
      // The settings store tells main the page's language as the app starts.
      setLanguage: async () => ({ ok: true, data: { applied: true } }),
    }
  })
  afterEach(() => {
    delete (window as unknown as { trade?: unknown }).trade
  })

  async function mountShell() {
    const Stub = { template: '<div />' }
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', name: 'overview', component: Stub },
        { path: '/datasets', name: 'datasets', component: Stub },
        { path: '/about', name: 'about', component: Stub },
        { path: '/explorer', name: 'explorer', component: Stub },
      ],
    })
    await router.push('/')
    const pinia = createPinia()
    const wrapper = mount(AppCommands, {
      global: { plugins: [pinia, router, i18n] },
      attachTo: document.body,
    })
    setActivePinia(pinia)
    return { wrapper, router }
  }

  it('the About menu command and the About button both navigate to About', async () => {
    const { wrapper, router } = await mountShell()
    emitCommand!({ command: 'about' })
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('about')
    await router.push('/')
    await wrapper.get('[data-test="about"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('about')
    wrapper.unmount()
    expect(unsubscribe).toHaveBeenCalled()
  })

  it("theme: the menu command and the header's theme menu change the same setting, and the menu shows it", async () => {
    const { wrapper } = await mountShell()
    const before = useSettingsStore().effectiveTheme
    emitCommand!({ command: 'toggleTheme' })
    await flushPromises()
    const after = useSettingsStore().effectiveTheme
    expect(after).not.toBe(before)
    expect(document.documentElement.getAttribute('data-theme')).toBe(after)
    const select = wrapper.get<HTMLSelectElement>('[data-test="theme-select"]')
    expect(select.element.value).toBe(after)
    await select.setValue(before)
    expect(document.documentElement.getAttribute('data-theme')).toBe(before)
    // One theme control in the header: the menu, not a second button beside it.
    expect(wrapper.find('[data-test="toggle-theme"]').exists()).toBe(false)
    await select.setValue('system')
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false)
    wrapper.unmount()
  })

  it('shortcuts: `?` opens the overlay (not while typing), Escape closes it; the menu command opens it too', async () => {
    const { wrapper } = await mountShell()
    const input = document.createElement('input')
    document.body.appendChild(input)
    input.dispatchEvent(new KeyboardEvent('keydown', { key: '?', bubbles: true }))
    await flushPromises()
    expect(wrapper.find('[data-test="shortcuts"]').exists()).toBe(false)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '?' }))
    await flushPromises()
    expect(wrapper.find('[data-test="shortcuts"]').exists()).toBe(true)
    expect(wrapper.get('[data-command="openDataFile"]').text()).toMatch(/Ctrl\+O|⌘O/)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    await flushPromises()
    expect(wrapper.find('[data-test="shortcuts"]').exists()).toBe(false)
    emitCommand!({ command: 'showShortcuts' })
    await flushPromises()
    expect(useShellStore().shortcutsOpen).toBe(true)
    input.remove()
    wrapper.unmount()
  })

  it('Save Snapshot from the menu goes to the Explorer and opens its Save Snapshot dialog (no "not available" notice)', async () => {
    const { wrapper, router } = await mountShell()
    emitCommand!({ command: 'saveSnapshot' })
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('explorer')
    expect(useSnapshotsStore().saveOpen).toBe(true)
    expect(wrapper.find('[data-test="notice"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
