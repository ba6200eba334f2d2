/**
 * The preload, run against the shared fake Electron: what it exposes, and that calls really travel —
 * through the fake ipcRenderer to main's own IPC registration (electron/main/ipc.ts, dropFiles.ts) with
 * the page's frame as sender — and that files dropped on the page become paths via webUtils.
 */
import { describe, expect, it, vi } from 'vitest'
import type { Handlers } from '../../../electron/handlers'
import { registerDropFiles } from '../../../electron/main/dropFiles'
import { registerIpc } from '../../../electron/main/ipc'
import {
  channelOf,
  DROP_CHANNEL,
  eventChannelOf,
  events,
  methods,
  subscriberOf,
} from '../../../electron/shared/methods'
import { createFakeElectron, dropOn, FakeFrame, type FakeElectron } from '../../support/fakeElectron'

const h = vi.hoisted(() => ({ electron: undefined as unknown as FakeElectron }))
vi.mock('electron', async () => (await import('../../support/fakeElectron')).electronModule(() => h.electron))

h.electron = createFakeElectron()
// The preload runs in the page: it sees the page's window (for drag and drop).
vi.stubGlobal('window', h.electron.pageWindow)
await import('../../../electron/preload/index')

const api = h.electron.contextBridge.mainWorld['trade'] as Record<string, (...args: unknown[]) => unknown>
const APP_PAGE = 'app://trade/index.html'

/** Run `body` with every contract channel answered by `answer` (then the handlers are removed again). */
async function withHandlers(
  answer: (channel: string, args: unknown[]) => unknown,
  body: () => Promise<void>,
) {
  for (const method of methods)
    h.electron.ipcMain.handle(channelOf(method), (_e, ...args) => answer(channelOf(method), args))
  try {
    await body()
  } finally {
    for (const method of methods) h.electron.ipcMain.removeHandler(channelOf(method))
  }
}

describe('preload', () => {
  it('exposes exactly one object, as window.trade', () => {
    expect(Object.keys(h.electron.contextBridge.mainWorld)).toEqual(['trade'])
  })

  it('has exactly one function per contract method and one subscription per event, nothing else, and is frozen', () => {
    expect(Object.keys(api).sort()).toEqual([...methods, ...events.map(subscriberOf)].sort())
    for (const method of methods) expect(typeof api[method]).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype)
    for (const leak of ['invoke', 'send', 'on', 'ipcRenderer', 'require', 'process'])
      expect(api).not.toHaveProperty(leak)
  })

  it('never sends or listens on its own', () => {
    expect(h.electron.ipcRenderer.sent).toEqual([])
    expect(h.electron.ipcRenderer.invoked).toEqual([])
    expect(h.electron.ipcRenderer.eventNames()).toEqual([])
  })

  it.each(methods)(
    '%s reaches its own channel in main with exactly the one argument it got',
    async (method) => {
      await withHandlers(
        (channel, args) => ({ channel, args }),
        async () => {
          await expect(api[method]!({ dataset: 'cn' }, 'smuggled', 'extra')).resolves.toEqual({
            channel: channelOf(method),
            args: [{ dataset: 'cn' }],
          })
        },
      )
    },
  )

  it('a call from the app page is answered by main; the same preload in a foreign or sub frame is refused (FORBIDDEN_SENDER)', async () => {
    const listDatasets = vi.fn(async () => ({ datasets: [], problems: [] }))
    const unregister = registerIpc(h.electron.ipcMain, { listDatasets } as unknown as Handlers)
    try {
      await expect(api['listDatasets']!({})).resolves.toEqual({
        ok: true,
        data: { datasets: [], problems: [] },
      })
      expect(listDatasets).toHaveBeenCalledTimes(1)
      h.electron.pageFrame.url = 'https://evil.example/'
      await expect(api['listDatasets']!({})).resolves.toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      })
      h.electron.pageFrame.url = APP_PAGE
      h.electron.pageFrame.parent = new FakeFrame(APP_PAGE)
      await expect(api['listDatasets']!({})).resolves.toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      })
      expect(listDatasets).toHaveBeenCalledTimes(1)
    } finally {
      h.electron.pageFrame.url = APP_PAGE
      h.electron.pageFrame.parent = null
      unregister()
    }
  })

  it.each(events)(
    '%s: the listener gets the payload only, and unsubscribing removes exactly its listener',
    (event) => {
      const subscribe = api[subscriberOf(event)] as (listener: unknown) => () => void
      const listener = vi.fn()
      const other = vi.fn()
      const unsubscribe = subscribe(listener)
      const unsubscribeOther = subscribe(other)
      h.electron.ipcRenderer.deliver(eventChannelOf(event), { jobId: 'j' })
      expect(listener.mock.calls).toEqual([[{ jobId: 'j' }]])
      unsubscribe()
      h.electron.ipcRenderer.deliver(eventChannelOf(event), { jobId: 'k' })
      expect(listener).toHaveBeenCalledTimes(1)
      expect(other.mock.calls).toEqual([[{ jobId: 'j' }], [{ jobId: 'k' }]])
      unsubscribeOther()
      expect(h.electron.ipcRenderer.listenerCount(eventChannelOf(event))).toBe(0)
      expect(() => subscribe('not a function')).toThrow(TypeError)
    },
  )
})

describe('preload: files dropped on the window', () => {
  it('turns files from disk into their paths (webUtils.getPathForFile) and hands them to main’s drop handler; the window never navigates', async () => {
    const granted: string[] = []
    const unregister = registerDropFiles(h.electron.ipcMain, async (path) => void granted.push(path))
    try {
      const a = h.electron.webUtils.fileFromDisk('/home/ana/exports.csv', 'a,b\n1,2\n')
      const b = h.electron.webUtils.fileFromDisk('/home/ana/busan.ctesnap', '{}')
      // A File the page builds itself has no path: it is left out.
      const forged = new File(['x'], '/etc/passwd')
      const event = dropOn(h.electron.pageWindow, [a, forged, b])
      expect(event.defaultPrevented).toBe(true)
      await vi.waitFor(() => expect(granted).toEqual(['/home/ana/exports.csv', '/home/ana/busan.ctesnap']))
      expect(h.electron.ipcRenderer.invoked.at(-1)).toEqual({
        channel: DROP_CHANNEL,
        args: [['/home/ana/exports.csv', '/home/ana/busan.ctesnap']],
      })
    } finally {
      unregister()
    }
  })

  it('sends nothing when no dropped file has a path, and dragover never lets the file open in the window', () => {
    const before = h.electron.ipcRenderer.invoked.length
    expect(dropOn(h.electron.pageWindow, [new File(['x'], 'made-up.csv')]).defaultPrevented).toBe(true)
    expect(dropOn(h.electron.pageWindow, []).defaultPrevented).toBe(true)
    expect(h.electron.ipcRenderer.invoked.length).toBe(before)
    const dragover = new Event('dragover', { cancelable: true })
    h.electron.pageWindow.dispatchEvent(dragover)
    expect(dragover.defaultPrevented).toBe(true)
  })

  it('a drop from a page that is not ours grants nothing', async () => {
    const grant = vi.fn(async () => undefined)
    const unregister = registerDropFiles(h.electron.ipcMain, grant)
    h.electron.pageFrame.url = 'https://evil.example/'
    try {
      dropOn(h.electron.pageWindow, [h.electron.webUtils.fileFromDisk('/home/ana/exports.csv')])
      await vi.waitFor(() =>
        expect(h.electron.ipcRenderer.invoked.at(-1)?.args).toEqual([['/home/ana/exports.csv']]),
      )
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(grant).not.toHaveBeenCalled()
    } finally {
      h.electron.pageFrame.url = APP_PAGE
      unregister()
    }
  })

  it('webUtils refuses anything that is not a File, as Electron does', () => {
    expect(() => h.electron.webUtils.getPathForFile({ name: 'x' } as never)).toThrow(TypeError)
  })
})
