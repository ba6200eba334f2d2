/**
 * One step of the import benchmark in a process of its own, so its peak memory is its own:
 *   import <file> <userDataDir>   the app's import (same service and handlers as the UI), then the first chart query
 *   reopen <userDataDir>          a fresh process opening the library and answering the first chart query
 * Prints one JSON line with the timings and the peak resident set size.
 */
import { existsSync } from 'node:fs'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { dispatch } from '../electron/dispatch'
import { createHandlers } from '../electron/handlers'
import { openServices } from '../electron/services'
import { openHost } from '../electron/engine/host'
import { cpuMsOf, rssMbOf, until } from './measure'
import { forkEngine } from '../electron/engine/port'
import { createEventSink } from '../electron/events'

const dataDir = fileURLToPath(new URL('../data', import.meta.url))
const [mode, ...args] = process.argv.slice(2)
const chart = (dataset: string) => ({ dataset, reporter: 'china', flow: 'exports', by: 'partner', top: 10 })

async function main(): Promise<Record<string, unknown>> {
  if (mode === 'import') {
    const [file, userDataDir] = args as [string, string]
    // As the app runs it: this process plays main (dispatch, grants), the import runs in the engine
    // process (the built one if there is one). Main's event loop is watched all along.
    const built = fileURLToPath(new URL('../out/main/engine.js', import.meta.url))
    const entry = existsSync(built)
      ? built
      : fileURLToPath(new URL('../electron/engine/main.ts', import.meta.url))
    // Messages main receives from the engine during the import (progress): each one is work for main.
    let events = 0
    const host = await openHost({
      start: forkEngine(entry),
      dataDir,
      userDataDir,
      events: createEventSink(() => void events++),
      chooseFile: async () => file,
      standby: { delayMs: 0 },
      log: () => {},
    })
    const handlers = host.handlers
    // The standby opens the bundled data once, at start: not while the import is timed.
    await until(() => host.supervisor.standby?.warm === true)
    // The same figure with main idle, just before: what the machine's load alone does to main's timers.
    const idle = monitorEventLoopDelay({ resolution: 10 })
    idle.enable()
    await new Promise((resolve) => setTimeout(resolve, 3000))
    idle.disable()
    const loop = monitorEventLoopDelay({ resolution: 10 })
    const chosen = await dispatch(handlers, 'chooseImportFile', {})
    if (!chosen.ok || !chosen.data) throw new Error(`choose failed: ${JSON.stringify(chosen)}`)
    const fileId = (chosen.data as { fileId: string }).fileId
    loop.enable()
    const engineCpu0 = cpuMsOf(host.supervisor.pid)
    const mainCpu0 = process.cpuUsage()
    const events0 = events
    const t0 = performance.now()
    const inspected = await dispatch(handlers, 'inspectImport', { fileId })
    if (!inspected.ok) throw new Error(inspected.error.message)
    const imported = await dispatch(handlers, 'importFile', { fileId })
    const importMs = performance.now() - t0
    const mainCpu = process.cpuUsage(mainCpu0)
    const engineCpuMs = cpuMsOf(host.supervisor.pid) - engineCpu0
    loop.disable()
    if (!imported.ok) throw new Error(imported.error.message)
    const dataset = (imported.data as { dataset: { id: string; rows: number } }).dataset
    const t1 = performance.now()
    const first = await dispatch(handlers, 'getBreakdown', chart(dataset.id))
    const queryMs = performance.now() - t1
    if (!first.ok) throw new Error(first.error.message)
    // The first product chart, right after the first chart: it reads the by-product summary the import wrote.
    const t2 = performance.now()
    const products = await dispatch(handlers, 'getBreakdown', { ...chart(dataset.id), by: 'product' })
    const productMs = performance.now() - t2
    if (!products.ok) throw new Error(products.error.message)
    const engineRssMb = rssMbOf(host.supervisor.pid, 'peak')
    // Engine restart with the library open: from the engine's death to the first chart answered again,
    // the warm standby taking over (each time once the standby is warm, as it is a few seconds after
    // the app starts or after a restart).
    const restarts: number[] = []
    let standbyRssMb = 0
    let standbyPrivateMb = 0
    for (let i = 0; i < 3; i++) {
      await until(() => host.supervisor.standby?.warm === true)
      standbyRssMb = Math.max(standbyRssMb, rssMbOf(host.supervisor.standby!.pid))
      standbyPrivateMb = Math.max(standbyPrivateMb, rssMbOf(host.supervisor.standby!.pid, 'private'))
      const before = host.supervisor.restarts
      const t3 = performance.now()
      process.kill(host.supervisor.pid!, 'SIGKILL')
      await until(() => host.supervisor.restarts > before)
      const again = await dispatch(handlers, 'getBreakdown', chart(dataset.id))
      if (!again.ok) throw new Error(again.error.message)
      restarts.push(performance.now() - t3)
    }
    await host.close()
    return {
      importMs,
      mainLoopP99Ms: loop.percentile(99) / 1e6,
      idleLoopP99Ms: idle.percentile(99) / 1e6,
      mainCpuMs: (mainCpu.user + mainCpu.system) / 1000,
      engineCpuMs,
      events: events - events0,
      engineRssMb,
      restartMs: restarts.sort((a, b) => a - b)[1]!,
      standbyRssMb,
      standbyPrivateMb,
      queryMs,
      productMs,
      rows: dataset.rows,
      dataset: dataset.id,
      top: (first.data as { rows: unknown[] }).rows.length,
    }
  }
  if (mode === 'reopen') {
    const [userDataDir] = args as [string]
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const services = await openServices({ dataDir, userDataDir })
    const handlers = createHandlers(services)
    const list = await dispatch(handlers, 'listImports', {})
    if (!list.ok) throw new Error(list.error.message)
    const [dataset] = (list.data as { items: { id: string }[] }).items
    if (!dataset) throw new Error('the library is empty')
    const answer = await dispatch(handlers, 'getBreakdown', chart(dataset.id))
    const reopenMs = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    if (!answer.ok) throw new Error(answer.error.message)
    await services.close()
    return { reopenMs, reopenCpuMs: (cpu.user + cpu.system) / 1000 }
  }
  throw new Error(`unknown mode ${mode}`)
}

main().then(
  (result) => {
    // maxRSS is in kilobytes.
    console.log(JSON.stringify({ ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 }))
  },
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
