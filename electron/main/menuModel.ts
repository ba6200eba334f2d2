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
import { say, type Said } from '../shared/messages'
import type { DesktopMessageId } from '../shared/desktopMessages'
import { word, type MainLocale } from './wording'

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
  /** The language of every label (wording.ts). */
  locale: MainLocale
}

const separator = (id: string): MenuNode => ({ id, type: 'separator' })

/**
 * The label of each role item: Electron's own labels for roles are English on Windows and Linux, so
 * every role we show gets ours. (Roles that are whole menus get the menu's label where they are used.)
 */
const ROLE_LABELS: Partial<Record<MenuRole, DesktopMessageId>> = {
  services: 'menuServices',
  hideOthers: 'menuHideOthers',
  unhide: 'menuUnhide',
  close: 'menuClose',
  undo: 'menuUndo',
  redo: 'menuRedo',
  cut: 'menuCut',
  copy: 'menuCopy',
  paste: 'menuPaste',
  pasteAndMatchStyle: 'menuPasteAndMatchStyle',
  delete: 'menuDelete',
  selectAll: 'menuSelectAll',
  reload: 'menuReload',
  forceReload: 'menuForceReload',
  toggleDevTools: 'menuToggleDevTools',
  resetZoom: 'menuResetZoom',
  zoomIn: 'menuZoomIn',
  zoomOut: 'menuZoomOut',
  togglefullscreen: 'menuFullScreen',
  minimize: 'menuMinimize',
  zoom: 'menuZoom',
  front: 'menuFront',
}

/**
 * `&` before the access key, for the Alt-key mnemonics of Windows and Linux menus: before the key's
 * letter where the label has it (`&File`, `E&xit`), else after the label as Chinese menus write it
 * (`文件(&F)`).
 */
export function withMnemonic(label: string, key: string): string {
  const at = label.toLowerCase().indexOf(key.toLowerCase())
  return at >= 0 ? `${label.slice(0, at)}&${label.slice(at)}` : `${label}(&${key.toUpperCase()})`
}

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

function recentMenu(
  files: readonly string[],
  platform: NodeJS.Platform,
  text: (said: Said) => string,
): MenuNode {
  const items: MenuNode[] = files.length
    ? files.map((file, i) => ({
        id: `recent-${i}`,
        label: recentLabel(file, files, platform),
        action: 'openRecent' as const,
        path: file,
      }))
    : [{ id: 'recent-none', label: text(say('menuNoRecent')), enabled: false }]
  return {
    id: 'recent',
    label: text(say('menuOpenRecent')),
    type: 'submenu',
    submenu: [
      ...items,
      separator('recent-sep'),
      {
        id: 'clearRecent',
        label: text(say('menuClearRecent')),
        action: 'clearRecent',
        enabled: files.length > 0,
      },
    ],
  }
}

export function buildMenuModel(opts: MenuModelOptions): MenuNode[] {
  const mac = opts.platform === 'darwin'
  const dev = !opts.isPackaged
  const model: MenuNode[] = []
  const text = (said: Said) => word(said, opts.locale)
  const app = opts.appName
  // Alt-key mnemonics (`&File`) are a Windows and Linux convention; macOS menus have none.
  const top = (id: DesktopMessageId, key: string) => (mac ? text({ id }) : withMnemonic(text({ id }), key))
  const command = (id: AppCommand, label: Said): MenuNode => {
    const node: MenuNode = { id, label: text(label), command: id, enabled: true }
    const accelerator = commandAccelerators[id]
    if (accelerator) node.accelerator = accelerator
    return node
  }
  const role = (r: MenuRole, label?: string): MenuNode => {
    const id = ROLE_LABELS[r]
    return { id: r, role: r, ...(label ? { label } : id ? { label: text({ id }) } : {}) }
  }

  if (mac) {
    model.push({
      id: 'app',
      label: app,
      type: 'submenu',
      role: 'appMenu',
      submenu: [
        command('about', say('menuAbout', { app })),
        separator('app-sep1'),
        role('services'),
        separator('app-sep2'),
        role('hide', text(say('menuHide', { app }))),
        role('hideOthers'),
        role('unhide'),
        separator('app-sep3'),
        role('quit', text(say('menuQuit', { app }))),
      ],
    })
  }

  model.push({
    id: 'file',
    label: top('menuFile', 'f'),
    type: 'submenu',
    submenu: [
      command('openDataFile', say('menuOpenDataFile')),
      command('openSnapshot', say('menuOpenSnapshot')),
      recentMenu(opts.recentFiles, opts.platform, text),
      separator('file-sep1'),
      command('saveSnapshot', say('menuSaveSnapshot')),
      // Disabled until the export issue lands.
      command('export', say('menuExport')),
      separator('file-sep2'),
      mac ? role('close') : role('quit', withMnemonic(text(say('menuExit')), 'x')),
    ],
  })

  model.push({
    id: 'edit',
    label: top('menuEdit', 'e'),
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
    label: top('menuView', 'v'),
    type: 'submenu',
    submenu: [
      command('toggleTheme', say('menuToggleTheme')),
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
    label: top('menuWindow', 'w'),
    type: 'submenu',
    role: 'windowMenu',
    submenu: mac
      ? [role('minimize'), role('zoom'), separator('window-sep'), role('front')]
      : [role('minimize'), role('close')],
  })

  model.push({
    id: 'help',
    label: top('menuHelp', 'h'),
    type: 'submenu',
    role: 'help',
    submenu: [
      command('showShortcuts', say('menuShortcuts')),
      command('showDataSources', say('menuDataSources')),
      ...(mac ? [] : [separator('help-sep'), command('about', say('menuAbout', { app }))]),
    ],
  })

  return model
}

/** Every node of the model, depth first (for tests and lookups). */
export function flattenMenu(model: readonly MenuNode[]): MenuNode[] {
  return model.flatMap((node) => [node, ...flattenMenu(node.submenu ?? [])])
}
