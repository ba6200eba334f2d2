/**
 * Files the operating system asks us to open — a double-clicked `.ctesnap` or data file, a file dropped
 * on the dock icon, "Open with…", a second launch with a file — all come through `routeOpenRequest`:
 *
 * - `argv`: our own command line at start-up (Windows and Linux pass the file as an argument);
 * - `open-file`: macOS's `open-file` app event (one path; it may fire before the app is ready);
 * - `second-instance`: another launch's command line and working directory, handed to the running one.
 *
 * Pure apart from asking the file system whether a path is a file (injectable for tests). It returns
 * absolute paths of existing files with an extension we open, and drops everything else that lands in
 * an argv: the executable, Chromium and Electron switches (`--allow-file-access-from-files`,
 * `--original-process-start-time=…`, `--inspect`), macOS's `-psn_0_12345`, `.` in development, URLs.
 */
import { statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { SNAPSHOT_EXTENSION } from '../shared/commands'

export type OpenSource = 'argv' | 'open-file' | 'second-instance'

export interface OpenRequest {
  /** A command line (argv and second-instance). */
  argv?: readonly string[]
  /** The one path of a macOS open-file event. */
  path?: string
  /** Where relative arguments are resolved: the second instance's working directory, else ours. */
  workingDirectory?: string
  /** The running executable (process.execPath), never a file to open. */
  execPath?: string
}

export interface RouteOptions {
  isFile?: (file: string) => boolean
  cwd?: string
}

/** Data files the importer reads, and our snapshot files. `datapackage.json` is a `.json`. */
export const OPENABLE_EXTENSIONS = [
  SNAPSHOT_EXTENSION,
  '.csv',
  '.tsv',
  '.gz',
  '.parquet',
  '.json',
  '.ndjson',
] as const
/** More than this in one request is not a user double-clicking files. */
export const MAX_OPEN_FILES = 32
const MAX_ARG_LENGTH = 4096

export type OpenKind = 'snapshot' | 'data'

export function openKindOf(file: string): OpenKind | null {
  const lower = file.toLowerCase()
  if (lower.endsWith(SNAPSHOT_EXTENSION)) return 'snapshot'
  return OPENABLE_EXTENSIONS.some((ext) => lower.endsWith(ext)) ? 'data' : null
}

function defaultIsFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/** The path an argument names, or null for a switch, a URL that is not file:, or garbage. */
export function argumentToPath(arg: unknown, workingDirectory: string): string | null {
  if (typeof arg !== 'string' || arg.length === 0 || arg.length > MAX_ARG_LENGTH) return null
  if (/[\u0000-\u001f]/.test(arg)) return null
  if (arg.startsWith('-')) return null // --switch, --key=value, -psn_0_12345
  let candidate = arg
  if (/^file:/i.test(arg)) {
    try {
      candidate = fileURLToPath(arg)
    } catch {
      return null // file://remote-host/share, malformed escapes
    }
  } else if (/^[a-z][a-z0-9+.-]+:/i.test(arg) && !/^[a-z]:[\\/]/i.test(arg)) {
    return null // http:, app:, chrome:, javascript: — not files (a Windows drive `C:\` is)
  }
  return path.resolve(workingDirectory, candidate)
}

/** The files to open, absolute, existing, known extensions, de-duplicated, in the order given. */
export function routeOpenRequest(
  source: OpenSource,
  request: OpenRequest,
  options: RouteOptions = {},
): string[] {
  const isFile = options.isFile ?? defaultIsFile
  const cwd =
    typeof request.workingDirectory === 'string' && request.workingDirectory
      ? request.workingDirectory
      : (options.cwd ?? process.cwd())
  let args: readonly unknown[]
  if (source === 'open-file') args = [request.path]
  else args = Array.isArray(request.argv) ? request.argv.slice(0, 256) : []

  const exec =
    typeof request.execPath === 'string' && request.execPath ? path.resolve(request.execPath) : null
  const seen = new Set<string>()
  const out: string[] = []
  let afterDoubleDash = false
  for (const arg of args) {
    if (arg === '--' && source !== 'open-file') {
      afterDoubleDash = true
      continue
    }
    // After `--` a name may start with a dash; before it, dashes mean switches.
    const file =
      afterDoubleDash && typeof arg === 'string' && arg.startsWith('-')
        ? argumentToPath(`./${arg}`, cwd)
        : argumentToPath(arg, cwd)
    if (!file || (exec && file === exec)) continue
    if (!openKindOf(file) || seen.has(file)) continue
    if (!isFile(file)) continue
    seen.add(file)
    out.push(file)
    if (out.length >= MAX_OPEN_FILES) break
  }
  return out
}
