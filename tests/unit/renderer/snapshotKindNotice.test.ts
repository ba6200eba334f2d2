// @vitest-environment happy-dom
/**
 * What an opened snapshot says of itself: self-contained or linked, and for a self-contained view of
 * an imported dataset whether its breakdown (ranking, treemap, map) came in the file too — a format-2
 * snapshot, saved before the breakdown was kept, says its breakdown needs the dataset.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { EmbeddedBreakdown, OpenedSnapshot, Snapshot } from '../../../electron/shared/snapshot'
import SnapshotKindNotice from '../../../renderer/src/components/notes/SnapshotKindNotice.vue'
import { i18n } from '../../../renderer/src/i18n'
import { validSnapshot } from '../shared/workspaceFixtures'

const DATASET = 'plus-thailand-hs8542-imports'
const breakdown = { query: { dataset: DATASET } } as EmbeddedBreakdown
const embedded = (b: EmbeddedBreakdown | null): Snapshot['embedded'] => ({
  series: [],
  annual: null,
  projection: null,
  breakdown: b,
})

function notice(patch: Partial<Snapshot>, showingSaved = true) {
  const base = validSnapshot()
  const snapshot = validSnapshot({
    view: { ...base.view, dataset: DATASET },
    datasets: [{ id: DATASET, version: '1', fileName: `${DATASET}.csv`, sha256: 'ab'.repeat(32) }],
    ...patch,
  })
  const opened: OpenedSnapshot = {
    id: 's-chips',
    snapshot,
    data: [{ dataset: DATASET, saved: '1', current: null, status: 'missing' }],
    migratedFrom: null,
  }
  return mount(SnapshotKindNotice, { props: { opened, showingSaved }, global: { plugins: [i18n] } })
}

describe('the notice of an opened snapshot', () => {
  it('self-contained with its breakdown: the chart, the table and the breakdown come from the file', () => {
    const w = notice({ embedded: embedded(breakdown) })
    const kind = w.get('[data-test="snapshot-kind"]')
    expect(kind.attributes('data-kind')).toBe('self-contained')
    expect(kind.text()).toContain(
      'The chart, the table and the breakdown (ranking, treemap or map) show the data saved in it; it needs no dataset.',
    )
    expect(w.find('[data-test="snapshot-no-breakdown"]').exists()).toBe(false)
  })

  it('self-contained from before the breakdown was kept: says the breakdown needs the dataset', () => {
    const w = notice({ embedded: embedded(null) })
    expect(w.get('[data-test="snapshot-kind"]').text()).toContain(
      'The chart and the table show the data saved in it',
    )
    expect(w.get('[data-test="snapshot-no-breakdown"]').text()).toBe(
      'It was saved before snapshots kept the breakdown: its ranking, treemap and map need the dataset in your library.',
    )
  })

  it('its two sentences are joined as each language joins them: no space after a Chinese full stop', async () => {
    expect(notice({}, false).get('[data-test="snapshot-kind"]').text()).toBe(
      'Linked snapshot. It reads its data from your library.',
    )
    i18n.global.locale.value = 'zh-CN'
    try {
      expect(notice({}, false).get('[data-test="snapshot-kind"]').text()).toBe(
        '关联快照。它从您的数据库读取数据。',
      )
    } finally {
      i18n.global.locale.value = 'en'
    }
  })

  it('linked, or of the bundled package: says nothing of a breakdown', () => {
    expect(notice({}).find('[data-test="snapshot-no-breakdown"]').exists()).toBe(false)
    const bundled = notice({
      view: validSnapshot().view,
      datasets: [{ id: 'china-trade', version: '1.0.0' }],
      embedded: embedded(null),
    })
    expect(bundled.find('[data-test="snapshot-no-breakdown"]').exists()).toBe(false)
  })
})
