/**
 * The Explorer in Chromium against the real handlers: the numbers a user reads in the table must equal
 * the bundled data (or arithmetic on it that the test does itself), for every transform and chart.
 */
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readCsvRecords } from '../../electron/shared/csv'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { SeriesQuery } from '../../electron/shared/api'
import { formatPeriod } from '../../electron/shared/periods'
import { defaultViewState, encodeViewState } from '../../electron/shared/viewState'
import { API_PREFIX } from '../../electron/web/wire'
import { PRESET_IDS } from '../../renderer/src/lib/presets'
import { holdCall, screenshot } from '../support/browser'
import { appInBrowser } from '../support/suite'

const suite = appInBrowser()

const base = {
  dataset: 'china-trade',
  reporter: 'china',
  partner: 'world',
  product: 'all',
  measure: 'level',
  frequency: 'month',
} as const
/** The preferred published value of a series at a period, straight from the services. */
async function valueOf(query: Partial<SeriesQuery> & { flow: string }, period: string): Promise<number> {
  const series = await suite.app.services.query.series({ ...base, ...query } as never)
  const point = series.points.find((p) => p.period === period)
  if (!point) throw new Error(`no ${query.flow} value for ${period}`)
  return point.value
}

async function openExplorer(
  options: { colorScheme?: 'light' | 'dark'; locale?: string } = {},
): Promise<Page> {
  const page = await suite.browser.newPage(options)
  await page.goto(`${suite.app.server.url}#/explorer`)
  await page.locator('[data-test="explorer-chart"] canvas').waitFor()
  return page
}

async function preset(page: Page, id: string): Promise<void> {
  await page.selectOption('[data-test="preset"]', id)
  await expect.poll(() => page.locator('[data-test="preset"]').inputValue()).toBe(id)
  await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
}

/** The text of one table cell (series key like `exports:world:all`). */
async function cell(page: Page, period: string, series: string): Promise<string> {
  await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
  if (!(await page.locator('[data-test="data-table"]').isVisible()))
    await page.click('[data-test="tab-table"]')
  await page.locator('[data-test="data-table"]').waitFor()
  const locator = page.locator(
    `[data-test="data-table"] tr[data-period="${period}"] td[data-series="${series}"]`,
  )
  await locator.waitFor()
  return (await locator.textContent())!.trim()
}

const usd = (value: number) =>
  `$${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value)} bn`

describe('the November 2025 story at a glance', () => {
  it('exports rebound to +5.9% in November after -1.1% in October (published rates)', async () => {
    const page = await openExplorer()
    await preset(page, 'headlineYoy')
    expect(await cell(page, '2025-10', 'exports:world:all')).toBe('-1.1%')
    expect(await cell(page, '2025-11', 'exports:world:all')).toBe('+5.9%')
    expect(await cell(page, '2025-11', 'imports:world:all')).toBe('+1.9%')
    suite.browser.assertOffline()
  })

  it('the cumulative surplus passes $1 trillion in November 2025, above all of 2024', async () => {
    const page = await openExplorer()
    await preset(page, 'cumulativeSurplus')
    const record2024 = await valueOf({ flow: 'balance', frequency: 'year', unit: 'USD bn' }, '2024')
    // November is the published year-to-date figure; October is the sum of the published months.
    expect(await cell(page, '2025-11', 'balance:world:all')).toBe(usd(1080))
    const months = [
      '2025-01..2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
    ]
    const sum = (
      await Promise.all(months.map((m) => valueOf({ flow: 'balance', unit: 'USD bn' }, m)))
    ).reduce((a, b) => a + b, 0)
    expect(await cell(page, '2025-10', 'balance:world:all')).toBe(`${usd(Math.round(sum * 100) / 100)}†`)
    expect(1080).toBeGreaterThan(record2024)
    await page.click('[data-test="tab-chart"]')
    await screenshot(page, 'explorer-cumulative-surplus')
  })

  it('exports to the US fall 28.6% in November, the eighth straight double-digit fall, while the EU and ASEAN grow', async () => {
    const page = await openExplorer()
    await preset(page, 'partnersYoy')
    expect(await cell(page, '2025-11', 'exports:us:all')).toBe('-28.6%')
    expect(await cell(page, '2025-11', 'exports:eu:all')).toBe(
      `+${await valueOf({ flow: 'exports', partner: 'eu', measure: 'yoy' }, '2025-11')}%`,
    )
    expect(await cell(page, '2025-11', 'exports:southeast_asia:all')).toBe(
      `+${await valueOf({ flow: 'exports', partner: 'southeast_asia', measure: 'yoy' }, '2025-11')}%`,
    )
    const streak = ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11']
    for (const month of streak)
      expect(Number((await cell(page, month, 'exports:us:all')).replace('%', ''))).toBeLessThanOrEqual(-10)
    expect(Number((await cell(page, '2025-03', 'exports:us:all')).replace('%', ''))).toBeGreaterThan(-10)
  })
})

describe('transforms equal arithmetic on the data', () => {
  async function exportsWith(page: Page, transform: string): Promise<void> {
    await preset(page, 'headline')
    await page.uncheck('[data-test="flow-imports"]')
    await page.uncheck('[data-test="flow-balance"]')
    await page.selectOption('[data-test="transform"]', transform)
    await page.click('[data-test="tab-table"]')
    await page.locator('[data-test="data-table"]').waitFor()
  }

  it('12-month rolling sum, month-on-month, index and USD mn', async () => {
    const page = await openExplorer()
    const months = [
      '2024-12',
      '2025-01..2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
    ]
    const levels = await Promise.all(months.map((m) => valueOf({ flow: 'exports', unit: 'USD bn' }, m)))

    await exportsWith(page, 'rolling12')
    expect(await cell(page, '2025-11', 'exports:world:all')).toBe(
      `${usd(Math.round(levels.reduce((a, b) => a + b, 0) * 100) / 100)}†`,
    )

    await page.selectOption('[data-test="transform"]', 'mom')
    const mom = (330.3 / (await valueOf({ flow: 'exports', unit: 'USD bn' }, '2025-10')) - 1) * 100
    expect(await cell(page, '2025-11', 'exports:world:all')).toBe(`+${Math.round(mom * 100) / 100}%†`)
    expect(await cell(page, '2025-01..2025-02', 'exports:world:all')).toBe('—')

    await page.selectOption('[data-test="transform"]', 'index')
    await page.selectOption('[data-test="index-base"]', '2025-03')
    expect(await cell(page, '2025-03', 'exports:world:all')).toBe('100†')
    const index = (330.3 / (await valueOf({ flow: 'exports', unit: 'USD bn' }, '2025-03'))) * 100
    expect(await cell(page, '2025-11', 'exports:world:all')).toBe(`${Math.round(index * 100) / 100}†`)

    await page.selectOption('[data-test="transform"]', 'none')
    await page.selectOption('[data-test="display-unit"]', 'mn')
    expect(await cell(page, '2025-11', 'exports:world:all')).toBe('$330,300 mn')
  })

  it('a copy the system refuses is said in the page’s language, not in the browser’s English', async () => {
    for (const [locale, said] of [
      ['en-US', 'Could not copy: the system did not let the app write to the clipboard. Try again.'],
      ['zh-CN', '未能复制：系统不允许本应用写入剪贴板。请重试。'],
    ] as const) {
      const page = await openExplorer({ locale })
      // What Chromium throws where the clipboard is not the page's to write (permission denied).
      await page.evaluate(() => {
        navigator.clipboard.writeText = () =>
          Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))
      })
      await page.click('[data-test="copy-state"]')
      await expect.poll(() => page.locator('[data-test="message"]').textContent()).toBe(said)
      await page.close()
    }
  })

  it('an index whose base period comes before a series’ first value says why that series is not drawn', async () => {
    // The bundled monthly exports to India start in 2025-05 (partners.csv), to the world in 2018-01.
    const first = (
      await suite.app.services.query.series({ ...base, flow: 'exports', partner: 'india' } as never)
    ).points[0]!.period
    for (const [locale, said] of [
      [
        'en-US',
        `Nothing to draw for Exports to India: the base period, ${formatPeriod('2018-01', 'en')}, comes before its first value (${formatPeriod(first, 'en')}), and an index needs the value of its base period. Choose ${formatPeriod(first, 'en')} or a later base period.`,
      ],
      [
        'zh-CN',
        `“出口 · 印度”无法绘制：基期${formatPeriod('2018-01', 'zh-CN')}早于其第一个数值（${formatPeriod(first, 'zh-CN')}），而指数需要基期本身的数值。请选择${formatPeriod(first, 'zh-CN')}或更晚的基期。`,
      ],
    ] as const) {
      const page = await suite.browser.newPage({ locale })
      for (const partners of [['world', 'india'], ['india']]) {
        const view = encodeViewState({
          ...defaultViewState(),
          flows: ['exports'],
          partners,
          transform: 'index',
          indexBase: '2018-01',
          range: {},
        })
        await page.goto(`${suite.app.server.url}#/explorer?${view}`)
        await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
        const notice = page.locator('[data-test="index-base-before-data"]')
        await expect.poll(() => notice.allInnerTexts(), { message: `${locale} ${partners}` }).toEqual([said])
        // With nothing drawn the title still names what the view is of (with the world drawn, it names
        // what is drawn, and the notice says why India is not); no value is made up for India.
        const title = await page.locator('[data-test="view-title"]').innerText()
        expect(title).toMatch(partners.length === 1 ? /India|印度/ : /^(Exports|出口)\W/)
        const drawn = JSON.parse(
          (await page.locator('[data-test="explorer-chart"]').getAttribute('data-drawn'))!,
        ) as { series: { key: string; points: { value: number | null }[] }[] }
        const india = drawn.series.find((s) => s.key === 'exports:india:all')
        expect(india?.points.every((p) => p.value === null) ?? true).toBe(true)
        expect(await page.locator('[data-test="index-base"]').inputValue()).toBe('2018-01')
        await screenshot(page, `explorer-index-base-before-${partners.length}-${locale}`)
      }
      await page.close()
    }
  })

  it('y/y: the published rate where there is one, a computed one (marked) only where none was published', async () => {
    const page = await openExplorer()
    await exportsWith(page, 'yoy')
    expect(await cell(page, '2025-11', 'exports:world:all')).toBe('+5.9%')
    // Annual exports to the US: a year with both levels and no published rate gets a computed one.
    const levels = await suite.app.services.query.series({
      ...base,
      flow: 'exports',
      partner: 'us',
      frequency: 'year',
      unit: 'USD bn',
    })
    const rates = await suite.app.services.query.series({
      ...base,
      flow: 'exports',
      partner: 'us',
      frequency: 'year',
      measure: 'yoy',
    })
    const byYear = new Map(levels.points.map((p) => [p.period, p.value]))
    const year = levels.points
      .map((p) => p.period)
      .find((y) => byYear.has(String(Number(y) - 1)) && !rates.points.some((r) => r.period === y))!
    const published = rates.points[0]!
    await preset(page, 'partnersLevel')
    await page.selectOption('[data-test="transform"]', 'yoy')
    const expected = (byYear.get(year)! / byYear.get(String(Number(year) - 1))! - 1) * 100
    expect(await cell(page, year, 'exports:us:all')).toBe(
      `${expected > 0 ? '+' : ''}${Math.round(expected * 100) / 100}%†`,
    )
    expect(await cell(page, published.period, 'exports:us:all')).toBe(
      `${published.value > 0 ? '+' : ''}${published.value}%`,
    )
  })

  it('share of total: exports to the US as a share of all exports', async () => {
    const page = await openExplorer()
    await preset(page, 'headline')
    await page.uncheck('[data-test="flow-imports"]')
    await page.uncheck('[data-test="flow-balance"]')
    await page.check('[data-test="partner-us"]')
    await page.uncheck('[data-test="partner-world"]')
    await page.selectOption('[data-test="transform"]', 'share')
    const us = await valueOf({ flow: 'exports', partner: 'us', unit: 'USD bn' }, '2025-11')
    expect(await cell(page, '2025-11', 'exports:us:all')).toBe(`${Math.round((us / 330.3) * 10000) / 100}%†`)
  })

  it('year to date: January–February counts as two months; a missing month leaves the rest of the year unknown', async () => {
    const page = await openExplorer()
    await preset(page, 'headline')
    await page.uncheck('[data-test="flow-exports"]')
    await page.uncheck('[data-test="flow-balance"]')
    await page.selectOption('[data-test="transform"]', 'ytd')
    // Imports: no level was published for April 2025, so May onwards cannot be cumulated.
    const janFeb = await valueOf({ flow: 'imports', unit: 'USD bn' }, '2025-01..2025-02')
    const march = await valueOf({ flow: 'imports', unit: 'USD bn' }, '2025-03')
    expect(await cell(page, '2025-03', 'imports:world:all')).toBe(
      `${usd(Math.round((janFeb + march) * 100) / 100)}†`,
    )
    expect(await cell(page, '2025-05', 'imports:world:all')).toBe('—')
  })
})

describe('charts, view state and exports', () => {
  it('a year-to-date share says so in both languages, prints its unit once, and has no annual projection', async () => {
    for (const locale of ['en-US', 'zh-CN']) {
      const page = await openExplorer({ locale })
      await preset(page, 'worldShare')
      // The annual view has the 2030 projection, in the table as in the chart.
      await page.click('[data-test="tab-table"]')
      await page.locator('[data-test="data-table"] tr[data-period="2030"]').waitFor()
      await page.click('[data-test="tab-chart"]')
      await page.selectOption('[data-test="frequency"]', 'ytd')
      await expect.poll(() => page.url()).toContain('frequency=ytd')
      await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
      const title = (await page.textContent('[data-test="view-title"]'))!.replace(/\s+/g, ' ').trim()
      expect(title).toBe(
        locale === 'en-US'
          ? "China's share of world merchandise exports, year to date (%)"
          : '中国占世界出口份额（年初至今）（%）',
      )
      // Year-to-date shares are not points of the annual projection's line.
      await page.click('[data-test="tab-table"]')
      await page.locator('[data-test="data-table"] tr[data-period="2024-01..2024-09"]').waitFor()
      expect(await page.locator('[data-test="data-table"] tr[data-period="2030"]').count()).toBe(0)
      await page.close()
    }
  })

  it('the world-share view is titled as the data labels the statistic it draws', async () => {
    const page = await openExplorer()
    await preset(page, 'worldShare')
    await page.click('[data-test="tab-table"]')
    // The observed series (not the projection): WTO's share, labelled so by the package (series.csv),
    // once the table has its columns (they come with the series).
    const statistic = "China's share of world merchandise exports (%)"
    await expect
      .poll(async () =>
        (await page.locator('[data-test="data-table"] thead th').allInnerTexts()).find((h) =>
          h.startsWith("China's share of world"),
        ),
      )
      .toBe(statistic)
    const title = (await page.textContent('[data-test="view-title"]'))!.replace(/\s+/g, ' ').trim()
    expect(title).toBe(statistic)
    await page.close()
  })

  it('while the series load, the chart’s description says so, not a span of dashes ("— to —")', async () => {
    for (const [locale, loading] of [
      ['en-US', 'Loading…'],
      ['zh-CN', '加载中…'],
    ] as const) {
      const page = await suite.browser.newPage({ locale })
      const answer = await holdCall(page, 'getSeriesBatch')
      await page.goto(`${suite.app.server.url}#/explorer`)
      const caption = page.locator('[data-test="explorer-chart"] figcaption')
      await expect.poll(() => caption.textContent()).toBe(loading)
      answer()
      await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
      // Then its span, whichever view the session opens with (an earlier test's): years, not dashes.
      expect(await caption.textContent()).toMatch(/(19|20)\d\d\D.*(19|20)\d\d/)
      expect(await caption.textContent()).not.toContain('—')
      await page.close()
    }
  })

  it('while the series list loads, no indicator is said to lack data; once it is here, those that do are', async () => {
    for (const [locale, notAnnual] of [
      ['en-US', 'not Annual'],
      ['zh-CN', '无年度数据'],
    ] as const) {
      const page = await suite.browser.newPage({ locale })
      const answer = await holdCall(page, 'listSeries')
      // Annual rates: the bundled package has them for exports and imports, not for the balance.
      const view = encodeViewState({
        ...defaultViewState(),
        flows: ['exports', 'imports'],
        measure: 'yoy',
        unit: '% y/y',
        frequency: 'year',
        range: {},
      })
      await page.goto(`${suite.app.server.url}#/explorer?${view}`)
      const indicators = page.locator('fieldset:has([data-test="flow-exports"])')
      await page.locator('[data-test="flow-exports"]').waitFor()
      expect(await indicators.innerText(), locale).not.toMatch(/not (Monthly|Annual)|无(月度|年度)数据/)
      expect(await page.locator('[data-test="flow-exports"]').isDisabled()).toBe(false)
      answer()
      await expect.poll(() => indicators.innerText()).toContain(notAnnual)
      expect(await indicators.locator('label', { hasText: notAnnual }).count()).toBe(1)
      await page.close()
    }
  })

  it('a share says whose share of what in Chinese, as the English labels do', async () => {
    const share = { ...defaultViewState(), flows: ['exports'], measure: 'share', unit: '%', range: {} }
    const views = [
      // The world-share bar chart.
      [
        { ...share, frequency: 'year', chart: 'bar' },
        "China's share of world merchandise exports (%)",
        '中国占世界出口份额（年度）（%）',
      ],
      [
        { ...share, flows: ['imports'], frequency: 'year' },
        "China's share of world merchandise imports (%)",
        '中国占世界进口份额（年度）（%）',
      ],
      [
        { ...share, partners: ['us'], frequency: 'year' },
        "US share of China's exports, annual (%)",
        '美国占中国出口份额（年度）（%）',
      ],
    ] as const
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const page = await openExplorer({ locale })
      for (const [view, en, zh] of views) {
        await page.evaluate((s) => (location.hash = `#/explorer?${s}`), encodeViewState(view as never))
        await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
        await expect
          .poll(async () => (await page.locator('[data-test="view-title"]').innerText()).replace(/\s+/g, ' '))
          .toBe(locale === 'en-US' ? en : zh)
      }
      await page.close()
    }
  })

  it('a title says its measure once: the unit printed after it, not the names or the transform before it', async () => {
    const partners = { ...defaultViewState(), flows: ['exports'], partners: ['us', 'eu'] }
    // Each view, its title in English and in Chinese, as a reader should read them.
    const views = [
      // Published y/y rates: the catalogue's labels end ", y/y %", the unit is % y/y.
      [
        { ...partners, measure: 'yoy', unit: '% y/y' },
        'Exports to the US, Exports to the EU (% y/y)',
        '出口 · 美国、出口 · 欧盟（同比 %）',
      ],
      [
        { ...partners, partners: ['us'], measure: 'yoy', unit: '% y/y' },
        'Exports to the US (% y/y)',
        '出口 · 美国（同比 %）',
      ],
      [
        { ...partners, measure: 'yoy', unit: '% y/y', frequency: 'year', range: {} },
        'Exports to the US, Exports to the EU — annual (% y/y)',
        '出口 · 美国、出口 · 欧盟（年度）（同比 %）',
      ],
      // Transforms whose numbers are in a unit of their own.
      [
        { ...partners, transform: 'yoy' },
        'Exports to the US, Exports to the EU (% y/y)',
        '出口 · 美国、出口 · 欧盟（同比 %）',
      ],
      [
        { ...partners, transform: 'mom' },
        'Exports to the US, Exports to the EU (% m/m)',
        '出口 · 美国、出口 · 欧盟（环比 %）',
      ],
      [
        { ...partners, transform: 'index' },
        'Exports to the US, Exports to the EU (index, first period = 100)',
        '出口 · 美国、出口 · 欧盟（指数（首期 = 100））',
      ],
      [
        { ...partners, transform: 'share' },
        'Exports to the US, Exports to the EU (% of total)',
        '出口 · 美国、出口 · 欧盟（占总额 %）',
      ],
      // A transform that keeps the series' unit is named.
      [
        { ...partners, transform: 'ma3' },
        'Exports to the US, Exports to the EU — 3-month moving average (USD bn)',
        '出口 · 美国、出口 · 欧盟 — 3个月移动平均（亿美元）',
      ],
    ] as const
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const page = await openExplorer({ locale })
      for (const [view, en, zh] of views) {
        await page.evaluate((s) => (location.hash = `#/explorer?${s}`), encodeViewState(view as never))
        await expect.poll(() => page.url()).toContain(encodeViewState(view as never))
        await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
        await expect
          .poll(async () => (await page.locator('[data-test="view-title"]').innerText()).replace(/\s+/g, ' '))
          .toBe(locale === 'en-US' ? en : zh)
      }
      await page.close()
    }
  })

  it('draws every chart type without errors', async () => {
    const page = await openExplorer()
    await preset(page, 'partnersLevel')
    for (const chart of ['line', 'bar', 'stackedBar', 'stackedArea', 'share']) {
      await page.click(`[data-test="chart-${chart}"]`)
      await expect
        .poll(() => page.locator(`[data-test="chart-${chart}"]`).getAttribute('aria-checked'))
        .toBe('true')
      await screenshot(page, `explorer-chart-${chart}`)
    }
    await preset(page, 'cumulativeSurplus')
    expect(await page.locator('[data-test="chart-ytdByYear"]').getAttribute('aria-checked')).toBe('true')
    expect(suite.browser.pageErrors).toEqual([])
  })

  it('never stacks the trade balance: stacked and 100% charts are off beside it, and the page says why', async () => {
    for (const [locale, reason] of [
      ['en-US', /a balance is exports minus imports, not a part of a total/],
      ['zh-CN', /差额是出口减进口，不是总量的组成部分/],
    ] as const) {
      const page = await openExplorer({ locale })
      // Exports, imports and the balance, asked for as a 100% share (an address from before).
      const view = encodeViewState({ ...defaultViewState(), chart: 'share' })
      await page.evaluate((s) => (location.hash = `#/explorer?${s}`), view)
      await expect
        .poll(() => page.locator('[data-test="chart-line"]').getAttribute('aria-checked'))
        .toBe('true')
      await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
      for (const chart of ['stackedBar', 'stackedArea', 'share'])
        expect(await page.locator(`[data-test="chart-${chart}"]`).isDisabled(), chart).toBe(true)
      expect(await page.locator('[data-test="chart-types-hint"]').innerText()).toMatch(reason)
      expect(await page.locator('[data-test="chart-share"]').getAttribute('aria-describedby')).toBe(
        'chart-types-hint',
      )
      await screenshot(page, `explorer-stack-balance-${locale}`)
      await page.close()
    }
  })

  it('opened from an address, it is busy until that view is read, and shows no other view meanwhile', async () => {
    // A slow machine: the code that reads an address (the view's schema) arrives when the test lets it.
    const page = await suite.browser.newPage()
    let letThrough!: () => void
    const held = new Promise<void>((resolve) => (letThrough = resolve))
    await page.route(/\/assets\/viewStateSchema-[\w-]+\.js$/, async (route) => {
      await held
      await route.fallback()
    })
    const view = encodeViewState({ ...defaultViewState(), flows: ['exports'], partners: ['us'] })
    await page.goto(`${suite.app.server.url}#/explorer?${view}`)
    const main = page.locator('[data-test="explorer-main"]')
    await main.waitFor()
    // It drew the default view (exports, imports and the balance, with the world), not busy, before.
    expect(await main.getAttribute('aria-busy')).toBe('true')
    expect(await page.locator('[data-test="explorer-chart"] canvas').count()).toBe(0)
    letThrough()
    await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
    const drawn = page.locator('[data-test="explorer-chart"]')
    await expect
      .poll(async () => {
        const shown = new URLSearchParams(
          (JSON.parse((await drawn.getAttribute('data-drawn')) ?? '{"view":""}') as { view: string }).view,
        )
        return [shown.get('flows'), shown.get('partners')]
      })
      .toEqual(['exports', 'us'])
    expect(suite.browser.pageErrors).toEqual([])
    await page.close()
  })

  it('undo and redo walk the view history; the state string restores a view', async () => {
    const page = await openExplorer()
    await preset(page, 'headlineYoy')
    await page.selectOption('[data-test="transform"]', 'none')
    await page.click('[data-test="undo"]')
    await expect.poll(() => page.locator('[data-test="transform"]').inputValue()).toBe('yoy')
    await page.click('[data-test="redo"]')
    await expect.poll(() => page.locator('[data-test="transform"]').inputValue()).toBe('none')
    // The same history from the keyboard (Alt+← / Alt+→), and T switches to the table.
    await page.locator('body').press('Alt+ArrowLeft')
    await expect.poll(() => page.locator('[data-test="transform"]').inputValue()).toBe('yoy')
    await page.locator('body').press('Alt+ArrowRight')
    await expect.poll(() => page.locator('[data-test="transform"]').inputValue()).toBe('none')
    await page.locator('body').press('t')
    await page.locator('[data-test="data-table"]').waitFor()
    await page.locator('body').press('?')
    await page.locator('[data-test="shortcuts"] [data-shortcut="undo"]').waitFor()
    await page.keyboard.press('Escape')

    await preset(page, 'partnersYoy')
    const url = page.url()
    const again = await suite.browser.newPage()
    await again.goto(url.replace(/\?token=[^#]*/, `?token=${suite.app.server.token}`))
    await again.locator('[data-test="explorer-chart"] canvas').waitFor()
    await expect.poll(() => again.locator('[data-test="preset"]').inputValue()).toBe('partnersYoy')

    await again.click('[data-test="paste-state"]')
    await again.fill('[data-test="state-input"]', 'dataset=china-trade&flows=../../etc&v=1')
    await again.click('[data-test="state-open"]')
    await expect.poll(() => again.locator('[data-test="message"]').textContent()).toMatch(/not valid/)
    expect(await again.locator('[data-test="preset"]').inputValue()).toBe('partnersYoy')
  })

  it('a view string naming an indicator the dataset lacks is told in plain words, pasted or in the address', async () => {
    const lacking =
      'v=2&dataset=china-trade&measure=level&frequency=month&unit=USD+bn&transform=none&displayUnit=bn&chart=line&flows=total&partners=world&products=all'
    const page = await openExplorer()
    await preset(page, 'partnersYoy')
    await page.click('[data-test="paste-state"]')
    await page.fill('[data-test="state-input"]', lacking)
    await page.click('[data-test="state-open"]')
    // Refused: the view shown stays, its controls as they were.
    await expect
      .poll(() => page.locator('[data-test="message"]').textContent())
      .toBe('This dataset has no indicator “total”: choose one of the indicators it has.')
    expect(await page.locator('[data-test="preset"]').inputValue()).toBe('partnersYoy')
    await page.close()

    // Opened from the address, before the dataset's series list is known: said beside the chart, the
    // controls still offering the dataset's measures and frequencies, and no made-up periods on the axis.
    const opened = await suite.browser.newPage()
    await opened.goto(`${suite.app.server.url}#/explorer?${lacking}`)
    await opened.locator('[data-test="unknown-code"]').waitFor()
    expect(await opened.locator('[data-test="unknown-code"]').textContent()).toContain(
      'This dataset has no indicator “total”',
    )
    await opened.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
    expect(await opened.locator('[data-test="measure"]').inputValue()).toBe('level')
    expect(await opened.locator('[data-test="frequency"]').inputValue()).toBe('month')
    expect(await opened.locator('[data-test="measure"] option').count()).toBeGreaterThan(0)
    const drawn = JSON.parse(
      (await opened.locator('[data-test="explorer-chart"]').getAttribute('data-drawn')) ?? '{"ticks":[]}',
    ) as { ticks: { label: string }[] }
    expect(drawn.ticks).toEqual([])
    // The reader moves on by ticking an indicator the dataset has: the unknown one goes.
    await opened.check('[data-test="flow-exports"]')
    await expect.poll(() => opened.locator('[data-test="unknown-code"]').count()).toBe(0)
    expect(await opened.locator('[data-test="flow-total"]').count()).toBe(0)
    await opened.close()
  })

  it('exports the CSV of exactly the table shown, and the chart as PNG at the chosen size and as vector SVG', async () => {
    const page = await openExplorer()
    await preset(page, 'partnersYoy')
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-test="export-csv"]'),
    ])
    const [header, ...rows] = readCsvRecords(await readFile((await csvDownload.path())!, 'utf8'), {
      strict: true,
    }).map((r) => r.fields)
    expect(header).toEqual(['period', 'series', 'value', 'unit', 'kind', 'note', 'sources'])
    const us = rows.find((r) => r[0] === '2025-11' && r[1]!.startsWith('Exports to the US'))!
    expect(us.slice(2, 5)).toEqual(['-28.6', '% y/y', 'published'])
    expect(us[6]).toMatch(/<https?:\/\//)
    // The CSV holds exactly the table's numbers: every filled cell, and nothing else with a value.
    await page.click('[data-test="tab-table"]')
    await page.locator('[data-test="data-table"]').waitFor()
    const shown = await page
      .locator('[data-test="data-table"] tr[data-period] td')
      .evaluateAll((tds) =>
        tds
          .filter((td) => td.textContent!.trim() !== '—')
          .map((td) => `${td.closest('tr')!.dataset.period}|${(td as HTMLElement).dataset.series}`),
      )
    expect(rows.filter((r) => r[2] !== '').length).toBe(shown.length)

    // Export… opens one dialog (the same command as File › Export…): PNG at the chosen size, and SVG.
    await page.click('[data-test="tab-chart"]')
    await page.click('[data-test="export-open"]')
    await page.check('[data-test="export-format-png"]')
    await page.selectOption('[data-test="export-size"]', '800x600')
    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-test="export-run"]'),
    ])
    const png = await readFile((await pngDownload.path())!)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 1200])

    await page.click('[data-test="export-open"]')
    await page.check('[data-test="export-format-svg"]')
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-test="export-run"]'),
    ])
    const svg = await readFile((await svgDownload.path())!, 'utf8')
    // The dialog keeps the size chosen for the PNG.
    expect(svg.slice(0, 300)).toMatch(/^<svg[^>]*width="800" height="600"/)
    expect(svg).toContain('Exports by partner, year on year')
    expect(svg).toContain('Sources:')
    expect(svg).not.toMatch(/<script|<image/)
    const svgPage = await suite.browser.newPage()
    await svgPage.setContent(svg)
    await screenshot(svgPage, 'explorer-export-svg')
    suite.browser.assertOffline()
  })
})

interface Drawn {
  area: { left: number; right: number }
  canvas: { width: number; height: number }
  tooltip: { x: number; y: number; width: number; height: number } | null
  legend: { text: string; pointStyle: string; lineDash: number[] }[]
}
const drawn = async (page: Page): Promise<Drawn> =>
  JSON.parse((await page.locator('[data-test="explorer-chart"]').getAttribute('data-drawn'))!) as Drawn

describe('tooltips and legend', () => {
  it('a chart made anew under a pointer that has not moved shows the same tooltip at once', async () => {
    // The chart is made anew once its annotations and zoom have loaded: the test holds their code until
    // the pointer rests on a point of the first chart, then lets it through.
    const page = await suite.browser.newPage()
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(
      (url) => /chartjs-plugin-(annotation|zoom)/.test(url.pathname),
      async (route) => {
        await held
        await route.fallback()
      },
    )
    await page.goto(`${suite.app.server.url}#/explorer`)
    const chart = page.locator('[data-test="explorer-chart"][data-plugins="loading"]')
    await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
    const first = JSON.parse((await chart.getAttribute('data-drawn'))!) as {
      series: { points: { period: string; x: number }[] }[]
    }
    const point = first.series[0]!.points.at(-1)!
    const canvas = chart.locator('canvas')
    const box = (await canvas.boundingBox())!
    await canvas.hover({ position: { x: point.x, y: box.height / 2 } })
    const tip = page.locator('[data-test="explorer-chart"]')
    await expect.poll(() => tip.getAttribute('data-tooltip')).toContain(formatPeriod(point.period, 'en'))
    const before = await tip.getAttribute('data-tooltip')

    release()
    // The new chart draws before the page shows that the plugins are in (one update): from then on
    // the tooltip read is the new chart's. The pointer is not moved again.
    await page.locator('[data-test="explorer-chart"][data-plugins="loaded"]').waitFor()
    await expect.poll(() => tip.getAttribute('data-tooltip')).toBe(before)
    expect(suite.browser.pageErrors).toEqual([])
    await page.close()
  })

  // The widest tooltips: a year-to-date point sums many months (many sources), six partners at once.
  it.each(['cumulativeSurplus', 'partnersYoy', 'headline', 'worldShare'])(
    '%s: the tooltip at the rightmost point stays inside the chart, at 1024 px, in English and Chinese',
    { timeout: 60_000 },
    async (id) => {
      for (const locale of ['en-US', 'zh-CN']) {
        const page = await suite.browser.newPage({ locale, width: 1024 })
        await page.goto(`${suite.app.server.url}#/explorer`)
        await page.locator('[data-test="explorer-chart"] canvas').waitFor()
        await preset(page, id)
        const canvas = page.locator('[data-test="explorer-chart"] canvas')
        for (const at of [0.15, 0.5, 0.85]) {
          // The chart may still be redrawn for the preset's data (its canvas replaced, its tooltip gone):
          // measure and hover again until the drawn chart shows a tooltip, and check that one.
          const shown: { drawn?: Drawn } = {}
          await expect
            .poll(async () => {
              const box = await canvas.boundingBox()
              if (!box) return null
              const { area } = await drawn(page)
              await page.mouse.move(box.x + area.right - 2, box.y + box.height * at)
              shown.drawn = await drawn(page)
              return shown.drawn.tooltip
            })
            .not.toBeNull()
          const { tooltip, canvas: size } = shown.drawn!
          expect(tooltip!.x, `${id} ${locale} at ${at}`).toBeGreaterThanOrEqual(0)
          expect(tooltip!.y).toBeGreaterThanOrEqual(0)
          expect(tooltip!.x + tooltip!.width, `${id} ${locale} at ${at}`).toBeLessThanOrEqual(size.width)
          expect(tooltip!.y + tooltip!.height).toBeLessThanOrEqual(size.height)
        }
        await screenshot(page, `tooltip-right-${id}-${locale}`)
        await page.close()
      }
      expect(suite.browser.pageErrors).toEqual([])
    },
  )

  it("legend markers show each series' style: lines as lines, a projection dashed, bars as squares", async () => {
    const page = await openExplorer()
    await preset(page, 'headline')
    // The first monthly point is January–February combined, drawn as a triangle: the legend is not.
    await expect
      .poll(async () => (await drawn(page)).legend.map((l) => [l.pointStyle, l.lineDash.length]))
      .toEqual([
        ['line', 0],
        ['line', 0],
        ['line', 0],
      ])
    await preset(page, 'worldShare')
    await expect
      .poll(async () => (await drawn(page)).legend.map((l) => [l.pointStyle, l.lineDash.length > 0]))
      .toEqual([
        ['line', false],
        ['line', true],
      ])
    await preset(page, 'rareEarths')
    await expect.poll(async () => (await drawn(page)).legend.map((l) => l.pointStyle)).toEqual(['rect'])
  })
})

describe('January–February as a monthly average', () => {
  it('is off by default; ticked, January and February each show the combined value ÷ 2, marked computed, with a notice', async () => {
    const page = await openExplorer()
    // The Explorer reopens the last session's view, which earlier tests leave on other presets.
    await preset(page, 'headline')
    const box = page.locator('[data-test="janfeb-average"]')
    expect(await box.isChecked()).toBe(false)
    const combined = await valueOf({ flow: 'exports', unit: 'USD bn' }, '2025-01..2025-02')
    expect(await cell(page, '2025-01..2025-02', 'exports:world:all')).toBe(usd(combined))
    expect(await page.locator('[data-test="janfeb-average-notice"]').count()).toBe(0)

    await box.check()
    await expect.poll(() => page.locator('[data-test="janfeb-average-notice"]').count()).toBe(1)
    for (const month of ['2025-01', '2025-02'])
      expect(await cell(page, month, 'exports:world:all')).toBe(`${usd(combined / 2)}†`)
    expect(await page.locator('tr[data-period="2025-01..2025-02"]').count()).toBe(0)
    expect(
      await page
        .locator('[data-test="data-table"] tr[data-period="2025-01"] td[data-series="exports:world:all"]')
        .getAttribute('title'),
    ).toContain('÷ 2')
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-test="export-csv"]'),
    ])
    const rows = readCsvRecords(await readFile((await csvDownload.path())!, 'utf8'), { strict: true }).map(
      (r) => r.fields,
    )
    const jan = rows.find((r) => r[0] === '2025-01' && r[1] === 'Exports')!
    expect(Number(jan[2])).toBeCloseTo(combined / 2, 6)
    expect(jan[4]).toBe('computed')
    expect(jan[5]).toContain('Jan–Feb combined value ÷ 2')
    expect(await page.evaluate(() => location.hash)).toContain('janFeb=average')

    // Where it cannot apply (a y/y view) it is disabled and says why.
    await page.selectOption('[data-test="transform"]', 'yoy')
    await expect.poll(() => box.isDisabled()).toBe(true)
    expect(await page.locator('#janfeb-average-hint').isVisible()).toBe(true)
    await screenshot(page, 'explorer-janfeb-average')
  })
})

describe('the last session answering after the first choice', () => {
  it('a ready-made view picked before the last session answers stays, even the one already shown', async () => {
    // The last session ends on world share (autosaved about a second after the change).
    const before = await openExplorer()
    await preset(before, 'worldShare')
    const file = join(suite.app.userDataDir, 'session.json')
    const savedMeasure = () =>
      existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).view?.measure : null
    await expect.poll(savedMeasure, { timeout: 10_000 }).toBe('share')
    await before.close()

    // A slow machine: the session is answered only after the user has picked the default view.
    const page = await suite.browser.newPage()
    const answer = await holdCall(page, 'loadSession')
    await page.goto(`${suite.app.server.url}#/explorer`)
    await page.locator('[data-test="explorer-chart"] canvas').waitFor()
    await preset(page, 'headline')
    const answered = page.waitForResponse(
      (response) => new URL(response.url()).pathname === `${API_PREFIX}loadSession`,
    )
    answer()
    await answered
    // Once the page says the session is read its view, had it been taken, would be the one asked for
    // (and loading): the view must still be the one picked.
    await page.locator('[data-test="session"][data-session="read"]').waitFor({ state: 'attached' })
    await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()
    expect(await page.locator('[data-test="preset"]').inputValue()).toBe('headline')
    expect(await page.evaluate(() => location.hash)).not.toContain('measure=share')
    expect(suite.browser.pageErrors).toEqual([])
  })
})

describe('ready-made views in light and dark, English and Chinese', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const locale of ['en-US', 'zh-CN']) {
      it(`${colorScheme}, ${locale}`, async () => {
        const page = await openExplorer({ colorScheme, locale })
        for (const id of PRESET_IDS) {
          await preset(page, id)
          await page.locator('[data-test="explorer-chart"] canvas').waitFor()
          await screenshot(page, `preset-${id}-${colorScheme}-${locale}`)
        }
        if (locale === 'zh-CN') expect(await page.locator('nav').textContent()).toContain('数据浏览')
        expect(suite.browser.pageErrors).toEqual([])
      })
    }
  }
})
