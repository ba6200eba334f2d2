import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Catalog } from '@shared/api'
import { call, loadRefusals, messageOf } from '../api/client'

/** The catalog of datasets: what loaded, and which packages did not (with the reason). */
export const useDatasetsStore = defineStore('datasets', () => {
  const catalog = ref<Catalog | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const answer = await call('listDatasets', {})
      // A package's problem is a catalogued message, worded in the page's language with the refusals' texts.
      if (answer.problems.some((problem) => problem.said)) await loadRefusals()
      catalog.value = answer
    } catch (e) {
      error.value = messageOf(e)
    } finally {
      loading.value = false
    }
  }

  return { catalog, loading, error, load }
})
