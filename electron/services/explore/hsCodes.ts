/**
 * The Harmonized System code list shipped in data/codes (hs.csv: chapters, headings and subheadings
 * with their descriptions; hs-sections.csv: the 21 sections): labels for product codes and the
 * section → chapter → heading → subheading tree the product drill-down walks.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readCsvTable } from '../../shared/csv'
import { romanToNumber } from '../../shared/hsProduct'

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

export { parseProduct, productCode, type ProductRef } from '../../shared/hsProduct'

async function table(path: string): Promise<Record<string, string>[]> {
  return readCsvTable(await readFile(path, 'utf8'))
}

/** The published descriptions carry stray spaces around some fields: the ones read are trimmed. */
const field = (row: Record<string, string>, name: string) => row[name]?.trim() ?? ''

export async function loadHsCodes(codesDir: string): Promise<HsCodes> {
  const labels = new Map<string, string>()
  const sectionOfChapter = new Map<string, string>()
  for (const row of await table(join(codesDir, 'hs.csv'))) {
    const code = field(row, 'hscode')
    if (!/^\d+$/.test(code)) continue
    labels.set(code, field(row, 'description'))
    const section = field(row, 'section')
    if (field(row, 'level') === '2' && section !== 'TOTAL') sectionOfChapter.set(code, section)
  }
  const sections: HsSection[] = (await table(join(codesDir, 'hs-sections.csv'))).map((row) => {
    const roman = field(row, 'section')
    const name = field(row, 'name')
    return {
      number: romanToNumber(roman),
      roman,
      // The list writes section I in lower case; every other one starts with a capital.
      label: name.charAt(0).toUpperCase() + name.slice(1),
      chapters: [...sectionOfChapter].filter(([, s]) => s === roman).map(([c]) => c),
    }
  })
  const byRoman = new Map(sections.map((s) => [s.roman, s]))
  return {
    sections,
    label: (code) => labels.get(code) ?? null,
    sectionOf: (chapter) => byRoman.get(sectionOfChapter.get(chapter) ?? '') ?? null,
  }
}
