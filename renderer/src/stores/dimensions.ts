import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { DimensionValue, Dimensions } from '@shared/exploreApi'
import type { SnapshotDataset } from '@shared/snapshot'
import { call } from '../api/client'

export type DimensionKind = 'reporters' | 'flows' | 'partners' | 'products'

/**
 * What each dataset holds (its dimensions, from the main process), fetched once per dataset and
 * version: the Explorer's controls, the ranking and the map are built from these, never from a
 * fixed list.
 */
export const useDimensionsStore = defineStore('dimensions', () => {
  const byDataset = shallowRef<ReadonlyMap<string, Dimensions>>(new Map())
  const pending = new Map<string, Promise<Dimensions>>()

  /** The dimensions of a dataset (cached; `fresh` asks again, e.g. after a new version was imported). */
  function load(dataset: string, fresh = false): Promise<Dimensions> {
    const cached = byDataset.value.get(dataset)
    if (cached && !fresh) return Promise.resolve(cached)
    let promise = pending.get(dataset)
    if (!promise || fresh) {
      promise = call('getDimensions', { dataset }).then((dims) => {
        byDataset.value = new Map([...byDataset.value, [dataset, dims]])
        return dims
      })
      pending.set(dataset, promise)
      void promise.finally(() => pending.delete(dataset)).catch(() => {})
    }
    return promise
  }

  function of(dataset: string): Dimensions | null {
    return byDataset.value.get(dataset) ?? null
  }

  /** The dataset's own label of a code (English), or null where the dataset does not name it. */
  function labelOf(dataset: string, kind: DimensionKind, code: string): string | null {
    const value: DimensionValue | undefined = of(dataset)?.[kind].find((v) => v.code === code)
    return value && value.label !== value.code ? value.label : null
  }

  /** A country's ISO 3166-1 alpha-2 code in an imported dataset, for its name in the reader's language. */
  function iso2Of(dataset: string, kind: DimensionKind, code: string): string | null {
    return of(dataset)?.[kind].find((v) => v.code === code)?.iso2 ?? null
  }

  /**
   * A dataset as a snapshot records it: its id, its version, and for an imported file the file's name
   * and SHA-256, so the snapshot says exactly which file to import again. The version is null where
   * the dataset cannot be read (the snapshot still saves).
   */
  async function snapshotRecordOf(dataset: string): Promise<SnapshotDataset> {
    const dims = await load(dataset).catch(() => null)
    return {
      id: dataset,
      version: dims?.version ?? null,
      ...(dims?.fileName && dims.sha256 ? { fileName: dims.fileName, sha256: dims.sha256 } : {}),
    }
  }

  return { byDataset, load, of, labelOf, iso2Of, snapshotRecordOf }
})
