/**
 * A data-engine failure that no catalogued message explains is still told in plain words, in both
 * languages: never DuckDB's own wording, never the path of the copy it read. The errors here are
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

  it('a cancelled read says so in the page’s language', async () => {
    const { message, cancelled } = translateDuckDbError(new Error('INTERRUPT Error: Interrupted!'), [])
    expect(cancelled).toBe(true)
    expect(inChinese(inFile('trade.csv', message))).toBe('trade.csv：导入已取消。未保存任何内容。')
  })
})
