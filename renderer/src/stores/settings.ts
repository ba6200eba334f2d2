import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

/**
 * User settings kept in the browser's localStorage (per app origin; nothing leaves the machine).
 * The theme: 'system' follows the OS; 'light' and 'dark' set `data-theme` on <html>, which styles.css
 * (and the chart colours, lib/chartTheme.ts) follow.
 */
export const THEMES = ['system', 'light', 'dark'] as const
export type ThemePreference = (typeof THEMES)[number]
export const THEME_KEY = 'cte.theme'

function readTheme(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(THEME_KEY)
    return (THEMES as readonly string[]).includes(stored ?? '') ? (stored as ThemePreference) : 'system'
  } catch {
    return 'system' // storage disabled or full: settings just are not remembered
  }
}

function systemPrefersDark(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null
}

export function applyTheme(preference: ThemePreference, root: HTMLElement = document.documentElement): void {
  if (preference === 'system') root.removeAttribute('data-theme')
  else root.setAttribute('data-theme', preference)
}

export const useSettingsStore = defineStore('settings', () => {
  const theme = ref<ThemePreference>(readTheme())
  const media = systemPrefersDark()
  const systemDark = ref(media?.matches ?? false)
  media?.addEventListener('change', (event) => (systemDark.value = event.matches))

  /** The theme actually shown. */
  const effectiveTheme = computed<'light' | 'dark'>(() =>
    theme.value === 'system' ? (systemDark.value ? 'dark' : 'light') : theme.value,
  )

  function setTheme(preference: ThemePreference): void {
    if (!(THEMES as readonly string[]).includes(preference)) return
    theme.value = preference
    try {
      window.localStorage.setItem(THEME_KEY, preference)
    } catch {
      // not remembered, still applied
    }
    applyTheme(preference)
  }

  /** Light ↔ dark, from whatever is shown now (the View menu's toggle). */
  function toggleTheme(): void {
    setTheme(effectiveTheme.value === 'dark' ? 'light' : 'dark')
  }

  applyTheme(theme.value)
  return { theme, effectiveTheme, setTheme, toggleTheme }
})
