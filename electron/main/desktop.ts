/**
 * What makes the app a desktop citizen, wired in one place: the application menu, the recent-files
 * list (ours and the OS's), and files the OS asks us to open (argv, macOS open-file, a second launch).
 * Electron's objects are passed in (type-only imports), so the whole flow runs in unit tests with fakes.
 *
 * Files and menu commands reach the page as `command` events. Until the page has loaded (at start-up
 * a double-clicked file arrives before the window exists) they wait in a queue, then go out in order.
 * - a `.ctesnap` snapshot → granted to the snapshot service (`grantSnapshotFile`), then
 *   `{ command: 'openSnapshot', file }`: the page opens it by that opaque token (never its path), which
 *   main accepts only because it handed it out here.
 * - a data file → the importer's `grantDataFile` (when one is wired), then `{ command: 'openDataFile' }`,
 *   which takes the user to the Import page.
 */
import type { App } from 'electron'
import type { AppCommand } from '../shared/commands'
import type { AppCommandEvent } from '../shared/api'
import type { RecentFiles } from '../services/recentFiles'
import { installApplicationMenu, type MenuApi } from './menu'
import { buildMenuModel } from './menuModel'
import type { MainLocale } from './wording'
import {
  openKindOf,
  routeOpenRequest,
  type OpenRequest,
  type OpenSource,
  type RouteOptions,
} from './openFile'

export interface DesktopOptions {
  platform: NodeJS.Platform
  isPackaged: boolean
  appName: string
  /** The language of the menu until the page says its own (`setLocale`): the OS's. */
  locale: MainLocale
  menu: MenuApi
  /** The OS recent-documents list (Windows jump list, macOS Dock menu). */
  os: Pick<App, 'addRecentDocument' | 'clearRecentDocuments'>
  recent: RecentFiles
  /** Sends a command event to the page (the caller validates it against the event contract). */
  send(event: AppCommandEvent): void
  /** Brings the window to the front (a file opened from the OS). */
  focus(): void
  /** Lets the importer read a data file the user opened from the OS; absent until the importer offers it. */
  grantDataFile?: (file: string) => void | Promise<void>
  /** Lets the snapshot service open a `.ctesnap` the user opened from the OS; the token the page opens it by. */
  grantSnapshotFile?: (file: string) => Promise<string>
  route?: RouteOptions
  log?: (message: string, error?: unknown) => void
}

export interface Desktop {
  /** Files from the OS: routed, remembered, delivered to the page. Resolves with the files accepted. */
  open(source: OpenSource, request: OpenRequest): Promise<string[]>
  /** A menu command (or any app command main wants the page to run). */
  command(command: AppCommand): void
  /** The page loaded and listens: deliver what waited. */
  pageReady(): void
  /** The page is (re)loading: queue until it is back. */
  pageGone(): void
  /** Builds (then rebuilds) the application menu; call it first once the app is ready. */
  refreshMenu(): Promise<void>
  /** The page's language: the menu is rebuilt in it (once it exists), and dialogs use it from now on. */
  setLocale(locale: MainLocale): Promise<void>
  /** For tests and diagnostics: what waits for the page. */
  queued(): readonly AppCommandEvent[]
}

const MAX_QUEUE = 64

export function createDesktop(options: DesktopOptions): Desktop {
  const log = options.log ?? ((message, error) => console.error(`[desktop] ${message}`, error ?? ''))
  const queue: AppCommandEvent[] = []
  let ready = false
  // The menu is built once main asks (after app ready); files opened before that only update the list.
  let menuInstalled = false
  let locale = options.locale

  function deliver(event: AppCommandEvent): void {
    if (ready) {
      options.send(event)
      return
    }
    if (queue.length < MAX_QUEUE) queue.push(event)
  }

  async function refreshMenu(): Promise<void> {
    menuInstalled = true
    let recentFiles: string[] = []
    try {
      recentFiles = await options.recent.list()
    } catch (error) {
      log('could not read the recent files', error)
    }
    const model = buildMenuModel({
      platform: options.platform,
      isPackaged: options.isPackaged,
      appName: options.appName,
      recentFiles,
      locale,
    })
    installApplicationMenu(options.menu, model, {
      command: (command) => deliver({ command }),
      openRecent: (file) => void openRecent(file),
      clearRecent: () => void clearRecent(),
    })
  }

  async function openRecent(file: string): Promise<void> {
    const opened = await open('open-file', { path: file })
    if (opened.length === 0) {
      // Moved or deleted since: drop it from the list rather than offer it again.
      await options.recent
        .remove(file)
        .catch((error: unknown) => log('could not update the recent files', error))
      await refreshMenu()
    }
  }

  async function clearRecent(): Promise<void> {
    try {
      await options.recent.clear()
      options.os.clearRecentDocuments()
    } catch (error) {
      log('could not clear the recent files', error)
    }
    await refreshMenu()
  }

  async function open(source: OpenSource, request: OpenRequest): Promise<string[]> {
    const files = routeOpenRequest(source, request, options.route)
    let dataFiles = 0
    for (const file of files) {
      try {
        await options.recent.add(file)
        options.os.addRecentDocument(file)
      } catch (error) {
        log('could not remember a recent file', error)
      }
      if (openKindOf(file) === 'snapshot') {
        // A file the service cannot open still gets a token (opening it says why); only a service that
        // is not there at all leaves nothing to send.
        try {
          const token = await options.grantSnapshotFile?.(file)
          if (token) deliver({ command: 'openSnapshot', file: token })
        } catch (error) {
          log('the snapshot service could not take a file', error)
        }
        continue
      }
      try {
        await options.grantDataFile?.(file)
        dataFiles += 1
      } catch (error) {
        log('the importer refused a file', error)
      }
    }
    // One trip to the Import page, however many data files came at once.
    if (dataFiles > 0) deliver({ command: 'openDataFile' })
    if (files.length > 0) {
      options.focus()
      if (menuInstalled) await refreshMenu()
    }
    return files
  }

  return {
    open,
    command: (command) => deliver({ command }),
    pageReady() {
      ready = true
      for (const event of queue.splice(0)) options.send(event)
    },
    pageGone() {
      ready = false
    },
    refreshMenu,
    async setLocale(next) {
      if (next === locale) return
      locale = next
      if (menuInstalled) await refreshMenu()
    },
    queued: () => [...queue],
  }
}
