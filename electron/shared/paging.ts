/**
 * Paged answers: lists that grow with the user's data (the series of a dataset with many reporters,
 * the library of imports) come a page at a time, so no single answer, and no single validation of one
 * in main, grows without bound. One page size cap for every paged method; the cursor is opaque (the
 * engine makes and reads it: services/paging.ts), only its outer form is checked here.
 */
import { z } from 'zod'
import { say } from './say'

/** The most items any page carries. */
export const PAGE_SIZE_MAX = 200

export const PageCursor = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => /^[A-Za-z0-9_-]+$/.test(s), {
    message: 'a page cursor is letters, digits, - and _ only, as the previous page gave it',
    params: { said: say('expectCursor') },
  })

/** The paging arguments a paged method takes besides its own: none for the first page. */
export const PageArgs = {
  /** The `next` of the previous page; absent for the first page. */
  cursor: PageCursor.optional(),
  /** How many items at most (default and cap: PAGE_SIZE_MAX). */
  limit: z.number().int().min(1).max(PAGE_SIZE_MAX).optional(),
}

/** One page of a list: its items in the list's order, the cursor of the next page (null on the last), the list's length. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item).max(PAGE_SIZE_MAX),
    next: PageCursor.nullable(),
    total: z.number().int().nonnegative(),
  })
}

export interface Page<T> {
  items: T[]
  next: string | null
  total: number
}
