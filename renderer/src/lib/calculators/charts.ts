/**
 * The calculators' charts as Chart.js configurations: the full-year surplus against the record, the
 * world-share paths, the partner-mix waterfall and tornado, and the scenario comparison. Pure, and
 * built on chartConfig's themed base, so they follow light/dark like every other chart; every word on
 * them comes in from the caller's translations.
 */
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js'
import type { AnnotationOptions } from 'chartjs-plugin-annotation'
import { themedAxis, themedBase } from '../chartConfig'
import type { ChartTheme } from '../chartTheme'
import type { WaterfallStep, TornadoBar } from './partnerMix'
import type { DisplayOptions } from '../format'

/** Okabe–Ito colours (colour-blind safe), one meaning each across the calculators' charts. */
export const CALC_COLORS = {
  actual: '#0072B2',
  projected: '#56B4E9',
  record: '#555555',
  up: '#009E73',
  down: '#D55E00',
  total: '#0072B2',
  projection: '#CC79A7',
  flat: '#999999',
  scenarios: ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'],
} as const

const scenarioColor = (i: number) => CALC_COLORS.scenarios[i % CALC_COLORS.scenarios.length]!

/** The number formatting the charts need (the calculators' formatter in the reader's language). */
export interface ChartFormat {
  text: (value: number | null | undefined, options?: Omit<DisplayOptions, 'locale'>) => string
  usd: (value: number | null | undefined, signed?: boolean) => string
  pct: (value: number | null | undefined, signed?: boolean, digits?: number) => string
  pp: (value: number | null | undefined, digits?: number, fixed?: boolean) => string
  /** `Exports: $1.2 bn` / `出口：12 亿美元`: a label and its value, with the language's colon. */
  labelled: (label: string, value: string) => string
}

type Pt = { year: number; share: number }

/** The charts, each with the inputs it draws; `kind` picks the builder. */
export type CalcChartSpec =
  | {
      kind: 'surplus'
      ytd: number
      remaining: number
      record: { value: number; year: number } | null
      labels: { record: string; projection: string; actual: string; projected: string; recordLine: string }
      unit: string
    }
  | {
      kind: 'sharePath'
      history: Pt[]
      paths: { label: string; points: Pt[] }[]
      flat: Pt[] | null
      projections: { year: number; value: number; label: string }[]
      labels: { history: string; flat: string }
      unit: string
    }
  | { kind: 'waterfall'; steps: WaterfallStep[]; labelOf: (id: string) => string; axisTitle: string }
  | {
      kind: 'tornado'
      bars: TornadoBar[]
      center: number
      labelOf: (bar: TornadoBar) => string
      legend: { low: string; high: string }
      axisTitle: string
    }
  | {
      kind: 'scenarios'
      labels: string[]
      values: (number | null)[]
      axisTitle: string
      valueStyle: 'usd-bn' | 'pct'
      reference: { value: number; label: string } | null
    }

/** The chart's height in pixels: the tornado grows with its bars. */
export function chartHeight(spec: CalcChartSpec): number {
  switch (spec.kind) {
    case 'surplus':
    case 'waterfall':
      return 280
    case 'sharePath':
      return 320
    case 'tornado':
      return Math.max(200, 44 * spec.bars.length + 80)
    case 'scenarios':
      return 260
  }
}

export function calcChartConfig(spec: CalcChartSpec, theme: ChartTheme, f: ChartFormat): ChartConfiguration {
  switch (spec.kind) {
    case 'surplus':
      return surplusChart(spec, theme, f) as ChartConfiguration
    case 'sharePath':
      return sharePathChart(spec, theme, f) as ChartConfiguration
    case 'waterfall':
      return waterfallChart(spec, theme, f) as ChartConfiguration
    case 'tornado':
      return tornadoChart(spec, theme, f) as ChartConfiguration
    case 'scenarios':
      return scenariosChart(spec, theme, f) as ChartConfiguration
  }
}

/**
 * A value axis in the theme's colours, its title the unit, its ticks to one decimal; `bn`: values in
 * billions, labelled in the reader's scale as the title names it (亿美元: × 10).
 */
function valueAxis(theme: ChartTheme, title: string, f: ChartFormat, style: 'bn' | 'plain' = 'plain') {
  return {
    ...themedAxis(theme, title),
    ticks: { color: theme.muted, callback: (v: string | number) => f.text(Number(v), { digits: 1, style }) },
  }
}

/** A dashed horizontal reference line with its label at the start (the record, a reference value). */
function referenceLine(theme: ChartTheme, value: number, label: string): AnnotationOptions<'line'> {
  return {
    type: 'line',
    yMin: value,
    yMax: value,
    borderColor: theme.muted,
    borderWidth: 2,
    borderDash: [6, 4],
    label: {
      display: true,
      content: label,
      position: 'start',
      yAdjust: -14,
      backgroundColor: theme.surface,
      color: theme.text,
      borderColor: theme.grid,
      borderWidth: 1,
      font: { size: 11 },
    },
  }
}

/** The projected full-year surplus (actual year-to-date + projected rest of year) against the record. */
function surplusChart(
  spec: Extract<CalcChartSpec, { kind: 'surplus' }>,
  theme: ChartTheme,
  f: ChartFormat,
): ChartConfiguration<'bar', (number | null)[], string> {
  const { labels, record } = spec
  const at = (v: number) => (record ? [null, v] : [v])
  const base = themedBase(theme)
  return {
    type: 'bar',
    data: {
      labels: record ? [labels.record, labels.projection] : [labels.projection],
      datasets: [
        ...(record
          ? [
              {
                label: labels.record,
                data: [record.value, null],
                backgroundColor: `${CALC_COLORS.record}55`,
                borderColor: CALC_COLORS.record,
                borderWidth: 1,
                stack: 's',
              },
            ]
          : []),
        { label: labels.actual, data: at(spec.ytd), backgroundColor: CALC_COLORS.actual, stack: 's' },
        {
          label: labels.projected,
          data: at(spec.remaining),
          backgroundColor: CALC_COLORS.projected,
          borderColor: CALC_COLORS.actual,
          borderWidth: 1,
          stack: 's',
        },
      ],
    },
    options: {
      ...base,
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: { ...themedAxis(theme), stacked: true },
        y: {
          ...themedAxis(theme, spec.unit),
          stacked: true,
          beginAtZero: true,
          ticks: { color: theme.muted, callback: (v) => f.text(Number(v), { digits: 0, style: 'bn' }) },
        },
      },
      plugins: {
        ...base.plugins,
        tooltip: {
          callbacks: { label: (item) => f.labelled(item.dataset.label ?? '', f.usd(item.parsed.y)) },
        },
        annotation: {
          annotations: record ? { record: referenceLine(theme, record.value, labels.recordLine) } : {},
        },
      },
    },
  }
}

type XY = { x: number; y: number | null }
const xy = (pts: Pt[]): XY[] =>
  pts.filter((p) => Number.isFinite(p.share)).map((p) => ({ x: p.year, y: p.share }))
/** Observed years with a gap between them are not joined: a break (null) is put in the gap. */
const withBreaks = (pts: Pt[]) =>
  xy([...pts].sort((a, b) => a.year - b.year)).flatMap((p, i, all) => {
    const next = all[i + 1]
    return next && next.x - p.x > 1 ? [p, { x: p.x + 1, y: null }] : [p]
  })

/**
 * China's share of world exports: the observed shares (data), one or more projected paths (the user's
 * assumptions), the flat path for reference, and published projections drawn as reference points.
 */
function sharePathChart(
  spec: Extract<CalcChartSpec, { kind: 'sharePath' }>,
  theme: ChartTheme,
  f: ChartFormat,
): ChartConfiguration<'line', XY[]> {
  const datasets: ChartDataset<'line', XY[]>[] = [
    {
      label: spec.labels.history,
      data: withBreaks(spec.history),
      borderColor: theme.text,
      backgroundColor: theme.text,
      pointRadius: 4,
      borderWidth: 1.5,
      spanGaps: false,
      clip: 8,
    },
    ...spec.paths.map((p, i) => ({
      label: p.label,
      data: xy(p.points),
      borderColor: scenarioColor(i),
      backgroundColor: scenarioColor(i),
      borderDash: [6, 3],
      pointRadius: 2,
      clip: 8,
      borderWidth: 2,
    })),
    ...(spec.flat
      ? [
          {
            label: spec.labels.flat,
            data: xy(spec.flat),
            borderColor: CALC_COLORS.flat,
            backgroundColor: CALC_COLORS.flat,
            borderDash: [2, 3],
            pointRadius: 0,
            borderWidth: 1.5,
          },
        ]
      : []),
    ...spec.projections.map((p) => ({
      label: p.label,
      data: [{ x: p.year, y: p.value }],
      borderColor: CALC_COLORS.projection,
      backgroundColor: theme.surface,
      pointStyle: 'rectRot' as const,
      clip: 12,
      pointRadius: 8,
      pointBorderWidth: 2,
      showLine: false,
    })),
  ]
  const years = [
    ...spec.history,
    ...spec.paths.flatMap((p) => p.points),
    ...spec.projections.map((p) => ({ year: p.year, share: p.value })),
  ].map((p) => p.year)
  const base = themedBase(theme)
  return {
    type: 'line',
    data: { datasets },
    options: {
      ...base,
      // Room for the end points and the projection marker, which sit on the first and last year.
      layout: { padding: { left: 8, right: 14, top: 8 } },
      interaction: { mode: 'nearest', intersect: true },
      elements: { point: { hitRadius: 6 } },
      scales: {
        x: {
          ...themedAxis(theme),
          type: 'linear',
          min: Math.min(...years),
          max: Math.max(...years),
          ticks: {
            color: theme.muted,
            stepSize: 1,
            precision: 0,
            autoSkipPadding: 6,
            // Upright, every other year where they do not fit: at 1024 px they were tilted to 45°.
            maxRotation: 0,
            callback: (v) => (Number.isInteger(Number(v)) ? String(v) : ''),
          },
        },
        y: valueAxis(theme, spec.unit, f),
      },
      plugins: {
        ...base.plugins,
        tooltip: {
          callbacks: {
            // The year as written (2030), not as Chart.js words a linear axis's value (2,030).
            title: (items: TooltipItem<'line'>[]) => (items[0] ? String(items[0].parsed.x) : ''),
            label: (item: TooltipItem<'line'>) => f.labelled(item.dataset.label ?? '', f.pct(item.parsed.y)),
          },
        },
      },
    },
  }
}

/** Splits a long category label over lines of about 12 characters (Chart.js draws an array as lines). */
function wrap(label: string): string[] {
  const lines: string[] = []
  for (const word of label.split(' ')) {
    const last = lines.at(-1)
    if (last !== undefined && (last + ' ' + word).length <= 12) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines
}

const pp = (v: number) => v * 100

/** Waterfall of contributions to total export growth (percentage points), as floating bars. */
function waterfallChart(
  spec: Extract<CalcChartSpec, { kind: 'waterfall' }>,
  theme: ChartTheme,
  f: ChartFormat,
): ChartConfiguration<'bar', [number, number][], string[]> {
  const colour = (s: WaterfallStep) =>
    s.kind === 'total' ? CALC_COLORS.total : s.end >= s.start ? CALC_COLORS.up : CALC_COLORS.down
  const base = themedBase(theme)
  return {
    type: 'bar',
    data: {
      labels: spec.steps.map((s) => wrap(spec.labelOf(s.id))),
      datasets: [
        {
          label: spec.axisTitle,
          data: spec.steps.map((s) => [pp(s.start), pp(s.end)] as [number, number]),
          backgroundColor: spec.steps.map(colour),
          borderColor: spec.steps.map(colour),
          borderWidth: 1,
          borderSkipped: false,
        },
      ],
    },
    options: {
      ...base,
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: {
          ...themedAxis(theme),
          ticks: { color: theme.muted, maxRotation: 0, autoSkip: false, font: { size: 11 } },
        },
        y: valueAxis(theme, spec.axisTitle, f),
      },
      plugins: {
        ...base.plugins,
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const s = spec.steps[item.dataIndex]!
              return s.kind === 'total' ? f.pct(pp(s.end), true) : f.pp(pp(s.end - s.start))
            },
          },
        },
        annotation: {
          annotations: {
            zero: { type: 'line', yMin: 0, yMax: 0, borderColor: theme.muted, borderWidth: 1 },
          },
        },
      },
    },
  }
}

/**
 * Tornado: for each assumption moved alone to its low and high value, the total export growth it
 * gives, as horizontal bars around the current total; the widest bar (the assumption that matters
 * most) on top.
 */
function tornadoChart(
  spec: Extract<CalcChartSpec, { kind: 'tornado' }>,
  theme: ChartTheme,
  f: ChartFormat,
): ChartConfiguration<'bar', ([number, number] | null)[], string> {
  const around = (v: number) => (Number.isFinite(v) ? ([pp(spec.center), pp(v)] as [number, number]) : null)
  const base = themedBase(theme)
  return {
    type: 'bar',
    data: {
      labels: spec.bars.map(spec.labelOf),
      datasets: [
        {
          label: spec.legend.low,
          data: spec.bars.map((b) => around(b.low)),
          backgroundColor: CALC_COLORS.down,
          borderSkipped: false,
        },
        {
          label: spec.legend.high,
          data: spec.bars.map((b) => around(b.high)),
          backgroundColor: CALC_COLORS.up,
          borderSkipped: false,
        },
      ],
    },
    options: {
      ...base,
      indexAxis: 'y',
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: valueAxis(theme, spec.axisTitle, f),
        y: {
          ...themedAxis(theme),
          stacked: true,
          ticks: { color: theme.muted, autoSkip: false, font: { size: 11 } },
        },
      },
      plugins: {
        ...base.plugins,
        tooltip: {
          callbacks: {
            label: (item) => {
              const b = spec.bars[item.dataIndex]!
              const total = f.pct(pp(item.datasetIndex === 0 ? b.low : b.high), true)
              return f.labelled(item.dataset.label ?? '', total)
            },
          },
        },
        annotation: {
          annotations: {
            center: {
              type: 'line',
              xMin: pp(spec.center),
              xMax: pp(spec.center),
              borderColor: theme.text,
              borderWidth: 2,
            },
          },
        },
      },
    },
  }
}

/** One bar per scenario for the main result, with an optional reference line (e.g. the record). */
function scenariosChart(
  spec: Extract<CalcChartSpec, { kind: 'scenarios' }>,
  theme: ChartTheme,
  f: ChartFormat,
): ChartConfiguration<'bar', (number | null)[], string> {
  const base = themedBase(theme)
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: [
        {
          label: spec.axisTitle,
          data: spec.values.map((v) => (v !== null && Number.isFinite(v) ? v : null)),
          backgroundColor: spec.labels.map((_, i) => scenarioColor(i)),
          borderWidth: 0,
        },
      ],
    },
    options: {
      ...base,
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: { ...themedAxis(theme), ticks: { color: theme.muted, maxRotation: 0, autoSkip: false } },
        y: {
          ...valueAxis(theme, spec.axisTitle, f, spec.valueStyle === 'usd-bn' ? 'bn' : 'plain'),
          beginAtZero: true,
        },
      },
      plugins: {
        ...base.plugins,
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) =>
              f.text(item.parsed.y, { style: spec.valueStyle, signed: spec.valueStyle === 'pct' }),
          },
        },
        annotation: {
          annotations: spec.reference
            ? { ref: referenceLine(theme, spec.reference.value, spec.reference.label) }
            : {},
        },
      },
    },
  }
}
