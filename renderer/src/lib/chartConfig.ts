/**
 * The Chart.js configuration for a chart model: one function, used by the on-screen chart and by the
 * PNG/SVG export, so an export is exactly what the user saw (plus title, units and sources).
 *
 * Performance: data is given in Chart.js's internal `{ x, y }` form with `parsing: false` and a linear
 * x axis of period indexes, so long series can be decimated; nothing animates on data changes.
 */
import type { Chart, ChartConfiguration, ChartDataset, LegendItem, TooltipItem } from 'chart.js'
import type { AnnotationOptions } from 'chartjs-plugin-annotation'
import type { Series, SeriesPoint, Source } from '@shared/api'
import {
  axisSpan,
  formatPeriod,
  monthIndex,
  monthName,
  monthOf,
  periodBounds,
  quarterOf,
} from '@shared/periods'
import type { ViewState } from '@shared/viewState'
import { MIN_BAR_WIDTH } from './barWidth'
import { byYear, readingOf, valueGrid, type ChartModel, type Reading } from './chartModel'
import type { ChartTheme } from './chartTheme'
import { colorOf, yearColor } from './colors'
import { axisTickLabel, formatPrinted, formatValue, unitLabel } from './format'
import { pointNoteText } from './pointNotes'
import type { References } from '../stores/explorer'
import { JAN_FEB_AVERAGE_NOTE, type TPoint } from './transforms'
import type { ChartNote } from './snapshotModel'
import { STREAK_RULES } from './presets'
import { findStreaks } from './streaks'

export interface ChartText {
  t: (key: string, values?: Record<string, unknown>) => string
  locale: string
  /** A period as the reader's language writes it (`Nov 2025`, `2025年11月`). */
  period: (period: string) => string
}

/** A value axis's ticks: compact in the reader's language, with the fewest decimals that tell them apart. */
export function valueTicks(color: string, locale: string, unit: string) {
  return {
    color,
    callback: (value: string | number, _index: number, ticks: { value: number }[]) =>
      axisTickLabel(
        Number(value),
        ticks.map((tick) => tick.value),
        locale,
        unit,
      ),
  }
}

/** The chart's text in the reader's language, from vue-i18n's `t` and locale. */
export function chartText(
  t: (key: string, values: Record<string, unknown>) => string,
  locale: string,
): ChartText {
  return { t: (key, values) => t(key, values ?? {}), locale, period: (p) => formatPeriod(p, locale) }
}

export interface ExportDecoration {
  title: string
  subtitle: string
  footer: string[]
}

/** A drawn point; `combined`: January and February published together, drawn as a triangle (chartSetup.ts). */
type XY = { x: number; y: number | null; combined?: true }
type Config = ChartConfiguration<'line' | 'bar', XY[]>

/** Source names a tooltip line lists before "and n more". */
const MAX_TOOLTIP_SOURCES = 3
/** The widest a tooltip's text may be, in CSS pixels (narrower on a narrow chart). */
const MAX_TOOLTIP_TEXT = 340
/** The tooltip's body font size, set in the configuration and used to measure its lines. */
const TOOLTIP_FONT_SIZE = 12
/** A streak band's label font size (bold): set on the label, and used to wrap it and keep room for it. */
const STREAK_FONT_SIZE = 11

export function buildChartConfig(
  model: ChartModel,
  view: ViewState,
  refs: References,
  theme: ChartTheme,
  text: ChartText,
  decoration?: ExportDecoration,
  /** Notes drawn on the chart (a point: marker and label; a range: a box). Not drawn on the year-to-date-by-year chart. */
  notes: readonly ChartNote[] = [],
  /**
   * The plot's width in CSS pixels, where known: bars too thin at it are drawn as lines or areas
   * (`drawnChart`); or the chart drawnChart chose for it (a page that follows its plot's width as it
   * is resized builds the chart again only when that choice changes).
   */
  plotWidth?: number | DrawnChart,
): Config {
  if (view.chart === 'ytdByYear') return ytdByYearConfig(model, refs, theme, text, decoration)
  const drawn =
    plotWidth === undefined
      ? view.chart
      : typeof plotWidth === 'number'
        ? drawnChart(model, view, plotWidth)
        : plotWidth
  const chart = drawn === 'shareArea' ? 'share' : drawn
  return timeConfig(model, { ...view, chart }, theme, text, decoration, notes, drawn === 'shareArea')
}

/** Of the room between periods, the share a group of bars takes, and of a group's room the share a bar takes. */
const CATEGORY_PERCENTAGE = 0.9
const BAR_PERCENTAGE = 0.9

/** How a chart is drawn: a chart type, or the 100% share chart as areas (`shareArea`, its bars too thin). */
export type DrawnChart = ViewState['chart'] | 'shareArea'

/**
 * The chart drawn for a view on a plot `plotWidth` pixels wide: the view's own, except that bars which
 * would be thinner than MIN_BAR_WIDTH are drawn as lines (grouped bars), stacked areas (stacked bars)
 * or 100% stacked areas (the share chart), which show the same numbers the same way; the page says so
 * (a hundred months of three series at 1024 px made bars under 2 px wide, and the share chart of all
 * the monthly data 2.6 px).
 */
export function drawnChart(model: ChartModel, view: ViewState, plotWidth: number): DrawnChart {
  if (view.chart !== 'bar' && view.chart !== 'stackedBar' && view.chart !== 'share') return view.chart
  const width = thinnestBar(model, view, plotWidth)
  if (width === null || width >= MIN_BAR_WIDTH) return view.chart
  return view.chart === 'bar' ? 'line' : view.chart === 'stackedBar' ? 'stackedArea' : 'shareArea'
}

/**
 * The bars' width on a plot `plotWidth` pixels wide, worked out as Chart.js sizes them on this chart's
 * x axis (computeMinSampleSize, computeFitCategoryTraits): every bar gets the room of the two closest
 * periods (a combined January–February sits half a month from a January published alone), a lone bar
 * the whole axis; null without bars. ('flex' sizing, each bar from its own neighbours, was tried: a
 * missing year stretched and shifted the groups beside it, off their years.)
 */
export function thinnestBar(model: ChartModel, view: ViewState, plotWidth: number): number | null {
  const xs = model.periods.map((p) => xOf(p, view.frequency)).sort((a, b) => a - b)
  const groups =
    view.chart === 'bar'
      ? model.series.filter((s) => !s.projection && !view.hidden.includes(s.key)).length
      : 1
  if (!xs.length || !groups) return null
  const half = view.frequency === 'year' ? 6 : 0.5
  const range = xs.at(-1)! - xs[0]! + 2 * half
  const room = Math.min(range, ...xs.slice(1).map((x, i) => x - xs[i]!))
  return (((room * plotWidth) / range) * CATEGORY_PERCENTAGE * BAR_PERCENTAGE) / groups
}

function timeConfig(
  model: ChartModel,
  view: ViewState,
  theme: ChartTheme,
  text: ChartText,
  decoration?: ExportDecoration,
  notes: readonly ChartNote[] = [],
  /** The share chart's columns drawn as 100% stacked areas (drawnChart's `shareArea`). */
  shareAsAreas = false,
): Config {
  const grid = valueGrid(model)
  const share = view.chart === 'share'
  const stacked = view.chart === 'stackedBar' || view.chart === 'stackedArea' || share
  const areas = view.chart === 'stackedArea' || (share && shareAsAreas)
  const type = view.chart === 'bar' || view.chart === 'stackedBar' || (share && !areas) ? 'bar' : 'line'
  const shares = stackedValues(grid, model, view)
  const monthly = view.frequency === 'month'
  // Annual data has one tick per year, mid-year; months, quarters and year-to-date figures a monthly
  // time axis (quarters ticked at their middle month, named as quarters).
  const monthAxis = view.frequency !== 'year'
  const quarterly = view.frequency === 'quarter'

  // x is time: the middle month of each period (a year-to-date figure: the month it runs to), so gaps
  // in time look like gaps and years are not squeezed together. A line breaks where no period follows
  // on from the one before.
  const xs = model.periods.map((period) => xOf(period, view.frequency))
  const breaks = type === 'line' ? gapsBetween(model.periods) : []
  const pointAt: (TPoint | null)[][] = []
  const lastObserved = lastObservedIndex(grid[0] ?? [])
  const datasets: ChartDataset<'line' | 'bar', XY[]>[] = model.series.map((s, i) => {
    const color = colorOf(s.selection, view)
    const values = shares?.[i] ?? grid[i]!.map((p) => p?.value ?? null)
    // A projection starts from the last observed value, so the dashed line continues the data.
    if (s.projection && lastObserved >= 0) values[lastObserved] = grid[0]![lastObserved]!.value
    const rows = [
      ...values.map((y, j) => ({ xy: { x: xs[j]!, y }, point: grid[i]![j] ?? null })),
      ...(s.projection ? [] : breaks.map((x) => ({ xy: { x, y: null }, point: null }))),
    ].sort((a, b) => a.xy.x - b.xy.x)
    pointAt.push(rows.map((r) => r.point))
    if (s.projection)
      return {
        type: 'line',
        label: s.label,
        data: rows.map((r) => r.xy),
        borderColor: theme.muted,
        backgroundColor: theme.surface,
        borderDash: [6, 4],
        borderWidth: 2,
        pointRadius: rows.map((r) => (r.point ? 5 : 0)),
        pointStyle: 'rectRot',
        hidden: view.hidden.includes(s.key),
        spanGaps: true,
      } as ChartDataset<'line' | 'bar', XY[]>
    // China's customs publish January and February combined: that point is marked, and drawn as a
    // triangle (chartSetup.ts, combinedPoints); the point options stay plain values, shared by all points.
    return {
      type,
      label: s.label,
      data: rows.map((r) =>
        type === 'line' && monthly && r.point?.period.includes('..') ? { ...r.xy, combined: true } : r.xy,
      ),
      borderColor: color,
      backgroundColor: areas ? `${color}99` : color,
      fill: areas ? (i === 0 ? 'origin' : '-1') : false,
      hidden: view.hidden.includes(s.key),
      borderWidth: type === 'line' ? 2 : 0,
      pointRadius: type === 'line' ? 2 : undefined,
      pointStyle: type === 'line' ? 'circle' : undefined,
      barPercentage: BAR_PERCENTAGE,
      categoryPercentage: CATEGORY_PERCENTAGE,
      spanGaps: false,
    } as ChartDataset<'line' | 'bar', XY[]>
  })

  const annotations: Record<string, AnnotationOptions> = {}
  const streaks = findStreaks(model, view, STREAK_RULES)
  // Wrapped to the plot's width (before the chart's first layout, to the chart's).
  const streakLines = (chart: Chart, i: number) => {
    const { rule, label, length, from, to } = streaks[i]!
    return fitText(
      chart,
      [
        text.t(rule.direction === 'atOrBelow' ? 'explorer.streakBelow' : 'explorer.streakAbove', {
          series: label,
          n: length,
          threshold: formatValue(rule.threshold, model.unit, text.locale),
          min: rule.minLength,
          from: text.period(model.periods[from]!),
          to: text.period(model.periods[to]!),
        }),
      ],
      Math.min(MAX_TOOLTIP_TEXT, (chart.chartArea?.width ?? chart.width) - 20),
      `bold ${STREAK_FONT_SIZE}px`,
    )
  }
  streaks.forEach((streak, i) => {
    annotations[`streak-${i}`] = {
      type: 'box',
      xMin: xs[streak.from]! - 0.5,
      xMax: xs[streak.to]! + 0.5,
      backgroundColor: 'rgba(213, 94, 0, 0.08)',
      borderColor: 'rgba(213, 94, 0, 0.5)',
      borderWidth: 1,
      label: {
        display: true,
        // Anchored at the band's inner end and the plot's top (kept free for it: the y axis), so the
        // label stays on the chart and over no series.
        content: ({ chart }) => streakLines(chart, i),
        position: { x: streak.from + streak.to > model.periods.length ? 'end' : 'start', y: 'start' },
        color: theme.text,
        font: { size: STREAK_FONT_SIZE },
      },
    }
  })

  const noteMarks = noteAnnotations(
    notes,
    model,
    view,
    xs,
    shares ?? grid.map((row) => row.map((p) => p?.value ?? null)),
    theme,
  )
  Object.assign(annotations, noteMarks)
  const markers = Object.values(noteMarks).filter((a) => a.type === 'point')
  const markerXs = markers.map((a) => a.xValue as number)
  const markerYs = markers.map((a) => a.yValue as number)

  // A year-to-date axis starts at the January of its first year, so every point has its year's tick.
  const allX =
    view.frequency === 'ytd'
      ? [...xs, ...model.periods.map((p) => monthIndex(periodBounds(p)?.start ?? ''))]
      : xs
  const half = monthAxis ? 0.5 : 6
  const min = allX.length ? Math.min(...allX) - half : 0
  const max = allX.length ? Math.max(...allX) + half : 1
  const findPoint = (datasetIndex: number, dataIndex: number) => pointAt[datasetIndex]?.[dataIndex] ?? null

  return {
    type,
    data: { datasets },
    options: {
      ...common(theme, decoration),
      parsing: false,
      normalized: true,
      scales: {
        x: {
          type: 'linear',
          min,
          max,
          offset: false,
          stacked,
          // On its tick: Chart.js shifts a bar chart's grid lines half a step (grid.offset), so a year's
          // line stood mid-year, away from its label.
          grid: { color: theme.grid, offset: false },
          // A note's ring on the first or last period reached past the plot, where the annotation plugin
          // clips it: half a period is a few pixels on a long monthly chart. The axis is widened by the
          // ring's pixels (the axis's width is known here, before the layout settles the plot).
          afterDataLimits: (axis) => {
            const shown = markerXs.filter((x) => x >= axis.min && x <= axis.max)
            Object.assign(axis, rangeWithRoom(axis.min, axis.max, shown, NOTE_MARKER_ROOM, axis.width))
          },
          // No data, no periods: an empty chart never labels its axis with made-up ones; nor does the
          // room kept for a note's ring get a tick of its own.
          afterBuildTicks: (axis) => {
            const ticks = allX.length
              ? timeTicks(axis.min, Math.min(axis.max, max), monthAxis, quarterly)
              : []
            const label = (value: number) => tickLabel(value, monthAxis, max - min, text, quarterly)
            axis.ticks = (monthAxis && !quarterly ? spacedTicks(ticks, axis, label) : ticks).map((value) => ({
              value,
            }))
          },
          ticks: {
            color: theme.muted,
            maxRotation: 0,
            autoSkip: false,
            callback: (value) => tickLabel(value as number, monthAxis, max - min, text, quarterly),
          },
        },
        y: {
          stacked,
          // Stacked areas and bars are read from zero: a cut axis would misstate every layer's size.
          beginAtZero: stacked || type === 'bar',
          max: share ? 100 : undefined,
          // Room above the highest value for the streaks' labels, drawn across the top of the plot:
          // Africa's rates ran through the US run's label.
          afterDataLimits: (axis) => {
            if (share) return
            // A ring on the highest (or lowest) value, where the axis ends on it, is cut like one at
            // the side (China's 16.5% share projected for 2030 sits on the top line).
            Object.assign(axis, rangeWithRoom(axis.min, axis.max, markerYs, NOTE_MARKER_ROOM, axis.height))
            if (!streaks.length) return
            const lines = Math.max(...streaks.map((_, i) => streakLines(axis.chart, i).length))
            // The label's lines (Chart.js's line height 1.2), its padding and offset from the top, a gap.
            const room = lines * STREAK_FONT_SIZE * 1.2 + 22
            // The plot's height: the last layout's, or before the first one the chart's less its legend and axis.
            const plot = axis.chart.chartArea?.height ?? axis.chart.height - 100
            const part = Math.min(0.5, room / Math.max(plot, 1))
            axis.max += ((axis.max - axis.min) * part) / (1 - part)
          },
          grid: { color: theme.grid },
          ticks: valueTicks(theme.muted, text.locale, model.unit),
          title: {
            display: true,
            text: share ? text.t('explorer.shareAxis') : unitLabel(model.unit, text.locale, text.period),
            color: theme.muted,
          },
        },
      },
      plugins: {
        ...commonPlugins(theme, decoration),
        decimation: {
          enabled: type === 'line' && !stacked,
          algorithm: 'lttb',
          samples: 800,
          threshold: 1600,
        },
        annotation: { annotations },
        zoom: {
          limits: { x: { min, max, minRange: monthAxis ? 3 : 24 } },
          pan: { enabled: !decoration, mode: 'x' },
          zoom: { wheel: { enabled: !decoration }, pinch: { enabled: !decoration }, mode: 'x' },
        },
        tooltip: {
          bodyFont: { size: TOOLTIP_FONT_SIZE },
          footerFont: { size: TOOLTIP_FONT_SIZE, weight: 'normal' },
          filter: (item) => item.parsed.y !== null,
          callbacks: {
            title: (items) => {
              const item = items[0]
              const point = item ? findPoint(item.datasetIndex, item.dataIndex) : null
              return point ? text.period(point.period) : ''
            },
            label: (item: TooltipItem<'line' | 'bar'>) => {
              const point = findPoint(item.datasetIndex, item.dataIndex)
              const shown = share
                ? text.t('explorer.shareOfShown', {
                    value: formatValue(item.parsed.y as number, '%', text.locale),
                  })
                : formatValue(point?.value ?? (item.parsed.y as number | null), model.unit, text.locale)
              return fitTooltip(item.chart, [
                text.t('app.labelledValue', { label: item.dataset.label, value: shown }),
              ])
            },
            afterLabel: (item: TooltipItem<'line' | 'bar'>) => {
              const point = findPoint(item.datasetIndex, item.dataIndex)
              const series = model.series[item.datasetIndex]
              const lines = describePoint(point, model.sources, text, readingOf(series, point))
              // A computed value rests on the reading shown for each period; say where the others are.
              if (point?.kind === 'computed' && point.value !== null && series?.readingsBehindComputed)
                lines.push(
                  text.t('explorer.readings.computedTooltip', { none: text.t('explorer.transforms.none') }),
                )
              return fitTooltip(item.chart, lines)
            },
            footer: (items) =>
              fitTooltip(items[0]!.chart, [
                sourcesLine(
                  items.map((item) => findPoint(item.datasetIndex, item.dataIndex)),
                  model.sources,
                  text,
                ),
              ]),
          },
        },
      },
    },
  }
}

/**
 * The values a stacked chart draws: a stack only where every series shown has a value (a missing one
 * would silently lower it), shares of the column on the share chart; null for an unstacked chart.
 */
function stackedValues(
  grid: (TPoint | null)[][],
  model: ChartModel,
  view: ViewState,
): (number | null)[][] | null {
  if (view.chart === 'share') return shareGrid(grid, model, view)
  if (view.chart === 'stackedBar' || view.chart === 'stackedArea') return completeColumns(grid, model, view)
  return null
}

type NotePlace = { kind: 'point'; at: number; y: number } | { kind: 'range'; from: number; to: number }

/**
 * Where a note is drawn among the chart's periods, or null where it is not: a point needs its series
 * shown and a value at its very period (a monthly note has no place on an annual chart), a range needs
 * periods of the chart inside it.
 */
function notePlace(
  note: ChartNote,
  model: ChartModel,
  view: ViewState,
  values: (number | null)[][],
): NotePlace | null {
  if (note.kind === 'point') {
    const i = model.series.findIndex((s) => s.key === note.series)
    const at = model.periods.indexOf(note.period)
    const y = i >= 0 && at >= 0 ? values[i]?.[at] : null
    if (i < 0 || at < 0 || y === null || y === undefined || view.hidden.includes(note.series)) return null
    return { kind: 'point', at, y }
  }
  const start = periodBounds(note.from)?.start
  const end = periodBounds(note.to)?.end
  if (!start || !end) return null
  const from = model.periods.findIndex((p) => (periodBounds(p)?.end ?? '') >= start)
  const to = model.periods.reduce((last, p, k) => ((periodBounds(p)?.start ?? '9999') <= end ? k : last), -1)
  return from < 0 || to < from ? null : { kind: 'range', from, to }
}

/**
 * The ids of the notes the chart of this model and view draws (the same rule as the chart's
 * annotations), so a list of notes says "on the chart" of exactly those.
 */
export function drawnNoteIds(notes: readonly ChartNote[], model: ChartModel, view: ViewState): Set<string> {
  if (view.chart === 'ytdByYear') return new Set()
  const grid = valueGrid(model)
  const values = stackedValues(grid, model, view) ?? grid.map((row) => row.map((p) => p?.value ?? null))
  return new Set(notes.filter((n) => notePlace(n, model, view, values)).map((n) => n.id))
}

/**
 * The bars a chart drew (of the datasets shown) and the thinnest one's width in pixels, as the page
 * reports them for its tests: a bar a pixel or two wide cannot be read.
 */
export function drawnBars(chart: Chart): { count: number; thinnest: number | null } {
  const widths = chart.data.datasets.flatMap((dataset, i) => {
    const meta = chart.getDatasetMeta(i)
    if (meta.type !== 'bar' || !chart.isDatasetVisible(i)) return []
    // A missing value has no bar (Chart.js keeps an element of no height for it).
    const values = dataset.data as ({ y: number | null } | number | null)[]
    return meta.data.flatMap((bar, j) => {
      const value = values[j]
      const y = value !== null && typeof value === 'object' ? value.y : value
      return y === null || y === undefined ? [] : [bar.getProps(['width'], true).width as number]
    })
  })
  return {
    count: widths.length,
    thinnest: widths.length ? Math.round(Math.min(...widths) * 10) / 10 : null,
  }
}

/** A point note's ring: its radius and line width, in CSS pixels. */
const NOTE_MARKER_RADIUS = 7
const NOTE_MARKER_BORDER = 2
/** The pixels a ring reaches from its centre (its line is drawn half outside the radius), and one spare. */
const NOTE_MARKER_ROOM = NOTE_MARKER_RADIUS + NOTE_MARKER_BORDER / 2 + 1

/** How far a note's label sits from its point, and half its height (11 px text, 4 px padding, its border). */
const NOTE_LABEL_OFFSET = 42
const NOTE_LABEL_HALF_HEIGHT = 12

/**
 * A note's label offset from its point at `value`: on the `preferred` side (−1 above, 1 below), or on
 * the other where only that one keeps the label inside the plot, which the annotation plugin clips to.
 */
function noteLabelOffset(chart: Chart, value: number, preferred: -1 | 1): number {
  const scale = chart.scales.y
  const area = chart.chartArea
  if (!scale || !area) return preferred * NOTE_LABEL_OFFSET
  const at = scale.getPixelForValue(value)
  const reach = NOTE_LABEL_OFFSET + NOTE_LABEL_HALF_HEIGHT
  const fits = (side: -1 | 1) => (side < 0 ? at - reach >= area.top : at + reach <= area.bottom)
  const side = fits(preferred) || !fits(-preferred as -1 | 1) ? preferred : -preferred
  return side * NOTE_LABEL_OFFSET
}

/**
 * The axis range `min`..`max`, widened where needed so that `room` pixels either side of each of `xs`
 * lie inside an axis `width` pixels long. Widening shrinks the pixels per unit, so the widening is
 * worked out again on the widened range until it settles (a handful of rounds: the room is a few
 * pixels of hundreds).
 */
export function rangeWithRoom(
  min: number,
  max: number,
  xs: readonly number[],
  room: number,
  width: number,
): { min: number; max: number } {
  if (!xs.length || !(width > 4 * room) || !(max > min)) return { min, max }
  const low = Math.min(...xs)
  const high = Math.max(...xs)
  let range = { min, max }
  for (let round = 0; round < 8; round++) {
    const perPixel = (range.max - range.min) / width
    range = { min: Math.min(min, low - room * perPixel), max: Math.max(max, high + room * perPixel) }
  }
  return range
}

/** The user's notes as annotations: a ringed point with a label for a point, a shaded box for a range. Labels are plain text drawn on the canvas. */
function noteAnnotations(
  notes: readonly ChartNote[],
  model: ChartModel,
  view: ViewState,
  xs: number[],
  values: (number | null)[][],
  theme: ChartTheme,
): Record<string, AnnotationOptions> {
  const out: Record<string, AnnotationOptions> = {}
  const flaggedColor = '#c0392b'
  notes.forEach((note, n) => {
    const color = note.flagged ? flaggedColor : theme.text
    const content = note.flagged ? `⚠ ${note.label}` : note.label
    const place = notePlace(note, model, view, values)
    if (!place) return
    if (place.kind === 'point') {
      const { at: j, y } = place
      out[`note-${note.id}`] = {
        type: 'point',
        xValue: xs[j]!,
        yValue: y,
        radius: NOTE_MARKER_RADIUS,
        borderColor: color,
        borderWidth: NOTE_MARKER_BORDER,
        backgroundColor: 'rgba(0, 0, 0, 0)',
      }
      out[`note-${note.id}-label`] = {
        type: 'label',
        xValue: xs[j]!,
        yValue: y,
        // Alternate above and below so neighbouring notes do not sit on each other; on the other side
        // where that one has no room (a note on a peak had its label cut off at the plot's top).
        yAdjust: ({ chart }) => noteLabelOffset(chart, y, n % 2 === 0 ? -1 : 1),
        // In the right half the label extends to the left of its point, so it stays inside the chart.
        position: { x: j > model.periods.length / 2 ? 'end' : 'start', y: 'center' },
        content,
        color,
        backgroundColor: theme.surface,
        borderColor: color,
        borderWidth: 1,
        borderRadius: 4,
        padding: 4,
        font: { size: 11 },
        callout: { display: true, borderColor: color, margin: 2 },
      }
      return
    }
    const { from, to } = place
    out[`note-${note.id}`] = {
      type: 'box',
      xMin: xs[from]! - 0.5,
      xMax: xs[to]! + 0.5,
      backgroundColor: note.flagged ? 'rgba(192, 57, 43, 0.10)' : 'rgba(0, 114, 178, 0.08)',
      borderColor: note.flagged ? flaggedColor : 'rgba(0, 114, 178, 0.5)',
      borderWidth: 1,
      borderDash: [4, 3],
      label: { display: true, content, position: { x: 'start', y: 'end' }, color, font: { size: 11 } },
    }
  })
  return out
}

/**
 * The x position of a period: the middle of the months it covers, so it lies inside its own time span.
 * A year-to-date figure (`2025-01..2025-11` at frequency `ytd`) is a running total *as of* its last
 * month: it sits at that month, inside the year it belongs to.
 */
export function xOf(period: string, frequency: ViewState['frequency'] = 'month'): number {
  const span = axisSpan(period)
  if (!span) return Number.NaN
  return frequency === 'ytd' ? span.to - 0.5 : span.middle
}

/** x positions where the time series has a hole (a period does not follow on from the one before). */
function gapsBetween(periods: readonly string[]): number[] {
  const out: number[] = []
  for (let i = 1; i < periods.length; i++) {
    const prev = periodBounds(periods[i - 1]!)
    const next = periodBounds(periods[i]!)
    if (prev && next && monthIndex(next.start) > monthIndex(prev.end) + 1) out.push(monthIndex(prev.end) + 1)
  }
  return out
}

/** Ticks at the start of each year (or quarter, on short ranges; mid-year for annual data), at most ~12. */
export function timeTicks(min: number, max: number, monthly: boolean, quarterly = false): number[] {
  const span = max - min
  if (!monthly) {
    const first = Math.ceil((min - 5.5) / 12)
    const years = Array.from(
      { length: Math.max(0, Math.floor((max - 5.5) / 12) - first + 1) },
      (_, i) => (first + i) * 12 + 5.5,
    )
    const step = Math.ceil(years.length / 12)
    return years.filter((_, i) => i % step === 0)
  }
  const ticks: number[] = []
  if (quarterly && span <= 36) {
    // Each quarter's tick at its middle month (where its point is drawn): index ≡ 1 (mod 3).
    for (let m = Math.ceil((min - 1) / 3) * 3 + 1; m <= max; m += 3) ticks.push(m)
    return ticks
  }
  const every = span > 36 ? 12 * Math.ceil(span / 12 / 12) : span > 12 ? 3 : 1
  for (let m = Math.ceil(min / every) * every; m <= max; m += every) ticks.push(m)
  return ticks
}

/** The least room between two tick labels, in CSS pixels. */
const TICK_LABEL_GAP = 10

/**
 * Of a month axis's ticks, every 3, 6 or 12 months, as far apart as their labels need not to touch:
 * Chinese month labels are wider than English ones ("2024年10月"), and every third month at 1024 px ran
 * them into each other. Left as they are where the axis cannot measure text (before it is drawn).
 */
function spacedTicks(
  ticks: number[],
  axis: { ctx?: CanvasRenderingContext2D; width?: number; min: number; max: number; options?: unknown },
  label: (value: number) => string,
): number[] {
  const ctx = axis.ctx
  if (!ctx || !axis.width || ticks.length < 2 || axis.max <= axis.min) return ticks
  const font = (axis.options as { ticks?: { font?: { size?: number; family?: string } } } | undefined)?.ticks
    ?.font
  ctx.save()
  if (font?.size && font.family) ctx.font = `${font.size}px ${font.family}`
  const widest = Math.max(...ticks.map((t) => ctx.measureText(label(t)).width))
  ctx.restore()
  const perMonth = axis.width / (axis.max - axis.min)
  const step = ticks[1]! - ticks[0]!
  const every = [1, 3, 6, 12].find(
    (e) => e >= step && e % step === 0 && e * perMonth >= widest + TICK_LABEL_GAP,
  )
  return every === step ? ticks : ticks.filter((t) => t % (every ?? 12) === 0)
}

function tickLabel(
  value: number,
  monthly: boolean,
  span: number,
  text: ChartText,
  quarterly = false,
): string {
  const month = monthOf(Math.floor(value))
  if (!monthly || span > 36) return month.slice(0, 4)
  return text.period(quarterly ? quarterOf(month) : month)
}

/** The index of the last period with a value (where a projection's dashed line starts), or -1. */
function lastObservedIndex(row: readonly (TPoint | null)[]): number {
  for (let j = row.length - 1; j >= 0; j--)
    if (row[j]?.kind !== 'projected' && row[j]?.value != null) return j
  return -1
}

function ytdByYearConfig(
  model: ChartModel,
  refs: References,
  theme: ChartTheme,
  text: ChartText,
  decoration?: ExportDecoration,
): Config {
  const first = model.series[0]
  const years = first ? [...byYear(first.points).entries()].sort(([a], [b]) => a.localeCompare(b)) : []
  const rows = years.map(([, row]) => row)
  const datasets = years.map(([year, row], i) => ({
    type: 'line' as const,
    label: year,
    data: row.map((p, x) => ({ x, y: p?.value ?? null })),
    borderColor: yearColor(i, years.length),
    backgroundColor: yearColor(i, years.length),
    borderWidth: i === years.length - 1 ? 3 : 1.5,
    pointRadius: row.map((p) => (p ? (p.kind === 'published' ? 4 : 2) : 0)),
    pointStyle: row.map((p) => (p?.kind === 'published' ? 'rectRot' : 'circle')),
    spanGaps: false,
  }))

  const annotations: Record<string, AnnotationOptions> = {}
  const record = previousRecord(refs.annual, years.at(-1)?.[0])
  if (record) {
    annotations.record = {
      type: 'line',
      yMin: record.value,
      yMax: record.value,
      borderColor: theme.text,
      borderWidth: 1.5,
      borderDash: [6, 4],
      label: {
        display: true,
        content: text.t('explorer.record', {
          year: record.year,
          value: formatValue(record.value, model.unit, text.locale),
        }),
        position: 'start',
        backgroundColor: theme.surface,
        color: theme.text,
        font: { size: 11 },
      },
    }
  }

  return {
    type: 'line',
    data: { datasets },
    options: {
      ...common(theme, decoration),
      parsing: false,
      normalized: true,
      scales: {
        x: {
          type: 'linear',
          min: -0.5,
          max: 11.5,
          grid: { color: theme.grid },
          afterBuildTicks: (axis) => {
            axis.ticks = model.periods.length ? Array.from({ length: 12 }, (_, value) => ({ value })) : []
          },
          ticks: {
            color: theme.muted,
            autoSkip: false,
            callback: (value) => monthName(Number(value) + 1, text.locale),
          },
        },
        y: {
          grid: { color: theme.grid },
          ticks: valueTicks(theme.muted, text.locale, model.unit),
          title: { display: true, text: unitLabel(model.unit, text.locale, text.period), color: theme.muted },
        },
      },
      plugins: {
        ...commonPlugins(theme, decoration),
        annotation: { annotations },
        tooltip: {
          bodyFont: { size: TOOLTIP_FONT_SIZE },
          footerFont: { size: TOOLTIP_FONT_SIZE, weight: 'normal' },
          callbacks: {
            title: (items) => (items[0] ? monthName((items[0].parsed.x as number) + 1, text.locale) : ''),
            label: (item) =>
              fitTooltip(item.chart, [
                text.t('app.labelledValue', {
                  label: item.dataset.label,
                  value: formatValue(item.parsed.y as number, model.unit, text.locale),
                }),
              ]),
            afterLabel: (item) =>
              fitTooltip(
                item.chart,
                describePoint(
                  rows[item.datasetIndex]?.[item.parsed.x as number] ?? null,
                  model.sources,
                  text,
                ),
              ),
            footer: (items) =>
              fitTooltip(items[0]!.chart, [
                sourcesLine(
                  items.map((item) => rows[item.datasetIndex]?.[item.parsed.x as number] ?? null),
                  model.sources,
                  text,
                ),
              ]),
          },
        },
      },
    },
  }
}

/**
 * The themed base every other chart builds on (the calculators' charts among them): sizing, no
 * animation, text, legend and title in the theme's colours.
 */
export function themedBase(theme: ChartTheme) {
  return { ...common(theme), plugins: commonPlugins(theme) }
}

/** An axis in the theme's colours, with its title (a unit in the reader's language) when given. */
export function themedAxis(theme: ChartTheme, title?: string) {
  return {
    grid: { color: theme.grid },
    ticks: { color: theme.muted },
    ...(title ? { title: { display: true, text: title, color: theme.muted } } : {}),
  }
}

/**
 * How every chart of the app sits in its box: on screen it follows its container; an exported image
 * has the export's fixed size and keeps its title, legend and footer off the image's edges.
 */
export function chartFrame(decoration?: ExportDecoration) {
  return {
    responsive: !decoration,
    maintainAspectRatio: false,
    animation: false as const,
    layout: { padding: decoration ? { left: 16, right: 16, top: 8, bottom: 8 } : 0 },
  }
}

/**
 * An exported image's plot width, near enough for `drawnChart`: the image less its side padding
 * (`chartFrame`) and some 70 px for the value axis.
 */
export function exportPlotWidth(width: number): number {
  return width - 32 - 70
}

function common(theme: ChartTheme, decoration?: ExportDecoration) {
  return {
    ...chartFrame(decoration),
    interaction: { mode: 'nearest' as const, axis: 'x' as const, intersect: false },
    color: theme.text,
  }
}

/** Legend, and on an exported image its title and its footer (units, period, sources). */
export function commonPlugins(theme: ChartTheme, decoration?: ExportDecoration) {
  return {
    legend: {
      position: 'bottom' as const,
      labels: {
        color: theme.text,
        usePointStyle: true,
        generateLabels: (chart: Chart) => legendItems(chart, theme),
      },
    },
    ...decorationPlugins(theme, decoration),
  }
}

/**
 * An exported image's title (top) and its units, period, sources and notes (bottom), drawn by Chart.js's
 * Title and SubTitle plugins; hidden on screen, where the page shows them. Every chart of the app,
 * time series and breakdowns alike (breakdownCharts.ts), decorates its exports through this.
 */
export function decorationPlugins(theme: ChartTheme, decoration?: ExportDecoration) {
  return {
    title: {
      display: !!decoration,
      text: decoration?.title ?? '',
      color: theme.text,
      font: { size: 18, weight: 'bold' as const },
      align: 'start' as const,
    },
    subtitle: {
      display: !!decoration,
      text: decoration ? [decoration.subtitle, ...decoration.footer] : '',
      color: theme.muted,
      position: 'bottom' as const,
      align: 'start' as const,
      font: { size: 11 },
      padding: { top: 8 },
    },
  }
}

/**
 * A tooltip's lines wrapped to fit inside the chart: Chart.js keeps a tooltip on the canvas when it
 * can (it flips it left of a point near the right edge), but cannot when it is wider than the room
 * there, so no line may be wider than the chart less the tooltip's padding, colour box and caret.
 */
function fitTooltip(chart: Chart, lines: readonly string[]): string[] {
  return fitText(chart, lines, Math.min(MAX_TOOLTIP_TEXT, chart.width - 60), `${TOOLTIP_FONT_SIZE}px`)
}

/** Lines wrapped to `max` pixels as the chart's canvas measures them in `font` (size and weight). */
function fitText(chart: Chart, lines: readonly string[], max: number, font: string): string[] {
  const ctx = chart.ctx
  ctx.save()
  ctx.font = `${font} ${chart.options.font?.family ?? 'sans-serif'}`
  const wrapped = wrapLines(lines, max, (s) => ctx.measureText(s).width)
  ctx.restore()
  return wrapped
}

/**
 * Lines broken so each measures at most `max`: at spaces, or between any two Chinese characters (a
 * single longer word stays whole). A continuation line is indented two spaces more than its line.
 */
export function wrapLines(lines: readonly string[], max: number, measure: (s: string) => number): string[] {
  const out: string[] = []
  for (const line of lines) {
    const indent = /^\s*/.exec(line)![0]
    const tokens =
      line.trim().match(/\s+|[\u2E80-\u9FFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uFF00-\uFFEF]+/g) ?? []
    let current = ''
    let space = false
    for (const token of tokens) {
      if (/^\s+$/.test(token)) {
        space = true
        continue
      }
      const next = current ? `${current}${space ? ' ' : ''}${token}` : `${indent}${token}`
      if (current && measure(next) > max) {
        out.push(current)
        current = `${indent}  ${token}`
      } else current = next
      space = false
    }
    out.push(current)
  }
  return out
}

/**
 * Legend markers in each series' own style (Chart.js would take the style of its first point, a
 * triangle where January–February is combined): a line as a short line, dashed for a projection, at
 * its width; bars and filled areas as a filled square.
 */
export function legendItems(
  chart: {
    data: { datasets: readonly object[] }
    isDatasetVisible(index: number): boolean
    /** The chart's own type: a dataset without a type of its own takes it. */
    config?: object
  },
  theme: ChartTheme,
): LegendItem[] {
  // The legend names what is drawn: a series without a single value (a balance's withheld % change) is
  // left out, as the title leaves it out.
  return chart.data.datasets.flatMap((d, i) => {
    if (!(d as { data?: readonly unknown[] }).data?.some(drawnPoint)) return []
    const style = d as {
      type?: string
      label?: string
      fill?: unknown
      borderColor?: string
      backgroundColor?: string
      borderDash?: number[]
      borderWidth?: number
    }
    const chartType = (chart.config as { type?: string } | undefined)?.type
    const line = (style.type ?? chartType) !== 'bar' && !style.fill
    return {
      text: style.label ?? '',
      datasetIndex: i,
      hidden: !chart.isDatasetVisible(i),
      fontColor: theme.text,
      fillStyle: line ? style.borderColor : style.backgroundColor,
      strokeStyle: style.borderColor,
      lineWidth: line ? (style.borderWidth ?? 2) : 0,
      lineDash: line ? (style.borderDash ?? []) : [],
      pointStyle: line ? 'line' : 'rect',
    }
  })
}

/** A dataset's point that is drawn: a value, as `{x, y}` or a bare number. */
const drawnPoint = (p: unknown) =>
  typeof p === 'number' || (p !== null && typeof p === 'object' && (p as { y?: unknown }).y !== null)

function describePoint(
  point: TPoint | null,
  sources: Map<string, Source>,
  text: ChartText,
  reading: Reading | null = null,
): string[] {
  const note = (n: string) => pointNoteText(n, text.t, text.locale)
  if (!point || point.value === null)
    return point?.note ? [note(point.note)] : [text.t('explorer.tooltip.missing')]
  const sourceName = (id: string) => sourceNameOf(sources, id)
  const lines = [text.t(`explorer.tooltip.${point.kind}`)]
  // The rule of a value computed before the view's transform (Jan–Feb ÷ 2, an imported file's sum).
  if (
    point.note === JAN_FEB_AVERAGE_NOTE ||
    (point.kind === 'computed' && point.note?.startsWith('computed: '))
  )
    lines.push(note(point.note))
  if (!reading) return lines
  const lang = text.locale
  if (reading.printed)
    lines.push(
      text.t('explorer.readings.printed', {
        figure: formatPrinted(reading.printed.value, reading.printed.unit, lang),
      }),
    )
  if (reading.others?.length) {
    lines.push(text.t('explorer.readings.others'))
    for (const o of reading.others)
      lines.push(`  ${formatValue(o.value, reading.unit, lang)} — ${sourceName(o.sourceId)}`)
  }
  if (reading.preferredBy) lines.push(text.t('explorer.readings.chosen', { why: ruleText(reading, text) }))
  return lines
}

const sourceNameOf = (sources: Map<string, Source>, id: string) =>
  sources.get(id)?.publisher || sources.get(id)?.title || ''

/**
 * The sources of every value in a tooltip, once, under its values (one list for all, so the tooltip
 * stays short enough for the chart). A long list is cut to its first few names: the Table lists all.
 */
function sourcesLine(
  points: readonly (TPoint | null)[],
  sources: Map<string, Source>,
  text: ChartText,
): string {
  const ids = points.flatMap((p) => (p && p.value !== null ? p.sourceIds : []))
  const names = [...new Set(ids.map((id) => sourceNameOf(sources, id)).filter(Boolean))]
  const listed =
    names.length > MAX_TOOLTIP_SOURCES
      ? text.t('explorer.tooltip.moreSources', {
          names: names.slice(0, MAX_TOOLTIP_SOURCES).join('; '),
          n: names.length - MAX_TOOLTIP_SOURCES,
        })
      : names.join('; ')
  return names.length
    ? text.t('app.labelledValue', { label: text.t('explorer.tooltip.source'), value: listed })
    : ''
}

/** Why the shown reading was chosen, in the user's language (a curated reason is quoted as written). */
export function ruleText(
  reading: Pick<SeriesPoint, 'preferredBy' | 'reason'>,
  text: Pick<ChartText, 't'>,
): string {
  if (!reading.preferredBy) return ''
  const rule = text.t(`explorer.readings.rule.${reading.preferredBy}`)
  return reading.preferredBy === 'curated' && reading.reason
    ? text.t('app.labelledValue', { label: rule, value: reading.reason })
    : rule
}

/** The periods a stacked chart leaves out because a series shown has no value there (the page says so). */
export function incompleteStackPeriods(model: ChartModel, view: ViewState): string[] {
  if (!['stackedBar', 'stackedArea', 'share'].includes(view.chart)) return []
  const grid = valueGrid(model)
  const shown = model.series.map((s) => !view.hidden.includes(s.key) && !s.projection)
  return model.periods.filter((_, x) => grid.some((row, i) => shown[i] && row[x]?.value == null))
}

/** The series' values where every series shown has one; null across the column otherwise. */
function completeColumns(grid: (TPoint | null)[][], model: ChartModel, view: ViewState): (number | null)[][] {
  const visible = model.series.map((s) => !view.hidden.includes(s.key))
  return grid.map((row) =>
    row.map((p, x) => (grid.some((r, j) => visible[j] && r[x]?.value == null) ? null : (p?.value ?? null))),
  )
}

/** Each series' share of the sum of the series shown, per period; unknown where any is missing. */
function shareGrid(grid: (TPoint | null)[][], model: ChartModel, view: ViewState): (number | null)[][] {
  const visible = model.series.map((s) => !view.hidden.includes(s.key))
  return grid.map((row, i) =>
    row.map((p, x) => {
      const column = grid.map((r) => r[x]?.value ?? null).filter((_, j) => visible[j])
      if (!visible[i] || p?.value == null || column.some((v) => v === null)) return null
      const total = (column as number[]).reduce((a, b) => a + b, 0)
      return total === 0 ? null : (p.value / total) * 100
    }),
  )
}

function previousRecord(
  annual: Series | null,
  latestYear: string | undefined,
): { year: string; value: number } | null {
  const previous = (annual?.points ?? []).filter((p) => latestYear && p.period < latestYear)
  const top = previous.reduce<(typeof previous)[number] | null>(
    (best, p) => (!best || p.value > best.value ? p : best),
    null,
  )
  return top ? { year: top.period, value: top.value } : null
}
