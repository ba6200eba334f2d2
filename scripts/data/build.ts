/**
 * Build the `china-trade` Tabular Data Package from `facts.csv`.
 *
 * Every facts row becomes exactly one observation row in one resource, with its value as written,
 * its note and its source. The output depends only on the facts file and `preferred.csv`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { toCsv, type CsvValue } from '../../electron/shared/csv'
import { formatDecimal, parseDecimal, shiftDecimal } from './decimal'
import { readFacts, type FactRow } from './facts'
import { identityFailures, type IdentityFailure } from './identity'
import { OBSERVATION_FIELDS, QUALITY_FIELDS, SERIES_FIELDS, SOURCE_FIELDS, descriptor } from './package'
import { frequencyOf, readPeriod, type Frequency } from './frequency'
import { decidePreferred, parsePreferred, type PreferenceRule } from './preferred'
import {
  OBSERVATION_RESOURCES,
  RESCALED_UNITS,
  checkUnit,
  labelOf,
  mapSeries,
  resourceOf,
  type ObservationResource,
  type SeriesDims,
} from './seriesMap'
import { isCustomsTable, isReissue, isoDate, parseSourceTitle, sourceId, type SourceRow } from './sources'

export const DEFAULT_PREFERRED_PATH = fileURLToPath(new URL('./preferred.csv', import.meta.url))

export interface Observation {
  series: string
  reporter: string
  flow: string
  partner: string
  product: string
  measure: string
  unit: string
  frequency: Frequency
  period: string
  period_start: string
  period_end: string
  value: string
  preferred: boolean
  status: 'published' | 'projection'
  source_id: string
  note: string
  /** The value and unit as the source printed them, when `value` was rescaled into the series' unit; else empty. */
  published_value: string
  published_unit: string
  /** On the preferred row of a group with several readings: the rule that chose it (see preferred.ts). */
  preferred_by: PreferenceRule | ''
  /** preferred.csv's reason, when the choice was curated. */
  preferred_reason: string
}

export interface BuildResult {
  factsRows: number
  rows: Record<ObservationResource, number>
  series: number
  sources: number
  files: string[]
  /** Observations stored in another unit than published (exactly rescaled). */
  rescaled: number
  /** Groups with several differing readings, by the rule that chose the displayed one. */
  decided: Partial<Record<PreferenceRule, number>>
  /** Groups whose readings differ beyond rounding (each settled by a source rule or a written reason). */
  disagreements: number
  /** Periods that fail exports − imports = balance beyond rounding (also in quality.csv). */
  identity: IdentityFailure[]
}

interface Mapped {
  fact: FactRow
  dims: SeriesDims
  obs: Observation
  resource: ObservationResource
}

/** Code-unit order, independent of the locale. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function mapRow(fact: FactRow, file: string): Mapped {
  try {
    const dims = mapSeries(fact.series)
    // A unit the package does not store (GACC's US$1,000) is rescaled exactly into the series' unit.
    const rescale = RESCALED_UNITS[fact.unit]
    const unit = rescale && dims.units.includes(rescale.unit) ? rescale.unit : fact.unit
    checkUnit(dims, unit)
    const value =
      unit === fact.unit ? fact.value : formatDecimal(shiftDecimal(parseDecimal(fact.value), rescale!.power))
    const p = readPeriod(fact.period)
    const frequency = frequencyOf(dims.suffix, p)
    const projection = dims.projection || fact.note.startsWith('PROJECTION')
    const obs: Observation = {
      series: fact.series,
      reporter: dims.reporter,
      flow: dims.flow,
      partner: dims.partner,
      product: dims.product,
      measure: dims.measure,
      unit,
      frequency,
      period: fact.period,
      period_start: p.start,
      period_end: p.end,
      value,
      preferred: false,
      status: projection ? 'projection' : 'published',
      source_id: sourceId(fact.url, fact.sourceTitle),
      note: fact.note,
      published_value: unit === fact.unit ? '' : fact.value,
      published_unit: unit === fact.unit ? '' : fact.unit,
      preferred_by: '',
      preferred_reason: '',
    }
    return { fact, dims, obs, resource: resourceOf(dims, frequency) }
  } catch (e) {
    throw new Error(`${file} line ${fact.line}: ${(e as Error).message}`, { cause: e })
  }
}

const observationOrder = (a: Observation, b: Observation): number =>
  cmp(a.series, b.series) ||
  cmp(a.period_start, b.period_start) ||
  cmp(a.period_end, b.period_end) ||
  Number(b.preferred) - Number(a.preferred) ||
  cmp(a.source_id, b.source_id)

const OBS_COLUMNS = OBSERVATION_FIELDS.map((f) => f.name)

/**
 * The package's CSV: LF line ends (the files live in git) and no formula guard, since the app and
 * other tools read the values back as they are.
 */
function formatCsv(rows: readonly (readonly CsvValue[])[]): string {
  return toCsv(rows, { lineEnd: '\n', guardFormulas: false })
}

function observationCsv(rows: readonly Observation[]): string {
  return formatCsv([
    OBS_COLUMNS,
    ...rows.map((o) => OBS_COLUMNS.map((c) => String(o[c as keyof Observation]))),
  ])
}

/**
 * Read `factsPath`, write the package into `outDir` (created if needed), and return row counts.
 * Throws with a message naming the facts (or preferred.csv) line on any problem; nothing is written then.
 */
export function buildPackage(
  factsPath: string,
  outDir: string,
  opts: { preferredPath?: string } = {},
): BuildResult {
  const factsFile = path.basename(factsPath)
  const facts = readFacts(readFileSync(factsPath, 'utf8'), factsFile)
  const mapped = facts.map((f) => mapRow(f, factsFile))

  // Preferred rows.
  const preferredPath = opts.preferredPath ?? DEFAULT_PREFERRED_PATH
  const entries = parsePreferred(readFileSync(preferredPath, 'utf8'), path.basename(preferredPath))
  const decisions = decidePreferred(
    mapped.map(({ obs, fact }) => ({
      series: obs.series,
      period: obs.period,
      value: obs.value,
      line: fact.line,
      customs: isCustomsTable(fact.url),
      reissued: isReissue(fact.sourceTitle),
      published: isoDate(parseSourceTitle(fact.sourceTitle).published),
    })),
    entries,
    path.basename(preferredPath),
  )
  const decided: BuildResult['decided'] = {}
  for (const d of decisions) {
    const obs = mapped[d.preferred]!.obs
    obs.preferred = true
    obs.preferred_by = d.rule ?? ''
    obs.preferred_reason = d.reason
    if (d.rule && d.rule !== 'same') decided[d.rule] = (decided[d.rule] ?? 0) + 1
  }
  // China's own totals and partner tables; the world resource's WTO/WDI bases are other compilations.
  const identity = identityFailures(
    mapped.filter((m) => m.obs.preferred && m.resource !== 'world').map((m) => m.obs),
  )

  // Sources: one row per (url, title); an id collision between different sources is an error.
  const sources = new Map<string, SourceRow>()
  for (const { fact, obs } of mapped) {
    const prev = sources.get(obs.source_id)
    if (prev) {
      if (prev.url !== fact.url || prev.title !== fact.sourceTitle) {
        throw new Error(
          `${factsFile} line ${fact.line}: source id ${obs.source_id} collides with a different source`,
        )
      }
      continue
    }
    sources.set(obs.source_id, {
      source_id: obs.source_id,
      title: fact.sourceTitle,
      ...parseSourceTitle(fact.sourceTitle),
      url: fact.url,
    })
  }

  // Observation resources.
  const byResource = new Map<ObservationResource, Observation[]>(OBSERVATION_RESOURCES.map((r) => [r, []]))
  for (const m of mapped) byResource.get(m.resource)!.push(m.obs)
  for (const rows of byResource.values()) rows.sort(observationOrder)
  const rowCounts = Object.fromEntries(
    OBSERVATION_RESOURCES.map((r) => [r, byResource.get(r)!.length]),
  ) as Record<ObservationResource, number>
  const total = Object.values(rowCounts).reduce((a, b) => a + b, 0)
  if (total !== facts.length)
    throw new Error(`internal: ${total} observation rows for ${facts.length} facts rows`)

  // Series catalog: one row per (series, unit, frequency).
  const catalog = new Map<string, { m: Mapped; rows: Observation[] }>()
  for (const m of mapped) {
    const k = `${m.obs.series}\u0000${m.obs.unit}\u0000${m.obs.frequency}`
    const c = catalog.get(k)
    if (c) c.rows.push(m.obs)
    else catalog.set(k, { m, rows: [m.obs] })
  }
  const seriesRows = [...catalog.values()]
    .map(({ m, rows }) => {
      const sorted = [...rows].sort(observationOrder)
      const o = m.obs
      return [
        o.series,
        labelOf(m.dims, o.unit, o.frequency),
        m.resource,
        o.reporter,
        o.flow,
        o.partner,
        o.product,
        o.measure,
        o.unit,
        o.frequency,
        String(rows.length),
        sorted[0]!.period,
        sorted[sorted.length - 1]!.period,
      ]
    })
    .sort((a, b) => cmp(a[0]!, b[0]!) || cmp(a[8]!, b[8]!) || cmp(a[9]!, b[9]!))
  const labels = new Map<string, string>()
  for (const r of seriesRows) {
    const prev = labels.get(r[1]!)
    if (prev) throw new Error(`internal: label "${r[1]}" names both ${prev} and ${r[0]}`)
    labels.set(r[1]!, r[0]!)
  }

  const sourceCols = SOURCE_FIELDS.map((f) => f.name) as (keyof SourceRow)[]
  const sourceRows = [...sources.values()].sort((a, b) => cmp(a.source_id, b.source_id))

  const files: Record<string, string> = { 'datapackage.json': JSON.stringify(descriptor(), null, 2) + '\n' }
  for (const r of OBSERVATION_RESOURCES) files[`${r}.csv`] = observationCsv(byResource.get(r)!)
  files['series.csv'] = formatCsv([SERIES_FIELDS.map((f) => f.name), ...seriesRows])
  files['sources.csv'] = formatCsv([sourceCols, ...sourceRows.map((s) => sourceCols.map((c) => s[c]))])
  const qualityCols = QUALITY_FIELDS.map((f) => f.name)
  files['quality.csv'] = formatCsv([
    qualityCols,
    ...identity.map((f) =>
      qualityCols.map((c) => (c === 'finding' ? 'trade-identity' : f[c as keyof IdentityFailure])),
    ),
  ])

  mkdirSync(outDir, { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(outDir, name), text, 'utf8')

  return {
    factsRows: facts.length,
    rows: rowCounts,
    series: seriesRows.length,
    sources: sourceRows.length,
    files: Object.keys(files),
    rescaled: mapped.filter((m) => m.obs.published_unit !== '').length,
    decided,
    disagreements: decisions.filter((d) => d.beyondTolerance).length,
    identity,
  }
}
