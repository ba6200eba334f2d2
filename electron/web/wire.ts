/** The few names the web server and its browser shim must agree on. */
import type { ApiErrorBody } from '../shared/errors'

export const API_PREFIX = '/__api/'
export const SHIM_PATH = '/__shim.js'
export const EVENTS_PATH = '/__events'
export const TOKEN_HEADER = 'x-trade-token'
export const TOKEN_PARAM = 'token'

/**
 * The shim's answer when the server does not answer: a catalogued message the page words in its
 * language. Its English is written out, not taken from the catalogue, so that the shim (loaded before
 * the page) does not carry every message; tests/unit/refusalsWorded.test.ts checks it is the catalogue's.
 */
export const SERVER_UNREACHABLE: ApiErrorBody = {
  code: 'INTERNAL',
  message: 'The local server did not answer. Is it still running?',
  said: { id: 'localServerUnreachable' },
}
