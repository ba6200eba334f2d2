/**
 * The steps the Explorer's end-to-end walks over an imported file share, in Chromium on the built
 * renderer: import through "Open file…", read the Explorer's table and the breakdown's pictures as data,
 * export a picture, keep a note and snapshots, reopen a snapshot, delete the dataset. Each takes the
 * page it acts on; the test plays the platform's file dialog (startWebApp's `chooseFile`).
 */
import { readFileSync } from 'node:fs'
import type { Download, Page } from 'playwright-core'
import { vi } from 'vitest'
import type { WebApp } from './webApp'

/** How an import is known to be done: its dataset's row in the library, or its file in the host's list. */
export type ImportDone = { id: string } | { fileName: string; app: Pick<WebApp, 'host'> }

/**
 * Imports the file the test's dialog answers with, through the Import page, and returns its dataset's
 * id. `mapping` answers the mapping dialog, where the file makes it ask: a column role `role-…` is chosen
 * by its column's index ('' for none), the other fields are typed. Done when the dataset's row is in the
 * library (its id known ahead) or, by file name, when the host lists the file (the page's "done" mark
 * may still show the previous import).
 */
export async function importThroughUi(
  page: Page,
  done: ImportDone,
  mapping?: Record<string, string>,
): Promise<string> {
  await page.click('nav >> text=Import')
  await page.click('[data-test="open-file"]')
  if (mapping) {
    const dialog = page.locator('[data-test="mapping-dialog"]')
    await dialog.waitFor()
    for (const [field, value] of Object.entries(mapping)) {
      const input = dialog.locator(`[data-test="${field}"]`)
      if (field.startsWith('role-')) await input.selectOption(value === '' ? { index: 0 } : value)
      else await input.fill(value)
    }
    await dialog.locator('[data-test="confirm-mapping"]').click()
  }
  if ('id' in done) {
    await page.locator(`[data-test="library"] [data-dataset="${done.id}"]`).waitFor({ timeout: 60_000 })
    return done.id
  }
  // vi.waitFor, not expect.poll: suites import in beforeAll, outside any test.
  return vi.waitFor(
    async () => {
      const found = (await done.app.host.handlers.listImports({})).items.find(
        (d) => d.fileName === done.fileName,
      )
      if (!found) throw new Error(`${done.fileName} was not imported`)
      return found.id
    },
    { timeout: 60_000, interval: 100 },
  )
}

/**
 * Opens the Explorer on an imported dataset and waits until its first view is applied: the switch
 * reads the dataset's dimensions and series list first, seconds on a loaded machine, and the controls
 * before it still belong to the previous dataset (a tick there would be undone).
 */
export async function openDataset(page: Page, id: string): Promise<void> {
  await page.click('nav >> text=Explorer')
  await page.locator(`[data-test="dataset"] option[value="${id}"]`).waitFor({ state: 'attached' })
  await page.selectOption('[data-test="dataset"]', id)
  await page.waitForFunction(
    (dataset) => new URLSearchParams(location.hash.split('?')[1]).get('dataset') === dataset,
    id,
    { timeout: 30_000 },
  )
  await page.locator('[data-test="explorer-main"][aria-busy="false"]').waitFor({ timeout: 30_000 })
}

/** The Explorer's table, one text line per row (header included). */
export async function tableText(page: Page): Promise<string[]> {
  await page.click('[data-test="tab-table"]')
  await page.locator('[data-test="data-table"]').waitFor()
  return page
    .locator('[data-test="data-table"] tr')
    .evaluateAll((trs) => trs.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()))
}

/** Opens a snapshot from the Snapshots page by its title and waits for the Explorer's chart. */
export async function openSnapshot(page: Page, title: string): Promise<void> {
  await page.click('nav >> text=Snapshots')
  await page
    .locator('[data-test="snapshot-list"] li', { hasText: title })
    .locator('[data-test="snapshot-open"]')
    .click()
  await page.locator('[data-test="explorer-chart"] canvas').waitFor()
}

/** A change as the tables print it (`+8.7%†`, `-4.5%†`), as a number. */
export const percentIn = (text: string) => Number(/([+\-−]?\d+(?:\.\d+)?)%/.exec(text)![1]!.replace('−', '-'))

/** What the breakdown's treemap or map drew, as the figure publishes it (largest first). */
export async function drawn(
  page: Page,
  kind: 'treemap' | 'map',
): Promise<{ code: string; value: number; shaded?: boolean }[]> {
  const text = await page.locator(`[data-test="breakdown-${kind}"]`).getAttribute('data-drawn')
  return JSON.parse(text ?? '[]') as { code: string; value: number; shaded?: boolean }[]
}

/** Exports the picture shown in the breakdown and returns the saved file's name and bytes. */
export async function exportPicture(
  page: Page,
  format: 'png' | 'svg',
): Promise<{ name: string; bytes: Buffer }> {
  await page.click('[data-test="breakdown-export"]')
  await page.click(`[data-test="export-format-${format}"]`)
  const [download] = (await Promise.all([
    // The vector map is ~190,000 path points, written on the page's thread: seconds on a loaded machine.
    page.waitForEvent('download', { timeout: 30_000 }),
    page.click('[data-test="export-run"]', { noWaitAfter: true }),
  ])) as [Download, unknown]
  const path = await download.path()
  return { name: download.suggestedFilename(), bytes: readFileSync(path!) }
}

/** Adds a note to the view shown, through the note editor. */
export async function addNote(page: Page, text: string): Promise<void> {
  await page.click('[data-test="add-note"]')
  await page.fill('[data-test="note-text"]', text)
  await page.click('[data-test="note-save"]')
  await page.locator('[data-test="note-editor"]').waitFor({ state: 'detached' })
}

/** Saves the view shown as a snapshot, linked to its dataset or self-contained. */
export async function saveSnapshot(page: Page, title: string, selfContained: boolean): Promise<void> {
  await page.click('[data-test="save-snapshot"]')
  await page.fill('[data-test="snapshot-title"]', title)
  if (selfContained) await page.check('[data-test="snapshot-self-contained"]')
  await page.click('[data-test="snapshot-save"]')
  await page.locator('[data-test="save-snapshot-dialog"]').waitFor({ state: 'detached' })
}

/** Deletes an imported dataset from the Datasets page and waits for its card to go. */
export async function deleteDataset(page: Page, id: string): Promise<void> {
  await page.click('nav >> text=Datasets')
  const card = page.locator(`[data-dataset="${id}"]`)
  await card.locator('[data-test="delete-dataset"]').click()
  await card.locator('[data-test="delete-dataset-confirm"]').click()
  await card.waitFor({ state: 'detached' })
}
