/**
 * The desktop flow with the shared fake Electron (menu, the OS recent list): files from the OS are remembered (ours and the OS list),
 * queued until the page has loaded, and delivered as command events; the menu follows the recent list.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDesktop } from '../../../electron/main/desktop'
import { createRecentFiles } from '../../../electron/services/recentFiles'
import { createFakeElectron } from '../../support/fakeElectron'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cte-desktop-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The snapshot service's grant, faked: one opaque token per path (the real one: services/snapshots.ts). */
const tokens = new Map<string, string>()
const tokenFor = (file: string) => {
  if (!tokens.has(file)) tokens.set(file, `g-${String(tokens.size + 1).padStart(32, '0')}`)
  return tokens.get(file)!
}

function setup(grantDataFile?: (file: string) => void) {
  const send = vi.fn()
  const focus = vi.fn()
  const electron = createFakeElectron({ userData: dir })
  const menu = electron.Menu
  const setMenu = vi.spyOn(menu, 'setApplicationMenu')
  const desktop = createDesktop({
    platform: 'linux',
    isPackaged: true,
    appName: 'China Trade Explorer',
    locale: 'en',
    menu,
    os: electron.app,
    recent: createRecentFiles({ file: path.join(dir, 'recent-files.json') }),
    send,
    focus,
    ...(grantDataFile ? { grantDataFile } : {}),
    grantSnapshotFile: async (file) => tokenFor(file),
    log: () => {},
  })
  const item = (id: string) => menu.item(id)
  const click = (id: string) => (item(id)!.click as () => void)()
  return { desktop, send, focus, os: electron.app, setMenu, item, click }
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
    expect(desktop.queued()).toEqual([
      { command: 'about' },
      { command: 'openSnapshot', file: tokenFor(snap) },
    ])
    desktop.pageReady()
    expect(send.mock.calls.map(([e]) => e)).toEqual([
      { command: 'about' },
      { command: 'openSnapshot', file: tokenFor(snap) },
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
    expect(os.recentDocuments).toEqual([a, b])
    expect(focus).toHaveBeenCalledTimes(1)
  })

  it('without an importer grant, a data file still takes the user to the Import page', async () => {
    const { desktop, send } = setup()
    desktop.pageReady()
    await desktop.open('argv', { argv: ['/opt/cte/cte', file('x.tsv')] })
    expect(send.mock.calls).toEqual([[{ command: 'openDataFile' }]])
  })

  it('a launch without files does nothing but build the menu', async () => {
    const { desktop, send, focus, setMenu } = setup()
    await desktop.refreshMenu()
    expect(await desktop.open('argv', { argv: ['/opt/cte/cte', '--no-sandbox', '.'] })).toEqual([])
    expect(send).not.toHaveBeenCalled()
    expect(focus).not.toHaveBeenCalled()
    expect(setMenu).toHaveBeenCalledTimes(1)
  })

  it('Open Recent: lists opened files, reopens one, drops one that vanished, clears', async () => {
    const { desktop, send, os, item, click } = setup()
    await desktop.refreshMenu()
    desktop.pageReady()
    const a = file('a.ctesnap')
    const b = file('b.csv')
    await desktop.open('open-file', { path: a })
    await desktop.open('open-file', { path: b })
    expect(item('recent-0')).toMatchObject({ label: 'b.csv' })
    expect(item('recent-1')).toMatchObject({ label: 'a.ctesnap' })

    send.mockClear()
    click('recent-1')
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith({ command: 'openSnapshot', file: tokenFor(a) }))
    await vi.waitFor(() => expect(item('recent-0')).toMatchObject({ label: 'a.ctesnap' }))

    rmSync(b)
    send.mockClear()
    click('recent-1') // b.csv, now gone (the list read prunes it too)
    await vi.waitFor(() => expect(item('recent-1')).toBeUndefined())
    expect(send).not.toHaveBeenCalled()

    expect(os.recentDocuments).toEqual([b, a])
    click('clearRecent')
    await vi.waitFor(() => expect(item('recent-none')).toBeDefined())
    expect(os.recentDocuments).toEqual([])
  })

  it('files opened before the app is ready update the recent list but build no menu until asked', async () => {
    const { desktop, setMenu } = setup()
    await desktop.open('open-file', { path: file('early.ctesnap') })
    expect(setMenu).not.toHaveBeenCalled()
    await desktop.refreshMenu()
    expect(setMenu).toHaveBeenCalledTimes(1)
  })

  it('a menu command click goes to the page as that command', async () => {
    const { desktop, send, click } = setup()
    await desktop.refreshMenu()
    desktop.pageReady()
    click('showDataSources')
    click('openDataFile')
    expect(send.mock.calls).toEqual([[{ command: 'showDataSources' }], [{ command: 'openDataFile' }]])
  })
})
