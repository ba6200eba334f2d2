/**
 * What every calculator component starts from: its inputs and model in the store, the formatter, the
 * validity of its fields (results wait for valid inputs) and the reason a result is missing.
 */
import { computed, provide, type InjectionKey, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { CalculatorId } from '@shared/calculatorState'
import { useCalculatorsStore, type InputsOf, type ModelOf } from '../../stores/calculators'
import { useCalcFormat } from './useCalcFormat'
import { useValidity } from './useValidity'

/** Whether the calculator's data is still on its way: its values (CalcValue) say loading, not a missing "—". */
export const CALC_LOADING: InjectionKey<Ref<boolean>> = Symbol('calcLoading')

export function useCalculator<C extends CalculatorId>(calculator: C) {
  const store = useCalculatorsStore()
  const { t, te, locale } = useI18n()
  const f = useCalcFormat()
  const { track, invalid } = useValidity()
  const inputs = computed(() => store.state[calculator] as InputsOf<C>)
  const model = computed(() => store.models[calculator] as ModelOf<C> | null)
  /**
   * The calculator's data is still on its way (no model while the page reads): its figures are not
   * missing, only not here yet, and the page says it is loading, never that the data lacks them.
   */
  const loading = computed(() => model.value === null && (store.loading || store.reading > 0))
  provide(CALC_LOADING, loading)
  /** Why a result shows no number: its data still loading, invalid inputs, a problem listed above it, or missing data. */
  const whyMissing = computed(() =>
    loading.value
      ? t('status.loading')
      : invalid.value
        ? t('calc.value.invalidInputs')
        : model.value?.problems.length
          ? t('calc.value.seeProblems')
          : t('calc.value.missing'),
  )
  /** What the formula shows for the current numbers where there is no result: loading, or why not. */
  const noResultFormula = computed(() =>
    loading.value ? t('status.loading') : t('calc.formula.notComputable'),
  )
  /** The note under the rate fields, its percentages written as the results write them. */
  const percentNote = computed(() => t('calc.percentNote', { five: f.pct(5), minus: f.pct(-2.5) }))
  return {
    store,
    t,
    te,
    locale,
    f,
    track,
    invalid,
    inputs,
    model,
    loading,
    whyMissing,
    noResultFormula,
    percentNote,
  }
}
