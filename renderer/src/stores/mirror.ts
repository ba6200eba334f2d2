import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Series } from '@shared/api'
import { ApiError, call, messageOf } from '../api/client'
import { MirrorUnitError, pairMirror, type Mirror } from '../lib/mirror'

export interface MirrorChoice {
  /** The dataset that reports China's exports (the bundled package or an imported China file). */
  chinaDataset: string
  /** The dataset that reports the partner's imports from China (an imported Census or Comtrade file…). */
  partnerDataset: string
  /** The partner, as the view state spells it (`us`, `south_korea`, `deu`). */
  partner: string
  frequency: 'month' | 'year'
}

/**
 * The mirror comparison: China's exports to a partner from one dataset, the partner's imports from
 * China from another, both fetched with the ordinary series call and paired by `lib/mirror.ts`.
 */
export const useMirrorStore = defineStore('mirror', () => {
  const choice = ref<MirrorChoice | null>(null)
  const china = shallowRef<Series | null>(null)
  const partner = shallowRef<Series | null>(null)
  /** Why a side has no series: the dataset has none for the pair at this frequency, or another problem's message. */
  type SideError = { notFound: true } | { notFound: false; message: string }
  const chinaError = ref<SideError | null>(null)
  const partnerError = ref<SideError | null>(null)
  const loading = ref(false)
  /** The two series a self-contained snapshot saved, shown instead of the library's for its choice. */
  const saved = shallowRef<{ choice: MirrorChoice; china: Series; partner: Series } | null>(null)
  let request = 0
  const same = (a: MirrorChoice, b: MirrorChoice) =>
    a.chinaDataset === b.chinaDataset &&
    a.partnerDataset === b.partnerDataset &&
    a.partner === b.partner &&
    a.frequency === b.frequency

  /** Shows a self-contained snapshot's saved series for its choice (until the choice changes). */
  function showSaved(next: MirrorChoice, series: { china: Series; partner: Series }): void {
    saved.value = { choice: next, ...series }
    // The page may already show this choice (the address will not change): draw the saved series now.
    if (choice.value && same(choice.value, next)) void load(next)
  }

  /** Drops the saved series: the same choice reads the library again. */
  function readLiveData(): Promise<void> | void {
    const current = saved.value?.choice
    saved.value = null
    if (current) return load(current)
  }

  async function load(next: MirrorChoice): Promise<void> {
    choice.value = next
    const mine = ++request
    if (saved.value && same(saved.value.choice, next)) {
      china.value = saved.value.china
      partner.value = saved.value.partner
      chinaError.value = partnerError.value = null
      loading.value = false
      return
    }
    saved.value = null
    loading.value = true
    const side = (args: Parameters<typeof call<'getSeries'>>[1]) =>
      call('getSeries', args).then(
        (s) => ({ series: s, error: null }),
        (e: unknown): { series: null; error: SideError } => ({
          series: null,
          error:
            e instanceof ApiError && e.code === 'NOT_FOUND'
              ? { notFound: true }
              : { notFound: false, message: messageOf(e) },
        }),
      )
    const [c, p] = await Promise.all([
      side({
        dataset: next.chinaDataset,
        reporter: 'china',
        flow: 'exports',
        partner: next.partner,
        frequency: next.frequency,
      }),
      side({
        dataset: next.partnerDataset,
        reporter: next.partner,
        flow: 'imports',
        partner: 'china',
        frequency: next.frequency,
      }),
    ])
    if (mine !== request) return
    china.value = c.series
    chinaError.value = c.error
    partner.value = p.series
    partnerError.value = p.error
    loading.value = false
  }

  /** The paired rows, or the unit that is not US dollars (then nothing is paired). */
  const paired = computed<{ mirror: Mirror | null; unitError: string | null }>(() => {
    if (!china.value || !partner.value) return { mirror: null, unitError: null }
    try {
      return { mirror: pairMirror(china.value, partner.value), unitError: null }
    } catch (e) {
      if (!(e instanceof MirrorUnitError)) throw e
      return { mirror: null, unitError: e.unit }
    }
  })
  const mirror = computed(() => paired.value.mirror)
  const unitError = computed(() => paired.value.unitError)

  return {
    choice,
    china,
    partner,
    chinaError,
    partnerError,
    unitError,
    loading,
    mirror,
    saved,
    load,
    showSaved,
    readLiveData,
  }
})
