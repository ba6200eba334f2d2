/**
 * A dataset's own words in the reader's language. A package's title, descriptions, licence and
 * source-group names: its `translations` for that language when it has them, else the text as
 * written. An imported dataset's version and the source its values cite, which the import library
 * writes in English (`2 (imported 2026-12-01)`): the file's name kept, the rest from the messages.
 * Only what the package's compiler or the app wrote is translated; a source's published title is a
 * citation and is never looked up here.
 */
import type { Translations } from '@shared/api'

interface Translatable {
  title?: string
  description?: string
  translations?: Translations
}

/** `{ title, description }` for `locale` (`zh-CN`, then `zh`), each falling back to the item's own. */
export function packageText(item: Translatable, locale: string): { title: string; description: string } {
  const own = item.translations?.[locale] ?? item.translations?.[locale.split('-')[0]!]
  return { title: own?.title ?? item.title ?? '', description: own?.description ?? item.description ?? '' }
}

type Translate = (key: string, values: Record<string, string>) => string

/** The import library's version of an imported dataset, `2 (imported 2026-12-01)`. */
const IMPORTED_VERSION = /^(\d+) \(imported (\d{4}-\d{2}-\d{2})\)$/
/** The source every value of an imported version cites, `file.csv (imported 2026-12-01, version 2)`. */
const IMPORTED_SOURCE = /^(.+) \(imported (\d{4}-\d{2}-\d{2}), version (\d+)\)$/

/** A dataset's version for the reader: an imported one's date and number in their words, any other as is. */
export function versionText(version: string, t: Translate): string {
  const m = IMPORTED_VERSION.exec(version)
  return m ? t('explore.importedVersion', { version: m[1]!, date: m[2]! }) : version
}

/** A source's title for the reader: an imported file's citation in their words, a published title as is. */
export function sourceTitleText(title: string, t: Translate): string {
  const m = IMPORTED_SOURCE.exec(title)
  return m ? t('explore.importedSource', { file: m[1]!, date: m[2]!, version: m[3]! }) : title
}
