/**
 * getSeriesBatch: several series in one call, through the real dispatch (zod at the boundary) and the
 * real handler registry, over the bundled package and an imported file. Each answer must be exactly
 * what getSeries answers for the same query, in the order asked; a query getSeries refuses is that
 * answer's error, and the others still come.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/dispatch'
import { createHandlers, type Handlers } from '../../../electron/handlers'
import { MAX_SERIES_BATCH, type SeriesQuery } from '../../../electron/shared/api'
import type { Envelope } from '../../../electron/shared/errors'
import { fixture, openTestServices, type TestServices } from './import/helpers'

let t: TestServices
let handlers: Handlers
let imported: string

beforeAll(async () => {
  t = await openTestServices()
  handlers = createHandlers(t.services)
  const outcome = await t.importPath(fixture('comtrade-plus-china-2024.csv'))
  if (outcome.status !== 'imported' || !outcome.dataset) throw new Error('the fixture did not import')
  imported = outcome.dataset.id
})
afterAll(() => t.close())

const call = (method: string, args: unknown) => dispatch(handlers, method, args)
const data = <T>(envelope: Envelope<unknown>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.data as T
}

const monthly = (flow: string, patch: Partial<SeriesQuery> = {}): SeriesQuery => ({
  dataset: 'china-trade',
  flow,
  unit: 'USD bn',
  ...patch,
})

describe('getSeriesBatch', () => {
  it('answers each query exactly as getSeries does, in the order asked, across datasets and frequencies', async () => {
    const [first] = data<{ items: { reporter: string; flow: string; partner: string; frequency: string }[] }>(
      await call('listSeries', { dataset: imported }),
    ).items
    if (!first) throw new Error('the imported file has no series')
    const queries: SeriesQuery[] = [
      monthly('exports'),
      monthly('imports', { from: '2024-01', to: '2024-12' }),
      monthly('balance'),
      { dataset: 'china-trade', flow: 'exports', measure: 'yoy' },
      { dataset: 'china-trade', flow: 'exports', frequency: 'year', unit: 'USD bn' },
      {
        dataset: imported,
        reporter: first.reporter,
        flow: first.flow,
        partner: first.partner,
        frequency: first.frequency as SeriesQuery['frequency'],
      },
    ]
    const batch = data<unknown[]>(await call('getSeriesBatch', { queries }))
    const one = await Promise.all(queries.map(async (q) => ({ series: data(await call('getSeries', q)) })))
    expect(batch).toEqual(one)
    // Real data, not empty answers: years of China's monthly exports; 2024 alone when asked for 2024.
    const points = (i: number) => (one[i]!.series as { points: { period: string }[] }).points
    expect(points(0).length).toBeGreaterThan(60)
    expect(points(1).length).toBeGreaterThan(0)
    expect(points(1).every((p) => p.period.startsWith('2024'))).toBe(true)
    expect((one[5]!.series as { dataset: string }).dataset).toBe(imported)
  })

  it('gives a refused query its own error and still answers the others', async () => {
    const queries: SeriesQuery[] = [
      monthly('exports'),
      // Rare earths are published in tonnes, not dollars: getSeries answers NOT_FOUND.
      monthly('exports', { product: 'rare_earths' }),
      { dataset: 'no-such-dataset', flow: 'exports' },
      monthly('imports'),
    ]
    const batch = data<Record<string, unknown>[]>(await call('getSeriesBatch', { queries }))
    expect(batch).toHaveLength(4)
    expect(batch[0]).toHaveProperty('series')
    expect(batch[3]).toHaveProperty('series')
    for (const [i, refused] of [
      [1, await call('getSeries', queries[1])],
      [2, await call('getSeries', queries[2])],
    ] as const) {
      expect(refused.ok).toBe(false)
      if (!refused.ok) expect(batch[i]).toEqual({ error: refused.error })
    }
    expect(batch[1]).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })

  it('refuses, before any query runs, an empty batch, one over the cap and one with a bad query', async () => {
    // In plain words, naming the field and what it should hold: never zod's own wording.
    const cases: [Record<string, unknown>, string][] = [
      [{ queries: [] }, 'its field queries should hold a list that is not empty.'],
      [
        { queries: Array.from({ length: MAX_SERIES_BATCH + 1 }, () => monthly('exports')) },
        `its field queries should hold at most ${MAX_SERIES_BATCH} items.`,
      ],
      [
        { queries: [monthly('exports'), { ...monthly('imports'), frequency: 'fortnight' }] },
        'its field queries.1.frequency should hold one of month, year, ytd, quarter.',
      ],
      [
        { queries: [monthly('exports'), { ...monthly('imports'), from: '2024-13' }] },
        'its field queries.1.from: month 13 does not exist (months are 01 to 12).',
      ],
      [{ queries: [{ ...monthly('exports'), extra: 1 }] }, 'it holds fields it should not: queries.0.extra.'],
      [{ queries: monthly('exports') }, 'its field queries should hold a list.'],
    ]
    for (const [args, reason] of cases) {
      const answer = await call('getSeriesBatch', args)
      expect(answer).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'INVALID_ARGUMENT',
          message: `This request was refused: ${reason}`,
        }),
      })
    }
    expect(
      data<unknown[]>(
        await call('getSeriesBatch', {
          queries: Array.from({ length: MAX_SERIES_BATCH }, () => monthly('exports')),
        }),
      ),
    ).toHaveLength(MAX_SERIES_BATCH)
  })
})
