/**
 * The notes the app writes on points, in Chinese: every note the transforms write on a series with
 * gaps, a combined Jan–Feb and a zero, and an imported file's sums, is shown through the message
 * catalogue (no Latin words left); English shows them as written; a note quoted from the data stays.
 */
import { describe, expect, it } from 'vitest'
import explorerMessages from '../../../renderer/src/i18n/messages/explorer'
import { periodBounds } from '@shared/periods'
import { sumNote } from '@shared/sumNote'
import { pointNoteText } from '../../../renderer/src/lib/pointNotes'
import {
  indexTo,
  janFebAverage,
  monthOnMonth,
  quarterOnQuarter,
  movingAverage3,
  rolling12,
  shareOf,
  yearOnYear,
  yearToDate,
  type TPoint,
} from '../../../renderer/src/lib/transforms'

const p = (period: string, value: number | null): TPoint => {
  const b = periodBounds(period)!
  return { period, start: b.start, end: b.end, value, kind: 'published', sourceIds: ['s'] }
}

// Two years of months with a gap, a zero and a combined Jan–Feb: every transform writes its notes.
const levels = [
  p('2023-01', 0),
  p('2023-02', 5),
  ...['03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => p(`2023-${m}`, 10)),
  p('2024-01..2024-02', 30),
  p('2024-03', null),
  ...['04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => p(`2024-${m}`, 12)),
  p('2025-01', 3),
]
const quarters = ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3'].map((q) =>
  p(q, q === '2024-Q2' ? null : 10),
)
const notes = new Set(
  [
    yearOnYear(levels),
    yearToDate(levels),
    rolling12(levels),
    movingAverage3(levels),
    monthOnMonth(levels),
    indexTo(levels, '2023-05'),
    indexTo(levels, '2024-01..2024-02'),
    shareOf(levels, levels.slice(3)),
    janFebAverage(levels),
    // Quarters with a gap: the quarterly notes, and q/q asked of months.
    yearOnYear(quarters),
    yearToDate(quarters),
    yearToDate(quarters.filter((q) => q.period !== '2024-Q2')),
    rolling12(quarters),
    quarterOnQuarter(quarters),
    quarterOnQuarter(levels),
  ]
    .flat()
    .map((x) => x.note)
    .filter((n): n is string => !!n),
)
notes.add(sumNote({ kind: 'world' }, 12))
notes.add(sumNote({ kind: 'bloc', label: 'ASEAN', members: 10 }, 6))
notes.add(sumNote({ kind: 'bloc', label: 'Latin America and the Caribbean', members: 33 }, 1))

/** vue-i18n's `t` over the explorer's messages: `{name}` filled in. */
const i18n = (locale: 'en' | 'zh-CN') => ({
  t: (key: string, params: Record<string, unknown> = {}) => {
    const text = key
      .split('.')
      .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], explorerMessages[locale]) as string
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]))
  },
})

describe('point notes in the reader language', () => {
  it('shows every note the app writes in Chinese, with no English left', () => {
    expect(notes.size).toBeGreaterThan(12)
    const { t } = i18n('zh-CN')
    for (const note of notes) expect(pointNoteText(note, t, 'zh-CN'), note).not.toMatch(/[A-Za-z]{2,}/)
    expect(pointNoteText(sumNote({ kind: 'bloc', label: 'ASEAN', members: 10 }, 6), t, 'zh-CN')).toBe(
      '计算值：文件所列东盟 6 个成员之和（共 10 个成员）',
    )
    expect(pointNoteText('% change on the same quarter a year before (2023-Q1)', t, 'zh-CN')).toBe(
      '与上年同季度（2023年第一季度）相比的变化 %',
    )
    expect(pointNoteText('sum of the quarters 2024-Q1 to 2024-Q3', t, 'zh-CN')).toBe(
      '2024年第一季度至2024年第三季度各季度之和',
    )
  })

  it('shows them as written in English, and a note quoted from the data as written in any language', () => {
    const { t } = i18n('en')
    for (const note of notes) if (!note.includes('Jan–Feb')) expect(pointNoteText(note, t, 'en')).toBe(note)
    expect(pointNoteText('Revised in the March release', i18n('zh-CN').t, 'zh-CN')).toBe(
      'Revised in the March release',
    )
  })
})
