/**
 * The child process of migrate.fault.test.ts: opens the library in a user-data folder as the app does
 * at start-up and brings it up to today's import rules, then exits. Prints "ready" once the library and
 * the code lists are read (just before the first write) and "done" when every version is brought up.
 * Usage: node --import tsx migrateChild.ts <userDataDir>
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCodeLists } from '../../../../electron/services/import/codes'
import { openLibrary } from '../../../../electron/services/import/library'
import { migrateLibrary } from '../../../../electron/services/import/migrate'

const dataDir = fileURLToPath(new URL('../../../../data', import.meta.url))
const userDataDir = process.argv[2]!
const library = await openLibrary(join(userDataDir, 'library'))
const codes = await loadCodeLists(join(dataDir, 'codes'))
process.stdout.write('ready\n')
await migrateLibrary(library, codes)
process.stdout.write('done\n')
