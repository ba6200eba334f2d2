/** Deleting an imported dataset: gone from the list, the manifest and the disk; the original file untouched. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../../electron/dispatch'
import { createHandlers } from '../../../../electron/handlers'
import { fixture, openTestServices, type TestServices } from '../import/helpers'

let t: TestServices

beforeAll(async () => {
  t = await openTestServices()
  await t.importPath(fixture('imf-dots-timeseries.csv'))
})
afterAll(() => t?.close())

describe('deleteImport', () => {
  it('removes the dataset from the library and its folder from disk; the user’s file stays', async () => {
    const original = readFileSync(fixture('imf-dots-timeseries.csv'))
    const folder = join(t.userDataDir, 'library', 'imf-dots-timeseries')
    expect(existsSync(folder)).toBe(true)
    const handlers = createHandlers(t.services)
    const answer = await dispatch(handlers, 'deleteImport', { dataset: 'imf-dots-timeseries' })
    expect(answer).toEqual({ ok: true, data: { deleted: true } })
    expect(t.services.imports.list()).toEqual([])
    expect(JSON.parse(t.manifest()).datasets).toEqual([])
    expect(existsSync(folder)).toBe(false)
    expect(readFileSync(fixture('imf-dots-timeseries.csv'))).toEqual(original)
    const again = await dispatch(handlers, 'deleteImport', { dataset: 'imf-dots-timeseries' })
    expect(again.ok).toBe(false)
    if (!again.ok)
      expect(again.error.message).toBe('There is no imported dataset called "imf-dots-timeseries".')
  })

  it('never deletes the bundled package', async () => {
    const answer = await dispatch(createHandlers(t.services), 'deleteImport', { dataset: 'china-trade' })
    expect(answer.ok).toBe(false)
    expect(t.services.catalog.list().map((d) => d.id)).toContain('china-trade')
  })
})
