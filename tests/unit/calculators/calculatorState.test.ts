import { describe, expect, it } from 'vitest'
import {
  CalculatorState,
  defaultCalculatorState,
  parseCalculatorState,
  type Scenario,
} from '../../../electron/shared/calculatorState'

describe('calculator state', () => {
  it('the default state is valid, version 1, and survives a JSON round trip unchanged', () => {
    const s = defaultCalculatorState()
    expect(s.version).toBe(1)
    expect(CalculatorState.parse(s)).toEqual(s)
    expect(parseCalculatorState(JSON.parse(JSON.stringify(s)))).toEqual({ ok: true, state: s })
  })

  it('carries scenarios, user assumptions (labelled) and outputs', () => {
    const s = defaultCalculatorState()
    s.fullYear.overrides.push({
      kind: 'user-assumption',
      target: 'imports:2024-12',
      value: 231,
      unit: 'USD bn',
      note: 'my estimate',
    })
    s.fullYear.methods['2024-12'] = 'levels'
    const scenario: Scenario = {
      id: 'a1',
      name: 'High',
      calculator: 'fullYear',
      inputs: { ...s.fullYear, exportGrowthPct: 10 },
      outputs: { totalUsdBn: 1200, vsRecordUsdBn: null },
      savedAt: '2026-01-01T00:00:00.000Z',
    }
    s.scenarios.push(scenario)
    s.compare.push('a1')
    s.outputs = { fullYear: { totalUsdBn: 1184.84 } }
    const back = parseCalculatorState(JSON.parse(JSON.stringify(s)))
    expect(back).toEqual({ ok: true, state: s })
  })

  it('refuses what JSON or the calculators cannot hold: NaN, a wrong version, a user figure without its label, duplicates', () => {
    const bad = (mutate: (s: Record<string, any>) => void) => {
      const s = JSON.parse(JSON.stringify(defaultCalculatorState()))
      mutate(s)
      return parseCalculatorState(s)
    }
    expect(bad((s) => (s.fullYear.exportGrowthPct = Number.NaN))).toMatchObject({ ok: false })
    expect(bad((s) => (s.version = 2))).toMatchObject({ ok: false })
    expect(bad((s) => (s.fullYear.exportGrowthPct = -150))).toMatchObject({
      ok: false,
      message: expect.stringContaining('fullYear.exportGrowthPct'),
    })
    expect(
      bad((s) =>
        s.fullYear.overrides.push({ target: 'imports:2024-12', value: 1, unit: 'USD bn', note: '' }),
      ),
    ).toMatchObject({ ok: false })
    expect(
      bad((s) => {
        const o = { kind: 'user-assumption', target: 'partner:eu', value: 1, unit: 'USD bn', note: '' }
        s.partnerMix.overrides.push(o, o)
      }),
    ).toMatchObject({ ok: false })
    expect(bad((s) => (s.worldShare.horizonYear = s.worldShare.baseYear))).toMatchObject({ ok: false })
    expect(bad((s) => (s.extra = 1))).toMatchObject({ ok: false })
    expect(bad((s) => (s.worldShare.worldGrowthPct = -100))).toMatchObject({ ok: false })
  })
})
