// @vitest-environment happy-dom
/**
 * The refusals' texts are not part of the page's first code (the Explorer's first chart waits for every
 * byte of it): they load on their own. A refusal the page catches before they have loaded is still
 * shown in the page's language, because the call that throws it waits for them first.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { AppError, refused } from '../../../electron/shared/errors'
import { inFile, say } from '../../../electron/shared/messages'
import { ApiError, call, messageOf } from '../../../renderer/src/api/client'
import { i18n } from '../../../renderer/src/i18n'

afterEach(() => {
  i18n.global.locale.value = 'en'
  Reflect.deleteProperty(window, 'trade')
})

describe('the refusals’ texts, loaded apart from the first chart', () => {
  it('are not among the page’s messages at start, and a refusal caught then reads in Chinese', async () => {
    expect(i18n.global.te('refusals.fileEmpty', 'zh-CN')).toBe(false)
    expect(i18n.global.te('refusals.fileEmpty', 'en')).toBe(false)
    i18n.global.locale.value = 'zh-CN'
    const envelope = refused(new AppError('INVALID_ARGUMENT', inFile('book.csv', say('fileEmpty'))))
    Object.defineProperty(window, 'trade', {
      value: { getDimensions: async () => envelope },
      configurable: true,
    })

    const error = await call('getDimensions', { dataset: 'book' }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).message).toBe('book.csv: is empty.')
    expect(messageOf(error)).toBe('book.csv：文件为空。')
    i18n.global.locale.value = 'en'
    expect(messageOf(error)).toBe('book.csv: is empty.')
  })

  it('word the page’s own refusals in English and Chinese', async () => {
    const error = await call('getDimensions', { dataset: 'book' }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).message).toBe(
      'The app cannot reach its data: the bridge to the main process is missing.',
    )
    i18n.global.locale.value = 'zh-CN'
    expect(messageOf(error)).toBe('应用无法访问其数据：与主进程的连接缺失。')
  })
})
