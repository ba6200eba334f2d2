/**
 * "No require('electron') reachable from code tests load un-mocked." Electron cannot run here (nor in
 * the web test server), so the services, the contract, dispatch, handlers, the web transport and the
 * pure security modules of main must never import it at runtime, directly or through a relative import.
 * Type-only imports (`import type … from 'electron'`) are erased by the compiler and are allowed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const repo = fileURLToPath(new URL('../../..', import.meta.url))
const electronDir = path.join(repo, 'electron')

/** Main-process modules allowed to import Electron's runtime: only the thin wiring. */
const ELECTRON_WIRING = new Set(['electron/main/index.ts', 'electron/main/window.ts'])

interface ImportRef {
  specifier: string
  typeOnly: boolean
}

/** The imports of a TypeScript source: static, re-exports, side-effect, dynamic and require. */
function importsOf(source: string): ImportRef[] {
  // Drop comments so prose mentioning require('electron') does not count (strings keep `//`).
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  const refs: ImportRef[] = []
  const staticImport = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g
  for (const m of code.matchAll(staticImport)) refs.push({ specifier: m[4]!, typeOnly: Boolean(m[2]) })
  for (const m of code.matchAll(/(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g))
    refs.push({ specifier: m[1]!, typeOnly: false })
  for (const m of code.matchAll(/\b(?:import|require)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g))
    refs.push({ specifier: m[1]!, typeOnly: false })
  return refs
}

const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/')

function tsFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return tsFilesUnder(full)
    return /\.(ts|mts|cts)$/.test(name) && !name.endsWith('.d.ts') ? [full] : []
  })
}

function resolveRelative(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier)
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

/** Every runtime path from `roots` to an 'electron' import, as "a.ts → b.ts → electron". */
function electronPaths(roots: string[]): string[] {
  const found: string[] = []
  const seen = new Set<string>()
  const walk = (file: string, trail: string[]) => {
    if (seen.has(file)) return
    seen.add(file)
    const here = [...trail, path.relative(repo, file)]
    for (const ref of importsOf(readFileSync(file, 'utf8'))) {
      if (ref.typeOnly) continue
      if (isElectron(ref.specifier)) found.push([...here, ref.specifier].join(' → '))
      else if (ref.specifier.startsWith('.')) {
        const next = resolveRelative(file, ref.specifier)
        if (next) walk(next, here)
      }
    }
  }
  for (const root of roots) walk(root, [])
  return found
}

describe('importsOf (the scanner itself)', () => {
  it.each([
    ["import { app } from 'electron'", false],
    ['import electron from "electron"', false],
    ["import * as e from 'electron'", false],
    ["import 'electron'", false],
    ["export { app } from 'electron'", false],
    ["const e = await import('electron')", false],
    ['const e = await import(`electron`)', false],
    ["const e = require ( 'electron' )", false],
    ["import { type App } from 'electron'", false], // kept by verbatimModuleSyntax: counts as runtime
    ["import { ipcRenderer } from 'electron/renderer'", false],
    ["import type { App } from 'electron'", true],
    ["export type { App } from 'electron'", true],
  ])('%s is seen (type-only: %s)', (source, typeOnly) => {
    const refs = importsOf(`const a = 1\n${source}\n`)
    expect(refs.filter((r) => isElectron(r.specifier))).toEqual([expect.objectContaining({ typeOnly })])
  })
  it('ignores comments', () => {
    expect(importsOf("// require('electron')\n/* import('electron') */\nconst x = 'app://trade'")).toEqual([])
  })
})

describe('Electron stays out of code that runs without it', () => {
  const roots = [
    ...tsFilesUnder(path.join(electronDir, 'services')),
    ...tsFilesUnder(path.join(electronDir, 'shared')),
    ...tsFilesUnder(path.join(electronDir, 'web')),
    path.join(electronDir, 'dispatch.ts'),
    path.join(electronDir, 'handlers.ts'),
    ...tsFilesUnder(path.join(electronDir, 'main')).filter(
      (f) => !ELECTRON_WIRING.has(path.relative(repo, f).split(path.sep).join('/')),
    ),
  ].filter((f) => existsSync(f))

  it('scans the expected files', () => {
    const rel = roots.map((f) => path.relative(repo, f).split(path.sep).join('/'))
    expect(rel).toEqual(
      expect.arrayContaining([
        'electron/dispatch.ts',
        'electron/handlers.ts',
        'electron/shared/api.ts',
        'electron/main/appUrl.ts',
        'electron/main/senderCheck.ts',
        'electron/main/ipc.ts',
      ]),
    )
  })

  it('no runtime import of electron is reachable from services, shared, dispatch, handlers, web or the pure main modules', () => {
    expect(electronPaths(roots)).toEqual([])
  })

  it('the preload imports only electron and the dependency-free method list (no zod in the sandbox)', () => {
    const preload = importsOf(readFileSync(path.join(electronDir, 'preload', 'index.ts'), 'utf8'))
    expect(
      preload
        .filter((r) => !r.typeOnly)
        .map((r) => r.specifier)
        .sort(),
    ).toEqual(['../shared/methods', 'electron'])
    expect(electronPaths([path.join(electronDir, 'shared', 'methods.ts')])).toEqual([])
    expect(
      importsOf(readFileSync(path.join(electronDir, 'shared', 'methods.ts'), 'utf8')).filter(
        (r) => !r.typeOnly,
      ),
    ).toEqual([])
  })
})
