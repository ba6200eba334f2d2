/**
 * The engine's page cursors (the contract's side is shared/paging.ts). A cursor is base64url JSON of
 * the position in the list and a fingerprint of which list it belongs to (the method, the dataset and
 * its version, or the library's contents): a cursor from another list, or from a list that has changed
 * since (an import added or deleted, a dataset imported again), is refused instead of silently
 * skipping or repeating items. Whatever a caller sends in its place is refused in plain words.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { AppError } from '../shared/errors'
import { say } from '../shared/messages'
import { PAGE_SIZE_MAX, type Page } from '../shared/paging'

const CursorBody = z
  .object({
    v: z.literal(1),
    /** The list's fingerprint. */
    l: z.string().regex(/^[0-9a-f]{16}$/),
    /** How many items the previous pages held. */
    at: z.number().int().positive().max(1e9),
  })
  .strict()

const DAMAGED = say('cursorDamaged')
const OTHER_LIST = say('cursorOtherList')

/**
 * One page of a list the engine holds in full (lists of summaries: small rows, cheap to recompute).
 * `scope` names the list (the method and its arguments but the paging ones); the fingerprint adds
 * the list's contents, so any change to it since the cursor was made is noticed.
 */
export function pageFrom<T>(
  all: readonly T[],
  scope: string,
  args: { cursor?: string; limit?: number },
): Page<T> {
  const fingerprint = createHash('sha256')
    .update(scope)
    .update('\u0000')
    .update(JSON.stringify(all))
    .digest('hex')
    .slice(0, 16)
  const at = args.cursor === undefined ? 0 : positionOf(args.cursor, fingerprint)
  if (at > all.length) throw new AppError('INVALID_ARGUMENT', OTHER_LIST)
  const end = at + Math.min(args.limit ?? PAGE_SIZE_MAX, PAGE_SIZE_MAX)
  return {
    items: all.slice(at, end),
    next: end < all.length ? encode({ v: 1, l: fingerprint, at: end }) : null,
    total: all.length,
  }
}

function positionOf(cursor: string, fingerprint: string): number {
  let body: z.infer<typeof CursorBody>
  try {
    body = CursorBody.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
  } catch {
    throw new AppError('INVALID_ARGUMENT', DAMAGED)
  }
  if (body.l !== fingerprint) throw new AppError('INVALID_ARGUMENT', OTHER_LIST)
  return body.at
}

function encode(body: z.infer<typeof CursorBody>): string {
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url')
}
