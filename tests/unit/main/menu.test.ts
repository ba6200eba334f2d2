/**
 * The application menu: structure, shortcuts, developer tools only in development, app commands
 * that are enabled, the recent-files submenu, and that every app command maps to its handler.
 */
import { describe, expect, it, vi } from 'vitest'
import { installApplicationMenu, toTemplate, type MenuHandlers } from '../../../electron/main/menu'
import { buildMenuModel, flattenMenu, recentLabel, type MenuNode } from '../../../electron/main/menuModel'
import { appCommands, commandAccelerators } from '../../../electron/shared/commands'
import { FakeMenu } from '../../support/fakeElectron'

const platforms = ['darwin', 'win32', 'linux'] as const
const model = (platform: NodeJS.Platform, isPackaged = true, recentFiles: string[] = []) =>
  buildMenuModel({ platform, isPackaged, appName: 'China Trade Explorer', recentFiles, locale: 'en' })
const byId = (nodes: MenuNode[], id: string) => flattenMenu(nodes).find((n) => n.id === id)
const topLabels = (nodes: MenuNode[]) => nodes.map((n) => n.label)

describe('menu model', () => {
  it('has the usual menus on each platform', () => {
    expect(topLabels(model('darwin'))).toEqual([
      'China Trade Explorer',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ])
    expect(topLabels(model('win32'))).toEqual(['&File', '&Edit', '&View', '&Window', '&Help'])
    expect(topLabels(model('linux'))).toEqual(['&File', '&Edit', '&View', '&Window', '&Help'])
  })

  it.each(platforms)(
    '%s: File has open data file, open snapshot, recent, save snapshot, export',
    (platform) => {
      const file = model(platform)[platform === 'darwin' ? 1 : 0]!
      const ids = file.submenu!.filter((n) => n.type !== 'separator').map((n) => n.id)
      expect(ids).toEqual([
        'openDataFile',
        'openSnapshot',
        'recent',
        'saveSnapshot',
        'export',
        platform === 'darwin' ? 'close' : 'quit',
      ])
    },
  )

  it.each(platforms)('%s: every app command is in the menu exactly once', (platform) => {
    const commands = flattenMenu(model(platform)).flatMap((n) => (n.command ? [n.command] : []))
    expect([...commands].sort()).toEqual([...appCommands].sort())
  })

  it.each(platforms)('%s: the shortcuts are the usual ones and no two items share one', (platform) => {
    const nodes = flattenMenu(model(platform, false))
    expect(byId(nodes, 'openDataFile')?.accelerator).toBe('CmdOrCtrl+O')
    expect(byId(nodes, 'openSnapshot')?.accelerator).toBe('CmdOrCtrl+Shift+O')
    expect(byId(nodes, 'saveSnapshot')?.accelerator).toBe('CmdOrCtrl+S')
    expect(byId(nodes, 'export')?.accelerator).toBe('CmdOrCtrl+Shift+E')
    expect(byId(nodes, 'toggleTheme')?.accelerator).toBe('CmdOrCtrl+Shift+L')
    expect(byId(nodes, 'showShortcuts')?.accelerator).toBe('CmdOrCtrl+/')
    const accelerators = nodes.flatMap((n) => (n.accelerator ? [n.accelerator.toLowerCase()] : []))
    expect(new Set(accelerators).size).toBe(accelerators.length)
    // Our shortcuts must not shadow the ones Electron's roles bring (copy, paste, zoom, reload…).
    const roleDefaults = [
      'cmdorctrl+c',
      'cmdorctrl+v',
      'cmdorctrl+x',
      'cmdorctrl+z',
      'cmdorctrl+a',
      'cmdorctrl+r',
      'cmdorctrl+0',
      'cmdorctrl+plus',
      'cmdorctrl+-',
      'cmdorctrl+w',
      'cmdorctrl+q',
      'cmdorctrl+m',
      'alt+cmdorctrl+i',
      'f11',
    ]
    for (const a of Object.values(commandAccelerators))
      if (a) expect(roleDefaults).not.toContain(a.toLowerCase())
  })

  it.each(platforms)('%s: developer tools and reload only when not packaged', (platform) => {
    const packaged = flattenMenu(model(platform, true)).map((n) => n.role)
    expect(packaged).not.toContain('toggleDevTools')
    expect(packaged).not.toContain('reload')
    expect(packaged).not.toContain('forceReload')
    const dev = flattenMenu(model(platform, false)).map((n) => n.role)
    expect(dev).toEqual(expect.arrayContaining(['toggleDevTools', 'reload', 'forceReload']))
  })

  it('View has theme, zoom and full screen; Edit has the clipboard roles', () => {
    const nodes = flattenMenu(model('linux'))
    expect(nodes.map((n) => n.role)).toEqual(
      expect.arrayContaining([
        'resetZoom',
        'zoomIn',
        'zoomOut',
        'togglefullscreen',
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'minimize',
      ]),
    )
    expect(byId(nodes, 'toggleTheme')).toMatchObject({ command: 'toggleTheme', enabled: true })
  })

  it('Help has shortcuts, data sources and about (macOS: about is in the app menu)', () => {
    const help = (nodes: MenuNode[]) =>
      nodes.find((n) => n.id === 'help')!.submenu!.flatMap((n) => (n.command ? [n.command] : []))
    expect(help(model('win32'))).toEqual(['showShortcuts', 'showDataSources', 'about'])
    expect(help(model('darwin'))).toEqual(['showShortcuts', 'showDataSources'])
    expect(model('darwin')[0]!.submenu![0]).toMatchObject({
      command: 'about',
      label: 'About China Trade Explorer',
    })
  })

  it('every app command in the menu is enabled', () => {
    const commands = flattenMenu(model('linux')).filter((n) => n.command)
    expect(commands.length).toBeGreaterThan(0)
    for (const node of commands) expect(node.enabled, node.id).toBe(true)
    expect(byId(model('linux'), 'openSnapshot')).toMatchObject({ enabled: true })
    expect(byId(model('linux'), 'saveSnapshot')).toMatchObject({ enabled: true })
    expect(byId(model('linux'), 'export')).toMatchObject({ enabled: true })
  })

  it('Open Recent lists the files newest first, with Clear Recent; empty shows a disabled placeholder', () => {
    const files = ['/home/ana/trade/exports.csv', '/home/ana/a & b.ctesnap']
    const recent = byId(model('linux', true, files), 'recent')!
    expect(recent.submenu!.map((n) => [n.id, n.label, n.path, n.enabled])).toEqual([
      ['recent-0', 'exports.csv', files[0], undefined],
      ['recent-1', 'a && b.ctesnap', files[1], undefined],
      ['recent-sep', undefined, undefined, undefined],
      ['clearRecent', 'Clear Recent', undefined, true],
    ])
    const empty = byId(model('linux'), 'recent')!
    expect(empty.submenu!.map((n) => [n.id, n.enabled])).toEqual([
      ['recent-none', false],
      ['recent-sep', undefined],
      ['clearRecent', false],
    ])
  })

  it('recent labels tell same-named files apart by folder', () => {
    const files = ['/a/exports.csv', '/b/exports.csv', 'C:\\Users\\x\\data.csv']
    expect(recentLabel(files[0]!, files, 'linux')).toBe('exports.csv — /a')
    expect(recentLabel(files[2]!, files, 'win32')).toBe('data.csv')
    expect(recentLabel('/x/R&D.csv', [], 'darwin')).toBe('R&D.csv')
  })

  it('ids are unique', () => {
    for (const platform of platforms) {
      const ids = flattenMenu(model(platform, false, ['/a.csv', '/b.csv'])).map((n) => n.id)
      expect(new Set(ids).size).toBe(ids.length)
    }
  })
})

describe('menu template', () => {
  const handlers = () => ({
    command: vi.fn<MenuHandlers['command']>(),
    openRecent: vi.fn<MenuHandlers['openRecent']>(),
    clearRecent: vi.fn<MenuHandlers['clearRecent']>(),
  })
  const flatTemplate = (items: any[]): any[] => items.flatMap((i) => [i, ...flatTemplate(i.submenu ?? [])])

  it('maps every app command item to the command handler with its id', () => {
    const h = handlers()
    const items = flatTemplate(toTemplate(model('win32', true, ['/a.csv']), h))
    for (const command of appCommands) {
      const item = items.find((i) => i.id === command)
      expect(item?.click, command).toBeTypeOf('function')
      item.click()
      expect(h.command).toHaveBeenLastCalledWith(command)
    }
    expect(h.command).toHaveBeenCalledTimes(appCommands.length)
  })

  it('recent items open their file; Clear Recent clears; roles have no click of ours', () => {
    const h = handlers()
    const items = flatTemplate(toTemplate(model('linux', true, ['/a.csv', '/b.ctesnap']), h))
    items.find((i) => i.id === 'recent-1').click()
    expect(h.openRecent).toHaveBeenCalledWith('/b.ctesnap')
    items.find((i) => i.id === 'clearRecent').click()
    expect(h.clearRecent).toHaveBeenCalledTimes(1)
    for (const item of items.filter((i) => i.role)) expect(item.click).toBeUndefined()
    expect(items.find((i) => i.id === 'openSnapshot')).toMatchObject({
      enabled: true,
      accelerator: 'CmdOrCtrl+Shift+O',
    })
  })

  it('installs the built menu as the application menu', () => {
    const menu = new FakeMenu()
    const h = handlers()
    installApplicationMenu(menu, model('darwin'), h)
    expect(menu.item('openDataFile')).toMatchObject({ label: 'Open Data File…' })
    ;(menu.item('openDataFile')!.click as () => void)()
    expect(h.command).toHaveBeenCalledWith('openDataFile')
  })
})
