import { defineStore } from 'pinia'
import { ref } from 'vue'

/** A short message for the user from a command (e.g. "not available yet"), shown by AppCommands. */
export interface Notice {
  key: string
  params?: Record<string, string>
}

/** The app shell's transient UI: the keyboard-shortcuts overlay and the command notice. */
export const useShellStore = defineStore('shell', () => {
  const shortcutsOpen = ref(false)
  const notice = ref<Notice | null>(null)
  return {
    shortcutsOpen,
    notice,
    showShortcuts: () => void (shortcutsOpen.value = true),
    hideShortcuts: () => void (shortcutsOpen.value = false),
    notify: (next: Notice) => void (notice.value = next),
    dismissNotice: () => void (notice.value = null),
  }
})
