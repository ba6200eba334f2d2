/**
 * The preload: exposes `window.trade`, one function per API method and one `on<Event>` subscription
 * per event, nothing else. No generic invoke/send/on, no ipcRenderer object, no IPC event objects cross
 * into the page. It imports only the dependency-free name lists (not the zod contract), so the
 * sandboxed preload bundle stays tiny.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type { TradeBridge } from '../shared/api'
import {
  channelOf,
  DROP_CHANNEL,
  eventChannelOf,
  events,
  methods,
  subscriberOf,
  type EventName,
  type Method,
} from '../shared/methods'

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
    const wrapped = (_event: IpcRendererEvent, payload: unknown) =>
      (listener as (payload: unknown) => void)(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  }
}

const api = Object.freeze({
  ...Object.fromEntries(methods.map((method) => [method, call(method)])),
  ...Object.fromEntries(events.map((event) => [subscriberOf(event), subscribe(event)])),
}) as unknown as TradeBridge

contextBridge.exposeInMainWorld('trade', api)

// Files dropped anywhere on the window: each real File becomes its path here, in the preload (the page
// never sees a path, and a File the page makes itself has none); main grants them and tells the page
// by opaque id (the fileOpened event). Dropping also must never navigate the window to the file.
if (typeof window !== 'undefined') {
  window.addEventListener('dragover', (event) => event.preventDefault())
  window.addEventListener('drop', (event) => {
    event.preventDefault()
    const paths = Array.from(event.dataTransfer?.files ?? [], (file) => webUtils.getPathForFile(file)).filter(
      (p) => p.length > 0,
    )
    if (paths.length > 0) void ipcRenderer.invoke(DROP_CHANNEL, paths)
  })
}
