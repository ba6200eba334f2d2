/**
 * The Electron transport of the API: one `ipcMain.handle` channel per contract method. Each call is
 * checked for a trusted sender first, then handed to `dispatch`, which validates the arguments and
 * answers the envelope. No generic channel exists, and nothing here throws across the boundary.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { dispatch } from '../dispatch'
import type { Handlers } from '../handlers'
import { channelOf, methods } from '../shared/methods'
import { fail } from '../shared/errors'
import { say } from '../shared/messages'
import { isTrustedSender, type SenderFrameInfo } from './senderCheck'

export interface IpcOptions {
  devServerUrl?: string
}

/**
 * The sender frame as plain data, or null. `senderFrame` is null when the frame is gone, and reading
 * a disposed WebFrameMain throws: both mean "refuse".
 */
export function senderFrameInfo(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'> | null | undefined,
): SenderFrameInfo | null {
  try {
    const frame = event?.senderFrame
    if (!frame) return null
    const url = frame.url
    if (typeof url !== 'string') return null
    return { url, isMainFrame: frame.parent === null }
  } catch {
    return null
  }
}

/** Registers every method; returns a function that removes the handlers again. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  opts: IpcOptions = {},
): () => void {
  for (const method of methods) {
    ipcMain.handle(channelOf(method), async (event, ...args: unknown[]) => {
      if (!isTrustedSender(senderFrameInfo(event), opts.devServerUrl)) {
        return fail('FORBIDDEN_SENDER', say('requestNotFromApp'))
      }
      // The preload always sends exactly one argument object; anything else did not come from it.
      if (args.length > 1) {
        return fail('INVALID_ARGUMENT', say('requestRefused', { why: say('requestForm') }))
      }
      return dispatch(handlers, method, args[0])
    })
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(channelOf(method))
  }
}
