/**
 * `npm run icons`: renders build/icon.svg with the system's Chromium (playwright-core, offline) to
 * build/icons/<n>x<n>.png (Linux, and the sources of the others), then packs build/icon.ico (Windows)
 * and build/icon.icns (macOS) with the writers in iconFormats.ts, and copies the 1024 px PNG to
 * build/icon.png. The outputs are committed; run this again after editing the SVG.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchChromium } from '../tests/support/chromium'
import { ICNS_SIZES, ICO_SIZES, writeIcns, writeIco, type PngImage } from './iconFormats'

const repo = fileURLToPath(new URL('..', import.meta.url))
const buildDir = path.join(repo, 'build')
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const
/**
 * Small renderings drop what turns to mush (see the comment in icon.svg): `detail` at 32 px and below,
 * `tiny` at 16 px, and the trend line (`trend`) gets thicker.
 */
export function smallSizeCss(size: number): string {
  let css = ''
  if (size <= 32) css += '.detail{display:none}.trend{stroke-width:84px}'
  if (size <= 16) css += '.tiny{display:none}.trend{stroke-width:110px}'
  return css
}

async function render(svg: string): Promise<Map<number, Uint8Array>> {
  const browser = await launchChromium()
  const out = new Map<number, Uint8Array>()
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1 })
    // Nothing but our inline SVG may load.
    await context.route('**/*', (route) => route.abort('blockedbyclient'))
    const page = await context.newPage()
    for (const size of PNG_SIZES) {
      await page.setViewportSize({ width: size, height: size })
      const hide = smallSizeCss(size)
      await page.setContent(
        `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent;overflow:hidden}svg{display:block;width:${size}px;height:${size}px}${hide}</style></head><body>${svg}</body></html>`,
      )
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      })
      out.set(size, new Uint8Array(png))
    }
  } finally {
    await browser.close()
  }
  return out
}

async function main(): Promise<void> {
  const svg = readFileSync(path.join(buildDir, 'icon.svg'), 'utf8').replace(/^<\?xml[^>]*>\s*/, '')
  const pngs = await render(svg)
  mkdirSync(path.join(buildDir, 'icons'), { recursive: true })
  for (const [size, png] of pngs) writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), png)
  writeFileSync(path.join(buildDir, 'icon.png'), pngs.get(1024)!)
  const images = (sizes: readonly number[]): PngImage[] =>
    sizes.map((size) => ({ size, png: pngs.get(size)! }))
  writeFileSync(path.join(buildDir, 'icon.ico'), writeIco(images(ICO_SIZES)))
  writeFileSync(path.join(buildDir, 'icon.icns'), writeIcns(images(ICNS_SIZES)))
  console.log(
    `icons: ${PNG_SIZES.length} PNGs, icon.ico (${ICO_SIZES.join(', ')} px), icon.icns (${ICNS_SIZES.join(', ')} px)`,
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
