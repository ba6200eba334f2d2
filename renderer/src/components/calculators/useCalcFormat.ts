/** Number and period formatting in the UI's language, for the calculators. */
import { useI18n } from 'vue-i18n'
import { formatPeriod } from '@shared/periods'
import { listText, numberText, showNumber, unitLabel, type DisplayOptions } from '../../lib/format'

export function useCalcFormat() {
  const { locale } = useI18n()
  return {
    show: (value: number | null | undefined, options: Omit<DisplayOptions, 'locale'> = {}) =>
      showNumber(value, { ...options, locale: locale.value }),
    text: (value: number | null | undefined, options: Omit<DisplayOptions, 'locale'> = {}) =>
      numberText(value, { ...options, locale: locale.value }),
    usd: (value: number | null | undefined, signed = false) =>
      numberText(value, { style: 'usd-bn', signed, locale: locale.value }),
    /** A percentage; `fixed` prints all `digits` decimals, for a column (5.0% beside 14.7%). */
    pct: (value: number | null | undefined, signed = false, digits = 2, fixed = false) =>
      numberText(value, { style: 'pct', signed, digits, fixed, locale: locale.value }),
    pp: (value: number | null | undefined, digits = 2) =>
      numberText(value, { style: 'pp', digits, locale: locale.value }),
    period: (p: string) => formatPeriod(p, locale.value),
    /** A list of names or periods, joined as the UI's language joins them (a, b / 甲、乙). */
    list: (items: readonly string[]) => listText(items, locale.value),
    /** The unit of a field in billions of dollars, named in the UI's language (USD bn / 十亿美元). */
    usdUnit: () => unitLabel('USD bn', locale.value),
  }
}
