import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ImportProgress } from '@shared/api'
import type {
  Breakdown,
  GrantedFile,
  ImportedDataset,
  ImportOutcome,
  Inspection,
  Mapping,
} from '@shared/importApi'
import type { ErrorCode } from '@shared/errors'
import { ApiError, call, messageOf } from '../api/client'

export type ImportStatus = 'idle' | 'inspecting' | 'mapping' | 'importing' | 'done' | 'cancelled' | 'failed'

export interface BreakdownChoice {
  dataset: string
  reporter: string
  flow: string
  by: 'partner' | 'bloc' | 'product'
}

/**
 * Importing files: the file chosen (by id, never a path), its inspection, the running import's
 * progress, the library of imported datasets and the breakdown chart. The work happens in the main
 * process; this store only calls the API and listens to its events.
 */
export const useImportsStore = defineStore('imports', () => {
  const status = ref<ImportStatus>('idle')
  const file = ref<GrantedFile | null>(null)
  const inspection = ref<Inspection | null>(null)
  const progress = ref<ImportProgress | null>(null)
  const outcome = ref<ImportOutcome | null>(null)
  const error = ref<string | null>(null)
  /** The code of that error: the page words the data engine's own failures in the user's language. */
  const errorCode = ref<ErrorCode | null>(null)
  const datasets = ref<ImportedDataset[]>([])
  const listError = ref<string | null>(null)
  const chart = ref<Breakdown | null>(null)
  const chartChoice = ref<BreakdownChoice | null>(null)
  const chartError = ref<string | null>(null)
  /** Files dropped or opened from the OS while another one was in progress. */
  const waiting = ref<GrantedFile[]>([])

  async function load(): Promise<void> {
    listError.value = null
    try {
      datasets.value = await call('listImports', {})
    } catch (e) {
      listError.value = messageOf(e)
    }
  }

  function fail(e: unknown): void {
    error.value = messageOf(e)
    errorCode.value = e instanceof ApiError ? e.code : null
    status.value = 'failed'
  }

  const busy = () => status.value === 'inspecting' || status.value === 'importing'

  async function choose(): Promise<void> {
    if (busy()) return
    error.value = null
    errorCode.value = null
    try {
      const chosen = await call('chooseImportFile', {})
      if (chosen) await open(chosen)
    } catch (e) {
      error.value = messageOf(e)
      errorCode.value = e instanceof ApiError ? e.code : null
    }
  }

  async function open(next: GrantedFile): Promise<void> {
    if (busy()) {
      waiting.value.push(next)
      return
    }
    file.value = next
    inspection.value = null
    progress.value = null
    outcome.value = null
    error.value = null
    errorCode.value = null
    status.value = 'inspecting'
    try {
      inspection.value = await call('inspectImport', { fileId: next.fileId })
      if (inspection.value.layout) await start()
      else status.value = 'mapping'
    } catch (e) {
      fail(e)
      await openNext()
    }
  }

  async function start(mapping?: Mapping): Promise<void> {
    const current = file.value
    if (!current) return
    status.value = 'importing'
    error.value = null
    errorCode.value = null
    progress.value = {
      jobId: '',
      file: current.name,
      phase: 'reading',
      bytesRead: 0,
      totalBytes: current.size,
      rows: 0,
    }
    try {
      const result = await call(
        'importFile',
        mapping ? { fileId: current.fileId, mapping } : { fileId: current.fileId },
      )
      outcome.value = result
      status.value = result.status === 'cancelled' ? 'cancelled' : 'done'
      await load()
      if (result.dataset && result.status !== 'cancelled') await showChart(result.dataset)
    } catch (e) {
      fail(e)
    }
    await openNext()
  }

  async function cancel(): Promise<void> {
    if (!file.value || status.value !== 'importing') return
    try {
      await call('cancelImport', { fileId: file.value.fileId })
    } catch (e) {
      error.value = messageOf(e)
      errorCode.value = e instanceof ApiError ? e.code : null
    }
  }

  async function openNext(): Promise<void> {
    const next = waiting.value.shift()
    if (next) await open(next)
  }

  /** The chart's default: China's exports by partner where the file has them, else its first reporter and flow. */
  async function showChart(dataset: ImportedDataset, choice: Partial<BreakdownChoice> = {}): Promise<void> {
    const reporter =
      choice.reporter ??
      (dataset.reporters.some((r) => r.code === 'CHN') ? 'CHN' : (dataset.reporters[0]?.code ?? 'CHN'))
    const flow =
      choice.flow ?? (dataset.flows.includes('exports') ? 'exports' : (dataset.flows[0] ?? 'exports'))
    const next: BreakdownChoice = { dataset: dataset.id, reporter, flow, by: choice.by ?? 'partner' }
    chartChoice.value = next
    chartError.value = null
    try {
      chart.value = await call('getBreakdown', {
        dataset: next.dataset,
        reporter: next.reporter === 'CHN' ? 'china' : next.reporter.toLowerCase(),
        flow: next.flow,
        by: next.by,
        top: 10,
      })
    } catch (e) {
      chart.value = null
      chartError.value = messageOf(e)
    }
  }

  const unsubscribers: (() => void)[] = []
  let showPage: () => void = () => {}
  /** Progress of our import, and files dropped on the window or opened from the OS. Once, at app start. */
  function listen(onFile?: () => void): void {
    if (onFile) showPage = onFile
    if (unsubscribers.length > 0 || !window.trade) return
    unsubscribers.push(
      window.trade.onImportProgress((p) => {
        if (status.value === 'importing' && p.file === file.value?.name) progress.value = p
      }),
      window.trade.onFileOpened(() => void takeOpened()),
      window.trade.onCommand((event) => {
        // File › Open: files the OS handed over go first; with none waiting, the open dialog.
        if (event.command === 'openDataFile') void takeOpened().then((any) => (any ? undefined : choose()))
      }),
    )
    void takeOpened()
  }

  /** Files granted outside the page (drop, "Open with"); true if there were any. */
  async function takeOpened(): Promise<boolean> {
    try {
      const files = await call('takeOpenedFiles', {})
      if (files.length > 0) showPage()
      for (const f of files) await open(f)
      return files.length > 0
    } catch {
      return false
    }
  }

  return {
    status,
    file,
    inspection,
    progress,
    outcome,
    error,
    errorCode,
    datasets,
    listError,
    chart,
    chartChoice,
    chartError,
    load,
    choose,
    open,
    start,
    cancel,
    showChart,
    listen,
  }
})
