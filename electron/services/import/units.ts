/**
 * Units written in words, as files state them in a title line or a column ("Unit : US Dollar thousand",
 * "Million US dollar", "Trade Value (US$)", "thousands of current USD"): the currency and the factor
 * that brings a value into that currency's units, so every dataset is kept in whole units.
 */
export interface StatedUnit {
  unit: string
  factor: number
}

const CURRENCIES: [RegExp, string][] = [
  [/\bUS\s*\$|\bUS\s*dollars?\b|\bUSD\b|\bdollars? US\b|美元/i, 'USD'],
  [/\bEUR\b|\beuros?\b/i, 'EUR'],
  [/\bCNY\b|\bRMB\b|\byuan\b|人民币/i, 'CNY'],
  [/\bJPY\b|\byen\b/i, 'JPY'],
]

const ENGLISH_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }
const ENGLISH_MULTIPLIERS: Record<string, number> = { ten: 10, hundred: 100 }
// Chinese counts in 万 (10⁴) and 亿 (10⁸): 百万 is 10⁶, 千万 10⁷, 十亿 10⁹, 万亿 10¹²; 千 alone is 10³.
const CHINESE_SCALES: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 }
const CHINESE_MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1e3 }

/** The factor a phrase's scale words state ("US Dollar thousand", "亿美元", "ten thousand"), 1 if none. */
function scaleOf(text: string): number {
  const chinese = /([十百千]?)(万亿|亿|万)/.exec(text)
  if (chinese) return (CHINESE_MULTIPLIERS[chinese[1]!] ?? 1) * CHINESE_SCALES[chinese[2]!]!
  if (/千/.test(text)) return 1e3
  const english = /\b(?:(ten|hundred)\s+)?(thousand|million|billion|trillion)s?\b/i.exec(text)
  if (english)
    return (
      (english[1] ? ENGLISH_MULTIPLIERS[english[1].toLowerCase()]! : 1) *
      ENGLISH_SCALES[english[2]!.toLowerCase()]!
    )
  if (/'000|\(000\)/.test(text)) return 1e3
  if (/\bmn\b|\bmio\b/i.test(text)) return 1e6
  if (/\bbn\b/i.test(text)) return 1e9
  return 1
}

/** The currency and scale a phrase states, or null when it names no currency. */
export function statedUnit(text: string): StatedUnit | null {
  const unit = CURRENCIES.find(([re]) => re.test(text))?.[1]
  if (!unit) return null
  return { unit, factor: scaleOf(text) }
}

/** The unit stated in a file's title block ("Unit : US Dollar thousand"), if any. */
export function unitFromNotes(notes: readonly string[]): StatedUnit | null {
  for (const note of notes) {
    const m = /^\s*units?\s*:\s*(.+)$/i.exec(note)
    if (m) return statedUnit(m[1]!)
  }
  return null
}

const SCALE_WORDS = new Map([
  [1e3, 'thousand'],
  [1e4, 'ten thousand'],
  [1e5, 'hundred thousand'],
  [1e6, 'million'],
  [1e7, 'ten million'],
  [1e8, 'hundred million'],
  [1e9, 'billion'],
  [1e10, 'ten billion'],
  [1e11, 'hundred billion'],
  [1e12, 'trillion'],
])

/**
 * How the mapping dialog writes a stated unit back: "USD", "USD thousand", "USD hundred million" (亿美元);
 * `statedUnit` reads each back to the same factor.
 */
export function unitLabelOf({ unit, factor }: StatedUnit): string {
  const word = SCALE_WORDS.get(factor)
  return word ? `${unit} ${word}` : unit
}
