/**
 * What leaves the Mirror page: the CSV of the table shown (both sides, the computed gap and ratio,
 * each row with its unit, kind and sources) and the snapshot of the comparison (both datasets with
 * their versions and file hashes; self-contained: the two series as read). Pure.
 */
import type { Series, Source } from '@shared/api'
import { toCsv, type CsvValue } from '@shared/csv'
import {
  SnapshotSource,
  type EmbeddedData,
  type Snapshot,
  type SnapshotDataset,
  type SnapshotMirror,
  type SnapshotNumbers,
  type SnapshotSeries,
} from '@shared/snapshot'
import { defaultViewState } from '@shared/viewState'
import { embed, seriesOfEmbedded } from './embeddedData'
import { snapshotHead } from './snapshotBuild'
import type { Mirror, MirrorRow } from './mirror'
import type { MirrorLabels } from './mirrorChart'

/** The keys of the two sides and the gap, in a mirror snapshot's numbers and embedded data. */
export const MIRROR_KEYS = { china: 'mirror:china', partner: 'mirror:partner', gap: 'mirror:gap' } as const

export interface MirrorRules {
  gap: string
  ratio: string
  gapLabel: string
  ratioLabel: string
}

const cite = (id: string | null, sources: ReadonlyMap<string, Source>) => {
  const s = id === null ? undefined : sources.get(id)
  return s ? `${s.publisher ?? s.title} <${s.url}>` : ''
}

/** The table as tidy CSV: one row per period and series, the same columns as the Explorer's CSV. */
export function mirrorCsv(
  mirror: Mirror,
  labels: MirrorLabels,
  rules: MirrorRules,
  china: Series,
  partner: Series,
): string {
  const sources = new Map([...china.sources, ...partner.sources].map((s) => [s.id, s]))
  const rows: CsvValue[][] = [['period', 'series', 'value', 'unit', 'kind', 'note', 'sources']]
  const kind = (v: number | null, k: string) => (v === null ? 'missing' : k)
  for (const r of mirror.rows) {
    const both = [cite(r.chinaSource, sources), cite(r.partnerSource, sources)].filter(Boolean).join('; ')
    /** One side as published, with its own source. */
    const side = (label: string, value: number | null, source: string | null): CsvValue[] => [
      r.period,
      label,
      value,
      mirror.unit,
      kind(value, 'published'),
      '',
      cite(source, sources),
    ]
    rows.push(
      side(labels.china, r.china, r.chinaSource),
      side(labels.partner, r.partner, r.partnerSource),
      [r.period, rules.gapLabel, r.gap, mirror.unit, kind(r.gap, 'computed'), rules.gap, both],
      [r.period, rules.ratioLabel, r.ratio, 'ratio', kind(r.ratio, 'computed'), rules.ratio, both],
    )
  }
  return toCsv(rows)
}

/** The numbers shown: both sides as published (rescaled) and the computed gap. */
export function mirrorNumbers(mirror: Mirror, labels: MirrorLabels, rules: MirrorRules): SnapshotNumbers {
  const side = (
    key: string,
    label: string,
    value: (r: MirrorRow) => number | null,
    source: (r: MirrorRow) => string | null,
  ): SnapshotSeries => ({
    key,
    label,
    points: mirror.rows.map((r) => {
      const id = source(r)
      return { period: r.period, value: value(r), kind: 'published', sourceIds: id ? [id] : [] }
    }),
  })
  return {
    unit: mirror.unit,
    series: [
      side(
        MIRROR_KEYS.china,
        labels.china,
        (r) => r.china,
        (r) => r.chinaSource,
      ),
      side(
        MIRROR_KEYS.partner,
        labels.partner,
        (r) => r.partner,
        (r) => r.partnerSource,
      ),
      {
        key: MIRROR_KEYS.gap,
        label: rules.gapLabel,
        points: mirror.rows.map((r) => ({
          period: r.period,
          value: r.gap,
          kind: 'computed' as const,
          sourceIds: [r.chinaSource, r.partnerSource].filter((id): id is string => id !== null),
          note: rules.gap.slice(0, 500),
        })),
      },
    ],
  }
}

export interface MirrorSnapshotInput {
  title: string
  choice: SnapshotMirror
  mirror: Mirror
  labels: MirrorLabels
  rules: MirrorRules
  china: Series
  partner: Series
  /** Each dataset's version and, for an imported one, its file name and SHA-256. */
  datasets: SnapshotDataset[]
  selfContained: boolean
  appVersion: string
  image?: { data: string; width: number; height: number }
  savedAt?: string
}

/** The snapshot of a mirror comparison as shown. The caller validates it. */
export function buildMirrorSnapshot(input: MirrorSnapshotInput): Snapshot {
  const { choice } = input
  const china = input.datasets.find((d) => d.id === choice.chinaDataset)
  const view = {
    ...defaultViewState(),
    dataset: choice.chinaDataset,
    ...(china?.version ? { datasetVersion: china.version } : {}),
    unit: input.mirror.unit,
    displayUnit: 'mn' as const,
    frequency: choice.frequency,
    flows: ['exports'],
    partners: [choice.partner],
    range: {},
  }
  // The sources the rows cite; a self-contained snapshot also those its embedded series name.
  const cited = new Set(input.mirror.rows.flatMap((r) => [r.chinaSource, r.partnerSource]))
  const sources = new Map<string, SnapshotSource>()
  for (const s of [...input.china.sources, ...input.partner.sources]) {
    const parsed = SnapshotSource.safeParse(s)
    if (parsed.success && (input.selfContained || cited.has(s.id))) sources.set(s.id, parsed.data)
  }
  const embedded: EmbeddedData = {
    series: [
      { key: MIRROR_KEYS.china, series: embed(input.china), published: null, total: null },
      { key: MIRROR_KEYS.partner, series: embed(input.partner), published: null, total: null },
    ],
    annual: null,
    projection: null,
    breakdown: null,
  }
  return {
    ...snapshotHead(input),
    view,
    notes: [],
    numbers: mirrorNumbers(input.mirror, input.labels, input.rules),
    sources: [...sources.values()],
    // One entry per dataset, even where both sides come from one file.
    datasets: input.datasets.filter((d, i, all) => all.findIndex((e) => e.id === d.id) === i),
    ...(input.image ? { image: { mime: 'image/png' as const, ...input.image } } : {}),
    ...(input.selfContained ? { embedded } : {}),
    mirror: choice,
  }
}

/** The two series a self-contained mirror snapshot keeps, as the app reads series. */
export function mirrorSeriesOfSnapshot(snapshot: Snapshot): { china: Series; partner: Series } | null {
  if (!snapshot.mirror || !snapshot.embedded) return null
  const of = (key: string, dataset: string) =>
    seriesOfEmbedded(
      snapshot.embedded!.series.find((s) => s.key === key)?.series ?? null,
      snapshot.sources,
      dataset,
    )
  const china = of(MIRROR_KEYS.china, snapshot.mirror.chinaDataset)
  const partner = of(MIRROR_KEYS.partner, snapshot.mirror.partnerDataset)
  return china && partner ? { china, partner } : null
}
