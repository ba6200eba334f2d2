/**
 * Main's half of the app (the Electron main process, or the web server's process): file grants, the
 * workspace (notes, session, snapshots) and the supervised engine process for everything that touches
 * DuckDB. It returns the one handler registry — the engine half forwarded through the supervisor, the
 * main half local — for either transport to serve.
 */
import type { EventSink } from '../events'
import { createMainHandlers, type EngineHandlers, type Handlers } from '../handlers'
import type { DatasetSummary, UiLanguage } from '../shared/api'
import { AppError } from '../shared/errors'
import { say } from '../shared/messages'
import { createFileDesk, type FileDesk } from '../services/import/desk'
import { createGrants, type Grants } from '../services/grants'
import { originalPathOf } from '../services/import/library'
import { join } from 'node:path'
import { openWorkspace, unavailableWorkspace, type Workspace } from '../services/workspace'
import type { SnapshotPlatform } from '../services/snapshots'
import type { StartEngine } from './port'
import { openSetAside, type SetAside } from './setAside'
import { createSupervisor, type Supervisor } from './supervisor'

export interface HostOptions {
  start: StartEngine
  dataDir: string
  userDataDir?: string
  events: EventSink
  chooseFile?: () => Promise<string | null>
  snapshotPlatform?: SnapshotPlatform
  /** Words main's own menu and dialogs in the page's language (the desktop app; none in a browser). */
  setLanguage?: (language: UiLanguage) => Promise<void>
  /** A warm standby engine for fast restarts (supervisor.ts); none without it. */
  standby?: { delayMs: number }
  log?(message: string): void
}

export interface Host {
  handlers: Handlers
  /** Grants files from main's own sources (dialog, drop, "Open with"). */
  desk: FileDesk
  workspace: Workspace
  supervisor: Supervisor
  close(): Promise<void>
}

export async function openHost(options: HostOptions): Promise<Host> {
  const grants = createGrants()
  const setAside = await openSetAside(options.userDataDir)
  // The versions of the datasets, as the engine last reported them: a snapshot compares its own with these.
  let versions = new Map<string, string>()
  const remember = (datasets: readonly DatasetSummary[]) => {
    versions = new Map(datasets.map((d) => [d.id, d.version]))
  }

  const supervisor = createSupervisor({
    start: options.start,
    init: { dataDir: options.dataDir, userDataDir: options.userDataDir },
    onEvent: (event, payload) => options.events.emit(event, payload as never),
    onCrash: async (files) => {
      for (const file of files) await setAside.add(file.path)
    },
    onReady: () => void refreshVersions(),
    standby: options.standby,
    log: options.log,
  })
  const refreshVersions = () =>
    supervisor.call('listDatasets', {}).then(
      (result) => remember((result as { datasets: DatasetSummary[] }).datasets),
      () => {},
    )

  const desk = createFileDesk({
    grants,
    events: options.events,
    chooseFile: options.chooseFile,
    originalPathOf: async (dataset) =>
      options.userDataDir ? originalPathOf(join(options.userDataDir, 'library'), dataset) : null,
    onGrant: (grant) => {
      // Choosing or dropping a file again is the user asking for it: it is no longer set aside.
      if (grant.via === 'dialog' || grant.via === 'drop') void setAside.clear(grant.path).catch(() => {})
      supervisor.grant(grant)
    },
  })

  try {
    await supervisor.ready
  } catch (error) {
    await supervisor.close()
    throw error
  }
  const workspace = options.userDataDir
    ? await openWorkspace({
        userDataDir: options.userDataDir,
        currentVersion: (dataset) => versions.get(dataset) ?? null,
        platform: options.snapshotPlatform,
      })
    : unavailableWorkspace()

  const handlers: Handlers = {
    ...createRemoteHandlers(supervisor, grants, setAside, { remember, refreshVersions }),
    ...createMainHandlers(desk, workspace, options.setLanguage),
  }
  return {
    handlers,
    desk,
    workspace,
    supervisor,
    close: () => supervisor.close(),
  }
}

interface VersionHooks {
  remember(datasets: readonly DatasetSummary[]): void
  refreshVersions(): Promise<void>
}

/** The engine half of the registry, forwarded: each call goes to the engine process as it is. */
function createRemoteHandlers(
  supervisor: Supervisor,
  grants: Grants,
  setAside: SetAside,
  versions: VersionHooks,
): EngineHandlers {
  const forward = <M extends keyof EngineHandlers>(method: M) =>
    ((args: unknown) => supervisor.call(method, args)) as unknown as EngineHandlers[M]

  /** The file a call reads: named if the engine dies on it; refused if it stopped the engine before. */
  const readable = async (fileId: string) => {
    const file = grants.resolve(fileId)
    if (await setAside.has(file.path)) throw new AppError('SET_ASIDE', say('setAside', { file: file.name }))
    return file
  }

  return {
    listDatasets: async (args) => {
      const result = (await supervisor.call('listDatasets', args)) as Awaited<
        ReturnType<EngineHandlers['listDatasets']>
      >
      versions.remember(result.datasets)
      return result
    },
    getHeadline: forward('getHeadline'),
    getSeries: forward('getSeries'),
    getSeriesBatch: forward('getSeriesBatch'),
    getObservations: forward('getObservations'),
    listSeries: forward('listSeries'),
    inspectImport: async (args) =>
      (await supervisor.call('inspectImport', args, { file: await readable(args.fileId) })) as never,
    importFile: async (args) => {
      const outcome = await supervisor.call('importFile', args, { file: await readable(args.fileId) })
      await versions.refreshVersions()
      return outcome as never
    },
    cancelImport: async (args) => {
      grants.resolve(args.fileId)
      return (await supervisor.call('cancelImport', args)) as never
    },
    listImports: forward('listImports'),
    getBreakdown: forward('getBreakdown'),
    getDimensions: forward('getDimensions'),
    getRanking: forward('getRanking'),
    deleteImport: async (args) => {
      const deleted = await supervisor.call('deleteImport', args)
      await versions.refreshVersions()
      return deleted as never
    },
  }
}
