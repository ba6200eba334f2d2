import { describe, expect, it } from 'vitest'
import { identityFailures, type IdentityInput } from '../../../scripts/data/identity'

const obs = (flow: string, value: string, extra: Partial<IdentityInput> = {}): IdentityInput => ({
  reporter: 'china',
  flow,
  partner: 'world',
  product: 'all',
  measure: 'level',
  unit: 'USD bn',
  frequency: 'month',
  period: '2019-11',
  period_start: '2019-11',
  value,
  source_id: `s-${flow}`,
  ...extra,
})

describe('identityFailures', () => {
  it('passes a month whose balance is exports − imports within the rounding of the three figures', () => {
    // 330.3 − 218.6 = 111.7; 111.68 is within ±(0.05 + 0.05 + 0.005).
    expect(
      identityFailures([obs('exports', '330.3'), obs('imports', '218.6'), obs('balance', '111.68')]),
    ).toEqual([])
  })

  it('reports a failure with the exact difference and tolerance, and the three sources', () => {
    const failures = identityFailures([
      obs('exports', '221.337434'),
      obs('imports', '183.411013'),
      obs('balance', '38.73'),
    ])
    expect(failures).toEqual([
      {
        partner: 'world',
        unit: 'USD bn',
        frequency: 'month',
        period: '2019-11',
        exports: '221.337434',
        imports: '183.411013',
        balance: '38.73',
        difference: '-0.803579',
        tolerance: '0.005001',
        exports_source_id: 's-exports',
        imports_source_id: 's-imports',
        balance_source_id: 's-balance',
      },
    ])
  })

  it('checks partners and units separately, and skips periods missing a flow, y/y rates and commodities', () => {
    const us = { partner: 'us' }
    const failures = identityFailures([
      obs('exports', '41', us),
      obs('imports', '13', us),
      obs('balance', '25', us), // off by 3, beyond ±1.5
      obs('exports', '2.20', { unit: 'CNY tn' }),
      obs('imports', '1.60', { unit: 'CNY tn' }),
      obs('balance', '0.60', { unit: 'CNY tn' }),
      obs('exports', '10', { measure: 'yoy', unit: '% y/y' }),
      obs('imports', '1', { measure: 'yoy', unit: '% y/y' }),
      obs('balance', '1', { measure: 'yoy', unit: '% y/y' }),
      obs('exports', '5', { period: '2019-12', period_start: '2019-12' }),
      obs('balance', '1', { period: '2019-12', period_start: '2019-12' }),
      obs('exports', '5', { product: 'steel' }),
      obs('imports', '1', { product: 'steel' }),
      obs('balance', '1', { product: 'steel' }),
    ])
    expect(failures.map((f) => [f.partner, f.unit, f.difference, f.tolerance])).toEqual([
      ['us', 'USD bn', '3', '1.5'],
    ])
  })

  it('refuses two displayed values for one flow and period rather than pick one', () => {
    expect(() => identityFailures([obs('exports', '1'), obs('exports', '2')])).toThrow(
      /two preferred exports values/,
    )
  })
})
