/**
 * Fake bridges for renderer tests: every answer a fake gives is parsed with the contract's result
 * schema first, as the real main process's answers are, so a test cannot pass on data the app would
 * never receive. A fake that answers what the contract rejects fails the test, naming the method.
 */
import { contract, type Method, type ResultOf } from '../../electron/shared/api'

/** A successful answer of `method`, checked against the contract. */
export function answer<M extends Method>(method: M, data: unknown): Promise<{ ok: true; data: ResultOf<M> }> {
  const parsed = contract[method].result.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `the fake ${method} answered what the contract rejects: ${issue?.path.join('.') || 'the answer'}: ${issue?.message}`,
    )
  }
  return Promise.resolve({ ok: true, data: parsed.data as ResultOf<M> })
}

/** Installs a fake bridge as the preload would (`window.trade`). */
export function installBridge<B extends object>(bridge: B): B {
  Object.defineProperty(window, 'trade', { value: bridge, configurable: true })
  return bridge
}
