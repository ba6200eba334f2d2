/**
 * The preload: exposes `window.trade`, one function per API method and nothing else. No generic
 * invoke/send/on, no ipcRenderer object, no event objects cross into the page. It imports only the
 * dependency-free method list (not the zod contract), so the sandboxed preload bundle stays tiny.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { TradeBridge } from '../shared/api'
import { channelOf, methods, type Method } from '../shared/methods'

function call(method: Method) {
  const channel = channelOf(method)
  // Exactly one argument goes over the wire, whatever the page passes.
  return (args: unknown) => ipcRenderer.invoke(channel, args)
}

const api = Object.freeze(Object.fromEntries(methods.map((method) => [method, call(method)]))) as unknown as TradeBridge

contextBridge.exposeInMainWorld('trade', api)
