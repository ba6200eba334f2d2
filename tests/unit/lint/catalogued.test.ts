/**
 * What the services tell the user is catalogued (electron/shared/messages.ts): every refusal that can
 * reach the page carries a message id, which the page words in its language. A sentence built in place
 * (`new AppError('NOT_FOUND', \`Dataset ${id} …\`)`) would reach a Chinese page in English, and is how
 * internal paths and a library's wording used to leak. This reads electron/ with the TypeScript
 * compiler and its type checker, so a variable or a helper that hands over plain text is caught as
 * surely as a literal:
 * - the message of an AppError (or of a subclass, such as ImportError) and of `fail` is never text;
 * - an error body written out by hand (`ApiErrorBody`) carries its message id.
 * (Errors of any other kind never reach the page: dispatch and the engine answer them as
 * `unexpectedFailure` and keep their text for the log.)
 */
import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'

const repo = fileURLToPath(new URL('../../..', import.meta.url))
const electron = join(repo, 'electron')
const errorsFile = join(electron, 'shared', 'errors.ts')

/** A file that breaks each rule once, scanned with the real ones to prove the scan catches them. */
const planted = join(electron, 'services', 'plantedRefusals.ts')
const plantedSource = `
import { AppError, fail, type ApiErrorBody } from '../shared/errors'
import { ImportError } from './import/errors'
import { say } from '../shared/messages'
const id = 'x'
const text: string = 'a sentence'
export const a = () => new AppError('NOT_FOUND', \`There is no dataset called \${id}.\` as never)
export const b = () => new ImportError(text as never)
export const c = () => fail('INTERNAL', 'It failed.' as never)
export const d: ApiErrorBody = { code: 'INTERNAL', message: 'It failed.' }
export const fine = () => [new AppError('NOT_FOUND', say('noSuchImport', { id })), fail('INTERNAL', say('unexpectedFailure'))]
`

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return tsFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

interface Finding {
  file: string
  line: number
  what: string
}

interface Scan {
  findings: Finding[]
  /** How many refusals the scan looked at, so that a scan that finds nothing to check fails. */
  checked: number
}

function scan(): Scan {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(repo, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      },
    },
  )!
  const host = ts.createCompilerHost(config.options)
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (name, language, ...rest) =>
    name === planted
      ? ts.createSourceFile(name, plantedSource, language)
      : getSourceFile(name, language, ...rest)
  const fileExists = host.fileExists.bind(host)
  host.fileExists = (name) => name === planted || fileExists(name)
  const program = ts.createProgram([...tsFiles(electron), planted], config.options, host)
  const checker = program.getTypeChecker()

  const declaredIn = (symbol: ts.Symbol | undefined, name: string) =>
    !!symbol &&
    symbol.getName() === name &&
    !!symbol.declarations?.some((d) => d.getSourceFile().fileName === errorsFile.split(sep).join('/'))
  const resolve = (symbol: ts.Symbol | undefined) =>
    symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol

  /** Is `type` AppError or a class derived from it? */
  function isAppError(type: ts.Type): boolean {
    if (declaredIn(type.getSymbol(), 'AppError')) return true
    return (type.isClass() ? checker.getBaseTypes(type) : []).some(isAppError)
  }

  const textual = (type: ts.Type): boolean =>
    type.isUnion() ? type.types.some(textual) : !!(type.flags & ts.TypeFlags.StringLike)

  const findings: Finding[] = []
  let checked = 0
  const report = (node: ts.Node, what: string) => {
    const source = node.getSourceFile()
    findings.push({
      file: relative(repo, source.fileName),
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      what,
    })
  }

  /** The argument given for the parameter called `said` or `message`: a refusal's message. */
  function messageArgument(node: ts.CallExpression | ts.NewExpression): ts.Expression | undefined {
    const declaration = checker.getResolvedSignature(node)?.getDeclaration()
    const index = declaration?.parameters.findIndex((p) => /^(said|message)$/.test(p.name.getText())) ?? -1
    return index >= 0 ? node.arguments?.[index] : undefined
  }

  function checkMessage(node: ts.CallExpression | ts.NewExpression, what: string): void {
    const argument = messageArgument(node)
    checked++
    // An argument cast away from text (`'…' as never`, as the planted file does to compile) still counts.
    const inner = ts.isAsExpression(argument ?? node) ? (argument as ts.AsExpression).expression : argument
    if (!inner || textual(checker.getTypeAtLocation(inner))) report(node, what)
  }

  function visit(node: ts.Node): void {
    if (ts.isNewExpression(node) && isAppError(checker.getTypeAtLocation(node))) {
      checkMessage(node, `${node.expression.getText()} with a message that is text`)
    } else if (
      ts.isCallExpression(node) &&
      declaredIn(resolve(checker.getSymbolAtLocation(node.expression)), 'fail')
    ) {
      checkMessage(node, 'fail with a message that is text')
    } else if (ts.isObjectLiteralExpression(node)) {
      const contextual = checker.getContextualType(node)
      const keys = node.properties.map((p) => p.name?.getText())
      // A body, not a part spread into one ({ dataset } beside the code and the message).
      if (
        keys.includes('code') &&
        contextual &&
        declaredIn(contextual.aliasSymbol ?? contextual.getSymbol(), 'ApiErrorBody')
      ) {
        checked++
        if (!keys.includes('said') && !node.properties.some(ts.isSpreadAssignment))
          report(node, 'an error body without its message id')
      }
    }
    ts.forEachChild(node, visit)
  }

  for (const source of program.getSourceFiles()) {
    const file = source.fileName.split('/').join(sep)
    if (file.startsWith(electron + sep)) visit(source)
  }
  return { findings, checked }
}

let result: Scan
beforeAll(() => {
  result = scan()
}, 120_000)

describe('every refusal in electron/ is a catalogued message', () => {
  it('the scan looks at every refusal the services make', () => {
    expect(result.checked).toBeGreaterThan(150)
  })

  it('finds each plain-text refusal planted beside the real files', () => {
    const plantedFile = relative(repo, planted)
    expect(result.findings.filter((f) => f.file === plantedFile)).toEqual([
      { file: plantedFile, line: 7, what: 'AppError with a message that is text' },
      { file: plantedFile, line: 8, what: 'ImportError with a message that is text' },
      { file: plantedFile, line: 9, what: 'fail with a message that is text' },
      { file: plantedFile, line: 10, what: 'an error body without its message id' },
    ])
  })

  it('finds none in the real files', () => {
    expect(result.findings.filter((f) => f.file !== relative(repo, planted))).toEqual([])
  })
})
