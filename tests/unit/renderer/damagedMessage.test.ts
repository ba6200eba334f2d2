// @vitest-environment happy-dom
/**
 * A damaged dataset's refusal (services/import/stored.ts) as the page shows it: in the page's language,
 * naming the dataset, from the envelope the engine answers with.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { damagedError } from '../../../electron/services/import/stored'
import type { DatasetEntry } from '../../../electron/services/import/library'
import { ApiErrorBodySchema, refused } from '../../../electron/shared/errors'
import { ApiError, call, messageOf } from '../../../renderer/src/api/client'
import { i18n } from '../../../renderer/src/i18n'

const entry = { title: 'BACI exports 2021', fileName: 'r-export-hs17-2021.csv' } as DatasetEntry

/** What the page catches when getBreakdown is refused: the bridge answers the engine's envelope. */
async function thrown(): Promise<unknown> {
  const envelope = refused(damagedError(entry))
  Object.defineProperty(window, 'trade', {
    value: { getBreakdown: async () => envelope },
    configurable: true,
  })
  return call('getBreakdown', {
    dataset: 'baci',
    reporter: 'afg',
    flow: 'exports',
    by: 'partner',
    top: 5,
  } as never).catch((e: unknown) => e)
}

afterEach(() => {
  i18n.global.locale.value = 'en'
})

describe('a damaged dataset’s refusal on the page', () => {
  it('crosses the boundary with its code and the dataset, and is worded in English and Chinese', async () => {
    expect(ApiErrorBodySchema.parse(damagedError(entry).body)).toMatchObject({
      code: 'DAMAGED',
      dataset: 'BACI exports 2021',
    })
    const error = await thrown()
    expect(error).toBeInstanceOf(ApiError)
    expect(messageOf(error)).toBe(
      'The stored copy of dataset "BACI exports 2021" is missing or damaged (a file in the library was removed or changed). Import r-export-hs17-2021.csv again to rebuild it. Nothing else was changed.',
    )
    i18n.global.locale.value = 'zh-CN'
    expect(messageOf(error)).toBe(
      '数据集“BACI exports 2021”在资料库中保存的副本缺失或已损坏（资料库中的某个文件被删除或改动）。请重新导入 r-export-hs17-2021.csv 以重建。其他内容均未改动。',
    )
  })

  it('other refusals keep the engine’s words', async () => {
    expect(messageOf(new ApiError('NOT_FOUND', 'There is no imported dataset called "x".'))).toBe(
      'There is no imported dataset called "x".',
    )
  })
})
