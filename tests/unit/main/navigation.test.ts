import { describe, expect, it, vi } from 'vitest'
import {
  guardWebContents,
  isAllowedNavigation,
  isSafeExternalUrl,
  safeExternalUrl,
  windowOpenDecision,
  type GuardableContents,
} from '../../../electron/main/navigation'

const dev = 'http://localhost:5173/'
const long = `app://trade/${'a'.repeat(100_000)}`

describe('isAllowedNavigation', () => {
  it.each([
    'app://trade/index.html',
    'app://trade/',
    'app://trade/index.html#/series/exports',
    'app://trade/?q=1',
  ])('allows %s', (url) => expect(isAllowedNavigation(url)).toBe(true))
  const hostile = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'http://localhost:5173/',
    'https://example.com/',
    'app://trade.evil/index.html',
    'app://evil/index.html',
    'app://x@trade/index.html',
    'app://trade:8080/index.html',
    'app:trade',
    'app://trаde/index.html', // Cyrillic а
    'app://ｔｒａｄｅ/index.html', // fullwidth
    'app://trade\\@evil/',
    'chrome://settings',
    'chrome://gpu',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'view-source:app://trade/index.html',
    'blob:app://trade/1234',
    'filesystem:app://trade/temporary/x',
    ' app://trade/index.html',
    'app://tr\nade/index.html',
    '',
    long,
  ]
  it.each(hostile)('refuses %s', (url) => expect(isAllowedNavigation(url)).toBe(false))
  it.each([null, undefined, 42, {}])('refuses non-string %s', (url) =>
    expect(isAllowedNavigation(url)).toBe(false),
  )
  it('allows the dev server origin only when one is given', () => {
    expect(isAllowedNavigation('http://localhost:5173/index.html', dev)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5173/index.html')).toBe(false)
    expect(isAllowedNavigation('http://localhost:5174/', dev)).toBe(false)
    expect(isAllowedNavigation('http://evil.example/', dev)).toBe(false)
  })
})

describe('windowOpenDecision', () => {
  it('always denies', () => expect(windowOpenDecision()).toEqual({ action: 'deny' }))
})

describe('safeExternalUrl', () => {
  it.each([
    [
      'https://www.reuters.com/markets/china-exports-2025-12-08/',
      'https://www.reuters.com/markets/china-exports-2025-12-08/',
    ],
    [
      'https://english.customs.gov.cn/Statics/abc.html?x=1#y',
      'https://english.customs.gov.cn/Statics/abc.html?x=1#y',
    ],
    ['HTTPS://WWW.SCMP.COM/economy', 'https://www.scmp.com/economy'],
  ])('accepts %s', (url, normalised) => expect(safeExternalUrl(url)).toBe(normalised))
  it.each([
    'http://www.reuters.com/',
    'javascript:alert(1)',
    'data:text/html,hi',
    'file:///etc/passwd',
    'app://trade/index.html',
    'chrome://settings',
    'ftp://example.com/',
    'smb://server/share',
    'ms-settings:privacy',
    'mailto:a@example.com',
    'https://user:pw@example.com/',
    'https://www.reuters.com@evil.example/',
    'https://example.com:8443/',
    'https://localhost/',
    'https://127.0.0.1/',
    'https://2130706433/',
    'https://[::1]/',
    'https://192.168.0.1/admin',
    'https://router.local/',
    'https://intranet/',
    'https://аpple.com/', // Cyrillic а → punycode lookalike
    'https://xn--pple-43d.com/',
    'https:\\\\evil.example',
    'https://exa\nmple.com/',
    ' https://example.com/',
    'https:example.com',
    `https://example.com/${'a'.repeat(5000)}`,
    '',
    null,
    42,
  ])('refuses %s', (url) => {
    expect(safeExternalUrl(url)).toBeNull()
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})

type Listener = (...args: unknown[]) => void

function fakeContents() {
  const listeners = new Map<string, Listener[]>()
  let openHandler: ((details: { url: string }) => unknown) | undefined
  const contents = {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener])
      return contents
    }),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => unknown) => {
      openHandler = handler
    }),
  }
  const emit = (name: string, url?: string) => {
    const event = { url, preventDefault: vi.fn() }
    for (const listener of listeners.get(name) ?? []) listener(event, url)
    return event
  }
  return {
    contents: contents as unknown as GuardableContents,
    listeners,
    emit,
    open: (url: string) => openHandler!({ url }),
  }
}

describe('guardWebContents', () => {
  it('wires navigation, redirect, webview and window-open guards', () => {
    const { contents, listeners, emit, open } = fakeContents()
    const openExternal = vi.fn()
    guardWebContents(contents, { openExternal })

    expect([...listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ])
    expect(emit('will-navigate', 'app://trade/index.html#/x').preventDefault).not.toHaveBeenCalled()
    for (const url of [
      'file:///etc/passwd',
      'app://trade.evil/',
      'http://localhost:5173/',
      'javascript:alert(1)',
    ]) {
      expect(emit('will-navigate', url).preventDefault).toHaveBeenCalled()
      expect(emit('will-redirect', url).preventDefault).toHaveBeenCalled()
      expect(emit('will-frame-navigate', url).preventDefault).toHaveBeenCalled()
    }
    expect(emit('will-attach-webview', 'app://trade/').preventDefault).toHaveBeenCalled()
    expect(openExternal).not.toHaveBeenCalled()

    // A source link clicked in the page goes to the system browser, never into the app window.
    expect(emit('will-navigate', 'https://www.reuters.com/a').preventDefault).toHaveBeenCalled()
    expect(openExternal).toHaveBeenLastCalledWith('https://www.reuters.com/a')

    openExternal.mockClear()
    expect(open('https://www.reuters.com/b')).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://www.reuters.com/b')
    for (const url of [
      'app://trade/index.html',
      'http://example.com/',
      'file:///etc/passwd',
      'https://u:p@example.com/',
      'javascript:1',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' })
    }
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('wires each web contents once (no double openExternal when main and window.ts both guard it)', () => {
    const { contents, emit } = fakeContents()
    const openExternal = vi.fn()
    guardWebContents(contents, { openExternal })
    guardWebContents(contents, { openExternal })
    emit('will-navigate', 'https://www.reuters.com/a')
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('allows the dev server only when given', () => {
    const { contents, emit } = fakeContents()
    guardWebContents(contents, { devServerUrl: dev })
    expect(emit('will-navigate', 'http://localhost:5173/').preventDefault).not.toHaveBeenCalled()
    expect(emit('will-navigate', 'http://localhost:5174/').preventDefault).toHaveBeenCalled()
  })
})
