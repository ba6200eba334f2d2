/**
 * What the two ways of saving a snapshot share — the Explorer's Save Snapshot dialog and the Mirror's
 * form: the title field, selected so typing replaces it; the self-contained choice; the chart's picture
 * drawn in the current theme and language at the snapshot's size; one save at a time; and a problem
 * said where the user is. Each caller builds its own snapshot (a view, or a mirror comparison).
 */
import { nextTick, ref, useTemplateRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Snapshot } from '@shared/snapshot'
import { messageOf } from '../../api/client'
import { chartText, type ChartText } from '../../lib/chartConfig'
import { readChartTheme, type ChartTheme } from '../../lib/chartTheme'
import { SNAPSHOT_IMAGE, snapshotPicture } from '../../lib/exportView'
import { useSnapshotsStore } from '../../stores/snapshots'

type ChartConfig = Parameters<typeof snapshotPicture>[0]

export function useSnapshotSave() {
  const { t, locale } = useI18n()
  const snapshots = useSnapshotsStore()
  const name = ref('')
  /** Self-contained: the data goes into the file, so it opens on a machine without the dataset. */
  const selfContained = ref(false)
  const busy = ref(false)
  const message = ref<string | null>(null)
  /** The title field: the caller's template marks it `ref="snapshotTitle"`. */
  const input = useTemplateRef<HTMLInputElement>('snapshotTitle')

  /** Opens the form on a title. */
  async function start(title: string): Promise<void> {
    name.value = title.slice(0, 200)
    message.value = null
    await nextTick()
    input.value?.select()
  }

  /** The chart's picture for the snapshot, from the configuration the screen draws, made at its width. */
  function picture(configOf: (theme: ChartTheme, text: ChartText, width: number) => ChartConfig) {
    const theme = readChartTheme()
    return snapshotPicture(configOf(theme, chartText(t, locale.value), SNAPSHOT_IMAGE.width), theme.surface)
  }

  /** Builds and saves a snapshot: the saved one, or null with `message` saying why not. */
  async function save(build: () => Promise<Snapshot>): Promise<Snapshot | null> {
    busy.value = true
    message.value = null
    try {
      const snapshot = await build()
      message.value = await snapshots.saveChecked(snapshot)
      return message.value ? null : snapshot
    } catch (e) {
      message.value = messageOf(e)
      return null
    } finally {
      busy.value = false
    }
  }

  return { name, selfContained, busy, message, start, picture, save }
}
