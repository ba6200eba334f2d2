/**
 * Closing the bundled data right after opening it: the catalog's index is still being built on DuckDB
 * in the background then, and closing DuckDB under those queries crashed the whole process (a native
 * fault, not an error), as opening and closing the services in a row did in bench:catalog.
 */
import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { openBundledData } from '../../../electron/services'

const dataDir = fileURLToPath(new URL('../../../data', import.meta.url))
const exportsFrom2018 = {
  dataset: 'china-trade',
  reporter: 'china',
  flow: 'exports',
  partner: 'world',
  product: 'all',
  measure: 'level',
  unit: 'USD bn',
  from: '2018-01',
} as const

describe('closing the bundled data at once', () => {
  it('waits for the index build, which then answers from memory', async () => {
    for (let run = 0; run < 10; run++) {
      const bundled = await openBundledData(dataDir)
      await bundled.close()
      // The index was finished before DuckDB closed: a series is answered from it, not refused.
      const { points } = await bundled.query.series({ ...exportsFrom2018, frequency: 'month' })
      expect(points.find((p) => p.period === '2025-11')?.value).toBe(330.3)
    }
  })
})
