/**
 * The renderer's only way to the main process: `window.trade` (the preload in Electron, the web shim in
 * tests). It unwraps the envelope, so stores get data or a thrown ApiError carrying the main process's
 * code and message — which the UI shows as it is, never swallowed.
 */
import type { ArgsOf, Method, ResultOf } from '@shared/api'
import type { ApiErrorBody, Envelope, ErrorCode } from '@shared/errors'
import { say, type Said } from '@shared/say'
import { i18n, loadRefusalMessages } from '../i18n'
import { wordRefusal, type Wording } from '../lib/refusals'
import type { Page } from '@shared/paging'

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The dataset the refusal is about, where the engine named one (ApiErrorBody). */
    readonly dataset?: string,
    /** The refusal's catalogue id and parameters, for the page to word it in its language. */
    readonly said?: Said,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  static of(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.dataset, body.said)
  }

  /**
   * A refusal of the page's own, worded as the engine's are: its English text and its message. Its
   * callers await `loadRefusals` first; until then the English text would be the message's id.
   */
  static saying(code: ErrorCode, said: Said): ApiError {
    return new ApiError(code, english?.(said) ?? said.id, undefined, said)
  }
}

/** The catalogue's English writer, once the refusals have loaded. */
let english: ((said: Said) => string) | null = null
let refusals: Promise<void> | null = null

/**
 * Loads the refusals' texts (the catalogue's English and the page's Chinese), once. They are a chunk of
 * their own, not loaded before the first chart: the app starts this after it, and every path that
 * throws a catalogued refusal awaits it first, so `messageOf` never words a refusal without its texts.
 * A failed load leaves the engine's English text to show; the next refusal tries again.
 */
export function loadRefusals(): Promise<void> {
  refusals ??= loadRefusalMessages().then(
    (writer) => {
      english = writer
    },
    () => {
      refusals = null
    },
  )
  return refusals
}

export async function call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const bridge = window.trade
  if (!bridge) {
    await loadRefusals()
    throw ApiError.saying('INTERNAL', say('bridgeMissing'))
  }
  // Indexing a mapped type by a generic key loses the pairing of M's args and result; restate it once here.
  const invoke = bridge[method] as unknown as (args: ArgsOf<M>) => Promise<Envelope<ResultOf<M>>>
  const envelope = await invoke(args)
  if (envelope.ok) return envelope.data as ResultOf<M>
  if (envelope.error.said) await loadRefusals()
  throw ApiError.of(envelope.error)
}

/** The page's language and messages, as the refusal wording reads them. */
const pageWording: Wording = {
  get locale() {
    return i18n.global.locale.value
  },
  te: (key) => i18n.global.te(key),
  t: (key, params) => i18n.global.t(key, params),
}

/**
 * The message to show for anything a call threw: in the page's language where the refusal carries a
 * catalogued message the page knows; otherwise the engine's own (English) words. Anything else (the
 * browser's or a library's own error, in English whatever the page's language) is told in the page's
 * words, and its own text goes to the console for whoever looks into it.
 */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return saidText(error.said, error.message)
  console.error(error)
  return i18n.global.t('app.unexpected')
}

/** A refusal of the page's own (a note or snapshot it will not send) in the page's language. */
export async function refusalText(said: Said): Promise<string> {
  await loadRefusals()
  return saidText(said, english?.(said) ?? said.id)
}

/** A catalogued message in the page's language where the page knows it, else the engine's English. */
export function saidText(said: Said | undefined, english: string): string {
  return (said && wordRefusal(said, pageWording)) ?? english
}

/** The methods whose answer is a page of a longer list (paging.ts). */
type PagedMethod = {
  [M in Method]: ResultOf<M> extends Page<unknown> ? M : never
}[Method]
type ItemOf<M extends PagedMethod> = ResultOf<M> extends Page<infer T> ? T : never

/** Far beyond any real library or dataset (200 items a page); a list that long is refused, not loaded. */
const MAX_PAGES = 250

/**
 * The whole of a paged list, for a caller that needs all of it (a picker of every series, the library
 * list): page after page, each following the previous page's cursor. Each page crosses the boundary
 * and is validated on its own, so no single answer is large.
 */
export async function callAllPages<M extends PagedMethod>(
  method: M,
  args: Omit<ArgsOf<M>, 'cursor'>,
): Promise<ItemOf<M>[]> {
  const items: ItemOf<M>[] = []
  let cursor: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = (await call(method, { ...args, cursor } as ArgsOf<M>)) as Page<ItemOf<M>>
    items.push(...answer.items)
    if (answer.next === null) return items
    cursor = answer.next
  }
  await loadRefusals()
  throw ApiError.saying('DATA_ERROR', say('listTooLong', { count: items.length }))
}
