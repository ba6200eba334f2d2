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

  it('a state saved before calculators read imported levels opens with none chosen (its scenarios too), and a choice names its file exactly', () => {
    // The shape an earlier release wrote: no `imported` in the full-year or partner-mix inputs.
    const older = JSON.parse(JSON.stringify(defaultCalculatorState())) as Record<
      string,
      Record<string, unknown>
    >
    delete older.fullYear!.imported
    delete older.partnerMix!.imported
    const scenario = {
      id: 'a1',
      name: 'Old',
      calculator: 'partnerMix',
      inputs: { ...older.partnerMix },
      outputs: {},
      savedAt: '2025-12-01T00:00:00Z',
    }
    const parsed = parseCalculatorState({ ...older, scenarios: [scenario] })
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.state.fullYear.imported).toBeNull()
    expect(parsed.state.partnerMix.imported).toBeNull()
    expect(parsed.state.scenarios[0]!.inputs).toMatchObject({ imported: null })

    const s = defaultCalculatorState()
    const file = {
      dataset: 'census',
      version: '1 (imported 2026-12-01)',
      sha256: 'a'.repeat(64),
      fileName: 'usa-china-trade-data.csv',
    }
    s.fullYear.imported = {
      ...file,
      reporter: 'us',
      partner: 'china',
      exportsFlow: 'exports',
      importsFlow: 'imports',
      balanceFlow: null,
    }
    s.partnerMix.imported = { ...file, reporter: 'china', flow: 'exports' }
    expect(parseCalculatorState(JSON.parse(JSON.stringify(s)))).toEqual({ ok: true, state: s })
    // A hash that is not one, or a choice missing its flows, is refused whole.
    expect(
      parseCalculatorState({
        ...s,
        partnerMix: {
          ...s.partnerMix,
          imported: { ...file, sha256: 'xyz', reporter: 'china', flow: 'exports' },
        },
      }).ok,
    ).toBe(false)
    expect(
      parseCalculatorState({ ...s, fullYear: { ...s.fullYear, imported: { ...file, reporter: 'us' } } }).ok,
    ).toBe(false)
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
