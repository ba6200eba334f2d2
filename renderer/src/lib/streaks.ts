/**
 * Streak rules: a ready-made view (presets.ts) may declare that a run of consecutive values past a
 * threshold is worth marking on its chart — e.g. "at least 3 straight months of US exports down 10%
 * y/y or more". The band drawn is a computed value, labelled with its rule. Pure.
 */
import type { SeriesSelection, ViewState } from '@shared/viewState'
import type { ChartModel } from './chartModel'

export interface StreakRule {
  /** The series watched, by its selection; a field left out matches any. */
  series: Partial<Pick<SeriesSelection, 'flow' | 'partner' | 'product'>>
  /** What the values are: y/y rates (the view shows % y/y) or levels (the series' own unit). */
  measure: 'yoy' | 'level'
  /** A run is made of values at or below the threshold (falls) or at or above it (rises). */
  direction: 'atOrBelow' | 'atOrAbove'
  threshold: number
  /** The fewest consecutive values that make a streak. */
  minLength: number
}

export interface Streak {
  rule: StreakRule
  /** The series' label, as the chart shows it. */
  label: string
  /** Indexes into the model's periods. */
  from: number
  to: number
  length: number
}

const showsRates = (view: ViewState) => view.measure === 'yoy' || view.transform === 'yoy'

/** Whether a rule reads the view: the measure matches and its series is shown. */
function ruleApplies(rule: StreakRule, view: ViewState): boolean {
  return rule.measure === 'yoy' ? showsRates(view) : !showsRates(view) && view.measure === 'level'
}

const matches = (rule: StreakRule, s: SeriesSelection) =>
  (rule.series.flow ?? s.flow) === s.flow &&
  (rule.series.partner ?? s.partner) === s.partner &&
  (rule.series.product ?? s.product) === s.product

/** The latest run of each rule on each series it watches (runs shorter than the rule's minimum are none). */
export function findStreaks(model: ChartModel, view: ViewState, rules: readonly StreakRule[]): Streak[] {
  const index = new Map(model.periods.map((p, i) => [p, i]))
  const found: Streak[] = []
  for (const rule of rules) {
    if (!ruleApplies(rule, view)) continue
    const within = (v: number) => (rule.direction === 'atOrBelow' ? v <= rule.threshold : v >= rule.threshold)
    for (const s of model.series) {
      if (view.hidden.includes(s.key) || !matches(rule, s.selection)) continue
      let latest: Streak | null = null
      let run: number[] = []
      for (const p of s.points) {
        if (p.value !== null && within(p.value)) run.push(index.get(p.period)!)
        else run = []
        if (run.length >= rule.minLength)
          latest = { rule, label: s.label, from: run[0]!, to: run.at(-1)!, length: run.length }
      }
      if (latest) found.push(latest)
    }
  }
  return found
}
