/** Every file under a folder, by its path inside it ('/'-separated), with its bytes: to compare a library byte for byte. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export function filesOf(root: string, skip: readonly string[] = [], under = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  for (const entry of readdirSync(join(root, under), { withFileTypes: true })) {
    const path = under ? `${under}/${entry.name}` : entry.name
    if (entry.isDirectory()) for (const [p, b] of filesOf(root, skip, path)) files.set(p, b)
    else if (!skip.includes(path)) files.set(path, readFileSync(join(root, path)))
  }
  return files
}
