/** Number and period formatting in the UI's language, for the calculators. */
import { useI18n } from 'vue-i18n'
import { formatPeriod } from '@shared/periods'
import {
  listText,
  numberText,
  sentencesText,
  showNumber,
  unitLabel,
  unitScale,
  type DisplayOptions,
} from '../../lib/format'

/** The calculators' formatter for a language read at each call (it can change while a page is open). */
export function calcFormat(
  language: () => string,
  t: (key: string, params: Record<string, string>) => string,
) {
  return {
    show: (value: number | null | undefined, options: Omit<DisplayOptions, 'locale'> = {}) =>
      showNumber(value, { ...options, locale: language() }),
    text: (value: number | null | undefined, options: Omit<DisplayOptions, 'locale'> = {}) =>
      numberText(value, { ...options, locale: language() }),
    usd: (value: number | null | undefined, signed = false) =>
      numberText(value, { style: 'usd-bn', signed, locale: language() }),
    /** A percentage; `fixed` prints all `digits` decimals, for a column (5.0% beside 14.7%). */
    pct: (value: number | null | undefined, signed = false, digits = 2, fixed = false) =>
      numberText(value, { style: 'pct', signed, digits, fixed, locale: language() }),
    /** Percentage points; `fixed` prints all `digits` decimals, for a column (0.35 beside 1.20). */
    pp: (value: number | null | undefined, digits = 2, fixed = false) =>
      numberText(value, { style: 'pp', digits, fixed, locale: language() }),
    /** `Exports: $1.2 bn` / `出口：12 亿美元`: a label and its value, joined as the language joins them. */
    labelled: (label: string, value: string) => t('app.labelledValue', { label, value }),
    period: (p: string) => formatPeriod(p, language()),
    /** A list of names or periods, joined as the UI's language joins them (a, b / 甲、乙; items with commas a; b / 甲；乙). */
    list: (items: readonly string[], options?: { semicolons?: boolean }) =>
      listText(items, language(), options),
    /** Sentences in a row, as the UI's language runs them together (a space in English, none in Chinese). */
    sentences: (items: readonly string[]) => sentencesText(items, t),
    /** The unit of a field in billions of dollars, named in the UI's language (USD bn / 亿美元). */
    usdUnit: () => unitLabel('USD bn', language()),
    /** How many of the reader's units make a billion (10 in Chinese, which counts in 亿): a field's scale. */
    usdScale: () => unitScale('USD bn', language()),
    /** A figure as published, in its own unit named in the UI's language (`1.2345 CNY tn` / `1.2345 万亿元`). */
    printed: (value: number, unit: string) =>
      `${numberText(value, { digits: 4, locale: language() })} ${unitLabel(unit, language())}`,
  }
}

export function useCalcFormat() {
  const { locale, t } = useI18n()
  return calcFormat(() => locale.value, t)
}
