/**
 * Older view states and how each becomes the next: `viewMigrations[n]` turns a version-n view into a
 * version-(n+1) one, so a state string, an autosaved session or a snapshot saved by an earlier build
 * still opens. Plain objects in, plain objects out: the view state's schema (viewState.ts, which
 * imports this module) checks the result. Snapshot files have their own format versions and steps
 * (snapshotMigrations.ts), which call this for the view they carry.
 */

/**
 * The view state's version today. A new value of a setting (the quarterly frequency and q/q change
 * came so) is not a new version: every view an older build saved reads the same, so nothing is
 * migrated. A version is added when an older view must be rewritten to keep what it showed.
 */
export const VIEW_STATE_VERSION = 2

/**
 * Version 1 → 2: version 2 adds the breakdown of an imported dataset (what is ranked, the picture,
 * top N and the product drilled into). A version-1 view recorded none: it opens at the breakdown's
 * first picture, as version 1 always did.
 */
function migrateViewV1(view: Record<string, unknown>): Record<string, unknown> {
  return { ...view, version: 2 }
}

export const viewMigrations: Record<number, (view: Record<string, unknown>) => Record<string, unknown>> = {
  1: migrateViewV1,
}

/**
 * A view object brought up to VIEW_STATE_VERSION. Anything else (not an object, no or a newer or an
 * unknown version) is handed back as it is, for the schema to refuse with its reason.
 */
export function upgradeView(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw
  let view = raw as Record<string, unknown>
  for (let v = view.version; typeof v === 'number' && v < VIEW_STATE_VERSION; v = view.version) {
    const step = viewMigrations[v]
    if (!step) return view
    view = step(view)
  }
  return view
}
