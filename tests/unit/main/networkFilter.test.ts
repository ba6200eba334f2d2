import { describe, expect, it, vi } from 'vitest'
import { installNetworkFilter, isAllowedRequest } from '../../../electron/main/networkFilter'
import { createFakeElectron, FakeSession } from '../../support/fakeElectron'

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
    const session = new FakeSession()
    installNetworkFilter(session, opts)
    return session
  }

  it('filters every URL of the session', () => {
    expect(install().webRequest.filter).toEqual({ urls: ['<all_urls>'] })
  })
  it.each([
    'https://fonts.googleapis.com/css2?family=Inter',
    'http://127.0.0.1/',
    'ws://127.0.0.1:5173/',
    'file:///etc/passwd',
  ])('cancels %s and reports it', async (url) => {
    const onBlocked = vi.fn()
    expect(await install({ onBlocked }).allows(url)).toBe(false)
    expect(onBlocked).toHaveBeenCalledWith(url)
  })
  it('lets app://trade/index.html through', async () => {
    const onBlocked = vi.fn()
    expect(await install({ onBlocked }).allows('app://trade/index.html')).toBe(true)
    expect(onBlocked).not.toHaveBeenCalled()
  })
  it('a page load the filter cancels fails, as Electron’s loadURL does', async () => {
    const electron = createFakeElectron()
    installNetworkFilter(electron.session.defaultSession)
    const window = new electron.BrowserWindow()
    await expect(window.loadURL('https://example.com/')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/)
  })
})
