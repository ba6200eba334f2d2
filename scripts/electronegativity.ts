/**
 * `npm run lint:security`: Electronegativity (Doyensec's Electron security linter) over the app's
 * sources, offline, failing on any finding of MEDIUM severity or higher that is not justified inline.
 *
 * What is scanned: electron/ (main, preload, services, shared contract, web transport) and renderer/
 * (index.html, TypeScript, and the <script> blocks of .vue files, copied with their line numbers kept),
 * together with package.json, in one run so the global checks (CSP, navigation limits, permission
 * handler) see the whole app.
 *
 * Offline: the library fetches translations from the web on start and, in
 * AvailableSecurityFixesGlobalCheck, Electron's release list. That check is excluded, and its HTTP
 * client (`got`) is replaced in Node's module cache by a stub that answers locally, so no request can
 * leave the machine whatever the library does.
 *
 * "Justified inline" (docs/security.md): a line comment
 *     // security: CHECK_ID[, OTHER_CHECK_ID…] — reason
 * on the flagged line or in the comment block directly above it, with a reason of at least ten
 * characters. A finding without a location (a global check) is justified by such a comment anywhere in
 * the scanned sources, next to the code that answers it. Electronegativity's own `eng-disable`
 * comments hide findings without a reason, so any of them fails the run.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const
export type Severity = (typeof SEVERITIES)[number]
export const FAIL_AT: Severity = 'MEDIUM'
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'] as const

export interface Finding {
  id: string
  severity: Severity
  confidence: string
  /** Relative to the repository, or null for a global finding without a location. */
  file: string | null
  line: number
  column: number
  description: string
}

export interface Verdict {
  failures: Finding[]
  justified: Finding[]
  /** Below the failing severity: reported, never failing. */
  minor: Finding[]
  /** Files that use Electronegativity's reasonless `eng-disable`. */
  engDisable: string[]
  ok: boolean
}

const JUSTIFICATION = /\/\/\s*security:\s*([A-Z0-9_]+(?:\s*,\s*[A-Z0-9_]+)*)\s*(?:—|–|--?)\s*(\S.{9,})$/

/** The check ids a line's `// security: IDS — reason` comment justifies (empty if none or no reason). */
export function justifiedIds(line: string): string[] {
  const match = JUSTIFICATION.exec(line.trimEnd())
  if (!match) return []
  return match[1]!.split(',').map((id) => id.trim())
}

const isCommentLine = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line)

/** Is the finding at `line` (1-based) justified by its own line or the comment block just above? */
export function isJustifiedAt(lines: readonly string[], line: number, id: string): boolean {
  const index = line - 1
  if (index < 0 || index >= lines.length) return false
  if (justifiedIds(lines[index]!).includes(id)) return true
  for (let i = index - 1; i >= 0 && isCommentLine(lines[i]!); i--) {
    if (justifiedIds(lines[i]!).includes(id)) return true
  }
  return false
}

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold)
}

/**
 * Sorts findings into failures, justified and minor. `sources` maps each scanned file (relative path)
 * to its text; global findings look for their justification in all of them.
 */
export function evaluate(findings: readonly Finding[], sources: ReadonlyMap<string, string>): Verdict {
  const lines = new Map([...sources].map(([file, text]) => [file, text.split(/\r?\n/)]))
  const engDisable = [...sources].filter(([, text]) => /eng-disable/.test(text)).map(([file]) => file)
  const failures: Finding[] = []
  const justified: Finding[] = []
  const minor: Finding[] = []
  for (const finding of findings) {
    if (!severityAtLeast(finding.severity, FAIL_AT)) {
      minor.push(finding)
      continue
    }
    const ok =
      finding.file === null || finding.line <= 0
        ? [...lines.values()].some((fileLines) => fileLines.some((l) => justifiedIds(l).includes(finding.id)))
        : isJustifiedAt(lines.get(finding.file) ?? [], finding.line, finding.id)
    ;(ok ? justified : failures).push(finding)
  }
  return { failures, justified, minor, engDisable, ok: failures.length === 0 && engDisable.length === 0 }
}

// ---------------------------------------------------------------------------------------------------
// Running the library

const repo = fileURLToPath(new URL('..', import.meta.url))
const SCANNED = ['electron', 'renderer']

/** `<script>` blocks of a .vue file as TypeScript, other lines blanked so line numbers stay the same. */
export function vueScriptAsTs(source: string): string {
  let inScript = false
  return source
    .split('\n')
    .map((line) => {
      if (!inScript && /^\s*<script\b[^>]*>\s*$/.test(line)) {
        inScript = true
        return ''
      }
      if (inScript && /^\s*<\/script>\s*$/.test(line)) {
        inScript = false
        return ''
      }
      return inScript ? line : ''
    })
    .join('\n')
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'public') return []
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? listFiles(full) : [full]
  })
}

/** Copies what we scan into a temporary folder; returns it and the sources by relative path. */
function stage(): { dir: string; sources: Map<string, string>; vueFiles: Map<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cte-electronegativity-'))
  const sources = new Map<string, string>()
  const vueFiles = new Map<string, string>()
  cpSync(path.join(repo, 'package.json'), path.join(dir, 'package.json'))
  for (const top of SCANNED) {
    for (const file of listFiles(path.join(repo, top))) {
      const rel = path.relative(repo, file).split(path.sep).join('/')
      if (/\.(ts|js|mjs|html)$/.test(rel) && !rel.endsWith('.d.ts')) {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
        cpSync(file, path.join(dir, rel))
        sources.set(rel, readFileSync(file, 'utf8'))
      } else if (rel.endsWith('.vue')) {
        const text = readFileSync(file, 'utf8')
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
        writeFileSync(path.join(dir, `${rel}.ts`), vueScriptAsTs(text))
        vueFiles.set(`${rel}.ts`, rel)
        sources.set(rel, text)
      }
    }
  }
  return { dir, sources, vueFiles }
}

interface RawIssue {
  id: string
  severity: { name: string }
  confidence: { name: string }
  file: string
  location: { line: number; column: number }
  description: string
}

export interface ScanResult extends Verdict {
  checks: number
  parseErrors: Array<{ file: string; message: string }>
  /** Every request the library tried to make (answered locally, never sent). */
  requests: string[]
}

export async function scan(): Promise<ScanResult> {
  const require = createRequire(import.meta.url)
  const engDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'))
  const requests: string[] = []
  // The library's HTTP client, replaced before the library loads: nothing it asks for leaves the machine.
  const offline = Object.assign(
    async (url: unknown) => {
      requests.push(String(url))
      return { statusCode: 404, body: '' }
    },
    {
      head: async (url: unknown) => {
        requests.push(String(url))
        throw new Error('offline')
      },
    },
  )
  for (const from of [
    path.join(engDir, 'dist', 'locales'),
    path.join(engDir, 'dist', 'finder', 'checks', 'GlobalChecks'),
  ]) {
    const gotPath = require.resolve('got', { paths: [from] })
    require.cache[gotPath] = {
      id: gotPath,
      filename: gotPath,
      loaded: true,
      exports: offline,
    } as unknown as NodeJS.Module
  }
  const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<{
    globalChecks: number
    atomicChecks: number
    errors: Array<{ file: string; message: string; tolerable: boolean }>
    issues: RawIssue[]
  }>

  const electronVersion = (
    JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }
  ).version
  const { dir, sources, vueFiles } = stage()
  try {
    const result = await run({
      input: dir,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: [...EXCLUDED_CHECKS],
      severitySet: 'informational',
      confidenceSet: 'tentative',
    })
    const mapFile = (file: string): string | null => {
      if (!file || file === 'N/A') return null
      const rel = file
        .split(path.sep)
        .join('/')
        .replace(/^\.?\//, '')
      return vueFiles.get(rel) ?? rel
    }
    const findings: Finding[] = result.issues.map((issue) => ({
      id: issue.id,
      severity: (SEVERITIES as readonly string[]).includes(issue.severity.name)
        ? (issue.severity.name as Severity)
        : 'HIGH',
      confidence: issue.confidence.name,
      file: mapFile(issue.file),
      line: issue.location?.line ?? 0,
      column: issue.location?.column ?? 0,
      description: issue.description,
    }))
    const parseErrors = result.errors
      .filter((e) => !e.tolerable)
      .map((e) => ({ file: mapFile(path.relative(dir, e.file)) ?? e.file, message: e.message }))
    const verdict = evaluate(findings, sources)
    return {
      ...verdict,
      ok: verdict.ok && parseErrors.length === 0,
      checks: result.globalChecks + result.atomicChecks,
      parseErrors,
      requests,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function describe(f: Finding): string {
  const where = f.file ? `${f.file}:${f.line}:${f.column}` : '(global)'
  return `${f.severity.padEnd(13)} ${f.id.padEnd(42)} ${where}  ${f.description}`
}

async function main(): Promise<void> {
  const result = await scan()
  console.log(
    `Electronegativity: ${result.checks} checks (${EXCLUDED_CHECKS.join(', ')} excluded: it needs the network), ${SCANNED.join('/, ')}/ scanned.`,
  )
  for (const f of result.justified) console.log(`justified     ${describe(f)}`)
  for (const f of result.minor) console.log(`below ${FAIL_AT.toLowerCase()}  ${describe(f)}`)
  for (const f of result.failures) console.error(`UNJUSTIFIED   ${describe(f)}`)
  for (const file of result.engDisable)
    console.error(`eng-disable in ${file}: use a "// security: CHECK_ID — reason" comment instead`)
  for (const e of result.parseErrors) console.error(`could not parse ${e.file}: ${e.message}`)
  console.log(
    `${result.failures.length} unjustified finding(s) at ${FAIL_AT} or above, ${result.justified.length} justified, ${result.minor.length} below ${FAIL_AT}; ` +
      `${result.requests.length} network request(s) attempted by the library, none sent.`,
  )
  if (!result.ok) process.exit(1)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
