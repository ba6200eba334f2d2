import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { call } from '../api/client'
import { i18n, initialLocale, type Locale } from '../i18n'

/**
 * User settings kept in the browser's localStorage (per app origin; nothing leaves the machine).
 * The theme: 'system' follows the OS; 'light' and 'dark' set `data-theme` on <html>, which styles.css
 * (and the chart colours, lib/chartTheme.ts) follow.
 */
export const THEMES = ['system', 'light', 'dark'] as const
/** The language: 'system' follows the OS (navigator.languages); the others are fixed choices. */
export const LANGUAGES = ['system', 'en', 'zh-CN'] as const
export type LanguagePreference = (typeof LANGUAGES)[number]
export const LANGUAGE_KEY = 'cte.language'
export type ThemePreference = (typeof THEMES)[number]
export const THEME_KEY = 'cte.theme'

function readChoice<T extends string>(key: string, allowed: readonly T[]): T | 'system' {
  try {
    const stored = window.localStorage.getItem(key)
    return (allowed as readonly string[]).includes(stored ?? '') ? (stored as T) : 'system'
  } catch {
    return 'system' // storage disabled or full: settings just are not remembered
  }
}

function remember(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value)
  } catch {
    // not remembered, still applied
  }
}

/** Shows the UI in a language: vue-i18n's locale and <html lang> (screen readers, fonts, hyphenation). */
export function applyLanguage(
  preference: LanguagePreference,
  root: HTMLElement = document.documentElement,
): Locale {
  const locale = preference === 'system' ? initialLocale() : preference
  i18n.global.locale.value = locale
  root.setAttribute('lang', locale)
  return locale
}

/**
 * Tells main the language shown, so that the menu and main's dialogs follow it (`setLanguage`). Not
 * told, they stay in the OS's language: worth a line in the log, not a message to the user.
 */
function tellMain(locale: Locale): void {
  void call('setLanguage', { language: locale }).catch((error: unknown) =>
    console.warn('[settings] the menu keeps its language: main was not told the page’s', error),
  )
}

function systemPrefersDark(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null
}

export function applyTheme(preference: ThemePreference, root: HTMLElement = document.documentElement): void {
  if (preference === 'system') root.removeAttribute('data-theme')
  else root.setAttribute('data-theme', preference)
}

export const useSettingsStore = defineStore('settings', () => {
  const theme = ref<ThemePreference>(readChoice(THEME_KEY, THEMES))
  const language = ref<LanguagePreference>(readChoice(LANGUAGE_KEY, LANGUAGES))
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
    remember(THEME_KEY, preference)
    applyTheme(preference)
  }

  function setLanguage(preference: LanguagePreference): void {
    if (!(LANGUAGES as readonly string[]).includes(preference)) return
    language.value = preference
    remember(LANGUAGE_KEY, preference)
    tellMain(applyLanguage(preference))
  }

  /** Light ↔ dark, from whatever is shown now (the View menu's toggle). */
  function toggleTheme(): void {
    setTheme(effectiveTheme.value === 'dark' ? 'light' : 'dark')
  }

  applyTheme(theme.value)
  tellMain(applyLanguage(language.value))
  return { theme, effectiveTheme, setTheme, toggleTheme, language, setLanguage }
})
