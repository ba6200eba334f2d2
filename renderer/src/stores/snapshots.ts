/**
 * Snapshots: the library (with thumbnails), the Save Snapshot dialog (opened by the button, File › Save
 * Snapshot and Ctrl+S — one command), and the snapshot open in the Explorer: opening one restores its
 * view, calculators and notes, and keeps it here so the Explorer can compare its numbers with today's.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import type { StorageNotice } from '@shared/notes'
import type { OpenedSnapshot, Snapshot, SnapshotSummary } from '@shared/snapshot'
import { call, messageOf, refusalText } from '../api/client'
import { say } from '@shared/say'
import { fetchedOfEmbedded } from '../lib/embeddedData'
import { useExplorerStore } from './explorer'
import { useMirrorStore } from './mirror'
import { useNotesStore } from './notes'
import { useShellStore } from './shell'

import type { ExportKind } from '@shared/workspaceApi'

export const useSnapshotsStore = defineStore('snapshots', () => {
  const list = shallowRef<SnapshotSummary[]>([])
  const problems = shallowRef<StorageNotice[]>([])
  const thumbnails = ref<Record<string, string | null>>({})
  const loading = ref(false)
  const error = ref<string | null>(null)
  /** The Save Snapshot dialog (over the Explorer). */
  const saveOpen = ref(false)
  /** The snapshot last opened (shown, and compared, while the Explorer shows its view). */
  const current = shallowRef<OpenedSnapshot | null>(null)

  async function refresh(): Promise<void> {
    loading.value = true
    try {
      const answer = await call('listSnapshots', {})
      list.value = answer.snapshots
      problems.value = answer.problems
      error.value = null
    } catch (e) {
      error.value = messageOf(e)
    } finally {
      loading.value = false
    }
  }

  async function thumbnail(id: string): Promise<void> {
    if (id in thumbnails.value) return
    thumbnails.value = { ...thumbnails.value, [id]: null }
    try {
      const image = await call('snapshotImage', { id })
      if (image) thumbnails.value = { ...thumbnails.value, [id]: `data:${image.mime};base64,${image.data}` }
    } catch {
      // No thumbnail: the card shows its title only.
    }
  }

  async function save(snapshot: Snapshot): Promise<SnapshotSummary> {
    const summary = await call('saveSnapshot', { snapshot })
    list.value = [summary, ...list.value.filter((s) => s.id !== summary.id)]
    return summary
  }

  /**
   * Checks a snapshot made on a page before saving it, so a problem (a bad title) is explained there
   * rather than refused by main. Returns the problem, or null once saved.
   */
  async function saveChecked(candidate: Snapshot): Promise<string | null> {
    // The schema (zod) loads with the first save, not before the Explorer's first chart.
    const [{ Snapshot }, { issueSaid }] = await Promise.all([
      import('@shared/snapshot'),
      import('@shared/schemaIssue'),
    ])
    const parsed = Snapshot.safeParse(candidate)
    if (!parsed.success) {
      return refusalText(say('snapshotCannotSave', { why: issueSaid(parsed.error, candidate) }))
    }
    await save(parsed.data)
    return null
  }

  /**
   * Restores an opened snapshot: its view in the Explorer, its calculators and its notes. The code a
   * snapshot needs is loaded first and the view, calculators and current snapshot are then set in one
   * step, so nothing else can land between them; when `superseded` says another open has started
   * meanwhile, nothing is set (null): the later open wins whole, never a mix of two snapshots.
   */
  async function apply(
    opened: OpenedSnapshot,
    superseded: () => boolean = () => false,
  ): Promise<OpenedSnapshot | null> {
    const mirror = opened.snapshot.mirror
    if (mirror) {
      // A mirror snapshot: its two sides on the Mirror page (the saved series if it is self-contained).
      const { mirrorSeriesOfSnapshot } = await import('../lib/mirrorSnapshot')
      if (superseded()) return null
      current.value = opened
      const saved = mirrorSeriesOfSnapshot(opened.snapshot)
      const store = useMirrorStore()
      if (saved) store.showSaved(mirror, saved)
      else await store.readLiveData()
      return opened
    }
    // The calculators' code loads only for a snapshot that has calculators (not before the Explorer's first chart).
    const calculators = opened.snapshot.calculators
      ? (await import('./calculators')).useCalculatorsStore()
      : null
    if (superseded()) return null
    const explorer = useExplorerStore()
    // The dataset version belongs to the snapshot (compared below), not to the live view.
    const { datasetVersion: _version, ...view } = structuredClone(opened.snapshot.view)
    // A self-contained snapshot draws from the data it carries; a linked one reads the library.
    const embedded = opened.snapshot.embedded
    const reason = embedded
      ? explorer.showSaved(view, fetchedOfEmbedded(embedded, opened.snapshot.sources, view))
      : explorer.apply(view)
    if (reason) throw new Error(reason)
    current.value = opened
    if (calculators) calculators.importState(structuredClone(opened.snapshot.calculators))
    await useNotesStore().merge(opened.snapshot.notes)
    return opened
  }

  /** The opens started so far: an open that is no longer the latest leaves the screen to the later one. */
  let opens = 0

  /** Runs an open, telling the user (from any page) if it failed; null if it failed or a later open superseded it. */
  async function attempt(open: () => Promise<OpenedSnapshot | null>): Promise<OpenedSnapshot | null> {
    const id = ++opens
    const superseded = () => id !== opens
    try {
      const opened = await open()
      if (superseded()) return null
      error.value = null
      return opened ? await apply(opened, superseded) : null
    } catch (e) {
      if (superseded()) return null
      error.value = messageOf(e)
      useShellStore().notify({ key: 'notes.snapshot.openFailed', params: { message: error.value } })
      return null
    }
  }

  /** Where an opened snapshot shows: the Mirror page with its choice, or the Explorer. */
  function routeOf(opened: OpenedSnapshot): RouteLocationRaw {
    const m = opened.snapshot.mirror
    return m
      ? {
          name: 'mirror',
          query: {
            china: m.chinaDataset,
            partnerData: m.partnerDataset,
            partner: m.partner,
            freq: m.frequency,
          },
        }
      : { name: 'explorer' }
  }

  const open = (id: string) => attempt(() => call('openSnapshot', { id }))
  /** A snapshot the OS or a drop gave main, by the token main sent with the command. */
  const openFile = (file: string) => attempt(() => call('openSnapshotFile', { file }))
  const choose = () => attempt(() => call('chooseSnapshotFile', {}))

  async function remove(id: string): Promise<void> {
    try {
      await call('deleteSnapshot', { id })
      list.value = list.value.filter((s) => s.id !== id)
      if (current.value?.id === id) current.value = null
    } catch (e) {
      error.value = messageOf(e)
    }
  }

  async function exportTo(id: string, kind: ExportKind): Promise<{ name: string; files: string[] } | null> {
    try {
      const result = await call('exportSnapshot', { id, kind })
      error.value = null
      return result
    } catch (e) {
      error.value = messageOf(e)
      return null
    }
  }

  return {
    list,
    problems,
    thumbnails,
    loading,
    error,
    saveOpen,
    current,
    refresh,
    thumbnail,
    save,
    saveChecked,
    apply,
    routeOf,
    open,
    openFile,
    choose,
    remove,
    exportTo,
  }
})
