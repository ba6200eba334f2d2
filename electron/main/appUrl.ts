/**
 * Where the app's own pages live and how an `app://trade/...` URL maps to a file of the built renderer.
 *
 * Pure (no Electron import): the Electron protocol handler and the web test server both use it, and a
 * table-driven test feeds it hostile URLs. It decides only path logic; whether the file exists is the
 * caller's business (a missing file is a 404 there).
 *
 * We parse the raw string ourselves instead of trusting `new URL()`: WHATWG parsing quietly resolves
 * `..` and `%2e%2e`, keeps userinfo and ports, and differs between special and custom schemes. Anything
 * that is not the plain, canonical spelling of a file under the root is refused, not "repaired".
 */
import path from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'trade'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/** No page of ours needs a longer URL; a longer one is someone probing. */
export const MAX_APP_URL_LENGTH = 2048
const MAX_SEGMENTS = 32
const MAX_SEGMENT_LENGTH = 255

export type AppRequest =
  { ok: true; filePath: string; mimeType: string } | { ok: false; status: 400 | 403 | 404 }

/** Control characters and whitespace: WHATWG parsers drop or fold some of them, so they hide tricks. */
const CONTROL_OR_SPACE =
  /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/
/** The characters a built asset name uses (Vite: `index-AbC_12.js`). No `%`, `\`, `:` or non-ASCII. */
const SAFE_SEGMENT = /^[A-Za-z0-9_~+@=,-][A-Za-z0-9_.~+@=,-]*$/
/** Names Windows maps to devices whatever the directory or extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i

/**
 * Is `url` on our origin, spelled plainly: `app://trade` followed by nothing, `/`, `?` or `#`?
 * Refuses `app://trade.evil`, `app://x@trade`, `app://trade:1`, `app:trade`, backslashes, whitespace.
 */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > MAX_APP_URL_LENGTH || CONTROL_OR_SPACE.test(url)) return false
  if (url.includes('\\')) return false
  if (url.slice(0, APP_ORIGIN.length).toLowerCase() !== APP_ORIGIN) return false
  const next = url.charAt(APP_ORIGIN.length)
  return next === '' || next === '/' || next === '?' || next === '#'
}

export function resolveAppRequest(rootDir: string, requestUrl: string): AppRequest {
  if (typeof requestUrl !== 'string' || requestUrl.length === 0 || requestUrl.length > MAX_APP_URL_LENGTH) {
    return { ok: false, status: 400 }
  }
  if (CONTROL_OR_SPACE.test(requestUrl)) return { ok: false, status: 400 }

  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(requestUrl)
  if (!scheme) return { ok: false, status: 400 }
  if (scheme[1]!.toLowerCase() !== APP_SCHEME) return { ok: false, status: 403 }

  let rest = requestUrl.slice(scheme[0].length)
  if (!rest.startsWith('//')) return { ok: false, status: 403 }
  rest = rest.slice(2)

  // The authority runs to the first `/`, `?`, `#` or `\` (Chromium treats `\` as `/` in standard schemes).
  const authorityEnd = rest.search(/[/?#\\]/)
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd)
  // Exactly our host: no userinfo (`x@trade`), no port (`trade:80`), no suffix (`trade.evil`).
  if (authority.toLowerCase() !== APP_HOST) return { ok: false, status: 403 }
  rest = authorityEnd === -1 ? '' : rest.slice(authorityEnd)

  const pathEnd = rest.search(/[?#]/)
  const rawPath = pathEnd === -1 ? rest : rest.slice(0, pathEnd)
  if (rawPath.includes('\\')) return { ok: false, status: 403 }

  const relative = rawPath === '' || rawPath === '/' ? ['index.html'] : rawPath.slice(1).split('/')
  if (relative.length > MAX_SEGMENTS) return { ok: false, status: 403 }

  const segments: string[] = []
  for (const raw of relative) {
    let segment: string
    try {
      // Decode exactly once. A `%` left after decoding means double encoding (`%252e`): refused below.
      segment = decodeURIComponent(raw)
    } catch {
      return { ok: false, status: 400 } // malformed or overlong UTF-8 (`%c0%ae`)
    }
    if (CONTROL_OR_SPACE.test(segment)) return { ok: false, status: 400 } // `%00` and friends
    // Empty segments (`//etc/passwd`, `a//b`), dot segments and dot files, `/`, `\`, `:` (drive letters,
    // alternate data streams), `%`, non-ASCII lookalikes, trailing dots (Windows strips them): all refused.
    if (
      segment.length === 0 ||
      segment.length > MAX_SEGMENT_LENGTH ||
      !SAFE_SEGMENT.test(segment) ||
      segment.endsWith('.') ||
      WINDOWS_DEVICE.test(segment)
    ) {
      return { ok: false, status: 403 }
    }
    segments.push(segment)
  }

  // Belt and braces: whatever the checks above missed, the result must stay strictly inside the root.
  const root = path.resolve(rootDir)
  const filePath = path.resolve(root, ...segments)
  if (!filePath.startsWith(root + path.sep)) return { ok: false, status: 403 }

  return { ok: true, filePath, mimeType: mimeTypeOf(filePath) }
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** The Content-Type for a file name. Unknown types are opaque bytes: with `nosniff` they never run. */
export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}
