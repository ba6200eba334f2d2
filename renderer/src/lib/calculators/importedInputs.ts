/**
 * Calculator inputs read from an imported dataset. Each calculator names what it reads from the file
 * (the reporter, partner and flows the user picked from the file's own dimensions) as API queries; the
 * answers are brought to the calculators' units by an exact change of decimal place (USD bn; yuan to
 * CNY bn), never converted between currencies. A series the file lacks is null and a period it lacks
 * stays missing: the models then say what is missing, and nothing is filled.
 */
import type { Series, SeriesQuery, Source } from '@shared/api'
import type { Said } from '@shared/say'
import {
  PARTNER_IDS,
  type CalculatorId,
  type FullYearInputs,
  type ImportedChoice,
  type ImportedPartners,
  type ImportedShareBase,
  type ImportedTrade,
  type PartnerMixInputs,
  type WorldShareInputs,
} from '@shared/calculatorState'
import { decimalDifference, shiftDecimal, shiftOfUnit } from '../mirror'
import type { SurplusData } from './fullYearSurplus'
import type { PartnerData } from './partnerMixModel'
import type { DataPoint, SeriesData } from './provenance'
import type { ImportedExports } from './worldShareModel'
import type { YuanData } from './yuanView'

/** The series read from an imported file, by role (`exports`, `partner:us`…), and the sources they cite. */
export interface ImportedSeries {
  series: Record<string, Series | null>
  sources: Record<string, Source>
  /**
   * Why the file has no series for a role, once each (see nothingRead): the services' catalogued
   * message, worded in the page's language when shown, and their English text where there is none.
   */
  unread: Unread[]
}

export interface Unread {
  said?: Said
  english: string
}

type Inputs = FullYearInputs | PartnerMixInputs | WorldShareInputs

/**
 * The imported-data choice a calculator's inputs use, or null: the world-share base (whenever one is
 * named, so scenarios compare), the full-year and partner-mix levels while their dataset is that file.
 */
export function importedChoiceOf(inputs: Inputs): ImportedChoice | null {
  if ('importedBase' in inputs) return inputs.importedBase
  const choice = inputs.imported
  return choice && choice.dataset === inputs.dataset ? choice : null
}

/** The queries, by role, that read a calculator's imported inputs. */
export function importedQueries(
  calculator: CalculatorId,
  choice: ImportedChoice,
): Record<string, SeriesQuery> {
  const { dataset } = choice
  switch (calculator) {
    case 'worldShare': {
      const c = choice as ImportedShareBase
      const annual = (reporter: string): SeriesQuery => ({
        dataset,
        reporter,
        flow: c.flow,
        frequency: 'year',
      })
      return { china: annual(c.china), world: annual(c.world) }
    }
    case 'fullYear': {
      const c = choice as ImportedTrade
      const monthly = (flow: string): SeriesQuery => ({
        dataset,
        reporter: c.reporter,
        partner: c.partner,
        flow,
        frequency: 'month',
      })
      return {
        exports: monthly(c.exportsFlow),
        imports: monthly(c.importsFlow),
        ...(c.balanceFlow ? { balance: monthly(c.balanceFlow) } : {}),
      }
    }
    case 'partnerMix': {
      const c = choice as ImportedPartners
      const annual = (partner: string): SeriesQuery => ({
        dataset,
        reporter: c.reporter,
        partner,
        flow: c.flow,
        frequency: 'year',
      })
      // The partners the calculator lists (they do not overlap), so no trade is counted twice.
      return {
        total: annual('world'),
        ...Object.fromEntries(PARTNER_IDS.map((p) => [`partner:${p}`, annual(p)])),
      }
    }
  }
}

/** Reads every query; one the file has no data for is null (any other error is passed on). */
export async function loadImportedSeries(
  queries: Record<string, SeriesQuery>,
  series: (query: SeriesQuery) => Promise<Series>,
  isNotFound: (error: unknown) => boolean,
): Promise<ImportedSeries> {
  const roles = Object.keys(queries)
  const unread = new Map<string, Unread>()
  const answers = await Promise.all(
    roles.map((role) =>
      series(queries[role]!).catch((error: unknown) => {
        if (!isNotFound(error)) throw error
        const { message, said } = error as Error & { said?: Said }
        unread.set(message, { english: message, ...(said ? { said } : {}) })
        return null
      }),
    ),
  )
  const sources: Record<string, Source> = {}
  for (const s of answers) for (const src of s?.sources ?? []) sources[src.id] = src
  return {
    series: Object.fromEntries(roles.map((r, i) => [r, answers[i] ?? null])),
    sources,
    unread: [...unread.values()],
  }
}

/**
 * Why nothing at all was read from the file for a calculator's choice (e.g. a monthly file where the
 * calculator reads annual figures), in the services' words; empty when any series was read. Without
 * it the calculator would only say that a figure is missing, as if another year or pick could help.
 */
export function nothingRead(x: ImportedSeries): Unread[] {
  return Object.values(x.series).some((s) => s !== null) ? [] : x.unread
}

/** A series in `currency`'s `target` scale (an exact decimal shift), or null when it is in another currency. */
function inUnit(
  s: Series | null | undefined,
  currency: 'USD' | 'CNY',
): (SeriesData & { unit: string }) | null {
  const shift = s ? shiftOfUnit(s.unit, currency, 'bn') : null
  if (!s || shift === null) return null
  return {
    series: s.series,
    unit: `${currency} bn`,
    points: s.points.map((p) => ({ ...p, value: shiftDecimal(p.value, shift) })),
  }
}

/**
 * The monthly balance: the file's own where it states one for a period, else exports − imports for
 * each period both levels have (the same span in both), marked computed with that rule and the two
 * readings. A period with no balance and only one level has none; nothing is filled. Null when no
 * period has a balance at all.
 */
export function balanceOrComputed(
  balance: SeriesData | null,
  exports: SeriesData | null,
  imports: SeriesData | null,
): SeriesData | null {
  const published = balance?.points ?? []
  const overlapsPublished = (p: DataPoint) =>
    published.some((b) => b.periodStart <= p.periodEnd && p.periodStart <= b.periodEnd)
  const byPeriod = new Map((imports?.points ?? []).map((p) => [p.period, p]))
  const computed: DataPoint[] = []
  for (const x of exports?.points ?? []) {
    const i = byPeriod.get(x.period)
    if (!i || i.periodStart !== x.periodStart || i.periodEnd !== x.periodEnd || overlapsPublished(x)) continue
    const part = <R extends 'exports' | 'imports'>(role: R, s: SeriesData, p: DataPoint) => ({
      role,
      series: s.series,
      period: p.period,
      value: p.value,
      sourceId: p.sourceId,
    })
    computed.push({
      period: x.period,
      periodStart: x.periodStart,
      periodEnd: x.periodEnd,
      value: decimalDifference(x.value, i.value),
      sourceId: x.sourceId,
      status: 'computed',
      computedFrom: [part('exports', exports!, x), part('imports', imports!, i)],
    })
  }
  if (!computed.length) return balance
  return {
    series: balance?.series ?? `${exports!.series} − ${imports!.series}`,
    points: [...published, ...computed].sort((a, b) => a.periodStart.localeCompare(b.periodStart)),
    ...(balance?.revised ? { revised: balance.revised } : {}),
  }
}

/**
 * The full-year calculator's levels from the file, in USD bn, with the monthly balance computed as
 * exports − imports where the file states none (see balanceOrComputed); the file has no year-to-date
 * or annual balance, so the year to date is the sum of the months.
 */
export function importedSurplus(x: ImportedSeries): SurplusData {
  const exports = inUnit(x.series.exports, 'USD')
  const imports = inUnit(x.series.imports, 'USD')
  return {
    exports,
    imports,
    balance: balanceOrComputed(inUnit(x.series.balance, 'USD'), exports, imports),
    balanceYtd: null,
    balanceAnnual: null,
  }
}

/** The yuan view's series from the file when its unit is yuan (in CNY bn), else null: dollars are never converted. */
export function importedYuan(x: ImportedSeries): YuanData | null {
  const exports = inUnit(x.series.exports, 'CNY')
  const imports = inUnit(x.series.imports, 'CNY')
  const balance = inUnit(x.series.balance, 'CNY')
  if (!exports && !imports && !balance) return null
  return {
    exportsYtd: null,
    importsYtd: null,
    balanceYtd: null,
    exports,
    imports,
    balance,
    exportsAnnual: null,
    importsAnnual: null,
    balanceAnnual: null,
  }
}

/** The partner-mix levels from the file, in USD bn: the total and each listed partner the file has. */
export function importedPartnerData(x: ImportedSeries): PartnerData {
  return {
    total: inUnit(x.series.total, 'USD'),
    byPartner: Object.fromEntries(
      PARTNER_IDS.flatMap((p) => {
        const s = inUnit(x.series[`partner:${p}`], 'USD')
        return s ? [[p, s]] : []
      }),
    ),
  }
}

/**
 * China's and world exports for the world-share base, a ratio: as the file states them where both are
 * in one unit, else both in USD bn; in two units that are not both dollars, no world figure (no share).
 */
export function importedExports(x: ImportedSeries): ImportedExports {
  const china = x.series.china ?? null
  const world = x.series.world ?? null
  if (!china || !world || china.unit === world.unit) return { china, world }
  return { china: inUnit(china, 'USD'), world: inUnit(china, 'USD') && inUnit(world, 'USD') }
}

/** A unit the file states that the calculator cannot use (neither US dollars nor yuan), for saying so. */
export function unusableUnits(x: ImportedSeries): string[] {
  return [
    ...new Set(
      Object.values(x.series)
        .filter((s): s is Series => !!s)
        .map((s) => s.unit)
        .filter((u) => shiftOfUnit(u, 'USD', 'bn') === null && shiftOfUnit(u, 'CNY', 'bn') === null),
    ),
  ]
}

/**
 * Where the year inputs move when a file is chosen whose span does not include them: the partner mix's
 * base year to the latest year with a total, the full year's year (and cut-off) to the latest month
 * with exports. Null when the current ones are in the file (then nothing the user set changes).
 */
export function yearsInFile(
  calculator: CalculatorId,
  inputs: FullYearInputs | PartnerMixInputs | WorldShareInputs,
  x: ImportedSeries,
): Partial<FullYearInputs> | Partial<PartnerMixInputs> | null {
  if (calculator === 'partnerMix') {
    const years = (x.series.total?.points ?? []).map((p) => p.period).filter((p) => /^\d{4}$/.test(p))
    const latest = years.sort().at(-1)
    if (!latest || years.includes(String((inputs as PartnerMixInputs).baseYear))) return null
    return { baseYear: Number(latest) }
  }
  if (calculator === 'fullYear') {
    const months = (x.series.exports?.points ?? []).map((p) => p.periodEnd).sort()
    const last = months.at(-1)
    const year = (inputs as FullYearInputs).year
    if (!last || months.some((m) => m.startsWith(`${year}-`))) return null
    const month = Number(last.slice(5, 7))
    return { year: Number(last.slice(0, 4)), cutoffMonth: Math.min(11, Math.max(2, month)) }
  }
  return null
}
