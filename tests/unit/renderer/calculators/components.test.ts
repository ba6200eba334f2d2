// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import app from '../../../../renderer/src/i18n/messages/app'
import messages from '../../../../renderer/src/i18n/messages/calculators'
import CalcNumberField from '../../../../renderer/src/components/calculators/CalcNumberField.vue'
import CalcValue from '../../../../renderer/src/components/calculators/CalcValue.vue'
import FullYearYuan from '../../../../renderer/src/components/calculators/FullYearYuan.vue'
import SensitivityTable from '../../../../renderer/src/components/calculators/SensitivityTable.vue'
import { twoWayTable } from '../../../../renderer/src/lib/calculators/sensitivity'
import type { YuanModel } from '../../../../renderer/src/lib/calculators/yuanView'

const i18n = () =>
  createI18n({
    legacy: false,
    // As the app's build: no components installed globally, each imports I18nT itself.
    globalInstall: false,
    locale: 'en',
    fallbackLocale: 'en',
    // The app's own messages too: a value's reason is put in the language's brackets (app.aside).
    messages: {
      en: { ...messages.en, ...app.en },
      'zh-CN': { ...messages['zh-CN'], ...app['zh-CN'] },
    },
  })
const global = () => ({ plugins: [i18n()] })

function field(props: Record<string, unknown> = {}) {
  return mount(CalcNumberField, {
    props: {
      modelValue: 5,
      label: 'Export growth x',
      id: 'x',
      suffix: '%',
      percent: true,
      min: -100,
      max: 1000,
      ...props,
    },
    global: global(),
  })
}

describe('CalcNumberField', () => {
  it('passes a valid number on as the user types, with “%” as the suffix (5 means 5 %)', async () => {
    const w = field()
    const input = w.get('input')
    expect(input.element.value).toBe('5')
    expect(w.get('.suffix').text()).toBe('%')
    await input.setValue('7.5')
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([7.5])
    await input.setValue('−3') // a typographic minus
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([-3])
    expect(input.attributes('aria-invalid')).toBe('false')
  })

  it('a field in billions typed in 亿 (scale 10): shows, reads and bounds the value in the unit it names', async () => {
    const w = field({ modelValue: 359.4, suffix: '亿美元', percent: false, min: 0, max: 100000, scale: 10 })
    const input = w.get('input')
    expect(input.element.value).toBe('3594')
    await input.setValue('3600.5')
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([360.05])
    await input.setValue('2000000')
    expect(w.get('[role="alert"]').text()).toContain('1,000,000 亿美元')
    // A value set from outside (a scenario loaded) is written in the typed unit.
    await w.setProps({ modelValue: 12.5 })
    expect(input.element.value).toBe('125')
    // The language changed back to billions: the same value, written in them.
    await w.setProps({ scale: 1 })
    expect(input.element.value).toBe('12.5')
  })

  it('marks invalid input, explains it (role=alert) and passes nothing on', async () => {
    const w = field()
    const input = w.get('input')
    for (const [typed, message] of [
      ['abc', 'is not a number'],
      ['1,5', 'Use a dot for decimals'],
      ['', 'Enter a number'],
      ['-150', 'from -100% to 1,000%'],
      ['NaN', 'is not a number'],
      ['Infinity', 'is not a number'],
      ['1e3', 'is not a number'],
    ]) {
      const before = w.emitted('update:modelValue')?.length ?? 0
      await input.setValue(typed)
      expect(input.attributes('aria-invalid'), typed).toBe('true')
      const alert = w.get('[role="alert"]')
      expect(alert.text(), typed).toContain(message)
      expect(input.attributes('aria-describedby')).toContain(alert.attributes('id'))
      expect(w.emitted('update:modelValue')?.length ?? 0, typed).toBe(before)
    }
    expect(w.emitted('validity')?.at(-1)?.[0]).toContain('is not a number')
    await input.setValue('2')
    expect(w.emitted('validity')?.at(-1)).toEqual([null])
  })

  it('makes percent vs fraction unambiguous: 0.05 is read as 0.05 %, with a hint', async () => {
    const w = field()
    await w.get('input').setValue('0.05')
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([0.05])
    expect(w.get('[role="status"]').text()).toBe('Read as 0.05% (a fraction of one percent). For 5%, type 5.')
  })

  it('an optional field may be left empty (cleared), an integer field refuses decimals', async () => {
    const optional = field({ optional: true, modelValue: 1200 })
    await optional.get('input').setValue('')
    expect(optional.emitted('cleared')).toHaveLength(1)
    expect(optional.find('[role="alert"]').exists()).toBe(false)
    const year = field({ integer: true, suffix: '', percent: false, modelValue: 2025, min: 1901, max: 2100 })
    await year.get('input').setValue('2025.5')
    expect(year.get('[role="alert"]').text()).toBe('Enter a whole number.')
  })

  it('follows the model when it changes from outside (a scenario loaded, Goal Seek applied)', async () => {
    const w = field()
    await w.setProps({ modelValue: 8.383036 })
    expect(w.get('input').element.value).toBe('8.383036')
  })
})

describe('CalcValue', () => {
  it.each([
    [Number.NaN, 'not a number: check the inputs'],
    [Number.POSITIVE_INFINITY, 'infinite: check the inputs'],
    [null, 'not computable'],
  ])('shows %s as “—” with the reason, never NaN or Infinity', (value, reason) => {
    const w = mount(CalcValue, { props: { value, format: 'usd-bn' }, global: global() })
    expect(w.get('.num').text()).toBe('—')
    expect(w.get('.why').text()).toBe(`(${reason})`)
    expect(w.text()).not.toMatch(/NaN|Infinity/)
  })

  it('formats a finite number in its style', () => {
    expect(mount(CalcValue, { props: { value: 1184.84, format: 'usd-bn' }, global: global() }).text()).toBe(
      '$1,184.84 bn',
    )
    expect(mount(CalcValue, { props: { value: 2.19, format: 'pp' }, global: global() }).text()).toBe(
      '+2.19 pp',
    )
  })
})

describe('SensitivityTable', () => {
  it('an accessible table: header cells with scope, cells above the threshold marked ▲ and bold with a legend, the current cell labelled', () => {
    const table = twoWayTable([-2, 0, 2], [0, 5], (r, c) => 1000 + 10 * r - 5 * c, {
      value: 1000,
      direction: 'above',
    })
    const w = mount(SensitivityTable, {
      props: {
        table,
        caption: 'Surplus',
        rowLabel: 'x',
        columnLabel: 'y',
        current: { row: 0, column: 0 },
        legend: 'above the record, $992.16 bn (2024)',
        valueStyle: 'plain',
      },
      global: global(),
    })
    expect(w.get('caption').text()).toBe('Surplus')
    expect(w.findAll('th[scope="col"]')).toHaveLength(3)
    expect(w.findAll('th[scope="row"]').map((th) => th.text())).toEqual(['-2%', '0%', '+2%'])
    const beyond = w.findAll('td[data-beyond="true"]')
    expect(beyond.map((td) => td.get('.v').text())).toEqual(['1,020'])
    expect(beyond[0]!.get('.mark').text()).toBe('▲')
    expect(beyond[0]!.text()).toContain('(above the record)')
    expect(w.get('td[aria-current="true"]').text()).toContain('1,000')
    expect(w.get('.legend').text()).toContain('bold = above the record, $992.16 bn (2024).')
  })

  it('writes its legend as a sentence of the reader’s language, its full stop too', () => {
    const legend = (locale: 'en' | 'zh-CN', record: number, text: string) => {
      const plugin = i18n()
      plugin.global.locale.value = locale
      const table = twoWayTable([-2, 0, 2], [0], (r) => 1000 + 10 * r, { value: record, direction: 'above' })
      const props = {
        table,
        caption: 'c',
        rowLabel: 'x',
        columnLabel: null,
        current: { row: 0, column: null },
      }
      return mount(SensitivityTable, {
        props: { ...props, legend: text, valueStyle: 'plain' as const },
        global: { plugins: [plugin] },
      })
        .get('.legend')
        .text()
        .replace(/\s+/g, ' ')
    }
    expect(legend('zh-CN', 1000, '高于纪录 992.16（2024）')).toBe(
      '▲ 粗体 = 高于纪录 992.16（2024）。加框：当前输入',
    )
    expect(legend('zh-CN', 5000, '高于纪录 5,000（2024）')).toBe(
      '▲ 粗体 = 高于纪录 5,000（2024）（本表中没有）。加框：当前输入',
    )
    expect(legend('en', 5000, 'above the record, 5,000 (2024)')).toBe(
      '▲ bold = above the record, 5,000 (2024) (no cell in this table).outlined: the current inputs',
    )
  })
})

describe('FullYearYuan', () => {
  it('lists the months not published in yuan as the reader’s language lists them (、 in Chinese)', () => {
    const model: YuanModel = {
      period: '2025-01..2025-03',
      ytd: { exports: null, imports: null, balance: null },
      months: [],
      result: null,
      annual: null,
      missing: ['2025-04', '2025-05'],
    }
    const shown = (locale: 'en' | 'zh-CN') => {
      const plugin = i18n()
      plugin.global.locale.value = locale
      return mount(FullYearYuan, { props: { model, year: 2025, sources: {} }, global: { plugins: [plugin] } })
        .get('[data-test="fy-yuan-total"]')
        .text()
    }
    expect(shown('en')).toContain('Apr 2025, May 2025')
    expect(shown('zh-CN')).toContain('2025年4月、2025年5月')
  })
})
