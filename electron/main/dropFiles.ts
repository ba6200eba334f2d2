/**
 * Files dropped on the window. The preload turns each dropped `File` into its path with
 * `webUtils.getPathForFile` (a File the page builds itself has no path, so the page cannot forge one)
 * and sends the paths on DROP_CHANNEL; here they are checked like an API call (our own main frame
 * only) and granted to the importer, which tells the page about each by opaque id (`fileOpened`).
 * No Electron import: ipcMain and the grant function are passed in.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { DROP_CHANNEL } from '../shared/methods'
import { senderFrameInfo } from './ipc'
import { isTrustedSender } from './senderCheck'

/** More than this in one drop is not a user dragging files. */
export const MAX_DROPPED_FILES = 32
const MAX_PATH_LENGTH = 4096

export interface DropOptions {
  devServerUrl?: string
  log?: (message: string, error?: unknown) => void
}

export function registerDropFiles(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  grant: (path: string) => Promise<unknown>,
  options: DropOptions = {},
): () => void {
  ipcMain.handle(DROP_CHANNEL, (event: IpcMainInvokeEvent, ...args: unknown[]) =>
    handleDrop(event, args, grant, options),
  )
  return () => ipcMain.removeHandler(DROP_CHANNEL)
}

/** The number of files granted; refusals are silent to the page (it never sent these paths itself). */
export async function handleDrop(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  args: unknown[],
  grant: (path: string) => Promise<unknown>,
  options: DropOptions = {},
): Promise<number> {
  if (!isTrustedSender(senderFrameInfo(event), options.devServerUrl)) return 0
  const [paths] = args
  if (args.length !== 1 || !Array.isArray(paths) || paths.length === 0 || paths.length > MAX_DROPPED_FILES)
    return 0
  let granted = 0
  for (const path of paths) {
    if (typeof path !== 'string' || path.length === 0 || path.length > MAX_PATH_LENGTH) continue
    try {
      await grant(path)
      granted += 1
    } catch (error) {
      options.log?.('[drop] refused a dropped file', error)
    }
  }
  return granted
}
