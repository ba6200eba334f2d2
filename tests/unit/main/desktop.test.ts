/**
 * The desktop flow with fakes for Electron: files from the OS are remembered (ours and the OS list),
 * queued until the page has loaded, and delivered as command events; the menu follows the recent list.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDesktop } from '../../../electron/main/desktop'
import { createRecentFiles } from '../../../electron/services/recentFiles'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cte-desktop-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function setup(grantDataFile?: (file: string) => void) {
  const menus: any[][] = []
  const send = vi.fn()
  const focus = vi.fn()
  const os = { addRecentDocument: vi.fn(), clearRecentDocuments: vi.fn() }
  const desktop = createDesktop({
    platform: 'linux',
    isPackaged: true,
    appName: 'China Trade Explorer',
    menu: {
      buildFromTemplate: vi.fn((t: any[]) => t as never),
      setApplicationMenu: vi.fn((m: unknown) => void menus.push(m as any[])),
    },
    os,
    recent: createRecentFiles({ file: path.join(dir, 'recent-files.json') }),
    send,
    focus,
    ...(grantDataFile ? { grantDataFile } : {}),
    log: () => {},
  })
  const item = (id: string): any => {
    const walk = (items: any[]): any =>
      items.flatMap((i) => [i, ...(i.submenu ? [walk(i.submenu)].flat() : [])])
    return walk(menus.at(-1) ?? []).find((i: any) => i?.id === id)
  }
  return { desktop, send, focus, os, menus, item }
}

const file = (name: string) => {
  const p = path.join(dir, name)
  writeFileSync(p, 'x')
  return p
}

describe('desktop', () => {
  it('queues commands until the page is ready, then delivers them in order', async () => {
    const { desktop, send } = setup()
    const snap = file('a.ctesnap')
    desktop.command('about')
    await desktop.open('open-file', { path: snap })
    expect(send).not.toHaveBeenCalled()
    expect(desktop.queued()).toEqual([{ command: 'about' }, { command: 'openSnapshot', path: snap }])
    desktop.pageReady()
    expect(send.mock.calls.map(([e]) => e)).toEqual([
      { command: 'about' },
      { command: 'openSnapshot', path: snap },
    ])
    expect(desktop.queued()).toEqual([])
    desktop.command('toggleTheme')
    expect(send).toHaveBeenLastCalledWith({ command: 'toggleTheme' })
    desktop.pageGone()
    desktop.command('showShortcuts')
    expect(send).toHaveBeenCalledTimes(3)
  })

  it('data files go through the importer grant, then one openDataFile command', async () => {
    const grant = vi.fn()
    const { desktop, send, focus, os } = setup(grant)
    desktop.pageReady()
    const a = file('a.csv')
    const b = file('b.parquet')
    expect(
      await desktop.open('second-instance', {
        argv: ['/opt/cte/cte', '--flag', a, b],
        workingDirectory: dir,
      }),
    ).toEqual([a, b])
    expect(grant.mock.calls).toEqual([[a], [b]])
    expect(send.mock.calls).toEqual([[{ command: 'openDataFile' }]])
    expect(os.addRecentDocument.mock.calls).toEqual([[a], [b]])
    expect(focus).toHaveBeenCalledTimes(1)
  })

  it('without an importer grant, a data file still takes the user to the Import page', async () => {
    const { desktop, send } = setup()
    desktop.pageReady()
    await desktop.open('argv', { argv: ['/opt/cte/cte', file('x.tsv')] })
    expect(send.mock.calls).toEqual([[{ command: 'openDataFile' }]])
  })

  it('a launch without files does nothing but build the menu', async () => {
    const { desktop, send, focus, menus } = setup()
    await desktop.refreshMenu()
    expect(await desktop.open('argv', { argv: ['/opt/cte/cte', '--no-sandbox', '.'] })).toEqual([])
    expect(send).not.toHaveBeenCalled()
    expect(focus).not.toHaveBeenCalled()
    expect(menus).toHaveLength(1)
  })

  it('Open Recent: lists opened files, reopens one, drops one that vanished, clears', async () => {
    const { desktop, send, os, item } = setup()
    await desktop.refreshMenu()
    desktop.pageReady()
    const a = file('a.ctesnap')
    const b = file('b.csv')
    await desktop.open('open-file', { path: a })
    await desktop.open('open-file', { path: b })
    expect(item('recent-0')).toMatchObject({ label: 'b.csv' })
    expect(item('recent-1')).toMatchObject({ label: 'a.ctesnap' })

    send.mockClear()
    item('recent-1').click()
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith({ command: 'openSnapshot', path: a }))
    await vi.waitFor(() => expect(item('recent-0')).toMatchObject({ label: 'a.ctesnap' }))

    rmSync(b)
    send.mockClear()
    item('recent-1').click() // b.csv, now gone (the list read prunes it too)
    await vi.waitFor(() => expect(item('recent-1')).toBeUndefined())
    expect(send).not.toHaveBeenCalled()

    item('clearRecent').click()
    await vi.waitFor(() => expect(os.clearRecentDocuments).toHaveBeenCalled())
    await vi.waitFor(() => expect(item('recent-none')).toBeDefined())
  })

  it('files opened before the app is ready update the recent list but build no menu until asked', async () => {
    const { desktop, menus } = setup()
    await desktop.open('open-file', { path: file('early.ctesnap') })
    expect(menus).toHaveLength(0)
    await desktop.refreshMenu()
    expect(menus).toHaveLength(1)
  })

  it('a menu command click goes to the page as that command', async () => {
    const { desktop, send, item } = setup()
    await desktop.refreshMenu()
    desktop.pageReady()
    item('showDataSources').click()
    item('openDataFile').click()
    expect(send.mock.calls).toEqual([[{ command: 'showDataSources' }], [{ command: 'openDataFile' }]])
  })
})
