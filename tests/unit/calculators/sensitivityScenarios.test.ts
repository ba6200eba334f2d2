import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { axisAround, twoWayTable } from '../../../renderer/src/lib/calculators/sensitivity'
import {
  cleanName,
  deleteScenario,
  duplicateScenario,
  renameScenario,
  saveScenario,
  uniqueName,
  type NamedItem,
} from '../../../renderer/src/lib/calculators/scenarios'
import { numberText, showNumber } from '../../../renderer/src/lib/format'

describe('twoWayTable', () => {
  it('computes f(row, column) for every cell and flags cells above the threshold', () => {
    const t = twoWayTable([0, 1], [10, 20, 30], (r, c) => r * 100 + c, { value: 110, direction: 'above' })
    expect(t.cells.map((row) => row.map((c) => c.value))).toEqual([
      [10, 20, 30],
      [110, 120, 130],
    ])
    expect(t.cells.map((row) => row.map((c) => c.beyond))).toEqual([
      [false, false, false],
      [false, true, true],
    ])
  })

  it('flags non-finite results instead of passing them on as numbers', () => {
    const t = twoWayTable([0], [0, 1], (_r, c) => 1 / c - Number.POSITIVE_INFINITY * 0, {
      value: 0,
      direction: 'above',
    })
    expect(t.cells[0]![0]).toMatchObject({ finite: false, beyond: false })
  })

  it('axisAround: symmetric steps, rounded', () => {
    expect(axisAround(0, 2, 2)).toEqual([-4, -2, 0, 2, 4])
    expect(axisAround(0.3, 0.1, 1)).toEqual([0.2, 0.3, 0.4])
  })
})

describe('scenarios', () => {
  const item = (id: string, name: string, calculator = 'fullYear'): NamedItem => ({ id, name, calculator })

  it('save gives a unique name per calculator; the same name in another calculator is fine', () => {
    let list: NamedItem[] = []
    list = saveScenario(list, item('a', 'Base')).list
    const second = saveScenario(list, item('b', ' base '))
    expect(second.saved.name).toBe('base (2)')
    list = saveScenario(second.list, item('c', 'Base', 'worldShare')).list
    expect(list.map((s) => s.name)).toEqual(['Base', 'base (2)', 'Base'])
  })

  it('rename refuses a taken or empty name; duplicate inserts a copy after the original; delete removes', () => {
    const list = [item('a', 'Base'), item('b', 'High')]
    expect(renameScenario(list, 'b', 'BASE')).toEqual({ ok: false, reason: 'name taken' })
    expect(renameScenario(list, 'b', '   ')).toEqual({ ok: false, reason: 'empty name' })
    expect(renameScenario(list, 'x', 'Low')).toEqual({ ok: false, reason: 'not found' })
    const renamed = renameScenario(list, 'b', '  Very   high ')
    expect(renamed.ok && renamed.list[1]!.name).toBe('Very high')
    const { list: dup, copy } = duplicateScenario(list, 'a', 'c')
    expect(dup.map((s) => s.id)).toEqual(['a', 'c', 'b'])
    expect(copy?.name).toBe('Base (copy)')
    expect(duplicateScenario(dup, 'a', 'd').copy?.name).toBe('Base (copy) (2)')
    expect(deleteScenario(dup, 'a').map((s) => s.id)).toEqual(['c', 'b'])
    // Nothing was mutated.
    expect(list.map((s) => s.name)).toEqual(['Base', 'High'])
  })

  it('property: after any sequence of saves, names within a calculator are unique', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('Base', 'base', 'High', 'High (2)', ' Low ', ''),
            fc.constantFrom('a', 'b'),
          ),
          { maxLength: 25 },
        ),
        (ops) => {
          let list: NamedItem[] = []
          ops.forEach(([name, calc], i) => (list = saveScenario(list, item(`id${i}`, name, calc)).list))
          for (const calc of ['a', 'b']) {
            const names = list.filter((s) => s.calculator === calc).map((s) => s.name.toLowerCase())
            expect(new Set(names).size).toBe(names.length)
          }
          expect(list.every((s) => s.name === cleanName(s.name) && s.name.length > 0)).toBe(true)
        },
      ),
    )
  })

  it('uniqueName ignores the item being renamed', () => {
    expect(uniqueName('Base', [item('a', 'Base')], 'fullYear', 'a')).toBe('Base')
  })
})

describe('number display', () => {
  it('never shows NaN or Infinity: "—" with a reason', () => {
    expect(showNumber(Number.NaN)).toEqual({ text: '—', finite: false, reason: 'not-a-number' })
    expect(showNumber(Number.POSITIVE_INFINITY, { style: 'usd-bn' })).toEqual({
      text: '—',
      finite: false,
      reason: 'infinite',
    })
    expect(showNumber(null)).toEqual({ text: '—', finite: false, reason: 'missing' })
  })

  it('formats USD bn, percent and percentage points, with a plain minus and no "-0"', () => {
    expect(numberText(1184.84, { style: 'usd-bn' })).toBe('$1,184.84 bn')
    expect(numberText(-12.5, { style: 'usd-bn' })).toBe('-$12.5 bn')
    expect(numberText(192.68, { style: 'usd-bn', signed: true })).toBe('+$192.68 bn')
    expect(numberText(5.25, { style: 'pct' })).toBe('5.25%')
    expect(numberText(1.2, { style: 'pp' })).toBe('+1.2 pp')
    expect(numberText(-0.0000001, { style: 'pct' })).toBe('0%')
    // Chinese puts the unit after the number in words, as everywhere else in the app, and counts in 亿
    // (× 10, one decimal fewer: the same precision).
    expect(numberText(1184.84, { style: 'usd-bn', locale: 'zh-CN' })).toBe('11,848.4 亿美元')
    expect(numberText(-12.5, { style: 'usd-bn', locale: 'zh-CN' })).toBe('-125 亿美元')
    expect(numberText(192.68, { style: 'usd-bn', signed: true, locale: 'zh-CN' })).toBe('+1,926.8 亿美元')
    expect(numberText(0.04, { style: 'usd-bn', locale: 'zh-CN' })).toBe('0.4 亿美元')
    expect(numberText(1184.84, { style: 'bn', locale: 'zh-CN' })).toBe('11,848.4')
    expect(numberText(1184.84, { style: 'bn' })).toBe('1,184.84')
    expect(numberText(5, { style: 'bn', digits: 1, fixed: true, locale: 'zh-CN' })).toBe('50')
    expect(numberText(5, { style: 'bn', digits: 1, fixed: true })).toBe('5.0')
    expect(numberText(1.2, { style: 'pp', locale: 'zh-CN' })).toBe('+1.2 个百分点')
  })

  it('property: any double formats to text without NaN or Infinity', () => {
    fc.assert(
      fc.property(
        fc.double(),
        fc.constantFrom('usd-bn' as const, 'pct' as const, 'pp' as const, 'plain' as const),
        (v, style) => {
          const text = numberText(v, { style })
          expect(text).not.toMatch(/NaN|Infinity|∞/)
        },
      ),
    )
  })
})
