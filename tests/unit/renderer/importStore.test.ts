// @vitest-environment happy-dom
/**
 * The import store against a fake bridge: a recognised file imports at once; an unknown one waits for
 * the mapping; progress of other files is ignored; files dropped or opened from the OS are taken once.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { useImportsStore } from '../../../renderer/src/stores/imports'
import MappingDialog from '../../../renderer/src/components/import/MappingDialog.vue'
import { i18n } from '../../../renderer/src/i18n'
import { answer, installBridge } from '../../support/fakeBridge'
import { layoutIds } from '../../../electron/services/import/layouts/types'

type Listener = (payload: never) => void

function fakeBridge(layout: { id: string; title: string; publisher: string; url: string } | null) {
  const listeners: Record<string, Listener[]> = {}
  const on = (event: string) => (listener: Listener) => {
    ;(listeners[event] ??= []).push(listener)
    return () => undefined
  }
  const file = { fileId: 'f-0123456789abcdef0123456789abcdef', name: 'trade.csv', size: 1000 }
  const dataset = {
    id: 'trade',
    title: 'trade.csv',
    fileName: 'trade.csv',
    layout: layout ?? { id: 'mapped', title: 'Column mapping', publisher: '', url: '' },
    mapping: null,
    rows: 3,
    coverage: { from: '2024-01', to: '2024-03' },
    frequencies: ['month'],
    flows: ['exports'],
    reporters: [{ code: 'CHN', label: 'China' }],
    units: ['USD'],
    versions: [],
  }
  const calls: [string, unknown][] = []
  const pending: unknown[] = []
  const bridge = {
    chooseImportFile: vi.fn(
      async (args: unknown) => (calls.push(['chooseImportFile', args]), answer('chooseImportFile', file)),
    ),
    inspectImport: vi.fn(async (args: unknown) => {
      calls.push(['inspectImport', args])
      return answer('inspectImport', {
        ...file,
        format: 'csv',
        compression: 'none',
        encoding: 'utf-8',
        delimiter: ',',
        layout,
        columns: ['date', 'value'],
        preview: [['2024-01', '1']],
        guess: layout ? null : { period: 0, values: [1] },
        existing: null,
        sheets: null,
        members: null,
      })
    }),
    importFile: vi.fn(
      async (args: unknown) => (
        calls.push(['importFile', args]),
        answer('importFile', { status: 'imported', dataset })
      ),
    ),
    cancelImport: vi.fn(
      async (args: unknown) => (
        calls.push(['cancelImport', args]),
        answer('cancelImport', { cancelled: true })
      ),
    ),
    listImports: vi.fn(async () => answer('listImports', { items: [dataset], next: null, total: 1 })),
    takeOpenedFiles: vi.fn(async () => answer('takeOpenedFiles', pending.splice(0))),
    // The dataset's file, still where it was imported from.
    reopenImportedFile: vi.fn(
      async (args: unknown) => (calls.push(['reopenImportedFile', args]), answer('reopenImportedFile', file)),
    ),
    getBreakdown: vi.fn(
      async (args: unknown) => (
        calls.push(['getBreakdown', args]),
        answer('getBreakdown', {
          dataset: 'trade',
          reporter: { code: 'CHN', label: 'China' },
          flow: 'exports',
          by: 'partner',
          unit: 'USD',
          frequency: 'month',
          from: '2024-01',
          to: '2024-03',
          rows: [{ key: 'USA', label: 'United States', value: 3 }],
          other: { count: 0, value: 0 },
          total: 3,
          world: null,
        })
      ),
    ),
    onImportProgress: on('importProgress'),
    onFileOpened: on('fileOpened'),
    onCommand: on('command'),
  }
  installBridge(bridge)
  return { bridge, calls, listeners, file, pending }
}

beforeEach(() => setActivePinia(createPinia()))

describe('imports store', () => {
  it('the fake bridge refuses an answer the contract would reject (the old getBreakdown fake)', () => {
    expect(() => answer('getBreakdown', { rows: [], other: { count: 0, value: 0 } })).toThrow(
      /the fake getBreakdown answered what the contract rejects: dataset/,
    )
  })

  it('when the data engine stops on a file, the page says so in the user’s language', async () => {
    const { bridge } = fakeBridge(null)
    bridge.inspectImport.mockImplementation(
      async () =>
        ({
          ok: false,
          error: { code: 'ENGINE_STOPPED', message: 'The data engine stopped while reading trade.csv.' },
        }) as never,
    )
    const store = useImportsStore()
    await store.choose()
    expect(store.status).toBe('failed')
    expect(store.errorCode).toBe('ENGINE_STOPPED')
    const view = (await import('../../../renderer/src/views/ImportView.vue')).default
    for (const [locale, text] of [
      ['en', 'The data engine stopped while reading trade.csv. Nothing was changed.'],
      ['zh-CN', '读取 trade.csv 时数据引擎停止了运行。没有任何内容被更改。'],
    ] as const) {
      i18n.global.locale.value = locale
      const page = mount(view, { global: { plugins: [i18n] } })
      await page.vm.$nextTick()
      expect(page.get('[data-test="import-error"]').text()).toContain(text)
      page.unmount()
    }
    i18n.global.locale.value = 'en'
    // A later failure of another kind shows its own message, not the engine's.
    bridge.inspectImport.mockImplementation(
      async () => ({ ok: false, error: { code: 'DATA_ERROR', message: 'trade.csv: is empty.' } }) as never,
    )
    await store.choose()
    expect(store.errorCode).toBe('DATA_ERROR')
    expect(store.error).toBe('trade.csv: is empty.')
  })

  it('a recognised layout imports straight away and charts China’s exports by partner', async () => {
    const { calls } = fakeBridge({
      id: 'comtrade-plus',
      title: 'UN Comtrade (Comtrade Plus)',
      publisher: '',
      url: '',
    })
    const store = useImportsStore()
    await store.choose()
    expect(calls.map(([m]) => m)).toEqual(['chooseImportFile', 'inspectImport', 'importFile', 'getBreakdown'])
    expect(calls[2]![1]).toEqual({ fileId: 'f-0123456789abcdef0123456789abcdef' })
    expect(calls[3]![1]).toEqual({
      dataset: 'trade',
      reporter: 'china',
      flow: 'exports',
      by: 'partner',
      top: 10,
    })
    expect(store.status).toBe('done')
  })

  it('the recognised layout, the file’s kind, its encoding and the charted flow are in the reader’s language', async () => {
    fakeBridge({ id: 'comtrade-plus', title: 'UN Comtrade (Comtrade Plus)', publisher: '', url: '' })
    const store = useImportsStore()
    await store.choose()
    const view = (await import('../../../renderer/src/views/ImportView.vue')).default
    for (const [locale, layout, kind, flow] of [
      ['en', 'Recognised: UN Comtrade (Comtrade Plus)', '(CSV table, UTF-8)', 'exports by partner'],
      ['zh-CN', '已识别：联合国商品贸易数据库（Comtrade Plus）', '（CSV 表格，UTF-8 编码）', '按伙伴的出口'],
    ] as const) {
      i18n.global.locale.value = locale
      const page = mount(view, { global: { plugins: [i18n] } })
      await page.vm.$nextTick()
      expect(page.get('[data-test="layout"]').text()).toContain(layout)
      expect(page.get('[data-test="layout"]').text()).toContain(kind)
      await page.vm.$nextTick()
      expect(page.get('[data-test="chart-title"]').text()).toContain(flow)
      page.unmount()
    }
    i18n.global.locale.value = 'en'
  })

  it('says done only once the library list and the chart show the new dataset, and says what it is doing meanwhile', async () => {
    const { bridge } = fakeBridge({
      id: 'comtrade-plus',
      title: 'UN Comtrade (Comtrade Plus)',
      publisher: '',
      url: '',
    })
    // The library answers empty until the import, then with the dataset; its answer after the import is held.
    const listed = bridge.listImports.getMockImplementation()!
    bridge.listImports.mockImplementationOnce(async () =>
      answer('listImports', { items: [], next: null, total: 0 }),
    )
    let releaseList!: () => void
    const held = new Promise<void>((resolve) => (releaseList = resolve))
    bridge.listImports.mockImplementationOnce(async () => (await held, listed()))
    const store = useImportsStore()
    const view = (await import('../../../renderer/src/views/ImportView.vue')).default
    // The page reads the library as it opens: empty, once the list has answered.
    const page = mount(view, { global: { plugins: [i18n] } })
    await vi.waitFor(() => expect(page.find('[data-test="library-empty"]').exists()).toBe(true))
    expect(bridge.listImports).toHaveBeenCalledTimes(1)
    const importing = store.choose()
    await vi.waitFor(() => expect(store.status).toBe('finishing'))
    await page.vm.$nextTick()
    // The file is saved but the list is not read yet: no "done" beside the list as it was.
    expect(page.find('[data-test="import-done"]').exists()).toBe(false)
    expect(page.get('[data-test="import-finishing"]').text()).toBe(
      'trade.csv is in your library: updating the list and the chart…',
    )
    expect(page.find('[data-test="library-empty"]').exists()).toBe(true)
    i18n.global.locale.value = 'zh-CN'
    await page.vm.$nextTick()
    expect(page.get('[data-test="import-finishing"]').text()).toBe(
      'trade.csv 已在您的数据库中：正在更新列表和图表…',
    )
    i18n.global.locale.value = 'en'
    releaseList()
    await importing
    await page.vm.$nextTick()
    expect(store.status).toBe('done')
    expect(page.get('[data-test="import-done"]').text()).toContain('Imported trade.csv: 3 rows')
    expect(page.get('[data-test="library"] [data-dataset="trade"]').text()).toContain('trade.csv')
    expect(page.get('[data-test="library"]').attributes('aria-busy')).toBe('false')
    expect(page.get('[data-test="chart-title"]').text()).toContain('exports by partner')
    expect(page.find('[data-test="import-finishing"]').exists()).toBe(false)
    page.unmount()
  })

  it('imports an outdated dataset’s file again in one step where it still is; where it is not, says what to do', async () => {
    const { bridge, calls } = fakeBridge({
      id: 'comtrade-plus',
      title: 'UN Comtrade (Comtrade Plus)',
      publisher: '',
      url: '',
    })
    const store = useImportsStore()
    await store.reimport('trade', 'trade.csv')
    expect(calls.map(([m]) => m)).toEqual([
      'reopenImportedFile',
      'inspectImport',
      'importFile',
      'getBreakdown',
    ])
    expect(calls[0]![1]).toEqual({ dataset: 'trade' })
    expect(store.status).toBe('done')
    expect(store.missing).toBeNull()

    // Moved or deleted since: nothing is imported, no dialog opens by itself, and the page says why and what to do.
    calls.length = 0
    bridge.reopenImportedFile.mockImplementation(
      async (args: unknown) => (calls.push(['reopenImportedFile', args]), answer('reopenImportedFile', null)),
    )
    await store.reimport('trade', 'trade.csv')
    expect(calls.map(([m]) => m)).toEqual(['reopenImportedFile'])
    expect(store.missing).toBe('trade.csv')
    const view = (await import('../../../renderer/src/views/ImportView.vue')).default
    for (const [locale, words] of [
      ['en', 'trade.csv is no longer where it was imported from'],
      ['zh-CN', 'trade.csv 已不在导入时的位置'],
    ] as const) {
      i18n.global.locale.value = locale
      const page = mount(view, { global: { plugins: [i18n] } })
      await page.vm.$nextTick()
      expect(page.get('[data-test="reimport-missing"]').text()).toContain(words)
      page.unmount()
    }
    i18n.global.locale.value = 'en'
    // Choosing it with Open file… imports it, and the page no longer says it is missing.
    await store.choose()
    expect(store.missing).toBeNull()
    expect(store.status).toBe('done')
  })

  it('every layout the importer recognises has a name in English and in Chinese', () => {
    for (const id of layoutIds)
      for (const locale of ['en', 'zh-CN'] as const) {
        const name = i18n.global.t(
          `import.layouts.${id}`,
          {},
          { locale, missingWarn: false, fallbackWarn: false },
        )
        expect(name, `${locale} ${id}`).not.toBe(`import.layouts.${id}`)
        if (locale === 'zh-CN') expect(name, id).toMatch(/[\u4e00-\u9fff]/)
      }
  })

  it('an unknown layout waits for the mapping; the confirmed mapping is sent with the id', async () => {
    const { calls } = fakeBridge(null)
    const store = useImportsStore()
    await store.choose()
    expect(store.status).toBe('mapping')
    const dialog = mount(MappingDialog, {
      props: { inspection: store.inspection! },
      global: { plugins: [i18n] },
    })
    await dialog.get('[data-test="unit-label"]').setValue('USD million')
    await dialog.get('[data-test="confirm-mapping"]').trigger('click')
    const [mapping] = dialog.emitted('confirm')![0] as [unknown]
    expect(mapping).toEqual({
      period: 0,
      values: [1],
      reporter: null,
      partner: null,
      flow: null,
      product: null,
      indicator: null,
      unit: null,
      reporterCode: 'CHN',
      unitLabel: 'USD million',
    })
    await store.start(mapping as never)
    expect(calls.find(([m]) => m === 'importFile')![1]).toEqual({
      fileId: 'f-0123456789abcdef0123456789abcdef',
      mapping,
    })
  })

  it('listens once; only its own file’s progress counts; opened files are taken from main', async () => {
    const { listeners, pending, file, bridge } = fakeBridge(null)
    const store = useImportsStore()
    const shown = vi.fn()
    store.listen(shown)
    store.listen(shown)
    expect(listeners.importProgress).toHaveLength(1)
    pending.push(file)
    for (const l of listeners.fileOpened!) l(file as never)
    await vi.waitFor(() => expect(store.status).toBe('mapping'))
    expect(shown).toHaveBeenCalled()
    store.status = 'importing'
    for (const l of listeners.importProgress!)
      l({ jobId: 'j', file: 'other.csv', phase: 'reading', bytesRead: 5, totalBytes: 10, rows: 0 } as never)
    expect(store.progress).toBeNull()
    // Until the engine reports the job, a cancel would find nothing to stop: it is not offered.
    expect(store.cancellable).toBe(false)
    for (const l of listeners.importProgress!)
      l({ jobId: 'j', file: 'trade.csv', phase: 'reading', bytesRead: 5, totalBytes: 10, rows: 0 } as never)
    expect(store.progress?.bytesRead).toBe(5)
    expect(store.cancellable).toBe(true)
    await store.cancel()
    expect(bridge.cancelImport).toHaveBeenCalledWith({ fileId: file.fileId })
  })
})
