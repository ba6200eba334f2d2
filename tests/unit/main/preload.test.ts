import { describe, expect, it, vi } from 'vitest'
import { eventChannelOf, events, methods, subscriberOf } from '../../../electron/shared/methods'

const h = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, data: 'answer' })),
  send: vi.fn(),
  on: vi.fn(),
  removeListener: vi.fn(),
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: h.exposeInMainWorld },
  ipcRenderer: { invoke: h.invoke, send: h.send, on: h.on, removeListener: h.removeListener },
}))

await import('../../../electron/preload/index')

describe('preload', () => {
  const [key, api] = (h.exposeInMainWorld.mock.calls[0] ?? []) as [string, Record<string, unknown>]

  it('exposes exactly one object, as window.trade', () => {
    expect(h.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(key).toBe('trade')
  })

  it('has exactly one function per contract method and one subscription per event, nothing else, and is frozen', () => {
    expect(Object.keys(api).sort()).toEqual([...methods, ...events.map(subscriberOf)].sort())
    for (const method of methods) expect(typeof api[method]).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype)
    for (const leak of ['invoke', 'send', 'on', 'ipcRenderer', 'require', 'process'])
      expect(api).not.toHaveProperty(leak)
  })

  it.each(methods)('%s invokes its own channel with the one argument it got', async (method) => {
    h.invoke.mockClear()
    const fn = api[method] as (...args: unknown[]) => Promise<unknown>
    await expect(fn({ dataset: 'cn' }, 'smuggled', 'extra')).resolves.toEqual({ ok: true, data: 'answer' })
    expect(h.invoke).toHaveBeenCalledTimes(1)
    expect(h.invoke).toHaveBeenCalledWith(`trade:${method}`, { dataset: 'cn' })
  })

  it.each(events)(
    '%s: the listener gets the payload only, and unsubscribing removes exactly its listener',
    (event) => {
      const subscribe = api[subscriberOf(event)] as (listener: unknown) => () => void
      const listener = vi.fn()
      const unsubscribe = subscribe(listener)
      const [channel, wrapped] = h.on.mock.calls.at(-1) as [string, (...args: unknown[]) => void]
      expect(channel).toBe(eventChannelOf(event))
      wrapped({ sender: 'the IPC event object' }, { jobId: 'j' })
      expect(listener).toHaveBeenCalledWith({ jobId: 'j' })
      unsubscribe()
      expect(h.removeListener).toHaveBeenCalledWith(eventChannelOf(event), wrapped)
      expect(() => subscribe('not a function')).toThrow(TypeError)
      h.on.mockClear()
    },
  )

  it('never sends or listens on its own', () => {
    expect(h.send).not.toHaveBeenCalled()
    expect(h.on).not.toHaveBeenCalled()
  })
})
