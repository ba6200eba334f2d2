/**
 * A data package's own words (its title, descriptions, licence and source-group names) in the
 * reader's language: the package's `translations` for that language when it has them, else the text
 * as written. Only what a package's compiler wrote is translated; a source's published title is a
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
