/**
 * The renderer's only way to the main process: `window.trade` (the preload in Electron, the web shim in
 * tests). It unwraps the envelope, so stores get data or a thrown ApiError carrying the main process's
 * code and message — which the UI shows as it is, never swallowed.
 */
import type { ArgsOf, Method, ResultOf } from '@shared/api'
import type { Envelope, ErrorCode } from '@shared/errors'

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export async function call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const bridge = window.trade
  if (!bridge)
    throw new ApiError(
      'INTERNAL',
      'The app cannot reach its data: the bridge to the main process is missing.',
    )
  // Indexing a mapped type by a generic key loses the pairing of M's args and result; restate it once here.
  const invoke = bridge[method] as unknown as (args: ArgsOf<M>) => Promise<Envelope<ResultOf<M>>>
  const envelope = await invoke(args)
  if (envelope.ok) return envelope.data as ResultOf<M>
  throw new ApiError(envelope.error.code, envelope.error.message)
}

/** The message to show for anything a call threw. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
