/**
 * No absolute path reaches the page. The whole of main's side (grants, the supervised engine process,
 * notes, session, snapshots, the desktop flow that turns files from the OS into `command` events) is
 * driven through the handler registry as the transports drive it, with files from outside the app, an
 * import that works and ones that fail, snapshots opened from the OS, the dialog and a drop, exports.
 * Every answer and every event is then searched for any folder the files live in.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/dispatch'
import { createDesktop } from '../../../electron/main/desktop'
import { createRecentFiles } from '../../../electron/services/recentFiles'
import type { AppCommandEvent } from '../../../electron/shared/api'
import type { Method } from '../../../electron/shared/methods'
import { openTestHost, type TestHost } from '../../support/engineHost'
import { createFakeElectron } from '../../support/fakeElectron'
import { repoRoot } from '../../support/webApp'
import { validNote, validSnapshot } from '../shared/workspaceFixtures'

let t: TestHost
let outside: string
let exportTarget = ''
let chosen = ''
beforeAll(async () => {
  outside = mkdtempSync(join(tmpdir(), 'cte-no-paths-'))
  t = await openTestHost({
    snapshotPlatform: {
      chooseSnapshotFile: async () => chosen,
      chooseExportTarget: async () => exportTarget,
    },
  })
}, 60_000)
afterAll(async () => {
  await t?.close()
  rmSync(outside, { recursive: true, force: true })
})

/** Every string anywhere in a value. */
function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into)
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsOf(item, into)
  return into
}

describe('no absolute path crosses to the page', () => {
  it('in any answer or event, through imports, snapshots from the OS, the dialog and a drop, and exports', async () => {
    const answers: Array<{ method: Method; answer: unknown }> = []
    const call = async (method: Method, args: unknown) => {
      const answer = await dispatch(t.host.handlers, method, args)
      answers.push({ method, answer })
      return answer
    }
    const commands: AppCommandEvent[] = []
    const electron = createFakeElectron({ userData: t.userDataDir })
    const desktop = createDesktop({
      platform: 'linux',
      isPackaged: true,
      appName: 'China Trade Explorer',
      locale: 'en',
      menu: electron.Menu,
      os: electron.app,
      recent: createRecentFiles({ file: join(t.userDataDir, 'recent-files.json') }),
      send: (event) => commands.push(event),
      focus: () => {},
      grantDataFile: async (file) => void (await t.host.desk.grant(file, 'open-with')),
      grantSnapshotFile: (file) => t.host.workspace.snapshots.grant(file),
      log: () => {},
    })
    desktop.pageReady()

    // A data file opened from the OS, imported; one that is not a table; one that vanished.
    const csv = join(outside, 'comtrade china 2024.csv')
    copyFileSync(join(repoRoot, 'tests/fixtures/import/comtrade-plus-china-2024.csv'), csv)
    await desktop.open('open-file', { path: csv })
    const opened = (await call('takeOpenedFiles', {})) as { ok: true; data: Array<{ fileId: string }> }
    expect(opened.ok).toBe(true)
    const fileId = opened.data[0]!.fileId
    expect((await call('inspectImport', { fileId })).ok).toBe(true)
    const imported = (await call('importFile', { fileId })) as { ok: true; data: { dataset: { id: string } } }
    expect(imported).toMatchObject({ ok: true })
    // Its file granted again to import it again in one step: an id and a name, never where it is.
    expect(await call('reopenImportedFile', { dataset: imported.data.dataset.id })).toMatchObject({
      ok: true,
      data: { name: 'comtrade china 2024.csv' },
    })
    for (const method of ['listImports', 'listDatasets'] as const) await call(method, {})
    const junk = join(outside, 'notes.json')
    writeFileSync(junk, '{"not": "a table"')
    const junkFile = await t.host.desk.grant(junk, 'drop')
    expect(await call('inspectImport', { fileId: junkFile.fileId })).toMatchObject({
      ok: false,
      error: {
        message:
          'notes.json: is not valid JSON: at byte 18, the text ends before its last value is closed (it may be cut short).',
      },
    })
    expect(await call('importFile', { fileId: junkFile.fileId })).toMatchObject({ ok: false })
    const gone = join(outside, 'gone.csv')
    writeFileSync(gone, 'period,value\n2024-01,1\n')
    const goneFile = await t.host.desk.grant(gone, 'drop')
    rmSync(gone)
    expect(await call('importFile', { fileId: goneFile.fileId })).toMatchObject({ ok: false })

    // Notes, session, and a snapshot saved, listed, opened and exported.
    await call('saveNote', { note: validNote() })
    await call('listNotes', {})
    await call('loadSession', {})
    const saved = (await call('saveSnapshot', { snapshot: validSnapshot() })) as {
      ok: true
      data: { id: string }
    }
    await call('listSnapshots', {})
    await call('openSnapshot', { id: saved.data.id })
    exportTarget = join(outside, 'busan export.ctesnap')
    expect(await call('exportSnapshot', { id: saved.data.id, kind: 'file' })).toMatchObject({ ok: true })
    exportTarget = join(outside, 'busan export folder')
    expect(await call('exportSnapshot', { id: saved.data.id, kind: 'folder' })).toMatchObject({ ok: true })

    // A snapshot opened from the OS (a double-click, a launch) reaches the page as a token, and is
    // opened by it, or refused (gone since); the dialog's choices too, a FIFO and a folder among them.
    const snap = join(outside, 'from a colleague.ctesnap')
    writeFileSync(snap, JSON.stringify(validSnapshot({ title: 'From a colleague' })))
    const missing = join(outside, 'missing.ctesnap')
    writeFileSync(missing, '{}')
    await desktop.open('open-file', { path: snap })
    await desktop.open('argv', { argv: ['/opt/cte/cte', missing] })
    rmSync(missing)
    expect(commands.filter((c) => c.command === 'openSnapshot')).toHaveLength(2)
    const outcomes = []
    for (const command of commands)
      if (command.file) outcomes.push((await call('openSnapshotFile', { file: command.file })).ok)
    expect(outcomes).toEqual([true, false])
    chosen = join(outside, 'busan export.ctesnap')
    expect(await call('chooseSnapshotFile', {})).toMatchObject({ ok: true })
    const fifo = join(outside, 'pipe.ctesnap')
    execFileSync('mkfifo', [fifo])
    const folder = join(outside, 'a folder.ctesnap')
    mkdirSync(folder)
    for (const refused of [fifo, folder, missing]) {
      chosen = refused
      expect(await call('chooseSnapshotFile', {})).toMatchObject({ ok: false })
    }

    // Nothing the page received names a folder of this machine.
    const folders = [outside, t.userDataDir, repoRoot, tmpdir(), homedir()]
    const received = [
      ...answers.map(({ method, answer }) => ({ where: `answer to ${method}`, value: answer })),
      ...t.sent.map(({ event, payload }) => ({ where: `event ${event}`, value: payload })),
      ...commands.map((command) => ({ where: 'command event', value: command })),
    ]
    expect(received.length).toBeGreaterThan(30)
    expect(t.sent.some((s) => s.event === 'importProgress')).toBe(true)
    const leaks = received.flatMap(({ where, value }) =>
      stringsOf(value)
        .filter(
          (text) => folders.some((folder) => text.includes(folder)) || /(^|[\s'"(])\/[a-z]+\//i.test(text),
        )
        .map((text) => `${where}: ${text.slice(0, 200)}`),
    )
    expect(leaks).toEqual([])
  }, 120_000)
})
