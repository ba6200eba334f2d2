import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ImportProgress } from '@shared/api'
import type {
  Breakdown,
  GrantedFile,
  ImportedDataset,
  ImportOutcome,
  Inspection,
  Mapping,
  SourceChoice,
} from '@shared/importApi'
import type { ErrorCode } from '@shared/errors'
import { ApiError, call, callAllPages, messageOf } from '../api/client'

/**
 * `finishing`: the file is in the library and the page is reading the list and the chart again; `done`
 * only once both show it, so the page never says done beside the list as it was.
 */
export type ImportStatus =
  'idle' | 'inspecting' | 'mapping' | 'importing' | 'finishing' | 'done' | 'cancelled' | 'failed'

/** A workbook with several sheets or an archive with several data files: the user chooses what to read. */
export function hasSourceChoice(inspection: Inspection): boolean {
  return (inspection.sheets?.names.length ?? 0) > 1 || (inspection.members?.names.length ?? 0) > 1
}

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
  /** The sheet or archive members the user chose; undefined while the app's default is shown. */
  const source = ref<SourceChoice | undefined>(undefined)
  const progress = ref<ImportProgress | null>(null)
  const outcome = ref<ImportOutcome | null>(null)
  const error = ref<string | null>(null)
  /** The code of that error: the page words the data engine's own failures in the user's language. */
  const errorCode = ref<ErrorCode | null>(null)
  const datasets = ref<ImportedDataset[]>([])
  /** Whether the library's list has answered: until then it is not known to be empty. */
  const listed = ref(false)
  const listError = ref<string | null>(null)
  const chart = ref<Breakdown | null>(null)
  const chartChoice = ref<BreakdownChoice | null>(null)
  const chartError = ref<string | null>(null)
  /** Files dropped or opened from the OS while another one was in progress. */
  const waiting = ref<GrantedFile[]>([])
  /**
   * The name of a file asked to be imported again that is no longer where it was imported from: the
   * page says so, and how to import it again.
   */
  const missing = ref<string | null>(null)

  async function load(): Promise<void> {
    listError.value = null
    try {
      datasets.value = await callAllPages('listImports', {})
      listed.value = true
    } catch (e) {
      listError.value = messageOf(e)
    }
  }

  function fail(e: unknown): void {
    error.value = messageOf(e)
    errorCode.value = e instanceof ApiError ? e.code : null
    status.value = 'failed'
  }

  const busy = () =>
    status.value === 'inspecting' || status.value === 'importing' || status.value === 'finishing'

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
    missing.value = null
    file.value = next
    inspection.value = null
    source.value = undefined
    progress.value = null
    outcome.value = null
    error.value = null
    errorCode.value = null
    status.value = 'inspecting'
    try {
      inspection.value = await call('inspectImport', { fileId: next.fileId })
      // A recognised layout imports at once, unless there is a sheet or files to choose first.
      if (inspection.value.layout && !hasSourceChoice(inspection.value)) await start()
      else status.value = 'mapping'
    } catch (e) {
      fail(e)
      await openNext()
    }
  }

  /** Reads the file again with another sheet or other archive members; a refusal keeps the last view. */
  async function chooseSource(choice: SourceChoice): Promise<void> {
    const current = file.value
    if (!current || status.value !== 'mapping') return
    status.value = 'inspecting'
    error.value = null
    errorCode.value = null
    try {
      inspection.value = await call('inspectImport', { fileId: current.fileId, source: choice })
      source.value = choice
    } catch (e) {
      error.value = messageOf(e)
      errorCode.value = e instanceof ApiError ? e.code : null
      // A fresh object, so the chooser shows again the choice still in force.
      if (inspection.value) inspection.value = { ...inspection.value }
    }
    status.value = 'mapping'
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
      const result = await call('importFile', {
        fileId: current.fileId,
        ...(mapping ? { mapping } : {}),
        ...(source.value ? { source: source.value } : {}),
      })
      outcome.value = result
      if (result.status === 'cancelled') status.value = 'cancelled'
      else {
        status.value = 'finishing'
        await load()
        if (result.dataset) await showChart(result.dataset)
        status.value = 'done'
      }
    } catch (e) {
      fail(e)
    }
    await openNext()
  }

  /**
   * Imports an imported dataset's file again (an earlier version of the app read it wrong): at once if
   * it is still where it was imported from; else the page says it is not and what to do.
   */
  async function reimport(dataset: string, fileName: string): Promise<void> {
    if (busy()) return
    error.value = null
    errorCode.value = null
    try {
      const found = await call('reopenImportedFile', { dataset })
      if (found) await open(found)
      else missing.value = fileName
    } catch (e) {
      error.value = messageOf(e)
      errorCode.value = e instanceof ApiError ? e.code : null
    }
  }

  /**
   * Whether Cancel can stop the import: once the data engine has the job. The page shows the import
   * from the moment it asks for it, and a cancel that reached the engine before the import did found
   * nothing to stop and was lost: the file was imported all the same. The engine's first progress report
   * names the job.
   */
  const cancellable = computed(() => status.value === 'importing' && Boolean(progress.value?.jobId))

  async function cancel(): Promise<void> {
    if (!file.value || !cancellable.value) return
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
    source,
    progress,
    outcome,
    error,
    errorCode,
    datasets,
    listed,
    listError,
    chart,
    chartChoice,
    chartError,
    missing,
    load,
    reimport,
    choose,
    open,
    chooseSource,
    start,
    cancellable,
    cancel,
    showChart,
    listen,
  }
})
