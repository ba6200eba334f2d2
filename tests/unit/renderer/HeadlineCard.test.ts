// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { HeadlineFigure } from '@shared/api'
import HeadlineCard from '../../../renderer/src/components/HeadlineCard.vue'
import { i18n } from '../../../renderer/src/i18n'

const source = {
  id: 's1',
  title: 'China exports rebound (AP, 2025-12-08)',
  publisher: 'AP',
  published: '2025-12-08',
  url: 'https://example.org/ap',
}
const other = {
  ...source,
  id: 's2',
  publisher: 'dpa-AFX',
  title: 'China Exports Rebound On EU Demand',
  url: 'https://example.org/dpa',
}

const mountCard = (figure: HeadlineFigure) =>
  mount(HeadlineCard, { props: { figure, periodLabel: 'Nov 2025' }, global: { plugins: [i18n] } })

describe('HeadlineCard', () => {
  it('shows the level, the signed published y/y and one source when both come from it', () => {
    const card = mountCard({
      flow: 'exports',
      label: 'Exports',
      level: { value: 330.3, unit: 'USD bn', source, note: '' },
      yoy: { value: 5.9, source, note: '' },
    })
    expect(card.get('[data-test="level"]').text()).toBe('$330.3 bn')
    expect(card.get('[data-test="yoy"]').text()).toContain('+5.9%')
    expect(card.find('[data-test="yoy"] .up').exists()).toBe(true)
    expect(card.findAll('.sources a').map((a) => a.attributes('href'))).toEqual(['https://example.org/ap'])
    expect(card.attributes('aria-label')).toBe('Exports, Nov 2025')
  })

  it('names both sources when level and y/y were read in different places, and marks a fall', () => {
    const card = mountCard({
      flow: 'exports',
      label: 'Exports',
      level: { value: 305.35, unit: 'USD bn', source, note: '' },
      yoy: { value: -1.1, source: other, note: '' },
    })
    expect(card.get('[data-test="yoy"]').text()).toContain('-1.1%')
    expect(card.find('[data-test="yoy"] .down').exists()).toBe(true)
    expect(card.findAll('.sources a').map((a) => a.attributes('href'))).toEqual([
      'https://example.org/ap',
      'https://example.org/dpa',
    ])
  })

  it('shows a missing level as missing, never as zero or an estimate', () => {
    const card = mountCard({
      flow: 'imports',
      label: 'Imports',
      level: null,
      yoy: { value: -2.3, source, note: '' },
    })
    expect(card.get('[data-test="level"]').text()).toBe('not published in the sources read')
    expect(card.text()).not.toMatch(/\$0/)
  })

  it('speaks Simplified Chinese when the UI does', () => {
    i18n.global.locale.value = 'zh-CN'
    try {
      const card = mountCard({ flow: 'imports', label: 'Imports', level: null, yoy: null })
      expect(card.get('h3').text()).toBe('进口')
      // Its name for a screen reader, with the Chinese comma.
      expect(card.attributes('aria-label')).toBe('进口，Nov 2025')
      expect(card.get('[data-test="level"]').text()).toBe('所读来源中未公布')
    } finally {
      i18n.global.locale.value = 'en'
    }
  })

  it('has no y/y line for the balance (none is published)', () => {
    const card = mountCard({
      flow: 'balance',
      label: 'Trade balance',
      level: { value: 111.68, unit: 'USD bn', source, note: '' },
      yoy: null,
    })
    expect(card.find('[data-test="yoy"]').exists()).toBe(false)
  })
})
