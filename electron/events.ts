/**
 * Events from the services to the page (import progress, menu commands). Services emit through an
 * EventSink and never know the transport: Electron sends to the window over IPC, the web server
 * streams them to the browser shim as server-sent events. Payloads are validated before they leave.
 */
import { eventContract, type EventName, type EventPayload } from './shared/api'

export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
}

export type EventTransport = (event: EventName, payload: unknown) => void

/** Wraps a transport so a malformed payload is a loud bug here, not a confusing one in the page. */
export function createEventSink(transport: EventTransport): EventSink {
  return {
    emit(event, payload) {
      transport(event, eventContract[event].parse(payload))
    },
  }
}
