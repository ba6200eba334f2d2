/**
 * What a user with a Chinese system sees when they open a file the app refuses: the refusal in Chinese,
 * naming the file (and the line where there is one), never the engine's English. The files are real
 * downloads from the corpus (tests/fixtures/real/README.md), opened through "Open file…".
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, type TestBrowser } from './importSupport'
import { repoRoot, startWebApp, type WebApp } from '../support/webApp'

let app: WebApp
let browser: TestBrowser
let page: Page
/** What the next "Open file…" dialog answers. */
let nextFile: string | null = null

const real = (name: string) => join(repoRoot, 'tests', 'fixtures', 'real', name)

beforeAll(async () => {
  app = await startWebApp({ chooseFile: async () => nextFile })
  browser = await launchBrowser(app.server.origin)
  page = await browser.newPage({ locale: 'zh-CN' })
  await page.goto(app.server.url)
  await page.click('nav >> text=导入')
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

/** The page's refusal, after its heading (导入失败。), as one line. */
async function shownRefusal(): Promise<string> {
  const alert = page.locator('[data-test="import-error"]')
  await alert.waitFor()
  const text = ((await alert.textContent()) ?? '').replace(/\s+/g, ' ').trim()
  expect(text.startsWith('导入失败。'), text).toBe(true)
  return text.slice('导入失败。'.length).trim()
}

/** Opens a file through "Open file…" and waits for the page's refusal. */
async function refusalOf(path: string): Promise<string> {
  nextFile = path
  await page.click('[data-test="open-file"]')
  return shownRefusal()
}

describe('import refusals in Chinese', () => {
  it('a table with no period column (the OECD Better Life Index download) is refused in Chinese', async () => {
    expect(await refusalOf(real('oecd/better-life-index.csv'))).toBe(
      'better-life-index.csv：此文件没有时期列：没有一列以时期命名（TIME_PERIOD、date、year、period…），也没有一列包含 2024、2024-03 或 2024Q1 这样的时期。应用按时间绘制数值，因此需要时期列；每个国家只有一个数值而没有年份的表格（例如经合组织美好生活指数）无法导入。请下载包含时间维度的数据后再导入。',
    )
  })

  it('a Trade Map ".xls" that is a web page is refused in Chinese', async () => {
    expect(await refusalOf(real('trademap/importing-markets-algeria-html.xls'))).toBe(
      'importing-markets-algeria-html.xls：这是网页（HTML 或 XML），不是表格：Trade Map 等网站会以这种方式保存“.xls”下载文件。请改为下载文本或 CSV 导出文件，或在电子表格软件中打开它并另存为 CSV。',
    )
  })

  it('the notes under a Big5 table (Taiwan Stock Exchange) are refused in Chinese, with their line', async () => {
    const file = real('twse/FMTQIK-2017-09.csv')
    // The line of TWSE's notes ("說明:"), counted from the file's own Big5 text.
    const lines = new TextDecoder('big5').decode(readFileSync(file)).split(/\r?\n/)
    const notes = lines.findIndex((l) => l.startsWith('"說明:"')) + 1
    expect(notes).toBeGreaterThan(2)
    nextFile = file
    await page.click('[data-test="open-file"]')
    await page.locator('[data-test="confirm-mapping"]').click()
    expect(await shownRefusal()).toBe(
      `FMTQIK-2017-09.csv：第 ${notes} 行：该行有 1 个值，但标题行有 7 列。每一行的值个数必须相同。`,
    )
  })
})
