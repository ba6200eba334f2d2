/**
 * A point of January and February combined is drawn as a triangle by the combinedPoints plugin, with
 * Chart.js's own point element, while the point's own options stay as Chart.js resolved them.
 */
import { describe, expect, it } from 'vitest'
import { PointElement, type ChartArea } from 'chart.js'
import { COMBINED_POINT_RADIUS, combinedPoints } from '../../../renderer/src/components/charts/chartSetup'

/** A 2D context that records the path it is asked to draw: the points moved and lined to, and arcs. */
function recordingContext() {
  const calls: { name: string; args: number[] }[] = []
  const ctx = new Proxy(
    {},
    {
      get: (_target, name) =>
        typeof name === 'string' && !['strokeStyle', 'lineWidth', 'fillStyle'].includes(name)
          ? (...args: number[]) => calls.push({ name, args })
          : undefined,
      set: () => true,
    },
  ) as unknown as CanvasRenderingContext2D
  return { ctx, calls }
}

const area: ChartArea = { left: 0, top: 0, right: 200, bottom: 200, width: 200, height: 200 }
const shared = Object.freeze({
  radius: 2,
  pointStyle: 'circle',
  borderWidth: 1,
  hoverRadius: 4,
  hitRadius: 1,
  rotation: 0,
  backgroundColor: '#0072B2',
  borderColor: '#0072B2',
})

function draw(points: { x: number; y: number; combined?: true }[], options: object = shared) {
  const elements = points.map((p) => new PointElement({ x: p.x, y: p.y, options }))
  const chart = { data: { datasets: [{ data: points }] } }
  const meta = { type: 'line', data: elements }
  const args = { index: 0, meta, cancelable: true }
  const hooks = combinedPoints as unknown as {
    beforeDatasetDraw(chart: unknown, args: unknown): void
    afterDatasetDraw(chart: unknown, args: unknown): void
  }
  hooks.beforeDatasetDraw(chart, args)
  const drawn = elements.map((element) => {
    const { ctx, calls } = recordingContext()
    element.draw(ctx, area)
    return calls
  })
  hooks.afterDatasetDraw(chart, args)
  return { elements, drawn }
}

/** The corners of the path drawn (moveTo and lineTo), as distances from the point's centre. */
const corners = (calls: { name: string; args: number[] }[], x: number, y: number) =>
  calls
    .filter((c) => c.name === 'moveTo' || c.name === 'lineTo')
    .map((c) => Math.round(Math.hypot(c.args[0]! - x, c.args[1]! - y) * 1000) / 1000)

describe('combined points', () => {
  it('are drawn as triangles, and other points as Chart.js draws them', () => {
    const { elements, drawn } = draw([
      { x: 50, y: 50, combined: true },
      { x: 100, y: 80 },
    ])
    // A triangle: three corners, each the combined radius from the centre.
    expect(corners(drawn[0]!, 50, 50)).toEqual([
      COMBINED_POINT_RADIUS,
      COMBINED_POINT_RADIUS,
      COMBINED_POINT_RADIUS,
    ])
    expect(drawn[0]!.some((c) => c.name === 'arc')).toBe(false)
    // A circle of the dataset's radius.
    expect(drawn[1]!.filter((c) => c.name === 'arc').map((c) => c.args.slice(0, 3))).toEqual([[100, 80, 2]])
    // Each point has its own (shared, frozen) options back once the dataset is drawn.
    for (const element of elements) expect(element.options).toBe(shared)
  })

  it('keep a larger radius where the point has one (hovered)', () => {
    const { drawn } = draw([{ x: 50, y: 50, combined: true }], { ...shared, radius: 6 })
    expect(corners(drawn[0]!, 50, 50)).toEqual([6, 6, 6])
  })
})
