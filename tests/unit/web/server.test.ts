import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '../../../electron/handlers'
import { serviceMessages } from '../../../electron/shared/messages'
import { injectShim, startWebServer, tokenMatches, type WebServer } from '../../../electron/web/server'
import { API_PREFIX, SHIM_PATH, TOKEN_HEADER } from '../../../electron/web/wire'

const catalog = { datasets: [], problems: [{ package: 'x', message: 'y' }] }
const handlers = {
  listDatasets: async () => catalog,
  getHeadline: async () => {
    throw new Error('not used')
  },
  getSeries: async () => {
    throw new Error('not used')
  },
  getObservations: async () => {
    throw new Error('not used')
  },
} as unknown as Handlers

let server: WebServer
let root: string

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cte-web-'))
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  )
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(root, '..', 'cte-secret.txt'), 'secret')
  server = await startWebServer({ rendererDir: root, handlers })
})
afterAll(() => server.close())

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw request, so tests control the Host header and the path exactly as sent. */
function send(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const { port } = new URL(server.origin)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...init.headers },
      },
      (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(init.body)
  })
}

const api = (method: string, body: string, headers: Record<string, string> = {}) =>
  send(`${API_PREFIX}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers },
    body,
  })

describe('web transport', () => {
  it('listens on loopback only and prints a URL carrying the token', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`)
    expect(server.token).toMatch(/^[0-9a-f]{48}$/)
  })

  it('answers an API call through the handler registry with the envelope', async () => {
    const reply = await api('listDatasets', '{}')
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ ok: true, data: catalog })
  })

  it.each([
    ['no token', {}, { [TOKEN_HEADER]: '' }],
    ['a wrong token', {}, { [TOKEN_HEADER]: 'f'.repeat(48) }],
    ['a token prefix', {}, { [TOKEN_HEADER]: 'abc' }],
  ])('refuses a call with %s (401, UNAUTHORIZED)', async (_what, _x, headers) => {
    const reply = await api('listDatasets', '{}', headers)
    expect(reply.status).toBe(401)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
  })

  it.each(['evil.example:80', 'localhost.evil.example', '127.0.0.1', '127.0.0.1:1'])(
    'refuses Host %s (DNS rebinding)',
    async (host) => {
      const reply = await send('/index.html', { headers: { host } })
      expect(reply.status).toBe(403)
    },
  )

  it('refuses bodies that are not JSON, too large, or a GET', async () => {
    expect((await api('listDatasets', 'not json')).status).toBe(400)
    expect((await api('listDatasets', '{}', { 'content-type': 'text/plain' })).status).toBe(415)
    expect((await api('listDatasets', JSON.stringify({ x: 'y'.repeat(100_000) }))).status).toBe(413)
    // Only the methods that carry a document (a snapshot with its image, the session) take more, up to their own cap.
    expect((await api('saveSnapshot', JSON.stringify({ x: 'y'.repeat(100_000) }))).status).toBe(200)
    expect((await api('saveSnapshot', JSON.stringify({ x: 'y'.repeat(25 * 1024 * 1024) }))).status).toBe(413)
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty'])
      expect((await api(name, JSON.stringify({ x: 'y'.repeat(100_000) }))).status).toBe(413)
    expect(
      (await send(`${API_PREFIX}listDatasets`, { headers: { [TOKEN_HEADER]: server.token } })).status,
    ).toBe(405)
  })

  it('validates arguments and method names exactly as IPC does', async () => {
    expect(JSON.parse((await api('listDatasets', '{"x":1}')).body)).toMatchObject({
      error: { code: 'INVALID_ARGUMENT' },
    })
    expect(JSON.parse((await api('__proto__', '{}')).body)).toMatchObject({
      error: { code: 'UNKNOWN_METHOD' },
    })
    expect(JSON.parse((await api('..%2f..%2fetc', '{}')).body)).toMatchObject({
      error: { code: 'UNKNOWN_METHOD' },
    })
  })

  it('serves the renderer with the shim injected and the security headers', async () => {
    const reply = await send('/')
    expect(reply.status).toBe(200)
    expect(reply.body).toContain(`<script src="${SHIM_PATH}"></script>`)
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'")
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    const shim = await send(SHIM_PATH)
    expect(shim.status).toBe(200)
    expect(shim.body).toContain('listDatasets')
    expect(shim.body).not.toContain('zod')
    // Nor the message catalogue: it says its one refusal itself (wire.ts), and the page words it.
    expect(shim.body).toContain('localServerUnreachable')
    expect(shim.body).not.toContain(serviceMessages.oldExcel)
  })

  it.each([
    '/../cte-secret.txt',
    '/%2e%2e/cte-secret.txt',
    '/assets/..%2f..%2fcte-secret.txt',
    '/assets/%252e%252e/x',
    '/%00index.html',
  ])('refuses path traversal %s', async (path) => {
    const reply = await send(path)
    expect([400, 403, 404]).toContain(reply.status)
    expect(reply.body).not.toContain('secret')
  })

  it('answers 404 for a missing file', async () => {
    expect((await send('/assets/missing.js')).status).toBe(404)
  })
})

describe('helpers', () => {
  it('tokenMatches compares whole tokens only', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true)
    expect(tokenMatches('ab', 'abc')).toBe(false)
    expect(tokenMatches(['abc'], 'abc')).toBe(false)
    expect(tokenMatches(undefined, 'abc')).toBe(false)
  })

  it('injectShim puts the shim before any other script and refuses a page without <head>', () => {
    expect(injectShim('<html><head><script src="a.js"></script></head></html>')).toMatch(
      /<head>\s*<script src="\/__shim.js"><\/script>\s*<script src="a.js">/,
    )
    expect(() => injectShim('<html></html>')).toThrow(/no <head>/)
  })
})

describe('events', () => {
  it('streams broadcast events to a listener that carries the token, and refuses one that does not', async () => {
    const { port } = new URL(server.origin)
    expect((await send('/__events?token=wrong')).status).toBe(401)
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: `/__events?token=${server.token}`,
          headers: { host: `127.0.0.1:${port}` },
        },
        (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream')
          let text = ''
          res.on('data', (chunk) => {
            text += chunk
            if (text.includes(': connected')) server.broadcast('importProgress', { jobId: 'j1' })
            if (text.includes('j1')) {
              req.destroy()
              resolve(text)
            }
          })
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(received).toContain('event: importProgress\ndata: {"jobId":"j1"}\n\n')
  })
})
