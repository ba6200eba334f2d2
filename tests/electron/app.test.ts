/**
 * The desktop app in real Electron: the built app (`out/main/index.js`) or, in the release workflow,
 * the packaged one (CTE_PACKAGED_APP), asserted live — the window's effective webPreferences, the CSP
 * and security headers on app:// responses, navigation and window.open denied, external requests
 * blocked, IPC through the preload (and refused from a foreign frame), the data engine, a chart with
 * real numbers, a .ctesnap given on the command line, save and reopen, printToPDF, and a clean quit.
 *
 * Where no Electron binary exists (our development machines: it cannot be downloaded) every test here
 * is reported SKIPPED with the reason in its title — never passed. CI runs it on three OSes.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { extractText, getDocumentProxy } from 'unpdf'
import { CONTENT_SECURITY_POLICY, securityHeaders } from '../../electron/main/csp'
import { repoRoot } from '../support/webApp'
import {
  electronTarget,
  isRunning,
  launchApp,
  needsMainProcess,
  newUserData,
  resourcesDir,
  type LiveApp,
} from '../support/electronApp'

const target = electronTarget()
const skipped = target.ok ? null : target.reason
const mainOnly = needsMainProcess(target)
/** A name with the reason it is skipped here, when it is (the runner prints it with the test). */
const title = (name: string, reason: string | null = null) => (reason ? `${name} — SKIPPED: ${reason}` : name)
const packagedOnly = target.ok && target.kind === 'packaged' ? null : 'only a packaged app has an app.asar'
/** Tests that drive the main process: skipped (with the reason) against the packaged app. */
const itMain = it.skipIf(mainOnly !== null)
const itPackaged = it.skipIf(packagedOnly !== null)

/** Texts and numbers published by China's customs (the Overview end-to-end test checks the same). */
const NOV_2025_EXPORTS = 330.3
const SNAPSHOT_TITLE = 'Exports in the live app'

type Answer = { ok: boolean; data?: unknown; error?: { code: string } }
const trade = (page: Page, method: string, args: unknown): Promise<Answer> =>
  page.evaluate(
    ([m, a]) =>
      (globalThis as unknown as Record<string, Record<string, (x: unknown) => Promise<Answer>>>)['trade']![
        m!
      ]!(a),
    [method, args] as const,
  )

async function go(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash)
  await page.locator(ready).first().waitFor({ timeout: 30_000 })
}

/** Quits as the user does and checks: exit code 0, and not one of the app's processes left. */
async function quitCleanly(app: LiveApp): Promise<void> {
  const pids = await app.processIds()
  expect(pids.length).toBeGreaterThan(1) // browser and at least one renderer
  expect(await app.quit()).toBe(0)
  await expect.poll(() => pids.filter(isRunning), { timeout: 15_000 }).toEqual([])
}

/** The library's snapshot files under a user-data folder (wherever the OS put the app's folder). */
function snapshotFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) return snapshotFiles(full)
    return name.endsWith('.ctesnap') ? [full] : []
  })
}

describe.skipIf(!target.ok)(title('the live app window', skipped), () => {
  let app: LiveApp
  beforeAll(async () => {
    app = await launchApp(target)
  })
  afterAll(async () => {
    if (app) await quitCleanly(app).finally(() => app.dispose())
  })

  itMain(title('reads the effective webPreferences back from the live window', mainOnly), async () => {
    const windows = await app.main!.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) =>
        // Electron's own effective preferences (not in its typings; its own tests read them so).
        (
          w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }
        ).getLastWebPreferences(),
      ),
    )
    expect(windows).toHaveLength(1)
    expect(windows[0]).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    })
    // No Blink feature switched on (Electron reports none, or the empty list we set).
    expect(windows[0]!['enableBlinkFeatures'] ?? '').toBe('')
    // The Electron that runs is the one package-lock.json pins.
    const pinned = (
      JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
        version: string
      }
    ).version
    expect(await app.main!.evaluate(() => process.versions.electron)).toBe(pinned)
    // This run is isolated: its profile is the temporary folder.
    expect(await app.main!.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toContain(
      app.userData,
    )
  })

  it(title('the page has no Node.js and sees only the frozen window.trade'), async () => {
    const seen = await app.page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>
      return {
        require: typeof g['require'],
        process: typeof g['process'],
        module: typeof g['module'],
        trade: typeof g['trade'],
        frozen: Object.isFrozen(g['trade']),
        // webviewTag off: <webview> is an unknown element, not Electron's tag.
        webview: document.createElement('webview').constructor.name,
      }
    })
    expect(seen).toEqual({
      webview: 'HTMLUnknownElement',
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      trade: 'object',
      frozen: true,
    })
  })

  it(
    title('app:// answers carry the CSP and the security headers, errors included; the CSP applies'),
    async () => {
      const answers = await app.page.evaluate(async () => {
        const read = async (url: string) => {
          const response = await fetch(url)
          const headers: Record<string, string> = {}
          response.headers.forEach((value, name) => (headers[name] = value))
          return { status: response.status, headers }
        }
        return {
          page: await read('app://trade/index.html'),
          missing: await read('app://trade/no-such-file.js'),
        }
      })
      expect(answers.page.status).toBe(200)
      expect(answers.missing.status).toBe(404)
      for (const answer of [answers.page, answers.missing]) {
        expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
        for (const [name, value] of Object.entries(securityHeaders()))
          expect(answer.headers[name.toLowerCase()], name).toBe(value)
      }
      // As applied: an injected inline script does not run, eval is refused.
      const applied = await app.page.evaluate(() => {
        const g = globalThis as unknown as Record<string, unknown>
        const script = document.createElement('script')
        script.textContent = 'globalThis.inlineRan = true'
        document.head.append(script)
        let evalRan: boolean
        try {
          evalRan = (0, eval)('true') as boolean
        } catch {
          evalRan = false
        }
        return { inline: g['inlineRan'] === true, eval: evalRan }
      })
      expect(applied).toEqual({ inline: false, eval: false })
    },
  )

  it(title('navigation away and window.open are denied'), async () => {
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'app://trade.evil/index.html']) {
      await app.page.evaluate((u) => {
        location.href = u
      }, url)
      await app.page.waitForTimeout(300)
      expect(app.page.url()).toMatch(/^app:\/\/trade\//)
    }
    const opened = await app.page.evaluate(() =>
      ['app://trade/index.html', 'http://example.com/', 'about:blank'].map((u) => window.open(u) === null),
    )
    expect(opened).toEqual([true, true, true])
    if (app.main)
      expect(await app.main.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    else
      expect(
        app.page
          .context()
          .pages()
          .filter((p) => !p.isClosed()),
      ).toHaveLength(1)
  })

  it(title('every permission request is refused'), async () => {
    const answers = await app.page.evaluate(async () => ({
      notifications: await Notification.requestPermission(),
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
      // Electron grants both when no handler is set; ours (and the Permissions-Policy header) refuse.
      clipboard: (await navigator.permissions.query({ name: 'clipboard-read' as PermissionName })).state,
    }))
    expect(answers).toEqual({ notifications: 'denied', geolocation: 'denied', clipboard: 'denied' })
  })

  itMain(
    title(
      'only a vetted https link reaches the system browser, after the user confirms its full URL',
      mainOnly,
    ),
    async () => {
      const main = app.main!
      // Record instead of opening a browser on the test machine; the confirmation is answered "Open".
      await main.evaluate(({ shell, dialog }) => {
        const opened: string[] = []
        const asked: string[] = []
        Object.assign(globalThis, { opened, asked })
        shell.openExternal = (async (url: string) => void opened.push(url)) as typeof shell.openExternal
        dialog.showMessageBox = (async (...args: unknown[]) => {
          asked.push(String((args.at(-1) as { detail?: string }).detail))
          return { response: 0, checkboxChecked: false }
        }) as typeof dialog.showMessageBox
      })
      await app.page.evaluate(() => {
        for (const url of [
          'https://www.reuters.com/markets/china-exports/',
          'http://www.reuters.com/',
          'https://user:pw@example.com/',
          'file:///etc/passwd',
          'https://127.0.0.1/',
        ])
          window.open(url)
      })
      await app.page.waitForTimeout(300)
      expect(await main.evaluate(() => (globalThis as unknown as { opened: string[] }).opened)).toEqual([
        'https://www.reuters.com/markets/china-exports/',
      ])
      expect(await main.evaluate(() => (globalThis as unknown as { asked: string[] }).asked)).toEqual([
        'https://www.reuters.com/markets/china-exports/',
      ])
    },
  )

  it(
    title('a request to an external host is blocked: by the CSP, and by the session filter without it'),
    async () => {
      const request = () =>
        app.page.evaluate(async () => {
          try {
            await fetch('https://example.com/cte-offline-check', { mode: 'no-cors' })
            return 'sent'
          } catch {
            return 'blocked'
          }
        })
      expect(await request()).toBe('blocked')
      // Without the CSP (DevTools bypass), the main process's network filter still cancels it, and says so.
      const cdp = await app.page.context().newCDPSession(app.page)
      await cdp.send('Page.setBypassCSP', { enabled: true })
      await app.page.reload()
      await app.page.waitForLoadState('load')
      try {
        expect(await request()).toBe('blocked')
        await expect
          .poll(() => app.output())
          .toContain('[network] blocked https://example.com/cte-offline-check')
      } finally {
        await cdp.send('Page.setBypassCSP', { enabled: false })
        await app.page.reload()
        await app.page.waitForLoadState('load')
        await cdp.detach()
      }
    },
  )

  it(
    title('IPC through the preload answers the app page; the data engine answers with real numbers'),
    async () => {
      const catalog = await trade(app.page, 'listDatasets', {})
      expect(catalog.ok).toBe(true)
      expect((catalog.data as { datasets: Array<{ id: string }> }).datasets.map((d) => d.id)).toContain(
        'china-trade',
      )
      const series = await trade(app.page, 'getSeries', {
        dataset: 'china-trade',
        flow: 'exports',
        from: '2025-11',
        to: '2025-11',
      })
      expect(series.ok).toBe(true)
      const points = (series.data as { points: Array<{ period: string; value: number }> }).points
      expect(points.find((p) => p.period === '2025-11')?.value).toBe(NOV_2025_EXPORTS)
    },
  )

  itMain(
    title('IPC refuses the same preload in a page that is not the app (FORBIDDEN_SENDER)', mainOnly),
    async () => {
      const main = app.main!
      const [foreign] = await Promise.all([
        main.waitForEvent('window'),
        main.evaluate(({ BrowserWindow }) => {
          const ours = BrowserWindow.getAllWindows()[0]!
          const { preload } = (
            ours.webContents as unknown as { getLastWebPreferences(): { preload: string } }
          ).getLastWebPreferences()
          const w = new BrowserWindow({
            show: false,
            webPreferences: { preload, sandbox: true, contextIsolation: true },
          })
          void w.loadURL('data:text/html,<title>not the app</title>')
        }),
      ])
      await foreign.waitForLoadState('load')
      expect(await trade(foreign, 'listDatasets', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      })
      await main.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows()
          .filter((w) => w.webContents.getURL().startsWith('data:'))
          .forEach((w) => w.destroy()),
      )
    },
  )

  itPackaged(title('the data engine starts from the unpacked asar', packagedOnly), async () => {
    if (!target.ok) throw new Error(target.reason)
    const resources = resourcesDir(target.executable)
    expect(existsSync(join(resources, 'app.asar'))).toBe(true)
    const duckdb = join(resources, 'app.asar.unpacked', 'node_modules', '@duckdb')
    const bindings = readdirSync(duckdb).filter((name) => name.startsWith('node-bindings'))
    const natives = bindings.flatMap((b) => readdirSync(join(duckdb, b)).filter((f) => f.endsWith('.node')))
    expect(natives.length).toBeGreaterThan(0)
    // And it runs: a query answered (a native module cannot be loaded from inside the archive).
    const series = await trade(app.page, 'getSeries', { dataset: 'china-trade', flow: 'exports' })
    expect(series.ok).toBe(true)
  })

  it(title('a chart draws real numbers (Overview, November 2025)'), async () => {
    await go(app.page, '#/', '[data-flow="exports"] [data-test="level"]')
    await app.page.selectOption('[data-test="period"]', '2025-11')
    await expect
      .poll(() => app.page.locator('[data-flow="exports"] [data-test="level"]').textContent())
      .toBe(`$${NOV_2025_EXPORTS} bn`)
    const canvas = app.page.locator('[data-test="monthly-chart"] canvas')
    await canvas.waitFor()
    const painted = await canvas.evaluate((c) => {
      const canvasElement = c as HTMLCanvasElement
      const { data } = canvasElement
        .getContext('2d')!
        .getImageData(0, 0, canvasElement.width, canvasElement.height)
      let inked = 0
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked += 1
      return inked
    })
    expect(painted).toBeGreaterThan(1000)
  })
})

describe.skipIf(!target.ok)(title('snapshots across runs of the live app', skipped), () => {
  const work = mkdtempSync(join(tmpdir(), 'cte-electron-snapshots-'))
  const file = join(work, 'Exports in the live app.ctesnap')
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it(
    title(
      'saves a snapshot and quits cleanly (exit 0, no process left); the .ctesnap given on the command line of a fresh run opens',
    ),
    async () => {
      const first = await launchApp(target)
      try {
        await go(first.page, '#/explorer', '[data-test="explorer-chart"] canvas')
        await first.page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
        await first.page.click('[data-test="save-snapshot"]')
        await first.page.fill('[data-test="snapshot-title"]', SNAPSHOT_TITLE)
        await first.page.click('[data-test="snapshot-save"]')
        await first.page.locator('[data-test="snapshot-saved"]').waitFor()
        const saved = snapshotFiles(first.userData)
        expect(saved).toHaveLength(1)
        expect(JSON.parse(readFileSync(saved[0]!, 'utf8')).title).toBe(SNAPSHOT_TITLE)
        copyFileSync(saved[0]!, file)
        await quitCleanly(first)
      } finally {
        await first.dispose()
      }

      // A new profile: the only way it can know the snapshot is the file on its command line.
      const second = await launchApp(target, { args: [file], userData: newUserData() })
      try {
        const banner = second.page.locator('[data-test="snapshot-banner"]')
        await banner.waitFor({ timeout: 30_000 })
        expect(await banner.innerText()).toContain(SNAPSHOT_TITLE)
        await quitCleanly(second)
      } finally {
        await second.dispose()
      }
    },
  )

  itMain(
    title('exports the snapshot as a PDF (printToPDF) whose text can be extracted', mainOnly),
    async () => {
      const app = await launchApp(target, { args: [file] })
      try {
        await app.page.locator('[data-test="snapshot-banner"]').waitFor({ timeout: 30_000 })
        const pdf = join(work, 'live.pdf')
        // The native save dialog cannot be clicked by a test: main's dialog answers the path instead.
        await app.main!.evaluate(({ dialog }, path) => {
          dialog.showSaveDialog = (async () => ({
            canceled: false,
            filePath: path,
          })) as typeof dialog.showSaveDialog
        }, pdf)
        await go(app.page, '#/snapshots', '[data-test="snapshot-pdf"]')
        await app.page.click('[data-test="snapshot-pdf"]')
        await expect.poll(() => existsSync(pdf) && statSync(pdf).size > 1000, { timeout: 60_000 }).toBe(true)
        const bytes = new Uint8Array(readFileSync(pdf))
        expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
        const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true })
        expect(text).toContain(SNAPSHOT_TITLE)
        expect(text).toMatch(/\d/)
        await quitCleanly(app)
      } finally {
        await app.dispose()
      }
    },
  )
})
