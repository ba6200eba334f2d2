import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Catalog } from '@shared/api'
import { call, messageOf } from '../api/client'

/** The catalog of datasets: what loaded, and which packages did not (with the reason). */
export const useDatasetsStore = defineStore('datasets', () => {
  const catalog = ref<Catalog | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      catalog.value = await call('listDatasets', {})
    } catch (e) {
      error.value = messageOf(e)
    } finally {
      loading.value = false
    }
  }

  return { catalog, loading, error, load }
})
