import { describe, expect, it } from 'vitest'
import messages from '../../../renderer/src/i18n/messages/explore'
import { packageText, sourceTitleText, versionText } from '../../../renderer/src/lib/packageText'

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

describe("an imported dataset in the reader's words", () => {
  /** The messages' own text for a key, filled in as vue-i18n does. */
  const translate =
    (locale: 'en' | 'zh-CN') =>
    (key: string, values: Record<string, string>): string => {
      const text = (messages[locale].explore as unknown as Record<string, string>)[
        key.replace('explore.', '')
      ]!
      return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!)
    }

  it('names the version and the import date in the language, the number and date kept', () => {
    expect(versionText('2 (imported 2026-12-01)', translate('zh-CN'))).toBe('2（2026-12-01 导入）')
    expect(versionText('2 (imported 2026-12-01)', translate('en'))).toBe('2 (imported 2026-12-01)')
    expect(versionText('1.0.0', translate('zh-CN'))).toBe('1.0.0')
  })

  it("keeps the file's name in its citation and says the rest in the language", () => {
    expect(sourceTitleText('Trade Data (v2).csv (imported 2026-12-01, version 3)', translate('zh-CN'))).toBe(
      'Trade Data (v2).csv（2026-12-01 导入，版本 3）',
    )
    // A published title is a citation: never rewritten.
    expect(sourceTitleText('China exports rebound (Reuters, 2025-12-08)', translate('zh-CN'))).toBe(
      'China exports rebound (Reuters, 2025-12-08)',
    )
  })
})
