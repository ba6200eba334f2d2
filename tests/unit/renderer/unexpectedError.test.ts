// @vitest-environment happy-dom
/**
 * What the page shows for an error that is not a refusal of the app's own (the browser's or a
 * library's, always in English and in its own terms): a catalogued message in the page's language.
 * The error's own text goes to the console, where whoever looks into it can read it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, messageOf } from '../../../renderer/src/api/client'
import { i18n } from '../../../renderer/src/i18n'

afterEach(() => {
  i18n.global.locale.value = 'en'
  vi.restoreAllMocks()
})

describe('an error the app did not word itself', () => {
  it('is shown in the page’s words and language, its own text sent to the console', () => {
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => {})
    const thrown = new TypeError('Failed to fetch dynamically imported module: app://renderer/assets/x.js')
    expect(messageOf(thrown)).toBe('Something went wrong inside the app, and this was not done. Try again.')
    expect(console).toHaveBeenCalledWith(thrown)
    i18n.global.locale.value = 'zh-CN'
    const refused = new DOMException('Write permission denied.', 'NotAllowedError')
    expect(messageOf(refused)).toBe('应用内部出错，此操作未完成。请重试。')
    expect(messageOf('a thrown string')).toBe('应用内部出错，此操作未完成。请重试。')
    expect(console).toHaveBeenCalledWith(refused)
  })

  it('a refusal from the services keeps its message', () => {
    expect(messageOf(new ApiError('NOT_FOUND', 'There is no imported dataset called "x".'))).toBe(
      'There is no imported dataset called "x".',
    )
  })
})
