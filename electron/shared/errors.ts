import { z } from 'zod'

/**
 * The error envelope every API call answers with. Errors are serialised deliberately, as values with
 * a stable code and a message written for the user, so nothing is lost crossing a process boundary.
 */
export const errorCodes = [
  'INVALID_ARGUMENT',
  'UNKNOWN_METHOD',
  'FORBIDDEN_SENDER',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'DATA_ERROR',
  'INTERNAL',
  // The data engine process died while answering (engine/supervisor.ts); the page says so in its language.
  'ENGINE_STOPPED',
  // A file that stopped the engine before is not read again unless the user chooses it again.
  'SET_ASIDE',
  // An imported dataset's stored files are missing or damaged (import/stored.ts); importing it again mends it.
  'DAMAGED',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export interface ApiErrorBody {
  code: ErrorCode
  message: string
  /** The dataset a refusal is about (its title), for the page to word the refusal in its own language. */
  dataset?: string
}

/**
 * The body's schema, checked wherever an error crosses a process boundary. Marked pure so a bundle that
 * does not use it leaves zod out: the web transport's shim takes only `fail` from here (2.5 KB, not 800).
 */
export const ApiErrorBodySchema = /* @__PURE__ */ z
  .object({ code: z.enum(errorCodes), message: z.string(), dataset: z.string().max(500).optional() })
  .strict()

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody }

/** An error a service throws on purpose: its message is shown to the user as it is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly dataset?: string,
  ) {
    super(message)
    this.name = 'AppError'
  }

  static of(body: ApiErrorBody): AppError {
    return new AppError(body.code, body.message, body.dataset)
  }

  get body(): ApiErrorBody {
    return this.dataset === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, dataset: this.dataset }
  }
}

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })
export const fail = (code: ErrorCode, message: string): Envelope<never> => ({
  ok: false,
  error: { code, message },
})

/** A refusal a service threw on purpose, as its envelope. */
export const refused = (error: AppError): Envelope<never> => ({ ok: false, error: error.body })
