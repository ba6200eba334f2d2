/** A snapshot file the app refuses, as a Chinese page shows it: the reason in Chinese, the file named. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { AppError } from '../../../electron/shared/errors'
import { SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION } from '../../../electron/shared/snapshot'
import { parseSnapshot } from '../../../electron/shared/snapshotParse'
import { openSnapshotService, readSnapshotFile } from '../../../electron/services/snapshots'
import { inChinese } from '../../support/refusalWording'

const dir = mkdtempSync(join(tmpdir(), 'cte-snapshot-refusals-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function refusal(name: string, content: string): Promise<{ english: string; chinese: string | null }> {
  const path = join(dir, name)
  writeFileSync(path, content)
  const error = (await readSnapshotFile(path).then(
    () => null,
    (e: unknown) => e,
  )) as AppError | null
  if (!error) throw new Error(`${name} was opened`)
  return { english: error.message, chinese: inChinese(error.said) }
}

describe('snapshot refusals in Chinese', () => {
  it('a file cut short', async () => {
    expect(await refusal('cut.ctesnap', '{"format": "')).toEqual({
      english: 'cut.ctesnap: This snapshot cannot be opened: it is not valid JSON (cut short or damaged).',
      chinese: 'cut.ctesnap：无法打开此快照：它不是有效的 JSON（内容被截断或已损坏）。',
    })
  })

  it('a file saved by a newer version of the app', async () => {
    const newer = SNAPSHOT_FORMAT_VERSION + 1
    const doc = JSON.stringify({ format: SNAPSHOT_FORMAT, formatVersion: newer })
    expect(await refusal('newer.ctesnap', doc)).toEqual({
      english: `newer.ctesnap: This snapshot cannot be opened: it was saved by a newer version of the app (format ${newer}); this version reads formats up to ${SNAPSHOT_FORMAT_VERSION}. Update the app to open it.`,
      chinese: `newer.ctesnap：无法打开此快照：它由更新版本的应用保存（格式 ${newer}）；此版本最多能读取格式 ${SNAPSHOT_FORMAT_VERSION}。请更新应用后再打开。`,
    })
  })

  it('a JSON file of another program', async () => {
    expect(await refusal('other.ctesnap', '{"format": "something-else"}')).toEqual({
      english:
        'other.ctesnap: This snapshot cannot be opened: it is not a China Trade Explorer snapshot (the "format" field is missing or different).',
      chinese: 'other.ctesnap：无法打开此快照：它不是中国贸易数据浏览器的快照（“format”字段缺失或不同）。',
    })
  })
})

describe('a snapshot whose content is not a snapshot’s, in Chinese: the field named, no schema wording', () => {
  // A real format 0 file (tests/fixtures/snapshots), migrated when it is opened.
  const v0 = () =>
    JSON.parse(readFileSync(new URL('../../fixtures/snapshots/v0-busan.ctesnap', import.meta.url), 'utf8'))

  it('a field of the wrong kind', async () => {
    const { chinese } = await refusal('v0-values.ctesnap', JSON.stringify({ ...v0(), values: 'x' }))
    expect(chinese).toBe(
      'v0-values.ctesnap：无法打开此快照：它看起来是格式 0 的快照，但其中的字段 values 应为列表。',
    )
  })

  it('a view that cannot be read', async () => {
    const doc = JSON.stringify({ ...v0(), state: 'dataset=china-trade&flows=../../etc&v=1' })
    expect(await refusal('v0-view.ctesnap', doc)).toEqual({
      english: 'v0-view.ctesnap: This snapshot cannot be opened: its view cannot be read.',
      chinese: 'v0-view.ctesnap：无法打开此快照：无法读取其中的视图。',
    })
  })

  it('a format 2 file whose embedded data is not an object', async () => {
    const doc = JSON.stringify({ format: SNAPSHOT_FORMAT, formatVersion: 2, embedded: 'x' })
    expect(await refusal('embedded.ctesnap', doc)).toEqual({
      english: 'embedded.ctesnap: This snapshot cannot be opened: its embedded data is not an object.',
      chinese: 'embedded.ctesnap：无法打开此快照：其中的内嵌数据不是对象。',
    })
  })

  it('today’s format with a title that is not text', async () => {
    const migrated = parseSnapshot(v0())
    if (!migrated.ok) throw new Error(migrated.message)
    const doc = JSON.stringify({ ...migrated.snapshot, title: 42 })
    expect(await refusal('title.ctesnap', doc)).toEqual({
      english: 'title.ctesnap: This snapshot cannot be opened: its field title should hold text.',
      chinese: 'title.ctesnap：无法打开此快照：其中的字段 title 应为文本。',
    })
  })
})

describe('a damaged snapshot in the library, in Chinese', () => {
  /** The library's snapshot s-damaged written as `content`, opened: moved aside, the reason in the page's language. */
  async function opened(content: string | Buffer | null) {
    const userDataDir = mkdtempSync(join(dir, 'library-'))
    mkdirSync(join(userDataDir, 'snapshots'))
    const file = join(userDataDir, 'snapshots', 's-damaged.ctesnap')
    // null: a folder where the file should be.
    if (content === null) mkdirSync(file)
    else writeFileSync(file, content)
    const service = await openSnapshotService({ userDataDir, currentVersion: () => null })
    const error = (await service.open('s-damaged').then(
      () => null,
      (e: unknown) => e,
    )) as AppError | null
    if (!error) throw new Error('the damaged snapshot was opened')
    const place = /moved to (quarantine\/s-damaged\.ctesnap\.\S+):/.exec(error.message)?.[1]
    if (!place) throw new Error(`no place in: ${error.message}`)
    return { place, english: error.message, chinese: inChinese(error.said) }
  }

  it('a file cut short: the JSON reason', async () => {
    const { place, ...said } = await opened('{"format": "')
    expect(said).toEqual({
      english: `The snapshot file s-damaged.ctesnap could not be read, so it was moved to ${place}: it is not valid JSON (cut short or damaged).`,
      chinese: `无法读取快照文件 s-damaged.ctesnap，已将它移到 ${place}：它不是有效的 JSON（内容被截断或已损坏）。`,
    })
  })

  it('a JSON file of another program: the document’s reason', async () => {
    const { place, ...said } = await opened('{"format": "something-else"}')
    expect(said).toEqual({
      english: `The snapshot file s-damaged.ctesnap could not be read, so it was moved to ${place}: it is not a China Trade Explorer snapshot (the "format" field is missing or different).`,
      chinese: `无法读取快照文件 s-damaged.ctesnap，已将它移到 ${place}：它不是中国贸易数据浏览器的快照（“format”字段缺失或不同）。`,
    })
  })

  it('a file that is not UTF-8 text: the storage’s reason, in Chinese too', async () => {
    // "Côte" as Latin-1 writes it: the ô is one byte (0xF4) that UTF-8 cannot start a character with.
    const { place, ...said } = await opened(Buffer.from([0x7b, 0x22, 0x43, 0xf4, 0x74, 0x65, 0x22, 0x7d]))
    expect(said).toEqual({
      english: `The snapshot file s-damaged.ctesnap could not be read, so it was moved to ${place}: it is not UTF-8 text.`,
      chinese: `无法读取快照文件 s-damaged.ctesnap，已将它移到 ${place}：它不是 UTF-8 文本。`,
    })
  })

  it('a folder in the file’s place: the storage’s reason, in Chinese too', async () => {
    const { place, ...said } = await opened(null)
    expect(said).toEqual({
      english: `The snapshot file s-damaged.ctesnap could not be read, so it was moved to ${place}: it is not a regular file.`,
      chinese: `无法读取快照文件 s-damaged.ctesnap，已将它移到 ${place}：它不是普通文件。`,
    })
  })
})
