/**
 * The snapshot pieces of the main process, with fakes for Electron: the Open/Save dialogs, the PDF
 * printer (the print page in a hidden window, printToPDF once it says it is ready), and the OS handing
 * over a .ctesnap (granted to the snapshot service before the page hears of it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDesktop } from '../../../electron/main/desktop'
import { createPdfPrinter, PRINT_READY, type PrintWindow } from '../../../electron/main/printPdf'
import { chooseExportTarget, chooseSnapshotFile } from '../../../electron/main/snapshotDialogs'
import { createRecentFiles } from '../../../electron/services/recentFiles'

describe('snapshot dialogs', () => {
  it('Open Snapshot: the chosen path, or null if cancelled; .ctesnap offered first', async () => {
    const dialog = {
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/ana/busan.ctesnap'] })),
    }
    expect(await chooseSnapshotFile(dialog as never, null)).toBe('/home/ana/busan.ctesnap')
    expect((dialog.showOpenDialog.mock.calls as unknown as [unknown][])[0]![0]).toMatchObject({
      properties: ['openFile'],
      filters: [{ extensions: ['ctesnap'] }, { extensions: ['*'] }],
    })
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await chooseSnapshotFile(dialog as never, null)).toBeNull()
  })

  it('Export: a save dialog per kind, with the suggested name; null if cancelled', async () => {
    const window = {}
    const dialog = {
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/ana/busan.pdf' })),
    }
    expect(
      await chooseExportTarget(dialog as never, window as never, { suggestedName: 'busan.pdf', kind: 'pdf' }),
    ).toBe('/home/ana/busan.pdf')
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ defaultPath: 'busan.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    )
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    expect(
      await chooseExportTarget(dialog as never, null, { suggestedName: 'busan', kind: 'folder' }),
    ).toBeNull()
  })
})

describe('PDF printer', () => {
  function fakeWindow(readyAfter: number) {
    let polls = 0
    const window = {
      loadURL: vi.fn(async () => undefined),
      destroy: vi.fn(),
      webContents: {
        executeJavaScript: vi.fn(async (code: string) => {
          expect(code).toBe(PRINT_READY)
          return ++polls > readyAfter
        }),
        printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7')),
      },
    } satisfies PrintWindow
    return window
  }

  it('loads the print page of the snapshot, waits until it is drawn, prints A4 with backgrounds, closes the window', async () => {
    const window = fakeWindow(3)
    const print = createPdfPrinter({ createWindow: () => window, entry: 'app://trade/index.html', pollMs: 1 })
    expect((await print('s-abcd-1234')).toString()).toBe('%PDF-1.7')
    expect(window.loadURL).toHaveBeenCalledWith('app://trade/index.html#/print/snapshot/s-abcd-1234')
    expect(window.webContents.executeJavaScript).toHaveBeenCalledTimes(4)
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({
      printBackground: true,
      pageSize: 'A4',
      landscape: false,
    })
    expect(window.destroy).toHaveBeenCalled()
  })

  it('refuses an id that is not a snapshot id (never builds a URL from it), and gives up on a page that never finishes', async () => {
    const window = fakeWindow(Infinity)
    const print = createPdfPrinter({
      createWindow: () => window,
      entry: 'app://trade/index.html',
      timeoutMs: 20,
      pollMs: 2,
    })
    await expect(print('../../etc/passwd')).rejects.toThrow()
    expect(window.loadURL).not.toHaveBeenCalled()
    await expect(print('s-abcd-1234')).rejects.toThrow(/did not finish drawing/)
    expect(window.destroy).toHaveBeenCalledTimes(1)
  })
})

describe('a .ctesnap from the OS', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cte-snapshot-os-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  function setup(grantSnapshotFile: (file: string) => Promise<void>) {
    const send = vi.fn()
    const desktop = createDesktop({
      platform: 'linux',
      isPackaged: true,
      appName: 'China Trade Explorer',
      menu: { buildFromTemplate: vi.fn((t: any[]) => t as never), setApplicationMenu: vi.fn() },
      os: { addRecentDocument: vi.fn(), clearRecentDocuments: vi.fn() },
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
    const { desktop, send } = setup(async (file) => void order.push(`grant ${file}`))
    send.mockImplementation((event) => order.push(`send ${event.command} ${event.path}`))
    await desktop.open('argv', { argv: ['/opt/cte/cte', snap] })
    expect(order).toEqual([`grant ${snap}`, `send openSnapshot ${snap}`])
  })

  it('a refused grant is logged; the page still hears of it (and tells the user it could not open it)', async () => {
    const snap = path.join(dir, 'busan.ctesnap')
    writeFileSync(snap, '{}')
    const { desktop, send } = setup(async () => {
      throw new Error('refused')
    })
    await desktop.open('open-file', { path: snap })
    expect(send).toHaveBeenCalledWith({ command: 'openSnapshot', path: snap })
  })
})
