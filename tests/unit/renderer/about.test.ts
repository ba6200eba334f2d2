// @vitest-environment happy-dom
/** The About page's licence list: each package with its licence text, or a plain sentence that it is missing. */
import { flushPromises, mount } from '@vue/test-utils'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '../../../renderer/src/i18n'
import AboutView from '../../../renderer/src/views/AboutView.vue'

afterEach(() => {
  vi.unstubAllGlobals()
  i18n.global.locale.value = 'en'
})

async function about(locale: 'en' | 'zh-CN') {
  // The committed list, as the app serves it (tests run from the repository's root).
  const list = JSON.parse(
    readFileSync(path.join(process.cwd(), 'renderer/public/licenses.json'), 'utf8'),
  ) as unknown
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(list))))
  i18n.global.locale.value = locale
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', name: 'datasets', component: { template: '<div />' } }],
  })
  const wrapper = mount(AboutView, { global: { plugins: [i18n, router] } })
  await flushPromises()
  return wrapper
}

describe('About: software licences', () => {
  it('a package published without a licence file is shown with its text missing, in plain words', async () => {
    const entry = (await about('en')).findAll('[data-package="@vue/devtools-api"]')
    const old = entry.find((li) => li.text().includes('6.6.4'))!
    expect(old.find('details').exists()).toBe(false)
    expect(old.get('[data-test="licence-missing"]').text()).toBe(
      'Its licence text is missing: the package was published without a licence file. Its package.json names the licence MIT.',
    )
    const current = entry.find((li) => li.text().includes('7.7.10'))!
    expect(current.find('details pre').text()).toContain('MIT License')
    expect(current.find('[data-test="licence-missing"]').exists()).toBe(false)

    const zh = (await about('zh-CN')).findAll('[data-package="@vue/devtools-api"]')
    expect(
      zh
        .find((li) => li.text().includes('6.6.4'))!
        .get('[data-test="licence-missing"]')
        .text(),
    ).toBe('缺少许可证全文：该软件包发布时未附带许可证文件。其 package.json 写明的许可证为 MIT。')
  })
})

describe('About: while the licence list loads', () => {
  it('reads as loading and busy, never "0 packages", until the list answers', async () => {
    const list = readFileSync(path.join(process.cwd(), 'renderer/public/licenses.json'), 'utf8')
    const packages = (JSON.parse(list) as { packages: unknown[] }).packages.length
    let answer!: () => void
    const held = new Promise<void>((resolve) => (answer = resolve))
    vi.stubGlobal('fetch', () => held.then(() => new Response(list)))
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/', name: 'datasets', component: { template: '<div />' } }],
    })
    const wrapper = mount(AboutView, { global: { plugins: [i18n, router] } })
    await flushPromises()
    const count = () => wrapper.get('[data-test="licence-count"]').text()
    expect(count()).toMatch(/^Loading… — /)
    expect(wrapper.get('[data-test="licences"]').attributes('aria-busy')).toBe('true')

    answer()
    await flushPromises()
    expect(count()).toMatch(new RegExp(`^${packages} packages — `))
    expect(wrapper.get('[data-test="licences"]').attributes('aria-busy')).toBe('false')
  })
})
