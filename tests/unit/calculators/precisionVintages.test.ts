import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  coarsestPlace,
  digitsFor,
  placeOf,
  roundToPlace,
} from '../../../renderer/src/lib/calculators/precision'
import { laterVintageFrom, revisedReading } from '../../../renderer/src/lib/calculators/vintages'
import { partnerDefinition } from '../../../renderer/src/lib/calculators/partnerDefinitions'
import { spread } from '../../../renderer/src/lib/calculators/trackRecord'

describe('precision of published figures', () => {
  it('the place of the last significant digit; trailing zeros of a whole number count as rounding', () => {
    expect([104.84, 1189, 1080, 992.16, 335.6, 1000, 7, 0.5].map(placeOf)).toEqual([
      -2, 0, 1, -2, -1, 3, 0, -1,
    ])
  })

  it('a sum is known to its coarsest term: $1,080 bn + $104.84 bn = $1,184.84 bn, shown as $1,180 bn', () => {
    const place = coarsestPlace([1080, 104.84])
    expect(place).toBe(1)
    expect(roundToPlace(1080 + 104.84, place)).toBe(1180)
    expect(roundToPlace(1184.84, -1)).toBe(1184.8)
    expect(digitsFor(-2)).toBe(2)
    expect(digitsFor(1)).toBe(0)
  })

  it('property: rounding to a place moves a value by at most half a unit of that place', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: -3, max: 3 }),
        (v, p) => {
          expect(Math.abs(roundToPlace(v, p) - v)).toBeLessThanOrEqual(10 ** p / 2 + 1e-9 * Math.abs(v))
        },
      ),
    )
  })
})

describe('first-published and revised readings', () => {
  it('a later vintage is published from the second month after the period (December → February)', () => {
    expect(laterVintageFrom('2024-12')).toBe('2025-02')
    expect(laterVintageFrom('2025-02')).toBe('2025-04')
    expect(laterVintageFrom('2025-11')).toBe('2026-01')
  })

  it('the revised reading is the latest later vintage that differs from the displayed value', () => {
    const shown = { value: 336, published: '2025-01-13', preferred: true }
    const sameRelease = { value: 335.9, published: '2025-01-14', preferred: false }
    const later = { value: 335.6, published: '2026-01-29', preferred: false }
    const laterStill = { value: 335.5, published: '2026-03-01', preferred: false }
    const undated = { value: 335, published: null, preferred: false }
    const equal = { value: 336, published: '2026-05-01', preferred: false }
    expect(revisedReading([shown, sameRelease, undated], '2024-12')).toBeNull()
    expect(revisedReading([shown, sameRelease, later], '2024-12')).toBe(later)
    expect(revisedReading([shown, later, laterStill, equal], '2024-12')).toBe(laterStill)
  })
})

describe('partner definitions', () => {
  it('EU28 up to 2019, EU27 from 2020; ASEAN is ten members; “Southeast Asia” is labelled as reported', () => {
    expect([2019, 2020].map((y) => partnerDefinition('eu', y))).toEqual(['eu28', 'eu27'])
    expect(partnerDefinition('asean', 2024)).toBe('asean10')
    expect(partnerDefinition('southeast_asia', 2024)).toBe('southeast-asia-as-reported')
    expect(partnerDefinition('us', 2024)).toBeNull()
  })
})

describe('spread of backtest errors', () => {
  it('mean, mean absolute, range and RMSE; nothing for no errors', () => {
    expect(spread([-2, 4])).toEqual({ n: 2, mean: 1, meanAbsolute: 3, min: -2, max: 4, rmse: Math.sqrt(10) })
    expect(spread([])).toBeNull()
  })
})
