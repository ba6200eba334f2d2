/**
 * The app:// protocol: serves the built renderer (out/renderer) to our windows with the security
 * headers, so pages get a real origin (`app://trade`) instead of file:// (which would share one origin
 * with every file on disk). Path decisions live in appUrl.ts; this file only reads and answers.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Protocol } from 'electron'
import { APP_SCHEME, resolveAppRequest } from './appUrl'
import { securityHeaders } from './csp'

/**
 * Must run before `app.whenReady()`. `standard` gives URLs an origin and relative-URL resolution,
 * `secure` makes it a secure context, `supportFetchAPI` lets the page fetch its own assets, `codeCache`
 * speeds start-up. Deliberately NOT `bypassCSP` (our CSP must apply) and NOT `corsEnabled` (that would
 * let other origins read app:// responses; same-origin module scripts do not need it).
 */
export function registerAppSchemePrivileges(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

/** A response builder that every answer of ours goes through, so errors carry the headers too. */
function respond(
  status: number,
  body: Uint8Array | null,
  contentType?: string,
  extra: Record<string, string> = {},
): Response {
  const headers: Record<string, string> = { ...securityHeaders(), ...extra }
  if (contentType) headers['Content-Type'] = contentType
  return new Response(body as ConstructorParameters<typeof Response>[0], { status, headers })
}

/** Creates the request handler (exported for the tests and the web server's reuse of the same logic). */
export function createAppRequestHandler(rootDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rootDir)
  let realRoot: Promise<string> | null = null

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, null, 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' })
    }
    const resolved = resolveAppRequest(root, request.url)
    if (!resolved.ok) return respond(resolved.status, null, 'text/plain; charset=utf-8')
    try {
      // A symlink inside the build output must not lead outside it either.
      realRoot ??= fs.realpath(root)
      const [rootReal, fileReal] = await Promise.all([realRoot, fs.realpath(resolved.filePath)])
      if (!fileReal.startsWith(rootReal + path.sep)) return respond(403, null, 'text/plain; charset=utf-8')
      const body = await fs.readFile(fileReal)
      return respond(200, request.method === 'HEAD' ? null : new Uint8Array(body), resolved.mimeType)
    } catch (error) {
      realRoot = null // the root may appear later (a build in progress); do not cache a failure
      const code = (error as NodeJS.ErrnoException | null)?.code
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR')
        return respond(404, null, 'text/plain; charset=utf-8')
      console.error('[app protocol] could not read', resolved.filePath, error)
      return respond(500, null, 'text/plain; charset=utf-8')
    }
  }
}

/** Serves `rootDir` as app://trade on the default session. Call after `app.whenReady()`. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir))
}
