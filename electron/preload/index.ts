/**
 * The preload: exposes `window.trade`, one function per API method and one `on<Event>` subscription
 * per event, nothing else. No generic invoke/send/on, no ipcRenderer object, no IPC event objects cross
 * into the page. It imports only the dependency-free name lists (not the zod contract), so the
 * sandboxed preload bundle stays tiny.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { TradeBridge } from '../shared/api'
import { channelOf, eventChannelOf, events, methods, subscriberOf, type EventName, type Method } from '../shared/methods'

function call(method: Method) {
  const channel = channelOf(method)
  // Exactly one argument goes over the wire, whatever the page passes.
  return (args: unknown) => ipcRenderer.invoke(channel, args)
}

function subscribe(event: EventName) {
  const channel = eventChannelOf(event)
  return (listener: unknown) => {
    if (typeof listener !== 'function') throw new TypeError(`${subscriberOf(event)} takes a function`)
    // The page gets the payload only; the IPC event object (with its sender) stays here.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => (listener as (payload: unknown) => void)(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  }
}

const api = Object.freeze({
  ...Object.fromEntries(methods.map((method) => [method, call(method)])),
  ...Object.fromEntries(events.map((event) => [subscriberOf(event), subscribe(event)]))
}) as unknown as TradeBridge

contextBridge.exposeInMainWorld('trade', api)
