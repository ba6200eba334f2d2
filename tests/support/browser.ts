/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). The app is offline by
 * design, so every page opened here records any request that leaves the local test server, and
 * `assertOffline()` fails the test if there was one.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page, Request } from 'playwright-core'
import { API_PREFIX, EVENTS_PATH } from '../../electron/web/wire'
import { launchChromium } from './chromium'
import { mulberry32 } from './prng'
import { repoRoot } from './webApp'

export const artifactsDir = join(repoRoot, 'tests', 'artifacts')

/**
 * A slow machine on demand (milliseconds; 0 by default): every piece of the built renderer's code and
 * every data call is held this long before it is served, so a test that reads the page before a
 * lazily loaded component or a data call has drawn what it reads fails here far more often than on CI.
 * A component whose code is already loaded still renders a tick after its parent: only a wait or a
 * poll in the test covers that.
 */
const CODE_DELAY = Number(process.env.CTE_E2E_CODE_DELAY ?? 0)
const CALL_DELAY = Number(process.env.CTE_E2E_CALL_DELAY ?? 0)
/**
 * Answers out of order on demand (milliseconds; 0 by default): each data call is held a further random
 * time up to this long, so of two calls asked one after the other the second may be answered first, as
 * when the engine answers a quick query before a slow one. A page that takes whichever answer came last
 * for the latest question, or reads one answer before another it needs, shows it here. The draws come
 * from CTE_E2E_SEED (printed with the first page), so a failing run can be replayed.
 */
const CALL_JITTER = Number(process.env.CTE_E2E_CALL_JITTER ?? 0)
const SEED = Number(process.env.CTE_E2E_SEED ?? Math.floor(Math.random() * 2 ** 32))
const jitter = mulberry32(SEED)
let seedShown = false
const held = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Per page, settled once the document now loaded has its event stream open: the server adds a
 * listener before it answers, so from then on a broadcast reaches this document. A new document
 * (reload, `goto` to another address) starts a new stream and so a new promise.
 */
const streams = new WeakMap<Page, Promise<void>>()

function watchEventStream(page: Page): void {
  let open = () => {}
  const next = () => streams.set(page, new Promise<void>((resolve) => (open = resolve)))
  next()
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) next()
  })
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === EVENTS_PATH && response.ok()) open()
  })
}

/** Resolves once the page's current document listens to the server's events (see `watchEventStream`). */
export function eventStreamOpen(page: Page): Promise<void> {
  const open = streams.get(page)
  if (!open) throw new Error('This page was not opened by launchBrowser().newPage.')
  return open
}

export interface TestBrowser {
  browser: Browser
  newPage(options?: {
    colorScheme?: 'light' | 'dark'
    locale?: string
    width?: number
    height?: number
    /**
     * Requests are only watched, not routed: a foreign one is still recorded (and fails
     * `assertOffline()`) but not refused, and nothing is held. For timings: a routed request waits for
     * this process to let it through, which the app never does, and on a busy machine that wait put
     * some 100 ms on the Explorer's first data call.
     */
    watchOnly?: boolean
  }): Promise<Page>
  /** Requests that went anywhere but the app's own origin. */
  foreignRequests: string[]
  /** Errors the page logged or threw. */
  pageErrors: string[]
  assertOffline(): void
  close(): Promise<void>
}

export async function launchBrowser(...appOrigins: string[]): Promise<TestBrowser> {
  const browser = await launchChromium()
  const contexts: BrowserContext[] = []
  const foreignRequests: string[] = []
  const pageErrors: string[] = []

  return {
    browser,
    foreignRequests,
    pageErrors,
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
        colorScheme: options.colorScheme ?? 'light',
        locale: options.locale ?? 'en-US',
        serviceWorkers: 'block',
      })
      contexts.push(context)
      if (CALL_JITTER && !seedShown) {
        seedShown = true
        console.info(
          `Data calls answered out of order: CTE_E2E_CALL_JITTER=${CALL_JITTER} CTE_E2E_SEED=${SEED}`,
        )
      }
      const own = (url: string) =>
        appOrigins.some((origin) => url.startsWith(`${origin}/`)) ||
        url.startsWith('data:') ||
        url.startsWith('blob:')
      if (options.watchOnly) {
        context.on('request', (request) => {
          if (!own(request.url())) foreignRequests.push(request.url())
        })
      } else {
        // Refuse, and remember, anything that is not the app's own origin (data: and blob: stay in the page).
        await context.route('**/*', async (route) => {
          const url = route.request().url()
          if (own(url)) {
            const path = new URL(url).pathname
            if (CODE_DELAY && path.startsWith('/assets/')) await held(CODE_DELAY)
            if (CALL_DELAY && path.startsWith(API_PREFIX)) await held(CALL_DELAY)
            if (CALL_JITTER && path.startsWith(API_PREFIX)) await held(jitter() * CALL_JITTER)
            return route.continue()
          }
          foreignRequests.push(url)
          return route.abort('blockedbyclient')
        })
      }
      const page = await context.newPage()
      watchEventStream(page)
      page.on('pageerror', (error) => pageErrors.push(error.message))
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text())
      })
      return page
    },
    assertOffline() {
      if (foreignRequests.length > 0)
        throw new Error(`The app made requests outside its own origin:\n${foreignRequests.join('\n')}`)
    },
    async close() {
      for (const context of contexts) await context.close()
      await browser.close()
    },
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true })
  const path = join(artifactsDir, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/**
 * The header's items that sit on a second line (the header wrapped): shown items (a visually hidden
 * one is 1 px wide) that start below the bottom of the first page link.
 */
export function headerSecondLine(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector<HTMLElement>('header.top')!
    const line = header.querySelector('nav a')!.getBoundingClientRect()
    return Array.from(header.querySelectorAll<HTMLElement>('.brand, nav a, .offline, .commands > *'))
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 1)
      .filter((el) => el.getBoundingClientRect().top >= line.bottom)
      .map((el) => el.textContent?.trim() || el.outerHTML.slice(0, 60))
  })
}

/**
 * A slow machine for one kind of data call: the page's calls to `call` (those `which` picks, all by
 * default) wait until the test calls the returned function, then go on as usual. For tests that show
 * what the page does while an answer is still on its way, and when it comes late.
 */
export async function holdCall(
  page: Page,
  call: string,
  which: (request: Request) => boolean = () => true,
): Promise<() => void> {
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(
    (url) => url.pathname === `${API_PREFIX}${call}`,
    async (route) => {
      if (which(route.request())) await held
      await route.fallback()
    },
  )
  return release
}
