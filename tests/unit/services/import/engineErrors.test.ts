/**
 * A data-engine failure is told in plain words in both languages, whether a catalogued message explains
 * it or not: never DuckDB's own wording, never the path of the copy it read. The errors here are
 * DuckDB's own, raised by real queries over a real file, not texts written to look like them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { english, inFile } from '../../../../electron/shared/messages'
import { translateDuckDbError } from '../../../../electron/services/import/errors'
import { LEAKS } from '../../../support/leaks'
import { inChinese } from '../../../support/refusalWording'

const dir = mkdtempSync(join(tmpdir(), 'cte-engine-errors-'))
const file = join(dir, 'input-0.csv')
let instance: DuckDBInstance

beforeAll(async () => {
  writeFileSync(file, 'period,value\n2024-01,1.5\n2024-02,2.5\n')
  instance = await DuckDBInstance.create(':memory:')
})
afterAll(() => {
  instance.closeSync()
  rmSync(dir, { recursive: true, force: true })
})

/** DuckDB's error for a query, as the import's SQL would catch it. */
async function engineError(sql: string): Promise<Error> {
  const connection = await instance.connect()
  try {
    await connection.run(sql)
  } catch (error) {
    return error as Error
  } finally {
    connection.closeSync()
  }
  throw new Error(`DuckDB answered ${sql}`)
}

const path = file.replace(/'/g, "''")
const UNEXPLAINED = [
  // A plain CSV read as Zstandard: what a misnamed .zst download gives.
  `SELECT * FROM read_csv('${path}', compression = 'zstd')`,
  `SELECT * FROM read_csv('${path}', encoding = 'klingon')`,
  `SELECT * FROM read_csv('${path}', delim = 'abcdefg')`,
  'SELECT * FROM staged_rows',
]

describe('a failure no message explains', () => {
  it.each(UNEXPLAINED)('is told in plain words in English and Chinese: %s', async (sql) => {
    const error = await engineError(sql)
    const { message, unexplained } = translateDuckDbError(error, ['period', 'value'])
    const said = inFile('trade.csv', message)
    const texts = [english(said), inChinese(said) ?? '']
    expect(texts[0]).toMatch(/^trade\.csv: could not be read: .+ Nothing was saved\./)
    expect(texts[1]).toMatch(/^trade\.csv：无法读取：/)
    for (const text of texts) {
      expect(text).not.toMatch(LEAKS)
      expect(text).not.toContain(dir)
      // None of DuckDB's own terms on its first line come through (its longer words: delimiter, descriptor).
      const first = error.message.split('\n')[0]!
      for (const word of first.split(/\W+/).filter((w) => w.length >= 7 && !/[A-Z]{3}/.test(w)))
        expect(text.toLowerCase()).not.toContain(word.toLowerCase())
    }
    // Its own text is kept for the log.
    expect(unexplained).toBe(error.message.split('\n')[0])
  })

  it('names the line where DuckDB named one', async () => {
    // The kind of text a CSV error carries, with a line, in words no message here explains.
    const error = new Error(
      `Invalid Input Error: CSV Error on Line: 1042\nOriginal Line: x\nSome new complaint of the sniffer\n  file = ${file}`,
    )
    const said = inFile('trade.csv', translateDuckDbError(error, ['period', 'value']).message)
    expect(english(said)).toMatch(/^trade\.csv: line 1 042: the data engine stopped on something here /)
    expect(inChinese(said)).toMatch(/^trade\.csv：第 1,042 行：数据引擎在此处遇到了/)
    expect(english(said)).not.toMatch(LEAKS)
  })

  it.each([
    [
      '{"not": "a table"',
      'at byte 18, the text ends before its last value is closed',
      '在第 18 字节处，文本在最后一个值闭合之前',
    ],
    ['{"a": tru}', 'at byte 7, there is a value JSON does not allow', '在第 7 字节处，有 JSON 不允许的值'],
    [
      '{"a": 1,,}',
      'at byte 9, there is a character JSON does not allow',
      '在第 9 字节处，有 JSON 不允许的字符',
    ],
    [
      '{"a": "x\\q"}',
      'at byte 10, there is a character JSON does not allow',
      '在第 10 字节处，有 JSON 不允许的字符',
    ],
  ])(
    'a JSON file DuckDB cannot read, %s, is refused at its byte in the app’s words',
    async (json, en, zh) => {
      const bad = join(dir, 'bad.json')
      writeFileSync(bad, json)
      const error = await engineError(`SELECT * FROM read_json('${bad.replace(/'/g, "''")}')`)
      const said = inFile('bad.json', translateDuckDbError(error, []).message)
      expect(english(said)).toContain(`bad.json: is not valid JSON: ${en}`)
      expect(inChinese(said)).toContain(`bad.json：这不是有效的 JSON：${zh}`)
      // DuckDB's words for it ("unexpected end of data", "invalid literal") stay out of both.
      const found = /: ([^:.]+)\.\s*$/.exec(error.message.split('\n')[0]!)![1]!
      for (const text of [english(said), inChinese(said) ?? '']) {
        expect(text).not.toContain(found)
        expect(text).not.toMatch(LEAKS)
      }
    },
  )

  it('a cancelled read says so in the page’s language', async () => {
    const { message, cancelled } = translateDuckDbError(new Error('INTERRUPT Error: Interrupted!'), [])
    expect(cancelled).toBe(true)
    expect(inChinese(inFile('trade.csv', message))).toBe('trade.csv：导入已取消。未保存任何内容。')
  })
})
