/**
 * HS product names in Chinese: the section (类) and chapter (章) titles of China's customs tariff, from
 * the code list data/codes/hs-zh.csv (its source is in data/codes/README.md). The services label
 * products in English from the HS list (`Section XVI: Machinery…`, `HS 85 Electrical…`); in Chinese the
 * page names sections and chapters by the tariff's titles, and headings and subheadings by their code
 * with the HS list's English description, said to be English (the code list has no Chinese heading
 * texts; lib/names.ts).
 */
import { parseProduct, romanToNumber } from '@shared/hsProduct'
import table from '../../../data/codes/hs-zh.csv?raw'

/** `level,code,name`: no field holds a comma (the titles use the Chinese comma and semicolon). */
export function parseHsNames(text: string): { sections: Map<number, string>; chapters: Map<string, string> } {
  const sections = new Map<number, string>()
  const chapters = new Map<string, string>()
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [level, code, name] = line.split(',')
    if (!code || !name) continue
    if (level === 'section') sections.set(romanToNumber(code), name)
    else if (level === 'chapter') chapters.set(code, name)
  }
  return { sections, chapters }
}

const NAMES = parseHsNames(table)

/** What names an HS product in Chinese: its level, number and the tariff's title (none for headings). */
export interface HsName {
  level: 'section' | 'chapter' | 'heading'
  /** The section's or chapter's number (`16`, `85`), or the heading's code (`8542`, `854231`). */
  number: string
  title: string
}

/** `hs_s16` → section 16 with its title, `hs85` → chapter 85 with its, `hs8542` → heading 8542; else null. */
export function hsName(code: string): HsName | null {
  const ref = parseProduct(code)
  if (!ref || ref.kind === 'all') return null
  if (ref.kind === 'section')
    return { level: 'section', number: String(ref.section), title: NAMES.sections.get(ref.section) ?? '' }
  if (ref.code.length > 2) return { level: 'heading', number: ref.code, title: '' }
  return { level: 'chapter', number: String(Number(ref.code)), title: NAMES.chapters.get(ref.code) ?? '' }
}
