/**
 * `npm run licenses`: the third-party packages that ship inside the app, with their licence texts,
 * written to renderer/public/licenses.json for the About page. Shipped means: the runtime
 * `dependencies` (the main and the engine process load them from node_modules) and the packages the
 * renderer bundle imports (found by reading the renderer's and the shared contract's imports), each
 * with its own runtime dependencies, followed transitively through node_modules. A unit test
 * regenerates the list and fails when the committed file is stale.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { LicenseEntry, LicenseFile } from '../electron/shared/licenses'

const repo = fileURLToPath(new URL('..', import.meta.url))
export const LICENSES_FILE = path.join(repo, 'renderer', 'public', 'licenses.json')
const LICENSE_NAMES = /^(licen[sc]e|copying|notice)(\.(md|txt|markdown))?$/i
/** Platform-specific native builds (one per OS): listed once under their parent's licence. */
const PLATFORM_PACKAGE = /^@duckdb\/node-bindings-/
/**
 * Declared dependencies that never reach the bundle: Vue's template compilers and server renderer
 * (the build precompiles templates; the page uses Vue's runtime build) and type-only packages.
 */
const NOT_SHIPPED = /^(@vue\/compiler-|@vue\/server-renderer$|@types\/|csstype$)/

interface PackageJson {
  name?: string
  version?: string
  license?: string | { type?: string }
  licenses?: Array<{ type?: string }>
  repository?: string | { url?: string }
  homepage?: string
  dependencies?: Record<string, string>
}

function readJson(file: string): PackageJson {
  return JSON.parse(readFileSync(file, 'utf8')) as PackageJson
}

/** Bare package names imported by the sources under `dirs` (`vue`, `@scope/pkg`), aliases excluded. */
export function importedPackages(dirs: string[]): string[] {
  const found = new Set<string>()
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (/\.(ts|vue|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) {
        const code = readFileSync(full, 'utf8')
        for (const m of code.matchAll(
          /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
        )) {
          const spec = m[1] ?? m[2] ?? m[3]
          if (
            !spec ||
            spec.startsWith('.') ||
            spec.startsWith('/') ||
            spec.startsWith('@shared') ||
            spec.startsWith('node:')
          )
            continue
          const parts = spec.split('/')
          const pkg = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!
          // Vite's virtual and asset queries are not packages.
          if (!pkg.includes('?') && !pkg.startsWith('virtual:')) found.add(pkg)
        }
      }
    }
  }
  for (const dir of dirs) if (existsSync(dir)) walk(dir)
  return [...found].sort()
}

function packageDir(name: string, from: string): string | null {
  // Node's lookup: node_modules of `from`, then of each parent, up to the repo.
  let dir = from
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name)
    if (existsSync(path.join(candidate, 'package.json'))) return candidate
    if (dir === repo || path.dirname(dir) === dir) return null
    dir = path.dirname(dir)
  }
}

function licenseOf(pkg: PackageJson): string {
  if (typeof pkg.license === 'string') return pkg.license
  if (pkg.license && typeof pkg.license === 'object' && pkg.license.type) return pkg.license.type
  const legacy = pkg.licenses?.map((l) => l.type).filter(Boolean)
  return legacy?.length ? legacy.join(' OR ') : 'UNKNOWN'
}

function sourceOf(pkg: PackageJson): string | null {
  const repoField = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url
  const raw = repoField ?? pkg.homepage ?? null
  if (!raw) return null
  return raw
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/^github:/, 'https://github.com/')
}

function licenseText(dir: string): string | null {
  const file = readdirSync(dir)
    .filter((name) => LICENSE_NAMES.test(name))
    .sort()[0]
  return file ? readFileSync(path.join(dir, file), 'utf8').replace(/\r\n/g, '\n').trim() : null
}

export function collectLicenses(): LicenseFile {
  const root = readJson(path.join(repo, 'package.json'))
  const entries = new Map<string, LicenseEntry>()
  const visit = (name: string, from: string, usedBy: LicenseEntry['usedBy']) => {
    if (PLATFORM_PACKAGE.test(name) || NOT_SHIPPED.test(name)) return
    const dir = packageDir(name, from)
    if (!dir) throw new Error(`${name} is imported but not installed (npm install?)`)
    const pkg = readJson(path.join(dir, 'package.json'))
    const key = `${pkg.name ?? name}@${pkg.version ?? '?'}`
    if (entries.has(key)) return
    entries.set(key, {
      name: pkg.name ?? name,
      version: pkg.version ?? '?',
      license: licenseOf(pkg),
      source: sourceOf(pkg),
      usedBy,
      text: licenseText(dir),
    })
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, usedBy)
  }
  for (const name of Object.keys(root.dependencies ?? {}).sort()) visit(name, repo, 'main')
  for (const name of importedPackages([
    path.join(repo, 'renderer', 'src'),
    path.join(repo, 'electron', 'shared'),
  ]))
    visit(name, repo, 'renderer')
  const packages = [...entries.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  )
  return {
    generatedFrom: 'package.json dependencies and the renderer bundle\u2019s imports (npm run licenses)',
    packages,
  }
}

export function renderLicenses(file: LicenseFile): string {
  return `${JSON.stringify(file, null, 1)}\n`
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = collectLicenses()
  writeFileSync(LICENSES_FILE, renderLicenses(file))
  const missing = file.packages.filter((p) => !p.text).map((p) => `${p.name}@${p.version}`)
  console.log(
    `licenses.json: ${file.packages.length} packages${missing.length ? `; no licence file in ${missing.join(', ')}` : ''}`,
  )
}
