/**
 * `npm run screenshots`: every page of the built app in Chromium (the web transport), in English and
 * Chinese, light and dark, at 1280 px and 1024 px, into tests/artifacts/pages/ for a person to look
 * at; with `--readme`, only the README's two pictures instead (docs/screenshot-*.png, English,
 * light, 1280 × 900). Run after `npm run build` (the npm script does it). Needs Chromium (CHROMIUM_PATH or
 * /usr/bin/chromium).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { artifactsDir, launchBrowser } from '../tests/support/browser'
import { PRESET_IDS } from '../renderer/src/lib/presets'
import { repoRoot, startWebApp } from '../tests/support/webApp'

/** Each page, and what shows it has drawn. */
const PAGES = [
  { name: 'overview', route: '/', ready: '[data-test="monthly-chart"] canvas' },
  { name: 'explorer', route: '/explorer', ready: '[data-test="explorer-chart"] canvas' },
  { name: 'mirror', route: '/mirror', ready: 'main h2' },
  { name: 'calculators', route: '/calculators', ready: '[data-test^="fy-month-"]' },
  { name: 'import', route: '/import', ready: 'main h2' },
  { name: 'datasets', route: '/datasets', ready: 'main h2' },
  { name: 'notes', route: '/notes', ready: 'main h2' },
  { name: 'snapshots', route: '/snapshots', ready: 'main h2' },
  { name: 'about', route: '/about', ready: 'main h2' },
] as const

const readme = process.argv.includes('--readme')
const outDir = join(artifactsDir, 'pages')
if (!readme) mkdirSync(outDir, { recursive: true })

/** Settled: nothing loading, and fonts and the chart drawn. */
async function settle(page: Page, ready: string): Promise<void> {
  await page.locator(ready).first().waitFor({ timeout: 30_000 })
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, {
    timeout: 30_000,
  })
  await page.evaluate(() => document.fonts.ready)
}

const app = await startWebApp()
const browser = await launchBrowser(app.server.origin)
try {
  const shots: string[] = []
  for (const width of readme ? [] : [1280, 1024])
    for (const colorScheme of ['light', 'dark'] as const)
      for (const locale of ['en-US', 'zh-CN']) {
        const page = await browser.newPage({ colorScheme, locale, width, height: 900 })
        const tag = `${width}-${colorScheme}-${locale}`
        for (const p of PAGES) {
          await page.goto(`${app.server.url}#${p.route}`)
          await settle(page, p.ready)
          const file = join(outDir, `${p.name}-${tag}.png`)
          await page.screenshot({ path: file, fullPage: true })
          shots.push(file)
          if (p.name !== 'explorer' || width !== 1280) continue
          for (const id of PRESET_IDS) {
            await page.selectOption('[data-test="preset"]', id)
            await page.waitForFunction(
              (id) => (document.querySelector('[data-test="preset"]') as HTMLSelectElement).value === id,
              id,
            )
            await settle(page, p.ready)
            const preset = join(outDir, `explorer-${id}-${tag}.png`)
            await page.screenshot({ path: preset, fullPage: true })
            shots.push(preset)
          }
        }
        await page.close()
      }

  if (readme) {
    const page = await browser.newPage({ colorScheme: 'light', locale: 'en-US', width: 1280, height: 900 })
    await page.goto(`${app.server.url}#/`)
    await settle(page, PAGES[0].ready)
    await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-overview.png') })
    await page.goto(`${app.server.url}#/explorer`)
    await settle(page, PAGES[1].ready)
    await page.selectOption('[data-test="preset"]', 'cumulativeSurplus')
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-test="preset"]') as HTMLSelectElement).value === 'cumulativeSurplus',
    )
    await settle(page, PAGES[1].ready)
    await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-explorer.png') })
    shots.push('docs/screenshot-overview.png', 'docs/screenshot-explorer.png')
  }
  browser.assertOffline()
  if (browser.pageErrors.length) throw new Error(`The pages logged errors:\n${browser.pageErrors.join('\n')}`)
  console.log(`${shots.length} screenshots in ${readme ? 'docs/' : outDir}`)
} finally {
  await browser.close()
  await app.close()
}
