/**
 * The app commands: what the application menu (main process) and the page's own buttons and keys can
 * ask the app to do. The menu sends a command to the page as a `command` event; the renderer runs every
 * command, whoever asked, through one registry (renderer/src/commands.ts). Dependency-free, so the
 * menu model, the event contract and the renderer's shortcut list all read the same table.
 */
export const appCommands = [
  'openDataFile',
  'openSnapshot',
  'saveSnapshot',
  'export',
  'toggleTheme',
  'showShortcuts',
  'showDataSources',
  'about',
] as const
export type AppCommand = (typeof appCommands)[number]

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (appCommands as readonly string[]).includes(value)
}

/** The keyboard shortcut of each command, in Electron's accelerator syntax (null: no shortcut). */
export const commandAccelerators: Readonly<Record<AppCommand, string | null>> = {
  openDataFile: 'CmdOrCtrl+O',
  openSnapshot: 'CmdOrCtrl+Shift+O',
  saveSnapshot: 'CmdOrCtrl+S',
  export: 'CmdOrCtrl+Shift+E',
  toggleTheme: 'CmdOrCtrl+Shift+L',
  showShortcuts: 'CmdOrCtrl+/',
  showDataSources: null,
  about: null,
}

/** The file extension of a snapshot (a saved view), registered with the OS by the installers. */
export const SNAPSHOT_EXTENSION = '.ctesnap'
