/**
 * Paged answers (shared/paging.ts, services/paging.ts): a list longer than a page comes in pages that
 * add up to the whole list exactly, and a cursor the engine did not hand out for this very list (made
 * up, damaged, from another list, or from before the list changed) is refused in plain words.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/dispatch'
import { createHandlers, type Handlers } from '../../../electron/handlers'
import { pageFrom } from '../../../electron/services/paging'
import type { SeriesInfo } from '../../../electron/shared/api'
import { AppError } from '../../../electron/shared/errors'
import { PAGE_SIZE_MAX } from '../../../electron/shared/paging'
import { fixture, openTestServices, repo, type TestServices } from './import/helpers'

const refusal = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return { code: (error as AppError).code, message: (error as AppError).message }
  }
  throw new Error('not refused')
}

describe('pageFrom', () => {
  const list = Array.from({ length: 450 }, (_, i) => ({ n: i }))

  it('cuts a list into pages of the cap, in order, that add up to the whole list', () => {
    const pages = []
    let cursor: string | undefined
    do {
      const page = pageFrom(list, 'numbers', { cursor })
      pages.push(page)
      cursor = page.next ?? undefined
    } while (cursor)
    expect(pages.map((p) => p.items.length)).toEqual([PAGE_SIZE_MAX, PAGE_SIZE_MAX, 50])
    expect(pages.flatMap((p) => p.items)).toEqual(list)
    expect(pages.map((p) => p.total)).toEqual([450, 450, 450])
    expect(pages[2]!.next).toBeNull()
  })

  it('takes a smaller limit, never a larger one than the cap', () => {
    expect(pageFrom(list, 'numbers', { limit: 7 }).items).toEqual(list.slice(0, 7))
    expect(pageFrom(list, 'numbers', { limit: 10_000 }).items).toHaveLength(PAGE_SIZE_MAX)
    expect(pageFrom([], 'numbers', {})).toEqual({ items: [], next: null, total: 0 })
  })

  it('refuses a made-up or damaged cursor in plain words', () => {
    const good = pageFrom(list, 'numbers', { limit: 10 }).next!
    const forged = (body: unknown) => Buffer.from(JSON.stringify(body)).toString('base64url')
    for (const cursor of [
      'abc',
      good.slice(0, -3),
      `${good}x`,
      Buffer.from('not json').toString('base64url'),
      forged({ v: 1, l: '0123456789abcdef', at: 10, extra: 1 }),
      forged({ v: 2, l: '0123456789abcdef', at: 10 }),
      forged({ v: 1, l: '0123456789abcdef', at: -1 }),
      forged({ v: 1, l: '0123456789abcdef', at: 1.5 }),
      forged({ v: 1, l: "'; DROP TABLE x; --", at: 10 }),
      forged([1, 2, 3]),
      forged(null),
    ]) {
      expect(
        refusal(() => pageFrom(list, 'numbers', { cursor })),
        cursor,
      ).toEqual({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(/^This page cursor is not one the app handed out .*first page\.$/),
      })
    }
  })

  it('refuses a cursor of another list, or of this list before it changed', () => {
    const cursor = pageFrom(list, 'numbers', { limit: 10 }).next!
    const otherList = /^This page cursor belongs to another list, or the list has changed/
    expect(refusal(() => pageFrom(list, 'letters', { cursor })).message).toMatch(otherList)
    expect(refusal(() => pageFrom([...list, { n: 450 }], 'numbers', { cursor })).message).toMatch(otherList)
    expect(refusal(() => pageFrom(list.slice(1), 'numbers', { cursor })).message).toMatch(otherList)
    // The same list, unchanged, goes on where it left off.
    expect(pageFrom(list, 'numbers', { cursor, limit: 2 }).items).toEqual([{ n: 10 }, { n: 11 }])
  })
})

describe('paged answers through dispatch, on an imported file with a series for every country', () => {
  let t: TestServices
  let handlers: Handlers
  let dataset: string
  const countries = readFileSync(join(repo, 'data', 'codes', 'countries.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter(([iso3, m49]) => /^[A-Z]{3}$/.test(iso3!) && /^\d+$/.test(m49!) && iso3 !== 'WLD')

  beforeAll(async () => {
    t = await openTestServices()
    handlers = createHandlers(t.services)
    // Comtrade Plus layout: every country reports its exports to and imports from the World, one month.
    const header = readFileSync(fixture('comtrade-plus-china-2024.csv'), 'utf8').split('\n')[0]
    const rows = countries.flatMap(([iso3, m49], i) =>
      ['X', 'M'].map(
        (flow) =>
          `C,M,20240101,2024,1,202401,${m49},${iso3},,${flow},,0,W00,World,0,W00,World,H6,HS,True,TOTAL,All Commodities,0,False,C00,TOTAL CPC,0,0,TOTAL MOT,-1,N/A,,False,-1,N/A,,False,,False,,False,,${1000 + i},${1000 + i},0,True,True`,
      ),
    )
    const file = join(t.userDataDir, 'every-country-2024-01.csv')
    writeFileSync(file, `${header}\n${rows.join('\n')}\n`)
    const outcome = await t.importPath(file)
    expect(outcome.status).toBe('imported')
    dataset = outcome.dataset!.id
  }, 120_000)
  afterAll(() => t?.close())

  const page = async (method: 'listSeries' | 'listImports', args: Record<string, unknown>) => {
    const answer = await dispatch(handlers, method, args)
    if (!answer.ok) throw new Error(answer.error.message)
    return answer.data as { items: unknown[]; next: string | null; total: number }
  }

  it('lists every series in pages of at most the cap, which add up to the whole list', async () => {
    const whole = await t.services.imports.listSeries(dataset)
    expect(whole.length).toBeGreaterThan(2 * PAGE_SIZE_MAX) // at least three pages
    const pages = []
    let cursor: string | undefined
    do {
      const p = await page('listSeries', { dataset, ...(cursor ? { cursor } : {}) })
      pages.push(p)
      cursor = p.next ?? undefined
    } while (cursor)
    expect(pages.length).toBe(Math.ceil(whole.length / PAGE_SIZE_MAX))
    expect(pages.every((p) => p.items.length <= PAGE_SIZE_MAX && p.total === whole.length)).toBe(true)
    const items = pages.flatMap((p) => p.items as SeriesInfo[])
    expect(items).toEqual(whole)
    expect(new Set(items.map((s) => `${s.reporter} ${s.flow} ${s.frequency}`)).size).toBe(items.length)
    // Every country's exports are there, none cut off.
    expect(items.filter((s) => s.flow === 'exports')).toHaveLength(countries.length)
  })

  it('refuses a hostile cursor before or in the engine, as INVALID_ARGUMENT in plain words', async () => {
    const cases: [unknown, RegExp][] = [
      [
        '../../etc/passwd',
        /its field cursor should hold letters, digits, - and _ only, as the previous page gave it\./,
      ],
      ['x'.repeat(5000), /its field cursor should hold at most 200 characters\./],
      [42, /its field cursor should hold text\./],
      ['AAAA', /This page cursor is not one the app handed out/],
      [(await page('listSeries', { dataset: 'china-trade', limit: 5 })).next, /belongs to another list/],
    ]
    for (const [cursor, message] of cases) {
      const answer = await dispatch(handlers, 'listSeries', { dataset, cursor })
      expect(answer, String(cursor).slice(0, 40)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) },
      })
      expect(JSON.stringify(answer)).not.toMatch(/zod|ZodError|\/tmp|\\|at Object/)
    }
    const tooMany = await dispatch(handlers, 'listSeries', { dataset, limit: PAGE_SIZE_MAX + 1 })
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })

  it('refuses a library cursor once an import has changed the library', async () => {
    const first = await page('listImports', { limit: 1 })
    expect(first.total).toBe(1)
    expect(first.next).toBeNull()
    const again = await t.importPath(fixture('comtrade-plus-china-2024.csv'))
    expect(again.status).toBe('imported')
    const before = await page('listImports', { limit: 1 })
    expect(before.total).toBe(2)
    const second = await page('listImports', { limit: 1, cursor: before.next })
    expect([...before.items, ...second.items]).toEqual((await page('listImports', {})).items)
    await t.services.imports.remove(again.dataset!.id)
    const stale = await dispatch(handlers, 'listImports', { limit: 1, cursor: before.next })
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/the list has changed/) },
    })
  })
})
