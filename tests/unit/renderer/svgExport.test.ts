// @vitest-environment happy-dom
/**
 * The SVG export draws text and path points through svgcanvas's private members (lib/svgExport.ts): svgcanvas is pinned
 * to an exact version, and these tests fail if an upgrade moves or renames what the export relies on.
 */
import { Chart, registerables } from 'chart.js'
import { Context } from 'svgcanvas'
import installed from 'svgcanvas/package.json'
import { describe, expect, it, vi } from 'vitest'
import pkg from '../../../package.json'
import { drawSvg } from '../../../renderer/src/lib/svgExport'

Chart.register(...registerables)

describe('svgcanvas, driven through its internals', () => {
  it('is pinned to the exact version installed', () => {
    expect(pkg.devDependencies.svgcanvas).toBe(installed.version)
  })

  it('still has the private members the export uses', () => {
    const context = new Context({ width: 10, height: 10 }) as unknown as Record<string, unknown>
    for (const method of [
      '__closestGroupOrSvg',
      '__createElement',
      '__applyTransformation',
      '__applyStyleToCurrentElement',
      '__addPathCommand',
    ]) {
      expect(typeof context[method], method).toBe('function')
    }
    expect(typeof (context.__document as Document).createTextNode, '__document').toBe('function')
    expect(typeof (context.__currentElement as Element).appendChild, '__currentElement').toBe('function')
    // The path writer: the path text so far, and the transform its points are written through.
    ;(context as unknown as { beginPath(): void }).beginPath()
    expect(context.__currentDefaultPath, '__currentDefaultPath').toBe('')
    expect(context.__transformMatrix, '__transformMatrix').toBeInstanceOf(DOMMatrix)
  })

  it('draws a chart with its labels as SVG text carrying their font, and no inline style', async () => {
    // happy-dom has no 2D canvas, which svgcanvas measures text with: widths as a browser's would roughly be.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () =>
        ({
          font: '',
          measureText: (text: string) => ({ width: text.length * 6 }),
        }) as unknown as CanvasRenderingContext2D,
    )
    const blob = drawSvg(
      {
        type: 'bar',
        data: { labels: ['2025-10', '2025-11'], datasets: [{ label: 'Exports', data: [305.35, 330.3] }] },
        options: { plugins: { legend: { display: true } }, font: { family: 'Arial', size: 12 } },
      } as ConstructorParameters<typeof Chart>[1],
      400,
      200,
      { id: 'background' },
    )
    const svg = await blob.text()
    expect(blob.type).toBe('image/svg+xml')
    expect(svg).toMatch(/<text[^>]*font-size="12px" font-family="[^"]+"[^>]*>Exports<\/text>/)
    expect(svg).toMatch(/<text[^>]*>2025-11<\/text>/)
    expect(svg).not.toMatch(/<text[^>]*\sstyle=/)
  })
})
