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

const SCALES: [RegExp, number][] = [
  [/\bthousands?\b|'000|\(000\)|千/i, 1e3],
  [/\bmillions?\b|\bmn\b|\bmio\b|百万/i, 1e6],
  [/\bbillions?\b|\bbn\b|亿/i, 1e9],
]

/** The currency and scale a phrase states, or null when it names no currency. */
export function statedUnit(text: string): StatedUnit | null {
  const unit = CURRENCIES.find(([re]) => re.test(text))?.[1]
  if (!unit) return null
  const factor = SCALES.find(([re]) => re.test(text))?.[1] ?? 1
  return { unit, factor }
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
  [1e6, 'million'],
  [1e9, 'billion'],
])

/** How the mapping dialog writes a stated unit back: "USD", "USD thousand", "USD million". */
export function unitLabelOf({ unit, factor }: StatedUnit): string {
  const word = SCALE_WORDS.get(factor)
  return word ? `${unit} ${word}` : unit
}
