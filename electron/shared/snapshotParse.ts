/**
 * Reading a snapshot file's document: recognised by its format name, versioned (`formatVersion`; older
 * versions migrated, newer ones refused with the reason), then checked against the schema. The file is
 * size-capped before it is read (the services stat it first).
 */
import { english } from './messages'
import { say, type Said } from './say'
import { issueSaid } from './schemaIssue'
import { describeIssue, Snapshot, SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION } from './snapshot'
import { MigrationError, migrations } from './snapshotMigrations'

export type ParsedSnapshot =
  { ok: true; snapshot: Snapshot; migratedFrom: number | null } | { ok: false; message: string; said: Said }

/** Validates (and migrates) a document read from a snapshot file. Refused whole, with the reason. */
export function parseSnapshot(raw: unknown): ParsedSnapshot {
  // The English text may say more than the catalogued reason (the schema's own words): for the log.
  const refuse = (why: Said, detail?: string): ParsedSnapshot => {
    const said = say('snapshotCannotOpen', { why })
    return { ok: false, message: english(detail ? say('snapshotCannotOpen', { why: detail }) : said), said }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return refuse(say('snapshotNotObject'))
  const doc = raw as Record<string, unknown>
  if (doc.format !== SNAPSHOT_FORMAT) return refuse(say('snapshotOtherFormat'))
  const version = doc.formatVersion
  if (version === undefined) return refuse(say('snapshotNoVersion'))
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return refuse(say('snapshotBadVersion'))
  if (version > SNAPSHOT_FORMAT_VERSION)
    return refuse(say('snapshotNewer', { version, latest: SNAPSHOT_FORMAT_VERSION }))
  let current: unknown = raw
  try {
    for (let v = version; v < SNAPSHOT_FORMAT_VERSION; v++) {
      const step = migrations[v]
      if (!step) return refuse(say('snapshotUnknownFormat', { version: v }))
      current = step(current)
    }
  } catch (error) {
    if (error instanceof MigrationError) return refuse(error.said, error.message)
    throw error
  }
  const parsed = Snapshot.safeParse(current)
  if (!parsed.success) return refuse(issueSaid(parsed.error, current), `${describeIssue(parsed.error)}.`)
  return { ok: true, snapshot: parsed.data, migratedFrom: version < SNAPSHOT_FORMAT_VERSION ? version : null }
}
