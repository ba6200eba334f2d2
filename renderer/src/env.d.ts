/// <reference types="vite/client" />
import type { TradeBridge } from '@shared/api'

declare global {
  interface Window {
    /** Exposed by the preload in Electron, and by the web shim in tests and `serve:web`. */
    readonly trade?: TradeBridge
  }
}
