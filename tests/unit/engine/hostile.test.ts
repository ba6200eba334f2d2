/**
 * The hostile corpus, one table, through the whole path (main's grants, the supervised engine process,
 * the import service): every case ends in a clear refusal or a correct import — never a crash of the
 * engine (a restart), an INTERNAL error, a hang, or a message with a path of this machine or a
 * library's own wording (DuckDB, zod).
 */
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/dispatch'
import type { Envelope } from '../../../electron/shared/errors'
import type { Mapping } from '../../../electron/shared/importApi'
import { openTestHost, type TestHost } from '../../support/engineHost'
import { repoRoot } from '../../support/webApp'

let t: TestHost
let dir: string
beforeAll(async () => {
  t = await openTestHost()
  dir = join(t.userDataDir, 'hostile')
  mkdirSync(dir)
}, 60_000)
afterAll(() => t?.close())

const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
const fixture = (name: string) => join(repoRoot, 'tests', 'fixtures', 'import', name)

/** No case may take longer than this (a hang is a failure, not a slow pass). */
const HANG_MS = 30_000

type Outcome =
  /** Refused when main grants it (before any reading), with this message. */
  | { refusedAtGrant: RegExp }
  /** Inspected and imported, or refused by either with this message. */
  | { refused: RegExp; by?: 'inspect' | 'import' }
  /** Imported; `rows` rows in the library. */
  | { imported: number }

interface Case {
  name: string
  make: () => string
  mapping?: Mapping
  /** Runs once the import has begun (its first progress event): another program at work. */
  whileImporting?: (path: string) => void
  outcome: Outcome
}

/** Two countries' rows, `columns` numeric columns: one per year up to 2024 (a wide layout), or plain names. */
const wide = (columns: number, names: 'years' | 'plain') => {
  const header = [
    'country',
    ...Array.from({ length: columns }, (_, i) =>
      names === 'years' ? `${2024 - columns + 1 + i}` : `v${i + 1}`,
    ),
  ]
  const row = (country: string, base: number) => [
    country,
    ...Array.from({ length: columns }, (_, i) => base + i),
  ]
  return `${header.join(',')}\n${row('CHN', 1000).join(',')}\n${row('USA', 5000).join(',')}\n`
}
const growing = () =>
  `year,reporter,partner,value\n${Array.from({ length: 200_000 }, (_, i) => `${2000 + (i % 20)},CHN,USA,${i}`).join('\n')}\n`
const longMapping: Mapping = { period: 0, values: [3], reporter: 1, partner: 2, unitLabel: 'USD' }

const corpus: Case[] = [
  {
    name: 'JSON nested 30,000 deep (60 KB: crashed DuckDB’s reader)',
    make: () => write('deep.json', '['.repeat(30_000) + ']'.repeat(30_000)),
    outcome: { refused: /^deep\.json: nests its data more than 100 levels deep, which no table/ },
  },
  {
    name: 'NDJSON with one line nested 30,000 deep',
    make: () => write('deep.ndjson', `{"v":1}\n{"v":2}\n{"v":${'['.repeat(30_000)}${']'.repeat(30_000)}}\n`),
    outcome: { refused: /^deep\.ndjson: nests its data more than 100 levels deep/ },
  },
  {
    name: 'gzip-compressed JSON nested 30,000 deep',
    make: () => {
      const path = write('deep.json', '['.repeat(30_000) + ']'.repeat(30_000))
      execFileSync('gzip', ['-kf', path])
      return `${path}.gz`
    },
    outcome: { refused: /^deep\.json\.gz: nests its data more than 100 levels deep/ },
  },
  {
    name: '200 numeric columns, one per year (was INTERNAL and a schema dump)',
    make: () => write('wide-years.csv', wide(200, 'years')),
    outcome: { imported: 400 },
  },
  {
    // Read as countries alone, the two partners' rows were merged into one country-by-year value.
    name: 'years as columns beside two label columns (country, partner): left to the user, never merged',
    make: () => write('wide-partner.csv', `country,partner,2019,2020\nCHN,USA,5,6\nCHN,JPN,5,6\n`),
    outcome: {
      refused: /^wide-partner\.csv: the columns are not a layout the app knows\. Choose which column/,
    },
  },
  {
    name: '200 numeric columns the app does not recognise',
    make: () => write('wide-200.csv', wide(200, 'plain')),
    outcome: { refused: /^wide-200\.csv: the columns are not a layout the app knows\. Choose which column/ },
  },
  {
    name: 'malformed JSON (names the staged copy in DuckDB’s own words)',
    make: () => write('broken.json', '{"data": [{"a": 1}, {"a": '),
    outcome: { refused: /^broken\.json: is not valid JSON/ },
  },
  {
    name: 'binary noise named .csv',
    make: () => write('noise.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))),
    outcome: { refused: /^noise\.csv: / },
  },
  {
    name: 'an empty file',
    make: () => write('empty.csv', ''),
    outcome: { refused: /^empty\.csv: is empty\.$/ },
  },
  {
    name: 'a FIFO (reading it would wait forever)',
    make: () => {
      const path = join(dir, 'pipe.csv')
      execFileSync('mkfifo', [path])
      return path
    },
    outcome: { refusedAtGrant: /^pipe\.csv is not a regular file\.$/ },
  },
  {
    name: 'a character device (/dev/zero never ends)',
    make: () => '/dev/zero',
    outcome: { refusedAtGrant: /^zero is not a regular file\.$/ },
  },
  {
    name: 'a symlink to a device',
    make: () => {
      const path = join(dir, 'zero.csv')
      symlinkSync('/dev/zero', path)
      return path
    },
    outcome: { refusedAtGrant: /^zero\.csv is not a regular file\.$/ },
  },
  {
    name: 'a folder',
    make: () => {
      const path = join(dir, 'folder.csv')
      mkdirSync(path)
      return path
    },
    outcome: { refusedAtGrant: /^folder\.csv is not a regular file\.$/ },
  },
  {
    name: 'a dangling symlink',
    make: () => {
      const path = join(dir, 'dangling.csv')
      symlinkSync(join(dir, 'nowhere.csv'), path)
      return path
    },
    outcome: { refusedAtGrant: /^dangling\.csv does not exist \(any more\)\.$/ },
  },
  {
    name: 'a symlink loop',
    make: () => {
      symlinkSync(join(dir, 'loop-b.csv'), join(dir, 'loop-a.csv'))
      symlinkSync(join(dir, 'loop-a.csv'), join(dir, 'loop-b.csv'))
      return join(dir, 'loop-a.csv')
    },
    outcome: { refusedAtGrant: /^loop-a\.csv does not exist \(any more\)\.$/ },
  },
  {
    name: 'a symlink to a real file is read as that file',
    make: () => {
      const path = join(dir, 'link.csv')
      symlinkSync(fixture('comtrade-plus-china-2024.csv'), path)
      return path
    },
    outcome: {
      imported: readFileSync(fixture('comtrade-plus-china-2024.csv'), 'utf8').trim().split('\n').length - 1,
    },
  },
  {
    name: 'a file another program appends to while it is imported',
    make: () => write('growing.csv', growing()),
    mapping: longMapping,
    whileImporting: (path) => appendFileSync(path, '2021,CHN,JPN,5\n'),
    outcome: {
      refused:
        /^growing\.csv: changed while it was being imported \(another program wrote to it\)\. Nothing was saved; open it again when it is complete\.$/,
      by: 'import',
    },
  },
  {
    name: 'a file rewritten (same size) while it is imported',
    make: () => write('rewritten.csv', growing()),
    mapping: longMapping,
    whileImporting: (path) => writeFileSync(path, growing().replace('2000,CHN,USA,0', '2000,CHN,USA,9')),
    outcome: { refused: /^rewritten\.csv: changed while it was being imported/, by: 'import' },
  },
]

const PLAIN =
  /duckdb|binder error|parser error|invalid input error|conversion error|zod|ZodError|staging|input-\d|\bc\d+\b|VARCHAR|DOUBLE/i

function expectPlain(message: string) {
  expect(message).not.toContain(t.userDataDir)
  expect(message).not.toContain(repoRoot)
  expect(message).not.toMatch(PLAIN)
  expect(message.length).toBeLessThan(400)
}

async function timed<T>(what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${HANG_MS / 1000} s`)), HANG_MS)
  })
  try {
    return await Promise.race([work, hang])
  } finally {
    clearTimeout(timer)
  }
}

describe('the hostile corpus through the engine process', () => {
  it.each(corpus.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const restarts = t.host.supervisor.restarts
      const path = c.make()
      const { outcome } = c
      let granted: Awaited<ReturnType<TestHost['host']['desk']['grant']>>
      try {
        granted = await timed('grant', t.host.desk.grant(path, 'drop'))
      } catch (error) {
        expect('refusedAtGrant' in outcome, `refused at grant: ${(error as Error).message}`).toBe(true)
        expect((error as { code?: string }).code).toMatch(/^(INVALID_ARGUMENT|NOT_FOUND)$/)
        expect((error as Error).message).toMatch((outcome as { refusedAtGrant: RegExp }).refusedAtGrant)
        expectPlain((error as Error).message)
        return
      }
      if ('refusedAtGrant' in outcome)
        throw new Error(`${granted.name} was granted; it should have been refused`)

      const answers: Array<['inspect' | 'import', Envelope<unknown>]> = []
      const inspected = await timed(
        'inspect',
        dispatch(t.host.handlers, 'inspectImport', { fileId: granted.fileId }),
      )
      answers.push(['inspect', inspected])
      if (inspected.ok || ('refused' in outcome && outcome.by === 'import')) {
        t.onProgress.listener = c.whileImporting
          ? () => {
              t.onProgress.listener = null
              c.whileImporting!(path)
            }
          : null
        const imported = await timed(
          'import',
          dispatch(t.host.handlers, 'importFile', {
            fileId: granted.fileId,
            ...(c.mapping ? { mapping: c.mapping } : {}),
          }),
        )
        t.onProgress.listener = null
        answers.push(['import', imported])
      }

      for (const [, answer] of answers) {
        if (answer.ok) continue
        expect(answer.error.code).not.toBe('INTERNAL')
        expect(answer.error.code).not.toBe('ENGINE_STOPPED')
        expectPlain(answer.error.message)
      }
      const last = answers.at(-1)!
      if ('imported' in outcome) {
        expect(last).toMatchObject(['import', { ok: true, data: { status: 'imported' } }])
        const dataset = (last[1] as { data: { dataset: { versions: { rows: number }[] } } }).data.dataset
        expect(dataset.versions.at(-1)!.rows).toBe(outcome.imported)
      } else {
        const refusedBy = answers.find(([, a]) => !a.ok)
        expect(refusedBy, `refused, by ${outcome.by ?? 'inspect or import'}`).toBeDefined()
        if (outcome.by) expect(refusedBy![0]).toBe(outcome.by)
        const error = (refusedBy![1] as { error: { code: string; message: string } }).error
        expect(error.message).toMatch(outcome.refused)
        // Nothing of a refused file reaches the library.
        const listed = await dispatch(t.host.handlers, 'listImports', {})
        expect(JSON.stringify(listed)).not.toContain(granted.name)
      }
      expect(t.host.supervisor.restarts, 'the engine never crashed').toBe(restarts)
    },
    60_000,
  )
})
