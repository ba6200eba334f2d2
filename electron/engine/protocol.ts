/**
 * The messages between main and the engine process, checked with zod on arrival at both ends (a
 * process boundary is a trust boundary like any other). Calls carry a contract method and its already
 * validated arguments; answers carry the result or an error with a code and a message for the user.
 */
import { z } from 'zod'
import { ApiErrorBodySchema, SaidSchema } from '../shared/errors'
import { events, isMethod } from '../shared/methods'

const MethodName = z.string().refine(isMethod, 'not an engine method')

export const EngineInit = z.object({
  dataDir: z.string().min(1),
  userDataDir: z.string().min(1).optional(),
})
export type EngineInit = z.infer<typeof EngineInit>

/** A file the user granted in main, mirrored into the engine so import calls can name it by id. */
export const GrantMessage = z.object({
  fileId: z.string().min(1).max(64),
  name: z.string().max(260),
  size: z.number().nonnegative(),
  path: z.string().min(1).max(4096),
  via: z.enum(['dialog', 'drop', 'open-with', 'library']),
})

export const ToEngine = z.discriminatedUnion('type', [
  // Open the bundled data now (DuckDB, the catalog, the code lists): a standby engine gets only this,
  // and `init` when it takes over.
  z.object({ type: z.literal('prepare'), dataDir: EngineInit.shape.dataDir }),
  // Open the user's library too and answer calls.
  z.object({ type: z.literal('init'), options: EngineInit }),
  z.object({ type: z.literal('call'), id: z.number().int(), method: MethodName, args: z.unknown() }),
  z.object({ type: z.literal('grant'), grant: GrantMessage }),
  z.object({ type: z.literal('close') }),
])
export type ToEngine = z.infer<typeof ToEngine>

export const FromEngine = z.discriminatedUnion('type', [
  // The engine listens: main may send `init`. (A utility process may drop messages posted before its
  // module has subscribed, so main waits for this.)
  z.object({ type: z.literal('hello') }),
  // The bundled data is open (a standby engine is warm).
  z.object({ type: z.literal('prepared') }),
  z.object({ type: z.literal('ready') }),
  // The data could not be opened: why, as a catalogued message (the page words it) and its English text.
  z.object({ type: z.literal('failed'), message: z.string(), said: SaidSchema }),
  z.object({
    type: z.literal('reply'),
    id: z.number().int(),
    envelope: z.union([
      z.object({ ok: z.literal(true), data: z.unknown() }),
      z.object({ ok: z.literal(false), error: ApiErrorBodySchema }),
    ]),
  }),
  z.object({
    type: z.literal('event'),
    event: z.enum(events),
    payload: z.unknown(),
  }),
  z.object({ type: z.literal('closed') }),
])
export type FromEngine = z.infer<typeof FromEngine>
