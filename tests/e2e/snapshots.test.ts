/**
 * Notes and snapshots in the built renderer, in Debian Chromium, against the real services:
 * a note written on a chart point is drawn; a snapshot saved, the view changed, the snapshot reopened
 * gives back the view and the note; its CSV equals the table shown; a snapshot whose numbers differ from
 * today's data says so side by side and flags the note; hostile notes render inert; hostile files are
 * refused with the reason; the print page prints to a PDF; the view and a half-written note survive a
 * restart. Offline throughout.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Snapshot } from '../../electron/shared/snapshot'
import { API_PREFIX } from '../../electron/web/wire'
import { launchBrowser, screenshot } from '../support/browser'
import { appInBrowser, menuCommand } from '../support/suite'
import { startWebApp } from '../support/webApp'

let exportTarget: string | null = null
const work = mkdtempSync(join(tmpdir(), 'cte-snapshots-e2e-'))

const suite = appInBrowser({
  snapshotPlatform: { chooseExportTarget: async () => exportTarget, chooseSnapshotFile: async () => null },
})

afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})

const TITLE = 'Exports after the Busan deal'
const BUSAN = 'Busan deal, 30 Oct 2025 — **truce** with the US'

async function openExplorer(): Promise<Page> {
  const page = await suite.browser.newPage()
  await page.goto(`${suite.app.server.url}#/explorer`)
  await page.locator('[data-test="explorer-chart"] canvas').waitFor()
  return page
}

const idle = (page: Page) => page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor()

/** Exports only, January to October 2025: October is the last point, at the right edge of the chart. */
async function exportsTo2025October(page: Page): Promise<void> {
  await page.selectOption('[data-test="preset"]', 'headline')
  await idle(page)
  await page.uncheck('[data-test="flow-imports"]')
  await page.uncheck('[data-test="flow-balance"]')
  await page.selectOption('[data-test="range-from"]', '2025-01..2025-02')
  await page.selectOption('[data-test="range-to"]', '2025-10')
  await idle(page)
  await expect.poll(() => page.locator('[data-test="view-title"]').innerText()).toContain('Exports')
}

const canvasPixels = (page: Page) =>
  page.locator('[data-test="explorer-chart"] canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL())
const notesDrawn = (page: Page) =>
  page.locator('[data-test="explorer-chart"]').getAttribute('data-notes-drawn')

/** The notice's text now, or '' (never waits for one to appear). */
async function noticeText(page: Page): Promise<string> {
  const notice = page.locator('[data-test="notice"]')
  return (await notice.count()) ? ((await notice.textContent()) ?? '') : ''
}

function librarySnapshot(): { file: string; snapshot: Snapshot } {
  const dir = join(suite.app.userDataDir, 'snapshots')
  const name = readdirSync(dir).find((n) => n.endsWith('.ctesnap'))!
  const file = join(dir, name)
  return { file, snapshot: JSON.parse(readFileSync(file, 'utf8')) as Snapshot }
}

/** The snapshot with its first number replaced (by text, or by a marker the caller turns into 1e999). */
function withPoint(s: Record<string, unknown>, value: string): Record<string, unknown> {
  const copy = structuredClone(s) as unknown as Snapshot
  ;(copy.numbers.series[0]!.points[0] as { value: unknown }).value = value
  return copy as unknown as Record<string, unknown>
}

describe('notes on the chart and snapshots', () => {
  let explorerCsv = ''

  it('a note written on a chart point is drawn; the snapshot saved, the view changed, the snapshot reopened gives back the view and the note', async () => {
    const page = await openExplorer()
    await exportsTo2025October(page)
    const before = await canvasPixels(page)
    expect(await notesDrawn(page)).toBe('0')

    // Click the October point: the last one, at the right edge of the plot.
    const box = (await page.locator('[data-test="explorer-chart"] canvas').boundingBox())!
    await page.mouse.click(box.x + box.width - 18, box.y + box.height * 0.4)
    await page.locator('[data-test="note-editor"]').waitFor()
    expect(await page.locator('[data-test="note-period"]').inputValue()).toBe('2025-10')
    expect(await page.locator('[data-test="note-series"]').inputValue()).toBe('exports:world:all')
    const october = (
      await suite.app.services.query.series({
        dataset: 'china-trade',
        reporter: 'china',
        flow: 'exports',
        partner: 'world',
        product: 'all',
        measure: 'level',
        frequency: 'month',
        unit: 'USD bn',
      } as never)
    ).points.find((p) => p.period === '2025-10')!.value
    expect(await page.locator('[data-test="note-value"]').innerText()).toContain(String(october))
    await page.fill('[data-test="note-text"]', BUSAN)
    await page.fill('[data-test="note-tags"]', 'trade war, US')
    await expect.poll(() => page.locator('[data-test="note-preview"] strong').innerText()).toBe('truce')
    await screenshot(page, 'notes-editor')
    await page.click('[data-test="note-save"]')
    await page.locator('[data-test="note-editor"]').waitFor({ state: 'detached' })

    // Drawn: one note annotation in the chart's configuration, and the canvas is not what it was.
    await expect.poll(() => notesDrawn(page)).toBe('1')
    await expect.poll(() => canvasPixels(page)).not.toBe(before)
    expect(await page.locator('[data-test="chart-notes"] li').count()).toBe(1)
    await expect
      .poll(() => page.locator('[data-test="chart-notes"] li').innerText())
      .toContain('on the chart')
    await screenshot(page, 'notes-point-on-chart')

    // Save a snapshot (the button runs the same command as File › Save Snapshot).
    await page.click('[data-test="save-snapshot"]')
    await page.fill('[data-test="snapshot-title"]', TITLE)
    await page.click('[data-test="snapshot-save"]')
    await page.locator('[data-test="snapshot-saved"]').waitFor()
    const { snapshot } = librarySnapshot()
    expect(snapshot.title).toBe(TITLE)
    expect(snapshot.view).toMatchObject({
      flows: ['exports'],
      range: { from: '2025-01..2025-02', to: '2025-10' },
    })
    expect(snapshot.notes.map((n) => n.text)).toEqual([BUSAN])
    expect(snapshot.image?.data.startsWith('iVBORw0KGgo')).toBe(true)
    const shownOctober = snapshot.numbers.series[0]!.points.find((p) => p.period === '2025-10')!
    expect(shownOctober).toMatchObject({ value: october, kind: 'published' })

    // The CSV of the table the user saw, for the export check below.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="export-csv"]')])
    explorerCsv = await readFile((await csv.path())!, 'utf8')

    // Change the view: the note is not about it, so it is neither listed nor drawn.
    await page.selectOption('[data-test="preset"]', 'partnersYoy')
    await idle(page)
    await expect.poll(() => notesDrawn(page)).toBe('0')
    expect(await page.locator('[data-test="chart-notes"]').count()).toBe(0)

    // Delete the note too (Notes page): the snapshot alone must bring it back.
    await page.click('nav >> text=Notes')
    await page.locator('[data-test="notes-list"] li').first().waitFor()
    await page.click('[data-test="notes-list"] li [data-test="note-delete"]')
    await page.locator('[data-test="notes-empty"]').waitFor()

    // Reopen it from the Snapshots page (thumbnail shown).
    await page.click('nav >> text=Snapshots')
    await page.locator('[data-test="snapshot-thumbnail"]').waitFor()
    await expect
      .poll(() =>
        page
          .locator('[data-test="snapshot-thumbnail"]')
          .evaluate((img) => (img as HTMLImageElement).naturalWidth),
      )
      .toBe(960)
    await screenshot(page, 'snapshots-library')
    await page.click('[data-test="snapshot-open"]')
    await page.locator('[data-test="explorer-chart"] canvas').waitFor()
    await idle(page)
    await expect.poll(() => page.locator('[data-test="range-to"]').inputValue()).toBe('2025-10')
    expect(await page.locator('[data-test="range-from"]').inputValue()).toBe('2025-01..2025-02')
    expect(await page.locator('[data-test="flow-exports"]').isChecked()).toBe(true)
    expect(await page.locator('[data-test="flow-imports"]').isChecked()).toBe(false)
    await expect.poll(() => notesDrawn(page)).toBe('1')
    await expect
      .poll(() => page.locator('[data-test="chart-notes"] li').innerText())
      .toContain('Busan deal, 30 Oct 2025')
    await page.locator('[data-test="values-same"]').waitFor()
    expect(await page.locator('[data-test="snapshot-banner"]').innerText()).toContain(TITLE)
    await screenshot(page, 'snapshot-reopened')

    // The numbers shown again are the snapshot's: the table's October cell is the value saved.
    await page.click('[data-test="tab-table"]')
    await page.locator('[data-test="data-table"]').waitFor()
    expect(
      await page
        .locator('[data-test="data-table"] tr[data-period="2025-10"] td[data-series="exports:world:all"]')
        .innerText(),
    ).toBe(`$${october} bn`)
    suite.browser.assertOffline()
    expect(suite.browser.pageErrors).toEqual([])
  })

  it("the snapshot's CSV (and the folder export's data.csv) equal the CSV of the table the user saw; README names the sources and notes", async () => {
    const page = await suite.browser.newPage()
    await page.goto(`${suite.app.server.url}#/snapshots`)
    await page.locator('[data-test="snapshot-csv"]').waitFor()
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="snapshot-csv"]')])
    expect(await readFile((await csv.path())!, 'utf8')).toBe(explorerCsv)

    exportTarget = join(work, 'busan-export')
    await page.click('[data-test="snapshot-folder"]')
    await expect
      .poll(() => page.locator('[data-test="snapshots-message"]').innerText())
      .toContain('Exported busan-export')
    expect(readdirSync(exportTarget).sort()).toEqual([
      'README.md',
      'chart.png',
      'data.csv',
      'snapshot.ctesnap',
    ])
    expect(readFileSync(join(exportTarget, 'data.csv'), 'utf8')).toBe(explorerCsv)
    const readme = readFileSync(join(exportTarget, 'README.md'), 'utf8')
    expect(readme).toContain(`# ${TITLE}`)
    expect(readme).toContain('> Busan deal, 30 Oct 2025')
    expect(readme).toMatch(/## Sources\n\n- .+<https?:\/\//)
    expect(readFileSync(join(exportTarget, 'chart.png')).subarray(1, 4).toString()).toBe('PNG')

    // PDF needs the desktop app's printer: in the browser the page says so (the print view is tested below).
    await page.click('[data-test="snapshot-pdf"]')
    await expect
      .poll(() => page.locator('[data-test="snapshots-message"]').innerText())
      .toContain('PDF export needs the desktop app')
    suite.browser.assertOffline()
  })

  it('a surplus scenario saved in the calculators comes back when the snapshot is opened in a fresh window', async () => {
    const page = await suite.browser.newPage()
    await page.goto(suite.app.server.url)
    await page.click('nav >> text=Calculators')
    await page.locator('[data-test="fy-total"]').waitFor()
    await page.fill('input[data-test="scn-name"]', 'Surplus for the editor')
    await page.click('[data-test="scn-save"]')
    await page.locator('[data-test="scn-Surplus for the editor"]').waitFor()
    await page.click('nav >> text=Explorer')
    await exportsTo2025October(page)
    await page.click('[data-test="save-snapshot"]')
    await page.fill('[data-test="snapshot-title"]', 'With the scenario')
    await page.click('[data-test="snapshot-save"]')
    await page.locator('[data-test="snapshot-saved"]').waitFor()

    const fresh = await suite.browser.newPage()
    await fresh.goto(`${suite.app.server.url}#/calculators`)
    await fresh.locator('[data-test="fy-total"]').waitFor()
    expect(await fresh.locator('[data-test="scn-Surplus for the editor"]').count()).toBe(0)
    await fresh.click('nav >> text=Snapshots')
    await fresh
      .locator('[data-test="snapshot-list"] li', { hasText: 'With the scenario' })
      .locator('[data-test="snapshot-open"]')
      .click()
    await fresh.locator('[data-test="snapshot-banner"]').waitFor()
    await fresh.click('nav >> text=Calculators')
    await fresh.locator('[data-test="scn-Surplus for the editor"]').waitFor()
    // Delete it again so the library holds one snapshot for the tests below.
    await fresh.click('nav >> text=Snapshots')
    const card = fresh.locator('[data-test="snapshot-list"] li', { hasText: 'With the scenario' })
    await card.locator('[data-test="snapshot-delete"]').click()
    await card.locator('[data-test="snapshot-delete-confirm"]').click()
    await expect.poll(() => fresh.locator('[data-test="snapshot-list"] li').count()).toBe(1)
  })

  it('two snapshots opened in quick succession (either order): the one opened last is shown whole — its view, its calculators, its banner — never a mix', async () => {
    /** What the Explorer shows: its title, flows and span. */
    const viewShown = async (p: Page) => ({
      title: await p.locator('[data-test="view-title"]').innerText(),
      flows: await p
        .locator('[data-test^="flow-"]:checked')
        .evaluateAll((es) => es.map((e) => (e as HTMLElement).dataset.test)),
      from: await p.locator('[data-test="range-from"]').inputValue(),
      to: await p.locator('[data-test="range-to"]').inputValue(),
    })
    const page = await suite.browser.newPage()
    await page.goto(suite.app.server.url)
    // A: the full-year calculator at 7% export growth, saved with the calculators and its data (the
    // larger answer); B: another view, saved without calculators.
    await page.click('nav >> text=Calculators')
    const growth = page.locator('input[data-test="fy-exportGrowth"]')
    const defaultGrowth = await growth.inputValue()
    await growth.fill('')
    await growth.pressSequentially('7')
    await page.click('nav >> text=Explorer')
    await exportsTo2025October(page)
    const save = async (title: string, withCalculators: boolean) => {
      await page.click('[data-test="save-snapshot"]')
      await page.fill('[data-test="snapshot-title"]', title)
      await page.setChecked('[data-test="snapshot-calculators"]', withCalculators)
      await page.setChecked('[data-test="snapshot-self-contained"]', withCalculators)
      await page.click('[data-test="snapshot-save"]')
      await page.locator('[data-test="save-snapshot-dialog"]').waitFor({ state: 'detached' })
      return viewShown(page)
    }
    const viewA = await save('Race A', true)
    await page.selectOption('[data-test="preset"]', 'headline')
    await idle(page)
    const viewB = await save('Race B', false)
    expect(viewB).not.toBe(viewA)

    for (const [first, last, view, lastGrowth] of [
      ['Race A', 'Race B', viewB, defaultGrowth],
      ['Race B', 'Race A', viewA, '7'],
    ] as const) {
      const fresh = await suite.browser.newPage()
      await fresh.goto(`${suite.app.server.url}#/snapshots`)
      const openButton = (title: string) =>
        fresh
          .locator('[data-test="snapshot-list"] li', { hasText: title })
          .locator('[data-test="snapshot-open"]')
      await openButton(last).waitFor()
      // The two opens' answers: the screen is final only once the first one's, superseded, is in too.
      let answered = 0
      fresh.on('requestfinished', (request) => {
        if (new URL(request.url()).pathname === `${API_PREFIX}openSnapshot`) answered++
      })
      // Both clicks in one task: the first open's answers are still on their way when the second starts.
      await Promise.all([
        openButton(first).evaluate((b) => (b as HTMLElement).click()),
        openButton(last).evaluate((b) => (b as HTMLElement).click()),
      ])
      await fresh.locator('[data-test="snapshot-banner"]', { hasText: last }).waitFor()
      await idle(fresh)
      // Once both answers are in and the page has drawn a frame after them (a superseded answer applied
      // by mistake would have set the Explorer loading by then), the screen must be the last one's, whole.
      await expect.poll(() => answered).toBe(2)
      await fresh.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
      await idle(fresh)
      expect(await fresh.locator('[data-test="snapshot-banner"]').innerText()).toContain(last)
      await expect.poll(() => viewShown(fresh)).toEqual(view)
      await fresh.click('nav >> text=Calculators')
      expect(await fresh.locator('input[data-test="fy-exportGrowth"]').inputValue()).toBe(lastGrowth)
      await fresh.close()
    }
    // Delete them again so the library holds one snapshot for the tests below.
    await page.click('nav >> text=Snapshots')
    for (const title of ['Race A', 'Race B']) {
      const card = page.locator('[data-test="snapshot-list"] li', { hasText: title })
      await card.locator('[data-test="snapshot-delete"]').click()
      await card.locator('[data-test="snapshot-delete-confirm"]').click()
      await card.waitFor({ state: 'detached' })
    }
    await page.close()
  })

  it('the print page prints to a PDF with Chromium (as Electron prints it with printToPDF)', async () => {
    const { file } = librarySnapshot()
    const id = file.split(/[\\/]/).pop()!.replace('.ctesnap', '')
    const page = await suite.browser.newPage()
    await page.goto(`${suite.app.server.url}#/print/snapshot/${id}`)
    await page.locator('html[data-print-ready="true"]').waitFor()
    expect(await page.locator('[data-test="print-title"]').innerText()).toBe(TITLE)
    expect(await page.locator('[data-test="print-note"]').innerText()).toContain('Busan deal')
    await screenshot(page, 'snapshot-print-page')
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.subarray(-8).toString()).toContain('%%EOF')
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1)
    writeFileSync(join(work, 'snapshot.pdf'), pdf)
    // The app header is not on paper.
    expect(await page.locator('.shell > header').isVisible()).toBe(false)
  })

  it('a snapshot whose data has changed since (opened from the OS) shows the values then and now, and flags the note', async () => {
    const { snapshot } = librarySnapshot()
    const altered = structuredClone(snapshot)
    altered.title = 'Busan, as first published'
    altered.savedAt = '2025-11-08T10:00:00.000Z'
    altered.datasets = [{ id: 'china-trade', version: '0.9.0' }]
    const point = altered.numbers.series[0]!.points.find((p) => p.period === '2025-10')!
    const now = point.value
    point.value = 301.1
    const file = join(work, 'busan as first published.ctesnap')
    writeFileSync(file, JSON.stringify(altered))
    // The OS double-click: main grants the path, then sends the command with it.
    const token = await suite.app.host.workspace.snapshots.grant(file)

    const page = await openExplorer()
    await menuCommand(
      suite,
      page,
      { command: 'openSnapshot', file: token },
      async () => (await page.locator('[data-test="snapshot-banner"]').count()) === 1,
    )
    await page.locator('[data-test="values-changed"]').waitFor()
    expect(await page.locator('[data-test="data-version-changed"]').innerText()).toContain('version 0.9.0')
    const row = page.locator('[data-test="changes"] tr[data-period="2025-10"]')
    expect(await row.locator('[data-test="then"]').innerText()).toBe('$301.1 bn')
    expect(await row.locator('[data-test="now"]').innerText()).toBe(`$${now} bn`)
    expect(await page.locator('[data-test="changes"] tbody tr').count()).toBe(1)
    await page.locator('[data-test="note-flagged"]').waitFor()
    await screenshot(page, 'snapshot-data-changed')

    // A token main never handed out is refused, whoever sends it.
    await menuCommand(suite, page, { command: 'openSnapshot', file: `g-${'0'.repeat(32)}` }, async () =>
      (await noticeText(page)).includes('only opens snapshot files you chose'),
    )
    suite.browser.assertOffline()
  })

  it.each([
    [
      'a future format',
      (s: Record<string, unknown>) => ({ ...s, formatVersion: 7 }),
      'newer version of the app',
    ],
    [
      'HTML in the title',
      (s: Record<string, unknown>) => ({ ...s, title: '<img src=x onerror=alert(1)>' }),
      'its field title should hold plain text, without HTML tags.',
    ],
    [
      'a number that is text',
      (s: Record<string, unknown>) => withPoint(s, 'NaN'),
      'its field numbers.series.0.points.0.value should hold a number.',
    ],
    [
      'a number too large for a double (Infinity once read)',
      (s: Record<string, unknown>) => withPoint(s, 'INFINITY'),
      'its field numbers.series.0.points.0.value should hold a finite number.',
    ],
    [
      'no numbers at all',
      (s: Record<string, unknown>) => ({ ...s, numbers: undefined }),
      'its field numbers is missing.',
    ],
  ])('a hostile file is refused with the reason: %s', async (_what, mutate, reason) => {
    const { snapshot } = librarySnapshot()
    const file = join(work, `hostile-${Math.random().toString(36).slice(2)}.ctesnap`)
    // 1e999 is valid JSON that parses to Infinity: written by hand, as a hostile file would be.
    writeFileSync(
      file,
      JSON.stringify(mutate(snapshot as unknown as Record<string, unknown>)).replace('"INFINITY"', '1e999'),
    )
    const token = await suite.app.host.workspace.snapshots.grant(file)
    const page = await suite.browser.newPage()
    await page.goto(suite.app.server.url)
    await menuCommand(suite, page, { command: 'openSnapshot', file: token }, async () =>
      (await noticeText(page)).includes(reason),
    )
    expect(await page.locator('[data-test="notice"]').innerText()).toContain('could not be opened')
  })

  it('a 2 GB file is refused without being read', async () => {
    const file = join(work, 'huge.ctesnap')
    writeFileSync(file, '')
    truncateSync(file, 2 * 1024 ** 3) // sparse: nothing is written to disk
    const token = await suite.app.host.workspace.snapshots.grant(file)
    const page = await suite.browser.newPage()
    await page.goto(suite.app.server.url)
    // The clock starts once the page hears commands (its event stream connects after it loads, seconds
    // on a loaded machine): what is timed is the refusal, not the page's start.
    await menuCommand(suite, page, { command: 'openSnapshot', file: `g-${'0'.repeat(32)}` }, async () =>
      (await noticeText(page)).includes('only opens snapshot files you chose'),
    )
    const started = Date.now()
    await menuCommand(suite, page, { command: 'openSnapshot', file: token }, async () =>
      (await noticeText(page)).includes('at most 20 MB'),
    )
    expect(Date.now() - started).toBeLessThan(8000)
    await screenshot(page, 'snapshot-hostile-refused')
  })

  it('script and HTML in a note render inert: shown as text, nothing runs, no element is made', async () => {
    const page = await openExplorer()
    await exportsTo2025October(page)
    await page.click('[data-test="add-note"]')
    const hostile =
      '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> [link](javascript:window.__pwned=3) <a href="javascript:alert(1)" onclick="window.__pwned=4">a</a> **still Markdown**'
    await page.fill('[data-test="note-text"]', hostile)
    const preview = page.locator('[data-test="note-preview"]')
    await expect.poll(() => preview.locator('strong').innerText()).toBe('still Markdown')
    expect(await preview.locator('img, script, [onerror], [onclick], a[href^="javascript"]').count()).toBe(0)
    await page.click('[data-test="note-save"]')
    const note = page.locator('[data-test="chart-notes"] li', { hasText: 'still Markdown' })
    await note.waitFor()
    expect(await note.innerText()).toContain('<img src=x onerror="window.__pwned=1">')
    expect(await note.innerText()).toContain('<script>window.__pwned=2</script>')
    expect(await note.locator('img, script, [onerror], [onclick], a[href^="javascript"]').count()).toBe(0)
    // Nothing may run on the click. A click runs script only through what it lands on and the elements
    // around it: an inline handler, or a javascript: address an anchor, an area or a button's form
    // action would follow. What the click landed on is read as the page dispatches it (before any
    // default action), so the check waits on the click itself, not on a guess of when a script would run.
    await page.evaluate(() => {
      document.addEventListener(
        'click',
        (event) => {
          const active = event
            .composedPath()
            .filter((node): node is Element => node instanceof Element)
            .filter(
              (el) =>
                el.matches('a[href], area[href], [formaction], form[action], [onclick]') ||
                /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('formaction') ?? ''),
            )
            .map((el) => el.outerHTML)
          ;(window as unknown as { __clickedThrough?: string[] }).__clickedThrough = active
        },
        { once: true, capture: true },
      )
    })
    await note.getByText('link').click()
    await page.waitForFunction(() =>
      Array.isArray((window as unknown as { __clickedThrough?: string[] }).__clickedThrough),
    )
    expect(
      await page.evaluate(() => (window as unknown as { __clickedThrough: string[] }).__clickedThrough),
    ).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    await screenshot(page, 'notes-hostile-inert')

    // Notes page: search, filter by tag, edit, delete, undo.
    await page.click('nav >> text=Notes')
    await page.locator('[data-test="notes-list"] li').nth(1).waitFor()
    await page.fill('[data-test="notes-search"]', 'busan')
    await expect.poll(() => page.locator('[data-test="notes-list"] li').count()).toBe(1)
    await page.fill('[data-test="notes-search"]', '')
    await page.selectOption('[data-test="notes-tag"]', 'US')
    await expect.poll(() => page.locator('[data-test="notes-list"] li').count()).toBe(1)
    await page.selectOption('[data-test="notes-tag"]', '')
    const hostileItem = page.locator('[data-test="notes-list"] li', { hasText: 'still Markdown' })
    await hostileItem.locator('[data-test="note-edit"]').click()
    await page.fill('[data-test="note-text"]', 'Edited: nothing to see')
    await page.click('[data-test="note-save"]')
    await page.locator('[data-test="notes-list"] li', { hasText: 'Edited: nothing to see' }).waitFor()
    await page
      .locator('[data-test="notes-list"] li', { hasText: 'Edited' })
      .locator('[data-test="note-delete"]')
      .click()
    await expect.poll(() => page.locator('[data-test="notes-list"] li').count()).toBe(1)
    await page.click('[data-test="note-undo"]')
    await page.locator('[data-test="notes-list"] li', { hasText: 'Edited: nothing to see' }).waitFor()
    await page.click('[data-test="note-undo"]')
    await page.locator('[data-test="notes-list"] li', { hasText: 'still Markdown' }).waitFor()
    await screenshot(page, 'notes-page')
    suite.browser.assertOffline()
  })
})

describe('the sanitiser in Chromium (layer 2, DOMPurify, on raw HTML as if Markdown had let it through)', () => {
  const hostileHtml = [
    '<script>window.__x=1</script>',
    '<img src=x onerror="window.__x=2">',
    '<svg><script>window.__x=3</script></svg>',
    '<svg onload="window.__x=4"></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__x=5">',
    '<iframe srcdoc="<script>parent.__x=6</script>"></iframe>',
    '<a href="javascript:window.__x=7">a</a>',
    '<a href="JaVaScRiPt&colon;window.__x=8">a</a>',
    '<form><button formaction="javascript:window.__x=9">b</button></form>',
    '<p style="background:url(javascript:window.__x=10)">p</p>',
    '<details open ontoggle="window.__x=11">d</details>',
    '<noscript><p title="</noscript><img src=x onerror=window.__x=12>">',
    '<a href="https://ok.example/" onclick="window.__x=13">ok</a>',
  ]

  it('every hostile fragment comes out with only allow-listed tags and attributes, and nothing runs', async () => {
    const { build } = await import('esbuild')
    const bundle = await build({
      entryPoints: [join(process.cwd(), 'renderer/src/lib/markdown.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'md',
      logLevel: 'silent',
    })
    const page = await suite.browser.newPage()
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>')
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text })
    const results = await page.evaluate((inputs) => {
      const md = (
        window as unknown as {
          md: { sanitizeHtml(h: string): string; renderMarkdown(t: string): string; ALLOWED_TAGS: string[] }
        }
      ).md
      const out = document.getElementById('out')!
      return inputs.map((html) => {
        out.innerHTML = md.sanitizeHtml(html) + md.renderMarkdown(html)
        const elements = Array.from(out.querySelectorAll('*'))
        const tags = elements.map((e) => e.tagName.toLowerCase())
        const attributes = elements.flatMap((e) => Array.from(e.attributes, (a) => `${a.name}=${a.value}`))
        return { html, tags, attributes, allowed: tags.every((t) => md.ALLOWED_TAGS.includes(t)) }
      })
    }, hostileHtml)
    for (const r of results) {
      expect(r.allowed, r.html).toBe(true)
      for (const a of r.attributes)
        expect(a, r.html).toMatch(/^(href=(https?:|mailto:)|title=|rel=noopener noreferrer$|target=_blank$)/)
    }
    // The one safe link keeps its address, and opens outside the page.
    expect(results.at(-1)!.attributes).toEqual(
      expect.arrayContaining(['href=https://ok.example/', 'rel=noopener noreferrer', 'target=_blank']),
    )
    // Nothing ran. An absence is shown only once the page has reacted: a bad image made the same way
    // after the fragments has fired its error (the fragments' handlers, had any survived, would have run).
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const out = document.getElementById('out')!
          out.innerHTML = '<img src="x">'
          out.querySelector('img')!.addEventListener('error', () => resolve(), { once: true })
        }),
    )
    expect(await page.evaluate(() => (window as unknown as { __x?: number }).__x)).toBeUndefined()
  })
})

describe('autosave: a crash loses at most the last second or two', () => {
  it('the view and a half-written note come back after a restart (new services over the same user-data folder)', async () => {
    const page = await openExplorer()
    await page.selectOption('[data-test="preset"]', 'rareEarths')
    await idle(page)
    await page.click('[data-test="add-note"]')
    await page.fill('[data-test="note-text"]', 'Half-written: rare earths licensing')
    // The autosave is debounced by one second; the session file has it soon after.
    await expect
      .poll(
        () => {
          const file = join(suite.app.userDataDir, 'session.json')
          return existsSync(file) ? readFileSync(file, 'utf8') : ''
        },
        { timeout: 5000 },
      )
      .toContain('Half-written: rare earths licensing')
    // "Crash": no goodbye to the page; a new app over the same folder.
    await page.close()
    const again = await startWebApp({ userDataDir: suite.app.userDataDir })
    const other = await launchBrowser(again.server.origin)
    try {
      const restarted = await other.newPage()
      await restarted.goto(`${again.server.url}#/notes`)
      await restarted.locator('[data-test="draft-recovered"]').waitFor()
      await restarted.click('[data-test="draft-resume"]')
      expect(await restarted.locator('[data-test="note-text"]').inputValue()).toBe(
        'Half-written: rare earths licensing',
      )
      await restarted.click('[data-test="note-cancel"]')
      await restarted.click('nav >> text=Explorer')
      await expect.poll(() => restarted.locator('[data-test="preset"]').inputValue()).toBe('rareEarths')
      expect(await restarted.locator('[data-test="view-title"]').innerText()).toMatch(/rare.earth/i)
      other.assertOffline()
    } finally {
      await other.close()
      await again.close()
    }
  })
})
