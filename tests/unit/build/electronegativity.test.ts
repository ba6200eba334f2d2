/**
 * The Electronegativity gate: which findings fail the run (MEDIUM or above, not justified inline), what
 * counts as an inline justification, and a real offline scan of the sources with zero unjustified findings.
 */
import net from 'node:net'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import {
  evaluate,
  isJustifiedAt,
  justifiedIds,
  scan,
  vueScriptAsTs,
  type Finding,
} from '../../../scripts/electronegativity'

const finding = (over: Partial<Finding> = {}): Finding => ({
  id: 'OPEN_EXTERNAL_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'TENTATIVE',
  file: 'electron/main/index.ts',
  line: 3,
  column: 4,
  description: 'Review the use of openExternal',
  ...over,
})

const source = (...lines: string[]) => new Map([['electron/main/index.ts', lines.join('\n')]])

describe('justifiedIds', () => {
  it.each([
    ['// security: OPEN_EXTERNAL_JS_CHECK — only vetted https URLs reach it', ['OPEN_EXTERNAL_JS_CHECK']],
    ['  // security: A_CHECK, B_CHECK — options come from a tested function', ['A_CHECK', 'B_CHECK']],
    ['foo() // security: A_CHECK - a reason that is long enough', ['A_CHECK']],
    ['// security: A_CHECK -- ascii dashes are fine too', ['A_CHECK']],
    ['// security: A_CHECK — short', []], // reason under ten characters
    ['// security: A_CHECK', []], // no reason at all
    ['// security: a_check — lower-case ids are not ids', []],
    ['// eng-disable OPEN_EXTERNAL_JS_CHECK', []],
    ['const security = "security: A_CHECK — in a string, not a comment"', []],
  ])('%s → %j', (line, ids) => expect(justifiedIds(line)).toEqual(ids))
})

describe('isJustifiedAt', () => {
  const lines = [
    'const a = 1',
    '// security: X_CHECK — reason on the line above',
    '/* more comment */',
    'danger()',
    'danger() // security: Y_CHECK — reason on the same line',
    '',
    'danger()',
  ]
  it('accepts the flagged line and the comment block directly above', () => {
    expect(isJustifiedAt(lines, 4, 'X_CHECK')).toBe(true)
    expect(isJustifiedAt(lines, 5, 'Y_CHECK')).toBe(true)
  })
  it('does not reach past code or blank lines, nor justify another check', () => {
    expect(isJustifiedAt(lines, 7, 'X_CHECK')).toBe(false)
    expect(isJustifiedAt(lines, 5, 'X_CHECK')).toBe(false)
    expect(isJustifiedAt(lines, 4, 'Y_CHECK')).toBe(false)
    expect(isJustifiedAt(lines, 0, 'X_CHECK')).toBe(false)
    expect(isJustifiedAt(lines, 99, 'X_CHECK')).toBe(false)
  })
})

describe('evaluate', () => {
  it('passes with no findings', () => {
    expect(evaluate([], source('x')).ok).toBe(true)
  })

  it.each(['MEDIUM', 'HIGH'] as const)('fails on an unjustified %s finding', (severity) => {
    const verdict = evaluate([finding({ severity })], source('a', 'b', 'shell.openExternal(url)'))
    expect(verdict.ok).toBe(false)
    expect(verdict.failures).toHaveLength(1)
  })

  it.each(['LOW', 'INFORMATIONAL'] as const)('reports but never fails on %s', (severity) => {
    const verdict = evaluate([finding({ severity })], source('a', 'b', 'shell.openExternal(url)'))
    expect(verdict.ok).toBe(true)
    expect(verdict.minor).toHaveLength(1)
  })

  it('passes a justified finding', () => {
    const verdict = evaluate(
      [finding()],
      source(
        'a',
        '// security: OPEN_EXTERNAL_JS_CHECK — url vetted by safeExternalUrl()',
        'shell.openExternal(url)',
      ),
    )
    expect(verdict).toMatchObject({
      ok: true,
      failures: [],
      justified: [expect.objectContaining({ id: 'OPEN_EXTERNAL_JS_CHECK' })],
    })
  })

  it('a justification for another check, or in another file, does not count', () => {
    expect(
      evaluate(
        [finding()],
        source('a', '// security: SANDBOX_JS_CHECK — something else entirely', 'shell.openExternal(url)'),
      ).ok,
    ).toBe(false)
    const elsewhere = new Map([
      ['electron/main/index.ts', 'a\nb\nshell.openExternal(url)'],
      ['electron/main/other.ts', '// security: OPEN_EXTERNAL_JS_CHECK — wrong file, wrong place'],
    ])
    expect(evaluate([finding()], elsewhere).ok).toBe(false)
  })

  it('a global finding (no location) is justified by a comment anywhere in the sources', () => {
    const global = finding({ id: 'CSP_GLOBAL_CHECK', file: null, line: 0 })
    expect(evaluate([global], source('x')).ok).toBe(false)
    expect(
      evaluate(
        [global],
        new Map([
          ['electron/main/csp.ts', '// security: CSP_GLOBAL_CHECK — sent as a header by the protocol'],
        ]),
      ).ok,
    ).toBe(true)
  })

  it('a finding in an unknown file is not justified', () => {
    expect(evaluate([finding({ file: 'nowhere.ts' })], source('x')).ok).toBe(false)
  })

  it('fails on Electronegativity’s own eng-disable comments (they hide findings without a reason)', () => {
    const verdict = evaluate([], source('shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK'))
    expect(verdict.ok).toBe(false)
    expect(verdict.engDisable).toEqual(['electron/main/index.ts'])
  })
})

describe('vueScriptAsTs', () => {
  it('keeps the script block on its own line numbers and blanks the rest', () => {
    const vue = [
      '<template>',
      '  <div />',
      '</template>',
      '<script setup lang="ts">',
      "import { ref } from 'vue'",
      '</script>',
      '<style>',
      'a{}',
      '</style>',
    ].join('\n')
    const lines = vueScriptAsTs(vue).split('\n')
    expect(lines).toHaveLength(9)
    expect(lines[4]).toBe("import { ref } from 'vue'")
    expect(lines.filter(Boolean)).toEqual(["import { ref } from 'vue'"])
  })
})

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))

describe('the real scan', () => {
  it('finds zero unjustified findings in electron/ and renderer/, offline', { timeout: 60_000 }, async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect')
    const result = await scan()
    expect(connect).not.toHaveBeenCalled()
    connect.mockRestore()
    expect(result.checks).toBeGreaterThan(30)
    expect(result.parseErrors).toEqual([])
    expect(result.engDisable).toEqual([])
    expect(result.failures.map((f) => `${f.id} ${f.file}:${f.line}`)).toEqual([])
    // The library asked for its translations; the stub answered, and no socket was opened.
    expect(result.requests.length).toBeLessThanOrEqual(1)

    // docs/security.md states the same counts and lists every justified finding where it is.
    const doc = readFileSync(join(repoRoot, 'docs', 'security.md'), 'utf8')
    const stated = /Current result: (\d+) checks, (\d+) unjustified findings; (\d+) justified/.exec(doc)
    expect(stated, 'docs/security.md states the current result').not.toBeNull()
    expect(stated!.slice(1).map(Number)).toEqual([
      result.checks,
      result.failures.length,
      result.justified.length,
    ])
    const table = doc.slice(doc.indexOf('| Finding | Where | Justification |'))
    const documented = table
      .split('\n')
      .filter((row) => /^\| `[A-Z_]+`/.test(row))
      .flatMap((row) => {
        const [, findings = '', where = ''] = row.split('|')
        const file = /`(electron\/[^`]+|renderer\/[^`]+)`/.exec(where)?.[1] ?? null
        return [...findings.matchAll(/`([A-Z_]+_CHECK)`/g)].map((m) => `${m[1]} ${file}`)
      })
      .sort()
    // A global finding has no location: the table names the file of its justifying comment.
    const found = result.justified.map((f) => (f.file ? `${f.id} ${f.file}` : f.id)).sort()
    expect(documented.map((d) => (found.includes(d) ? d : d.split(' ')[0]!)).sort()).toEqual(found)
  })
})
