/**
 * electron-builder.yml, loaded the way electron-builder loads it and checked against its own schema:
 * every installer target, the .ctesnap association, the DuckDB unpack rule, the bundled data, the
 * fuses and the icons. (Building the installers needs Electron's binary: see the release workflow.)
 */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Configuration } from 'app-builder-lib'
import { minimatch } from 'minimatch'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { loadBuilderConfig } from '../../../scripts/builderConfig'

const repo = fileURLToPath(new URL('../../..', import.meta.url))
let config: Configuration

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {})
  config = await loadBuilderConfig(repo)
})

type Target = { target: string; arch?: string[] }
const targetsOf = (value: unknown): Target[] =>
  (Array.isArray(value) ? value : [value]).map((t) => (typeof t === 'string' ? { target: t } : (t as Target)))

describe('electron-builder configuration', () => {
  it('loads and passes electron-builder’s own schema validation', async () => {
    expect(config.appId).toBe('org.chinatradeexplorer.app')
    expect(config.productName).toBe('China Trade Explorer')
    // The same load refuses a configuration its schema rejects, so the load above did validate.
    await expect(
      loadBuilderConfig(repo, { nsis: { perMachine: 'yes' } } as unknown as Configuration),
    ).rejects.toThrow(/perMachine/)
  })

  it('has every installer: NSIS, dmg for Apple silicon and Intel, AppImage and deb', () => {
    expect(targetsOf(config.win?.target).map((t) => t.target)).toEqual(['nsis'])
    const mac = targetsOf(config.mac?.target)
    expect(mac.map((t) => t.target)).toEqual(['dmg'])
    expect([...(mac[0]!.arch ?? [])].sort()).toEqual(['arm64', 'x64'])
    expect(
      targetsOf(config.linux?.target)
        .map((t) => t.target)
        .sort(),
    ).toEqual(['AppImage', 'deb'])
  })

  it('associates .ctesnap with the app, installed per machine on Windows', () => {
    const associations = [config.fileAssociations ?? []].flat()
    expect(associations).toEqual([
      expect.objectContaining({ ext: 'ctesnap', mimeType: 'application/x-ctesnap', role: 'Editor' }),
    ])
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false })
  })

  it('unpacks DuckDB’s native binding from the asar, for every platform package', () => {
    expect(config.asar).toBe(true)
    const patterns = [config.asarUnpack ?? []].flat() as string[]
    const unpacked = (file: string) => patterns.some((p) => minimatch(file, p, { dot: true }))
    for (const file of [
      'node_modules/@duckdb/node-bindings-linux-x64/duckdb.node',
      'node_modules/@duckdb/node-bindings-linux-x64/libduckdb.so',
      'node_modules/@duckdb/node-bindings-darwin-arm64/libduckdb.dylib',
      'node_modules/@duckdb/node-bindings-win32-x64/duckdb.node',
      'node_modules/@duckdb/node-bindings/duckdb.js',
    ]) {
      expect(unpacked(file), file).toBe(true)
    }
    expect(unpacked('out/main/index.js')).toBe(false)
    // The binding this machine installed really is under the pattern.
    const installed = readdirSync(path.join(repo, 'node_modules', '@duckdb')).filter((d) =>
      d.startsWith('node-bindings-'),
    )
    expect(installed.length).toBeGreaterThan(0)
    for (const dir of installed) expect(unpacked(`node_modules/@duckdb/${dir}/duckdb.node`)).toBe(true)
  })

  it('bundles data/ as extra resources, and ships only the build output', () => {
    expect([config.extraResources].flat()).toEqual([expect.objectContaining({ from: 'data', to: 'data' })])
    expect(existsSync(path.join(repo, 'data', 'china-trade', 'datapackage.json'))).toBe(true)
    const files = JSON.stringify(config.files)
    expect(files).toContain('out/**')
    expect(files).not.toContain('electron/')
    expect(files).not.toContain('node_modules')
  })

  it('flips the fuses: no run-as-node, NODE_OPTIONS or inspect; asar integrity and asar-only loading on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
    })
  })

  it('never checks for updates', () => {
    expect(config.publish).toBeNull()
  })

  it('points at icons and entitlements that exist', () => {
    const build = (p: string) => path.join(repo, p)
    expect(config.directories?.buildResources).toBe('build')
    expect(existsSync(build(config.win!.icon as string))).toBe(true)
    expect(existsSync(build(config.mac!.icon as string))).toBe(true)
    expect(existsSync(build(config.mac!.entitlements as string))).toBe(true)
    const linuxIcons = build(config.linux!.icon as string)
    expect(readdirSync(linuxIcons).sort()).toEqual(
      expect.arrayContaining(['16x16.png', '32x32.png', '256x256.png', '512x512.png']),
    )
  })
})
