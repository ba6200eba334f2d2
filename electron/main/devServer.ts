/**
 * The development renderer server (electron-vite sets ELECTRON_RENDERER_URL for `npm run dev`).
 * Pure, no Electron import. In development, and only then, its exact origin is trusted like app://trade.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])
const MAX_URL_LENGTH = 2048

/**
 * The dev server URL to load, or undefined. Never in a packaged app (an environment variable must not
 * be able to point the shipped app elsewhere), and only a plain http(s) URL on the loopback interface.
 */
export function resolveDevServerUrl(value: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH)
    return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (url.username || url.password || !LOOPBACK_HOSTS.has(url.hostname)) return undefined
  return url.href
}

/** Does `url` belong to the dev server's origin (same scheme, host and port)? False without a dev server. */
export function isDevServerUrl(url: unknown, devServerUrl: string | undefined): boolean {
  const dev = parse(devServerUrl)
  const candidate = parse(url)
  if (!dev || !candidate) return false
  if (candidate.username || candidate.password) return false
  return (
    (candidate.protocol === 'http:' || candidate.protocol === 'https:') && candidate.origin === dev.origin
  )
}

/** Is `url` the dev server's HMR websocket (ws: for http:, wss: for https:, same host and port)? */
export function isDevServerSocket(url: unknown, devServerUrl: string | undefined): boolean {
  const dev = parse(devServerUrl)
  const candidate = parse(url)
  if (!dev || !candidate) return false
  if (candidate.username || candidate.password) return false
  const expected = dev.protocol === 'https:' ? 'wss:' : 'ws:'
  return candidate.protocol === expected && candidate.host === dev.host
}

function parse(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH) return null
  // WHATWG parsing silently drops tabs and newlines and trims spaces; such input is never genuine.
  if (/[\u0000-\u0020\u007f]/.test(value)) return null
  try {
    return new URL(value)
  } catch {
    return null
  }
}
