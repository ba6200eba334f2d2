import { describe, expect, it } from 'vitest'
import { packageText } from '../../../renderer/src/lib/packageText'

describe('packageText', () => {
  const item = {
    title: 'Sources',
    description: 'Every source an observation cites.',
    translations: { 'zh-CN': { title: '来源' } },
  }

  it("gives the package's words in the reader's language, each falling back to the English", () => {
    expect(packageText(item, 'zh-CN')).toEqual({
      title: '来源',
      description: 'Every source an observation cites.',
    })
    expect(packageText(item, 'en')).toEqual({
      title: 'Sources',
      description: 'Every source an observation cites.',
    })
  })

  it('finds a translation by the bare language when the region differs', () => {
    expect(packageText({ title: 'Sources', translations: { zh: { title: '来源' } } }, 'zh-CN').title).toBe(
      '来源',
    )
  })

  it('keeps text that has no translations (an imported dataset) as written', () => {
    expect(packageText({ title: 'my-file.csv' }, 'zh-CN')).toEqual({ title: 'my-file.csv', description: '' })
  })
})
