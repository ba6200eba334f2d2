/**
 * The mirror chart's Chart.js configuration: one function for the screen, the PNG/SVG export and a
 * snapshot's picture, so an export is exactly what the user saw (plus title, units, sources and why
 * the two sides differ). The two reports of one flow are lines, the computed gap bars, the computed
 * ratio a dotted line on its own axis; a period one side lacks is a gap in its line, never bridged.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js'
import type { Source } from '@shared/api'
import { commonPlugins, valueTicks, type ChartText, type ExportDecoration } from './chartConfig'
import type { ChartTheme } from './chartTheme'
import { FLOW_COLORS } from './colors'
import { wrap } from './exportView'
import { formatDifference, formatValue, unitLabel } from './format'
import type { Mirror } from './mirror'

export interface MirrorLabels {
  china: string
  partner: string
}

type Config = ChartConfiguration<'bar' | 'line', (number | null)[], string>

export function mirrorChartConfig(
  mirror: Mirror,
  labels: MirrorLabels,
  theme: ChartTheme,
  text: ChartText,
  decoration?: ExportDecoration,
): Config {
  const { t, locale } = text
  const ratio = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(v)
  return {
    type: 'bar',
    data: {
      labels: mirror.rows.map((r) => text.period(r.period)),
      datasets: [
        {
          type: 'line',
          label: labels.china,
          data: mirror.rows.map((r) => r.china),
          borderColor: FLOW_COLORS.exports,
          backgroundColor: FLOW_COLORS.exports,
          borderWidth: 2,
          pointRadius: 3,
          spanGaps: false,
          order: 1,
        },
        {
          type: 'line',
          label: labels.partner,
          data: mirror.rows.map((r) => r.partner),
          borderColor: FLOW_COLORS.imports,
          backgroundColor: FLOW_COLORS.imports,
          borderDash: [6, 3],
          borderWidth: 2,
          pointRadius: 3,
          pointStyle: 'rectRot',
          spanGaps: false,
          order: 1,
        },
        {
          type: 'line',
          label: t('mirror.ratioSeries'),
          data: mirror.rows.map((r) => r.ratio),
          yAxisID: 'ratio',
          borderColor: theme.muted,
          backgroundColor: theme.muted,
          borderDash: [2, 3],
          borderWidth: 1.5,
          pointRadius: 2,
          spanGaps: false,
          order: 0,
        },
        {
          type: 'bar',
          label: t('mirror.gapSeries'),
          data: mirror.rows.map((r) => r.gap),
          backgroundColor: `${FLOW_COLORS.balance}99`,
          order: 2,
        },
      ],
    },
    options: {
      responsive: !decoration,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: decoration ? { left: 16, right: 16, top: 8, bottom: 8 } : 0 },
      interaction: { mode: 'index', intersect: false },
      color: theme.text,
      scales: {
        x: {
          ticks: { color: theme.muted, maxRotation: 0, autoSkipPadding: 12 },
          // On the labelled month: Chart.js shifts a bar chart's grid lines half a step between the labels
          // it keeps, away from both.
          grid: { color: theme.grid, offset: false },
        },
        y: {
          ticks: valueTicks(theme.muted, locale, mirror.unit),
          grid: { color: theme.grid },
          title: { display: true, color: theme.text, text: unitLabel(mirror.unit, locale) },
        },
        ratio: {
          position: 'right',
          ticks: { color: theme.muted },
          grid: { drawOnChartArea: false },
          title: { display: true, color: theme.text, text: t('mirror.ratioAxis') },
        },
      },
      plugins: {
        // The Explorer's legend: a line for each report and the ratio (dashed as drawn), a square for the gap.
        ...commonPlugins(theme, decoration),
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar' | 'line'>) => {
              const value = item.raw as number | null
              const shown =
                value === null
                  ? t('mirror.missing')
                  : item.dataset.yAxisID === 'ratio'
                    ? ratio(value)
                    : item.dataset.type === 'bar'
                      ? formatDifference(value, mirror.unit, locale)
                      : formatValue(value, mirror.unit, locale)
              return t('app.labelledValue', { label: item.dataset.label, value: shown })
            },
          },
        },
      },
    },
  }
}

/**
 * Title, unit and span, the publishers of both sides, the rule of the computed gap and ratio, and
 * why the two sides differ: what an exported mirror image carries below its chart.
 */
export function mirrorDecoration(
  mirror: Mirror,
  title: string,
  sources: readonly Source[],
  width: number,
  text: ChartText,
): ExportDecoration {
  const cited = new Set(mirror.rows.flatMap((r) => [r.chinaSource, r.partnerSource]))
  const publishers = [...new Set(sources.filter((s) => cited.has(s.id)).map((s) => s.publisher || s.title))]
  const span = mirror.from && mirror.to ? ` · ${text.period(mirror.from)}–${text.period(mirror.to)}` : ''
  return {
    title,
    subtitle: `${unitLabel(mirror.unit, text.locale)}${span} · ${text.t('app.title')}`,
    footer: [
      ...wrap(text.t('explorer.export.sources', { names: publishers.join('; '), more: '' }), width),
      ...wrap(text.t('mirror.rules'), width),
      ...wrap(text.t('mirror.whyShort'), width),
    ],
  }
}
