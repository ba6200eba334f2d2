// @vitest-environment happy-dom
/**
 * Notes in the renderer: Markdown rendered safely (hostile input table, and the component), chart
 * annotations from buildChartConfig, a snapshot's numbers and CSV equal to the Explorer's table and its
 * CSV export (and back), the notes store's undo, and filtering.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Series, SeriesPoint } from '@shared/api'
import { periodBounds } from '@shared/periods'
import { numbersCsv } from '@shared/tableCsv'
import { parseSnapshot } from '@shared/snapshotParse'
import { defaultViewState, selectionsOf, type ViewState } from '@shared/viewState'
import { createMemoryHistory, createRouter } from 'vue-router'
import ExplorerNotes from '../../../renderer/src/components/notes/ExplorerNotes.vue'
import NoteMarkdown from '../../../renderer/src/components/notes/NoteMarkdown.vue'
import { buildChartConfig, rangeWithRoom, xOf } from '../../../renderer/src/lib/chartConfig'
import { buildChartModel, type FetchedSeries } from '../../../renderer/src/lib/chartModel'
import { modelCsv } from '../../../renderer/src/lib/exportView'
import { ALLOWED_TAGS, markdownToHtml } from '../../../renderer/src/lib/markdown'
import { plainLabel } from '../../../renderer/src/lib/noteLabel'
import { buildSnapshot, sourcesOf } from '../../../renderer/src/lib/snapshotBuild'
import {
  chartNotesOf,
  modelOfNumbers,
  noteInView,
  numbersOf,
  viewKey,
} from '../../../renderer/src/lib/snapshotModel'
import { filterNotes, useNotesStore } from '../../../renderer/src/stores/notes'
import { i18n } from '../../../renderer/src/i18n'
import { validNote } from '../shared/workspaceFixtures'
import { answer, installBridge } from '../../support/fakeBridge'

/*
 * Layer 1 (marked, escaping raw HTML) is tested here. Layer 2 (DOMPurify) is tested in real Chromium
 * (tests/e2e/snapshots.test.ts "the sanitiser in Chromium"): under happy-dom DOMPurify does not walk the
 * tree properly (it was seen to keep a <script>), so a pass here would prove nothing about it.
 */
describe('Markdown is rendered safely (layer 1: nothing the user wrote becomes markup)', () => {
  const hostile: [string, string][] = [
    ['a script tag', '<script>window.__x = 1</script>'],
    ['an img with onerror', '<img src=x onerror="window.__x = 1">'],
    ['an svg with onload', '<svg onload="window.__x = 1"><circle r=1 /></svg>'],
    ['an iframe', '<iframe src="javascript:alert(1)"></iframe>'],
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['an encoded javascript: link', '[click](jav&#x61;script:alert(1))'],
    ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['an image (remote)', '![x](https://example.com/track.png)'],
    ['an image with a hostile alt', '![x" onerror="alert(1)](x.png)'],
    ['inline style', '<p style="position:fixed;inset:0">cover</p>'],
    ['a form', '<form action="https://evil"><input name=a></form>'],
    ['an object', '<object data="x.swf"></object>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil">'],
    ['an HTML comment hiding a script', '<!-- --><script>alert(1)</script>'],
    ['a link with an event attribute', '<a href="https://ok" onclick="alert(1)">ok</a>'],
    ['a mixed-case script', '<ScRiPt>alert(1)</sCrIpT>'],
    ['a style tag', '<style>body{display:none}</style>'],
  ]

  it.each(hostile)('%s: no element beyond the allow-list, no handler, no script URL', (_what, text) => {
    const html = markdownToHtml(`before ${text} after`)
    const box = document.createElement('div')
    box.innerHTML = html
    for (const element of box.querySelectorAll('*')) {
      expect(ALLOWED_TAGS).toContain(element.tagName.toLowerCase())
      for (const attribute of element.attributes) {
        expect(['href', 'title', 'rel', 'target']).toContain(attribute.name)
        expect(attribute.value).not.toMatch(/^\s*(javascript|data|vbscript):/i)
      }
    }
    expect(box.querySelectorAll('script, img, svg, iframe, style, form, object, meta').length).toBe(0)
    // What the user wrote is still there, as text.
    expect(box.textContent).toContain('before')
  })

  it('raw HTML shows as the characters typed', () => {
    const box = document.createElement('div')
    box.innerHTML = markdownToHtml('<img src=x onerror=alert(1)> and <script>alert(2)</script>')
    expect(box.textContent).toContain('<img src=x onerror=alert(1)>')
    expect(box.textContent).toContain('<script>alert(2)</script>')
  })

  it('Markdown still works: emphasis, lists, code, quotes, http(s) and mailto links', () => {
    const box = document.createElement('div')
    box.innerHTML = markdownToHtml(
      '**bold** _em_ `code`\n\n- one\n- two\n\n> quoted\n\n[Reuters](https://www.reuters.com/x) [mail](mailto:desk@example.com)',
    )
    expect(box.querySelector('strong')?.textContent).toBe('bold')
    expect(box.querySelector('em')?.textContent).toBe('em')
    expect(box.querySelectorAll('li').length).toBe(2)
    expect(box.querySelector('blockquote')?.textContent?.trim()).toBe('quoted')
    const links = [...box.querySelectorAll('a')]
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://www.reuters.com/x',
      'mailto:desk@example.com',
    ])
  })

  it('the NoteMarkdown component renders hostile text inert', () => {
    const wrapper = mount(NoteMarkdown, {
      props: { text: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> **ok**' },
    })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.find('script').exists()).toBe(false)
    expect(wrapper.find('strong').text()).toBe('ok')
    expect(wrapper.text()).toContain('<script>window.__pwned=2</script>')
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it.each([
    ['# Busan deal, 30 Oct 2025', 'Busan deal, 30 Oct 2025'],
    ['\n\n**Truce** with the [US](https://x)', 'Truce with the US'],
    ['- a list item', 'a list item'],
    ['x'.repeat(100), `${'x'.repeat(47)}…`],
  ])('a chart label is plain text: %j → %j', (text, label) => {
    expect(plainLabel(text)).toBe(label)
  })
})

const point = (period: string, value: number, sourceId = 's1'): SeriesPoint => {
  const b = periodBounds(period)!
  return {
    period,
    periodStart: b.start,
    periodEnd: b.end,
    value,
    status: 'published',
    note: '',
    sourceId,
    alternatives: 0,
  }
}
const src = (id: string) => ({
  id,
  title: `Source ${id}`,
  publisher: id === 's2' ? null : 'Reuters',
  published: '2025-11-07',
  url: `https://example.com/${id}`,
})
const series = (name: string, points: SeriesPoint[]): Series => ({
  dataset: 'china-trade',
  series: name,
  label: name,
  unit: 'USD bn',
  frequency: 'month',
  points,
  sources: [src('s1'), src('s2')],
})

function fixture(view: ViewState): FetchedSeries[] {
  const [exports, imports] = selectionsOf(view)
  return [
    {
      selection: exports!,
      series: series('Exports', [
        point('2024-10', 309.06),
        point('2024-11', 312.31),
        point('2025-01..2025-02', 539.94),
        point('2025-10', 305.35, 's2'),
        point('2025-11', 330.3),
      ]),
      published: null,
      total: null,
    },
    {
      selection: imports!,
      series: series('Imports, as "published"', [
        point('2024-11', 211.9),
        point('2025-10', 215.3),
        point('2025-11', 218.6),
      ]),
      published: null,
      total: null,
    },
  ]
}
const view: ViewState = { ...defaultViewState(), flows: ['exports', 'imports'] }

describe('a snapshot’s numbers are the table’s', () => {
  it.each(['none', 'yoy', 'ytd', 'rolling12'] as const)(
    'transform %s: the snapshot CSV equals modelCsv, and the numbers come back as the same model',
    (transform) => {
      const v = { ...view, transform }
      const model = buildChartModel(v, fixture(v), (s) => s.key)
      const numbers = numbersOf(model)
      const sources = sourcesOf(model)
      expect(numbersCsv(numbers, sources)).toBe(modelCsv(model))
      const back = modelOfNumbers(numbers, sources, v)
      expect(modelCsv(back)).toBe(modelCsv(model))
      expect(back.periods).toEqual(model.periods)
      // And the whole snapshot validates.
      const snapshot = buildSnapshot({
        title: 'T',
        view: v,
        model,
        notes: [],
        datasetVersion: '1.0.0',
        appVersion: '0.1.0',
      })
      expect(parseSnapshot(JSON.parse(JSON.stringify(snapshot))).ok).toBe(true)
    },
  )
})

describe('notes on the chart', () => {
  const theme = { text: '#111', muted: '#555', grid: '#ddd', surface: '#fff' }
  const text = { t: (k: string) => k, locale: 'en', period: (p: string) => p }
  const refs = { annual: null, projection: null }
  const annotations = (v: ViewState, notes: ReturnType<typeof chartNotesOf>) => {
    const model = buildChartModel(v, fixture(v), (s) => s.key)
    return (
      buildChartConfig(model, v, refs, theme, text, undefined, notes).options!.plugins!.annotation as {
        annotations: Record<string, any>
      }
    ).annotations
  }

  it('a point note: a ring at the value shown and a plain-text label; a range note: a box; others: not drawn', () => {
    const notes = [
      validNote({ text: '**Busan** deal' }),
      validNote({
        id: 'n-range-0001',
        target: { kind: 'range', dataset: 'china-trade', from: '2024-11', to: '2025-10' },
        text: 'Tariff truce',
      }),
      validNote({
        id: 'n-series-001',
        target: { kind: 'series', dataset: 'china-trade', series: 'exports:world:all' },
      }),
      validNote({
        id: 'n-other-0001',
        target: { kind: 'point', dataset: 'china-trade', series: 'exports:us:all', period: '2025-10' },
      }),
    ]
    const drawn = chartNotesOf(notes, view, (n) => plainLabel(n.text), new Set(['n-range-0001']))
    expect(drawn.map((n) => n.id)).toEqual(['n-busan-0001', 'n-range-0001'])
    const a = annotations(view, drawn)
    expect(a['note-n-busan-0001']).toMatchObject({ type: 'point', yValue: 305.35 })
    expect(a['note-n-busan-0001-label']).toMatchObject({
      type: 'label',
      content: 'Busan deal',
      yValue: 305.35,
    })
    expect(a['note-n-range-0001']).toMatchObject({ type: 'box', label: { content: '⚠ Tariff truce' } })
    // Hidden series: its notes are not drawn.
    expect(Object.keys(annotations({ ...view, hidden: ['exports:world:all'] }, drawn))).toEqual([
      'note-n-range-0001',
    ])
    // The y/y view: the ring sits on the y/y value (or nowhere, where there is none).
    expect(annotations({ ...view, transform: 'yoy' }, drawn)['note-n-busan-0001']).toMatchObject({
      yValue: (305.35 / 309.06 - 1) * 100,
    })
  })

  it('a ring on the last period has the room to be drawn whole: the x axis widens by its pixels', () => {
    const last = validNote({
      id: 'n-last-00001',
      target: { kind: 'point', dataset: 'china-trade', series: 'exports:world:all', period: '2025-11' },
    })
    const drawn = chartNotesOf([last], view, (n) => plainLabel(n.text), new Set())
    const model = buildChartModel(view, fixture(view), (s) => s.key)
    const x = buildChartConfig(model, view, refs, theme, text, undefined, drawn).options!.scales!.x as {
      min: number
      max: number
      afterDataLimits: (axis: { min: number; max: number; width: number }) => void
    }
    // 2024-10 to 2025-11 on a plot 100 px wide: 15 months, 6.7 px each, so half a month (3.3 px)
    // past the last point is less than the ring's 7 px radius, 1 px of its 2 px line and 1 spare.
    const axis = { min: x.min, max: x.max, width: 100 }
    x.afterDataLimits(axis)
    expect(axis.min).toBe(x.min)
    const ring = xOf('2025-11')
    expect(((axis.max - ring) * axis.width) / (axis.max - axis.min)).toBeCloseTo(9, 6)
    // Wide enough already: left as it is.
    const wide = { min: x.min, max: x.max, width: 1000 }
    x.afterDataLimits(wide)
    expect(wide).toEqual({ min: x.min, max: x.max, width: 1000 })
  })

  it('a ring on the highest value has the room too: the y axis widens by its pixels', () => {
    const peak = validNote({
      id: 'n-peak-00001',
      target: {
        kind: 'point',
        dataset: 'china-trade',
        series: 'exports:world:all',
        period: '2025-01..2025-02',
      },
    })
    const drawn = chartNotesOf([peak], view, (n) => plainLabel(n.text), new Set())
    const model = buildChartModel(view, fixture(view), (s) => s.key)
    const y = buildChartConfig(model, view, refs, theme, text, undefined, drawn).options!.scales!.y as {
      afterDataLimits: (axis: { min: number; max: number; height: number; chart: unknown }) => void
    }
    // The data's own limits, as Chart.js has them when it calls back: 300 to 539.94 (the peak) on 100 px.
    const axis = { min: 300, max: 539.94, height: 100, chart: {} }
    y.afterDataLimits(axis)
    expect(axis.min).toBe(300)
    expect(((axis.max - 539.94) * axis.height) / (axis.max - axis.min)).toBeCloseTo(9, 6)
  })

  it('rangeWithRoom: the widened range, worked out by hand', () => {
    // A point at 99.5 on 0..100, 9 px of room on 600 px: (M − 99.5) × 600 / M = 9, so M = 59700 / 591.
    const right = rangeWithRoom(0, 100, [99.5], 9, 600)
    expect(right.min).toBe(0)
    expect(right.max).toBeCloseTo(59700 / 591, 9)
    // Both ends, symmetric about 50 with half-width h: (50 + h − 99.5) × 600 = 9 × 2h, so h = 29700 / 582.
    const both = rangeWithRoom(0, 100, [0.5, 99.5], 9, 600)
    expect(both.max).toBeCloseTo(50 + 29700 / 582, 9)
    expect(both.min).toBeCloseTo(50 - 29700 / 582, 9)
    // Room enough, or nothing to make room for: unchanged.
    expect(rangeWithRoom(0, 100, [50], 9, 600)).toEqual({ min: 0, max: 100 })
    expect(rangeWithRoom(0, 100, [], 9, 600)).toEqual({ min: 0, max: 100 })
  })

  it('which notes belong to a view: dataset, series shown, the same view (dataset version aside)', () => {
    expect(noteInView(validNote(), view)).toBe(true)
    expect(noteInView(validNote({ target: { kind: 'dataset', dataset: 'other' } }), view)).toBe(false)
    const viewNote = validNote({ target: { kind: 'view', dataset: 'china-trade', view: viewKey(view) } })
    expect(noteInView(viewNote, { ...view, datasetVersion: '0.9.0' })).toBe(true)
    expect(noteInView(viewNote, { ...view, transform: 'yoy' })).toBe(false)
  })
})

describe('the notes listed under the chart', () => {
  afterEach(() => {
    delete (window as unknown as { trade?: unknown }).trade
  })

  /** The list under a chart of `v` whose exports are `points`, with the one note saved on monthly exports. */
  async function listed(v: ViewState, points: SeriesPoint[]) {
    const pinia = createPinia()
    setActivePinia(pinia)
    installBridge({ listNotes: () => answer('listNotes', [validNote()]) })
    await useNotesStore().load()
    const [exports] = selectionsOf(v)
    const model = buildChartModel(
      v,
      [
        {
          selection: exports!,
          series: { ...series('Exports', points), frequency: v.frequency },
          published: null,
          total: null,
        },
      ],
      (s) => s.key,
    )
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/', name: 'explorer', component: { template: '<div />' } }],
    })
    const wrapper = mount(ExplorerNotes, {
      props: { model, view: v, references: { annual: null, projection: null }, title: 'Exports' },
      global: { plugins: [pinia, i18n, router] },
    })
    await flushPromises()
    return wrapper.find('[data-note="n-busan-0001"]')
  }

  it('says "on the chart" of a note the chart draws, and not of one it cannot draw', async () => {
    const monthly = await listed(view, [point('2025-09', 300.1), point('2025-10', 305.35)])
    expect(monthly.exists()).toBe(true)
    expect(monthly.text()).toContain('on the chart')
    // Annual shares of the world: the note about October 2025 is about this series but has no point
    // here, so it is listed without the claim.
    const annual: ViewState = { ...view, flows: ['exports'], frequency: 'year', transform: 'share' }
    const year = await listed(annual, [point('2024', 3578.4), point('2025', 3772.1)])
    expect(year.exists()).toBe(true)
    expect(year.text()).not.toContain('on the chart')
  })
})

describe('notes store: edit, delete, undo', () => {
  const disk = new Map<string, unknown>()
  beforeEach(() => {
    setActivePinia(createPinia())
    disk.clear()
    installBridge({
      listNotes: () => answer('listNotes', [...disk.values()]),
      saveNote: ({ note }: { note: { id: string } }) => (disk.set(note.id, note), answer('saveNote', note)),
      deleteNote: ({ id }: { id: string }) => {
        const deleted = disk.get(id) ?? null
        disk.delete(id)
        return answer('deleteNote', { deleted })
      },
    })
  })
  afterEach(() => {
    delete (window as unknown as { trade?: unknown }).trade
  })

  it('create, edit, delete; undo walks back each step', async () => {
    const notes = useNotesStore()
    notes.compose(validNote().target)
    expect(await notes.save({ ...notes.draft!, text: 'first', tags: ['US'] })).toBeNull()
    const id = notes.notes[0]!.id
    expect(id).toMatch(/^n-[a-z0-9-]+$/)
    notes.edit(notes.notes[0]!)
    expect(await notes.save({ ...notes.draft!, text: 'second' })).toBeNull()
    await notes.remove(id)
    expect(notes.notes).toEqual([])
    await notes.undo()
    expect(notes.notes.map((n) => n.text)).toEqual(['second'])
    await notes.undo()
    expect(notes.notes.map((n) => n.text)).toEqual(['first'])
    await notes.undo()
    expect(notes.notes).toEqual([])
    expect(disk.size).toBe(0)
  })

  it('an invalid note is explained, not sent', async () => {
    const notes = useNotesStore()
    notes.compose(validNote().target)
    expect(await notes.save({ ...notes.draft!, text: 'x', tags: ['<b>'] })).toBe(
      'This note cannot be saved: its field tags.0 should hold letters, digits, spaces, dots, dashes and underscores, first a letter or a digit.',
    )
    expect(disk.size).toBe(0)
  })

  it('filters by text, dataset and tag, newest first', () => {
    const list = [
      validNote({ id: 'n-a-000001', text: 'Busan', tags: ['US'], updatedAt: '2026-01-01T00:00:00.000Z' }),
      validNote({
        id: 'n-b-000001',
        text: 'Soybeans',
        tags: ['Brazil'],
        updatedAt: '2026-02-01T00:00:00.000Z',
      }),
      validNote({
        id: 'n-c-000001',
        text: 'Other data',
        tags: [],
        target: { kind: 'dataset', dataset: 'comtrade' },
        updatedAt: '2025-12-01T00:00:00.000Z',
      }),
    ]
    expect(filterNotes(list, { text: 'bus' }).map((n) => n.id)).toEqual(['n-a-000001'])
    expect(filterNotes(list, { tag: 'Brazil' }).map((n) => n.id)).toEqual(['n-b-000001'])
    expect(filterNotes(list, { dataset: 'comtrade' }).map((n) => n.id)).toEqual(['n-c-000001'])
    expect(filterNotes(list, {}).map((n) => n.id)).toEqual(['n-b-000001', 'n-a-000001', 'n-c-000001'])
  })
})

// The i18n catalogue has the notes strings in both languages (same keys).
describe('notes messages', () => {
  it('English and Chinese have the same keys', async () => {
    const messages = (await import('../../../renderer/src/i18n/messages/notes')).default
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      )
    expect(keys(messages['zh-CN'])).toEqual(keys(messages.en))
    expect(i18n.global.t('notes.add')).toBe('Add note')
    await flushPromises()
    vi.restoreAllMocks()
  })
})
