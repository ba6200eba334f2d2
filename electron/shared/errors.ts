import { z } from 'zod'
import { english } from './messages'
import type { MessageId, Said } from './say'

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
  /** The message's id and parameters (messages.ts), for the page to word it in its own language. */
  said?: Said
}

/**
 * The checked shape of a message crossing a process boundary. The id is any word, not only the
 * catalogue's: a page older or newer than the engine shows the English text for an id it does not know.
 */
export const SaidSchema: z.ZodType<Said> = /* @__PURE__ */ z.lazy(() =>
  z
    .object({
      id: z.custom<MessageId>((id) => typeof id === 'string' && /^[a-zA-Z]\w{0,63}$/.test(id)),
      params: z
        .record(
          z.string().regex(/^\w{1,40}$/),
          z.union([
            z.string().max(2000),
            z.number(),
            z.object({ period: z.string().max(40) }).strict(),
            z.object({ list: z.array(z.string().max(500)).max(50) }).strict(),
            SaidSchema,
          ]),
        )
        .optional(),
    })
    .strict(),
)

/**
 * The body's schema, checked wherever an error crosses a process boundary. Marked pure so a bundle that
 * does not use it leaves zod out: the web transport's shim takes only `fail` from here (2.5 KB, not 800).
 */
export const ApiErrorBodySchema = /* @__PURE__ */ z
  .object({
    code: z.enum(errorCodes),
    message: z.string(),
    dataset: z.string().max(500).optional(),
    said: SaidSchema.optional(),
  })
  .strict()

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody }

/**
 * An error a service throws on purpose. Given a catalogued message (messages.ts), it carries its id and
 * parameters for the page to word in its language, and its English text as the message; given plain
 * text, that text is shown as it is.
 */
export class AppError extends Error {
  readonly said?: Said

  constructor(
    readonly code: ErrorCode,
    message: string | Said,
    readonly dataset?: string,
  ) {
    super(typeof message === 'string' ? message : english(message))
    this.name = 'AppError'
    if (typeof message !== 'string') this.said = message
  }

  static of(body: ApiErrorBody): AppError {
    const error = new AppError(body.code, body.said ?? body.message, body.dataset)
    // The sender's English text, even where this side's catalogue would word the id differently.
    error.message = body.message
    return error
  }

  /** What the refusal says, as a message of its own: its catalogued id where it has one, else its text. */
  get detail(): Said | string {
    return this.said ?? this.message
  }

  get body(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.dataset === undefined ? {} : { dataset: this.dataset }),
      ...(this.said === undefined ? {} : { said: this.said }),
    }
  }
}

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })
export const fail = (code: ErrorCode, message: string): Envelope<never> => ({
  ok: false,
  error: { code, message },
})

/** A refusal a service threw on purpose, as its envelope. */
export const refused = (error: AppError): Envelope<never> => ({ ok: false, error: error.body })
