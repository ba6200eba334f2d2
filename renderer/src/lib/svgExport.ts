/**
 * A chart as vector SVG, for the Explorer's export: loaded on first use (lib/exportView.ts).
 */
import { BasicPlatform, Chart, type Plugin } from 'chart.js'
import { Context } from 'svgcanvas'

/** `bold 18px Arial, sans-serif` (how Chart.js writes ctx.font) → SVG text attributes. */
export function svgFontAttributes(font: string): Record<string, string> | null {
  const match =
    /^(?:(italic|oblique|normal)\s+)?(?:(bold|bolder|lighter|normal|\d{3})\s+)?(\d+(?:\.\d+)?)px\s+(.+)$/.exec(
      font.trim(),
    )
  if (!match) return null
  return {
    'font-style': match[1] ?? 'normal',
    'font-weight': match[2] ?? 'normal',
    'font-size': `${match[3]}px`,
    'font-family': match[4]!,
  }
}

/** svgcanvas internals the text override below uses (its own element helpers). */
interface SvgContextInternals {
  textAlign: CanvasTextAlign
  textBaseline: CanvasTextBaseline
  __currentElement: Element
  __document: Document
  __currentDefaultPath: string
  __currentPosition: { x?: number; y?: number }
  __transformMatrix: DOMMatrix
  __addPathCommand(command: string): void
  __closestGroupOrSvg(): Element
  __createElement(name: string, attributes: Record<string, string | number>, resetFill?: boolean): Element
  __applyTransformation(element: Element): void
  __applyStyleToCurrentElement(action: 'fill' | 'stroke'): void
}

const TEXT_ANCHOR: Record<string, string> = {
  left: 'start',
  right: 'end',
  center: 'middle',
  start: 'start',
  end: 'end',
}
const BASELINE: Record<string, string> = {
  alphabetic: 'alphabetic',
  hanging: 'hanging',
  top: 'text-before-edge',
  bottom: 'text-after-edge',
  middle: 'central',
}

/** A path coordinate to 1/100 px: finer than any screen or print shows, and half the text of a full double. */
const coordinate = (v: number) => String(Math.round(v * 100) / 100)

/**
 * svgcanvas reads the font of each text by parsing it through an element's inline style attribute,
 * which the app's CSP (rightly) refuses: every text would lose its font and log a violation. This
 * context writes text elements itself, with font attributes parsed from ctx.font.
 *
 * It also writes path points itself. svgcanvas's lineTo searches the whole path text so far for an
 * `M` at every point (quadratic in the points of a path: the world map's ~190,000 took a minute) and
 * formats each number through regular expressions at full double precision; here a flag says whether
 * the path has begun, coordinates are rounded to 1/100 px, and a line to the point just written (many,
 * once a 1:50m coastline is projected to a page) is left out.
 */
class CspSafeSvgContext extends Context {
  /** The current path has a point (svgcanvas: its text holds an `M`): the next lineTo is a line. */
  private started = false
  /** The point last written, and the path's length just after it (anything written since makes it stale). */
  private last = ''
  private lastAt = -1

  override beginPath(): void {
    super.beginPath()
    this.started = false
    this.lastAt = -1
  }

  override moveTo(x: number, y: number): void {
    if ((this as unknown as SvgContextInternals).__currentElement.nodeName !== 'path') this.beginPath()
    this.point('M', x, y)
  }

  override lineTo(x: number, y: number): void {
    this.point(this.started ? 'L' : 'M', x, y)
  }

  private point(command: 'M' | 'L', x: number, y: number): void {
    const self = this as unknown as SvgContextInternals
    self.__currentPosition = { x, y }
    const m = self.__transformMatrix
    const at = `${coordinate(m.a * x + m.c * y + m.e)} ${coordinate(m.b * x + m.d * y + m.f)}`
    // Kept after a move: a zero-length line still draws a dot with round caps.
    if (command === 'L' && at === this.last && self.__currentDefaultPath.length === this.lastAt) return
    self.__addPathCommand(`${command} ${at}`)
    this.started = true
    this.last = command === 'L' ? at : ''
    this.lastAt = self.__currentDefaultPath.length
  }

  override fillText(text: string, x: number, y: number): void {
    this.text(text, x, y, 'fill')
  }

  override strokeText(text: string, x: number, y: number): void {
    this.text(text, x, y, 'stroke')
  }

  private text(text: string, x: number, y: number, action: 'fill' | 'stroke'): void {
    const self = this as unknown as SvgContextInternals
    // The parent must be found before the new element becomes the current one (it has no parent yet).
    const parent = self.__closestGroupOrSvg()
    const font = svgFontAttributes(this.font) ?? {}
    const element = self.__createElement(
      'text',
      {
        ...font,
        x,
        y,
        'text-anchor': TEXT_ANCHOR[self.textAlign] ?? 'start',
        'dominant-baseline': BASELINE[self.textBaseline] ?? 'alphabetic',
      },
      true,
    )
    element.appendChild(self.__document.createTextNode(text))
    const path = self.__currentElement
    self.__currentElement = element
    self.__applyTransformation(element)
    self.__applyStyleToCurrentElement(action)
    parent.appendChild(element)
    // On a canvas, drawing text leaves the current path alone; so must we.
    self.__currentElement = path
  }
}

/**
 * The same chart as vector SVG: Chart.js draws into svgcanvas's recording 2D context through its
 * canvas-free BasicPlatform, so every line, bar and label becomes an SVG element.
 */
export function drawSvg(
  config: ConstructorParameters<typeof Chart>[1],
  width: number,
  height: number,
  background: Plugin,
): Blob {
  const context = new CspSafeSvgContext({ width, height })
  // Enough of a canvas for Chart.js and its plugins (which attach, but here never get, pointer events).
  const canvas = {
    width,
    height,
    style: {},
    getContext: () => context,
    addEventListener: () => {},
    removeEventListener: () => {},
  }
  Object.assign(context, { canvas })
  // svgcanvas cannot stroke a Path2D: a (no-op) segment option makes Chart.js draw lines point by point.
  const data = { ...config.data, datasets: config.data.datasets.map((d) => ({ ...d, segment: {} })) }
  const chart = new Chart(
    context as unknown as CanvasRenderingContext2D,
    {
      ...config,
      data,
      platform: BasicPlatform,
      options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1 },
      plugins: [...(config.plugins ?? []), background],
    } as ConstructorParameters<typeof Chart>[1],
  )
  try {
    chart.draw()
    return new Blob([context.getSerializedSvg(true)], { type: 'image/svg+xml' })
  } finally {
    chart.destroy()
  }
}
