/**
 * Reading a snapshot file's document: recognised by its format name, versioned (`formatVersion`; older
 * versions migrated, newer ones refused with the reason), then checked against the schema. The file is
 * size-capped before it is read (the services stat it first).
 */
import { describeIssue, Snapshot, SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION } from './snapshot'
import { MigrationError, migrations } from './snapshotMigrations'

export type ParsedSnapshot =
  { ok: true; snapshot: Snapshot; migratedFrom: number | null } | { ok: false; message: string }

/** Validates (and migrates) a document read from a snapshot file. Refused whole, with the reason. */
export function parseSnapshot(raw: unknown): ParsedSnapshot {
  const refuse = (why: string): ParsedSnapshot => ({
    ok: false,
    message: `This snapshot cannot be opened: ${why}`,
  })
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return refuse('it is not a snapshot file (no JSON object inside).')
  const doc = raw as Record<string, unknown>
  if (doc.format !== SNAPSHOT_FORMAT)
    return refuse('it is not a China Trade Explorer snapshot (the "format" field is missing or different).')
  const version = doc.formatVersion
  if (version === undefined) return refuse('it has no "formatVersion".')
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return refuse('its "formatVersion" is not a version number.')
  if (version > SNAPSHOT_FORMAT_VERSION) {
    return refuse(
      `it was saved by a newer version of the app (format ${version}); this version reads formats up to ${SNAPSHOT_FORMAT_VERSION}. Update the app to open it.`,
    )
  }
  let current: unknown = raw
  try {
    for (let v = version; v < SNAPSHOT_FORMAT_VERSION; v++) {
      const step = migrations[v]
      if (!step) return refuse(`format ${v} is not one this version can read.`)
      current = step(current)
    }
  } catch (error) {
    if (error instanceof MigrationError) return refuse(`${error.message}.`)
    throw error
  }
  const parsed = Snapshot.safeParse(current)
  if (!parsed.success) return refuse(`${describeIssue(parsed.error)}.`)
  return { ok: true, snapshot: parsed.data, migratedFrom: version < SNAPSHOT_FORMAT_VERSION ? version : null }
}
