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
 * does not use it leaves zod out.
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
 * An error a service throws on purpose, with a catalogued message (messages.ts): it carries its id and
 * parameters for the page to word in its language, and its English text as the message. Never plain
 * text: a sentence built in place would reach the page in English only (tests/unit/lint/catalogued.test.ts
 * checks every call).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly said: Said,
    readonly dataset?: string,
  ) {
    super(english(said))
    this.name = 'AppError'
  }

  /**
   * A refusal as it arrived from another process. Its English text is the sender's, even where this
   * side's catalogue would word the id differently. Every refusal this app sends carries its id; a body
   * without one is from no sender the app knows, so it is not worded beyond "unexpected".
   */
  static of(body: ApiErrorBody): AppError {
    const error = new AppError(body.code, body.said ?? { id: 'unexpectedFailure' }, body.dataset)
    error.message = body.message
    return error
  }

  /** What the refusal says, as a message of its own, to nest in another ("book.csv: …"). */
  get detail(): Said {
    return this.said
  }

  get body(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.dataset === undefined ? {} : { dataset: this.dataset }),
      said: this.said,
    }
  }
}

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })
/** A refusal's envelope: its catalogued message and the message's English text. */
export const fail = (code: ErrorCode, said: Said): Envelope<never> => ({
  ok: false,
  error: { code, message: english(said), said },
})

/** A refusal a service threw on purpose, as its envelope. */
export const refused = (error: AppError): Envelope<never> => ({ ok: false, error: error.body })
