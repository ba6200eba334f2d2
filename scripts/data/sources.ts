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
  const last = (comma >= 0 ? inner.slice(comma + 1) : inner).trim()
  if (DATE.test(last)) {
    return { publisher: comma >= 0 ? inner.slice(0, comma).trim() : '', published: last }
  }
  return { publisher: inner, published: '' }
}

/** Only web addresses are accepted as sources. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(url)
}
