/// <reference lib="dom" />
/**
 * The browser-side twin of the preload, for the web transport (tests and `npm run serve:web`): it gives
 * the page the same `window.trade` object, one function per contract method, answering with the same
 * envelopes — over HTTP to the local server instead of over IPC.
 */
import type { TradeBridge } from '../shared/api'
import type { Envelope } from '../shared/errors'
import { events, methods, subscriberOf, type EventName, type Method } from '../shared/methods'
import { API_PREFIX, EVENTS_PATH, SERVER_UNREACHABLE, TOKEN_HEADER, TOKEN_PARAM } from './wire'

const STORAGE_KEY = 'trade-web-token'

function readToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get(TOKEN_PARAM)
  if (fromUrl) sessionStorage.setItem(STORAGE_KEY, fromUrl)
  return fromUrl ?? sessionStorage.getItem(STORAGE_KEY) ?? ''
}

const token = readToken()

async function call(method: Method, args: unknown): Promise<Envelope<unknown>> {
  try {
    const response = await fetch(`${API_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(args ?? {}),
    })
    return (await response.json()) as Envelope<unknown>
  } catch (error) {
    // The browser's own reason (TypeError: Failed to fetch) is for the console, not the page.
    console.warn(`[web] ${method} was not answered`, error)
    return { ok: false, error: SERVER_UNREACHABLE }
  }
}

/** One EventSource for all events, opened on the first subscription. */
let stream: EventSource | null = null

function subscribe(event: EventName) {
  return (listener: (payload: unknown) => void) => {
    stream ??= new EventSource(`${EVENTS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`)
    const wrapped = (message: MessageEvent<string>) => listener(JSON.parse(message.data))
    stream.addEventListener(event, wrapped)
    return () => stream?.removeEventListener(event, wrapped)
  }
}

const bridge = Object.freeze({
  ...Object.fromEntries(methods.map((method) => [method, (args: unknown) => call(method, args)])),
  ...Object.fromEntries(events.map((event) => [subscriberOf(event), subscribe(event)])),
}) as unknown as TradeBridge

Object.defineProperty(window, 'trade', { value: bridge, writable: false, configurable: false })
