/**
 * Notes: the list (kept by main in the notes file; every change is written before it shows here), the
 * note being edited (its draft is autosaved with the session, so a crash keeps it), and an undo history
 * of edits and deletions.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Note, NoteDraft, NoteTarget } from '@shared/notes'
import { call, messageOf, refusalText } from '../api/client'
import { say } from '@shared/say'
import { noteOfDraft } from '../lib/snapshotModel'

const MAX_UNDO = 50

/** One step to undo: the note before (null: it did not exist) and after (null: it was deleted). */
interface Change {
  before: Note | null
  after: Note | null
}

export const useNotesStore = defineStore('notes', () => {
  const notes = shallowRef<Note[]>([])
  const loaded = ref(false)
  const error = ref<string | null>(null)
  /** The note editor: open over this draft, or closed (null). */
  const draft = ref<NoteDraft | null>(null)
  /** A draft found in the session at start-up (the app closed while it was open). */
  const recoveredDraft = ref<NoteDraft | null>(null)
  const history = ref<Change[]>([])
  /** The last change, for the "Deleted — Undo" message. */
  const lastChange = computed(() => history.value.at(-1) ?? null)
  const tags = computed(() =>
    [...new Set(notes.value.flatMap((n) => n.tags))].sort((a, b) => a.localeCompare(b)),
  )
  const datasets = computed(() => [...new Set(notes.value.map((n) => n.target.dataset))].sort())

  async function load(): Promise<void> {
    try {
      notes.value = await call('listNotes', {})
      loaded.value = true
      error.value = null
    } catch (e) {
      error.value = messageOf(e)
    }
  }

  function replace(note: Note): void {
    notes.value = notes.value.some((n) => n.id === note.id)
      ? notes.value.map((n) => (n.id === note.id ? note : n))
      : [...notes.value, note]
  }

  function record(change: Change): void {
    history.value = [...history.value, change].slice(-MAX_UNDO)
  }

  /** Saves a draft as a note; returns the reason if it is not valid (the editor shows it), else null. */
  async function save(input: NoteDraft): Promise<string | null> {
    const before = input.id ? (notes.value.find((n) => n.id === input.id) ?? null) : null
    // The schemas (zod) load with the first note saved, not before the Explorer's first chart.
    const [{ Note }, { issueSaid }] = await Promise.all([
      import('@shared/notes'),
      import('@shared/schemaIssue'),
    ])
    const candidate = noteOfDraft(input, before ?? undefined)
    const parsed = Note.safeParse(candidate)
    if (!parsed.success) {
      return refusalText(say('noteCannotSave', { why: issueSaid(parsed.error, candidate) }))
    }
    try {
      const saved = await call('saveNote', { note: parsed.data })
      replace(saved)
      record({ before, after: saved })
      draft.value = null
      return null
    } catch (e) {
      return messageOf(e)
    }
  }

  async function remove(id: string): Promise<void> {
    try {
      const { deleted } = await call('deleteNote', { id })
      notes.value = notes.value.filter((n) => n.id !== id)
      if (deleted) record({ before: deleted, after: null })
    } catch (e) {
      error.value = messageOf(e)
    }
  }

  /** Undoes the last edit, creation or deletion. */
  async function undo(): Promise<void> {
    const change = history.value.at(-1)
    if (!change) return
    try {
      if (change.before) replace(await call('saveNote', { note: change.before }))
      else if (change.after) {
        await call('deleteNote', { id: change.after.id })
        notes.value = notes.value.filter((n) => n.id !== change.after!.id)
      }
      history.value = history.value.slice(0, -1)
    } catch (e) {
      error.value = messageOf(e)
    }
  }

  /** Adds a snapshot's notes to the user's (newer versions win); then reloads the list. */
  async function merge(incoming: readonly Note[]): Promise<void> {
    if (incoming.length === 0) return
    await call('mergeNotes', { notes: [...incoming] })
    await load()
  }

  function edit(note: Note): void {
    draft.value = {
      id: note.id,
      text: note.text,
      tags: [...note.tags],
      target: structuredClone(note.target),
      ...(note.value ? { value: { ...note.value } } : {}),
    }
  }

  function compose(target: NoteTarget, value?: { value: number; unit: string }): void {
    draft.value = { text: '', tags: [], target, ...(value ? { value } : {}) }
  }

  async function resumeRecovered(): Promise<void> {
    const { NoteDraft } = await import('@shared/notes')
    const parsed = NoteDraft.safeParse(recoveredDraft.value)
    if (parsed.success) draft.value = parsed.data
    recoveredDraft.value = null
  }

  return {
    notes,
    loaded,
    error,
    draft,
    recoveredDraft,
    history,
    lastChange,
    tags,
    datasets,
    load,
    save,
    remove,
    undo,
    merge,
    edit,
    compose,
    resumeRecovered,
  }
})

/** Notes matching a search text (in the text and tags), a dataset and a tag; newest first. */
export function filterNotes(
  notes: readonly Note[],
  filter: { text?: string; dataset?: string; tag?: string },
): Note[] {
  const needle = filter.text?.trim().toLowerCase() ?? ''
  return notes
    .filter((n) => !filter.dataset || n.target.dataset === filter.dataset)
    .filter((n) => !filter.tag || n.tags.includes(filter.tag))
    .filter(
      (n) =>
        !needle ||
        n.text.toLowerCase().includes(needle) ||
        n.tags.some((t) => t.toLowerCase().includes(needle)),
    )
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}
