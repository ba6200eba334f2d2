/**
 * The layer rules of eslint.config.js refuse what they should and allow what they should: each case is
 * linted as if it were a file at that place in the repository. (`npm run lint` applies them to the
 * real files; this proves the rules themselves bite.)
 */
import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const repo = fileURLToPath(new URL('../../..', import.meta.url))
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: repo })
})

/** The layer-rule messages ESLint gives `code` placed at `file`. */
async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x\n`, { filePath: `${repo}/${file}` })
  return (result?.messages ?? [])
    .filter((m) => /no-restricted-(imports|syntax)/.test(m.ruleId ?? '') || m.fatal)
    .map((m) => m.message)
}

describe('layer rules', () => {
  it.each([
    ['electron/services/query.ts', "import { app as x } from 'electron'", /only by main\/index.ts/],
    ['electron/services/import/x.ts', "import { app } from 'electron/main'\nconst x = app", /only by main/],
    ['electron/services/query.ts', "const x = await import('electron')", /only by main/],
    ['electron/services/query.ts', "const x = require('electron')", /only by main/],
    ['electron/services/query.ts', "import { x } from '../main/ipc'", /Services never import main/],
    [
      'electron/services/import/x.ts',
      "import { x } from '../../../renderer/src/lib/format'",
      /Services never/,
    ],
    ['electron/shared/api.ts', "import { x } from '../services/query'", /imports nothing of ours/],
    ['electron/shared/api.ts', "export { x } from '../main/ipc'", /imports nothing of ours/],
    ['electron/shared/api.ts', "import { ipcRenderer as x } from 'electron'", /only by main/],
    ['electron/shared/methods.ts', "import { z as x } from 'zod'", /imports nothing at runtime/],
    ['electron/dispatch.ts', "import { app as x } from 'electron'", /only by main/],
    ['electron/handlers.ts', "import { x } from './main/index'", /load Electron/],
    ['electron/web/server.ts', "import { shell as x } from 'electron'", /only by main/],
    ['electron/web/server.ts', "import { x } from '../main/window'", /load Electron/],
    ['electron/main/ipc.ts', "import { ipcMain as x } from 'electron'", /only by main/],
    ['electron/main/menu.ts', "import { x } from './window'", /load Electron/],
    ['electron/preload/index.ts', "import { z as x } from 'zod'", /sandboxed preload/],
    ['electron/preload/index.ts', "import { x } from '../shared/api'", /sandboxed preload/],
    [
      'renderer/src/lib/format.ts',
      "import { x } from '../../../electron/services/query'",
      /only through the contract/,
    ],
    [
      'renderer/src/stores/x.ts',
      "import { x } from '../../../electron/main/ipc'",
      /only through the contract/,
    ],
    [
      'renderer/src/views/x.ts',
      "import { x } from '../../../electron/dispatch'",
      /only through the contract/,
    ],
    ['renderer/src/lib/x.ts', "import { ipcRenderer as x } from 'electron'", /never imports Electron/],
  ])('%s: %s is refused', async (file, code, message) => {
    const problems = await layerProblems(file, code)
    expect(problems).toEqual([expect.stringMatching(message)])
  })

  it.each([
    ['electron/services/query.ts', "import type { App as x } from 'electron'"],
    ['electron/services/query.ts', "import { x } from '../shared/api'"],
    ['electron/shared/api.ts', "import { x } from './primitives'"],
    ['electron/shared/methods.ts', "import type { x } from './api'"],
    ['electron/main/index.ts', "import { app as x } from 'electron'"],
    ['electron/main/window.ts', "import { BrowserWindow as x } from 'electron'"],
    ['electron/main/ipc.ts', "import type { IpcMain as x } from 'electron'"],
    ['electron/main/index.ts', "import { x } from './window'"],
    ['electron/preload/index.ts', "import { contextBridge as x } from 'electron'"],
    ['electron/preload/index.ts', "import { x } from '../shared/methods'"],
    ['renderer/src/lib/x.ts', "import { x } from '@shared/api'"],
    ['renderer/src/lib/calculators/x.ts', "import { x } from '../../../../electron/shared/api'"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layerProblems(file, code)).toEqual([])
  })
})
