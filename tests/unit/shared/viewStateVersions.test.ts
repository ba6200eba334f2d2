/**
 * The view state's breakdown (what is ranked, the picture, top N, the product drilled into) and its
 * versions: it travels in the state string, a session and a snapshot; views, sessions, snapshots and
 * view notes saved before it existed (view version 1, snapshot format 1) still open, upgraded.
 */
import { describe, expect, it } from 'vitest'
import { Session, type Note } from '../../../electron/shared/notes'
import { SNAPSHOT_FORMAT_VERSION } from '../../../electron/shared/snapshot'
import { parseSnapshot } from '../../../electron/shared/snapshotParse'
import { snapshotReadme } from '../../../electron/shared/snapshotReadme'
import { upgradeView, VIEW_STATE_VERSION } from '../../../electron/shared/viewMigrations'
import { defaultViewState, encodeViewState, type ViewState } from '../../../electron/shared/viewState'
import { decodeViewState } from '../../../electron/shared/viewStateSchema'
import { wordRefusal } from '../../../renderer/src/lib/refusals'
import { noteInView, viewKey } from '../../../renderer/src/lib/snapshotModel'
import { inChinese, refusalWording } from '../../support/refusalWording'
import { T0, validSnapshot } from './workspaceFixtures'

const imported = (breakdown?: ViewState['breakdown']): ViewState => ({
  ...defaultViewState(),
  dataset: 'plus-thailand-hs8542-imports',
  reporter: 'thailand',
  flows: ['imports'],
  partners: ['china'],
  unit: 'USD',
  frequency: 'year',
  range: {},
  ...(breakdown ? { breakdown } : {}),
})
/** A view as a version-1 build wrote it: no breakdown, version 1. */
const versionOne = (view: ViewState) => {
  const { breakdown: _b, ...rest } = view
  return { ...rest, version: 1 }
}

describe('the breakdown in the state string', () => {
  it('round-trips: ranking, picture, top N and the node drilled into', () => {
    const view = imported({ by: 'product', picture: 'treemap', top: 20, drill: 'hs85' })
    const text = encodeViewState(view)
    expect(text).toContain(`v=${VIEW_STATE_VERSION}&`)
    expect(text).toContain('by=product&picture=treemap&top=20&drill=hs85')
    expect(decodeViewState(text)).toEqual({ ok: true, view })
  })

  it('is left out when the view has none (the first picture), and a missing setting takes its default', () => {
    expect(encodeViewState(imported())).not.toMatch(/by=|picture=|top=|drill=/)
    const decoded = decodeViewState(`${encodeViewState(imported())}&by=partner`)
    expect(decoded).toEqual({
      ok: true,
      view: imported({ by: 'partner', picture: 'table', top: 10, drill: 'all' }),
    })
  })

  it.each([
    [
      'a treemap of partners',
      'by=partner&picture=treemap',
      /the treemap ranks products and the map partners/,
    ],
    ['a map of products', 'by=product&picture=map', /the treemap ranks products and the map partners/],
    ['a top N the panel does not offer', 'by=product&top=7', /top is one of 5, 10, 20, 50/],
    ['a subheading to drill into (the finest level)', 'by=product&drill=hs854231', /drill-down is at/],
    ['a path instead of a code', 'by=product&drill=../hs85', /drill-down is at/],
    ['a picture but no ranking', 'picture=treemap', /breakdown\.by/],
    ['an unknown picture', 'by=product&picture=pie', /breakdown\.picture/],
  ])('refuses %s, with the reason', (_name, params, reason) => {
    const decoded = decodeViewState(`${encodeViewState(imported())}&${params}`)
    expect(decoded.ok).toBe(false)
    if (!decoded.ok) expect(decoded.message).toMatch(reason)
  })
})

describe('quarterly views', () => {
  it('round-trip in the state string: the quarterly frequency and q/q', () => {
    const view: ViewState = {
      ...imported(),
      frequency: 'quarter',
      transform: 'qoq',
      range: { from: '2020-Q1' },
    }
    expect(decodeViewState(encodeViewState(view))).toEqual({ ok: true, view })
  })

  it('add values, not a version: every view saved before them reads the same', () => {
    // Written by the build before quarters (version 2, which had neither value).
    const before = `v=2&dataset=china-trade&measure=level&frequency=month&unit=USD+bn&transform=mom&displayUnit=bn&chart=line&flows=exports&partners=world&products=all&from=2018-01`
    expect(VIEW_STATE_VERSION).toBe(2)
    expect(decodeViewState(before)).toEqual({
      ok: true,
      view: { ...defaultViewState(), flows: ['exports'], transform: 'mom' },
    })
    expect(decodeViewState(before.replace('frequency=month', 'frequency=fortnight')).ok).toBe(false)
  })
})

describe('a view string refused in the page’s language', () => {
  const refused = (text: string) => {
    const decoded = decodeViewState(text)
    if (decoded.ok) throw new Error('opened')
    return { en: wordRefusal(decoded.said, refusalWording('en')), zh: inChinese(decoded.said) }
  }
  const headline = encodeViewState(defaultViewState())

  it('names the setting as the string writes it, never the schema’s words', () => {
    expect(refused(headline.replace('frequency=month', 'frequency=fortnight'))).toEqual({
      en: 'The view string is not valid: its setting frequency is not one the app can show.',
      zh: '视图字符串无效：其中的设置 frequency 不是应用能显示的。',
    })
    expect(refused(`${headline}&by=product&top=7`).zh).toBe(
      '视图字符串无效：其中的设置 top 不是应用能显示的。',
    )
    expect(refused('v=99&dataset=china-trade').zh).toBe('视图字符串无效：其中的设置 v 不是应用能显示的。')
  })

  it('an unknown setting, and a string too long to read', () => {
    expect(refused(`${headline}&colour=red`)).toEqual({
      en: 'Unknown setting "colour" in the view string.',
      zh: '视图字符串中有未知的设置“colour”。',
    })
    expect(refused(`${headline}&from=${'x'.repeat(5000)}`).zh).toMatch(/^视图字符串最多 [\d,]+ 个字符。$/)
  })
})

describe('views saved before the breakdown was kept (version 1)', () => {
  it('a version-1 state string opens, at the first picture', () => {
    const text = encodeViewState(imported()).replace(`v=${VIEW_STATE_VERSION}`, 'v=1')
    expect(text).toMatch(/^v=1&/)
    expect(decodeViewState(text)).toEqual({ ok: true, view: imported() })
  })

  it('upgradeView steps a version-1 object to today’s version and leaves anything else for the schema', () => {
    expect(upgradeView(versionOne(imported()))).toEqual(imported())
    expect(upgradeView({ version: 99, dataset: 'x' })).toEqual({ version: 99, dataset: 'x' })
    expect(upgradeView('v=1')).toBe('v=1')
    expect(decodeViewState('v=99&dataset=china-trade').ok).toBe(false)
  })

  it('an autosaved session with a version-1 view is restored, upgraded', () => {
    const parsed = Session.safeParse({
      format: 'china-trade-explorer-session',
      formatVersion: 1,
      savedAt: T0,
      view: versionOne(imported()),
    })
    expect(parsed.success && parsed.data.view).toEqual(imported())
    const drilled = imported({ by: 'product', picture: 'treemap', top: 10, drill: 'hs_s16' })
    const again = Session.safeParse({
      format: 'china-trade-explorer-session',
      formatVersion: 1,
      savedAt: T0,
      view: drilled,
    })
    expect(again.success && again.data.view).toEqual(drilled)
  })

  it('a format-1 snapshot migrates to today’s format: its view upgraded, everything else as saved', () => {
    const today = validSnapshot()
    const old = { ...JSON.parse(JSON.stringify(today)), formatVersion: 1, view: versionOne(today.view) }
    const answer = parseSnapshot(old)
    expect(answer).toEqual({ ok: true, snapshot: today, migratedFrom: 1 })
    expect(SNAPSHOT_FORMAT_VERSION).toBe(3)
  })

  it('a format-1 snapshot whose view is not a version-1 view is refused with the reason', () => {
    const old = { ...JSON.parse(JSON.stringify(validSnapshot())), formatVersion: 1, view: { version: 7 } }
    const answer = parseSnapshot(old)
    expect(answer.ok).toBe(false)
    if (!answer.ok) expect(answer.message).toMatch(/its view is not one a format 1 snapshot holds/)
  })

  it('a snapshot keeps the breakdown it was saved with, and its README says what it showed', () => {
    const view = {
      ...imported({ by: 'product', picture: 'treemap', top: 10, drill: 'hs85' }),
      datasetVersion: '1',
    }
    const snapshot = validSnapshot({ view, datasets: [{ id: view.dataset, version: '1' }] })
    const answer = parseSnapshot(JSON.parse(JSON.stringify(snapshot)))
    expect(answer.ok && answer.snapshot.view.breakdown).toEqual(view.breakdown)
    expect(snapshotReadme(snapshot, [])).toContain(
      '- Breakdown: products as a treemap, top 10, drilled into `hs85`',
    )
  })
})

describe('view notes', () => {
  const note = (view: string): Pick<Note, 'target'> => ({
    target: { kind: 'view', dataset: 'plus-thailand-hs8542-imports', view },
  })

  it('belong to the chart, whatever the breakdown under it shows', () => {
    const key = viewKey(imported())
    expect(
      noteInView(note(key), imported({ by: 'product', picture: 'treemap', top: 5, drill: 'hs85' })),
    ).toBe(true)
    expect(noteInView(note(key), { ...imported(), transform: 'yoy' })).toBe(false)
  })

  it('written by a version-1 build (its state string) still show on that view', () => {
    const old = new URLSearchParams(encodeViewState(imported()))
    old.set('v', '1')
    expect(old.toString()).toMatch(/^v=1&/)
    expect(noteInView(note(old.toString()), imported())).toBe(true)
    expect(noteInView(note(old.toString()), { ...imported(), partners: ['japan'] })).toBe(false)
  })
})
