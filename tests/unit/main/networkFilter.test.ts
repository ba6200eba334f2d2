import { describe, expect, it, vi } from 'vitest'
import { installNetworkFilter, isAllowedRequest } from '../../../electron/main/networkFilter'

const dev = 'http://localhost:5173/'

describe('isAllowedRequest', () => {
  it.each([
    'app://trade/index.html',
    'app://trade/assets/index-abc.js',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://trade/4f7c1c1e-0000-4000-8000-000000000000',
  ])('allows %s', (url) => expect(isAllowedRequest(url)).toBe(true))

  it.each([
    'https://fonts.googleapis.com/css2?family=Inter',
    'https://fonts.gstatic.com/s/inter.woff2',
    'https://www.google-analytics.com/collect',
    'http://127.0.0.1/',
    'http://localhost:5173/',
    'http://169.254.169.254/latest/meta-data/',
    'ws://127.0.0.1:9229/',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'ftp://example.com/',
    'chrome://settings',
    'chrome-extension://abcdefghijklmnop/x.js',
    'devtools://devtools/bundled/inspector.html',
    'app://trade.evil/x.js',
    'app://evil/x.js',
    'app://x@trade/x.js',
    'app://trade:1/x.js',
    'blob:https://evil.example/1234',
    'blob:null/1234',
    `https://example.com/${'a'.repeat(10_000)}`,
    '',
  ])('refuses %s', (url) => expect(isAllowedRequest(url)).toBe(false))

  it('allows the dev server and its HMR socket only in development', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true)
    expect(isAllowedRequest('blob:http://localhost:5173/1234', dev)).toBe(true)
    expect(isAllowedRequest('http://localhost:5173/src/main.ts')).toBe(false)
    expect(isAllowedRequest('ws://localhost:5173/')).toBe(false)
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false)
    expect(isAllowedRequest('https://fonts.googleapis.com/', dev)).toBe(false)
  })
})

describe('installNetworkFilter', () => {
  function install(opts = {}) {
    let listener: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | undefined
    const onBeforeRequest = vi.fn((_filter, l) => (listener = l))
    const session = { webRequest: { onBeforeRequest } }
    installNetworkFilter(session as never, opts)
    const decide = (url: string) => {
      const callback = vi.fn()
      listener!({ url }, callback)
      expect(callback).toHaveBeenCalledTimes(1)
      return callback.mock.calls[0]![0] as { cancel: boolean }
    }
    return { onBeforeRequest, decide }
  }

  it('filters every URL of the session', () => {
    const { onBeforeRequest } = install()
    expect(onBeforeRequest).toHaveBeenCalledTimes(1)
    expect(onBeforeRequest.mock.calls[0]![0]).toEqual({ urls: ['<all_urls>'] })
  })
  it.each([
    'https://fonts.googleapis.com/css2?family=Inter',
    'http://127.0.0.1/',
    'ws://127.0.0.1:5173/',
    'file:///etc/passwd',
  ])('cancels %s and reports it', (url) => {
    const onBlocked = vi.fn()
    const { decide } = install({ onBlocked })
    expect(decide(url)).toEqual({ cancel: true })
    expect(onBlocked).toHaveBeenCalledWith(url)
  })
  it('lets app://trade/index.html through', () => {
    const onBlocked = vi.fn()
    const { decide } = install({ onBlocked })
    expect(decide('app://trade/index.html')).toEqual({ cancel: false })
    expect(onBlocked).not.toHaveBeenCalled()
  })
})
