/**
 * What each calculator reads from an imported dataset, pick by pick (see useImportedSource.ts): the
 * dimension each pick comes from, the first guess, and its label and test id prefix.
 */
import type { CalculatorId } from '@shared/calculatorState'
import { firstMatch, type ImportedField } from './useImportedSource'

const china = /^(chn|china)$/i
const reporterGuess: ImportedField['guess'] = (values) => firstMatch(values, china) ?? values[0]?.code ?? null
const flowGuess =
  (pattern: RegExp): ImportedField['guess'] =>
  (values) =>
    firstMatch(values, pattern)

/** The short name of each calculator in message keys and test ids (`calc.fy.imported.title`, `fy-imported`). */
export const SHORT: Record<CalculatorId, 'fy' | 'pm' | 'ws'> = {
  fullYear: 'fy',
  partnerMix: 'pm',
  worldShare: 'ws',
}

export const IMPORTED_FIELDS: Record<CalculatorId, (ImportedField & { labelKey: string })[]> = {
  fullYear: [
    { key: 'reporter', labelKey: 'reporter', from: 'reporters', guess: reporterGuess },
    {
      key: 'partner',
      labelKey: 'partner',
      from: 'partners',
      // China's trade with the World; another reporter's trade with China where the file has it.
      guess: (values, picks) =>
        (picks.reporter !== 'china' ? firstMatch(values, china) : null) ?? firstMatch(values, /^world$/i),
    },
    { key: 'exportsFlow', labelKey: 'exports', from: 'flows', guess: flowGuess(/^(exports?|x)$/i) },
    { key: 'importsFlow', labelKey: 'imports', from: 'flows', guess: flowGuess(/^(imports?|m)$/i) },
    { key: 'balanceFlow', labelKey: 'balance', from: 'flows', guess: flowGuess(/balance/i), optional: true },
  ],
  partnerMix: [
    { key: 'reporter', labelKey: 'reporter', from: 'reporters', guess: reporterGuess },
    {
      key: 'flow',
      labelKey: 'flow',
      from: 'flows',
      guess: (values) => firstMatch(values, /^(exports?|x)$/i) ?? values[0]?.code ?? null,
    },
  ],
  worldShare: [
    {
      key: 'flow',
      labelKey: 'flow',
      from: 'flows',
      guess: (values) => firstMatch(values, /^exports?$/i) ?? values[0]?.code ?? null,
    },
    { key: 'world', labelKey: 'world', from: 'reporters', guess: (v) => firstMatch(v, /^(wld|world)$/i) },
    { key: 'china', labelKey: 'china', from: 'reporters', guess: (v) => firstMatch(v, china) },
  ],
}
