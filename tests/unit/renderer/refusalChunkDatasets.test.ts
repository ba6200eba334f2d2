// @vitest-environment happy-dom
/**
 * A package the catalog could not load carries its problem as a catalogued message (catalog.ts); the
 * Datasets page words it in its language though the refusals' texts are not part of the page's first
 * code: the catalog is kept only once they have loaded.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { inFile, say } from '../../../electron/shared/messages'
import { saidText } from '../../../renderer/src/api/client'
import { i18n } from '../../../renderer/src/i18n'
import { useDatasetsStore } from '../../../renderer/src/stores/datasets'

afterEach(() => {
  i18n.global.locale.value = 'en'
  Reflect.deleteProperty(window, 'trade')
})

describe('a package the catalog could not load, on the Datasets page', () => {
  it('reads in Chinese though the refusals’ texts had not loaded when the catalog was asked for', async () => {
    expect(i18n.global.te('refusals.fileEmpty', 'zh-CN')).toBe(false)
    const said = inFile('monthly.csv', say('fileEmpty'))
    const catalog = {
      datasets: [],
      problems: [{ package: 'customs', message: 'monthly.csv: is empty.', said }],
    }
    Object.defineProperty(window, 'trade', {
      value: { listDatasets: async () => ({ ok: true, data: catalog }) },
      configurable: true,
    })
    setActivePinia(createPinia())
    const datasets = useDatasetsStore()

    await datasets.load()

    const [problem] = datasets.catalog!.problems
    i18n.global.locale.value = 'zh-CN'
    expect(saidText(problem!.said, problem!.message)).toBe('monthly.csv：文件为空。')
  })
})
