/**
 * The snapshot file format: a valid snapshot round-trips; hostile documents are refused whole, with a
 * short reason (table-driven); format 0 migrates to 1; comparing numbers flags changes and the notes on
 * them; the CSV and README of a snapshot.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Note, Session, NoteTarget } from '../../../electron/shared/notes'
import {
  MAX_IMAGE_BASE64,
  Snapshot,
  SNAPSHOT_FORMAT_VERSION,
  type Snapshot as SnapshotT,
} from '../../../electron/shared/snapshot'
import { compareSnapshot } from '../../../electron/shared/snapshotCompare'
import { numbersCsv } from '../../../electron/shared/tableCsv'
import { parseSnapshot } from '../../../electron/shared/snapshotParse'
import { snapshotReadme } from '../../../electron/shared/snapshotReadme'
import { SnapshotFileToken, workspaceContract } from '../../../electron/shared/workspaceApi'
import { T0, validNote, validSnapshot } from './workspaceFixtures'

type Doc = Record<string, any>
const clone = (s: SnapshotT): Doc => JSON.parse(JSON.stringify(s)) as Doc

describe('a valid snapshot', () => {
  it('parses, and survives JSON round trips unchanged', () => {
    const snapshot = validSnapshot()
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(snapshot)))
    expect(parsed).toEqual({ ok: true, snapshot, migratedFrom: null })
    const again = parseSnapshot(JSON.parse(JSON.stringify(parsed.ok ? parsed.snapshot : null)))
    expect(again.ok && again.snapshot).toEqual(snapshot)
  })

  it('a title may use < and > as plain text (a < b), and every note kind is accepted', () => {
    const notes: Note[] = [
      validNote(),
      validNote({
        id: 'n-range-0001',
        target: { kind: 'range', dataset: 'china-trade', from: '2025-04', to: '2025-11' },
      }),
      validNote({
        id: 'n-series-001',
        target: { kind: 'series', dataset: 'china-trade', series: 'exports:us:all' },
      }),
      validNote({
        id: 'n-view-00001',
        target: { kind: 'view', dataset: 'china-trade', view: 'v=1&dataset=china-trade' },
      }),
      validNote({
        id: 'n-data-00001',
        target: { kind: 'dataset', dataset: 'china-trade' },
        text: '<script>alert(1)</script> is kept as text',
      }),
    ]
    expect(parseSnapshot(validSnapshot({ title: 'Exports < imports? Not in 2025 > 2024', notes })).ok).toBe(
      true,
    )
  })
})

const huge = 'x'.repeat(1_000_000)

/** Each case breaks one thing; the reason must say what. */
const hostile: [string, (d: Doc) => unknown, RegExp][] = [
  ['not an object', () => [1, 2, 3], /not a snapshot file/],
  ['null', () => null, /not a snapshot file/],
  ['another format', (d) => ({ ...d, format: 'something-else' }), /not a China Trade Explorer snapshot/],
  [
    'a future version',
    (d) => ({ ...d, formatVersion: SNAPSHOT_FORMAT_VERSION + 1 }),
    new RegExp(`newer version of the app \\(format ${SNAPSHOT_FORMAT_VERSION + 1}\\).*Update the app`),
  ],
  ['a far future version', (d) => ({ ...d, formatVersion: 1e9 }), /newer version/],
  ['no formatVersion', (d) => ({ ...d, formatVersion: undefined }), /no "formatVersion"/],
  ['a formatVersion that is text', (d) => ({ ...d, formatVersion: '1' }), /not a version number/],
  ['a fractional formatVersion', (d) => ({ ...d, formatVersion: 0.5 }), /not a version number/],
  ['a negative formatVersion', (d) => ({ ...d, formatVersion: -1 }), /not a version number/],
  ['missing view', (d) => ({ ...d, view: undefined }), /view/],
  ['missing numbers', (d) => ({ ...d, numbers: undefined }), /numbers/],
  ['missing notes', (d) => ({ ...d, notes: undefined }), /notes/],
  ['missing datasets', (d) => ({ ...d, datasets: [] }), /datasets/],
  ['missing title', (d) => ({ ...d, title: '' }), /title/],
  ['an unknown field', (d) => ({ ...d, script: 'x' }), /script|Unrecognized/i],
  ['a value that is text', (d) => withValue(d, '305.35'), /a value is a number/],
  ['a value that is "NaN"', (d) => withValue(d, 'NaN'), /a value is a number/],
  ['a value that is Infinity (1e999 in JSON)', (d) => withValue(d, Infinity), /value/],
  ['a value that is an object', (d) => withValue(d, { valueOf: 1 }), /a value is a number/],
  [
    'a note value that is text',
    (d) => ({ ...d, notes: [{ ...d.notes[0], value: { value: 'x', unit: 'USD bn' } }] }),
    /notes\.0\.value\.value/,
  ],
  ['an image dimension that is text', (d) => ({ ...d, image: { ...d.image, width: '960' } }), /image\.width/],
  [
    'HTML in the title',
    (d) => ({ ...d, title: '<img src=x onerror=alert(1)>' }),
    /title: a title is plain text: it must not contain HTML tags/,
  ],
  [
    'a closing tag in the title',
    (d) => ({ ...d, title: 'Exports</title><script>' }),
    /must not contain HTML tags/,
  ],
  [
    'an HTML comment in the title',
    (d) => ({ ...d, title: 'Exports <!-- x -->' }),
    /must not contain HTML tags/,
  ],
  [
    'HTML in a series label',
    (d) => ({
      ...d,
      numbers: { ...d.numbers, series: [{ ...d.numbers.series[0], label: '<b>Exports</b>' }] },
    }),
    /label/,
  ],
  [
    'HTML in a source title',
    (d) => ({ ...d, sources: [{ ...d.sources[0], title: '<svg onload=alert(1)>' }] }),
    /source title/,
  ],
  ['HTML in a tag', (d) => ({ ...d, notes: [{ ...d.notes[0], tags: ['<b>x</b>'] }] }), /tags/],
  [
    'a javascript: source link',
    (d) => ({ ...d, sources: [{ ...d.sources[0], url: 'javascript:alert(1)' }] }),
    /http\(s\) address/,
  ],
  [
    'control characters in the title',
    (d) => ({ ...d, title: 'Exports\u0007\u001b[2J' }),
    /control characters/,
  ],
  ['a huge title', (d) => ({ ...d, title: huge }), /at most 200 characters/],
  ['a huge note', (d) => ({ ...d, notes: [{ ...d.notes[0], text: huge }] }), /at most 10000 characters/],
  [
    'too many notes',
    (d) => ({
      ...d,
      notes: Array.from({ length: 501 }, (_, i) => ({
        ...d.notes[0],
        id: `n-many-${String(i).padStart(4, '0')}`,
      })),
    }),
    /notes/,
  ],
  ['two notes with one id', (d) => ({ ...d, notes: [d.notes[0], d.notes[0]] }), /two notes with the id/],
  [
    'a path as a dataset id',
    (d) => ({ ...d, datasets: [{ id: '../../etc/passwd', version: '1' }] }),
    /datasets\.0\.id/,
  ],
  ['a path as a note id', (d) => ({ ...d, notes: [{ ...d.notes[0], id: '../../x' }] }), /notes\.0\.id/],
  [
    'a path as a source id',
    (d) => ({ ...d, sources: [{ ...d.sources[0], id: '../sources/x' }] }),
    /sources\.0\.id/,
  ],
  [
    'a path as a series key of a note',
    (d) => ({ ...d, notes: [{ ...d.notes[0], target: { ...d.notes[0].target, series: '../../x' } }] }),
    /series/,
  ],
  ['a view with a hostile flow', (d) => ({ ...d, view: { ...d.view, flows: ['../../etc'] } }), /view\.flows/],
  [
    'an image that is not a PNG',
    (d) => ({ ...d, image: { ...d.image, data: 'PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+' } }),
    /not a PNG/,
  ],
  [
    'an image that is not base64',
    (d) => ({ ...d, image: { ...d.image, data: 'iVBORw0KGgo<script>' } }),
    /base64/,
  ],
  ['an image of another type', (d) => ({ ...d, image: { ...d.image, mime: 'text/html' } }), /image\.mime/],
  [
    'an oversized image',
    (d) => ({ ...d, image: { ...d.image, data: `iVBORw0KGgo${'A'.repeat(MAX_IMAGE_BASE64)}` } }),
    /at most 10 MB/,
  ],
  [
    'a view whose dataset is not listed',
    (d) => ({ ...d, datasets: [{ id: 'other', version: '1' }] }),
    /is not listed/,
  ],
  [
    'a range that ends before it starts',
    (d) => ({
      ...d,
      notes: [
        { ...d.notes[0], target: { kind: 'range', dataset: 'china-trade', from: '2025-10', to: '2025-01' } },
      ],
    }),
    /ends after it starts/,
  ],
]

function withValue(d: Doc, value: unknown): Doc {
  const copy = structuredClone(d)
  copy.numbers.series[0].points[0].value = value
  return copy
}

describe('hostile snapshot documents are refused whole, with the reason', () => {
  it.each(hostile)('%s', (_what, mutate, reason) => {
    const answer = parseSnapshot(mutate(clone(validSnapshot())))
    expect(answer.ok).toBe(false)
    if (answer.ok) return
    expect(answer.message).toMatch(/^This snapshot cannot be opened: /)
    expect(answer.message).toMatch(reason)
    // A hostile file never gets its content echoed back at length.
    expect(answer.message.length).toBeLessThan(450)
  })

  it('the contract refuses the same documents before any handler runs (saveSnapshot)', () => {
    for (const [, mutate] of hostile)
      expect(
        workspaceContract.saveSnapshot.args.safeParse({ snapshot: mutate(clone(validSnapshot())) }).success,
      ).toBe(false)
  })

  it.each([
    '../../etc/passwd.ctesnap',
    '/home/ana/trade view.ctesnap',
    'C:\\Users\\ana\\trade.ctesnap',
    `g-${'0'.repeat(31)}`,
    `g-${'A'.repeat(32)}`,
    `g-${'0'.repeat(32)}/../x`,
    'https://example.com/a.ctesnap',
  ])('the page opens an outside snapshot by main’s token only, never a path: %s is refused', (file) =>
    expect(SnapshotFileToken.safeParse(file).success).toBe(false),
  )

  it('a token main hands out is accepted', () => {
    expect(SnapshotFileToken.safeParse(`g-${'0a'.repeat(16)}`).success).toBe(true)
  })
})

describe('migrations', () => {
  it('format 0 (the draft format) migrates to today’s format: view, notes, numbers, sources, dataset version', () => {
    const raw = JSON.parse(
      readFileSync(new URL('../../fixtures/snapshots/v0-busan.ctesnap', import.meta.url), 'utf8'),
    )
    const answer = parseSnapshot(raw)
    expect(answer.ok).toBe(true)
    if (!answer.ok) return
    expect(answer.migratedFrom).toBe(0)
    const s = answer.snapshot
    expect(s.formatVersion).toBe(SNAPSHOT_FORMAT_VERSION)
    expect(s.title).toBe('Exports in October 2025 (draft format)')
    expect(s.savedAt).toBe('2025-11-08T10:00:00.000Z')
    expect(s.view).toMatchObject({
      dataset: 'china-trade',
      flows: ['exports'],
      range: { from: '2025-09', to: '2025-10' },
    })
    expect(s.datasets).toEqual([{ id: 'china-trade', version: '0.9.0' }])
    expect(s.numbers).toEqual({
      unit: 'USD bn',
      series: [
        {
          key: 'exports:world:all',
          label: 'Exports',
          points: [
            { period: '2025-09', value: 328.57, kind: 'published', sourceIds: ['s1'] },
            { period: '2025-10', value: 305.35, kind: 'published', sourceIds: ['s1'] },
          ],
        },
      ],
    })
    // An old id that is not a valid note id gets a stable new one; targets come from series/period.
    expect(s.notes.map((n) => [n.id, n.target.kind, n.text])).toEqual([
      ['n-v0-0000', 'point', 'Busan deal, 30 Oct 2025'],
      ['n-whole-view', 'dataset', 'Exports, as first published'],
    ])
    // And the migrated snapshot is a valid document of today's format in its own right.
    expect(Snapshot.safeParse(JSON.parse(JSON.stringify(s))).success).toBe(true)
  })

  it('a format 0 file with a broken view is refused with the reason', () => {
    const raw = JSON.parse(
      readFileSync(new URL('../../fixtures/snapshots/v0-busan.ctesnap', import.meta.url), 'utf8'),
    )
    const answer = parseSnapshot({ ...raw, state: 'dataset=china-trade&flows=../../etc&v=1' })
    expect(answer).toMatchObject({ ok: false, message: expect.stringMatching(/view cannot be read/) })
    expect(parseSnapshot({ ...raw, values: 'x' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/format 0 snapshot but values/),
    })
  })
})

describe('comparing a snapshot with today’s data', () => {
  const current = (patch: (s: SnapshotT['numbers']) => void) => {
    const numbers = structuredClone(validSnapshot().numbers)
    patch(numbers)
    return numbers
  }

  it('the same numbers: no change, no flagged note', () => {
    expect(
      compareSnapshot(
        validSnapshot(),
        current(() => {}),
      ),
    ).toEqual({ changed: [], added: 0, flaggedNotes: [] })
  })

  it('a revised value is listed then and now, and the note on that point is flagged; a note elsewhere is not', () => {
    const snapshot = validSnapshot({
      notes: [
        validNote(),
        validNote({
          id: 'n-september1',
          target: { kind: 'point', dataset: 'china-trade', series: 'exports:world:all', period: '2025-09' },
        }),
      ],
    })
    const result = compareSnapshot(
      snapshot,
      current((n) => (n.series[0]!.points[1]!.value = 306.1)),
    )
    expect(result.changed).toEqual([
      { key: 'exports:world:all', label: 'Exports', period: '2025-10', saved: 305.35, current: 306.1 },
    ])
    expect(result.flaggedNotes).toEqual(['n-busan-0001'])
  })

  it('a value gone, a gap filled, and new periods (counted, not changes)', () => {
    const result = compareSnapshot(
      validSnapshot(),
      current((n) => {
        n.series[0]!.points.splice(0, 1)
        n.series[0]!.points[1]!.value = 330.3
        n.series[0]!.points.push({ period: '2025-12', value: 357.8, kind: 'published', sourceIds: [] })
      }),
    )
    expect(result.changed.map((c) => [c.period, c.saved, c.current])).toEqual([
      ['2025-09', 328.57, null],
      ['2025-11', null, 330.3],
    ])
    expect(result.added).toBe(1)
  })

  it('range, series, view and dataset notes are flagged by a change they cover', () => {
    const target = (t: NoteTarget, id: string) => validNote({ id, target: t })
    const notes = [
      target({ kind: 'range', dataset: 'china-trade', from: '2025-09', to: '2025-09' }, 'n-range-sept'),
      target({ kind: 'range', dataset: 'china-trade', from: '2025-10', to: '2025-12' }, 'n-range-late'),
      target({ kind: 'series', dataset: 'china-trade', series: 'exports:us:all' }, 'n-series-us0'),
      target({ kind: 'view', dataset: 'china-trade', view: 'v=1' }, 'n-view-00001'),
    ]
    const result = compareSnapshot(
      validSnapshot({ notes }),
      current((n) => (n.series[0]!.points[0]!.value = 1)),
    )
    expect(result.flaggedNotes).toEqual(['n-range-sept', 'n-view-00001'])
  })
})

describe('exports of a snapshot', () => {
  it('CSV: the Explorer table export’s columns, formula-safe, gaps as missing', () => {
    const csv = numbersCsv(validSnapshot().numbers, validSnapshot().sources)
    expect(csv.split('\r\n')).toEqual([
      'period,series,value,unit,kind,note,sources',
      '2025-09,Exports,328.57,USD bn,published,,Reuters <https://www.reuters.com/x>',
      '2025-10,Exports,305.35,USD bn,published,,Reuters <https://www.reuters.com/x>',
      '2025-11,Exports,,USD bn,missing,not published yet,',
      '',
    ])
    const hostileLabel = validSnapshot()
    hostileLabel.numbers.series[0]!.label = '=HYPERLINK("http://x")'
    expect(numbersCsv(hostileLabel.numbers, hostileLabel.sources)).toContain(`'=HYPERLINK(""http://x"")`)
  })

  it('README: title, data version, files, notes (quoted) and every source', () => {
    const readme = snapshotReadme(validSnapshot(), ['data.csv', 'README.md'])
    expect(readme).toMatch(/^# Exports after the Busan deal\n/)
    expect(readme).toContain('Dataset `china-trade`, version 1.0.0')
    expect(readme).toContain('- `data.csv`')
    expect(readme).toContain('> Busan deal, 30 Oct 2025')
    expect(readme).toContain(
      '- China October trade (Reuters) — Reuters, 2025-11-07. <https://www.reuters.com/x>',
    )
  })
})

describe('notes and the session', () => {
  it.each<[string, unknown]>([
    ['a note without text', { ...validNote(), text: '' }],
    ['a note with a NUL', { ...validNote(), text: 'a\u0000b' }],
    ['a note with an unknown target', { ...validNote(), target: { kind: 'file', path: '/etc/passwd' } }],
    ['a note with 17 tags', { ...validNote(), tags: Array.from({ length: 17 }, (_, i) => `t${i}`) }],
    ['a note with a bad time', { ...validNote(), createdAt: 'yesterday' }],
  ])('%s is refused', (_what, note) => {
    expect(Note.safeParse(note).success).toBe(false)
  })

  it('a session holds a view and a draft; anything else is refused', () => {
    expect(
      Session.safeParse({
        format: 'china-trade-explorer-session',
        formatVersion: 1,
        savedAt: T0,
        view: validSnapshot().view,
        draft: { text: '', tags: [], target: validNote().target },
      }).success,
    ).toBe(true)
    expect(
      Session.safeParse({ format: 'china-trade-explorer-session', formatVersion: 1, savedAt: T0, extra: 1 })
        .success,
    ).toBe(false)
  })
})
