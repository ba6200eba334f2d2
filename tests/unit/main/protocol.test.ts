import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp'
import { handleAppProtocol, registerAppSchemePrivileges } from '../../../electron/main/protocol'
import { createFakeElectron } from '../../support/fakeElectron'

let base: string
let root: string
let serve: (request: Request) => Promise<Response>

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'app-protocol-'))
  root = path.join(base, 'renderer')
  await mkdir(path.join(root, 'assets'), { recursive: true })
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>t</title>')
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(path.join(base, 'secret.txt'), 'secret')
  try {
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'))
  } catch {
    // symlinks may be unavailable (Windows without privilege); that case is then simply not exercised
  }
  const { app, protocol } = createFakeElectron()
  app.becomeReady()
  handleAppProtocol(protocol, root)
  expect(protocol.isProtocolHandled('app')).toBe(true)
  // Electron refuses a second handler for the same scheme.
  expect(() => handleAppProtocol(protocol, root)).toThrow()
  serve = async (request) => (await protocol.fetch(request))!
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe('registerAppSchemePrivileges', () => {
  it('registers app as standard+secure, without bypassCSP or corsEnabled', () => {
    const { app, protocol } = createFakeElectron()
    registerAppSchemePrivileges(protocol)
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ])
    // Electron accepts it only before ready: main calls it at module start.
    app.becomeReady()
    expect(() => registerAppSchemePrivileges(protocol)).toThrow(/before app is ready/)
  })
})

describe('app:// handler', () => {
  it('serves index.html for / with the CSP and hardening headers', async () => {
    const response = await serve(new Request('app://trade/'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>t</title>')
  })

  it('serves an asset with its type', async () => {
    const response = await serve(new Request('app://trade/assets/index-abc.js'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await response.text()).toBe('console.log(1)')
  })

  it('answers HEAD without a body', async () => {
    const response = await serve(new Request('app://trade/index.html', { method: 'HEAD' }))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s with 405', async (method) => {
    const response = await serve(
      new Request('app://trade/index.html', { method, body: method === 'DELETE' ? null : 'x' }),
    )
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
  })

  it.each([
    ['app://trade/missing.js', 404],
    ['app://trade/assets', 404], // a directory
    ['app://trade/index.html/x', 404],
  ])('%s → %i', async (url, status) => {
    expect((await serve(new Request(url))).status).toBe(status)
  })

  // What reaches the handler is whatever Chromium hands over; `Request` keeps these spellings as given
  // (for a non-special scheme it resolves dot segments, so the raw forms below are passed as a fake).
  it.each([
    'app://trade/%2e%2e/secret.txt',
    'app://trade/..%2fsecret.txt',
    'app://trade/%252e%252e/secret.txt',
    'app://trade/assets/..%5c..%5csecret.txt',
    'app://trade/index.html%00.js',
    'app://trade//etc/passwd',
    'app://evil/index.html',
    'app://trade.evil/index.html',
    'app://x@trade/index.html',
    'app://trade:80/index.html',
  ])('refuses %s with 400/403 and never reads outside the root', async (url) => {
    const response = await serve({ url, method: 'GET' } as Request)
    expect([400, 403]).toContain(response.status)
    expect(await response.text()).not.toContain('secret')
  })

  it('does not follow a symlink out of the root', async () => {
    const response = await serve(new Request('app://trade/assets/link.txt'))
    expect([403, 404]).toContain(response.status)
    expect(await response.text()).not.toContain('secret')
  })
})
