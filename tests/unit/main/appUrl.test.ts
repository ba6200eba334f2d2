import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ENTRY, APP_ORIGIN, isAppUrl, mimeTypeOf, resolveAppRequest } from '../../../electron/main/appUrl'

const root = path.resolve('/srv/app/renderer')
const inRoot = (...parts: string[]) => path.join(root, ...parts)

describe('resolveAppRequest: what is served', () => {
  it.each([
    ['app://trade/', inRoot('index.html'), 'text/html; charset=utf-8'],
    ['app://trade', inRoot('index.html'), 'text/html; charset=utf-8'],
    [APP_ENTRY, inRoot('index.html'), 'text/html; charset=utf-8'],
    ['app://trade/index.html?x=1#top', inRoot('index.html'), 'text/html; charset=utf-8'],
    ['app://trade/?from=2025-01', inRoot('index.html'), 'text/html; charset=utf-8'],
    [
      'APP://TRADE/assets/index-AbC_12.js',
      inRoot('assets', 'index-AbC_12.js'),
      'text/javascript; charset=utf-8',
    ],
    ['app://trade/assets/index-9f8e.css', inRoot('assets', 'index-9f8e.css'), 'text/css; charset=utf-8'],
    ['app://trade/assets/font%2Dbold.woff2', inRoot('assets', 'font-bold.woff2'), 'font/woff2'],
    ['app://trade/favicon.ico', inRoot('favicon.ico'), 'image/x-icon'],
  ])('%s → file under the root', (url, filePath, mimeType) => {
    expect(resolveAppRequest(root, url)).toEqual({ ok: true, filePath, mimeType })
  })
})

/** [description, url, expected status]. Every one must be refused; none may resolve to a path. */
const hostile: Array<[string, string, 400 | 403]> = [
  // other schemes
  ['file scheme', 'file:///etc/passwd', 403],
  ['https scheme', 'https://trade/index.html', 403],
  ['http scheme', 'http://localhost:5173/', 403],
  ['javascript scheme', 'javascript:alert(1)', 403],
  ['data scheme', 'data:text/html,<script>alert(1)</script>', 403],
  ['blob of our origin', 'blob:app://trade/0b0c', 403],
  ['scheme without //', 'app:trade/index.html', 403],
  ['scheme with one slash', 'app:/trade/index.html', 403],
  ['no scheme at all', '/etc/passwd', 400],
  ['empty string', '', 400],
  ['fullwidth scheme', 'ａpp://trade/index.html', 400],
  // other hosts
  ['other host', 'app://evil/index.html', 403],
  ['host suffix', 'app://trade.evil/index.html', 403],
  ['host prefix', 'app://eviltrade/index.html', 403],
  ['userinfo', 'app://x@trade/index.html', 403],
  ['userinfo with password', 'app://trade:pw@trade/index.html', 403],
  ['host as userinfo', 'app://trade@evil/index.html', 403],
  ['port', 'app://trade:80/index.html', 403],
  ['empty port', 'app://trade:/index.html', 403],
  ['empty host', 'app:///etc/passwd', 403],
  ['cyrillic lookalike host', 'app://trаde/index.html', 403],
  ['percent-encoded host', 'app://tr%61de/index.html', 403],
  ['trailing-dot host', 'app://trade./index.html', 403],
  ['backslash after host', 'app://trade\\..\\..\\etc\\passwd', 403],
  // traversal, every spelling
  ['dot dot', 'app://trade/../../etc/passwd', 403],
  ['dot dot mid-path', 'app://trade/assets/../../../etc/passwd', 403],
  ['single dot', 'app://trade/./index.html', 403],
  ['encoded dot dot', 'app://trade/%2e%2e/%2e%2e/etc/passwd', 403],
  ['upper-case encoded dot dot slash', 'app://trade/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', 403],
  ['dot dot encoded slash', 'app://trade/..%2f..%2fetc%2fpasswd', 403],
  ['half-encoded dot', 'app://trade/.%2e/etc/passwd', 403],
  ['backslash traversal', 'app://trade/..\\..\\etc\\passwd', 403],
  ['encoded backslash', 'app://trade/..%5c..%5cetc%5cpasswd', 403],
  ['double-encoded dot dot', 'app://trade/%252e%252e/%252e%252e/etc/passwd', 403],
  ['double-encoded slash', 'app://trade/..%252f..%252fetc', 403],
  ['overlong UTF-8 dot', 'app://trade/%c0%ae%c0%ae/etc/passwd', 400],
  ['broken escape', 'app://trade/%zz', 400],
  ['null byte', 'app://trade/index.html%00.png', 400],
  ['raw null byte', 'app://trade/index.html\u0000.png', 400],
  ['encoded newline', 'app://trade/index%0a.html', 400],
  ['raw tab (WHATWG would drop it)', 'app://trade/.\t./etc/passwd', 400],
  ['absolute-looking path', 'app://trade//etc/passwd', 403],
  ['encoded absolute path', 'app://trade/%2fetc%2fpasswd', 403],
  ['windows drive letter', 'app://trade/C:/Windows/win.ini', 403],
  ['encoded drive letter', 'app://trade/C%3a%5cWindows%5cwin.ini', 403],
  ['UNC path', 'app://trade/%5c%5cserver%5cshare', 403],
  ['alternate data stream', 'app://trade/index.html::$DATA', 403],
  ['windows device name', 'app://trade/CON', 403],
  ['windows device with extension', 'app://trade/assets/nul.js', 403],
  ['trailing dot (windows strips it)', 'app://trade/index.html.', 403],
  ['triple dot', 'app://trade/.../etc', 403],
  ['dot file', 'app://trade/.env', 403],
  ['one dot leader lookalike', 'app://trade/%E2%80%A5/etc/passwd', 403],
  ['fullwidth dots', 'app://trade/．．/．．/etc/passwd', 403],
  ['empty segment', 'app://trade/assets//index.js', 403],
  ['too many segments', `app://trade/${'a/'.repeat(40)}x.js`, 403],
  ['very long URL', `app://trade/${'a'.repeat(5000)}.js`, 400],
]

describe('resolveAppRequest: hostile URLs', () => {
  it(`has at least 25 hostile cases (${hostile.length})`, () => {
    expect(hostile.length).toBeGreaterThanOrEqual(25)
  })
  it.each(hostile)('%s: %s → %i', (_what, url, status) => {
    expect(resolveAppRequest(root, url)).toEqual({ ok: false, status })
  })
  it('never answers a path outside the root, for any hostile case', () => {
    for (const [, url] of hostile) {
      const result = resolveAppRequest(root, url)
      if (result.ok) expect.fail(`${url} resolved to ${result.filePath}`)
    }
  })
  it('refuses non-string input without throwing', () => {
    expect(resolveAppRequest(root, undefined as unknown as string)).toEqual({ ok: false, status: 400 })
    expect(resolveAppRequest(root, 42 as unknown as string)).toEqual({ ok: false, status: 400 })
  })
})

describe('isAppUrl', () => {
  it.each([APP_ORIGIN, `${APP_ORIGIN}/`, APP_ENTRY, `${APP_ORIGIN}?q`, `${APP_ORIGIN}#/series`])(
    'accepts %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true)
    },
  )
  it.each([
    'app://trade.evil/',
    'app://trade:1/',
    'app://x@trade/',
    'app://evil/',
    'app:trade',
    'app://trаde/',
    'app://trade\\evil',
    'app://tr\nade/',
    ' app://trade/',
    'blob:app://trade/1',
    'https://trade/',
    `app://trade/${'a'.repeat(3000)}`,
    null,
    42,
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false)
  })
})

describe('mimeTypeOf', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.PNG', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.ico', 'image/x-icon'],
    ['a.exe', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
    ['a.html.', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeOf(file)).toBe(type)
  })
})
