/**
 * Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium) started headless by playwright-core, never a
 * downloaded browser, with the background services that would reach the network switched off. The
 * tests' browser (browser.ts) and the icon renderer (scripts/icons.ts) both start it here.
 */
import { chromium, type Browser } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS })
}
