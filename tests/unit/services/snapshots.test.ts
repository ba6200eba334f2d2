/**
 * The snapshot library over the real services and the bundled data: a snapshot made from real numbers
 * round-trips; a number altered in the file (as if the data had changed since) is flagged, with the
 * note on it; library files that cannot be read are quarantined while the rest still lists; files from
 * outside are opened only when granted, size-checked before reading; exports write a folder (CSV equal
 * to the Explorer's table export, README, PNG), the .ctesnap file, or a PDF from the platform printer.
 */
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openServices, type Services } from '../../../electron/services'
import {
  openSnapshotService,
  readSnapshotFile,
  type SnapshotPlatform,
} from '../../../electron/services/snapshots'
import { AppError } from '../../../electron/shared/errors'
import { SNAPSHOT_FORMAT_VERSION, type Snapshot } from '../../../electron/shared/snapshot'
import { compareSnapshot } from '../../../electron/shared/snapshotCompare'
import { numbersCsv } from '../../../electron/shared/tableCsv'
import { parseSnapshot } from '../../../electron/shared/snapshotParse'
import { defaultViewState, selectionsOf, type ViewState } from '../../../electron/shared/viewState'
import { buildChartModel, type FetchedSeries } from '../../../renderer/src/lib/chartModel'
import { buildSnapshot } from '../../../renderer/src/lib/snapshotBuild'
import { numbersOf, valueAt } from '../../../renderer/src/lib/snapshotModel'
import { T0, TINY_PNG, validNote, validSnapshot } from '../shared/workspaceFixtures'

const dataDir = fileURLToPath(new URL('../../../data', import.meta.url))
let services: Services
let userDataDir: string

beforeAll(async () => {
  userDataDir = mkdtempSync(join(tmpdir(), 'cte-snapshots-'))
  services = await openServices({ dataDir, userDataDir })
})
afterAll(async () => {
  await services.close()
  rmSync(userDataDir, { recursive: true, force: true })
})

/** The Explorer's model of a view over today's data (transform none: the series as published). */
async function modelOf(view: ViewState) {
  const fetched: FetchedSeries[] = await Promise.all(
    selectionsOf(view).map(async (selection) => ({
      selection,
      series: await services.query.series({
        dataset: view.dataset,
        reporter: 'china',
        flow: selection.flow,
        partner: selection.partner,
        product: selection.product,
        measure: view.measure,
        frequency: view.frequency,
        unit: view.unit,
      }),
      published: null,
      total: null,
    })),
  )
  return buildChartModel(view, fetched, (s) => s.key)
}

describe('a snapshot of the bundled data', () => {
  const view: ViewState = {
    ...defaultViewState(),
    flows: ['exports', 'imports'],
    range: { from: '2025-01..2025-02', to: '2025-11' },
  }

  it('round-trips through the library: equal view, notes and numbers; the data check says "same"', async () => {
    const model = await modelOf(view)
    const october = valueAt(model, 'exports:world:all', '2025-10')!
    const note = validNote({ value: { value: october, unit: model.unit } })
    const snapshot = buildSnapshot({
      title: 'Exports and imports, 2025',
      view,
      model,
      notes: [note],
      datasetVersion: services.catalog.list()[0]!.version,
      appVersion: '0.1.0',
      image: { data: TINY_PNG, width: 1, height: 1 },
      savedAt: T0,
    })
    const library = services.workspace.snapshots
    const summary = await library.save(snapshot)
    expect(summary).toMatchObject({ title: 'Exports and imports, 2025', notes: 1, series: 2, hasImage: true })
    const opened = await library.open(summary.id)
    expect(opened.snapshot).toEqual(snapshot)
    expect(opened.snapshot.numbers).toEqual(numbersOf(model))
    expect(opened.data).toEqual([
      { dataset: 'china-trade', saved: '1.0.0', current: '1.0.0', status: 'same' },
    ])
    expect(compareSnapshot(opened.snapshot, numbersOf(await modelOf(view)))).toEqual({
      changed: [],
      added: 0,
      flaggedNotes: [],
    })
    expect((await library.list()).snapshots.map((s) => s.id)).toContain(summary.id)
    expect(await library.image(summary.id)).toEqual({
      mime: 'image/png',
      data: TINY_PNG,
      width: 1,
      height: 1,
    })
  })

  it('a number altered in the file (the data changed since) is listed then and now, and the note on it is flagged', async () => {
    const model = await modelOf(view)
    const notes = [
      validNote(),
      validNote({
        id: 'n-elsewhere-1',
        target: { kind: 'point', dataset: 'china-trade', series: 'imports:world:all', period: '2025-03' },
      }),
    ]
    const library = services.workspace.snapshots
    const { id } = await library.save(
      buildSnapshot({
        title: 'Before the revision',
        view,
        model,
        notes,
        datasetVersion: '1.0.0',
        appVersion: '0.1.0',
      }),
    )
    // Edit the file as if it had been saved before a revision: October exports were 301.1, the dataset 0.9.0.
    const file = join(library.dir, `${id}.ctesnap`)
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Snapshot
    const october = doc.numbers.series
      .find((s) => s.key === 'exports:world:all')!
      .points.find((p) => p.period === '2025-10')!
    const today = october.value
    october.value = 301.1
    doc.datasets = [{ id: 'china-trade', version: '0.9.0' }]
    writeFileSync(file, JSON.stringify(doc))

    const opened = await library.open(id)
    expect(opened.data).toEqual([
      { dataset: 'china-trade', saved: '0.9.0', current: '1.0.0', status: 'changed' },
    ])
    const comparison = compareSnapshot(opened.snapshot, numbersOf(await modelOf(opened.snapshot.view)))
    expect(comparison.changed).toEqual([
      {
        key: 'exports:world:all',
        label: expect.any(String),
        period: '2025-10',
        saved: 301.1,
        current: today,
      },
    ])
    expect(comparison.flaggedNotes).toEqual(['n-busan-0001'])
  })

  it('the CSV of a snapshot equals the Explorer’s table export of the same model', async () => {
    // The renderer's modelCsv needs Chart.js (a DOM); the same rows are checked in tests/unit/renderer/notes.test.ts.
    const model = await modelOf(view)
    const csv = numbersCsv(numbersOf(model), [...model.sources.values()])
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('period,series,value,unit,kind,note,sources')
    expect(lines.filter((l) => l.startsWith('2025-10,')).length).toBe(2)
    // One row per point shown (a period a series lacks has no row, as in the table export).
    expect(lines).toHaveLength(1 + numbersOf(model).series.reduce((n, s) => n + s.points.length, 0))
  })
})

describe('the library', () => {
  let dir: string
  let exported: string
  const platform: SnapshotPlatform = {}
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cte-library-'))
    exported = mkdtempSync(join(tmpdir(), 'cte-exported-'))
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
    rmSync(exported, { recursive: true, force: true })
  })
  const open = () =>
    openSnapshotService({
      userDataDir: dir,
      currentVersion: (d) => (d === 'china-trade' ? '1.0.0' : null),
      platform,
    })

  it('a damaged library file is quarantined (its .bak used if good); the others still list', async () => {
    const library = await open()
    const a = await library.save(validSnapshot({ title: 'A' }))
    const b = await library.save(validSnapshot({ title: 'B', savedAt: '2026-01-13T00:00:00.000Z' }))
    await library.save(validSnapshot({ title: 'B2', savedAt: '2026-01-13T00:00:00.000Z' }), b.id)
    writeFileSync(
      join(library.dir, `${a.id}.ctesnap`),
      '{"format":"china-trade-explorer-snapshot","formatVersion":1,"tit',
    )
    writeFileSync(join(library.dir, `${b.id}.ctesnap`), 'garbage')
    const listed = await (await open()).list()
    // B had a previous version: restored. A had none: left out.
    expect(listed.snapshots.map((s) => s.title)).toEqual(['B'])
    expect(listed.problems).toEqual(
      [
        expect.objectContaining({
          file: `${a.id}.ctesnap`,
          recovered: 'skipped',
          quarantinedAs: expect.stringMatching(/^quarantine\//),
        }),
        expect.objectContaining({ file: `${b.id}.ctesnap`, recovered: 'backup' }),
      ].sort((x, y) => (x.file < y.file ? -1 : 1)) as never,
    )
    expect(readdirSync(join(dir, 'quarantine'))).toHaveLength(2)
    await expect(library.open(a.id)).rejects.toThrow(/no such snapshot/)
  })

  it('a library file from a newer version is left in place, not quarantined', async () => {
    const library = await open()
    writeFileSync(
      join(library.dir, 's-from-the-future.ctesnap'),
      JSON.stringify({ ...validSnapshot(), formatVersion: SNAPSHOT_FORMAT_VERSION + 1 }),
    )
    const listed = await library.list()
    expect(listed.snapshots).toEqual([])
    expect(listed.problems).toEqual([
      expect.objectContaining({ file: 's-from-the-future.ctesnap', recovered: 'skipped', quarantinedAs: '' }),
    ])
    expect(existsSync(join(library.dir, 's-from-the-future.ctesnap'))).toBe(true)
  })

  it('ids are never paths', async () => {
    const library = await open()
    for (const id of ['../../etc/passwd', 's-../../x', 'S-ABCD', '', 's-a/b-1234']) {
      await expect(library.open(id)).rejects.toThrow(/not a snapshot id/)
      await expect(library.remove(id)).rejects.toThrow(/not a snapshot id/)
    }
  })

  it('a file from outside opens only by the opaque token main granted it under; it is copied into the library (once)', async () => {
    const library = await open()
    const file = join(exported, 'from a colleague.ctesnap')
    writeFileSync(file, JSON.stringify(validSnapshot({ title: 'From a colleague' })))
    // Neither its path nor a forged token opens it.
    await expect(library.openGranted(file)).rejects.toThrow(/only opens snapshot files you chose/)
    await expect(library.openGranted(`g-${'0'.repeat(32)}`)).rejects.toThrow(
      /only opens snapshot files you chose/,
    )
    const token = await library.grant(file)
    expect(token).toMatch(/^g-[0-9a-f]{32}$/)
    expect(token).not.toContain(exported)
    const opened = await library.openGranted(token)
    expect(opened.snapshot.title).toBe('From a colleague')
    expect((await library.openGranted(token)).id).toBe(opened.id)
    expect((await library.list()).snapshots).toHaveLength(1)
    // A path that cannot be opened gets a token too; opening it says why, in plain words without the folder.
    const relative = library.openGranted(await library.grant('relative/path.ctesnap'))
    await expect(relative).rejects.toThrow(AppError)
    await expect(relative).rejects.toThrow('That is not a file the app can open.')
    const missing = library.openGranted(await library.grant(join(exported, 'missing.ctesnap')))
    await expect(missing).rejects.toThrow('missing.ctesnap does not exist (any more).')
  })

  it('two different snapshots with the same title and time are two entries; each opens as itself', async () => {
    const library = await open()
    const first = join(exported, 'first.ctesnap')
    const second = join(exported, 'second.ctesnap')
    writeFileSync(first, JSON.stringify(validSnapshot({ title: 'Same title', notes: [] })))
    writeFileSync(second, JSON.stringify(validSnapshot({ title: 'Same title', notes: [validNote()] })))
    const firstToken = await library.grant(first)
    const secondToken = await library.grant(second)
    const a = await library.openGranted(firstToken)
    const b = await library.openGranted(secondToken)
    expect(a.snapshot.savedAt).toBe(b.snapshot.savedAt)
    expect(b.id).not.toBe(a.id)
    expect((await library.open(b.id)).snapshot.notes).toHaveLength(1)
    expect((await library.open(a.id)).snapshot.notes).toHaveLength(0)
    // The same file again is the same entry.
    expect((await library.openGranted(secondToken)).id).toBe(b.id)
  })

  it('a FIFO or a device chosen in Open Snapshot is refused at once, never waited on', async () => {
    const library = await open()
    const fifo = join(exported, 'pipe.ctesnap')
    execFileSync('mkfifo', [fifo])
    const started = Date.now()
    for (const path of [fifo, '/dev/zero'])
      await expect(library.openGranted(await library.grant(path))).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(/is not a regular file\.$/),
      })
    // Had a FIFO been swapped in after the grant, reading it is refused too, without waiting for a writer.
    await expect(readSnapshotFile(fifo)).rejects.toThrow(/pipe\.ctesnap is not a file\./)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('a 2 GB file is refused before it is read (stat first), quickly', async () => {
    const file = join(exported, 'huge.ctesnap')
    writeFileSync(file, '')
    truncateSync(file, 2 * 1024 ** 3)
    const started = Date.now()
    await expect(readSnapshotFile(file)).rejects.toThrow(/2048\.0 MB: a snapshot file is at most 20 MB/)
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it.each<[string, string | Buffer, RegExp]>([
    ['empty', '', /not valid JSON/],
    ['not UTF-8', Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), /not UTF-8/],
    ['JSON, not a snapshot', '{"hello":"world"}', /not a China Trade Explorer snapshot/],
    ['nested 100k deep', '['.repeat(100_000) + ']'.repeat(100_000), /not a snapshot file|not valid JSON/],
  ])('a hostile file (%s) is refused with the reason', async (_what, content, reason) => {
    const file = join(exported, 'hostile.ctesnap')
    writeFileSync(file, content)
    await expect(readSnapshotFile(file)).rejects.toThrow(reason)
  })

  it('exports: a folder (data.csv, README.md, chart.png, the snapshot), the .ctesnap file, and PDF through the platform printer', async () => {
    let target: string | null = null
    let printed = ''
    platform.chooseExportTarget = async () => target
    platform.printPdf = async (id) => {
      printed = id
      return Buffer.from('%PDF-1.7\n%%EOF\n')
    }
    try {
      const library = await open()
      const { id } = await library.save(validSnapshot())
      expect(await library.exportTo(id, 'folder')).toBeNull() // cancelled
      target = join(exported, 'busan')
      expect(await library.exportTo(id, 'folder')).toEqual({
        name: 'busan',
        files: ['data.csv', 'README.md', 'chart.png', 'snapshot.ctesnap'],
      })
      expect(readFileSync(join(target, 'data.csv'), 'utf8')).toBe(
        numbersCsv(validSnapshot().numbers, validSnapshot().sources),
      )
      expect(readFileSync(join(target, 'README.md'), 'utf8')).toContain('# Exports after the Busan deal')
      expect(readFileSync(join(target, 'chart.png')).subarray(1, 4).toString()).toBe('PNG')
      expect(parseSnapshot(JSON.parse(readFileSync(join(target, 'snapshot.ctesnap'), 'utf8')))).toMatchObject(
        { ok: true },
      )
      // Exporting again into the same folder replaces our files; a folder with other files is refused.
      expect(await library.exportTo(id, 'folder')).not.toBeNull()
      writeFileSync(join(target, 'mine.txt'), 'x')
      await expect(library.exportTo(id, 'folder')).rejects.toThrow(/already holds other files/)

      target = join(exported, 'busan-file')
      expect(await library.exportTo(id, 'file')).toEqual({
        name: 'busan-file.ctesnap',
        files: ['busan-file.ctesnap'],
      })
      expect((await readSnapshotFile(join(exported, 'busan-file.ctesnap'))).snapshot).toEqual(validSnapshot())

      target = join(exported, 'busan.pdf')
      expect(await library.exportTo(id, 'pdf')).toEqual({ name: 'busan.pdf', files: ['busan.pdf'] })
      expect(printed).toBe(id)
      expect(readFileSync(target, 'utf8').startsWith('%PDF')).toBe(true)
    } finally {
      delete platform.chooseExportTarget
      delete platform.printPdf
    }
  })

  it('without the platform (a plain browser), export and Open say they need the desktop app', async () => {
    const library = await open()
    const { id } = await library.save(validSnapshot())
    await expect(library.exportTo(id, 'pdf')).rejects.toThrow(/PDF export needs the desktop app/)
    await expect(library.exportTo(id, 'folder')).rejects.toThrow(/needs the desktop app/)
    await expect(library.choose()).rejects.toThrow(/needs the desktop app/)
  })

  it('delete removes the file and its previous version', async () => {
    const library = await open()
    const { id } = await library.save(validSnapshot())
    await library.save(validSnapshot({ title: 'again' }), id)
    expect(await library.remove(id)).toBe(true)
    expect(readdirSync(library.dir)).toEqual([])
    expect(await library.remove(id)).toBe(false)
  })
})
