/**
 * The one entry point every transport calls: Electron's ipcMain (electron/main/ipc.ts) and the HTTP
 * test server (electron/web/server.ts). It refuses unknown methods, validates the arguments with the
 * contract's zod schema before a handler runs, and turns every outcome into the envelope.
 */
import { z } from 'zod'
import { contract, isMethod } from './shared/api'
import { AppError, fail, ok, refused, type Envelope } from './shared/errors'
import { say, type Said } from './shared/messages'
import { issueSaid } from './shared/schemaIssue'
import type { Handlers } from './handlers'

export async function dispatch(
  handlers: Handlers,
  method: unknown,
  rawArgs: unknown,
): Promise<Envelope<unknown>> {
  if (!isMethod(method)) return fail('UNKNOWN_METHOD', say('unknownRequest'))
  const parsed = contract[method].args.safeParse(rawArgs ?? {})
  if (!parsed.success) {
    return fail('INVALID_ARGUMENT', say('requestRefused', { why: argumentsProblem(parsed.error, rawArgs) }))
  }
  try {
    const handler = handlers[method] as (args: unknown) => Promise<unknown>
    const result = await handler(parsed.data)
    return ok(contract[method].result.parse(result))
  } catch (error) {
    if (error instanceof AppError) return refused(error)
    // An unexpected failure is a bug: logged in full here; its text (a library's words, a path) is not the user's.
    console.error(`[dispatch] ${method} failed`, error)
    return fail('INTERNAL', say('unexpectedFailure'))
  }
}

/**
 * What is wrong with the arguments, as the snapshot refusals say it: the field and what it should hold
 * (a period's own reason where the period module gave one), never zod's English or the value itself.
 */
function argumentsProblem(error: z.ZodError, rawArgs: unknown): Said {
  const issue = error.issues[0]
  return issue && (issue.path.length > 0 || issue.code === 'unrecognized_keys')
    ? issueSaid(error, rawArgs ?? {})
    : say('requestForm')
}
