/**
 * docs/security.md proves each claim by naming a test (`file.test.ts` › `describe` › "it"). A renamed
 * or deleted test would leave the page citing a proof that no longer exists: every test file it names
 * must exist, and every test or describe title it quotes must be a title in that file. Titles are read
 * from the test files' syntax trees (the first argument of describe/it/test and their variants, and of
 * the live suite's `title(…)`), not searched as text, so a title quoted in a comment does not count.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const doc = readFileSync(join(repoRoot, 'docs', 'security.md'), 'utf8')
/** The live suite: the checklist's "Live" column quotes its titles without the file's name. */
const LIVE_FILE = 'tests/electron/app.test.ts'

function testFiles(dir = join(repoRoot, 'tests')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) return testFiles(full)
    return entry.name.endsWith('.test.ts') ? [relative(repoRoot, full).split(sep).join('/')] : []
  })
}
const allTestFiles = testFiles()

/** A file as the page names it: a repository path, or a base name that must be unambiguous. */
function resolveTestFile(name: string): string | null {
  if (allTestFiles.includes(name)) return name
  const matches = allTestFiles.filter((f) => f.endsWith(`/${name}`))
  return matches.length === 1 ? matches[0]! : null
}

const TITLE_CALLS = /^(describe|it|test|itMain|itPackaged|title)$/

/** Every describe/it/test title written in a test file. */
function titlesOf(file: string): Set<string> {
  const source = ts.createSourceFile(file, readFileSync(join(repoRoot, file), 'utf8'), ts.ScriptTarget.Latest)
  const titles = new Set<string>()
  const rootName = (expression: ts.Expression): string | null => {
    if (ts.isIdentifier(expression)) return expression.text
    if (ts.isPropertyAccessExpression(expression)) return rootName(expression.expression)
    if (ts.isCallExpression(expression)) return rootName(expression.expression) // it.each([...])(…)
    return null
  }
  const text = (node: ts.Node | undefined): string | null => {
    if (!node) return null
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const [left, right] = [text(node.left), text(node.right)]
      return left !== null && right !== null ? left + right : null
    }
    return null
  }
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && TITLE_CALLS.test(rootName(node.expression) ?? '')) {
      const title = text(node.arguments[0])
      if (title !== null) titles.add(title)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return titles
}

interface Citation {
  file: string
  title: string
  /** Where in the page, for the failure message. */
  context: string
}

const FILE_REF = /`((?:[\w.-]+\/)*[\w.-]+\.test\.ts)`/g
/** `file.test.ts` ›, `describe` ›, "title" (", "title"…): the shapes a citation takes on the page. */
const TOKEN = /`((?:[\w.-]+\/)*[\w.-]+\.test\.ts)`|`([^`]+)`\s*›|"([^"]+)"|›/g

/**
 * The citations in one stretch of text (a table cell or a paragraph). A quoted title belongs to the
 * last test file named before it in the same stretch. It is a citation when it comes right after a `›`
 * or, with a comma between, after another cited title; in a stretch about one file (the live suite's
 * column) every quoted title is.
 */
function citationsIn(stretch: string, context: string, defaultFile: string | null): Citation[] {
  const found: Citation[] = []
  let file = defaultFile
  /** What the previous token was, and where it ended: decides whether a quote continues a citation. */
  let previous: 'arrow' | 'cited' | 'other' = 'other'
  let end = 0
  for (const match of stretch.matchAll(TOKEN)) {
    const [token, fileName, describeName, title] = match
    const gap = stretch.slice(end, match.index)
    end = match.index + token.length
    if (fileName) {
      file = fileName
      previous = 'other'
    } else if (describeName !== undefined) {
      if (file) found.push({ file, title: describeName, context })
      previous = 'arrow'
    } else if (title !== undefined) {
      const cited: boolean =
        defaultFile !== null ||
        (previous === 'arrow' && /^\s*$/.test(gap)) ||
        (previous === 'cited' && /^\s*,\s*$/.test(gap))
      if (file && cited) found.push({ file, title, context })
      previous = cited ? 'cited' : 'other'
    } else {
      previous = 'arrow'
    }
  }
  return found
}

/** Every citation on the page: the checklist's Live and Unit columns, the other tables, the paragraphs. */
function citations(): Citation[] {
  const found: Citation[] = []
  for (const line of doc.split('\n')) {
    if (!line.startsWith('|')) {
      found.push(...citationsIn(line, line.slice(0, 60), null))
      continue
    }
    const cells = line.split('|').slice(1, -1)
    const item = /^\s*(\d+)\s*$/.exec(cells[0] ?? '')?.[1]
    if (item && cells.length === 5) {
      // The checklist: column 4 quotes the live suite, column 5 names its own files.
      found.push(...citationsIn(cells[3]!, `item ${item}, Live`, LIVE_FILE))
      found.push(...citationsIn(cells[4]!, `item ${item}, Unit`, null))
    } else {
      for (const cell of cells) found.push(...citationsIn(cell, line.slice(0, 60), null))
    }
  }
  return found
}

describe('docs/security.md cites tests that exist', () => {
  it('every test file it names exists', () => {
    const named = [...new Set([...doc.matchAll(FILE_REF)].map((m) => m[1]!))]
    expect(named.length).toBeGreaterThan(20)
    expect(named.filter((name) => resolveTestFile(name) === null)).toEqual([])
  })

  it('every test title it quotes is a describe or it title in the file it names', () => {
    const all = citations()
    expect(all.length).toBeGreaterThan(60)
    const titles = new Map<string, Set<string>>()
    const missing = all.filter(({ file, title }) => {
      const path = resolveTestFile(file)
      if (!path) return true
      if (!titles.has(path)) titles.set(path, titlesOf(path))
      const known = titles.get(path)!
      // "in any answer or event, …" quotes the start of a longer title.
      return title.endsWith('…')
        ? ![...known].some((t) => t.startsWith(title.slice(0, -1).trimEnd()))
        : !known.has(title)
    })
    expect(missing.map((c) => `${c.context}: ${c.file} › "${c.title}"`)).toEqual([])
  })

  it('reads titles from the syntax tree, so it can tell a real title from a missing one', () => {
    const live = titlesOf(LIVE_FILE)
    expect(live.has('navigation away and window.open are denied')).toBe(true)
    expect(live.has('navigation away and window.open are allowed')).toBe(false)
    expect(
      citationsIn('`a.test.ts` › `group` › "one", "two"; `b.test.ts` › "three" (not "four")', 'x', null),
    ).toEqual([
      { file: 'a.test.ts', title: 'group', context: 'x' },
      { file: 'a.test.ts', title: 'one', context: 'x' },
      { file: 'a.test.ts', title: 'two', context: 'x' },
      { file: 'b.test.ts', title: 'three', context: 'x' },
    ])
  })
})
