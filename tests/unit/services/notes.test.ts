/**
 * The notes store and the session file: atomic writes with the previous version kept, quarantine of an
 * unreadable file (restored from .bak when that is good), leftovers of a killed process cleaned up.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NotesFile } from '../../../electron/shared/notes'
import {
  notesFileOf,
  openNotes,
  openSession,
  serializeNotes,
  sessionFileOf,
} from '../../../electron/services/notes'
import { T0, validNote, validSnapshot } from '../shared/workspaceFixtures'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cte-notes-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const onDisk = () => NotesFile.parse(JSON.parse(readFileSync(notesFileOf(dir), 'utf8'))).notes

describe('notes', () => {
  it('save, edit (creation time kept), delete (the note returned for undo), each written to disk before it answers', async () => {
    const notes = await openNotes({ userDataDir: dir })
    expect(notes.list()).toEqual([])
    await notes.save(validNote())
    expect(onDisk().map((n) => n.text)).toEqual(['Busan deal, 30 Oct 2025'])
    await notes.save(
      validNote({
        text: 'Busan deal (edited)',
        createdAt: '2030-01-01T00:00:00.000Z',
        updatedAt: '2026-01-13T00:00:00.000Z',
      }),
    )
    expect(onDisk()).toEqual([expect.objectContaining({ text: 'Busan deal (edited)', createdAt: T0 })])
    // The previous version is kept beside it.
    expect(NotesFile.parse(JSON.parse(readFileSync(`${notesFileOf(dir)}.bak`, 'utf8'))).notes[0]!.text).toBe(
      'Busan deal, 30 Oct 2025',
    )
    expect(await notes.remove('n-busan-0001')).toMatchObject({ text: 'Busan deal (edited)' })
    expect(await notes.remove('n-busan-0001')).toBeNull()
    expect(onDisk()).toEqual([])
    // Reopened: the same notes.
    expect((await openNotes({ userDataDir: dir })).list()).toEqual([])
  })

  it('merging a snapshot’s notes: new ones added, newer versions win, older ones do not', async () => {
    const notes = await openNotes({ userDataDir: dir })
    await notes.save(validNote({ text: 'mine', updatedAt: '2026-02-01T00:00:00.000Z' }))
    const merged = await notes.merge([
      validNote({ text: 'older', updatedAt: '2026-01-01T00:00:00.000Z' }),
      validNote({ id: 'n-other-0001', text: 'theirs' }),
    ])
    expect(merged).toBe(1)
    expect(notes.list().map((n) => n.text)).toEqual(['mine', 'theirs'])
    await notes.merge([validNote({ text: 'newer', updatedAt: '2026-03-01T00:00:00.000Z' })])
    expect(onDisk().map((n) => n.text)).toEqual(['newer', 'theirs'])
  })

  it('concurrent saves are written one after another (none lost)', async () => {
    const notes = await openNotes({ userDataDir: dir })
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        notes.save(validNote({ id: `n-many-${String(i).padStart(4, '0')}` })),
      ),
    )
    expect(onDisk()).toHaveLength(25)
  })

  it('a failed write changes nothing in memory, and an invalid note is refused', async () => {
    const notes = await openNotes({ userDataDir: dir })
    await expect(notes.save({ ...validNote(), text: '' })).rejects.toThrow()
    expect(notes.list()).toEqual([])
  })

  it('a damaged notes file is quarantined and its previous version loaded; the user gets a notice', async () => {
    const notes = await openNotes({ userDataDir: dir })
    await notes.save(validNote({ text: 'first' }))
    await notes.save(validNote({ text: 'second' }))
    writeFileSync(
      notesFileOf(dir),
      '{"format":"china-trade-explorer-notes","formatVersion":1,"notes":[{"id":"n-bu',
    ) // cut short
    const notices: never[] = []
    const reopened = await openNotes({ userDataDir: dir, notices })
    expect(reopened.list().map((n) => n.text)).toEqual(['first'])
    expect(notices).toEqual([
      {
        file: 'notes.json',
        problem: expect.stringMatching(/not valid JSON/),
        quarantinedAs: expect.stringMatching(/^quarantine\/notes\.json\./),
        recovered: 'backup',
      },
    ])
    const quarantined = readdirSync(join(dir, 'quarantine'))
    expect(quarantined).toHaveLength(1)
    expect(readFileSync(join(dir, 'quarantine', quarantined[0]!), 'utf8')).toContain('"id":"n-bu')
    // The recovered version is back in place: the next start is clean.
    expect(onDisk().map((n) => n.text)).toEqual(['first'])
    const again: never[] = []
    await openNotes({ userDataDir: dir, notices: again })
    expect(again).toEqual([])
  })

  it.each<[string, (file: string) => void, RegExp]>([
    ['not JSON', (f) => writeFileSync(f, '\u0000\u0001garbage'), /not valid JSON/],
    ['not UTF-8', (f) => writeFileSync(f, Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0xc3, 0x28])), /not UTF-8/],
    [
      'the wrong shape',
      (f) =>
        writeFileSync(
          f,
          JSON.stringify({ format: 'china-trade-explorer-notes', formatVersion: 1, notes: [{ id: '../x' }] }),
        ),
      /not valid: notes\.0/,
    ],
    [
      'a future version',
      (f) =>
        writeFileSync(
          f,
          JSON.stringify({ format: 'china-trade-explorer-notes', formatVersion: 9, notes: [] }),
        ),
      /formatVersion/,
    ],
    ['huge (sparse, 2 GB)', (f) => (writeFileSync(f, ''), truncateSync(f, 2 * 1024 ** 3)), /2048\.0 MB/],
  ])(
    '%s, with no good previous version: quarantined, started empty, everything else still loads',
    async (_what, damage, problem) => {
      mkdirSync(join(dir, 'notes'), { recursive: true })
      damage(notesFileOf(dir))
      const session = await openSession({ userDataDir: dir })
      await session.save({
        format: 'china-trade-explorer-session',
        formatVersion: 1,
        savedAt: T0,
        view: validSnapshot().view,
      })
      const notices: never[] = []
      const notes = await openNotes({ userDataDir: dir, notices })
      expect(notes.list()).toEqual([])
      expect(notices).toEqual([
        expect.objectContaining({
          file: 'notes.json',
          problem: expect.stringMatching(problem),
          recovered: 'empty',
        }),
      ])
      expect(existsSync(notesFileOf(dir))).toBe(false)
      expect((await openSession({ userDataDir: dir })).load()?.view).toEqual(validSnapshot().view)
      // And it works again.
      await notes.save(validNote())
      expect(onDisk()).toHaveLength(1)
    },
  )

  it('temporary files a killed process left are removed on open; other files in the folder are not', async () => {
    mkdirSync(join(dir, 'notes'), { recursive: true })
    writeFileSync(join(dir, 'notes', '.notes.json.1234.abcdef.tmp'), 'half')
    writeFileSync(join(dir, '.session.json.1234.abcdef.tmp'), 'half')
    writeFileSync(join(dir, '.recent-files.json.99.abc.tmp'), 'someone else’s')
    await openNotes({ userDataDir: dir })
    await openSession({ userDataDir: dir })
    expect(readdirSync(join(dir, 'notes'))).toEqual([])
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual(['.recent-files.json.99.abc.tmp'])
  })
})

describe('session', () => {
  it('saves and reloads the view and a draft; keeps the previous version', async () => {
    const session = await openSession({ userDataDir: dir })
    expect(session.load()).toBeNull()
    const view = validSnapshot().view
    await session.save({ format: 'china-trade-explorer-session', formatVersion: 1, savedAt: T0, view })
    await session.save({
      format: 'china-trade-explorer-session',
      formatVersion: 1,
      savedAt: T0,
      view,
      draft: { text: 'half a thought', tags: [], target: validNote().target },
    })
    expect((await openSession({ userDataDir: dir })).load()?.draft?.text).toBe('half a thought')
    expect(JSON.parse(readFileSync(`${sessionFileOf(dir)}.bak`, 'utf8')).draft).toBeUndefined()
  })

  it('a damaged session is quarantined and the previous one used', async () => {
    const session = await openSession({ userDataDir: dir })
    await session.save({
      format: 'china-trade-explorer-session',
      formatVersion: 1,
      savedAt: T0,
      view: validSnapshot().view,
    })
    await session.save({ format: 'china-trade-explorer-session', formatVersion: 1, savedAt: T0 })
    writeFileSync(sessionFileOf(dir), '{"format":')
    const notices: never[] = []
    expect((await openSession({ userDataDir: dir, notices })).load()?.view).toEqual(validSnapshot().view)
    expect(notices).toEqual([expect.objectContaining({ file: 'session.json', recovered: 'backup' })])
  })

  it('serializes notes the way the notes file is read back', () => {
    const text = serializeNotes([validNote()])
    expect(NotesFile.parse(JSON.parse(text)).notes).toEqual([validNote()])
  })
})
