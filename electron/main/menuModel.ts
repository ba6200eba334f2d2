/**
 * The application menu as plain data: what menu.ts turns into Electron's template. Pure (no Electron
 * import), so a unit test checks the structure, the shortcuts, that developer tools exist only in
 * development, and that every app command is reachable.
 *
 * App commands (`command`) are not run here: main sends them to the page, whose command registry runs
 * them exactly as the page's own buttons do (renderer/src/commands.ts). Roles are Electron's built-in
 * behaviours (copy, zoom, full screen…). Actions (`action`) are the few things only main can do: the
 * recent-files list.
 */
import path from 'node:path'
import { commandAccelerators, type AppCommand } from '../shared/commands'

/** The Electron menu roles we use. */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'appMenu'
  | 'fileMenu'
  | 'editMenu'
  | 'viewMenu'
  | 'windowMenu'
  | 'help'

export type MenuAction = 'openRecent' | 'clearRecent'

export interface MenuNode {
  /** Stable id (tests, and Electron's menu item id). */
  id: string
  label?: string
  type?: 'normal' | 'separator' | 'submenu'
  role?: MenuRole
  accelerator?: string
  enabled?: boolean
  /** An app command, sent to the page. */
  command?: AppCommand
  /** A main-process action. */
  action?: MenuAction
  /** The file of an `openRecent` item. */
  path?: string
  submenu?: MenuNode[]
}

export interface MenuModelOptions {
  platform: NodeJS.Platform
  /** Developer tools and reload exist only when the app is not packaged. */
  isPackaged: boolean
  appName: string
  /** Newest first (services/recentFiles.ts). */
  recentFiles: readonly string[]
}

const separator = (id: string): MenuNode => ({ id, type: 'separator' })

function command(id: AppCommand, label: string): MenuNode {
  const node: MenuNode = { id, label, command: id, enabled: true }
  const accelerator = commandAccelerators[id]
  if (accelerator) node.accelerator = accelerator
  return node
}

const role = (r: MenuRole, label?: string, accelerator?: string): MenuNode => ({
  id: r,
  role: r,
  ...(label ? { label } : {}),
  ...(accelerator ? { accelerator } : {}),
})

/** A recent file's menu label: its name, with its folder to tell same-named files apart. */
export function recentLabel(file: string, all: readonly string[], platform: NodeJS.Platform): string {
  const p = /^[a-z]:\\|\\\\/i.test(file) ? path.win32 : path.posix
  const base = p.basename(file)
  const clash =
    all.filter((f) => (/^[a-z]:\\|\\\\/i.test(f) ? path.win32 : path.posix).basename(f) === base).length > 1
  const label = clash ? `${base} — ${p.dirname(file)}` : base
  // `&` marks a mnemonic in Windows and Linux menus: double it there so it shows as itself.
  return platform === 'darwin' ? label : label.replace(/&/g, '&&')
}

function recentMenu(files: readonly string[], platform: NodeJS.Platform): MenuNode {
  const items: MenuNode[] = files.length
    ? files.map((file, i) => ({
        id: `recent-${i}`,
        label: recentLabel(file, files, platform),
        action: 'openRecent' as const,
        path: file,
      }))
    : [{ id: 'recent-none', label: 'No Recent Files', enabled: false }]
  return {
    id: 'recent',
    label: 'Open Recent',
    type: 'submenu',
    submenu: [
      ...items,
      separator('recent-sep'),
      { id: 'clearRecent', label: 'Clear Recent', action: 'clearRecent', enabled: files.length > 0 },
    ],
  }
}

export function buildMenuModel(opts: MenuModelOptions): MenuNode[] {
  const mac = opts.platform === 'darwin'
  const dev = !opts.isPackaged
  const model: MenuNode[] = []
  // Alt-key mnemonics (`&File`) are a Windows and Linux convention; macOS menus have none.
  const top = (label: string) => (mac ? label : `&${label}`)

  if (mac) {
    model.push({
      id: 'app',
      label: opts.appName,
      type: 'submenu',
      role: 'appMenu',
      submenu: [
        command('about', `About ${opts.appName}`),
        separator('app-sep1'),
        role('services'),
        separator('app-sep2'),
        role('hide'),
        role('hideOthers'),
        role('unhide'),
        separator('app-sep3'),
        role('quit'),
      ],
    })
  }

  model.push({
    id: 'file',
    label: top('File'),
    type: 'submenu',
    submenu: [
      command('openDataFile', 'Open Data File…'),
      command('openSnapshot', 'Open Snapshot…'),
      recentMenu(opts.recentFiles, opts.platform),
      separator('file-sep1'),
      command('saveSnapshot', 'Save Snapshot'),
      // Disabled until the export issue lands.
      command('export', 'Export…'),
      separator('file-sep2'),
      mac ? role('close') : role('quit', 'E&xit'),
    ],
  })

  model.push({
    id: 'edit',
    label: top('Edit'),
    type: 'submenu',
    submenu: [
      role('undo'),
      role('redo'),
      separator('edit-sep1'),
      role('cut'),
      role('copy'),
      role('paste'),
      ...(mac ? [role('pasteAndMatchStyle')] : []),
      role('delete'),
      separator('edit-sep2'),
      role('selectAll'),
    ],
  })

  model.push({
    id: 'view',
    label: top('View'),
    type: 'submenu',
    submenu: [
      command('toggleTheme', 'Toggle Light/Dark Theme'),
      separator('view-sep1'),
      ...(dev
        ? [role('reload'), role('forceReload'), role('toggleDevTools'), separator('view-sep-dev')]
        : []),
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      separator('view-sep2'),
      role('togglefullscreen'),
    ],
  })

  model.push({
    id: 'window',
    label: top('Window'),
    type: 'submenu',
    role: 'windowMenu',
    submenu: mac
      ? [role('minimize'), role('zoom'), separator('window-sep'), role('front')]
      : [role('minimize'), role('close')],
  })

  model.push({
    id: 'help',
    label: top('Help'),
    type: 'submenu',
    role: 'help',
    submenu: [
      command('showShortcuts', 'Keyboard Shortcuts'),
      command('showDataSources', 'Data Sources'),
      ...(mac ? [] : [separator('help-sep'), command('about', `About ${opts.appName}`)]),
    ],
  })

  return model
}

/** Every node of the model, depth first (for tests and lookups). */
export function flattenMenu(model: readonly MenuNode[]): MenuNode[] {
  return model.flatMap((node) => [node, ...flattenMenu(node.submenu ?? [])])
}
