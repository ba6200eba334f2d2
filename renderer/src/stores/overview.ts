import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Headline, Series } from '@shared/api'
import { call, messageOf } from '../api/client'

/** The bundled dataset the Overview reads. */
export const OVERVIEW_DATASET = 'china-trade'
/** The monthly chart starts here: the bundled data covers 2018 onwards. */
export const CHART_FROM = '2018-01'
const CHART_FLOWS = ['exports', 'imports', 'balance'] as const

/** The Overview page: headline figures for one month and the monthly series behind the chart. */
export const useOverviewStore = defineStore('overview', () => {
  const headline = ref<Headline | null>(null)
  // Chart data is replaced whole, never edited: no deep reactivity needed.
  const series = shallowRef<Series[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function load(period?: string): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const [h, ...s] = await Promise.all([
        call('getHeadline', { dataset: OVERVIEW_DATASET, period }),
        ...CHART_FLOWS.map((flow) =>
          call('getSeries', { dataset: OVERVIEW_DATASET, flow, unit: 'USD bn', from: CHART_FROM }),
        ),
      ])
      headline.value = h
      series.value = s
    } catch (e) {
      error.value = messageOf(e)
    } finally {
      loading.value = false
    }
  }

  /**
   * The last month asked for is the one shown: months chosen in quick succession (the arrow keys on the
   * month list) are each asked for, and their answers can come back in any order.
   */
  let asked = 0
  async function selectPeriod(period: string): Promise<void> {
    const mine = ++asked
    try {
      const answer = await call('getHeadline', { dataset: OVERVIEW_DATASET, period })
      if (mine === asked) headline.value = answer
    } catch (e) {
      if (mine === asked) error.value = messageOf(e)
    }
  }

  return { headline, series, loading, error, load, selectPeriod }
})
