/**
 * The one entry point every transport calls: Electron's ipcMain (electron/main/ipc.ts) and the HTTP
 * test server (electron/web/server.ts). It refuses unknown methods, validates the arguments with the
 * contract's zod schema before a handler runs, and turns every outcome into the envelope.
 */
import { z } from 'zod'
import { contract, isMethod } from './shared/api'
import { AppError, fail, ok, refused, type Envelope } from './shared/errors'
import type { Handlers } from './handlers'

/** Long messages from zod would echo hostile input back; keep what we show short. */
const MAX_MESSAGE = 300

export async function dispatch(
  handlers: Handlers,
  method: unknown,
  rawArgs: unknown,
): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return fail('UNKNOWN_METHOD', `There is no API method called ${describe(method)}.`)
  }
  const parsed = contract[method].args.safeParse(rawArgs ?? {})
  if (!parsed.success) {
    return fail('INVALID_ARGUMENT', `Invalid arguments for ${method}: ${summarise(parsed.error)}`)
  }
  try {
    const handler = handlers[method] as (args: unknown) => Promise<unknown>
    const result = await handler(parsed.data)
    return ok(contract[method].result.parse(result))
  } catch (error) {
    if (error instanceof AppError) return refused(error)
    // An unexpected failure is a bug: log it in full here, tell the user what failed without internals.
    console.error(`[dispatch] ${method} failed`, error)
    return fail(
      'INTERNAL',
      `${method} failed unexpectedly: ${error instanceof Error ? error.message.slice(0, MAX_MESSAGE) : 'unknown error'}`,
    )
  }
}

function describe(value: unknown): string {
  if (typeof value !== 'string') return `(a ${typeof value}, not a name)`
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
}

function summarise(error: z.ZodError): string {
  const text = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`)
    .join('; ')
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text
}
