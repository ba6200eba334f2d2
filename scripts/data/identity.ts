/**
 * The trade identity, checked on the values the app displays: for a period where exports, imports and
 * the balance are all published (the world total or one partner, one unit, one frequency), exports −
 * imports must equal the balance to within the rounding of the three printed figures (half a unit in
 * the last place of each). A failure is reported, never "fixed": every figure stays as published.
 */
import {
  absDecimal,
  addDecimal,
  compareDecimal,
  formatDecimal,
  halfLastPlace,
  parseDecimal,
  subtract,
  trimDecimal,
} from './decimal'

export interface IdentityInput {
  reporter: string
  flow: string
  partner: string
  product: string
  measure: string
  unit: string
  frequency: string
  period: string
  period_start: string
  value: string
  source_id: string
}

export interface IdentityFailure {
  partner: string
  unit: string
  frequency: string
  period: string
  exports: string
  imports: string
  balance: string
  /** exports − imports − balance, exactly. */
  difference: string
  /** The most rounding can explain: half a unit in the last place of each figure, summed. */
  tolerance: string
  exports_source_id: string
  imports_source_id: string
  balance_source_id: string
}

/** Every (partner, unit, frequency, period) whose preferred exports, imports and balance fail the identity. */
export function identityFailures(preferred: readonly IdentityInput[]): IdentityFailure[] {
  const groups = new Map<string, Partial<Record<'exports' | 'imports' | 'balance', IdentityInput>>>()
  for (const o of preferred) {
    if (o.reporter !== 'china' || o.product !== 'all' || o.measure !== 'level') continue
    if (o.flow !== 'exports' && o.flow !== 'imports' && o.flow !== 'balance') continue
    const k = [o.partner, o.unit, o.frequency, o.period].join('\u0000')
    const g = groups.get(k) ?? {}
    if (g[o.flow]) throw new Error(`internal: two preferred ${o.flow} values for ${k}`)
    g[o.flow] = o
    groups.set(k, g)
  }
  const failures: (IdentityFailure & { start: string })[] = []
  for (const { exports: x, imports: m, balance: b } of groups.values()) {
    if (!x || !m || !b) continue
    const [dx, dm, db] = [parseDecimal(x.value), parseDecimal(m.value), parseDecimal(b.value)]
    const difference = subtract(subtract(dx, dm), db)
    const tolerance = addDecimal(addDecimal(halfLastPlace(dx), halfLastPlace(dm)), halfLastPlace(db))
    if (compareDecimal(absDecimal(difference), tolerance) <= 0) continue
    failures.push({
      start: x.period_start,
      partner: x.partner,
      unit: x.unit,
      frequency: x.frequency,
      period: x.period,
      exports: x.value,
      imports: m.value,
      balance: b.value,
      difference: formatDecimal(trimDecimal(difference)),
      tolerance: formatDecimal(trimDecimal(tolerance)),
      exports_source_id: x.source_id,
      imports_source_id: m.source_id,
      balance_source_id: b.source_id,
    })
  }
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  return failures
    .sort(
      (a, b) =>
        cmp(a.partner, b.partner) ||
        cmp(a.unit, b.unit) ||
        cmp(a.frequency, b.frequency) ||
        cmp(a.start, b.start) ||
        cmp(a.period, b.period),
    )
    .map(({ start: _start, ...f }) => f)
}
