/**
 * HS product codes as the view state spells them: `hs85` (chapter), `hs8542` (heading), `hs854231`
 * (subheading), `hs_s16` (section XVI); `all` is every product. Shared by the services (labels, the
 * drill-down) and the page (names in the reader's language).
 */

/** A product as the view state names it. */
export type ProductRef = { kind: 'all' } | { kind: 'section'; section: number } | { kind: 'hs'; code: string }

/** The product a view-state code names, or null for a code that is not an HS product. */
export function parseProduct(code: string): ProductRef | null {
  if (code === 'all') return { kind: 'all' }
  const section = /^hs_s(\d{1,2})$/.exec(code)
  if (section) return { kind: 'section', section: Number(section[1]) }
  const hs = /^hs(\d{2}|\d{4}|\d{6})$/.exec(code)
  if (hs) return { kind: 'hs', code: hs[1]! }
  return null
}

export const productCode = {
  section: (n: number) => `hs_s${n}`,
  hs: (code: string) => `hs${code}`,
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 }

/** A section's Roman numeral as a number (`XVI` → 16): the code lists number sections that way. */
export function romanToNumber(roman: string): number {
  let total = 0
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN[roman[i]!] ?? 0
    const next = ROMAN[roman[i + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total
}
