/**
 * electron-builder.yml as electron-builder itself reads it — the file, its defaults and package.json —
 * and checked against electron-builder's own schema, through the package's public `Packager` (the same
 * step `electron-builder` runs before it packages anything). Rejects with electron-builder's message
 * when the configuration is invalid.
 */
import { Packager, type Configuration } from 'app-builder-lib'

export async function loadBuilderConfig(
  projectDir: string,
  overrides?: Configuration,
): Promise<Configuration> {
  const packager = new Packager({ projectDir, ...(overrides ? { config: overrides } : {}) })
  await packager.validateConfig()
  return packager.config
}
