/**
 * Every message the services can refuse with (the one catalogue, electron/shared/messages.ts) has an
 * English and a Chinese text for the page, with the same parameters; the page's English is the
 * services' English; and neither language names an internal path or repeats a library's wording.
 */
import { describe, expect, it } from 'vitest'
import {
  english,
  messageIds,
  say,
  serviceMessages,
  type MessageId,
  type Said,
} from '../../../electron/shared/messages'
import { parsePeriodLabel } from '../../../electron/shared/periods'
import refusals from '../../../renderer/src/i18n/messages/refusals'
import { wordRefusal } from '../../../renderer/src/lib/refusals'
import { LEAKS } from '../../support/leaks'
import { refusalWording as wording } from '../../support/refusalWording'

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()
const texts = (locale: 'en' | 'zh-CN') => refusals[locale].refusals as Record<string, string>

/** The message with each parameter named by itself, e.g. "column «column» has no name…". */
const sample = (id: MessageId): Said => ({
  id,
  params: Object.fromEntries(slots(serviceMessages[id]).map((s) => [s, `«${s}»`])),
})

describe('the refusal catalogue', () => {
  it('lists a good number of messages, each id once', () => {
    expect(messageIds.length).toBeGreaterThan(60)
    expect(new Set(messageIds).size).toBe(messageIds.length)
  })

  it.each(messageIds)('%s has English and Chinese texts with the same parameters', (id) => {
    const en = texts('en')[id]
    const zh = texts('zh-CN')[id]
    expect(en).toBe(serviceMessages[id])
    expect(zh, `no Chinese text for ${id}`).toEqual(expect.any(String))
    expect(slots(zh!)).toEqual(slots(en!))
    // Chinese punctuation is full-width; the ASCII quote is the character a message names.
    expect(zh!.replace(/\{\w+\}/g, '')).not.toMatch(/[,;:()!?]|[^.]\.$|'/)
  })

  it.each(messageIds)('%s reads on the page as the services write it in English', (id) => {
    expect(wordRefusal(sample(id), wording('en'))).toBe(english(sample(id)))
  })

  it.each(messageIds)('%s names no internal path and no library’s wording, in either language', (id) => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = wordRefusal(sample(id), wording(locale))
      expect(text).toEqual(expect.any(String))
      expect(text).not.toMatch(LEAKS)
    }
  })

  it('words nested messages, numbers and lists in the page’s language', () => {
    const refusal = say('inFile', {
      file: 'trade.csv',
      detail: say('atLine', {
        line: 1042,
        detail: say('notNumberInColumn', { value: 'n/a', column: say('namedColumn', { name: 'Value' }) }),
      }),
    })
    expect(english(refusal)).toBe("trade.csv: line 1 042: 'n/a' is not a number in column Value.")
    expect(wordRefusal(refusal, wording('en'))).toBe(
      "trade.csv: line 1,042: 'n/a' is not a number in column Value.",
    )
    expect(wordRefusal(refusal, wording('zh-CN'))).toBe(
      'trade.csv：第 1,042 行：“Value”列中的“n/a”不是数字。',
    )
    const sheets = say('noSuchSheet', { sheet: 'Exports', sheets: { list: ['进口', '说明'] } })
    expect(english(sheets)).toBe('has no sheet named Exports; its sheets are 进口, 说明.')
    expect(wordRefusal(sheets, wording('zh-CN'))).toBe(
      '没有名为“Exports”的工作表；它的工作表有：进口、说明。',
    )
  })

  it('says why a label is not a period in the page’s language, its years through the period module', () => {
    const why = (label: string) => {
      const reading = parsePeriodLabel(label)
      if (!('refused' in reading)) throw new Error(`${label} was read`)
      return say('badPeriod', { column: say('namedColumn', { name: 'Year' }), why: reading.refused })
    }
    const reads =
      ' The app reads years (2024), quarters (2024Q1) and months (2024-03, 202403, 2024M03, March 2024, Mar-2024).'
    const readsZh =
      '应用能读取年份（2024）、季度（2024Q1）和月份（2024-03、202403、2024M03、March 2024、Mar-2024）。'
    expect(english(why('FY2001'))).toBe(
      `column Year: "FY2001" looks like a fiscal or split year; the app reads calendar years.${reads}`,
    )
    expect(wordRefusal(why('FY2001'), wording('zh-CN'))).toBe(
      `“Year”列：“FY2001”看起来是财政年度或跨年年度；应用只读取日历年。${readsZh}`,
    )
    expect(english(why('0999'))).toBe(`column Year: the year 0999 is outside 1000–9999.${reads}`)
    expect(wordRefusal(why('0999'), wording('zh-CN'))).toBe(
      `“Year”列：年份 0999 不在 1000年至9999年的范围内。${readsZh}`,
    )
  })

  it('an id the page does not know is left to the English text', () => {
    const unknown = { id: 'fromANewerEngine', params: {} } as unknown as Said
    expect(wordRefusal(unknown, wording('zh-CN'))).toBeNull()
    expect(wordRefusal(say('inFile', { file: 'a.csv', detail: unknown }), wording('zh-CN'))).toBeNull()
  })
})
