/** Dropped files reach the importer only from our own main frame, and only as a short list of paths. */
import { describe, expect, it, vi } from 'vitest'
import { handleDrop, MAX_DROPPED_FILES, registerDropFiles } from '../../../electron/main/dropFiles'
import { DROP_CHANNEL } from '../../../electron/shared/methods'
import { FakeFrame, FakeIpcMain, invokeEvent } from '../../support/fakeElectron'

const frame = (url: string, isMain = true) =>
  invokeEvent(new FakeFrame(url, isMain ? null : new FakeFrame('app://trade/index.html')))

describe('dropped files', () => {
  it('registers exactly the drop channel, answers through it, and can remove it', async () => {
    const ipcMain = new FakeIpcMain()
    const grant = vi.fn(async () => undefined)
    const remove = registerDropFiles(ipcMain, grant)
    expect(ipcMain.channels()).toEqual([DROP_CHANNEL])
    expect(await ipcMain.invoke(DROP_CHANNEL, frame('app://trade/index.html'), ['/data/a.csv'])).toBe(1)
    expect(grant).toHaveBeenCalledWith('/data/a.csv')
    remove()
    expect(ipcMain.channels()).toEqual([])
    await expect(
      ipcMain.invoke(DROP_CHANNEL, frame('app://trade/index.html'), ['/data/a.csv']),
    ).rejects.toThrow(/No handler registered/)
  })

  it.each([
    ['a foreign page', frame('https://evil.example/'), [['/data/a.csv']]],
    ['a subframe of ours', frame('app://trade/index.html', false), [['/data/a.csv']]],
    ['no frame', invokeEvent(null), [['/data/a.csv']]],
    ['not a list', frame('app://trade/index.html'), ['/data/a.csv']],
    ['two arguments', frame('app://trade/index.html'), [['/data/a.csv'], 'extra']],
    [
      'too many files',
      frame('app://trade/index.html'),
      [Array.from({ length: MAX_DROPPED_FILES + 1 }, (_, i) => `/data/${i}.csv`)],
    ],
    ['an empty list', frame('app://trade/index.html'), [[]]],
  ])('refuses %s', async (_what, event, args) => {
    const grant = vi.fn(async () => undefined)
    expect(await handleDrop(event, args, grant)).toBe(0)
    expect(grant).not.toHaveBeenCalled()
  })

  it('grants each path from our page; skips non-strings; a refused file does not stop the others', async () => {
    const grant = vi.fn(async (path: string) => {
      if (path.includes('bad')) throw new Error('not a regular file')
    })
    const log = vi.fn()
    const count = await handleDrop(
      frame('app://trade/index.html'),
      [['/data/a.csv', 42, '/data/bad', '', '/data/b.csv']],
      grant,
      { log },
    )
    expect(count).toBe(2)
    expect(grant.mock.calls.map((c) => c[0])).toEqual(['/data/a.csv', '/data/bad', '/data/b.csv'])
    expect(log).toHaveBeenCalledTimes(1)
  })
})
