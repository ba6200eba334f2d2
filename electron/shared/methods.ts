/**
 * The names of the API methods and events, with no dependencies, so the sandboxed preload can expose
 * them without bundling the schemas. `api.ts` checks at compile time that the contract has exactly these.
 */
export const methods = [
  'listDatasets',
  'getHeadline',
  'getSeries',
  'getSeriesBatch',
  'getObservations',
  'listSeries',
  'chooseImportFile',
  'takeOpenedFiles',
  'reopenImportedFile',
  'inspectImport',
  'importFile',
  'cancelImport',
  'listImports',
  'getBreakdown',
  'getDimensions',
  'deleteImport',
  'getRanking',
  'listNotes',
  'saveNote',
  'deleteNote',
  'mergeNotes',
  'loadSession',
  'saveSession',
  'listSnapshots',
  'saveSnapshot',
  'openSnapshot',
  'snapshotImage',
  'deleteSnapshot',
  'chooseSnapshotFile',
  'openSnapshotFile',
  'exportSnapshot',
  'setLanguage',
] as const
export type Method = (typeof methods)[number]

/** Events the main process pushes to the page (progress, menu commands). The page only listens. */
export const events = ['importProgress', 'command', 'fileOpened'] as const
export type EventName = (typeof events)[number]

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && (methods as readonly string[]).includes(name)
}

/** The IPC channel of a method. One channel per method, so the preload exposes no generic invoke. */
export const channelOf = (method: Method): string => `trade:${method}`

/** The one channel the preload uses on its own: paths of files dropped on the window, resolved from real File objects. */
export const DROP_CHANNEL = 'trade-drop:files'

/** The IPC channel of an event. */
export const eventChannelOf = (event: EventName): string => `trade-event:${event}`

/** The bridge function that subscribes to an event: `importProgress` → `onImportProgress`. */
export type SubscriberName<E extends EventName> = `on${Capitalize<E>}`
export const subscriberOf = <E extends EventName>(event: E): SubscriberName<E> =>
  `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as SubscriberName<E>
