/**
 * The names of the API methods, with no dependencies, so the sandboxed preload can expose them
 * without bundling the schemas. `api.ts` checks at compile time that the contract has exactly these.
 */
export const methods = ['listDatasets', 'getHeadline', 'getSeries', 'getObservations'] as const
export type Method = (typeof methods)[number]

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && (methods as readonly string[]).includes(name)
}

/** The IPC channel of a method. One channel per method, so the preload exposes no generic invoke. */
export const channelOf = (method: Method): string => `trade:${method}`
