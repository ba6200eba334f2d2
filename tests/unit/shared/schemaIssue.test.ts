/**
 * A snapshot the schema refuses is refused in plain words in both languages: the field as the file
 * names it and what it should hold, never zod's own wording. Table-driven: each row spoils one field of
 * a valid snapshot; the expected reasons are written here by hand.
 */
import { describe, expect, it } from 'vitest'
import { english } from '../../../electron/shared/messages'
import type { Snapshot } from '../../../electron/shared/snapshot'
import { parseSnapshot } from '../../../electron/shared/snapshotParse'
import { inChinese } from '../../support/refusalWording'
import { validSnapshot } from './workspaceFixtures'

type Doc = Record<string, any>
const doc = (): Doc => JSON.parse(JSON.stringify(validSnapshot())) as Doc
const ZOD_WORDING = /Invalid input|Too (small|big)|expected \w+, received|Unrecognized key|Invalid option/

const cases: [string, (d: Doc) => void, string, string][] = [
  [
    'a title that is a number',
    (d) => (d.title = 42),
    'its field title should hold text.',
    '其中的字段 title 应为文本。',
  ],
  ['no title', (d) => delete d.title, 'its field title is missing.', '其中缺少字段 title。'],
  [
    'HTML in the title',
    (d) => (d.title = '<img src=x onerror=alert(1)>'),
    'its field title should hold plain text, without HTML tags.',
    '其中的字段 title 应为不含 HTML 标签的纯文本。',
  ],
  [
    'a value that is text',
    (d) => (d.numbers.series[0].points[0].value = 'NaN'),
    'its field numbers.series.0.points.0.value should hold a number.',
    '其中的字段 numbers.series.0.points.0.value 应为数字。',
  ],
  [
    'a value JSON reads as Infinity (1e999)',
    (d) => (d.numbers.series[0].points[0].value = Infinity),
    'its field numbers.series.0.points.0.value should hold a finite number.',
    '其中的字段 numbers.series.0.points.0.value 应为有限的数字。',
  ],
  [
    'an image 1.5 pixels wide',
    (d) => (d.image.width = 1.5),
    'its field image.width should hold a whole number.',
    '其中的字段 image.width 应为整数。',
  ],
  [
    'an image 0 pixels high',
    (d) => (d.image.height = 0),
    'its field image.height should hold a number no less than 1.',
    '其中的字段 image.height 应为不小于 1 的数。',
  ],
  [
    'a point of an unknown kind',
    (d) => (d.numbers.series[0].points[0].kind = 'guessed'),
    'its field numbers.series.0.points.0.kind should hold one of published, computed, projected.',
    '其中的字段 numbers.series.0.points.0.kind 应为以下之一：published、computed、projected。',
  ],
  [
    'a period that does not exist',
    (d) => (d.numbers.series[0].points[0].period = '2025-13'),
    'its field numbers.series.0.points.0.period: month 13 does not exist (months are 01 to 12).',
    '其中的字段 numbers.series.0.points.0.period：',
  ],
  [
    'a source title longer than 500 characters',
    (d) => (d.sources[0].title = 'x'.repeat(501)),
    'its field sources.0.title should hold at most 500 characters.',
    '其中的字段 sources.0.title 应为至多 500 个字符。',
  ],
  [
    'a field no snapshot has',
    (d) => (d.script = 'x'),
    'it holds fields it should not: script.',
    '其中有不应有的字段：script。',
  ],
  [
    'an empty series key',
    (d) => (d.numbers.series[0].key = ''),
    'its field numbers.series.0.key should hold text that is not empty.',
    '其中的字段 numbers.series.0.key 应为非空文本。',
  ],
]

describe('a snapshot the schema refuses, in plain words', () => {
  it.each(cases)('%s', (_name, spoil, reason, chinese) => {
    const d = doc()
    spoil(d)
    const parsed = parseSnapshot(d)
    if (parsed.ok) throw new Error('the spoiled snapshot was accepted')
    const said = parsed.said
    expect(english(said)).toBe(`This snapshot cannot be opened: ${reason}`)
    const zh = inChinese(said)!
    expect(zh.startsWith(`无法打开此快照：${chinese}`)).toBe(true)
    expect(english(said)).not.toMatch(ZOD_WORDING)
    expect(zh).not.toMatch(ZOD_WORDING)
    expect(zh).not.toMatch(/[a-z]{4,} [a-z]{4,}/)
  })

  it('a valid snapshot is not refused (the table spoils a document that parses)', () => {
    const parsed = parseSnapshot(doc() as Snapshot)
    expect(parsed.ok).toBe(true)
  })
})
