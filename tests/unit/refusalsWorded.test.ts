/**
 * What the transports, the engine process and the query service answer when they refuse, as the page
 * shows it in English and in Chinese: each case makes the refusal through the real code, and the
 * expected wording is written here by hand. Each answer carries its catalogued message (the page words
 * that), its English text is the catalogue's, and neither language names a path or a library's words.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { IpcMainInvokeEvent } from 'electron'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/dispatch'
import { runEngine } from '../../electron/engine/child'
import { FromEngine } from '../../electron/engine/protocol'
import { createSupervisor } from '../../electron/engine/supervisor'
import { createEngineHandlers, type Handlers } from '../../electron/handlers'
import { registerIpc } from '../../electron/main/ipc'
import { createPdfPrinter } from '../../electron/main/printPdf'
import {
  attachDataServices,
  openBundledData,
  type BundledData,
  type DataServices,
} from '../../electron/services'
import type { CatalogIndex } from '../../electron/services/catalogIndex'
import { createQueryService } from '../../electron/services/query'
import { AppError, type ApiErrorBody } from '../../electron/shared/errors'
import { english } from '../../electron/shared/messages'
import { channelOf } from '../../electron/shared/methods'
import { startWebServer, type WebServer } from '../../electron/web/server'
import { API_PREFIX, SERVER_UNREACHABLE, TOKEN_HEADER } from '../../electron/web/wire'
import { wordRefusal } from '../../renderer/src/lib/refusals'
import { FakeFrame, FakeIpcMain, invokeEvent } from '../support/fakeElectron'
import { inProcessEngine } from '../support/inProcessEngine'
import { LEAKS } from '../support/leaks'
import { refusalWording } from '../support/refusalWording'

const dataDir = fileURLToPath(new URL('../../data', import.meta.url))
let bundled: BundledData
let services: DataServices
let handlers: Handlers
let server: WebServer

beforeAll(async () => {
  bundled = await openBundledData(dataDir)
  services = await attachDataServices(bundled, {})
  handlers = createEngineHandlers(services) as Handlers
  const root = mkdtempSync(join(tmpdir(), 'cte-refusals-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  server = await startWebServer({ rendererDir: root, handlers })
}, 60_000)
afterAll(async () => {
  await server?.close()
  await services?.close()
})

const refusal = (envelope: { ok: boolean; error?: ApiErrorBody }): ApiErrorBody => {
  if (envelope.ok || !envelope.error) throw new Error('the call was answered, not refused')
  return envelope.error
}

/** A handler that fails as a bug would, with a library's words and a path in its error. */
const failing = {
  listDatasets: async () => {
    throw new Error(
      'Binder Error: Referenced column "x" not found in /home/user/.config/library/facts.parquet',
    )
  },
} as unknown as Handlers

/** Through Electron's IPC from a frame, as ipcRenderer.invoke would send it. */
async function overIpc(frameUrl: string, ...args: unknown[]): Promise<ApiErrorBody> {
  const ipcMain = new FakeIpcMain()
  registerIpc(ipcMain, handlers)
  const event = invokeEvent(new FakeFrame(frameUrl)) as IpcMainInvokeEvent
  return refusal((await ipcMain.invoke(channelOf('listDatasets'), event, ...args)) as never)
}

/** Through the web server, as the browser shim sends a call. */
async function overHttp(method: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.origin}${API_PREFIX}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers },
    body,
  })
  return refusal(await response.json())
}

/** What the engine process answers on its own, before it has opened any data. */
function engineAnswer(method: string): Promise<ApiErrorBody> {
  return new Promise((resolve) => {
    runEngine({
      send: (message) => {
        if (message.type === 'reply') resolve(refusal(message.envelope as never))
      },
      onMessage: (listener) => setImmediate(() => listener({ type: 'call', id: 1, method, args: {} })),
      exit: () => {},
    })
  })
}

/** The query service over the real catalog with an index where two series in yuan answer one choice. */
function ambiguousChoice(): Promise<ApiErrorBody> {
  const index = {
    candidates: () => [
      { series: 'exports_cny_customs', unit: 'CNY bn', projection: false },
      { series: 'exports_cny_estimate', unit: 'CNY bn', projection: false },
    ],
  } as unknown as CatalogIndex
  const query = createQueryService(bundled.engine, bundled.catalog, index)
  return query.series({ dataset: 'china-trade', flow: 'exports' } as never).then(
    () => {
      throw new Error('the choice was answered')
    },
    (error: AppError) => error.body,
  )
}

const cases: [string, () => Promise<ApiErrorBody>, string, string][] = [
  [
    'dispatch: a method the app does not have',
    async () => refusal(await dispatch(handlers, 'dropTables', {})),
    'The app does not know this request, so it was refused. Restart the app and try again.',
    '应用不认识此请求，因此拒绝了它。请重新启动应用后重试。',
  ],
  [
    'dispatch: a field of the wrong kind',
    async () => refusal(await dispatch(handlers, 'getHeadline', { dataset: 42 })),
    'This request was refused: its field dataset should hold text.',
    '此请求被拒绝：其中的字段 dataset 应为文本。',
  ],
  [
    'dispatch: a month that does not exist',
    async () =>
      refusal(
        await dispatch(handlers, 'getObservations', {
          dataset: 'china-trade',
          series: 'exports_usd',
          period: '2025-13',
        }),
      ),
    'This request was refused: its field period: month 13 does not exist (months are 01 to 12).',
    '此请求被拒绝：其中的字段 period：月份 13 不存在（月份为 01 至 12）。',
  ],
  [
    'dispatch: a handler failing with a library’s words and a path',
    async () => refusal(await dispatch(failing, 'listDatasets', {})),
    'Something went wrong that the app did not expect, so this was not done. Try again, and restart the app if it happens again.',
    '发生了应用未预料到的问题，此操作未能完成。请重试；如果再次发生，请重新启动应用。',
  ],
  [
    'IPC: a request from a frame that is not the app’s',
    () => overIpc('https://example.com/', {}),
    'This request did not come from the app window, so it was refused.',
    '此请求不是来自应用窗口，因此被拒绝。',
  ],
  [
    'IPC: a request with two arguments',
    () => overIpc('app://trade/index.html', {}, { extra: true }),
    'This request was refused: it is not in the form the app sends.',
    '此请求被拒绝：它不是应用发送的格式。',
  ],
  [
    'web: a page without the access key',
    () => overHttp('listDatasets', '{}', { [TOKEN_HEADER]: '' }),
    'This page did not give the local server its access key (the address is not the one the server printed, or the server was restarted). Open the address the server printed when it started.',
    '此页面没有向本地服务器提供访问密钥（地址不是服务器给出的那个，或服务器已重新启动）。请打开服务器启动时给出的地址。',
  ],
  [
    'web: a request larger than the server takes',
    () => overHttp('listDatasets', JSON.stringify({ x: 'y'.repeat(100_000) })),
    'This request is larger than the 64 KB the app accepts, so it was refused.',
    '此请求超过了应用接受的 64 KB，因此被拒绝。',
  ],
  [
    'web: a body that is not JSON',
    () => overHttp('listDatasets', 'not json'),
    'This request was refused: it is not in the form the app sends.',
    '此请求被拒绝：它不是应用发送的格式。',
  ],
  [
    'web shim: the server does not answer',
    async () => SERVER_UNREACHABLE,
    'The local server did not answer. Is it still running?',
    '本地服务器没有应答。它是否仍在运行？',
  ],
  [
    'engine: a method main answers, not the engine',
    () => engineAnswer('listNotes'),
    'The app does not know this request, so it was refused. Restart the app and try again.',
    '应用不认识此请求，因此拒绝了它。请重新启动应用后重试。',
  ],
  [
    'engine: a call before it was started',
    () => engineAnswer('listDatasets'),
    'The data engine has not started. Restart the app.',
    '数据引擎尚未启动。请重新启动应用。',
  ],
  [
    'engine: its data folder cannot be read, as the supervisor answers every call',
    async () => {
      const supervisor = createSupervisor({
        start: inProcessEngine(),
        init: { dataDir: join(tmpdir(), 'cte-no-such-data-folder') },
        onEvent: () => {},
      })
      supervisor.ready.catch(() => {})
      const answer = await supervisor.call('listDatasets', {}).catch((error: AppError) => error.body)
      await supervisor.close()
      return answer as ApiErrorBody
    },
    "The app's data folder cannot be read. Installing the app again restores it.",
    '无法读取应用的数据文件夹。重新安装应用即可恢复。',
  ],
  [
    'PDF export: a print page that never finishes drawing',
    () => {
      // A hidden window whose page never says it is ready.
      const window = {
        loadURL: async () => {},
        destroy: () => {},
        webContents: { executeJavaScript: async () => false, printToPDF: async () => new Uint8Array() },
      }
      const print = createPdfPrinter({
        createWindow: () => window,
        entry: 'app://trade/index.html',
        timeoutMs: 20,
        pollMs: 2,
      })
      return print('s-abcd-1234').then(
        () => {
          throw new Error('a PDF was made')
        },
        (error: AppError) => error.body,
      )
    },
    "The PDF was not made: the snapshot's print page did not finish drawing in time. Nothing was saved. Try again.",
    'PDF 未能生成：快照的打印页面未能及时绘制完成。未保存任何内容。请重试。',
  ],
  [
    'query: a series the dataset has no figure of',
    async () =>
      refusal(
        await dispatch(handlers, 'getObservations', { dataset: 'china-trade', series: 'no_such_series' }),
      ),
    'Dataset "china-trade" has no figure of the series no_such_series.',
    '数据集“china-trade”中没有序列 no_such_series 的数值。',
  ],
  [
    'query: a period a series has no figure for',
    async () =>
      refusal(
        await dispatch(handlers, 'getObservations', {
          dataset: 'china-trade',
          series: 'no_such_series',
          period: '2025-11',
        }),
      ),
    'Dataset "china-trade" has no figure of the series no_such_series for Nov 2025.',
    '数据集“china-trade”中没有序列 no_such_series 在 2025年11月 的数值。',
  ],
  [
    'query: a choice that several series answer',
    ambiguousChoice,
    'Several series match this choice: exports_cny_customs (CNY bn), exports_cny_estimate (CNY bn). Choose one of them by name.',
    '有多个序列符合此选择：exports_cny_customs (CNY bn)、exports_cny_estimate (CNY bn)。请按名称选择其中一个。',
  ],
]

describe('refusals as the page shows them, in English and in Chinese', () => {
  it.each(cases)('%s', async (_what, make, en, zh) => {
    const body = await make()
    expect(body.said, 'a catalogued message').toBeDefined()
    expect(body.message).toBe(english(body.said!))
    const shown = {
      en: wordRefusal(body.said!, refusalWording('en')),
      zh: wordRefusal(body.said!, refusalWording('zh-CN')),
    }
    expect(shown).toEqual({ en, zh })
    expect(`${body.message} ${shown.en} ${shown.zh}`).not.toMatch(LEAKS)
  })

  it('the engine says why it could not open the data as a catalogued message', () => {
    // What main reads from an engine that failed: the protocol refuses a reason without its message id.
    expect(
      FromEngine.safeParse({ type: 'failed', message: 'The bundled data could not be opened.' }).success,
    ).toBe(false)
  })
})
