/**
 * The release check that reads the fuses back from a packaged app, run against fake Electron binaries
 * (a real one cannot be downloaded here): a fuse wire is a sentinel, a version, a length and one byte
 * per fuse ('0' off, '1' on).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadBuilderConfig } from '../../../scripts/builderConfig'
import { compareFuses, findPackagedApps, verifyFuses } from '../../../scripts/verifyFuses'

let dist: string
beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'cte-fuses-'))
})
afterEach(() => rmSync(dist, { recursive: true, force: true }))

/**
 * The marker Electron puts before its fuse wire. @electron/fuses does not export it from its entry
 * point; the tests below prove this is the one it looks for, since its reader finds the wire after it.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/** A fake Electron binary whose fuse wire has these states (in Electron's fuse order). */
function fakeBinary(file: string, states: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const wire = Buffer.concat([
    Buffer.from('\u007fELF…padding…'),
    Buffer.from(SENTINEL),
    Buffer.from([1, states.length]),
    Buffer.from(states),
    Buffer.from('…more'),
  ])
  writeFileSync(file, wire)
}

// RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyAsar, V8Snapshot, FileProtocol
const HARDENED = '01001100'
const DEFAULTS = '10110001' // what an unmodified Electron ships

async function wanted(): Promise<Record<string, unknown>> {
  vi.spyOn(console, 'log').mockImplementation(() => {})
  const config = await loadBuilderConfig(path.resolve(__dirname, '../../..'))
  return config.electronFuses as Record<string, unknown>
}

describe('verifyFuses', () => {
  it('accepts a binary with exactly the fuses of electron-builder.yml', async () => {
    fakeBinary(path.join(dist, 'linux-unpacked', 'china-trade-explorer'), HARDENED)
    const results = await verifyFuses(dist, await wanted())
    expect(results).toEqual([
      { app: path.join(dist, 'linux-unpacked', 'china-trade-explorer'), problems: [] },
    ])
  })

  it('refuses an unmodified Electron, naming every fuse left at its default', async () => {
    fakeBinary(path.join(dist, 'win-unpacked', 'China Trade Explorer.exe'), DEFAULTS)
    const [result] = await verifyFuses(dist, await wanted())
    expect(result!.problems).toEqual([
      'runAsNode: wanted off, the binary has on',
      'enableNodeOptionsEnvironmentVariable: wanted off, the binary has on',
      'enableNodeCliInspectArguments: wanted off, the binary has on',
      'enableEmbeddedAsarIntegrityValidation: wanted on, the binary has off',
      'onlyLoadAppFromAsar: wanted on, the binary has off',
      'grantFileProtocolExtraPrivileges: wanted off, the binary has on',
      'enableCookieEncryption: wanted on, the binary has off',
    ])
  })

  it('a shorter fuse wire (older Electron) reports the missing fuses', () => {
    expect(compareFuses({ runAsNode: false, grantFileProtocolExtraPrivileges: false }, { 0: 48 })).toEqual([
      'grantFileProtocolExtraPrivileges: wanted off, the binary has missing',
    ])
  })

  it('finds Windows, Linux and macOS apps, not helpers', () => {
    fakeBinary(path.join(dist, 'linux-unpacked', 'china-trade-explorer'), HARDENED)
    fakeBinary(path.join(dist, 'linux-unpacked', 'chrome-sandbox'), HARDENED)
    fakeBinary(path.join(dist, 'linux-unpacked', 'libffmpeg.so'), HARDENED)
    fakeBinary(path.join(dist, 'win-unpacked', 'China Trade Explorer.exe'), HARDENED)
    mkdirSync(path.join(dist, 'mac-arm64', 'China Trade Explorer.app'), { recursive: true })
    writeFileSync(path.join(dist, 'China Trade Explorer-0.1.0.AppImage'), 'x')
    expect(
      findPackagedApps(dist)
        .map((p) => path.relative(dist, p))
        .sort(),
    ).toEqual(
      [
        path.join('linux-unpacked', 'china-trade-explorer'),
        path.join('mac-arm64', 'China Trade Explorer.app'),
        path.join('win-unpacked', 'China Trade Explorer.exe'),
      ].sort(),
    )
  })

  it('fails when there is nothing packaged', async () => {
    await expect(verifyFuses(dist, await wanted())).rejects.toThrow(/no packaged app/)
  })
})
