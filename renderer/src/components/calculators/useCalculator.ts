/**
 * What every calculator component starts from: its inputs and model in the store, the formatter, the
 * validity of its fields (results wait for valid inputs) and the reason a result is missing.
 */
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { CalculatorId } from '@shared/calculatorState'
import { useCalculatorsStore, type InputsOf, type ModelOf } from '../../stores/calculators'
import { useCalcFormat } from './useCalcFormat'
import { useValidity } from './useValidity'

export function useCalculator<C extends CalculatorId>(calculator: C) {
  const store = useCalculatorsStore()
  const { t, te, locale } = useI18n()
  const f = useCalcFormat()
  const { track, invalid } = useValidity()
  const inputs = computed(() => store.state[calculator] as InputsOf<C>)
  const model = computed(() => store.models[calculator] as ModelOf<C> | null)
  /** Why a result shows no number: invalid inputs, a problem listed above it, or missing data. */
  const whyMissing = computed(() =>
    invalid.value
      ? t('calc.value.invalidInputs')
      : model.value?.problems.length
        ? t('calc.value.seeProblems')
        : t('calc.value.missing'),
  )
  /** The note under the rate fields, its percentages written as the results write them. */
  const percentNote = computed(() => t('calc.percentNote', { five: f.pct(5), minus: f.pct(-2.5) }))
  return { store, t, te, locale, f, track, invalid, inputs, model, whyMissing, percentNote }
}
