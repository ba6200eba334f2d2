/**
 * One app (real services over the web transport) and one Debian Chromium for a test file: started
 * before its tests, stopped after them. The returned object's fields are set once `beforeAll` has run.
 */
import { afterAll, beforeAll, expect } from 'vitest'
import type { Page } from 'playwright-core'
import type { AppCommandEvent } from '../../electron/shared/api'
import { eventStreamOpen, launchBrowser, type TestBrowser } from './browser'
import { startWebApp, type WebApp, type WebAppOptions } from './webApp'

export interface AppInBrowser {
  app: WebApp
  browser: TestBrowser
}

export function appInBrowser(options: WebAppOptions = {}): AppInBrowser {
  const suite = {} as AppInBrowser
  beforeAll(async () => {
    suite.app = await startWebApp(options)
    suite.browser = await launchBrowser(suite.app.server.origin)
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.app?.close()
  })
  return suite
}

/**
 * Sends a command as the application menu (or the OS opening a file) does, and waits until the page
 * shows `done`. Sent once, when the page can hear it: its event stream is open and the app shell,
 * which subscribes to commands as it mounts, is on screen. Sending again and again until the page
 * reacted could run a command twice (a theme toggled back) on a slow machine.
 */
export async function menuCommand(
  suite: AppInBrowser,
  page: Page,
  command: AppCommandEvent,
  done: () => Promise<boolean>,
): Promise<void> {
  await eventStreamOpen(page)
  await page.locator('[data-test="about"]').waitFor({ state: 'attached' })
  suite.app.server.broadcast('command', command)
  await expect.poll(done).toBe(true)
}
