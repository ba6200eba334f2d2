/**
 * What main shows itself, in the language the page uses (main/wording.ts): the application menu, the
 * open/save dialogs, the link question and the start-up error box, each in English and Chinese. The
 * expected texts are written out here, not read from the catalogue, so a text that is lost or left in
 * English fails.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { dispatch } from '../../../electron/dispatch'
import { createMainHandlers, type Handlers } from '../../../electron/handlers'
import { createDesktop } from '../../../electron/main/desktop'
import { linkConfirmation } from '../../../electron/main/externalLinks'
import { chooseDataFile } from '../../../electron/main/importDialog'
import { toTemplate } from '../../../electron/main/menu'
import { buildMenuModel, withMnemonic } from '../../../electron/main/menuModel'
import { chooseExportTarget, chooseSnapshotFile } from '../../../electron/main/snapshotDialogs'
import { localeOf, startFailedBox, type MainLocale } from '../../../electron/main/wording'
import { createRecentFiles } from '../../../electron/services/recentFiles'
import { createFakeElectron } from '../../support/fakeElectron'
import { LEAKS } from '../../support/leaks'

const APP = 'China Trade Explorer'
const noop = { command: () => {}, openRecent: () => {}, clearRecent: () => {} }

function template(
  locale: MainLocale,
  platform: NodeJS.Platform,
  isPackaged = false,
  recentFiles: string[] = [],
) {
  return toTemplate(buildMenuModel({ platform, isPackaged, appName: APP, recentFiles, locale }), noop)
}
const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])])
const label = (items: MenuItemConstructorOptions[], id: string) => flat(items).find((i) => i.id === id)?.label

describe('the OS locale before the page has said its language', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['ZH-hk', 'zh-CN'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['', 'en'],
  ] as const)('%s → %s', (os, locale) => {
    expect(localeOf(os)).toBe(locale)
  })
})

describe('the application menu', () => {
  it.each([
    ['en', 'win32', ['&File', '&Edit', '&View', '&Window', '&Help']],
    ['en', 'linux', ['&File', '&Edit', '&View', '&Window', '&Help']],
    ['en', 'darwin', [APP, 'File', 'Edit', 'View', 'Window', 'Help']],
    ['zh-CN', 'win32', ['文件(&F)', '编辑(&E)', '视图(&V)', '窗口(&W)', '帮助(&H)']],
    ['zh-CN', 'linux', ['文件(&F)', '编辑(&E)', '视图(&V)', '窗口(&W)', '帮助(&H)']],
    ['zh-CN', 'darwin', [APP, '文件', '编辑', '视图', '窗口', '帮助']],
  ] as const)('%s on %s: the menus', (locale, platform, menus) => {
    expect(template(locale, platform).map((m) => m.label)).toEqual(menus)
  })

  // id, English, Chinese (Linux, in development so that the developer items are there too).
  it.each([
    ['openDataFile', 'Open Data File…', '打开数据文件…'],
    ['openSnapshot', 'Open Snapshot…', '打开快照…'],
    ['recent', 'Open Recent', '最近打开'],
    ['recent-none', 'No Recent Files', '没有最近打开的文件'],
    ['clearRecent', 'Clear Recent', '清除最近记录'],
    ['saveSnapshot', 'Save Snapshot', '保存快照'],
    ['export', 'Export…', '导出…'],
    ['quit', 'E&xit', '退出(&X)'],
    ['undo', 'Undo', '撤销'],
    ['redo', 'Redo', '重做'],
    ['cut', 'Cut', '剪切'],
    ['copy', 'Copy', '复制'],
    ['paste', 'Paste', '粘贴'],
    ['delete', 'Delete', '删除'],
    ['selectAll', 'Select All', '全选'],
    ['toggleTheme', 'Toggle Light/Dark Theme', '切换浅色/深色主题'],
    ['reload', 'Reload', '重新加载'],
    ['forceReload', 'Force Reload', '强制重新加载'],
    ['toggleDevTools', 'Toggle Developer Tools', '切换开发者工具'],
    ['resetZoom', 'Actual Size', '实际大小'],
    ['zoomIn', 'Zoom In', '放大'],
    ['zoomOut', 'Zoom Out', '缩小'],
    ['togglefullscreen', 'Toggle Full Screen', '切换全屏'],
    ['minimize', 'Minimize', '最小化'],
    ['close', 'Close Window', '关闭窗口'],
    ['showShortcuts', 'Keyboard Shortcuts', '键盘快捷键'],
    ['showDataSources', 'Data Sources', '数据来源'],
    ['about', `About ${APP}`, `关于 ${APP}`],
  ])('Windows and Linux: %s reads “%s” / “%s”', (id, en, zh) => {
    expect(label(template('en', 'linux'), id)).toBe(en)
    expect(label(template('zh-CN', 'linux'), id)).toBe(zh)
  })

  it.each([
    ['about', `About ${APP}`, `关于 ${APP}`],
    ['services', 'Services', '服务'],
    ['hide', `Hide ${APP}`, `隐藏 ${APP}`],
    ['hideOthers', 'Hide Others', '隐藏其他'],
    ['unhide', 'Show All', '全部显示'],
    ['quit', `Quit ${APP}`, `退出 ${APP}`],
    ['close', 'Close Window', '关闭窗口'],
    ['pasteAndMatchStyle', 'Paste and Match Style', '粘贴并匹配样式'],
    ['zoom', 'Zoom', '缩放'],
    ['front', 'Bring All to Front', '全部置于顶层'],
  ])('macOS: %s reads “%s” / “%s”', (id, en, zh) => {
    expect(label(template('en', 'darwin'), id)).toBe(en)
    expect(label(template('zh-CN', 'darwin'), id)).toBe(zh)
  })

  it.each(['darwin', 'win32', 'linux'] as const)(
    '%s: in Chinese, every item has a label of ours and none is left in English',
    (platform) => {
      const items = flat(template('zh-CN', platform)).filter((i) => i.type !== 'separator')
      expect(items.length).toBeGreaterThan(20)
      for (const item of items) {
        expect(item.label, item.id).toEqual(expect.any(String))
        // Latin letters only in the app's name and an access key (`(&F)`).
        expect(item.label!.replace(APP, '').replace(/\(&[A-Z]\)$/, ''), item.id).not.toMatch(/[A-Za-z]/)
      }
    },
  )

  it('the recent files keep their own names in either language', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(label(template(locale, 'linux', true, ['/home/ana/R&D.csv']), 'recent-0')).toBe('R&&D.csv')
    }
  })

  it.each([
    ['File', 'f', '&File'],
    ['Exit', 'x', 'E&xit'],
    ['文件', 'f', '文件(&F)'],
    ['退出', 'x', '退出(&X)'],
  ])('the access key of %s (%s): %s', (text, key, expected) => {
    expect(withMnemonic(text, key)).toBe(expected)
  })
})

describe('the dialogs', () => {
  it.each([
    ['en', 'Open a trade data file', ['Trade data (CSV, TSV, gzip, Parquet, JSON)', 'All files']],
    ['zh-CN', '打开贸易数据文件', ['贸易数据（CSV、TSV、gzip、Parquet、JSON）', '所有文件']],
  ] as const)('%s: File › Open for importing', async (locale, title, filters) => {
    const { dialog } = createFakeElectron()
    await chooseDataFile(dialog, null, locale)
    expect(dialog.opened[0]!.title).toBe(title)
    expect(dialog.opened[0]!.filters!.map((f) => f.name)).toEqual(filters)
  })

  it.each([
    ['en', 'Open a snapshot', [`${APP} snapshot`, 'All files']],
    ['zh-CN', '打开快照', [`${APP} 快照`, '所有文件']],
  ] as const)('%s: File › Open Snapshot', async (locale, title, filters) => {
    const { dialog } = createFakeElectron()
    await chooseSnapshotFile(dialog, null, locale)
    expect(dialog.opened[0]!.title).toBe(title)
    expect(dialog.opened[0]!.filters!.map((f) => f.name)).toEqual(filters)
  })

  it.each([
    ['en', 'file', 'Save the snapshot file', [`${APP} snapshot`]],
    ['en', 'pdf', 'Export the snapshot as PDF', ['PDF document']],
    ['en', 'folder', 'Export the snapshot as a folder (CSV, README, PNG)', []],
    ['zh-CN', 'file', '保存快照文件', [`${APP} 快照`]],
    ['zh-CN', 'pdf', '将快照导出为 PDF', ['PDF 文档']],
    ['zh-CN', 'folder', '将快照导出为文件夹（CSV、README、PNG）', []],
  ] as const)('%s: saving a snapshot as a %s', async (locale, kind, title, filters) => {
    const { dialog } = createFakeElectron()
    await chooseExportTarget(dialog, null, { suggestedName: 'busan', kind }, locale)
    expect(dialog.saved[0]!.title).toBe(title)
    expect(dialog.saved[0]!.filters!.map((f) => f.name)).toEqual(filters)
  })

  it.each([
    ['en', 'Open link', 'Open this link in your web browser?', ['Open in browser', 'Cancel']],
    ['zh-CN', '打开链接', '要在网页浏览器中打开此链接吗？', ['在浏览器中打开', '取消']],
  ] as const)('%s: the question before a link leaves the app', (locale, title, message, buttons) => {
    const url = 'https://www.reuters.com/markets/asia/?q=1'
    const question = linkConfirmation(url, locale)
    expect(question).toMatchObject({ title, message, detail: url, buttons })
    expect(question.buttons![question.cancelId!]).toBe(buttons[1])
  })

  it.each([
    [
      'en',
      `${APP} could not start`,
      'Something went wrong while the app was starting, so it will close now. Start it again; if this happens again, install the app again.',
    ],
    [
      'zh-CN',
      `${APP} 无法启动`,
      '应用启动时出现问题，现在将关闭。请重新启动它；如果再次发生，请重新安装应用。',
    ],
  ] as const)('%s: the start-up error box', (locale, title, content) => {
    const box = startFailedBox(APP, locale)
    expect(box).toEqual({ title, content })
    expect(box.content).not.toMatch(LEAKS)
  })
})

describe('the page says its language over the contract', () => {
  const handlers = (setLanguage?: (language: MainLocale) => Promise<void>) =>
    createMainHandlers({} as never, {} as never, setLanguage) as unknown as Handlers

  it.each(['en', 'zh-CN'] as const)('%s reaches main’s wording, which applies it', async (language) => {
    const said: MainLocale[] = []
    const answer = await dispatch(
      handlers(async (l) => void said.push(l)),
      'setLanguage',
      { language },
    )
    expect(answer).toEqual({ ok: true, data: { applied: true } })
    expect(said).toEqual([language])
  })

  it.each([['fr'], ['zh-TW'], ['system'], [''], [42], [null]])(
    'a language the app is not written in (%j) is refused before main hears of it',
    async (language) => {
      const said: MainLocale[] = []
      const answer = await dispatch(
        handlers(async (l) => void said.push(l)),
        'setLanguage',
        { language },
      )
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect(said).toEqual([])
    },
  )

  it('without a desktop main to word anything (the app in a browser), it says so', async () => {
    expect(await dispatch(handlers(), 'setLanguage', { language: 'zh-CN' })).toEqual({
      ok: true,
      data: { applied: false },
    })
  })
})

describe('the menu follows the language', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cte-wording-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('is built in the OS language, rebuilt when the page says its own, and not rebuilt for the same one', async () => {
    const electron = createFakeElectron({ userData: dir })
    const desktop = createDesktop({
      platform: 'linux',
      isPackaged: true,
      appName: APP,
      locale: 'en',
      menu: electron.Menu,
      os: electron.app,
      recent: createRecentFiles({ file: path.join(dir, 'recent-files.json') }),
      send: () => {},
      focus: () => {},
    })
    // Said before the menu exists: remembered, nothing built yet.
    await desktop.setLocale('zh-CN')
    expect(electron.Menu.applicationMenu).toBeNull()
    await desktop.refreshMenu()
    expect(electron.Menu.item('openDataFile')?.label).toBe('打开数据文件…')
    const built = electron.Menu.applicationMenu
    await desktop.setLocale('zh-CN')
    expect(electron.Menu.applicationMenu).toBe(built)
    await desktop.setLocale('en')
    expect(electron.Menu.item('openDataFile')?.label).toBe('Open Data File…')
  })
})
