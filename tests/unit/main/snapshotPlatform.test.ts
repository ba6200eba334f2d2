/**
 * The snapshot pieces of the main process, with the shared fake Electron: the Open/Save dialogs, the PDF
 * printer (the print page in a hidden window, printToPDF once it says it is ready), and the OS handing
 * over a .ctesnap (granted to the snapshot service before the page hears of it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDesktop } from '../../../electron/main/desktop'
import { chooseDataFile, importFilters } from '../../../electron/main/importDialog'
import { createPdfPrinter, PRINT_READY } from '../../../electron/main/printPdf'
import { chooseExportTarget, chooseSnapshotFile } from '../../../electron/main/snapshotDialogs'
import { createRecentFiles } from '../../../electron/services/recentFiles'
import { createFakeElectron } from '../../support/fakeElectron'

describe('snapshot dialogs', () => {
  it('Open Snapshot: the chosen path, or null if cancelled; .ctesnap offered first', async () => {
    const { dialog } = createFakeElectron()
    dialog.openAnswer = { canceled: false, filePaths: ['/home/ana/busan.ctesnap'] }
    expect(await chooseSnapshotFile(dialog, null, 'en')).toBe('/home/ana/busan.ctesnap')
    expect(dialog.opened[0]).toMatchObject({
      properties: ['openFile'],
      filters: [{ extensions: ['ctesnap'] }, { extensions: ['*'] }],
    })
    dialog.openAnswer = { canceled: true, filePaths: [] }
    expect(await chooseSnapshotFile(dialog, null, 'en')).toBeNull()
  })

  it('Export: a save dialog per kind, with the suggested name; null if cancelled', async () => {
    const { dialog } = createFakeElectron()
    dialog.saveAnswer = { canceled: false, filePath: '/home/ana/busan.pdf' }
    expect(await chooseExportTarget(dialog, null, { suggestedName: 'busan.pdf', kind: 'pdf' }, 'en')).toBe(
      '/home/ana/busan.pdf',
    )
    expect(dialog.saved[0]).toMatchObject({
      defaultPath: 'busan.pdf',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    })
    dialog.saveAnswer = { canceled: true, filePath: '' }
    expect(
      await chooseExportTarget(dialog, null, { suggestedName: 'busan', kind: 'folder' }, 'en'),
    ).toBeNull()
  })

  it('File › Open for importing offers the data file types; null if cancelled', async () => {
    const { dialog } = createFakeElectron()
    dialog.openAnswer = { canceled: false, filePaths: ['/home/ana/exports.csv'] }
    expect(await chooseDataFile(dialog, null, 'en')).toBe('/home/ana/exports.csv')
    expect(dialog.opened[0]).toMatchObject({ properties: ['openFile'], filters: importFilters('en') })
    dialog.openAnswer = { canceled: true, filePaths: [] }
    expect(await chooseDataFile(dialog, null, 'en')).toBeNull()
  })
})

describe('PDF printer', () => {
  /** A hidden window of the shared fake whose page says it is drawn after `readyAfter` polls. */
  function printWindow(readyAfter: number) {
    const window = new (createFakeElectron().BrowserWindow)({ show: false })
    let polls = 0
    const scripts: string[] = []
    window.webContents.executeJavaScript = async (code) => {
      scripts.push(code)
      return ++polls > readyAfter
    }
    const printed: unknown[] = []
    window.webContents.printToPDF = async (options) => {
      printed.push(options)
      return Buffer.from('%PDF-1.7')
    }
    return { window, scripts, printed }
  }

  it('loads the print page of the snapshot, waits until it is drawn, prints A4 with backgrounds, closes the window', async () => {
    const { window, scripts, printed } = printWindow(3)
    const print = createPdfPrinter({ createWindow: () => window, entry: 'app://trade/index.html', pollMs: 1 })
    expect(Buffer.from(await print('s-abcd-1234')).toString()).toBe('%PDF-1.7')
    expect(window.webContents.getURL()).toBe('app://trade/index.html#/print/snapshot/s-abcd-1234')
    expect(scripts).toEqual([PRINT_READY, PRINT_READY, PRINT_READY, PRINT_READY])
    expect(printed).toEqual([{ printBackground: true, pageSize: 'A4', landscape: false }])
    expect(window.isDestroyed()).toBe(true)
  })

  it('refuses an id that is not a snapshot id (never builds a URL from it), and gives up on a page that never finishes', async () => {
    const { window } = printWindow(Infinity)
    const print = createPdfPrinter({
      createWindow: () => window,
      entry: 'app://trade/index.html',
      timeoutMs: 20,
      pollMs: 2,
    })
    await expect(print('../../etc/passwd')).rejects.toThrow()
    expect(window.webContents.getURL()).toBe('')
    expect(window.isDestroyed()).toBe(false)
    await expect(print('s-abcd-1234')).rejects.toMatchObject({
      code: 'INTERNAL',
      said: { id: 'pdfNotDrawn' },
    })
    expect(window.isDestroyed()).toBe(true)
  })
})

describe('a .ctesnap from the OS', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cte-snapshot-os-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  function setup(grantSnapshotFile: (file: string) => Promise<string>) {
    const send = vi.fn()
    const electron = createFakeElectron({ userData: dir })
    const desktop = createDesktop({
      platform: 'linux',
      isPackaged: true,
      appName: 'China Trade Explorer',
      locale: 'en',
      menu: electron.Menu,
      os: electron.app,
      recent: createRecentFiles({ file: path.join(dir, 'recent-files.json') }),
      send,
      focus: vi.fn(),
      grantSnapshotFile,
      log: () => {},
    })
    desktop.pageReady()
    return { desktop, send }
  }

  it('is granted to the snapshot service before the page is asked to open it', async () => {
    const order: string[] = []
    const snap = path.join(dir, 'busan.ctesnap')
    writeFileSync(snap, '{}')
    const token = `g-${'c'.repeat(32)}`
    const { desktop, send } = setup(async (file) => {
      order.push(`grant ${file}`)
      return token
    })
    send.mockImplementation((event) => order.push(`send ${event.command} ${event.file}`))
    await desktop.open('argv', { argv: ['/opt/cte/cte', snap] })
    // The page gets the token, never the path.
    expect(order).toEqual([`grant ${snap}`, `send openSnapshot ${token}`])
  })

  it('a snapshot service that is not there sends nothing (the path never goes to the page instead)', async () => {
    const snap = path.join(dir, 'busan.ctesnap')
    writeFileSync(snap, '{}')
    const { desktop, send } = setup(async () => {
      throw new Error('closed')
    })
    await desktop.open('open-file', { path: snap })
    expect(send).not.toHaveBeenCalled()
  })
})
