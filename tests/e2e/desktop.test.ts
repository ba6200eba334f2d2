/**
 * The app's commands in the real built renderer: a command sent the way the application menu sends it
 * (the `command` event; here over the web transport's event stream) and the page's own buttons and `?`
 * key run the same registry. Theme, shortcuts, About (version and licences), data sources, Save
 * Snapshot and a snapshot the OS opened. Offline throughout.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshot } from '../support/browser'
import { appInBrowser, menuCommand } from '../support/suite'
import { repoRoot } from '../support/webApp'

const version = (JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { version: string }).version

const suite = appInBrowser()

async function openApp(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await suite.browser.newPage(options)
  await page.goto(suite.app.server.url)
  await page.locator('[data-test="about"]').waitFor()
  return page
}

const theme = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-theme'))

describe('app commands', () => {
  it('About: from the menu command and from the button, with the version and the licences', async () => {
    const page = await openApp()
    await menuCommand(suite, page, { command: 'about' }, async () => page.url().includes('#/about'))
    await expect.poll(() => page.locator('[data-test="version"]').textContent()).toBe(`Version ${version}`)
    await expect.poll(() => page.locator('[data-test="licences"] li').count()).toBeGreaterThan(10)
    expect(await page.locator('[data-package="vue"] [data-test="licence"]').textContent()).toBe('MIT')
    expect(await page.locator('[data-package="@duckdb/node-api"]').count()).toBe(1)
    await screenshot(page, 'about')

    await page.goto(suite.app.server.url)
    await page.locator('[data-test="about"]').click()
    await expect.poll(() => page.url()).toContain('#/about')
    suite.browser.assertOffline()
  })

  it("theme: the menu command and the header's theme menu set light/dark; the choice survives a reload", async () => {
    const page = await openApp({ colorScheme: 'light' })
    expect(await theme(page)).toBeNull() // follows the system
    await menuCommand(suite, page, { command: 'toggleTheme' }, async () => (await theme(page)) === 'dark')
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(background).toBe('rgb(21, 24, 28)') // --bg of the dark theme
    // The header's one theme control shows what the menu command chose.
    expect(await page.locator('[data-test="theme-select"]').inputValue()).toBe('dark')
    expect(await page.locator('[data-test="toggle-theme"]').count()).toBe(0)
    await page.selectOption('[data-test="theme-select"]', 'light')
    expect(await theme(page)).toBe('light')
    await page.reload()
    await page.locator('[data-test="about"]').waitFor()
    expect(await theme(page)).toBe('light')
    await page.selectOption('[data-test="theme-select"]', 'dark')
    expect(await theme(page)).toBe('dark')
    await screenshot(page, 'theme-dark')
    await page.selectOption('[data-test="theme-select"]', 'system')
    expect(await theme(page)).toBeNull()
    suite.browser.assertOffline()
  })

  it('keyboard shortcuts: `?`, the button and the menu command open the same list; Escape closes it', async () => {
    const page = await openApp()
    const overlay = page.locator('[data-test="shortcuts"]')
    await page.keyboard.press('?')
    await overlay.waitFor()
    expect(await overlay.locator('[data-command="openDataFile"]').textContent()).toMatch(/Ctrl\+O|⌘O/)
    const exportRow = await overlay.locator('[data-command="export"]').textContent()
    expect(exportRow).toMatch(/Ctrl\+Shift\+E|⌘⇧E/)
    expect(exportRow).not.toContain('not available yet')
    await screenshot(page, 'shortcuts')
    await page.keyboard.press('Escape')
    await overlay.waitFor({ state: 'detached' })
    await page.locator('[data-test="show-shortcuts"]').click()
    await overlay.waitFor()
    await page.locator('[data-test="shortcuts-close"]').click()
    await overlay.waitFor({ state: 'detached' })
    await menuCommand(suite, page, { command: 'showShortcuts' }, async () => (await overlay.count()) === 1)
    suite.browser.assertOffline()
  })

  it('data sources: the Help menu command shows the Datasets page', async () => {
    const page = await openApp()
    await menuCommand(suite, page, { command: 'showDataSources' }, async () =>
      page.url().includes('#/datasets'),
    )
    await page.locator('[data-dataset]').first().waitFor()
    suite.browser.assertOffline()
  })

  it('Save Snapshot from the menu opens its dialog over the Explorer; a snapshot token main never handed out is refused', async () => {
    const page = await openApp()
    await menuCommand(
      suite,
      page,
      { command: 'saveSnapshot' },
      async () => (await page.locator('[data-test="save-snapshot-dialog"]').count()) === 1,
    )
    expect(page.url()).toContain('#/explorer')
    await page.keyboard.press('Escape')
    const notice = page.locator('[data-test="notice"]')
    await menuCommand(
      suite,
      page,
      { command: 'openSnapshot', file: `g-${'0'.repeat(32)}` },
      async () => (await notice.count()) === 1,
    )
    expect(await notice.textContent()).toContain('only opens snapshot files you chose')
    suite.browser.assertOffline()
  })

  it('Open data file: goes to the Import page', async () => {
    const page = await openApp()
    await menuCommand(suite, page, { command: 'openDataFile' }, async () => page.url().includes('#/import'))
    expect(page.url()).toContain('#/import')
    await page.locator('section.import h2').waitFor()
    suite.browser.assertOffline()
  })
})
