/**
 * The what-if calculators in the built renderer, in Debian Chromium, against the real handlers and the
 * bundled data: inputs typed as a user types them, scenarios saved and compared, Goal Seek run, and the
 * numbers shown checked against figures read independently from the services.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { API_PREFIX } from '../../electron/web/wire'
import calculatorMessages from '../../renderer/src/i18n/messages/calculators'
import { holdCall, screenshot } from '../support/browser'
import { appInBrowser } from '../support/suite'

const suite = appInBrowser()

/** The preferred observation of one cell, read from the services (not through the page). */
const observation = async (series: string, period: string) =>
  (await suite.app.services.query.observations('china-trade', series, period)).find((o) => o.preferred)!
const value = async (series: string, period: string) => (await observation(series, period)).value
const fmt = (v: number, digits = 2) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(v)
const usd = (v: number) => `${v < 0 ? '-' : ''}$${fmt(Math.abs(v))} bn`

/**
 * The full-year result is shown to the precision of its least precise published input: the Jan–Nov
 * 2025 YTD, "$1.08 trillion" (1080), is known to the nearest $10 bn, so results are rounded to tens.
 */
const toTens = (v: number) => Math.round(v / 10) * 10
/** The later vintage of a period (a reading published from the second month after it), read from the services. */
const revised = async (series: string, period: string, from: string) =>
  (await suite.app.services.query.observations('china-trade', series, period)).find(
    (o) => !o.preferred && (o.source.published ?? '') >= from,
  )!
const text = (page: Page, testId: string) => page.locator(`[data-test="${testId}"]`).first().innerText()
const num = (page: Page, testId: string) => page.locator(`[data-test="${testId}"] .num`).first().innerText()

async function openCalculators(width = 1280): Promise<Page> {
  const page = await suite.browser.newPage({ width, height: 900 })
  await page.goto(suite.app.server.url)
  await page.click('nav >> text=Calculators')
  await page.locator('[data-test="fy-total"]').waitFor()
  // The first visit loads the calculators' data: seconds on a busy machine.
  await expect.poll(() => num(page, 'fy-total')).not.toBe('—')
  return page
}

/** Types into a calculator field as a user would: clear it, then type key by key. */
async function type(page: Page, testId: string, typed: string) {
  const input = page.locator(`input[data-test="${testId}"]`)
  await input.fill('')
  await input.pressSequentially(typed)
}

async function saveScenario(page: Page, name: string) {
  await type(page, 'scn-name', name)
  await page.click('[data-test="scn-save"]')
  await page.locator(`[data-test="scn-${name}"]`).waitFor()
}

describe('while the data loads', () => {
  it('the page reads as loading and is busy until every calculator has its data', async () => {
    // A slow machine: the calculators' data calls are held by the test until the page has been read.
    const page = await suite.browser.newPage({ width: 1280, height: 900 })
    let answer!: () => void
    const held = new Promise<void>((resolve) => (answer = resolve))
    await page.route(
      (url) => url.pathname === `${API_PREFIX}getSeries`,
      async (route) => {
        await held
        await route.fallback()
      },
    )
    await page.goto(`${suite.app.server.url}#/calculators`)
    const section = page.locator('section.calculators')
    await section.locator('[role="status"]', { hasText: 'Loading…' }).waitFor()
    expect(await section.getAttribute('aria-busy')).toBe('true')
    answer()
    await page.locator('section.calculators[aria-busy="false"]').waitFor()
    // Not busy: every figure the page will show from the data is there, with no wait.
    expect(await section.locator('[role="status"]').count()).toBe(0)
    expect(await num(page, 'fy-total')).not.toBe('—')
    await page.close()
  })
})

/**
 * What the calculators say when the data lacks a figure, in both languages: the longest run of words of
 * each such message (its placeholders cut out), so a page that says one can be caught.
 */
const MISSING_DATA_KEYS = [
  'notInData',
  'value.missing',
  'track.none',
  'track.notComputable',
  'formula.notComputable',
  'fy.trackSummaryNone',
  'fy.trackMissing',
  'fy.methodNone',
  'fy.yuan.notPublished',
  'fy.yuan.noConversion',
  'fy.yuan.missing',
  'fy.yuan.none',
  'fy.monthsMissingShort',
  'fy.noRecord',
  'fy.problem.noPublishedYtd',
  'fy.problem.monthsMissing',
  'fy.problem.monthIncomplete',
  'pm.notInDataRest',
  'pm.waterfallFlat.noLevel',
  'pm.problem.noTotal',
  'ws.imported.missing',
  'ws.problem.noBase',
]
function missingDataWords(locale: 'en' | 'zh-CN'): string[] {
  const calc = calculatorMessages[locale].calc as Record<string, unknown>
  return MISSING_DATA_KEYS.map((key) => {
    const message = key.split('.').reduce<unknown>((m, k) => (m as Record<string, unknown>)[k], calc)
    if (typeof message !== 'string') throw new Error(`calc.${key} is not a message`)
    return message
      .split(/\{[^}]*\}/)
      .map((part) => part.trim())
      .sort((a, b) => b.length - a.length)[0]!
  })
}

describe('while a calculator waits for its data', () => {
  it('says it is loading, or nothing, never that the data lacks a figure', async () => {
    for (const [locale, language] of [
      ['en-US', 'en'],
      ['zh-CN', 'zh-CN'],
    ] as const) {
      const words = missingDataWords(language)
      for (const calculator of ['fullYear', 'partnerMix', 'worldShare']) {
        const page = await suite.browser.newPage({ width: 1280, height: 900, locale })
        const answer = await holdCall(page, 'getSeries')
        await page.goto(`${suite.app.server.url}#/calculators`)
        await page.locator(`[data-test="tab-${calculator}"]`).click()
        const panel = page.locator(`[data-test="calc-${calculator}"]`)
        await panel.waitFor()
        expect(await page.locator('section.calculators').getAttribute('aria-busy')).toBe('true')
        // The panel, and its formula with the current numbers (its general form and terms hold whatever the data).
        const shown = [
          await panel.innerText(),
          ...(await panel.locator('[data-test="formula-substituted"]').allTextContents()),
        ].join('\n')
        expect(
          words.filter((w) => shown.includes(w)),
          `${calculator}, ${locale}`,
        ).toEqual([])
        // Nor a dash where a figure or its year will go ("China's share of world exports, —:"): a dash
        // reads as a value the data lacks.
        expect(
          shown.split('\n').filter((line) => line.includes('—')),
          `${calculator}, ${locale}`,
        ).toEqual([])
        const options = await panel.locator('option').allInnerTexts()
        expect(
          options.filter((o) => o.includes('—')),
          `${calculator}, ${locale}`,
        ).toEqual([])
        // No heading is left a fragment around a figure still to come (": last year's figures").
        const legends = await panel.locator('legend').allInnerTexts()
        expect(
          legends.filter((l) => /^[:：,，]|[:：,，]$/.test(l.trim())),
          `${calculator}, ${locale}`,
        ).toEqual([])
        await screenshot(page, `calc-loading-${calculator}-${locale}`)
        // And once the data is there, the page reads it (not loading any more).
        answer()
        await page.locator('section.calculators[aria-busy="false"]').waitFor()
        await page.close()
      }
    }
  })
})

describe('your own figures, listed under a result', () => {
  it('are listed as the page’s language lists them: "; " in English, "；" in Chinese', async () => {
    for (const [locale, separator] of [
      ['en-US', '; '],
      ['zh-CN', '；'],
    ] as const) {
      const page = await suite.browser.newPage({ width: 1280, height: 900, locale })
      await page.goto(`${suite.app.server.url}#/calculators`)
      await page.click('[data-test="tab-partnerMix"]')
      await page.locator('section.calculators[aria-busy="false"]').waitFor()
      // Two partners the data has no level for, given one each.
      const enter = page.locator('[data-test^="pm-enter-"]')
      await expect.poll(() => enter.count()).toBeGreaterThanOrEqual(2)
      const ids = await enter.evaluateAll((els) =>
        els.slice(0, 2).map((el) => el.getAttribute('data-test')!.replace('pm-enter-', '')),
      )
      for (const [i, id] of ids.entries()) {
        await page.click(`[data-test="pm-enter-${id}"]`)
        await type(page, `pm-override-${id}`, String(100 + i))
      }
      await expect.poll(() => page.locator('[data-test="pm-uses-user"]').count()).toBe(1)
      const listed = await text(page, 'pm-uses-user')
      expect(listed.split(separator).length, listed).toBe(2)
      if (locale === 'zh-CN') expect(listed).not.toContain(';')
      await screenshot(page, `calc-uses-yours-${locale}`)
      await page.close()
    }
  })
})

describe('Full-year surplus', () => {
  it('Jan–Nov 2025 actuals + Dec 2024 (balance method, its imports level is a gap): the numbers, sources and record from the data', async () => {
    const page = await openCalculators()
    const ytd = await observation('trade_balance_usd_ytd', '2025-01..2025-11')
    const dec = await observation('trade_balance_usd', '2024-12')
    const record = await observation('trade_balance_usd_annual', '2024')
    expect(await num(page, 'fy-total')).toBe(usd(toTens(ytd.value + dec.value)))
    // The exact figure is on hover.
    expect(await page.locator('[data-test="fy-total"]').getAttribute('title')).toContain(
      fmt(ytd.value + dec.value),
    )
    expect(await num(page, 'fy-vs-record')).toBe(`+${usd(toTens(ytd.value + dec.value - record.value))}`)
    expect(await text(page, 'fy-verdict')).toBe('beats the record')
    // Each figure from the data names its source, with the link.
    const ytdSource = page.locator('label:has([data-test="fy-basis-published"]) [data-test="from-data"] a')
    expect(await ytdSource.getAttribute('href')).toBe(ytd.source.url)
    expect(await page.locator('[data-test="fy-balance-2024-12"] a').getAttribute('href')).toBe(dec.source.url)
    expect(await text(page, 'fy-imports-2024-12')).toContain('not in the data')
    // Export and import growth cannot enter while December uses the balance method: the fields say so.
    expect(await page.locator('input[data-test="fy-exportGrowth"]').isDisabled()).toBe(true)
    await page.click('[data-test="fy-formula"] summary')
    expect(await text(page, 'fy-formula')).toContain(
      `S = ${fmt(ytd.value)}\n    + ${fmt(dec.value)} × (1 + 0%)`,
    )
    suite.browser.assertOffline()
  })

  it('levels with the user’s own Dec 2024 imports (labelled), validation as the user types, two scenarios compared, Goal Seek', async () => {
    const page = await openCalculators()
    const ytd = await value('trade_balance_usd_ytd', '2025-01..2025-11')
    // The revised base: December 2024 exports as cited a year later, not as first published.
    const exportsDec = (await revised('exports_usd', '2024-12', '2025-02')).value
    expect(exportsDec).not.toBe(await value('exports_usd', '2024-12'))
    const record = await value('trade_balance_usd_annual', '2024')

    // Levels for December 2024: the imports level is missing, so there is no result until the user gives one.
    await page.check('[data-test="fy-month-2024-12"] [data-test="fy-method-levels"]')
    await expect.poll(() => num(page, 'fy-total')).toBe('—')
    expect(await text(page, 'fy-problems')).toContain('Imports not in the data')
    await page.click('[data-test="fy-enter-imports"]')
    await type(page, 'fy-override-imports', '231')
    expect(await text(page, 'fy-imports-2024-12')).toMatch(/your assumption/i)

    await type(page, 'fy-exportGrowth', '6.6')
    await type(page, 'fy-importGrowth', '5.7')
    const total = (x: number, y: number) => ytd + exportsDec * (1 + x / 100) - 231 * (1 + y / 100)
    await expect.poll(() => num(page, 'fy-total')).toBe(usd(toTens(total(6.6, 5.7))))
    expect(await text(page, 'fy-uses-user')).toContain('Imports Dec 2024 = $231 bn')

    // Invalid input: marked, explained, and no number computed from it.
    await type(page, 'fy-exportGrowth', '6,6')
    const field = page.locator('input[data-test="fy-exportGrowth"]')
    expect(await field.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#fy-exportGrowth-error').innerText()).toContain('Use a dot for decimals')
    expect(await page.locator('#fy-exportGrowth-error').getAttribute('role')).toBe('alert')
    expect(await num(page, 'fy-total')).toBe('—')
    expect(await page.locator('[data-test="fy-total"] .why').innerText()).toContain('not valid')
    await type(page, 'fy-exportGrowth', '0.05')
    expect(await page.locator('#fy-exportGrowth-hint').innerText()).toContain('For 5%, type 5')
    await type(page, 'fy-exportGrowth', '-5')
    expect(await field.getAttribute('aria-invalid')).toBe('false')
    await expect.poll(() => num(page, 'fy-total')).toBe(usd(toTens(total(-5, 5.7))))
    await saveScenario(page, 'Weak December')
    await type(page, 'fy-exportGrowth', '10')
    await expect.poll(() => num(page, 'fy-total')).toBe(usd(toTens(total(10, 5.7))))
    await saveScenario(page, 'Strong December')

    // Compare the two side by side: the summary table and one chart.
    for (const name of ['Weak December', 'Strong December'])
      await page.check(`[data-test="scn-${name}"] [data-test="scn-compare"]`)
    const row = page.locator('[data-test="scn-summary"] [data-test="scn-row-total"] td')
    await expect
      .poll(() => row.allInnerTexts())
      .toEqual([usd(total(10, 5.7)), usd(total(-5, 5.7)), usd(total(10, 5.7))])
    expect(
      await page.locator('[data-test="scn-summary"] [data-test="scn-row-x"] td').allInnerTexts(),
    ).toEqual(['+10%', '-5%', '+10%'])
    expect(await page.locator('[data-test="scn-summary"]').innerText()).toContain('Your own figures used')
    await page.locator('[data-test="compare-chart"] canvas').waitFor()

    // Rename, duplicate, delete; loading a scenario puts its inputs back.
    await page.click('[data-test="scn-Weak December"] [data-test="scn-rename"]')
    await page.fill('[data-test="scn-rename-input"]', 'Strong December')
    await page.click('[data-test="scn-rename-save"]')
    expect(await page.locator('[data-test="scn-list"] [role="alert"]').innerText()).toContain(
      'already has this name',
    )
    await page.fill('[data-test="scn-rename-input"]', 'Soft December')
    await page.click('[data-test="scn-rename-save"]')
    await page.click('[data-test="scn-Soft December"] [data-test="scn-duplicate"]')
    await page.locator('[data-test="scn-Soft December (copy)"]').waitFor()
    await page.click('[data-test="scn-Soft December (copy)"] [data-test="scn-delete"]')
    expect(await page.locator('[data-test="scn-list"] [data-test="scn-name-text"]').allInnerTexts()).toEqual([
      'Soft December',
      'Strong December',
    ])
    await page.click('[data-test="scn-Soft December"] [data-test="scn-load"]')
    await expect.poll(() => page.locator('input[data-test="fy-exportGrowth"]').inputValue()).toBe('-5')
    await expect.poll(() => num(page, 'fy-total')).toBe(usd(toTens(total(-5, 5.7))))

    // The sensitivity table: December export × import growth, cells above the record marked (not by colour alone).
    const cells = page.locator('[data-test="sensitivity"] td')
    expect(await cells.count()).toBe(49)
    const flagged = await page.locator('[data-test="sensitivity"] td[data-beyond="true"]').count()
    expect(flagged).toBe(49) // every cell: Jan–Nov alone is above the 2024 record
    expect(await page.locator('[data-test="sensitivity"] td[aria-current="true"]').innerText()).toContain(
      fmt(total(-5, 5.7)),
    )
    expect(await page.locator('[data-test="sensitivity"] .legend').innerText()).toContain(
      `above the record, ${usd(record)} (2024)`,
    )

    // Goal Seek: the export growth that ends the year at $1,200 bn.
    await type(page, 'fy-goal-target', '1200')
    await page.selectOption('[data-test="fy-goal-variable"]', 'exportGrowth')
    const x = ((1200 - ytd + 231 * 1.057) / exportsDec - 1) * 100
    await expect.poll(() => text(page, 'fy-goal-result')).toContain(`Export growth x of +${fmt(x, 4)}%`)
    await page.click('[data-test="fy-goal-apply"]')
    await expect.poll(() => num(page, 'fy-total')).toBe('$1,200 bn')
    // A target out of reach within the bounds is reported, not answered with a wrong number.
    await type(page, 'fy-goal-target', '5000')
    await expect.poll(() => text(page, 'fy-goal-result')).toContain('No solution within bounds')

    await type(page, 'fy-goal-target', '1200')
    await page.click('[data-test="fy-formula"] summary')
    await screenshot(page, 'calc-full-year-surplus')
    suite.browser.assertOffline()
  })

  it('the track record, the published yuan figures with their sources, the implied December levels and the mixed-method warning', async () => {
    const page = await openCalculators()
    // Track record of the balance method at 0 %: 2020 from Jan–Nov 2020 + December 2019, against 2020's full year.
    const err2020 =
      (await value('trade_balance_usd_ytd', '2020-01..2020-11')) +
      (await value('trade_balance_usd', '2019-12')) -
      (await value('trade_balance_usd_annual', '2020'))
    const row = page.locator('[data-test="fy-track"] [data-test="track-row-2020"]')
    expect(await row.locator('[data-test="track-error-balance"]').innerText()).toBe(
      `${err2020 < 0 ? '-' : '+'}$${fmt(Math.abs(err2020), 1)} bn`,
    )
    expect(await text(page, 'fy-track-summary')).toMatch(/Track record \(Balance/)

    // Yuan: the published yuan series, each with its source; the balance computed and labelled.
    await page.check('[data-test="fy-currency-cny"]')
    const x = await observation('exports_cny_ytd', '2025-01..2025-11')
    const i = await observation('imports_cny_ytd', '2025-01..2025-11')
    const dec = await observation('trade_balance_cny', '2024-12')
    expect(await text(page, 'fy-yuan-exports')).toContain(`published: ${fmt(x.value)} CNY tn`)
    expect(await page.locator('[data-test="fy-yuan-exports"] a').getAttribute('href')).toBe(x.source.url)
    expect(await page.locator('[data-test="fy-yuan-imports"] a').getAttribute('href')).toBe(i.source.url)
    expect(await page.locator('[data-test="fy-yuan-2024-12"] a').getAttribute('href')).toBe(dec.source.url)
    expect(await text(page, 'fy-yuan-balance')).toContain('computed: exports − imports')
    expect(await num(page, 'fy-yuan-total')).toBe(fmt((x.value - i.value) * 1000 + dec.value))
    await screenshot(page, 'calc-full-year-yuan')
    await page.check('[data-test="fy-currency-usd"]')

    // Through October: November 2024 on the balance, December 2024 on levels with the user's imports.
    await page.selectOption('[data-test="fy-cutoff"]', '10')
    await page.check('[data-test="fy-basis-sum"]')
    await page.check('[data-test="fy-month-2024-12"] [data-test="fy-method-levels"]')
    await page.click('[data-test="fy-month-2024-12"] [data-test="fy-enter-imports"]')
    await type(page, 'fy-override-imports', '231')
    await type(page, 'fy-exportGrowth', '4.5')
    await type(page, 'fy-importGrowth', '2')
    await expect.poll(() => text(page, 'fy-mixed')).toContain('Methods are mixed')
    expect(await text(page, 'fy-mixed')).toContain('Dec 2025')
    expect(await text(page, 'fy-mixed')).toContain('Nov 2025')
    // The implied December 2025 levels, on the revised December 2024 exports.
    const exportsDec = (await revised('exports_usd', '2024-12', '2025-02')).value
    const implied = page.locator('[data-test="fy-implied-2025-12"]')
    expect(await implied.locator('[data-test="implied-exports"]').innerText()).toBe(
      `$${fmt(exportsDec * 1.045, 1)} bn`,
    )
    expect(await implied.locator('[data-test="implied-imports"]').innerText()).toBe(
      `$${fmt(231 * 1.02, 1)} bn`,
    )
    expect(await implied.locator('[data-test="fy-first-published"]').innerText()).toContain(
      fmt(await value('exports_usd', '2024-12')),
    )
    await screenshot(page, 'calc-full-year-mixed')
    suite.browser.assertOffline()
  })
})

describe('Partner mix', () => {
  it('as it opens (every rate 0 %), the waterfall says in plain words why it has no bar, in English and Chinese', async () => {
    for (const [locale, nav, words] of [
      ['en-US', 'Calculators', 'Nothing to draw yet: every growth rate is 0%'],
      ['zh-CN', '计算器', '暂无可绘制的内容：所有增长率均为 0%'],
    ] as const) {
      const page = await suite.browser.newPage({ width: 1280, height: 900, locale })
      await page.goto(suite.app.server.url)
      await page.click(`nav >> text=${nav}`)
      await page.click('[data-test="tab-partnerMix"]')
      const flat = page.locator('[data-test="waterfall-flat"]')
      await flat.waitFor()
      expect(await flat.innerText()).toContain(words)
      // Percentages are written one way, hints as results: 5%, never 5 %; the share columns with one
      // decimal each, so 5.0% stands above 14.7%.
      const body = await page.locator('[data-test="calc-partnerMix"]').innerText()
      expect(body).not.toMatch(/\d %/)
      expect(body).toContain('0%–100%')
      const shares = await page.locator('[data-test^="pm-share-"] td:nth-of-type(-n+2)').allInnerTexts()
      expect(shares.length).toBeGreaterThan(4)
      for (const share of shares) expect(share).toMatch(/^\d+\.\d%$/)
      // No empty 0–1 axis in its place; the tornado (each rate moved ± the swing) still has bars.
      expect(await page.locator('[data-test="waterfall-chart"]').count()).toBe(0)
      await page.locator('[data-test="tornado-chart"] canvas').waitFor()
      await flat.scrollIntoViewIfNeeded()
      await screenshot(page, `calc-partner-mix-flat-${locale}`)
      // A rate for a partner with exports gives it a bar.
      await type(page, 'pm-growth-us', '-10')
      await page.locator('[data-test="waterfall-chart"] canvas').waitFor()
      expect(await flat.count()).toBe(0)
      await page.close()
    }
  })

  it('2024 base from the data, the user’s EU level labelled, growth per partner and redirection; scenarios compared', async () => {
    const page = await openCalculators()
    await page.click('[data-test="tab-partnerMix"]')
    await page.locator('[data-test="pm-total-growth"]').waitFor()
    const total = await value('exports_usd_annual', '2024')
    const us = await observation('exports_to_us_usd_annual', '2024')
    const asean = await value('exports_to_asean_usd_annual', '2024')
    const africa = await value('exports_to_africa_usd_annual', '2024')
    expect(await text(page, 'pm-base-total')).toBe(usd(total))
    expect(await page.locator('[data-test="pm-row-us"] a').getAttribute('href')).toBe(us.source.url)
    expect(await text(page, 'pm-row-eu')).toContain('counted in the rest of the world')

    await page.click('[data-test="pm-enter-eu"]')
    await type(page, 'pm-override-eu', '516')
    expect(await text(page, 'pm-row-eu')).toMatch(/your assumption/i)
    await type(page, 'pm-growth-us', '-20')
    await type(page, 'pm-growth-eu', '8')
    await type(page, 'pm-growth-asean', '13')
    await type(page, 'pm-growth-africa', '25')
    await type(page, 'pm-growth-rest', '4')
    await type(page, 'pm-redirection', '60')
    const rest = total - us.value - 516 - asean - africa
    const growth = (usG: number, red: number) =>
      (100 *
        (us.value * usG +
          516 * 0.08 +
          asean * 0.13 +
          africa * 0.25 +
          rest * 0.04 +
          red * Math.max(0, -usG * us.value))) /
      total
    await expect.poll(() => num(page, 'pm-total-growth')).toBe(`+${fmt(growth(-0.2, 0.6))}%`)
    expect(await num(page, 'pm-redirected')).toBe(usd(0.6 * 0.2 * us.value))
    expect(await text(page, 'pm-uses-user')).toContain('European Union 2024 = $516 bn')
    await saveScenario(page, 'Tariff shock')
    await type(page, 'pm-growth-us', '-40')
    await type(page, 'pm-redirection', '30')
    await expect
      .poll(() => num(page, 'pm-total-growth'))
      .toBe(`${growth(-0.4, 0.3) >= 0 ? '+' : ''}${fmt(growth(-0.4, 0.3))}%`)
    await saveScenario(page, 'Deeper shock')
    for (const name of ['Tariff shock', 'Deeper shock'])
      await page.check(`[data-test="scn-${name}"] [data-test="scn-compare"]`)
    const g = page.locator('[data-test="scn-summary"] [data-test="scn-row-g"] td')
    await expect
      .poll(() => g.allInnerTexts())
      .toEqual(
        [growth(-0.4, 0.3), growth(-0.2, 0.6), growth(-0.4, 0.3)].map(
          (v) => `${v >= 0 ? '+' : ''}${fmt(v)}%`,
        ),
      )
    await page.locator('[data-test="waterfall-chart"] canvas').waitFor()
    await page.locator('[data-test="tornado-chart"] canvas').waitFor()
    await page.locator('[data-test="compare-chart"] canvas').waitFor()
    await screenshot(page, 'calc-partner-mix')
    suite.browser.assertOffline()
  })
})

describe('Share of world exports', () => {
  it('from the latest published share, China against the rest of the world: path to 2030 against the projection, Goal Seek on the gap, the track record, Base/High/Low, the world-growth form with its caveat, the estimate as a labelled base', async () => {
    const page = await openCalculators()
    await page.click('[data-test="tab-worldShare"]')
    await page.locator('[data-test="ws-horizon-share"]').waitFor()
    // The latest annual WTO share in the data, read from the services.
    const wto = await suite.app.services.query.series({
      dataset: 'china-trade',
      reporter: 'china',
      flow: 'exports',
      partner: 'world',
      product: 'all',
      measure: 'share',
      frequency: 'year',
      series: 'china_share_world_merchandise_exports_pct',
    })
    const annual = wto.points.filter((p) => /^\d{4}$/.test(p.period))
    const latest = annual.reduce((a, p) => (p.period > a.period ? p : a))
    const s0 = await observation('china_share_world_merchandise_exports_pct', latest.period)
    const t = 2030 - Number(latest.period)
    const projection = await observation('china_share_world_exports_pct_projection', '2030')
    expect(projection.status).toBe('projection')
    expect(await text(page, 'ws-base')).toContain(`${fmt(s0.value)}%`)
    expect(await page.locator('[data-test="ws-base"] a').getAttribute('href')).toBe(s0.source.url)
    expect(await text(page, 'ws-projection')).toMatch(/projection, not data/i)
    // Both at 0 % by default: the share stays flat.
    expect(await num(page, 'ws-horizon-share')).toBe(`${fmt(s0.value)}%`)

    // China +5 %, the rest of the world +3 %: share = C / (C + R), each compounding at its own rate.
    await type(page, 'ws-china', '5')
    await type(page, 'ws-world', '3')
    const c = s0.value * 1.05 ** t
    const at2030 = (100 * c) / (c + (100 - s0.value) * 1.03 ** t)
    await expect.poll(() => num(page, 'ws-horizon-share')).toBe(`${fmt(at2030)}%`)
    expect(await num(page, 'ws-vs-projection')).toBe(
      `${at2030 - projection.value >= 0 ? '+' : '-'}${fmt(Math.abs(at2030 - projection.value))} pp`,
    )

    // Goal Seek: the gap that reaches the published projection, the rest of the world at 3 %.
    await page.click('[data-test="ws-use-projection"]')
    const k = (projection.value / (100 - projection.value)) * ((100 - s0.value) / s0.value)
    const gap = 1.03 * (k ** (1 / t) - 1) * 100
    await expect
      .poll(() => text(page, 'ws-goal-result'))
      .toContain(`A growth gap of +${fmt(gap, 4)} pp a year`)
    await page.click('[data-test="ws-goal-apply"]')
    await expect.poll(() => num(page, 'ws-horizon-share')).toBe(`${fmt(projection.value)}%`)
    // An unreachable target is reported.
    await type(page, 'ws-goal-target', '95')
    await type(page, 'ws-goal-year', String(Number(latest.period) + 1))
    await expect.poll(() => text(page, 'ws-goal-result')).toContain('No solution within bounds')
    await type(page, 'ws-goal-target', '16.5')
    await type(page, 'ws-goal-year', '2030')

    // The track record of both models, from each published share to each later one.
    const [first, second] = [...annual].sort((a, b) => a.period.localeCompare(b.period))
    expect(await text(page, `track-row-${first!.period}-${second!.period}`)).toContain(
      `${first!.period} → ${second!.period}`,
    )

    // Base / High / Low in one click, compared in the table and on one chart.
    await page.click('[data-test="scn-presets"]')
    for (const name of ['Base', 'High', 'Low']) await page.locator(`[data-test="scn-${name}"]`).waitFor()
    const gcRow = await page.locator('[data-test="scn-summary"] [data-test="scn-row-gc"] td').allInnerTexts()
    expect(gcRow.slice(1).map((v) => Number(v.replace('%', '')))).toEqual(
      [3 + gap, 4 + gap, 2 + gap].map((v) => Number(fmt(v))),
    )
    await page.locator('[data-test="scenarios-worldShare"] [data-test="share-chart"] canvas').waitFor()
    await page.click('[data-test="ws-formula"] summary')
    await screenshot(page, 'calc-world-share')

    // The world-growth form, kept as an option, says its caveat.
    await page.check('[data-test="ws-model-world"]')
    expect(await text(page, 'ws-caveat')).toContain('world exports include China')
    // The bank's estimate as the base: labelled an estimate, with its source.
    await page.selectOption('[data-test="ws-base-year"]', 'estimate')
    const estimate = (
      await suite.app.services.query.observations('china-trade', 'china_share_world_exports_pct', '2025')
    ).find((o) => o.preferred)!
    expect(await text(page, 'ws-base')).toContain(`${fmt(estimate.value)}%`)
    expect(await text(page, 'ws-estimate')).toMatch(/estimate, not a statistic/i)
    expect(await page.locator('[data-test="ws-base"] a').getAttribute('href')).toBe(estimate.source.url)
    suite.browser.assertOffline()
  })

  it('the state survives a tab switch, and a narrow window stacks inputs above results', async () => {
    const page = await openCalculators(860)
    await page.click('[data-test="tab-worldShare"]')
    await type(page, 'ws-china', '4')
    await page.click('[data-test="tab-fullYear"]')
    await page.click('[data-test="tab-worldShare"]')
    expect(await page.locator('input[data-test="ws-china"]').inputValue()).toBe('4')
    await screenshot(page, 'calc-world-share-narrow')
  })

  it('reads in Simplified Chinese when the system language is Chinese', async () => {
    const page = await suite.browser.newPage()
    await page.addInitScript(() =>
      Object.defineProperty(navigator, 'languages', { get: () => ['zh-CN', 'zh'] }),
    )
    await page.goto(`${suite.app.server.url}#/calculators`)
    await page.locator('[data-test="fy-total"]').waitFor()
    await expect.poll(() => page.locator('h2').first().innerText()).toBe('假设情景计算器')
    await expect
      .poll(() => num(page, 'fy-total'))
      .toBe(
        // In Chinese the unit is a word after the number, counted in 亿 (× 10): "11,800 亿美元",
        // never "$1,180 bn" or "1,180 十亿美元".
        `${fmt(
          toTens(
            (await value('trade_balance_usd_ytd', '2025-01..2025-11')) +
              (await value('trade_balance_usd', '2024-12')),
          ) * 10,
        )} 亿美元`,
      )
    expect(await page.locator('[data-test="fy-verdict"]').innerText()).toBe('超过纪录')
    // Two sentences in a row: no space after the Chinese full stop.
    const precision = await page.locator('[data-test="fy-precision"]').innerText()
    expect(precision).toMatch(/精确值。基数：/)
    expect(precision).not.toMatch(/。\s/)
    await screenshot(page, 'calc-full-year-surplus-zh')
  })

  it('no page logged an error, and nothing left the app origin', () => {
    expect(suite.browser.pageErrors, suite.browser.pageErrors.join('\n')).toEqual([])
    suite.browser.assertOffline()
  })
})
