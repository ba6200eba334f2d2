import { describe, expect, it } from 'vitest'
import { isTrustedSender } from '../../../electron/main/senderCheck'

const dev = 'http://localhost:5173/'
const main = (url: string) => ({ url, isMainFrame: true })
const sub = (url: string) => ({ url, isMainFrame: false })

describe('isTrustedSender', () => {
  it.each([main('app://trade/index.html'), main('app://trade/index.html#/series'), main('app://trade/')])(
    'trusts %j',
    (frame) => {
      expect(isTrustedSender(frame)).toBe(true)
    },
  )

  it.each([
    ['null frame (destroyed)', null],
    ['undefined frame', undefined],
    ['subframe of app://', sub('app://trade/index.html')],
    ['file://', main('file:///home/user/app/out/renderer/index.html')],
    ['about:blank', main('about:blank')],
    ['about:srcdoc', main('about:srcdoc')],
    ['empty url', main('')],
    ['http://localhost without dev server', main('http://localhost:5173/')],
    ['https page', main('https://evil.example/')],
    ['app://trade.evil', main('app://trade.evil/index.html')],
    ['app://evil', main('app://evil/index.html')],
    ['userinfo', main('app://x@trade/index.html')],
    ['port', main('app://trade:1/index.html')],
    ['data:', main('data:text/html,<script>1</script>')],
    ['blob:app://trade', main('blob:app://trade/1234')],
    ['javascript:', main('javascript:alert(1)')],
    ['chrome://', main('chrome://settings')],
    ['devtools://', main('devtools://devtools/bundled/inspector.html')],
    ['lookalike host', main('app://trаde/index.html')],
    ['isMainFrame truthy but not true', { url: 'app://trade/', isMainFrame: 1 as unknown as boolean }],
    ['url not a string', { url: 42 as unknown as string, isMainFrame: true }],
    ['very long url', main(`app://trade/${'a'.repeat(100_000)}`)],
  ])('refuses %s', (_what, frame) => {
    expect(isTrustedSender(frame)).toBe(false)
  })

  it('trusts the dev server main frame only in development', () => {
    expect(isTrustedSender(main('http://localhost:5173/'), dev)).toBe(true)
    expect(isTrustedSender(main('http://localhost:5173/'))).toBe(false)
    expect(isTrustedSender(sub('http://localhost:5173/'), dev)).toBe(false)
    expect(isTrustedSender(main('http://localhost:5174/'), dev)).toBe(false)
    expect(isTrustedSender(main('http://evil.example/'), dev)).toBe(false)
  })
})
