/**
 * routeOpenRequest: the one function every file the OS hands us goes through. Table-driven with the
 * odd arguments each OS and launcher really sends, against real files in a temporary folder.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { argumentToPath, MAX_OPEN_FILES, openKindOf, routeOpenRequest } from '../../../electron/main/openFile'

let dir: string
const f = (name: string) => path.join(dir, name)

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cte-open-'))
  for (const name of [
    'view.ctesnap',
    'VIEW2.CTESNAP',
    'exports.csv',
    'imports.tsv',
    'big.csv.gz',
    'facts.parquet',
    'rows.ndjson',
    'notes.txt',
    'app.exe',
    'my file (1).csv',
    '-dash.csv',
    '中国贸易.csv',
    'weird%20name.csv',
  ]) {
    writeFileSync(f(name), 'x')
  }
  mkdirSync(f('pkg'))
  writeFileSync(path.join(dir, 'pkg', 'datapackage.json'), '{}')
  mkdirSync(f('folder.csv')) // a directory with a data-file name
})

describe('openKindOf', () => {
  it.each([
    ['a.ctesnap', 'snapshot'],
    ['A.CTESNAP', 'snapshot'],
    ['a.csv', 'data'],
    ['a.tsv', 'data'],
    ['a.csv.gz', 'data'],
    ['a.parquet', 'data'],
    ['datapackage.json', 'data'],
    ['a.ndjson', 'data'],
    ['a.txt', null],
    ['a.exe', null],
    ['ctesnap', null],
    ['a.ctesnap.exe', null],
  ])('%s → %s', (name, kind) => expect(openKindOf(name)).toBe(kind))
})

describe('argumentToPath', () => {
  it.each([
    ['--allow-file-access-from-files', null],
    ['--original-process-start-time=13372036854775807', null],
    ['--inspect=9229', null],
    ['-psn_0_12345', null],
    ['https://example.com/a.csv', null],
    ['app://trade/index.html', null],
    ['javascript:alert(1)', null],
    ['file://server/share/a.csv', null], // a remote file: URL
    ['a\u0000b.csv', null],
    ['', null],
  ])('%s → %s', (arg, expected) => expect(argumentToPath(arg, '/work')).toBe(expected))
  it('resolves relative paths against the working directory', () => {
    expect(argumentToPath('data/a.csv', '/home/user')).toBe(path.resolve('/home/user', 'data/a.csv'))
  })
  it('decodes file:// URLs', () => {
    expect(argumentToPath('file:///tmp/my%20file.csv', '/')).toBe(path.resolve('/tmp/my file.csv'))
  })
  it.each([null, undefined, 42, {}, ['a.csv']])('refuses non-string %s', (arg) =>
    expect(argumentToPath(arg, '/')).toBeNull(),
  )
})

describe('routeOpenRequest', () => {
  const exec = '/opt/China Trade Explorer/china-trade-explorer'

  it('Windows first launch: exe, then the double-clicked file', () => {
    expect(
      routeOpenRequest('argv', {
        argv: ['C:\\Program Files\\China Trade Explorer\\China Trade Explorer.exe', f('view.ctesnap')],
        execPath: exec,
      }),
    ).toEqual([f('view.ctesnap')])
  })

  it('Windows second instance: Chromium switches added, file relative to the caller’s folder', () => {
    const argv = [
      exec,
      '--allow-file-access-from-files',
      '--original-process-start-time=13372036854775807',
      '--enable-features=X',
      'exports.csv',
    ]
    expect(routeOpenRequest('second-instance', { argv, workingDirectory: dir, execPath: exec })).toEqual([
      f('exports.csv'),
    ])
  })

  it('Linux desktop entry with %U: file:// URLs, spaces and non-ASCII names', () => {
    const argv = [
      exec,
      '--no-sandbox',
      pathToFileURL(f('my file (1).csv')).href,
      pathToFileURL(f('中国贸易.csv')).href,
    ]
    expect(routeOpenRequest('argv', { argv, execPath: exec })).toEqual([
      f('my file (1).csv'),
      f('中国贸易.csv'),
    ])
  })

  it('a literal % in a plain path is not decoded', () => {
    expect(routeOpenRequest('argv', { argv: [exec, f('weird%20name.csv')], execPath: exec })).toEqual([
      f('weird%20name.csv'),
    ])
  })

  it('development: electron binary, `.` and the main script are not files to open', () => {
    const argv = [
      '/repo/node_modules/electron/dist/electron',
      '.',
      '--inspect=5858',
      '/repo/out/main/index.js',
    ]
    expect(routeOpenRequest('argv', { argv, execPath: argv[0], workingDirectory: '/repo' })).toEqual([])
  })

  it('macOS: -psn_ process serial numbers are ignored; open-file gives one path', () => {
    expect(
      routeOpenRequest('argv', {
        argv: ['/Applications/China Trade Explorer.app/Contents/MacOS/China Trade Explorer', '-psn_0_12345'],
      }),
    ).toEqual([])
    expect(routeOpenRequest('open-file', { path: f('VIEW2.CTESNAP') })).toEqual([f('VIEW2.CTESNAP')])
  })

  it('several files, de-duplicated, in order; unknown types, directories and missing files dropped', () => {
    const argv = [
      exec,
      f('exports.csv'),
      f('notes.txt'),
      f('app.exe'),
      f('folder.csv'),
      f('missing.csv'),
      f('imports.tsv'),
      'exports.csv',
      f('big.csv.gz'),
      f('facts.parquet'),
      f('rows.ndjson'),
      path.join(dir, 'pkg', 'datapackage.json'),
    ]
    expect(routeOpenRequest('second-instance', { argv, workingDirectory: dir, execPath: exec })).toEqual([
      f('exports.csv'),
      f('imports.tsv'),
      f('big.csv.gz'),
      f('facts.parquet'),
      f('rows.ndjson'),
      path.join(dir, 'pkg', 'datapackage.json'),
    ])
  })

  it('a name starting with a dash is a switch, unless it comes after --', () => {
    expect(routeOpenRequest('second-instance', { argv: [exec, '-dash.csv'], workingDirectory: dir })).toEqual(
      [],
    )
    expect(
      routeOpenRequest('second-instance', { argv: [exec, '--', '-dash.csv'], workingDirectory: dir }),
    ).toEqual([f('-dash.csv')])
  })

  it('the executable itself is never a file to open, even with a known extension', () => {
    const fakeExec = f('exports.csv')
    expect(routeOpenRequest('argv', { argv: [fakeExec], execPath: fakeExec })).toEqual([])
  })

  it('caps the number of files in one request', () => {
    const argv = [exec, ...Array.from({ length: 100 }, (_, i) => `copy-${i}.csv`)]
    const files = routeOpenRequest(
      'second-instance',
      { argv, workingDirectory: '/data' },
      { isFile: () => true },
    )
    expect(files).toHaveLength(MAX_OPEN_FILES)
  })

  it.each([
    ['open-file', { path: undefined }],
    ['open-file', { path: 42 as unknown as string }],
    ['argv', { argv: undefined }],
    ['argv', { argv: 'exports.csv' as unknown as string[] }],
    ['second-instance', { argv: [null, 1, {}] as unknown as string[], workingDirectory: dir }],
    ['second-instance', { argv: ['x'.repeat(10_000) + '.csv'], workingDirectory: dir }],
  ] as const)('%s with odd input %j → nothing', (source, request) => {
    expect(routeOpenRequest(source, request)).toEqual([])
  })

  it('falls back to the current directory when the second instance gives none', () => {
    expect(routeOpenRequest('second-instance', { argv: ['exports.csv'] }, { cwd: dir })).toEqual([
      f('exports.csv'),
    ])
  })
})
