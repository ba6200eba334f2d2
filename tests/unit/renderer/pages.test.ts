// @vitest-environment happy-dom
/**
 * The renderer's side of paged answers (api/client.ts, callAllPages): a caller that needs a whole list
 * follows the cursors page by page. The fake bridge pages as the engine does (pages of the cap, an
 * opaque next cursor, null on the last page; every answer checked against the contract), with a cursor
 * of its own making: the engine's cursor code is Node's, not the page's.
 */
import { describe, expect, it } from 'vitest'
import { ApiError, callAllPages } from '../../../renderer/src/api/client'
import type { SeriesInfo } from '../../../electron/shared/api'
import { PAGE_SIZE_MAX } from '../../../electron/shared/paging'
import { answer, installBridge } from '../../support/fakeBridge'

const info = (i: number): SeriesInfo => ({
  series: `exports_r${i}_world`,
  label: `Reporter ${i} exports`,
  reporter: `r${i}`,
  flow: 'exports',
  partner: 'world',
  product: 'all',
  measure: 'level',
  unit: 'USD',
  frequency: 'month',
  observations: 12,
  firstPeriod: '2024-01',
  lastPeriod: '2024-12',
  projection: false,
})

function serve(list: SeriesInfo[], failOnPage?: number) {
  const asked: unknown[] = []
  installBridge({
    listSeries: async (args: { dataset: string; cursor?: string }) => {
      asked.push(args)
      if (asked.length === failOnPage)
        return { ok: false, error: { code: 'ENGINE_STOPPED', message: 'The data engine stopped.' } }
      const at = args.cursor ? Number(args.cursor.slice(1)) : 0
      const end = at + PAGE_SIZE_MAX
      return answer('listSeries', {
        items: list.slice(at, end),
        next: end < list.length ? `p${end}` : null,
        total: list.length,
      })
    },
  })
  return asked
}

describe('callAllPages', () => {
  it('follows the cursors to the last page and returns the whole list in order', async () => {
    const list = Array.from({ length: 2 * PAGE_SIZE_MAX + 37 }, (_, i) => info(i))
    const asked = serve(list)
    expect(await callAllPages('listSeries', { dataset: 'big' })).toEqual(list)
    expect(asked).toHaveLength(3)
    expect(asked[0]).toEqual({ dataset: 'big' })
    expect(asked.slice(1)).toEqual([
      { dataset: 'big', cursor: expect.any(String) },
      { dataset: 'big', cursor: expect.any(String) },
    ])
  })

  it('asks once for a list that fits one page', async () => {
    const asked = serve([info(1)])
    expect(await callAllPages('listSeries', { dataset: 'small' })).toEqual([info(1)])
    expect(asked).toHaveLength(1)
  })

  it('a page that fails fails the whole call: never half a list', async () => {
    serve(
      Array.from({ length: 3 * PAGE_SIZE_MAX }, (_, i) => info(i)),
      2,
    )
    const error = await callAllPages('listSeries', { dataset: 'big' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'ENGINE_STOPPED' })
  })

  it('stops a list that never ends instead of looping', async () => {
    let calls = 0
    installBridge({
      listSeries: async () => {
        calls++
        return answer('listSeries', { items: [info(calls)], next: `c${calls}`, total: 1e9 })
      },
    })
    await expect(callAllPages('listSeries', { dataset: 'endless' })).rejects.toMatchObject({
      code: 'DATA_ERROR',
      message: expect.stringMatching(/too long to show/),
    })
    expect(calls).toBe(250)
  })
})
