import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import type { Handlers } from '../../../electron/handlers'
import { registerIpc, senderFrameInfo } from '../../../electron/main/ipc'
import { AppError } from '../../../electron/shared/errors'
import { say } from '../../../electron/shared/messages'
import { channelOf, methods } from '../../../electron/shared/methods'
import { FakeFrame, FakeIpcMain, invokeEvent } from '../../support/fakeElectron'

function setup(devServerUrl?: string) {
  const ipcMain = new FakeIpcMain()
  // One spy per contract method; listDatasets throws a deliberate AppError to prove the handler ran,
  // whatever the result schema becomes.
  const spies: Record<string, ReturnType<typeof vi.fn>> = Object.fromEntries(methods.map((m) => [m, vi.fn()]))
  spies.listDatasets!.mockImplementation(async () => {
    throw new AppError('NOT_FOUND', say('noCatalogDataset', { id: 'reached the handler' }))
  })
  const handlers = spies as unknown as Handlers & Record<string, ReturnType<typeof vi.fn>>
  const unregister = registerIpc(ipcMain, handlers, { devServerUrl })
  // What a renderer's ipcRenderer.invoke does: through Electron's IPC (structured clone) to the handler.
  const channels = {
    get:
      (channel: string) =>
      (event: unknown, ...args: unknown[]) =>
        ipcMain.invoke(channel, event as IpcMainInvokeEvent, ...args),
  }
  return { channels, ipcMain, handlers, unregister }
}

const frame = (url: string, parent: FakeFrame | null = null) => invokeEvent(new FakeFrame(url, parent))
const trusted = frame('app://trade/index.html')
const reached = {
  ok: false,
  error: {
    code: 'NOT_FOUND',
    message: 'There is no dataset called "reached the handler" in the catalog.',
    said: { id: 'noCatalogDataset', params: { id: 'reached the handler' } },
  },
}

describe('registerIpc', () => {
  it('registers exactly one channel per contract method, and can remove them', () => {
    const { ipcMain, unregister } = setup()
    expect(ipcMain.channels().sort()).toEqual(methods.map((m) => `trade:${m}`).sort())
    unregister()
    expect(ipcMain.channels()).toEqual([])
  })

  it('cannot be registered twice on one ipcMain (Electron throws on a second handler)', () => {
    const { ipcMain } = setup()
    expect(() => registerIpc(ipcMain, {} as Handlers)).toThrow(/second handler/)
  })

  it('answers a trusted call through dispatch', async () => {
    const { channels, handlers } = setup()
    expect(await channels.get(channelOf('listDatasets'))!(trusted, {})).toEqual(reached)
    expect(await channels.get(channelOf('listDatasets'))!(trusted)).toEqual(reached)
    expect(handlers.listDatasets).toHaveBeenCalledTimes(2)
  })

  const untrusted: Array<[string, unknown]> = [
    ['no event', undefined],
    ['null senderFrame (destroyed frame)', { senderFrame: null }],
    [
      'senderFrame that throws when read',
      {
        get senderFrame() {
          throw new Error('Render frame was disposed')
        },
      },
    ],
    [
      'url getter that throws',
      {
        senderFrame: {
          get url() {
            throw new Error('disposed')
          },
          parent: null,
        },
      },
    ],
    ['subframe of app://trade', frame('app://trade/index.html', new FakeFrame('app://trade/index.html'))],
    ['file://', frame('file:///home/user/app/out/renderer/index.html')],
    ['about:blank', frame('about:blank')],
    ['http://localhost', frame('http://localhost:5173/')],
    ['app://trade.evil', frame('app://trade.evil/')],
    ['data:', frame('data:text/html,x')],
    ['blob:app://trade', frame('blob:app://trade/1')],
  ]
  it.each(untrusted)('refuses %s with FORBIDDEN_SENDER before any handler runs', async (_what, event) => {
    const { channels, handlers } = setup()
    for (const method of methods) {
      const answer = await channels.get(channelOf(method))!(event, {})
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    }
    for (const method of methods) expect(handlers[method]).not.toHaveBeenCalled()
  })

  it('refuses more than one argument', async () => {
    const { channels, handlers } = setup()
    const answer = await channels.get(channelOf('listDatasets'))!(trusted, {}, { extra: true })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(handlers.listDatasets).not.toHaveBeenCalled()
  })

  it.each([
    ['getHeadline', { dataset: '../../etc/passwd' }],
    ['getHeadline', { dataset: 'ok', extra: 1 }],
    ['getHeadline', 'not an object'],
    ['getSeries', { dataset: 'x'.repeat(10_000), flow: 'exports' }],
    ['getSeries', { dataset: 'cn', flow: "exports'; DROP TABLE x; --" }],
    ['getObservations', { dataset: 'cn', series: 'exports', period: '2025-13-99; rm -rf /' }],
    ['listDatasets', { __proto__: { polluted: true }, x: 1 }],
  ] as const)('refuses hostile arguments to %s with INVALID_ARGUMENT', async (method, args) => {
    const { channels, handlers } = setup()
    const answer = await channels.get(channelOf(method))!(trusted, args)
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(handlers[method]).not.toHaveBeenCalled()
  })

  it('trusts the dev server main frame only when configured', async () => {
    const dev = frame('http://localhost:5173/')
    expect(await setup().channels.get(channelOf('listDatasets'))!(dev, {})).toMatchObject({
      error: { code: 'FORBIDDEN_SENDER' },
    })
    expect(await setup('http://localhost:5173/').channels.get(channelOf('listDatasets'))!(dev, {})).toEqual(
      reached,
    )
  })
})

describe('senderFrameInfo', () => {
  it('reads url and main-frame-ness, null when unavailable', () => {
    expect(senderFrameInfo(trusted)).toEqual({ url: 'app://trade/index.html', isMainFrame: true })
    expect(senderFrameInfo(frame('app://trade/', new FakeFrame('app://trade/')))).toEqual({
      url: 'app://trade/',
      isMainFrame: false,
    })
    expect(senderFrameInfo(invokeEvent(null))).toBeNull()
    expect(senderFrameInfo(undefined)).toBeNull()
  })
})
