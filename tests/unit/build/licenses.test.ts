/** The About page's licence list is generated (npm run licenses) and committed: it must be current. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LicenseFile } from '../../../electron/shared/licenses'
import { collectLicenses, importedPackages, LICENSES_FILE, renderLicenses } from '../../../scripts/licenses'

describe('third-party licences', () => {
  it('renderer/public/licenses.json is up to date (run `npm run licenses` after changing dependencies)', () => {
    expect(readFileSync(LICENSES_FILE, 'utf8')).toBe(renderLicenses(collectLicenses()))
  })

  it('is the shape the About page reads (the shared schema)', () => {
    const parsed = LicenseFile.safeParse(JSON.parse(readFileSync(LICENSES_FILE, 'utf8')))
    expect(parsed.success && parsed.data.packages.length).toBeGreaterThan(10)
    expect(LicenseFile.safeParse({ generatedFrom: 'x', packages: [{ name: 'a' }] }).success).toBe(false)
  })

  it('lists what ships: the runtime dependencies and the renderer bundle, each with a licence', () => {
    const { packages } = collectLicenses()
    const names = packages.map((p) => p.name)
    expect(names).toEqual(
      expect.arrayContaining(['@duckdb/node-api', 'zod', 'vue', 'pinia', 'vue-router', 'vue-i18n']),
    )
    // Build tools and type packages do not ship.
    expect(names).not.toContain('vite')
    expect(names).not.toContain('@vue/compiler-sfc')
    expect(names.filter((n) => n.startsWith('@types/'))).toEqual([])
    for (const p of packages) expect(p.license, p.name).not.toBe('UNKNOWN')
  })

  it('has the licence text of every package, but for those published without a licence file', () => {
    // Their npm packages hold no LICENSE, COPYING or NOTICE file: the About page says the text is
    // missing (tests/unit/renderer/about.test.ts). Any other package without its text is a gap in the list.
    const publishedWithout = ['@vue/devtools-api@6.6.4', 'worker-f@0.1.20']
    const without = collectLicenses()
      .packages.filter((p) => p.text === null)
      .map((p) => `${p.name}@${p.version}`)
    expect(without).toEqual(publishedWithout)
  })

  it('finds bare imports only (no relative paths, aliases or type-only imports)', () => {
    const found = importedPackages([new URL('../../../renderer/src', import.meta.url).pathname])
    expect(found).toContain('vue')
    expect(found.every((n) => !n.startsWith('.') && !n.startsWith('@shared'))).toBe(true)
  })
})
