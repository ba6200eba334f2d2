/**
 * The engine process's side: it opens the data services (DuckDB, catalog, queries, imports) and
 * answers main's calls through the engine half of the handler registry. It never sees a window or a
 * dialog; files reach it only as grants main made and mirrored here. Whatever kind of process hosts it
 * (utilityProcess, fork, or the test's in-process stand-in), it talks through a ParentChannel.
 */
import { createEventSink } from '../events'
import { createEngineHandlers, isEngineMethod, type EngineHandlers } from '../handlers'
import { attachDataServices, openBundledData, type BundledData, type DataServices } from '../services'
import { createGrants } from '../services/grants'
import type { PipelineHooks } from '../services/import/pipeline'
import { contract } from '../shared/api'
import { AppError, fail, ok, refused, type Envelope } from '../shared/errors'
import { english, say } from '../shared/messages'
import { ToEngine, type FromEngine } from './protocol'

export interface ParentChannel {
  send(message: FromEngine): void
  onMessage(listener: (message: unknown) => void): void
  /** Ends the process (after a clean close). */
  exit(): void
}

export interface EngineExtras {
  /** Test seams of the import pipeline; only the in-process stand-in can pass functions. */
  importHooks?: PipelineHooks
}

export function runEngine(parent: ParentChannel, extras: EngineExtras = {}): void {
  const grants = createGrants()
  let bundled: Promise<BundledData> | null = null
  let opening: Promise<{ services: DataServices; handlers: EngineHandlers }> | null = null
  const failed = (error: unknown) => {
    console.error('[engine] could not open the data', error)
    // A refusal of the data's own (its folder cannot be read) says what it is; anything else is for the log.
    const said = error instanceof AppError ? error.said : say('dataUnopenable')
    parent.send({ type: 'failed', message: english(said), said })
  }
  const prepare = (dataDir: string) => (bundled ??= openBundledData(dataDir))

  parent.onMessage((raw) => {
    const parsed = ToEngine.safeParse(raw)
    if (!parsed.success) {
      console.error('[engine] ignored a malformed message')
      return
    }
    const message = parsed.data
    switch (message.type) {
      case 'prepare': {
        if (bundled) return
        prepare(message.dataDir).then(() => parent.send({ type: 'prepared' }), failed)
        return
      }
      case 'init': {
        if (opening) return
        const { dataDir, ...rest } = message.options
        opening = prepare(dataDir)
          .then((data) =>
            attachDataServices(data, {
              ...rest,
              grants,
              importHooks: extras.importHooks,
              events: createEventSink((event, payload) => parent.send({ type: 'event', event, payload })),
            }),
          )
          .then((services) => ({ services, handlers: createEngineHandlers(services) }))
        opening.then(() => parent.send({ type: 'ready' }), failed)
        return
      }
      case 'grant':
        grants.adopt(message.grant)
        return
      case 'call':
        void answer(message.method, message.args).then((envelope) =>
          parent.send({ type: 'reply', id: message.id, envelope }),
        )
        return
      case 'close': {
        // A standby engine has only the bundled data open; an engine that could not open has nothing.
        const closing = opening
          ? opening.then(({ services }) => services.close())
          : (bundled ?? Promise.reject(new Error('never opened'))).then((data) => data.close())
        void closing
          .catch(() => {})
          .finally(() => {
            parent.send({ type: 'closed' })
            parent.exit()
          })
        return
      }
    }
  })
  parent.send({ type: 'hello' })

  async function answer(method: string, rawArgs: unknown): Promise<Envelope<unknown>> {
    if (!isEngineMethod(method)) return fail('UNKNOWN_METHOD', say('unknownRequest'))
    if (!opening) return fail('INTERNAL', say('engineNotStarted'))
    try {
      const { handlers } = await opening
      // Main validated these already; the engine checks again, as at every process boundary.
      const args = contract[method].args.parse(rawArgs) as never
      return ok(await (handlers[method] as (args: never) => Promise<unknown>)(args))
    } catch (error) {
      if (error instanceof AppError) return refused(error)
      // A bug: the full error goes to the log, the user gets a message without library internals or paths.
      console.error(`[engine] ${method} failed`, error)
      return fail('INTERNAL', say('unexpectedFailure'))
    }
  }
}
