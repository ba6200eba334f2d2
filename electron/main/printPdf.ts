/**
 * PDF export: the snapshot's print page (`#/print/snapshot/<id>`, the same page the end-to-end test
 * prints with Chromium) loaded in a hidden, equally hardened window and printed with Electron's
 * `webContents.printToPDF`. The window factory is passed in, so this module has no Electron import and
 * runs in unit tests with a fake.
 */
import { AppError } from '../shared/errors'
import { say } from '../shared/messages'
import { SnapshotId } from '../shared/snapshot'

/** What we use of a BrowserWindow. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>
  destroy(): void
  webContents: {
    executeJavaScript(code: string): Promise<unknown>
    printToPDF(options: { printBackground: boolean; pageSize: 'A4'; landscape: boolean }): Promise<Uint8Array>
  }
}

export interface PdfPrinterOptions {
  createWindow: () => PrintWindow
  /** The app's entry URL (app://trade/index.html, or the dev server in development). */
  entry: string
  timeoutMs?: number
  pollMs?: number
}

/** The print page sets this attribute on <html> once the snapshot, its image and notes are on the page. */
export const PRINT_READY = "document.documentElement.dataset.printReady === 'true'"

export function createPdfPrinter(options: PdfPrinterOptions): (id: string) => Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? 30_000
  const poll = options.pollMs ?? 100
  return async (id) => {
    const safeId = SnapshotId.parse(id)
    const window = options.createWindow()
    try {
      await window.loadURL(`${options.entry}#/print/snapshot/${safeId}`)
      const deadline = Date.now() + timeout
      while ((await window.webContents.executeJavaScript(PRINT_READY)) !== true) {
        if (Date.now() > deadline) throw new AppError('INTERNAL', say('pdfNotDrawn'))
        await new Promise((resolve) => setTimeout(resolve, poll))
      }
      return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', landscape: false })
    } finally {
      window.destroy()
    }
  }
}
