/**
 * The chart colours that follow the light/dark theme: read from the page's CSS variables, so charts
 * and the rest of the UI never disagree. Re-read when the theme attribute or the system scheme changes.
 */
import { onBeforeUnmount, ref } from 'vue'

export interface ChartTheme {
  text: string
  muted: string
  grid: string
  surface: string
}

export function readChartTheme(root: HTMLElement = document.documentElement): ChartTheme {
  const css = getComputedStyle(root)
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback
  return {
    text: v('--text', '#1b1f24'),
    muted: v('--muted', '#5a6270'),
    grid: v('--border', '#d9dde3'),
    surface: v('--surface', '#ffffff'),
  }
}

export function useChartTheme() {
  const theme = ref<ChartTheme>(readChartTheme())
  const refresh = () => (theme.value = readChartTheme())
  const observer = new MutationObserver(refresh)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] })
  const media = window.matchMedia('(prefers-color-scheme: dark)')
  media.addEventListener('change', refresh)
  onBeforeUnmount(() => {
    observer.disconnect()
    media.removeEventListener('change', refresh)
  })
  return theme
}
