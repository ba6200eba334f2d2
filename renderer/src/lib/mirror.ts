/**
 * Mirror statistics: one flow as its two ends report it — China's exports to a partner against the
 * partner's imports from China. Both series are brought to one unit (USD million) by an exact decimal
 * shift, paired period by period over the span both cover, and compared: the gap and the ratio are
 * computed here, each with its rule. A period one side lacks stays missing; nothing is filled.
 */
import type { Series, SeriesPoint } from '@shared/api'
import { compareBounds } from '@shared/periods'

/** The unit both sides are shown in. */
export const MIRROR_UNIT = 'USD mn'

/** Powers of ten of the scale words a money unit may carry (imported files are kept in whole units). */
const SCALE_POWER: Record<string, number> = {
  '': 0,
  thousand: 3,
  mn: 6,
  million: 6,
  bn: 9,
  billion: 9,
  tn: 12,
}

/** How many powers of ten a money unit (`USD`, `USD million`, `CNY tn`) is above the `currency`'s `target` scale, or null for another currency. */
export function shiftOfUnit(unit: string, currency: string, target: 'mn' | 'bn'): number | null {
  const m = /^([A-Z]{3})(?:\s+([a-z]+))?$/.exec(unit.trim())
  const power = m ? SCALE_POWER[m[2] ?? ''] : undefined
  if (!m || m[1] !== currency || power === undefined) return null
  return power - SCALE_POWER[target]!
}

/** How many powers of ten a unit is above USD million, or null for a unit that is not US dollars. */
export function shiftToMillion(unit: string): number | null {
  return shiftOfUnit(unit, 'USD', 'mn')
}

/**
 * `value` moved `shift` decimal places, computed on its decimal digits (1.005 bn → 1005 mn exactly;
 * a float product would give 1004.9999999999999).
 */
export function shiftDecimal(value: number, shift: number): number {
  if (shift === 0 || value === 0) return value
  const [mantissa, exponent = '0'] = value.toExponential().split('e')
  return Number(`${mantissa}e${Number(exponent) + shift}`)
}

/** How many decimal places a number's shortest decimal form has (1.25 → 2, 1e-7 → 7, 1200 → 0). */
function decimalPlaces(value: number): number {
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e')
  const digits = mantissa.split('.')[1]?.length ?? 0
  return Math.max(0, digits - Number(exponent))
}

/**
 * a − b computed on their decimal digits, so the difference of two published figures is the decimal
 * one (12.3 − 12.1 = 0.2, where floating point gives 0.1999…).
 */
export function decimalDifference(a: number, b: number): number {
  const places = Math.max(decimalPlaces(a), decimalPlaces(b))
  const wa = Math.round(shiftDecimal(a, places))
  const wb = Math.round(shiftDecimal(b, places))
  // Digits beyond a double's exact integers (not a published figure): the plain difference.
  if (!Number.isSafeInteger(wa) || !Number.isSafeInteger(wb)) return a - b
  return shiftDecimal(wa - wb, -places)
}

export interface MirrorRow {
  period: string
  /** China-reported exports to the partner, USD million, or null where China's series has none. */
  china: number | null
  /** Partner-reported imports from China, USD million, or null where the partner's series has none. */
  partner: number | null
  /** Computed: partner − china (USD million); null unless both are present. */
  gap: number | null
  /** Computed: partner ÷ china; null unless both are present and China's value is not zero. */
  ratio: number | null
  chinaSource: string | null
  partnerSource: string | null
}

export interface Mirror {
  unit: typeof MIRROR_UNIT
  /** The periods both series cover: from the later first period to the earlier last one. */
  from: string | null
  to: string | null
  rows: MirrorRow[]
  /** Periods inside the common span where one side has no value. */
  missing: number
}

export class MirrorUnitError extends Error {
  constructor(readonly unit: string) {
    super(`"${unit}" is not a US-dollar unit, so it cannot be set against the other side.`)
  }
}

/**
 * Pairs China's exports (`china`) with the partner's imports (`partner`). Both must be US dollars
 * (any of thousand, million, billion) and of one frequency; the rows run over the span both cover.
 */
export function pairMirror(china: Series, partner: Series): Mirror {
  const scale = (s: Series) => {
    const shift = shiftToMillion(s.unit)
    if (shift === null) throw new MirrorUnitError(s.unit)
    return (p: SeriesPoint) => shiftDecimal(p.value, shift)
  }
  const toChina = scale(china)
  const toPartner = scale(partner)
  const first = (s: Series) =>
    s.points.reduce<SeriesPoint | null>(
      (a, p) => (a === null || compareBounds(bounds(p), bounds(a)) < 0 ? p : a),
      null,
    )
  const last = (s: Series) =>
    s.points.reduce<SeriesPoint | null>(
      (a, p) => (a === null || compareBounds(bounds(p), bounds(a)) > 0 ? p : a),
      null,
    )
  const starts = [first(china), first(partner)]
  const ends = [last(china), last(partner)]
  if (starts.includes(null) || ends.includes(null))
    return { unit: MIRROR_UNIT, from: null, to: null, rows: [], missing: 0 }
  const start = [starts[0]!.periodStart, starts[1]!.periodStart].sort().at(-1)!
  const end = [ends[0]!.periodEnd, ends[1]!.periodEnd].sort()[0]!
  const inside = (p: SeriesPoint) => p.periodStart >= start && p.periodEnd <= end
  const byPeriod = new Map<string, MirrorRow & { start: string; end: string }>()
  const row = (p: SeriesPoint) => {
    let r = byPeriod.get(p.period)
    if (!r) {
      r = {
        period: p.period,
        start: p.periodStart,
        end: p.periodEnd,
        china: null,
        partner: null,
        gap: null,
        ratio: null,
        chinaSource: null,
        partnerSource: null,
      }
      byPeriod.set(p.period, r)
    }
    return r
  }
  for (const p of china.points.filter(inside)) {
    const r = row(p)
    r.china = toChina(p)
    r.chinaSource = p.sourceId
  }
  for (const p of partner.points.filter(inside)) {
    const r = row(p)
    r.partner = toPartner(p)
    r.partnerSource = p.sourceId
  }
  const rows = [...byPeriod.values()]
    .sort((a, b) => compareBounds(a, b))
    .map(({ start: _s, end: _e, ...r }) => {
      if (r.china !== null && r.partner !== null) {
        r.gap = decimalDifference(r.partner, r.china)
        r.ratio = r.china === 0 ? null : r.partner / r.china
      }
      return r
    })
  return {
    unit: MIRROR_UNIT,
    from: rows.length ? rows[0]!.period : null,
    to: rows.length ? rows.at(-1)!.period : null,
    rows,
    missing: rows.filter((r) => r.china === null || r.partner === null).length,
  }
}

const bounds = (p: SeriesPoint) => ({ start: p.periodStart, end: p.periodEnd })
