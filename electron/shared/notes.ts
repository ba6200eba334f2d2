/**
 * Notes: Markdown text a user attaches to a dataset, a series, a period or a range of periods, or a
 * whole view; and the session file that autosaves the open view and an unsaved note. Plain data,
 * validated with zod wherever it crosses a boundary (the API, the notes file, a snapshot file).
 *
 * Text rules. A note's body is Markdown and may contain anything a user types, `<script>` included:
 * it is never rendered as HTML (the renderer escapes raw HTML and sanitises the result with DOMPurify,
 * renderer/src/lib/markdown.ts). Everything else that is text — tags, titles, series labels — is
 * plain text and refuses HTML tags outright, so a forged file cannot smuggle markup through them.
 */
import { z } from 'zod'
import { CalculatorState } from './calculatorState'
import { DatasetId, Period } from './primitives'
import { say } from './say'
import { StoredViewState } from './viewStateSchema'

export const MAX_NOTE_TEXT = 10_000
export const MAX_NOTES = 5_000
export const MAX_TAGS = 16

/** Control characters other than tab and newline: never in text a user typed. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
/** The start of an HTML tag, comment or declaration: `<b`, `</`, `<!--`, `<?` (browsers need no space there). `a < b` and `<5%` are fine. */
const TAG_START = /<[a-z!?/]/i

/** Plain text of at most `max` characters: no control characters, no HTML tags. */
export const plainText = (max: number, what = 'text') =>
  z
    .string()
    .max(max, `${what} is at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), {
      message: `${what} contains control characters`,
      params: { said: say('expectNoControl') },
    })
    .refine((s) => !TAG_START.test(s), {
      message: `${what} is plain text: it must not contain HTML tags`,
      params: { said: say('expectNoTags') },
    })

/** `flow:partner:product`, the key of one series of a view (see selectionsOf in viewState.ts). */
export const SeriesKey = z
  .string()
  .max(150)
  .regex(/^[a-z][a-z0-9_]*:[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$/, 'a series key is flow:partner:product codes')

export const NoteId = z
  .string()
  .regex(/^n-[a-z0-9-]{4,60}$/, 'a note id is n- and letters, digits or hyphens')

export const Tag = z
  .string()
  .min(1)
  .max(32)
  .refine((s) => /^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u.test(s), {
    message: 'a tag is letters, digits, spaces, dots, dashes and underscores',
    params: { said: say('expectTag') },
  })

const IsoTime = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, 'a time is an ISO 8601 UTC timestamp')

/** What a note is attached to. */
export const NoteTarget = z.discriminatedUnion('kind', [
  /** A whole view: shown when exactly this view (its state string) is open. */
  z.object({ kind: z.literal('view'), dataset: DatasetId, view: z.string().min(1).max(4000) }).strict(),
  z.object({ kind: z.literal('dataset'), dataset: DatasetId }).strict(),
  z.object({ kind: z.literal('series'), dataset: DatasetId, series: SeriesKey }).strict(),
  z.object({ kind: z.literal('point'), dataset: DatasetId, series: SeriesKey, period: Period }).strict(),
  z
    .object({
      kind: z.literal('range'),
      dataset: DatasetId,
      series: SeriesKey.optional(),
      from: Period,
      to: Period,
    })
    .strict()
    .refine((r) => r.from <= r.to, { message: 'a range ends after it starts', path: ['to'] }),
])
export type NoteTarget = z.infer<typeof NoteTarget>
export type NoteTargetKind = NoteTarget['kind']

/** The number a note was written about (a point note): when the data changes, the note is flagged. */
export const NoteValue = z.object({ value: z.number().finite(), unit: z.string().max(80) }).strict()

export const Note = z
  .object({
    id: NoteId,
    /** Markdown. Never rendered as HTML (see the header). */
    text: z
      .string()
      .min(1, 'a note needs some text')
      .max(MAX_NOTE_TEXT, `a note is at most ${MAX_NOTE_TEXT} characters`)
      .refine((s) => !/\u0000/.test(s), 'a note contains a NUL character'),
    tags: z.array(Tag).max(MAX_TAGS),
    target: NoteTarget,
    value: NoteValue.optional(),
    createdAt: IsoTime,
    updatedAt: IsoTime,
  })
  .strict()
export type Note = z.infer<typeof Note>

export const NOTES_FORMAT = 'china-trade-explorer-notes'
/** The notes file, `<user data>/notes/notes.json`. */
export const NotesFile = z
  .object({
    format: z.literal(NOTES_FORMAT),
    formatVersion: z.literal(1),
    notes: z.array(Note).max(MAX_NOTES),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set<string>()
    for (const n of file.notes) {
      if (ids.has(n.id))
        ctx.addIssue({ code: 'custom', path: ['notes'], message: `two notes with the id ${n.id}` })
      ids.add(n.id)
    }
  })
export type NotesFile = z.infer<typeof NotesFile>

/** A note being written and not yet saved: autosaved with the session so a crash does not lose it. */
export const NoteDraft = z
  .object({
    /** The note being edited, or absent for a new one. */
    id: NoteId.optional(),
    text: z.string().max(MAX_NOTE_TEXT),
    tags: z.array(Tag).max(MAX_TAGS),
    target: NoteTarget,
    value: NoteValue.optional(),
  })
  .strict()
export type NoteDraft = z.infer<typeof NoteDraft>

export const SESSION_FORMAT = 'china-trade-explorer-session'
/** `<user data>/session.json`: what was open, autosaved every few seconds by the page. */
export const Session = z
  .object({
    format: z.literal(SESSION_FORMAT),
    formatVersion: z.literal(1),
    savedAt: IsoTime,
    /** The Explorer's view (one saved by an earlier build is upgraded: viewMigrations.ts). */
    view: StoredViewState.optional(),
    /** The calculators' inputs and scenarios (kept; the page restores them only from a snapshot). */
    calculators: CalculatorState.optional(),
    draft: NoteDraft.optional(),
  })
  .strict()
export type Session = z.infer<typeof Session>

/** A file that could not be read at start-up: moved aside, the user told, everything else loaded. */
export const StorageNotice = z.object({
  /** The file's name (never a full path). */
  file: z.string().max(260),
  problem: z.string().max(500),
  /** Where the unreadable file now is, relative to the user-data folder. */
  quarantinedAs: z.string().max(400),
  /** What the app loaded instead: the previous version (.bak), nothing, or (for a snapshot) the file was left out. */
  recovered: z.enum(['backup', 'empty', 'skipped']),
})
export type StorageNotice = z.infer<typeof StorageNotice>

export const IsoTimestamp = IsoTime
