/** Shared bits of the import end-to-end test. */
import { join } from 'node:path'
import { repoRoot } from '../support/webApp'

export const repoRootFixtures = join(repoRoot, 'tests', 'fixtures', 'import')
export { holdCall, launchBrowser, screenshot, type TestBrowser } from '../support/browser'
