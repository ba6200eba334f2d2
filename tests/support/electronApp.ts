/**
 * The live desktop app for the real-Electron suite (tests/electron/): which app to launch, or why none
 * can be, and one launched app with its window, its process and a clean quit.
 *
 * Two targets:
 * - **built**: Electron's binary from the `electron` package running this checkout (`out/main/index.js`
 *   through package.json's `main`), driven by playwright-core's `_electron` (main process included);
 * - **packaged**: `CTE_PACKAGED_APP` names the executable of an installed/extracted installer (the
 *   release workflow sets it). Its fuses turn off `--inspect`, which `_electron` needs, so the app is
 *   started directly and driven over Chromium's DevTools protocol: the page only, never the main
 *   process (tests that need main say so and are skipped for that target, with the reason).
 *
 * Where no Electron binary exists (our development machines) `electronTarget()` answers the reason,
 * and the suite reports itself skipped with it. `CTE_REQUIRE_ELECTRON=1` (set in CI) turns that into a
 * failure, so a hosted runner can never skip silently.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from 'playwright-core'
import { repoRoot } from './webApp'

export type ElectronTarget =
  | { ok: true; kind: 'built'; executable: string }
  | { ok: true; kind: 'packaged'; executable: string }
  | { ok: false; reason: string }

export function electronTarget(): ElectronTarget {
  const target = findTarget()
  if (!target.ok && process.env['CTE_REQUIRE_ELECTRON'] === '1')
    throw new Error(`CTE_REQUIRE_ELECTRON is set but the Electron suite cannot run: ${target.reason}`)
  return target
}

function findTarget(): ElectronTarget {
  const packaged = process.env['CTE_PACKAGED_APP']
  if (packaged) {
    return existsSync(packaged)
      ? { ok: true, kind: 'packaged', executable: packaged }
      : { ok: false, reason: `CTE_PACKAGED_APP names ${packaged}, which does not exist` }
  }
  const executable = electronBinary()
  if (!executable.ok) return executable
  if (!existsSync(join(repoRoot, 'out', 'main', 'index.js')))
    throw new Error('out/main/index.js is missing: run `npm run build` before the Electron suite')
  return { ok: true, kind: 'built', executable: executable.path }
}

/**
 * The electron package's binary. Requiring the package downloads a missing binary first, which is
 * right on CI (CTE_REQUIRE_ELECTRON) but only a slow failure here: elsewhere the binary is looked up
 * where the package keeps it (path.txt names it inside dist/), without a download.
 */
function electronBinary(): { ok: true; path: string } | { ok: false; reason: string } {
  const require = createRequire(import.meta.url)
  if (process.env['CTE_REQUIRE_ELECTRON'] === '1') return { ok: true, path: require('electron') as string }
  const packageDir = dirname(require.resolve('electron/package.json'))
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile))
    return {
      ok: false,
      reason: "no Electron binary on this machine (npm's electron package was installed without it)",
    }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary)
    ? { ok: true, path: binary }
    : { ok: false, reason: `no Electron binary on this machine (${binary} is missing)` }
}

/** The reason a test that needs the main process cannot run against this target, or null. */
export function needsMainProcess(target: ElectronTarget): string | null {
  return target.ok && target.kind === 'packaged'
    ? "the packaged app's fuses refuse --inspect, so its main process cannot be driven (this runs against the built app)"
    : null
}

export interface LiveApp {
  /** The app window (app://trade/index.html, loaded). */
  page: Page
  /** The main process, for the built app only. */
  main: ElectronApplication | null
  /** The main process id. */
  pid: number
  /** This run's user-data folder (recent files, library, snapshots). */
  userData: string
  /** Everything the main process printed (stdout and stderr). */
  output(): string
  /** Pids of every process of the app now (browser, renderers, GPU, utility). */
  processIds(): Promise<number[]>
  /** Quits as the user does (the last window closes), and resolves with the exit code. */
  quit(): Promise<number | null>
  /** Kills whatever is left (after a failed test) and removes the user-data folder unless kept. */
  dispose(): Promise<void>
}

export interface LaunchOptions {
  /** Extra command-line arguments (files to open). */
  args?: string[]
  /** Reuse a user-data folder (a second run of the same profile); a new one otherwise. */
  userData?: string
}

/** Where a profile goes: a fresh folder per run, so runs never see each other's library. */
export function newUserData(): string {
  return mkdtempSync(join(tmpdir(), 'cte-electron-'))
}

function isolatedEnv(userData: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env['ELECTRON_RENDERER_URL']
  delete env['ELECTRON_RUN_AS_NODE']
  return {
    ...env,
    // Also keeps the OS-level app folders (appData, caches) of the run inside the temporary folder.
    HOME: userData,
    XDG_CONFIG_HOME: join(userData, 'config'),
    XDG_CACHE_HOME: join(userData, 'cache'),
    APPDATA: join(userData, 'AppData', 'Roaming'),
    LOCALAPPDATA: join(userData, 'AppData', 'Local'),
  }
}

export async function launchApp(target: ElectronTarget, options: LaunchOptions = {}): Promise<LiveApp> {
  if (!target.ok) throw new Error(target.reason)
  const userData = options.userData ?? newUserData()
  const args = [`--user-data-dir=${userData}`, ...(options.args ?? [])]
  return target.kind === 'built'
    ? launchBuilt(args, userData)
    : launchPackaged(target.executable, args, userData)
}

/** The app window: the first page there is (or the next to open), once it shows app://trade. */
async function appWindow(pages: () => Page[], next: () => Promise<Page>): Promise<Page> {
  const page = pages()[0] ?? (await next())
  // The window exists before its page loads (about:blank first): wait for the app's own URL.
  await page.waitForURL((url) => url.href.startsWith('app://trade/'), { timeout: 60_000 })
  await page.waitForLoadState('load')
  return page
}

async function launchBuilt(args: string[], userData: string): Promise<LiveApp> {
  // No executablePath: playwright-core then starts the electron package's binary with its loader, which
  // holds `ready` until it is attached (so the first window is seen) and strips its own switches from
  // argv. chromiumSandbox: without it playwright adds --no-sandbox on Linux; we test the sandbox as shipped.
  const main = await _electron.launch({
    chromiumSandbox: true,
    args: [repoRoot, ...args],
    cwd: repoRoot,
    env: isolatedEnv(userData) as Record<string, string>,
    timeout: 60_000,
  })
  const child = main.process()
  let output = ''
  child.stdout?.on('data', (chunk) => (output += String(chunk)))
  child.stderr?.on('data', (chunk) => (output += String(chunk)))
  const exited = exitOf(child)
  const page = await appWindow(
    () => main.windows(),
    () => main.waitForEvent('window', { timeout: 60_000 }),
  )
  return {
    page,
    main,
    pid: child.pid!,
    userData,
    output: () => output,
    processIds: () => main.evaluate(({ app }) => app.getAppMetrics().map((m) => m.pid)),
    async quit() {
      await main.evaluate(({ app }) => {
        setTimeout(() => app.quit(), 0)
      })
      return exited
    },
    dispose: () => dispose(child, userData),
  }
}

async function launchPackaged(executable: string, args: string[], userData: string): Promise<LiveApp> {
  const child = spawn(executable, ['--remote-debugging-port=0', ...args], {
    env: isolatedEnv(userData),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += String(chunk)))
  const endpoint = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no DevTools endpoint from ${executable}:\n${output}`)),
      60_000,
    )
    child.stderr?.on('data', (chunk) => {
      output += String(chunk)
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(output)
      if (found) {
        clearTimeout(timer)
        resolve(found[1]!)
      }
    })
    child.once('exit', (code) =>
      reject(new Error(`${executable} exited (${code}) before it could be driven:\n${output}`)),
    )
  })
  const exited = exitOf(child)
  const browser: Browser = await chromium.connectOverCDP(await endpoint)
  // Electron's windows live in its default session: the one context DevTools shows.
  const context = browser.contexts()[0]
  if (!context) throw new Error('the packaged app exposes no browser context')
  const page = await appWindow(
    () => context.pages(),
    () => context.waitForEvent('page', { timeout: 60_000 }),
  )
  return {
    page,
    main: null,
    pid: child.pid!,
    userData,
    output: () => output,
    async processIds() {
      const cdp = await browser.newBrowserCDPSession()
      const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ id: number }> }
      await cdp.detach()
      return [child.pid!, ...info.processInfo.map((p) => p.id)]
    },
    async quit() {
      // The user closes the last window; the app quits on window-all-closed.
      await page.close({ runBeforeUnload: false })
      return exited
    },
    dispose: () => dispose(child, userData),
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })
}

/** Is a process with this id still running? */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function dispose(child: ChildProcess, userData: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill()
    await exitOf(child)
  }
  rmSync(userData, { recursive: true, force: true, maxRetries: 5 })
}

/** The packaged app's resources folder (beside the executable; inside the bundle on macOS). */
export function resourcesDir(executable: string): string {
  return process.platform === 'darwin'
    ? join(dirname(executable), '..', 'Resources')
    : join(dirname(executable), 'resources')
}
