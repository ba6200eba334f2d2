/**
 * The Harmonized System code list shipped in data/codes (hs.csv: chapters, headings and subheadings
 * with their descriptions; hs-sections.csv: the 21 sections): labels for product codes and the
 * section → chapter → heading → subheading tree the product drill-down walks.
 *
 * Product codes as the view state spells them: `hs85` (chapter), `hs8542` (heading), `hs854231`
 * (subheading), `hs_s16` (section XVI); `all` is every product.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readCsvTable } from '../../shared/csv'

export interface HsSection {
  /** 1–21. */
  number: number
  roman: string
  label: string
  chapters: string[]
}

export interface HsCodes {
  sections: HsSection[]
  /** The description of an HS code (2, 4 or 6 digits), or null if the list does not have it. */
  label(code: string): string | null
  /** The section a chapter (`85`) belongs to, or null (chapters 77, 98, 99 are in none). */
  sectionOf(chapter: string): HsSection | null
}

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
function romanToNumber(roman: string): number {
  let total = 0
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN[roman[i]!] ?? 0
    const next = ROMAN[roman[i + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total
}

async function table(path: string): Promise<Record<string, string>[]> {
  // The published descriptions carry stray spaces around some fields.
  return readCsvTable(await readFile(path, 'utf8')).map((row) =>
    Object.fromEntries(Object.entries(row).map(([name, value]) => [name, value.trim()])),
  )
}

export async function loadHsCodes(codesDir: string): Promise<HsCodes> {
  const labels = new Map<string, string>()
  const sectionOfChapter = new Map<string, string>()
  for (const row of await table(join(codesDir, 'hs.csv'))) {
    if (!/^\d+$/.test(row.hscode ?? '')) continue
    labels.set(row.hscode!, row.description!)
    if (row.level === '2' && row.section !== 'TOTAL') sectionOfChapter.set(row.hscode!, row.section!)
  }
  const sections: HsSection[] = (await table(join(codesDir, 'hs-sections.csv'))).map((row) => ({
    number: romanToNumber(row.section!),
    roman: row.section!,
    // The list writes section I in lower case; every other one starts with a capital.
    label: row.name!.charAt(0).toUpperCase() + row.name!.slice(1),
    chapters: [...sectionOfChapter].filter(([, s]) => s === row.section).map(([c]) => c),
  }))
  const byRoman = new Map(sections.map((s) => [s.roman, s]))
  return {
    sections,
    label: (code) => labels.get(code) ?? null,
    sectionOf: (chapter) => byRoman.get(sectionOfChapter.get(chapter) ?? '') ?? null,
  }
}
