import { describe, expect, it } from 'vitest'
import { statedUnit, unitFromNotes, unitLabelOf } from '../../../../electron/services/import/units'

describe('units stated in words', () => {
  it.each([
    ['Trade Value (US$)', 'USD', 1],
    ['US Dollar thousand', 'USD', 1e3],
    ["USD '000", 'USD', 1e3],
    ['Million US dollar', 'USD', 1e6],
    ['USD mn', 'USD', 1e6],
    ['USD bn', 'USD', 1e9],
    ['thousands of current USD', 'USD', 1e3],
    ['EUR', 'EUR', 1],
    // Chinese counts in 万 and 亿: 亿 is 10⁸, not a billion.
    ['千美元', 'USD', 1e3],
    ['美元(千元)', 'USD', 1e3],
    ['万美元', 'USD', 1e4],
    ['十万美元', 'USD', 1e5],
    ['百万美元', 'USD', 1e6],
    ['千万美元', 'USD', 1e7],
    ['亿美元', 'USD', 1e8],
    ['亿元人民币', 'CNY', 1e8],
    ['十亿美元', 'USD', 1e9],
    ['万亿元人民币', 'CNY', 1e12],
    ['人民币万元', 'CNY', 1e4],
  ])('%s → %s × %d', (text, unit, factor) => {
    expect(statedUnit(text)).toEqual({ unit, factor })
  })

  it('names no unit where no currency is named', () => {
    expect(statedUnit('tonnes')).toBeNull()
    expect(statedUnit('万吨')).toBeNull()
  })

  it('writes every factor back in words that read back to the same factor', () => {
    for (const factor of [1, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12]) {
      const label = unitLabelOf({ unit: 'USD', factor })
      expect(statedUnit(label), label).toEqual({ unit: 'USD', factor })
    }
    expect(unitLabelOf({ unit: 'CNY', factor: 1e8 })).toBe('CNY hundred million')
  })

  it('reads the unit from a title block', () => {
    expect(unitFromNotes(['Trade Map', 'Unit : US Dollar thousand'])).toEqual({ unit: 'USD', factor: 1e3 })
  })
})
