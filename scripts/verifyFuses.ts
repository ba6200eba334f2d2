/**
 * `npm run verify:fuses [dist]`: reads the fuses back from every packaged app under dist/ (the
 * `*-unpacked` folders and macOS `.app` bundles electron-builder writes) and fails unless each one has
 * exactly the states electron-builder.yml's `electronFuses` asks for. The release workflow runs it after
 * packaging, so an installer can never ship with a fuse left at Electron's default.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { loadBuilderConfig } from './builderConfig'

/** A fuse's byte in the wire: ASCII '0' off, '1' on, 'r' removed (as @electron/fuses' constants). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31, REMOVED: 0x72 } as const

/** electron-builder's `electronFuses` keys → the fuse's index in Electron's fuse wire. */
export const FUSE_INDEX: Readonly<Record<string, FuseV1Options>> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
}

const stateName = (state: number | undefined) =>
  state === FuseState.ENABLE
    ? 'on'
    : state === FuseState.DISABLE
      ? 'off'
      : state === FuseState.REMOVED
        ? 'removed'
        : state === undefined
          ? 'missing'
          : 'inherited'

/** The differences between the wanted fuses and a binary's fuse wire; empty when they agree. */
export function compareFuses(
  wanted: Readonly<Record<string, unknown>>,
  wire: Readonly<Record<string, unknown>>,
): string[] {
  const problems: string[] = []
  for (const [key, value] of Object.entries(wanted)) {
    if (typeof value !== 'boolean') continue // resetAdHocDarwinSignature and other options, not fuses
    const index = FUSE_INDEX[key]
    if (index === undefined) {
      problems.push(`${key}: not a fuse this script knows`)
      continue
    }
    const actual = wire[index] as number | undefined
    const expected = value ? FuseState.ENABLE : FuseState.DISABLE
    if (actual !== expected)
      problems.push(`${key}: wanted ${value ? 'on' : 'off'}, the binary has ${stateName(actual)}`)
  }
  return problems
}

/** The Electron executables (or .app bundles) electron-builder left under `dist`. */
export function findPackagedApps(dist: string): string[] {
  if (!existsSync(dist)) return []
  const apps: string[] = []
  for (const name of readdirSync(dist)) {
    const dir = path.join(dist, name)
    if (!statSync(dir).isDirectory()) continue
    if (name.endsWith('-unpacked')) {
      // Windows: the one .exe; Linux: the executable without an extension that is not a helper.
      for (const file of readdirSync(dir)) {
        const full = path.join(dir, file)
        if (!statSync(full).isFile()) continue
        if (/\.exe$/i.test(file) && !/^(elevate|uninstall)/i.test(file)) apps.push(full)
        else if (!file.includes('.') && !/^(chrome-sandbox|chrome_crashpad_handler)$/.test(file))
          apps.push(full)
      }
    } else if (name === 'mac' || name.startsWith('mac-')) {
      for (const bundle of readdirSync(dir)) if (bundle.endsWith('.app')) apps.push(path.join(dir, bundle))
    }
  }
  return apps
}

export async function verifyFuses(
  dist: string,
  wanted: Readonly<Record<string, unknown>>,
): Promise<{ app: string; problems: string[] }[]> {
  const apps = findPackagedApps(dist)
  if (apps.length === 0) throw new Error(`no packaged app under ${dist} (run npm run package first)`)
  return Promise.all(
    apps.map(async (app) => ({ app, problems: compareFuses(wanted, await getCurrentFuseWire(app)) })),
  )
}

async function main(): Promise<void> {
  const repo = fileURLToPath(new URL('..', import.meta.url))
  const config = await loadBuilderConfig(repo)
  const wanted = (config.electronFuses ?? {}) as Record<string, unknown>
  if (Object.keys(wanted).length === 0) throw new Error('electron-builder.yml sets no electronFuses')
  const results = await verifyFuses(path.resolve(process.argv[2] ?? path.join(repo, 'dist')), wanted)
  let failed = false
  for (const { app, problems } of results) {
    if (problems.length) failed = true
    console.log(
      `${problems.length ? 'WRONG' : 'ok   '} ${app}${problems.map((p) => `\n      ${p}`).join('')}`,
    )
  }
  if (failed) process.exit(1)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
