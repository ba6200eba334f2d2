/**
 * Named scenarios, as in a spreadsheet's Scenario Manager: save the current inputs under a name,
 * rename, duplicate, delete. Pure list operations: every function returns a new list and never
 * mutates its argument. Names are unique per calculator, compared trimmed and case-insensitively; a
 * clash on save or duplicate gets a numbered suffix (“High (2)”), a clash on rename is refused.
 */

export interface NamedItem {
  id: string
  name: string
  calculator: string
}

export const MAX_NAME_LENGTH = 60

const key = (name: string) => name.trim().toLocaleLowerCase()

/** Trimmed, inner runs of white space collapsed, capped at MAX_NAME_LENGTH. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH)
}

/** `name`, or `name (2)`, `name (3)`… — the first not used by another item of the same calculator. */
export function uniqueName(
  name: string,
  list: readonly NamedItem[],
  calculator: string,
  exceptId?: string,
): string {
  const base = cleanName(name) || 'Scenario'
  const taken = new Set(
    list.filter((s) => s.calculator === calculator && s.id !== exceptId).map((s) => key(s.name)),
  )
  if (!taken.has(key(base))) return base
  const stem = base.replace(/ \(\d+\)$/, '')
  for (let i = 2; ; i += 1) {
    const candidate = `${stem} (${i})`
    if (!taken.has(key(candidate))) return candidate
  }
}

/** Appends `item` with a unique name. */
export function saveScenario<T extends NamedItem>(list: readonly T[], item: T): { list: T[]; saved: T } {
  if (list.some((s) => s.id === item.id)) throw new Error(`duplicate scenario id ${item.id}`)
  const saved = { ...item, name: uniqueName(item.name, list, item.calculator) }
  return { list: [...list, saved], saved }
}

export type RenameResult<T> =
  { ok: true; list: T[] } | { ok: false; reason: 'not found' | 'empty name' | 'name taken' }

export function renameScenario<T extends NamedItem>(
  list: readonly T[],
  id: string,
  name: string,
): RenameResult<T> {
  const item = list.find((s) => s.id === id)
  if (!item) return { ok: false, reason: 'not found' }
  const clean = cleanName(name)
  if (!clean) return { ok: false, reason: 'empty name' }
  if (list.some((s) => s.id !== id && s.calculator === item.calculator && key(s.name) === key(clean)))
    return { ok: false, reason: 'name taken' }
  return { ok: true, list: list.map((s) => (s.id === id ? { ...s, name: clean } : s)) }
}

/** Inserts a copy right after the original, named “<name> (copy)” (made unique), with `newId`. */
export function duplicateScenario<T extends NamedItem>(
  list: readonly T[],
  id: string,
  newId: string,
  copySuffix = 'copy',
): { list: T[]; copy: T | null } {
  const index = list.findIndex((s) => s.id === id)
  const item = list[index]
  if (!item) return { list: [...list], copy: null }
  const copy: T = {
    ...(JSON.parse(JSON.stringify(item)) as T),
    id: newId,
    name: uniqueName(`${item.name} (${copySuffix})`, list, item.calculator),
  }
  return { list: [...list.slice(0, index + 1), copy, ...list.slice(index + 1)], copy }
}

export function deleteScenario<T extends NamedItem>(list: readonly T[], id: string): T[] {
  return list.filter((s) => s.id !== id)
}
