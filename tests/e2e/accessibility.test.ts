/**
 * Accessibility of every page in Chromium, light and dark, English and Chinese: axe-core finds no
 * serious or critical violation (WCAG 2 A/AA, contrast included); every control can be reached with
 * the keyboard; the header fits a 1024 px window; Ctrl+Z undoes a view change; the shortcuts the `?`
 * overlay lists do what they say in a browser.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { headerSecondLine, screenshot } from '../support/browser'
import { appInBrowser } from '../support/suite'

const suite = appInBrowser()
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Every page, with what shows it is drawn. */
const PAGES = [
  { route: '/', ready: '[data-test="monthly-chart"] canvas' },
  { route: '/explorer', ready: '[data-test="explorer-chart"] canvas' },
  // The month table is drawn from the loaded model: before it, fields that the model will disable are not yet disabled.
  { route: '/calculators', ready: '[data-test^="fy-month-"]' },
  { route: '/datasets', ready: 'main h2' },
  { route: '/import', ready: 'main h2' },
  { route: '/notes', ready: 'main h2' },
  { route: '/snapshots', ready: 'main h2' },
  { route: '/about', ready: 'main h2' },
] as const

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

async function open(
  route: string,
  ready: string,
  options: { colorScheme: 'light' | 'dark'; locale: string; width?: number },
): Promise<Page> {
  const page = await suite.browser.newPage(options)
  await page.goto(`${suite.app.server.url}#${route}`)
  await page.locator(ready).first().waitFor()
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'))
  return page
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
    return result.violations
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`)
          .join(' | ')}`,
    )
}

describe.each([
  { colorScheme: 'light' as const, locale: 'en-US' },
  { colorScheme: 'dark' as const, locale: 'en-US' },
  { colorScheme: 'light' as const, locale: 'zh-CN' },
  { colorScheme: 'dark' as const, locale: 'zh-CN' },
])('axe, $colorScheme, $locale', (options) => {
  it.each(PAGES)(
    '$route has no serious or critical violation',
    { timeout: 120_000 },
    async ({ route, ready }) => {
      const page = await open(route, ready, options)
      expect(await page.getAttribute('html', 'lang')).toBe(options.locale === 'zh-CN' ? 'zh-CN' : 'en')
      const name = `page${route === '/' ? '-overview' : route.replace('/', '-')}-${options.colorScheme}-${options.locale}`
      await screenshot(page, name)
      expect(await seriousViolations(page)).toEqual([])
      await page.close()
    },
  )
})

describe('keyboard', () => {
  it.each(PAGES)(
    'every control on $route is reached with Tab',
    { timeout: 120_000 },
    async ({ route, ready }) => {
      const page = await open(route, ready, { colorScheme: 'light', locale: 'en-US' })
      const controls = await page.$$eval(
        'a[href], button, select, input, textarea, summary, [tabindex]',
        (els) =>
          els
            .filter((el) => {
              const e = el as HTMLElement & { disabled?: boolean }
              const box = e.getBoundingClientRect()
              return (
                // Shown controls only: a closed <details> hides its content from sight and from Tab alike.
                !e.disabled &&
                e.tabIndex >= 0 &&
                box.width > 0 &&
                box.height > 0 &&
                !e.closest('details:not([open]) > :not(summary)') &&
                !e.closest('[inert]')
              )
            })
            .map((el, i) => {
              el.setAttribute('data-kbd', String(i))
              return String(i)
            }),
      )
      const reached = new Set<string>()
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      for (let i = 0; i < 2 * controls.length + 10 && reached.size < controls.length; i++) {
        await page.keyboard.press('Tab')
        // A radio group is one Tab stop (arrow keys move inside it): reaching one reaches the group.
        const ids = await page.evaluate(() => {
          const active = document.activeElement as HTMLInputElement | null
          if (!active) return []
          if (active.type === 'radio' && active.name)
            return Array.from(document.querySelectorAll(`input[type="radio"][name="${active.name}"]`)).map(
              (r) => r.getAttribute('data-kbd') ?? '',
            )
          return [active.getAttribute('data-kbd') ?? '']
        })
        for (const id of ids) if (id) reached.add(id)
      }
      const missed = controls.filter((c) => !reached.has(c))
      const described = await page.$$eval(
        '[data-kbd]',
        (els, ids) =>
          els.filter((e) => ids.includes(e.getAttribute('data-kbd')!)).map((e) => e.outerHTML.slice(0, 120)),
        missed,
      )
      expect(described).toEqual([])
      await page.close()
    },
  )

  it('Ctrl+Z undoes a view change and Ctrl+Shift+Z redoes it', async () => {
    const page = await open('/explorer', '[data-test="explorer-chart"] canvas', {
      colorScheme: 'light',
      locale: 'en-US',
    })
    await page.click('[data-test="chart-bar"]')
    await expect.poll(() => page.getAttribute('[data-test="chart-bar"]', 'aria-checked')).toBe('true')
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.getAttribute('[data-test="chart-line"]', 'aria-checked')).toBe('true')
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => page.getAttribute('[data-test="chart-bar"]', 'aria-checked')).toBe('true')
    await page.close()
  })

  it('the shortcuts the ? overlay lists work in a browser', async () => {
    const page = await open('/explorer', '[data-test="explorer-chart"] canvas', {
      colorScheme: 'light',
      locale: 'en-US',
    })
    await page.keyboard.press('?')
    await page.locator('[data-test="shortcuts"]').waitFor()
    const listed = await page.$$eval('[data-test="shortcuts"] tr[data-command]', (rows) =>
      rows.map((r) => r.getAttribute('data-command')),
    )
    expect(listed).toEqual(expect.arrayContaining(['toggleTheme', 'export', 'showShortcuts']))
    await page.keyboard.press('Escape')
    const theme = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    const before = await theme()
    await page.keyboard.press('Control+Shift+L')
    await expect.poll(theme).not.toBe(before)
    await page.keyboard.press('Control+Shift+E')
    await page.locator('[data-test="export-dialog"]').waitFor()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+/')
    await page.locator('[data-test="shortcuts"]').waitFor()
    await page.close()
  })
})

describe('layout', () => {
  it.each(['en-US', 'zh-CN'])('the header fits a 1024 px window (%s)', async (locale) => {
    const page = await open('/explorer', '[data-test="explorer-chart"] canvas', {
      colorScheme: 'light',
      locale,
      width: 1024,
    })
    const fits = await page.evaluate(() => {
      const header = document.querySelector('header.top') as HTMLElement
      const right = Math.max(
        ...Array.from(header.querySelectorAll('a, button, select')).map(
          (e) => e.getBoundingClientRect().right,
        ),
      )
      return { overflow: header.scrollWidth - header.clientWidth, right, width: window.innerWidth }
    })
    expect(fits.overflow).toBeLessThanOrEqual(0)
    expect(fits.right).toBeLessThanOrEqual(fits.width)
    expect(await headerSecondLine(page)).toEqual([])
    await screenshot(page, `header-1024-${locale}`)
    await page.close()
  })
})
