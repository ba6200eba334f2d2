import { describe, expect, it, vi } from 'vitest'
import { methods } from '../../../electron/shared/methods'

const h = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, data: 'answer' })),
  send: vi.fn(),
  on: vi.fn()
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: h.exposeInMainWorld },
  ipcRenderer: { invoke: h.invoke, send: h.send, on: h.on }
}))

await import('../../../electron/preload/index')

describe('preload', () => {
  const [key, api] = (h.exposeInMainWorld.mock.calls[0] ?? []) as [string, Record<string, unknown>]

  it('exposes exactly one object, as window.trade', () => {
    expect(h.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(key).toBe('trade')
  })

  it('has exactly one function per contract method, nothing else, and is frozen', () => {
    expect(Object.keys(api).sort()).toEqual([...methods].sort())
    for (const method of methods) expect(typeof api[method]).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype)
    for (const leak of ['invoke', 'send', 'on', 'ipcRenderer', 'require', 'process']) expect(api).not.toHaveProperty(leak)
  })

  it.each(methods)('%s invokes its own channel with the one argument it got', async (method) => {
    h.invoke.mockClear()
    const fn = api[method] as (...args: unknown[]) => Promise<unknown>
    await expect(fn({ dataset: 'cn' }, 'smuggled', 'extra')).resolves.toEqual({ ok: true, data: 'answer' })
    expect(h.invoke).toHaveBeenCalledTimes(1)
    expect(h.invoke).toHaveBeenCalledWith(`trade:${method}`, { dataset: 'cn' })
  })

  it('never sends or listens on its own', () => {
    expect(h.send).not.toHaveBeenCalled()
    expect(h.on).not.toHaveBeenCalled()
  })
})
