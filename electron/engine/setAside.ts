/**
 * Files that stopped the data engine. One is not read again unless the user chooses it again (Open
 * file… or a drop): an "Open with" at the next launch, or the Import page reading the same file again
 * on its own, is refused with a message instead of crashing the engine in a loop. Kept in the user-data
 * folder so it survives a restart of the app.
 */
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { readJsonFile, writeFileAtomic } from '../services/atomicFile'

const Entry = z.object({ path: z.string(), size: z.number(), mtimeMs: z.number(), at: z.string() })
const SetAsideFile = z.object({ version: z.literal(1), files: z.array(Entry).max(1000) })
const MAX_ENTRIES = 100

export interface SetAside {
  /** True when this file (same path, size and modification time) stopped the engine before. */
  has(path: string): Promise<boolean>
  add(path: string): Promise<void>
  clear(path: string): Promise<void>
}

export async function openSetAside(userDataDir: string | undefined): Promise<SetAside> {
  const file = userDataDir ? join(userDataDir, 'engine-set-aside.json') : null
  const parsed = SetAsideFile.safeParse(file ? await readJsonFile(file) : null)
  let entries = parsed.success ? parsed.data.files : []
  const save = async () => {
    if (file) await writeFileAtomic(file, JSON.stringify({ version: 1, files: entries }, null, 2))
  }
  return {
    async has(path) {
      const entry = entries.find((e) => e.path === path)
      if (!entry) return false
      const info = await stat(path).catch(() => null)
      // A file that changed since is a different file: it gets its chance.
      return info !== null && info.size === entry.size && info.mtimeMs === entry.mtimeMs
    },
    async add(path) {
      const info = await stat(path).catch(() => null)
      if (!info) return
      entries = [
        ...entries.filter((e) => e.path !== path),
        { path, size: info.size, mtimeMs: info.mtimeMs, at: new Date().toISOString() },
      ].slice(-MAX_ENTRIES)
      await save()
    },
    async clear(path) {
      if (!entries.some((e) => e.path === path)) return
      entries = entries.filter((e) => e.path !== path)
      await save()
    },
  }
}
