/**
 * The pictures of an imported dataset's breakdown: the product treemap (the rows of the ranking table,
 * "other" included, as rectangles sized by value) and the partner world map (every partner the file
 * has, shaded by value on a logarithmic scale). One Chart.js configuration each, used by the screen and
 * by the PNG/SVG export (exportView.ts), as chartConfig.ts is for the time series. Pure: the chart
 * types are registered by components/charts/breakdownSetup.ts, loaded with the first picture.
 */
import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js'
import { toFont } from 'chart.js/helpers'
import type { Feature } from 'chartjs-chart-geo'
import type { Ranking } from '@shared/exploreApi'
import { chartFrame, decorationPlugins, type ChartText, type ExportDecoration } from './chartConfig'
import type { ChartTheme } from './chartTheme'
import { productColor } from './colors'
import { formatAmount, formatChange, formatPercent } from './format'

/** One rectangle of the treemap or one partner of the map: what the picture and its table show. */
export interface BreakdownItem {
  code: string
  /** In the reader's language where the app knows the code (countries), else the dataset's label. */
  label: string
  value: number
  share: number | null
  yoy: number | null
  /** Products: a finer HS level exists. */
  drill: boolean
  /** The "other" rectangle (everything below the top N). */
  other?: boolean
  /** Partners: the world atlas's id of the country's shape, or null where the atlas has none. */
  atlasId?: string | null
}

const percentOf = (part: number, total: number) => (total > 0 ? (part / total) * 100 : null)
const changeOf = (value: number, previous: number | null) =>
  previous !== null && previous > 0 ? (value / previous - 1) * 100 : null

/** The treemap's rectangles: exactly the ranking table's rows, then "other" (as the table sums it). */
export function treemapItems(ranking: Ranking, otherLabel: string): BreakdownItem[] {
  const items: BreakdownItem[] = ranking.rows.map((r) => ({
    code: r.code,
    label: r.label,
    value: r.value,
    share: r.share,
    yoy: r.yoy,
    drill: r.drill,
  }))
  if (ranking.other.count > 0 && ranking.other.value > 0)
    items.push({
      code: 'other',
      label: otherLabel,
      value: ranking.other.value,
      share: percentOf(ranking.other.value, ranking.total),
      yoy: changeOf(ranking.other.value, ranking.other.previous),
      drill: false,
      other: true,
    })
  // A rectangle cannot show a negative or zero amount: such rows stay in the table only.
  return items.filter((i) => i.value > 0)
}

/** What one item reads as, in the tooltip, the keyboard announcement and the table. */
export function describeItem(item: BreakdownItem, unit: string, text: ChartText): string[] {
  const lang = text.locale
  return [
    formatAmount(item.value, unit, lang),
    text.t('explore.breakdown.shareOf', {
      share: item.share === null ? '—' : formatPercent(item.share, lang, { digits: 1 }),
    }),
    item.yoy === null
      ? text.t('explore.breakdown.noChange')
      : text.t('explore.breakdown.change', { change: formatChange(item.yoy, lang) }),
  ]
}

/** Black or white text, whichever reads better on a `#rrggbb` colour. */
export function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  const luminance = 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
  return luminance > 0.35 ? '#111111' : '#ffffff'
}

/**
 * A line of text cut to fit a width, ending in an ellipsis ("HS 8517 Telephone sets, incl…"); '' when
 * not even one letter and the ellipsis fit. `measure` gives a text's drawn width.
 */
export function fitText(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text
  const cut = (n: number) => `${text.slice(0, n).trimEnd()}…`
  // The longest beginning that fits with its ellipsis.
  let [lo, hi] = [0, text.length - 1]
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measure(cut(mid)) <= width) lo = mid
    else hi = mid - 1
  }
  return lo > 0 ? cut(lo) : ''
}

/**
 * A treemap rectangle as the plugin hands it to its scriptable options, label formatter and tooltip:
 * the item in `_data`; for the formatter, also the rectangle (its width) and the chart's canvas.
 */
interface TreemapContext {
  type?: string
  raw?: { _data?: BreakdownItem }
  element?: { width?: number }
  chart?: { ctx?: Pick<CanvasRenderingContext2D, 'font' | 'measureText'> }
}
type Tip = TooltipItem<keyof import('chart.js').ChartTypeRegistry>
const itemOf = (ctx: TreemapContext | Tip | undefined) =>
  (ctx?.raw as TreemapContext['raw'] | undefined)?._data

/**
 * The treemap (chartjs-chart-treemap's "treemap" type, not in Chart.js's own type registry: see
 * shims/chartjs-chart-treemap.d.ts), typed as a plain configuration.
 */
export function treemapConfig(
  items: readonly BreakdownItem[],
  unit: string,
  theme: ChartTheme,
  text: ChartText,
  decoration?: ExportDecoration,
): ChartConfiguration {
  const colorOf = (item: BreakdownItem | undefined) =>
    !item || item.other ? '#888888' : productColor(item.code)
  // The name in bold, then the amount and share.
  const fonts = [{ size: 12, weight: 'bold' as const }, { size: 11 }]
  const [padding, border] = [4, 1]
  const config = {
    type: 'treemap',
    data: {
      datasets: [
        {
          label: text.t('explore.breakdown.treemap'),
          tree: items.map((i) => ({ ...i })) as unknown as Record<string, unknown>[],
          key: 'value',
          data: [],
          spacing: 1,
          borderWidth: border,
          borderColor: theme.surface,
          backgroundColor: (ctx: TreemapContext) =>
            ctx.type === 'data' ? colorOf(itemOf(ctx)) : 'transparent',
          labels: {
            display: true,
            overflow: 'hidden',
            position: 'top',
            align: 'left',
            padding,
            color: (ctx: TreemapContext) => textOn(colorOf(itemOf(ctx))),
            font: fonts,
            formatter: (ctx: TreemapContext) => {
              const item = itemOf(ctx)
              if (!item) return ''
              const share =
                item.share === null
                  ? ''
                  : ` · ${formatPercent(item.share, text.locale, { digits: 1, fixed: true })}`
              const lines = [item.label, `${formatAmount(item.value, unit, text.locale)}${share}`]
              // The plugin hides a label wider than its rectangle, and product names are long
              // ("HS 8517 Telephone sets, including smartphones…"): each line is cut to the width
              // inside the rectangle's border and the label's padding.
              const canvas = ctx.chart?.ctx
              const width = ctx.element?.width
              if (!canvas || width === undefined) return lines
              const fitted = lines.map((line, i) =>
                fitText(line, width - 2 * (padding + border), (s) => {
                  canvas.font = toFont(fonts[i]!).string
                  return canvas.measureText(s).width
                }),
              )
              return fitted[0] ? fitted.filter(Boolean) : ''
            },
          },
        },
      ],
    },
    options: {
      ...chartFrame(decoration),
      plugins: {
        legend: { display: false },
        ...decorationPlugins(theme, decoration),
        tooltip: {
          callbacks: {
            title: (tips: Tip[]) => itemOf(tips[0])?.label ?? '',
            label: (tip: Tip) => {
              const item = itemOf(tip)
              return item ? describeItem(item, unit, text) : ''
            },
          },
        },
      },
    },
  }
  return config as unknown as ChartConfiguration
}

/** The map's shading: light to dark on a light page, dark to light on a dark one (more is always bolder). */
function ramp(theme: ChartTheme): (t: number) => string {
  const dark = textOn(theme.surface.length === 7 ? theme.surface : '#ffffff') === '#ffffff'
  const [from, to] = dark
    ? [
        [31, 58, 82],
        [198, 226, 247],
      ]
    : [
        [214, 230, 244],
        [8, 48, 107],
      ]
  return (t) => {
    const k = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0
    const c = from.map((f, i) => Math.round(f + (to[i]! - f) * k))
    return `rgb(${c[0]}, ${c[1]}, ${c[2]})`
  }
}

/**
 * chartjs-chart-geo draws its colour legend moved to a corner of the chart area, and lays the legend's
 * scale out in its own coordinates from (0, 0): it sets the scale's left, right and bottom so, but
 * not its top, which Chart.js's layout leaves at the chart area's top. On an exported image, whose
 * title moves the chart area down, the tick labels were drawn that much below the bar, over the
 * sources line. The top is put where the rest of the legend's layout assumes it (a no-op on screen,
 * where the chart area starts at the top).
 */
const geoLegendAtOrigin: Plugin = {
  id: 'geoLegendAtOrigin',
  afterLayout(chart) {
    const scale = chart.scales.color
    if (scale) scale.top = 0
  },
}

/** The map's colour legend: its bar's height, and the room under the bar for its tick labels (px). */
const MAP_LEGEND = { bar: 10, below: 26 }

/** A power of ten (1, 10, 1e9…), allowing for floating-point error in the scale's tick values. */
export function isDecade(value: number): boolean {
  if (!(value > 0)) return false
  const exponent = Math.log10(value)
  return Math.abs(exponent - Math.round(exponent)) < 1e-9
}

/**
 * The ticks the map's colour legend labels: powers of ten only, at most four, evenly spaced in
 * decades and always including the largest, so no two labels meet on the 260 px bar however many
 * orders of magnitude the partners span.
 */
export function legendDecades(ticks: readonly number[]): Set<number> {
  const decades = ticks.filter(isDecade)
  const exponent = (v: number) => Math.round(Math.log10(v))
  const top = Math.max(...decades.map(exponent))
  const step = Math.ceil((top - Math.min(...decades.map(exponent)) + 1) / 4)
  return new Set(decades.filter((v) => (top - exponent(v)) % step === 0))
}

/**
 * The world map: every country shape of the atlas, shaded by the partner's value where the file has
 * trade with it (a logarithmic scale: trade spans six orders of magnitude), and in the page's border
 * colour where it has none (missing stays missing, never zero).
 */
export function mapConfig(
  features: readonly Feature[],
  items: readonly BreakdownItem[],
  unit: string,
  theme: ChartTheme,
  text: ChartText,
  decoration?: ExportDecoration,
): ChartConfiguration {
  const byAtlasId = new Map(items.filter((i) => i.atlasId && i.value > 0).map((i) => [i.atlasId!, i]))
  const itemAt = (index: number) => byAtlasId.get(String(features[index]?.id))
  const config = {
    type: 'choropleth',
    plugins: [geoLegendAtOrigin],
    data: {
      labels: features.map((f) => String(f.id ?? '')),
      datasets: [
        {
          label: text.t('explore.breakdown.map'),
          outline: { type: 'Sphere' },
          showOutline: true,
          // Each country's point, found by the build (scripts/worldAtlas.ts, centreOf): without it the
          // plugin projects every shape once more on each update to find its centroid.
          data: features.map((feature) => {
            const centre = feature.properties.centre as [number, number] | null | undefined
            return {
              feature,
              value: byAtlasId.get(String(feature.id))?.value ?? Number.NaN,
              ...(centre ? { center: { longitude: centre[0], latitude: centre[1] } } : {}),
            }
          }),
          borderColor: theme.surface,
          borderWidth: 0.5,
          outlineBorderColor: theme.grid,
        },
      ],
    },
    options: {
      ...chartFrame(decoration),
      plugins: {
        legend: { display: false },
        ...decorationPlugins(theme, decoration),
        tooltip: {
          filter: (tip: Tip) => itemAt(tip.dataIndex) !== undefined,
          callbacks: {
            title: (tips: Tip[]) => itemAt(tips[0]?.dataIndex ?? -1)?.label ?? '',
            label: (tip: Tip) => {
              const item = itemAt(tip.dataIndex)
              return item ? describeItem(item, unit, text) : ''
            },
          },
        },
      },
      scales: {
        // The map is fitted above the colour legend's band: Antarctica spans the whole bottom edge of an
        // Equal Earth map, so a legend in a bottom corner of the map's own area sat on land.
        projection: {
          axis: 'x',
          projection: 'equalEarth',
          padding: { top: 0, left: 0, right: 0, bottom: MAP_LEGEND.bar + MAP_LEGEND.below + 4 },
        },
        color: {
          axis: 'x',
          type: 'colorLogarithmic',
          interpolate: ramp(theme),
          missing: theme.grid,
          ticks: {
            color: theme.text,
            maxTicksLimit: 6,
            // Powers of ten only, at most four (legendDecades): between them the scale also puts 2, 5…
            // ($500 bn beside $1 tn on a one-partner map), and over eight decades Chart.js's own
            // thinning, which takes each label as centred on its tick, let "$100,000" run into "$10 mn"
            // on the 260 px bar. Each is whole in its scale word, so written without a decimal ($10 bn,
            // 1,000 万美元, not 1,000.0 万美元). Each label starts at its tick, so the first is not cut
            // by the canvas's left edge.
            autoSkip: false,
            align: 'start',
            callback: (value: number | string, _index: number, ticks?: readonly { value: number }[]) =>
              legendDecades(ticks ? ticks.map((t) => t.value) : [Number(value)]).has(Number(value))
                ? formatAmount(Number(value), unit, text.locale, { trimZeros: true })
                : '',
          },
          // Horizontal, bottom left, with room below for its tick labels.
          legend: {
            position: 'bottom-left',
            align: 'bottom',
            length: 260,
            width: MAP_LEGEND.bar,
            indicatorWidth: MAP_LEGEND.bar,
            // On an exported image, in line with its title and sources (the chart area's left padding).
            margin: { left: decoration ? 16 : 8, top: 0, right: 0, bottom: MAP_LEGEND.below },
          },
        },
      },
    },
  }
  return config as unknown as ChartConfiguration
}
