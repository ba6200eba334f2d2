// @vitest-environment happy-dom
/** The language setting (kept, applied to vue-i18n and <html lang>) and shortcuts handled without a menu. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '../../../renderer/src/i18n'
import { hasAppMenu, matchesAccelerator } from '../../../renderer/src/lib/shortcuts'
import { LANGUAGE_KEY, useSettingsStore } from '../../../renderer/src/stores/settings'

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('the language menu', () => {
  afterEach(() => {
    delete (window as { trade?: unknown }).trade
  })
  beforeEach(() => {
    window.localStorage.clear()
    setActivePinia(createPinia())
  })

  it('switches the UI language, keeps the choice, and sets <html lang>', () => {
    const settings = useSettingsStore()
    expect(settings.language).toBe('system')
    settings.setLanguage('zh-CN')
    expect(i18n.global.locale.value).toBe('zh-CN')
    expect(document.documentElement.getAttribute('lang')).toBe('zh-CN')
    expect(i18n.global.t('explorer.title')).toBe('数据浏览')
    expect(window.localStorage.getItem(LANGUAGE_KEY)).toBe('zh-CN')
    // A new start reads the kept choice.
    setActivePinia(createPinia())
    expect(useSettingsStore().language).toBe('zh-CN')
    useSettingsStore().setLanguage('en')
    expect(i18n.global.t('explorer.title')).toBe('Explorer')
    expect(document.documentElement.getAttribute('lang')).toBe('en')
  })

  it('tells main the language shown, at start and on each change, so the menu and dialogs follow it', async () => {
    const setLanguage = vi.fn(async () => ({ ok: true as const, data: { applied: true } }))
    ;(window as unknown as { trade: unknown }).trade = { setLanguage }
    window.localStorage.setItem(LANGUAGE_KEY, 'zh-CN')
    const settings = useSettingsStore()
    settings.setLanguage('en')
    settings.setLanguage('system')
    const system = navigator.languages.some((l) => l.startsWith('zh')) ? 'zh-CN' : 'en'
    await vi.waitFor(() => expect(setLanguage).toHaveBeenCalledTimes(3))
    expect(setLanguage.mock.calls).toEqual([
      [{ language: 'zh-CN' }],
      [{ language: 'en' }],
      [{ language: system }],
    ])
  })

  it('"follow the system" reads the OS languages; a bad stored value is ignored', () => {
    window.localStorage.setItem(LANGUAGE_KEY, 'klingon')
    const settings = useSettingsStore()
    expect(settings.language).toBe('system')
    settings.setLanguage('system')
    expect(i18n.global.locale.value).toBe(
      navigator.languages.some((l) => l.startsWith('zh')) ? 'zh-CN' : 'en',
    )
  })
})

describe('shortcuts without an app menu', () => {
  it('match Electron accelerators on each platform', () => {
    expect(matchesAccelerator('CmdOrCtrl+Shift+E', key('E', { ctrlKey: true, shiftKey: true }), false)).toBe(
      true,
    )
    expect(matchesAccelerator('CmdOrCtrl+Shift+E', key('e', { metaKey: true, shiftKey: true }), true)).toBe(
      true,
    )
    expect(matchesAccelerator('CmdOrCtrl+Shift+E', key('e', { ctrlKey: true }), false)).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+S', key('s', { ctrlKey: true, shiftKey: true }), false)).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+/', key('/', { ctrlKey: true }), false)).toBe(true)
  })

  it('are handled by the page only outside the desktop app', () => {
    expect(hasAppMenu({ userAgent: 'Mozilla/5.0 Chrome/140 Electron/42.0.0 Safari/537.36' })).toBe(true)
    expect(hasAppMenu({ userAgent: 'Mozilla/5.0 Chrome/140 Safari/537.36' })).toBe(false)
  })
})

describe('the Explorer’s two unit controls', () => {
  it('are named apart: the published data’s unit read, and how USD figures are written (both read “USD bn” by default)', () => {
    const { t, locale } = i18n.global
    const labels = (l: 'en' | 'zh-CN') => {
      locale.value = l
      return [t('explorer.unit'), t('explorer.displayUnit')]
    }
    expect(labels('en')).toEqual(['Data unit (as published)', 'Write USD figures in'])
    expect(labels('zh-CN')).toEqual(['数据单位（按公布）', '美元数字显示为'])
    locale.value = 'en'
  })
})
