/**
 * Sources: a stable id per (URL, title), and the publisher and date read from the title.
 */
import { createHash } from 'node:crypto'

export interface SourceRow {
  source_id: string
  title: string
  publisher: string
  published: string
  url: string
}

/** `s` + the first 10 hex digits of sha1(url + "\n" + title). */
export function sourceId(url: string, title: string): string {
  return 's' + createHash('sha1').update(`${url}\n${title}`, 'utf8').digest('hex').slice(0, 10)
}

const MONTHS = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?'
/** Dates as titles write them: 2021-01-14, 2023-03, Mar 2025, March 2025, 2024. */
const DATE = new RegExp(`^(?:\\d{4}-\\d{2}-\\d{2}|\\d{4}-\\d{2}|${MONTHS} \\d{4}|\\d{4})$`)

/**
 * Publisher and publication date from a trailing parenthesised group of a title:
 * "… (AP via Business Standard, 2021-01-14)" → AP via Business Standard, 2021-01-14;
 * "China Trade Balance (FocusEconomics)" → FocusEconomics, "";
 * "… (2025-11-07)" → "", 2025-11-07. No trailing group: both empty. Text is kept as written.
 */
export function parseSourceTitle(title: string): { publisher: string; published: string } {
  const m = /\(([^()]*)\)\s*$/.exec(title)
  if (!m) return { publisher: '', published: '' }
  const inner = m[1]!.trim()
  const comma = inner.lastIndexOf(',')
  // A remark may follow the date: "(Reuters via Financial Post, 2020-04-14; reissued table)".
  const last = (comma >= 0 ? inner.slice(comma + 1) : inner).split(';')[0]!.trim()
  if (DATE.test(last)) {
    return { publisher: comma >= 0 ? inner.slice(0, comma).trim() : '', published: last }
  }
  return { publisher: inner, published: '' }
}

const MONTH_NUMBER: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
}

/**
 * A publication date as parseSourceTitle gives it, as ISO text that sorts: "2021-01-14" stays,
 * "Mar 2025" and "March 2025" → "2025-03", "2024" stays. Empty when there is no date.
 */
export function isoDate(published: string): string {
  const m = /^([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(published)
  if (m) return `${m[2]}-${MONTH_NUMBER[m[1]!.toLowerCase()]}`
  return published
}

/**
 * True when `a` was certainly published before `b`: both dated, and not one a coarser form of the
 * other ("2019-09" may be before or after "2019-09-08").
 */
export function publishedBefore(a: string, b: string): boolean {
  if (!a || !b || a.startsWith(b) || b.startsWith(a)) return false
  return a < b
}

/** A table published by China's customs agency itself (english.customs.gov.cn and the like), not a report of it. */
export function isCustomsTable(url: string): boolean {
  const host = /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? ''
  return host === 'customs.gov.cn' || host.endsWith('.customs.gov.cn')
}

/** A table the publisher reissued (a corrected version) says so in its source title: "…; reissued table)". */
export function isReissue(title: string): boolean {
  return /\breissued\b/i.test(title)
}

/** Only web addresses are accepted as sources. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(url)
}
