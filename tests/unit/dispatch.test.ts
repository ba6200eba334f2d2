import { describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../electron/dispatch'
import type { Handlers } from '../../electron/handlers'
import { english, say } from '../../electron/shared/messages'
import { methods } from '../../electron/shared/methods'
import { T0, validNote, validSnapshot } from './shared/workspaceFixtures'

/** Handlers that record whether they ran: a refused call must never reach one. */
function spyHandlers() {
  const calls: string[] = []
  const handlers = Object.fromEntries(
    methods.map((m) => [
      m,
      vi.fn(async () => {
        calls.push(m)
        throw new Error('a handler ran for a call that should have been refused')
      }),
    ]),
  ) as unknown as Handlers
  return { handlers, calls }
}

const huge = 'x'.repeat(1_000_000)
const hostileValues: [string, unknown][] = [
  ['a number', 42],
  ['null', null],
  ['an array', ['china-trade']],
  ['a huge string', huge],
  ['a path', '../../etc/passwd'],
  ['a Windows path', 'C:\\Windows\\system32'],
  ['a URL', 'https://example.com/x'],
  ['SQL', "china-trade'; DROP TABLE observations; --"],
  ['an object', { $gt: '' }],
  ['NUL bytes', 'china\u0000trade'],
  ['upper case', 'CHINA-TRADE'],
]

/** For each method, a valid call to start from; each hostile case breaks one field of it. */
const valid: Record<(typeof methods)[number], Record<string, unknown>> = {
  listDatasets: {},
  getHeadline: { dataset: 'china-trade' },
  getSeries: { dataset: 'china-trade', flow: 'exports' },
  getSeriesBatch: { queries: [{ dataset: 'china-trade', flow: 'exports' }] },
  getObservations: { dataset: 'china-trade', series: 'exports_usd', period: '2025-11' },
  listSeries: { dataset: 'china-trade' },
  chooseImportFile: {},
  takeOpenedFiles: {},
  reopenImportedFile: { dataset: 'comtrade-2023' },
  inspectImport: { fileId: 'f-0123456789abcdef0123456789abcdef' },
  importFile: { fileId: 'f-0123456789abcdef0123456789abcdef' },
  cancelImport: { fileId: 'f-0123456789abcdef0123456789abcdef' },
  listImports: {},
  getBreakdown: { dataset: 'comtrade-2023', flow: 'exports' },
  getDimensions: { dataset: 'china-trade' },
  deleteImport: { dataset: 'comtrade-2023' },
  getRanking: { dataset: 'comtrade-2023', by: 'product' },
  listNotes: {},
  saveNote: { note: validNote() },
  deleteNote: { id: 'n-busan-0001' },
  mergeNotes: { notes: [validNote()] },
  loadSession: {},
  saveSession: { session: { format: 'china-trade-explorer-session', formatVersion: 1, savedAt: T0 } },
  listSnapshots: {},
  saveSnapshot: { snapshot: validSnapshot() },
  openSnapshot: { id: 's-abcd-1234' },
  snapshotImage: { id: 's-abcd-1234' },
  deleteSnapshot: { id: 's-abcd-1234' },
  chooseSnapshotFile: {},
  openSnapshotFile: { file: `g-${'0'.repeat(32)}` },
  exportSnapshot: { id: 's-abcd-1234', kind: 'folder' },
  setLanguage: { language: 'zh-CN' },
}

describe('dispatch refuses what the contract does not allow, before any handler runs', () => {
  it.each([
    'nope',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '',
    huge,
    42,
    null,
    undefined,
    {},
  ])('unknown method %#', async (method) => {
    const { handlers, calls } = spyHandlers()
    const answer = await dispatch(handlers, method, {})
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    expect(answer.ok ? '' : answer.error.message.length).toBeLessThan(200)
    expect(calls).toEqual([])
  })

  for (const method of methods) {
    const fields = Object.keys(valid[method])
    it.each(fields.flatMap((field) => hostileValues.map(([what, value]) => [field, what, value] as const)))(
      `${method}: %s as %s`,
      async (field, _what, value) => {
        const { handlers, calls } = spyHandlers()
        const answer = await dispatch(handlers, method, { ...valid[method], [field]: value })
        expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
        if (!answer.ok) {
          // Catalogued, naming the field; a value is quoted only by the period module, clipped.
          expect(answer.error.said?.id).toBe('requestRefused')
          expect(answer.error.message).toMatch(/^This request was refused: it/)
          expect(answer.error.message.length).toBeLessThan(400)
        }
        expect(calls).toEqual([])
      },
    )

    it(`${method}: extra fields, non-object arguments and prototype keys are refused`, async () => {
      const { handlers, calls } = spyHandlers()
      for (const args of [
        { ...valid[method], extra: 1 },
        // JSON.parse makes "__proto__" an own key, as a hostile IPC payload would.
        { ...JSON.parse('{"__proto__": {"polluted": true}}'), ...valid[method] },
        'a string',
        [valid[method]],
        42,
      ]) {
        const answer = await dispatch(handlers, method, args)
        expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      }
      expect(calls).toEqual([])
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  }

  it('a handler that throws an unexpected error answers INTERNAL in plain words, its own text left to the log', async () => {
    const { handlers } = spyHandlers()
    handlers.listDatasets = async () => {
      throw new Error(
        'Binder Error: Referenced column "x" not found in /home/u/.config/library/facts.parquet',
      )
    }
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    const answer = await dispatch(handlers, 'listDatasets', {})
    expect(quiet).toHaveBeenCalledWith('[dispatch] listDatasets failed', expect.any(Error))
    quiet.mockRestore()
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: english(say('unexpectedFailure')),
        said: { id: 'unexpectedFailure' },
      },
    })
  })

  it('a result that breaks the contract is not sent as if it were fine', async () => {
    const { handlers } = spyHandlers()
    handlers.listDatasets = async () => ({ datasets: 'not a list' }) as never
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    const answer = await dispatch(handlers, 'listDatasets', {})
    quiet.mockRestore()
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})

describe('periods are checked by the period module, never passed on to be ignored', () => {
  const okSeries = {
    dataset: 'china-trade',
    series: 'exports_usd',
    label: 'x',
    unit: 'USD bn',
    frequency: 'month',
  }

  it.each([
    ['getSeries', 'from', '2025-13'],
    ['getSeries', 'to', '2025-00'],
    ['getSeries', 'from', '2025-03..2025-01'],
    ['getObservations', 'period', '2025-13'],
    ['getHeadline', 'period', '2025-02..2025-01'],
    ['getBreakdown', 'from', '2025-13'],
  ] as const)('%s with %s %j answers INVALID_ARGUMENT, saying why', async (method, field, period) => {
    const { handlers, calls } = spyHandlers()
    const answer = await dispatch(handlers, method, { ...valid[method], [field]: period })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(answer.ok ? '' : answer.error.message).toMatch(/does not exist|end after it starts/)
    expect(calls).toEqual([])
  })

  it.each(['2025-11', '2025', '2025-Q2', '2025-01..2025-02'])(
    'getSeries with from %j reaches the handler',
    async (from) => {
      const { handlers, calls } = spyHandlers()
      handlers.getSeries = vi.fn(async () => {
        calls.push('getSeries')
        return { ...okSeries, points: [], sources: [] } as never
      })
      await dispatch(handlers, 'getSeries', { ...valid.getSeries, from })
      expect(calls).toEqual(['getSeries'])
    },
  )
})
