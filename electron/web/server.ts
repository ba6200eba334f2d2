/**
 * The second transport: a small HTTP server on 127.0.0.1 that serves the built renderer and answers
 * the same API through the same handler registry as Electron's IPC. End-to-end tests drive the real
 * renderer in Chromium against it, and `npm run serve:web` lets anyone without Electron click through
 * the app in a browser. A development tool: it is not packaged.
 *
 * Guards: loopback only; the Host header must name this server (DNS-rebinding defence); every API call
 * carries a per-run random token; bodies are small JSON; the same CSP and security headers as app://.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { dispatch } from '../dispatch'
import type { Handlers } from '../handlers'
import { APP_ORIGIN, resolveAppRequest } from '../main/appUrl'
import { securityHeaders } from '../main/csp'
import { fail, type Envelope } from '../shared/errors'
import { say } from '../shared/messages'
import type { EventName } from '../shared/methods'
import { API_PREFIX, EVENTS_PATH, SHIM_PATH, TOKEN_HEADER, TOKEN_PARAM } from './wire'

/** A call the page never makes (not a POST, not JSON): refused as not in the form the app sends. */
const NOT_THE_APPS = say('requestRefused', { why: say('requestForm') })

/** Arguments are a few small fields; anything near this is hostile. */
const MAX_BODY_BYTES = 64 * 1024
/** The methods that carry a document (a snapshot with its chart image, the session, a note, notes to merge), and their own caps. */
const LARGE_BODIES: ReadonlyMap<string, number> = new Map([
  ['saveSnapshot', 24 * 1024 * 1024],
  ['saveSession', 4 * 1024 * 1024],
  ['saveNote', 256 * 1024],
  ['mergeNotes', 8 * 1024 * 1024],
])

export interface WebServerOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string
  handlers: Handlers
  /** 0 (the default) picks a free port. */
  port?: number
}

export interface WebServer {
  /** The URL to open, token included. */
  url: string
  origin: string
  token: string
  /** Pushes an event to every page listening (the shim's EventSource). */
  broadcast(event: EventName, payload: unknown): void
  close(): Promise<void>
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('hex')
  const shim = await compileShim()
  let allowedHosts: Set<string> = new Set()
  const listeners = new Set<ServerResponse>()

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[web] request failed', error)
      if (!response.headersSent) sendJson(response, 500, fail('INTERNAL', say('localServerFailed')))
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) return sendStatus(response, 403)
    const path = (request.url ?? '/').split('?', 1)[0] ?? '/'

    if (path.startsWith(API_PREFIX)) {
      if (request.method !== 'POST') return sendJson(response, 405, fail('INVALID_ARGUMENT', NOT_THE_APPS))
      if (!tokenMatches(request.headers[TOKEN_HEADER], token))
        return sendJson(response, 401, fail('UNAUTHORIZED', say('localServerKey')))
      const body = await readBody(request, LARGE_BODIES.get(path.slice(API_PREFIX.length)) ?? MAX_BODY_BYTES)
      if (!body.ok) return sendJson(response, body.status, body.envelope)
      return sendJson(
        response,
        200,
        await dispatch(options.handlers, path.slice(API_PREFIX.length), body.value),
      )
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return sendStatus(response, 405)
    if (path === EVENTS_PATH) {
      // EventSource cannot send headers, so this one request carries the token in its query.
      const query = new URLSearchParams((request.url ?? '').split('?')[1] ?? '')
      if (!tokenMatches(query.get(TOKEN_PARAM) ?? undefined, token)) return sendStatus(response, 401)
      response.writeHead(200, {
        ...securityHeaders(),
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
      })
      response.write(': connected\n\n')
      listeners.add(response)
      request.on('close', () => listeners.delete(response))
      return
    }
    if (path === SHIM_PATH) return send(response, 200, 'text/javascript; charset=utf-8', shim)

    const resolved = resolveAppRequest(options.rendererDir, `${APP_ORIGIN}${path}`)
    if (!resolved.ok) return sendStatus(response, resolved.status)
    let content: Buffer
    try {
      content = await readFile(resolved.filePath)
    } catch {
      return sendStatus(response, 404)
    }
    if (resolved.filePath.endsWith('index.html')) content = Buffer.from(injectShim(content.toString('utf8')))
    return send(response, 200, resolved.mimeType, content)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/?${TOKEN_PARAM}=${token}`,
    origin,
    token,
    broadcast(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const listener of listeners) listener.write(frame)
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The shim must run before the app's module script, so it goes first in <head>. */
export function injectShim(html: string): string {
  const tag = `<script src="${SHIM_PATH}"></script>`
  // The build itself is broken here, before any page is served: English for the developer, never a user.
  if (!html.includes('<head>')) throw new Error('index.html has no <head> to put the web shim in')
  return html.replace('<head>', `<head>\n    ${tag}`)
}

export function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

type Body = { ok: true; value: unknown } | { ok: false; status: number; envelope: Envelope<never> }

async function readBody(request: IncomingMessage, maxBytes: number): Promise<Body> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return { ok: false, status: 415, envelope: fail('INVALID_ARGUMENT', NOT_THE_APPS) }
  }
  const tooLarge: Body = {
    ok: false,
    status: 413,
    envelope: fail('INVALID_ARGUMENT', say('requestTooLarge', { limit: maxBytes / 1024 })),
  }
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return tooLarge
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    // Stop buffering but let Node drain the rest, so the client still receives our answer.
    if (size > maxBytes) return tooLarge
    chunks.push(chunk as Buffer)
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }
  } catch {
    return { ok: false, status: 400, envelope: fail('INVALID_ARGUMENT', NOT_THE_APPS) }
  }
}

async function compileShim(): Promise<string> {
  const entry = fileURLToPath(new URL('./shim.ts', import.meta.url))
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    logLevel: 'silent',
  })
  const [file] = result.outputFiles
  // As above: the server cannot start, and says why to the developer who started it.
  if (!file) throw new Error('the web shim did not compile')
  return file.text
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
  })
  response.end(body)
}

/**
 * A refusal of a page or a file the browser asked for, by its status alone: the browser shows its own
 * page for it, in its own language, as for app:// in the desktop app (main/protocol.ts).
 */
function sendStatus(response: ServerResponse, status: number): void {
  send(response, status, 'text/plain; charset=utf-8', '')
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body))
}
