import { describe, expect, it, vi } from 'vitest'
import {
  guardWebContents,
  isAllowedNavigation,
  isSafeExternalUrl,
  safeExternalUrl,
  windowOpenDecision,
} from '../../../electron/main/navigation'
import { createFakeElectron, FakeFrame } from '../../support/fakeElectron'

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

/** A fresh web contents of the shared fake (Electron's events, with their real argument shapes). */
function contents() {
  return new (createFakeElectron().BrowserWindow)().webContents
}

describe('guardWebContents', () => {
  it('wires navigation, redirect, webview and window-open guards', () => {
    const wc = contents()
    const openExternal = vi.fn()
    guardWebContents(wc.asWebContents(), { openExternal })

    expect(wc.eventNames().sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ])
    expect(wc.navigate('app://trade/index.html#/x')).toBe(true)
    for (const url of [
      'file:///etc/passwd',
      'app://trade.evil/',
      'http://localhost:5173/',
      'javascript:alert(1)',
    ]) {
      expect(wc.navigate(url)).toBe(false)
      expect(wc.redirect(url)).toBe(false)
    }
    expect(wc.attachWebview('app://trade/')).toBe(false)
    expect(openExternal).not.toHaveBeenCalled()

    // A source link clicked in the page goes to the system browser, never into the app window.
    expect(wc.navigate('https://www.reuters.com/a')).toBe(false)
    expect(openExternal).toHaveBeenLastCalledWith('https://www.reuters.com/a')
    expect(wc.getURL()).toBe('app://trade/index.html#/x')

    openExternal.mockClear()
    expect(wc.openWindow('https://www.reuters.com/b')).toBe('deny')
    expect(openExternal).toHaveBeenCalledWith('https://www.reuters.com/b')
    for (const url of [
      'app://trade/index.html',
      'http://example.com/',
      'file:///etc/passwd',
      'https://u:p@example.com/',
      'javascript:1',
    ]) {
      expect(wc.openWindow(url)).toBe('deny')
    }
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('refuses a subframe navigating away: will-frame-navigate gets one details object', () => {
    const wc = contents()
    const openExternal = vi.fn()
    guardWebContents(wc.asWebContents(), { openExternal })
    const frame = new FakeFrame('app://trade/index.html', wc.mainFrame)
    const seen = vi.fn()
    wc.on('will-frame-navigate', (...args: unknown[]) => seen(args.length, (args[0] as { url: string }).url))
    expect(wc.navigate('https://evil.example/', frame)).toBe(false)
    expect(wc.navigate('app://trade/index.html#/y', frame)).toBe(true)
    expect(seen.mock.calls).toEqual([
      [1, 'https://evil.example/'],
      [1, 'app://trade/index.html#/y'],
    ])
    // A subframe never hands a link to the browser (no user gesture on the main page).
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('without the guard, Electron would allow all of it (the fake is not refusing on its own)', () => {
    const wc = contents()
    expect(wc.navigate('https://evil.example/')).toBe(true)
    expect(wc.openWindow('https://evil.example/')).toBe('allow')
    expect(wc.attachWebview('https://evil.example/')).toBe(true)
  })

  it('wires each web contents once (no double openExternal when main and window.ts both guard it)', () => {
    const wc = contents()
    const openExternal = vi.fn()
    guardWebContents(wc.asWebContents(), { openExternal })
    guardWebContents(wc.asWebContents(), { openExternal })
    wc.navigate('https://www.reuters.com/a')
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('allows the dev server only when given', () => {
    const wc = contents()
    guardWebContents(wc.asWebContents(), { devServerUrl: dev })
    expect(wc.navigate('http://localhost:5173/')).toBe(true)
    expect(wc.navigate('http://localhost:5174/')).toBe(false)
  })
})
