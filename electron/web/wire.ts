/** The few names the web server and its browser shim must agree on. */
export const API_PREFIX = '/__api/'
export const SHIM_PATH = '/__shim.js'
export const EVENTS_PATH = '/__events'
export const TOKEN_HEADER = 'x-trade-token'
export const TOKEN_PARAM = 'token'
