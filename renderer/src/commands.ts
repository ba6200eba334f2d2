/**
 * The one command registry: app command id → action. The application menu (through the `command`
 * event from main), the page's own buttons and its keyboard shortcut all run commands here, so a menu
 * item and the button beside it are the same code path.
 *
 * `createCommandRegistry` is pure over its dependencies (tested with fakes); `useCommands` wires it to
 * the router and the stores inside a component.
 */
import { useRouter } from 'vue-router'
import { appCommands, isAppCommand, type AppCommand } from '@shared/commands'
import { useExplorerStore } from './stores/explorer'
import { useSettingsStore } from './stores/settings'
import { useShellStore, type Notice } from './stores/shell'

export interface CommandDeps {
  hasRoute(name: string): boolean
  navigate(name: string): Promise<unknown>
  toggleTheme(): void
  showShortcuts(): void
  /** Opens the Explorer's export dialog (chart PNG/SVG, table CSV). */
  openExport(): Promise<unknown>
  /** Opens the Save Snapshot dialog over the Explorer's current view. */
  saveSnapshot(): Promise<unknown>
  /** Opens a snapshot: the file the OS gave (by main's token for it), or the platform's Open dialog. */
  openSnapshot(file?: string): Promise<unknown>
  notify(notice: Notice): void
}

export interface CommandPayload {
  /** A snapshot the OS asked us to open (a double-click): main's token for it, never its path. */
  file?: string
}

export interface CommandRegistry {
  readonly ids: readonly AppCommand[]
  /** Can the command run now? False for Import before its page exists. */
  isAvailable(command: AppCommand): boolean
  /** Runs a command; true if it ran, false if it was unavailable (the user is told why). */
  run(command: AppCommand, payload?: CommandPayload): Promise<boolean>
  /** The entry point for the `command` event: anything not a known command is ignored. */
  runEvent(event: unknown): Promise<boolean>
}

/** The route the Import page registers (another feature); until it exists, opening a file says so. */
export const IMPORT_ROUTE = 'import'

export function createCommandRegistry(deps: CommandDeps): CommandRegistry {
  const actions: Record<AppCommand, (payload: CommandPayload) => Promise<unknown> | void> = {
    openDataFile: () => deps.navigate(IMPORT_ROUTE),
    openSnapshot: (payload) => deps.openSnapshot(payload.file),
    saveSnapshot: () => deps.saveSnapshot(),
    export: () => deps.openExport(),
    toggleTheme: () => deps.toggleTheme(),
    showShortcuts: () => deps.showShortcuts(),
    showDataSources: () => deps.navigate('datasets'),
    about: () => deps.navigate('about'),
  }

  function isAvailable(command: AppCommand): boolean {
    if (command === 'openDataFile') return deps.hasRoute(IMPORT_ROUTE)
    return true
  }

  async function run(command: AppCommand, payload: CommandPayload = {}): Promise<boolean> {
    if (!isAppCommand(command)) return false
    if (!isAvailable(command)) {
      deps.notify({ key: 'desktop.notice.noImport', params: { command } })
      return false
    }
    await actions[command](payload)
    return true
  }

  return {
    ids: appCommands,
    isAvailable,
    run,
    runEvent(event) {
      if (!event || typeof event !== 'object') return Promise.resolve(false)
      const { command, file } = event as { command?: unknown; file?: unknown }
      if (!isAppCommand(command)) return Promise.resolve(false)
      return run(command, typeof file === 'string' ? { file } : {})
    },
  }
}

/** The app's registry, for a component: commands act on the router and the stores. */
export function useCommands(): CommandRegistry {
  const router = useRouter()
  const settings = useSettingsStore()
  const shell = useShellStore()
  const explorer = useExplorerStore()
  // Snapshots (with the calculators' state and the snapshot schemas) load on first use, not before the first chart.
  const snapshots = () => import('./stores/snapshots').then((m) => m.useSnapshotsStore())
  // The Explorer's address always carries its view string (a dialog opened over it must not drop it).
  const toExplorer = () =>
    router.push({ name: 'explorer', query: Object.fromEntries(new URLSearchParams(explorer.stateString)) })
  return createCommandRegistry({
    hasRoute: (name) => router.hasRoute(name),
    navigate: (name) => router.push({ name }),
    toggleTheme: () => settings.toggleTheme(),
    showShortcuts: () => shell.showShortcuts(),
    openExport: async () => {
      await toExplorer()
      explorer.exportOpen = true
    },
    saveSnapshot: async () => {
      const store = await snapshots()
      await toExplorer()
      store.saveOpen = true
    },
    openSnapshot: async (file) => {
      const store = await snapshots()
      const opened = file ? await store.openFile(file) : await store.choose()
      if (opened) await (opened.snapshot.mirror ? router.push(store.routeOf(opened)) : toExplorer())
    },
    notify: (notice) => shell.notify(notice),
  })
}
