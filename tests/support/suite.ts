/**
 * One app (real services over the web transport) and one Debian Chromium for a test file: started
 * before its tests, stopped after them. The returned object's fields are set once `beforeAll` has run.
 */
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser, type TestBrowser } from './browser'
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
