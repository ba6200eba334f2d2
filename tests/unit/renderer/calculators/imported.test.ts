// @vitest-environment happy-dom
/**
 * Every calculator's inputs read from an imported dataset, through the store and the one composable
 * the calculators share, over a fake bridge whose answers are checked against the contract's result
 * schemas and which answers as the real import queries do: values in whole US dollars (or another
 * unit the file states), NOT_FOUND for a series the file lacks, for another unit, for a measure other
 * than levels and for a frequency other than month or year. Expected values are worked out here by
 * plain arithmetic on the fake file's numbers.
 */
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import type { Series, SeriesQuery } from '@shared/api'
import { parseCalculatorState, type ImportedTrade } from '@shared/calculatorState'
import { english, measureWord, say, type Said } from '@shared/messages'
import { FREQUENCY_MESSAGES } from '../../../../electron/services/import/queries'
import { i18n as pageI18n } from '../../../../renderer/src/i18n'
import messages from '../../../../renderer/src/i18n/messages/calculators'
import appMessages from '../../../../renderer/src/i18n/messages/app'
import exploreMessages from '../../../../renderer/src/i18n/messages/explore'
import CalcImportedSource from '../../../../renderer/src/components/calculators/CalcImportedSource.vue'
import { balanceOrComputed } from '../../../../renderer/src/lib/calculators/importedInputs'
import type { DataPoint, SeriesData } from '../../../../renderer/src/lib/calculators/provenance'
import { useCalculatorsStore } from '../../../../renderer/src/stores/calculators'
import { answer, installBridge } from '../../../support/fakeBridge'

const SHA = 'ab'.repeat(32)
const FILE = {
  id: 'us-census',
  title: 'usa-china-trade-data.csv',
  version: '1 (imported 2026-12-01)',
  fileName: 'usa-china-trade-data.csv',
}
const source = {
  id: 'us-census-v1',
  title: 'usa-china-trade-data.csv (imported 2026-12-01, version 1)',
  publisher: null,
  published: null,
  url: '',
}

/** The fake file: US trade with China by month (whole USD), and China's trade by partner by year. */
type Rows = Record<string, number>
const months = (year: number, values: number[]): Rows =>
  Object.fromEntries(values.map((v, i) => [`${year}-${String(i + 1).padStart(2, '0')}`, v]))
const usExports = {
  ...months(2018, [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]),
  ...months(2019, [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]),
}
const usImports = {
  ...months(2018, [40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 38.5]),
  ...months(2019, [30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41]),
}
const scale = (rows: Rows, by: number): Rows =>
  Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v * by]))
let file: Record<string, { unit: string; rows: Rows }> = {}

function resetFile() {
  const bn = 1e9
  const balance = Object.fromEntries(Object.keys(usExports).map((k) => [k, usExports[k]! - usImports[k]!]))
  file = {
    'us/china/exports/month': { unit: 'USD', rows: scale(usExports, bn) },
    'us/china/imports/month': { unit: 'USD', rows: scale(usImports, bn) },
    'us/china/balance/month': { unit: 'USD', rows: scale(balance, bn) },
    // The world as a reporter (WDI-like), China's exports by partner (Comtrade-like), in USD thousand here.
    'world/world/exports/year': { unit: 'USD', rows: { '2021': 22_000 * bn, '2022': 25_000 * bn } },
    'china/world/exports/year': {
      unit: 'USD thousand',
      rows: { '2021': 3_300_000_000, '2022': 3_600_000_000 },
    },
    'china/us/exports/year': { unit: 'USD thousand', rows: { '2022': 580_000_000 } },
    'china/eu/exports/year': { unit: 'USD thousand', rows: { '2022': 560_000_000 } },
    'china/japan/exports/year': { unit: 'USD thousand', rows: { '2022': 170_000_000 } },
  }
}

const notFound = (message: string, said?: Said) =>
  Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message, ...(said ? { said } : {}) } })

function seriesOf(q: SeriesQuery): Promise<unknown> {
  if (q.dataset !== FILE.id) return notFound('The bundled package is not needed here.')
  if ((q.measure ?? 'level') !== 'level')
    return notFound(english(say('levelsOnly', { measure: measureWord(q.measure ?? 'level') })))
  const frequency = q.frequency ?? 'month'
  if (frequency !== 'month' && frequency !== 'quarter' && frequency !== 'year' && frequency !== 'ytd')
    return notFound('Imported datasets hold monthly, quarterly, annual or year-to-date data.')
  // A frequency the file has no rows at (it has no year-to-date rows), as the services refuse it
  // (import/queries.ts importedFrequency).
  if (!Object.keys(file).some((k) => k.endsWith(`/${frequency}`))) {
    const said = say('noFrequencyData', { frequency: FREQUENCY_MESSAGES[frequency] })
    return notFound(english(said), said)
  }
  const key = `${q.reporter ?? 'china'}/${q.partner ?? 'world'}/${q.flow}/${frequency}`
  const found = file[key]
  if (!found || (q.unit && q.unit !== found.unit)) {
    // As the services word it, with the file's labels of the reporter and partner.
    const { reporters, partners } = dimensions()
    const said = say('noImportedSeries', {
      dataset: FILE.id,
      frequency: FREQUENCY_MESSAGES[frequency],
      flow: q.flow,
      reporter: reporters.find((r) => r.code === (q.reporter ?? 'china'))?.label ?? '',
      partner: partners.find((p) => p.code === (q.partner ?? 'world'))?.label ?? '',
    })
    return notFound(english(said), said)
  }
  const points = Object.entries(found.rows).map(([period, value]) => ({
    period,
    periodStart: frequency === 'year' ? `${period}-01` : period,
    periodEnd: frequency === 'year' ? `${period}-12` : period,
    value,
    status: 'published',
    note: '',
    sourceId: source.id,
    alternatives: 0,
  }))
  const s: Series = {
    dataset: FILE.id,
    series: `${q.flow}_${q.reporter}_${q.partner}`,
    label: key,
    unit: found.unit,
    frequency,
    points: points as Series['points'],
    sources: [source],
  }
  return answer('getSeries', s)
}

const value = (code: string, label = code) => ({ code, label })
const dimensions = () => ({
  dataset: FILE.id,
  version: FILE.version,
  bundled: false,
  sha256: SHA,
  fileName: FILE.fileName,
  reporters: [value('china', 'China'), value('us', 'United States'), value('world', 'World')],
  flows: [value('balance'), value('exports'), value('imports')],
  partners: [
    value('world', 'World'),
    value('china', 'China'),
    value('eu'),
    value('japan'),
    value('us', 'United States'),
  ],
  products: [{ code: 'all', label: 'All products', level: 0 }],
  frequencies: ['month', 'year'],
  measures: ['level'],
  units: ['USD'],
  productLevels: [],
  coverage: { from: '2018-01', to: '2019-12' },
})

const catalogEntry = (id: string, title: string, version: string, bundled: boolean) => ({
  id,
  title,
  description: '',
  version,
  bundled,
  licenses: [],
  sources: [],
  coverage: { from: null, to: null },
  resources: [],
  observations: 0,
  sourceCount: 0,
})

beforeEach(() => {
  resetFile()
  setActivePinia(createPinia())
  installBridge({
    listDatasets: () =>
      answer('listDatasets', {
        datasets: [
          catalogEntry('china-trade', 'China trade', '2025.12', true),
          catalogEntry(FILE.id, FILE.title, FILE.version, false),
        ],
        problems: [],
      }),
    listSeries: () => answer('listSeries', { items: [], next: null, total: 0 }),
    getObservations: () => answer('getObservations', []),
    getSeries: seriesOf,
    getDimensions: () => answer('getDimensions', dimensions()),
  })
})

const trade: ImportedTrade = {
  dataset: FILE.id,
  version: FILE.version,
  sha256: SHA,
  fileName: FILE.fileName,
  reporter: 'us',
  partner: 'china',
  exportsFlow: 'exports',
  importsFlow: 'imports',
  balanceFlow: 'balance',
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

describe('full-year calculator from an imported file', () => {
  it('sums the file’s Jan–Nov balances and projects December from last December’s levels, in USD bn', async () => {
    const store = useCalculatorsStore()
    await store.load()
    await store.setImported('fullYear', trade)
    // The file ends in December 2019: the year moves into it; a file has no published YTD, so months are summed.
    expect(store.state.fullYear).toMatchObject({
      dataset: FILE.id,
      year: 2019,
      cutoffMonth: 11,
      ytdBasis: 'sum-of-months',
    })
    store.state.fullYear.exportGrowthPct = 10
    const m = store.models.fullYear!
    const ytd = sum(
      [...Array(11).keys()].map(
        (i) =>
          usExports[`2019-${String(i + 1).padStart(2, '0')}`]! -
          usImports[`2019-${String(i + 1).padStart(2, '0')}`]!,
      ),
    )
    const december = 21 * 1.1 - 38.5
    expect(m.ytd).toBeCloseTo(ytd, 9)
    expect(m.result?.total).toBeCloseTo(ytd + december, 9)
    // Each figure read from the file cites it (name and version), never the bundled package.
    const term = m.actuals.sumOfMonths.ok ? m.actuals.sumOfMonths.terms[0]! : null
    expect(term?.origin).toMatchObject({ kind: 'data', sourceId: source.id, period: '2019-01' })
    expect(store.sources[source.id]?.title).toContain('version 1')
    // The state (what a scenario or snapshot keeps) names the file exactly.
    const saved = store.exportState()
    expect(saved.fullYear.imported).toEqual(trade)
    expect(saved.outputs?.fullYear?.totalUsdBn).toBeCloseTo(ytd + december, 9)
    const scenario = store.saveScenario('From Census')
    expect(scenario.inputs).toMatchObject({ imported: trade })
    expect(parseCalculatorState(JSON.parse(JSON.stringify(saved))).ok).toBe(true)
  })

  it('a month the file lacks stays missing: no year-to-date sum, no result, the month named', async () => {
    // No balance and no imports for March (with both levels, its balance would be computed from them).
    delete file['us/china/balance/month']!.rows['2019-03']
    delete file['us/china/imports/month']!.rows['2019-03']
    const store = useCalculatorsStore()
    await store.load()
    await store.setImported('fullYear', trade)
    const m = store.models.fullYear!
    expect(m.ytd).toBeNull()
    expect(m.result).toBeNull()
    expect(m.problems).toContainEqual({ key: 'noYtd', basis: 'sum-of-months', missing: ['2019-03'] })
  })

  it('a file with exports and imports but no balance: each month’s balance is computed as exports − imports, marked computed with its two readings, and the year to date is their sum', async () => {
    delete file['us/china/balance/month']
    const store = useCalculatorsStore()
    await store.load()
    await store.setImported('fullYear', { ...trade, balanceFlow: null })
    store.state.fullYear.exportGrowthPct = 10
    const m = store.models.fullYear!
    const id = (i: number) => `2019-${String(i + 1).padStart(2, '0')}`
    const ytd = sum([...Array(11).keys()].map((i) => usExports[id(i)]! - usImports[id(i)]!))
    expect(m.problems).toEqual([])
    expect(m.ytd).toBeCloseTo(ytd, 9)
    expect(m.result?.total).toBeCloseTo(ytd + 21 * 1.1 - 38.5, 9)
    const terms = m.actuals.sumOfMonths.ok ? m.actuals.sumOfMonths.terms : []
    expect(terms).toHaveLength(11)
    expect(terms[2]).toEqual({
      value: 11 - 32,
      origin: {
        kind: 'computed',
        rule: 'balance',
        period: '2019-03',
        parts: [
          { role: 'exports', series: 'exports_us_china', period: '2019-03', value: 11, sourceId: source.id },
          { role: 'imports', series: 'imports_us_china', period: '2019-03', value: 32, sourceId: source.id },
        ],
      },
    })
    // Last December's balance (the balance method's base) is computed the same way.
    expect(m.plans[0]!.balance).toMatchObject({
      value: 21 - 38.5,
      origin: { kind: 'computed', rule: 'balance' },
    })

    // A month with exports but no imports has no balance: the year to date is missing, the month named.
    delete file['us/china/imports/month']!.rows['2019-04']
    setActivePinia(createPinia())
    const again = useCalculatorsStore()
    await again.load()
    await again.setImported('fullYear', { ...trade, balanceFlow: null })
    expect(again.models.fullYear!.ytd).toBeNull()
    expect(again.models.fullYear!.problems).toContainEqual({
      key: 'noYtd',
      basis: 'sum-of-months',
      missing: ['2019-04'],
    })
  })

  it('a file in yuan feeds the yuan view (never the dollar figures): the year to date is the sum of its months, marked computed', async () => {
    for (const k of Object.keys(file)) if (k.endsWith('/month')) file[k]!.unit = 'CNY'
    const store = useCalculatorsStore()
    await store.load()
    await store.setImported('fullYear', trade)
    store.state.fullYear.exportGrowthPct = 10
    const m = store.models.fullYear!
    // No dollar series: nothing is converted from yuan.
    expect(m.result).toBeNull()
    const yuan = m.yuan!
    const ytd = sum(
      [...Array(11).keys()].map((i) => {
        const id = `2019-${String(i + 1).padStart(2, '0')}`
        return usExports[id]! - usImports[id]!
      }),
    )
    expect(yuan.ytd.balance).toMatchObject({ kind: 'computed', rule: 'sum of months' })
    expect(yuan.ytd.balance?.value).toBeCloseTo(ytd, 9)
    expect(yuan.result?.total).toBeCloseTo(ytd + 21 * 1.1 - 38.5, 9)
    // A month missing in the file: no year-to-date sum and no yuan result, the period named.
    delete file['us/china/balance/month']!.rows['2019-05']
    delete file['us/china/exports/month']!.rows['2019-05']
    setActivePinia(createPinia())
    const again = useCalculatorsStore()
    await again.load()
    await again.setImported('fullYear', trade)
    expect(again.models.fullYear!.yuan!.result).toBeNull()
    expect(again.models.fullYear!.yuan!.missing).toEqual(['2019-01..2019-11'])
  })

  it('a file in yen is not read as dollars or yuan, and the page says why', async () => {
    for (const k of Object.keys(file)) file[k]!.unit = 'JPY thousand'
    const store = useCalculatorsStore()
    await store.load()
    store.state.fullYear.imported = trade
    await store.setDataset('fullYear', FILE.id)
    const w = mount(CalcImportedSource, {
      props: { calculator: 'fullYear', dataset: FILE.id },
      global: { plugins: [i18n()] },
    })
    await flushPromises()
    const m = store.models.fullYear!
    expect(m.ytd).toBeNull()
    expect(m.yuan).toBeNull()
    expect(w.get('[data-test="fy-imported-units"]').text()).toContain('JPY thousand')
  })
})

const i18n = () =>
  createI18n({
    legacy: false,
    locale: 'en',
    fallbackLocale: 'en',
    // The file line names the version as the Explorer's picker does (explore.importedVersion).
    messages: {
      en: { ...appMessages.en, ...messages.en, ...exploreMessages.en },
      'zh-CN': { ...appMessages['zh-CN'], ...messages['zh-CN'], ...exploreMessages['zh-CN'] },
    },
  })

describe('the one composable every calculator uses to pick its imported inputs', () => {
  it('full year: offers the file’s own reporters, partners and flows, guesses US → China and the three flows, and shows file, version and hash', async () => {
    const store = useCalculatorsStore()
    await store.load()
    await store.setDataset('fullYear', FILE.id)
    const w = mount(CalcImportedSource, {
      props: { calculator: 'fullYear', dataset: FILE.id },
      global: { plugins: [i18n()] },
    })
    await flushPromises()
    // China is the first reporter of this file, so China with the World is the first guess…
    expect(store.state.fullYear.imported).toMatchObject({
      reporter: 'china',
      partner: 'world',
      exportsFlow: 'exports',
      balanceFlow: 'balance',
    })
    // …and picking the US as reporter keeps the other picks.
    await w.get('[data-test="fy-imported-reporter"]').setValue('us')
    await w.get('[data-test="fy-imported-partner"]').setValue('china')
    await flushPromises()
    expect(store.state.fullYear.imported).toEqual(trade)
    expect(
      w
        .get('[data-test="fy-imported-partner"]')
        .findAll('option')
        .map((o) => o.text()),
    ).toEqual(['World', 'China', 'eu', 'Japan', 'United States'])
    const line = w.get('[data-test="fy-imported-file"]').text()
    expect(line).toContain(`${FILE.title}, version ${FILE.version}`)
    expect(line).toContain(`SHA-256 ${SHA.slice(0, 12)}`)
    expect(store.models.fullYear?.result).not.toBeNull()
    // A file without a balance flow: “none in the file” is a valid pick.
    await w.get('[data-test="fy-imported-balanceFlow"]').setValue('')
    await flushPromises()
    expect(store.state.fullYear.imported?.balanceFlow).toBeNull()
  })

  it('partner mix: the total against the World and each listed partner from the file, in USD bn; a partner it lacks has no level', async () => {
    const store = useCalculatorsStore()
    await store.load()
    await store.setDataset('partnerMix', FILE.id)
    mount(CalcImportedSource, {
      props: { calculator: 'partnerMix', dataset: FILE.id },
      global: { plugins: [i18n()] },
    })
    await flushPromises()
    expect(store.state.partnerMix.imported).toMatchObject({ reporter: 'china', flow: 'exports', sha256: SHA })
    // The base year moves to the latest year the file has a total for.
    expect(store.state.partnerMix.baseYear).toBe(2022)
    store.state.partnerMix.growthPct.us = -10
    store.state.partnerMix.redirectionPct = 0
    const m = store.models.partnerMix!
    expect(m.total?.value).toBe(3600)
    const level = (id: string) => m.partners.find((p) => p.id === id)!
    expect(level('us').level?.value).toBe(580)
    expect(level('japan').level?.value).toBe(170)
    expect(level('asean')).toMatchObject({ level: null, inData: false })
    expect(m.result?.nextTotal).toBeCloseTo(3600 - 58, 9)
    expect(m.result?.totalGrowth).toBeCloseTo(-58 / 3600, 12)
    // The year 2021 has a total but no partner levels: nothing is filled in for them.
    store.state.partnerMix.baseYear = 2021
    expect(store.models.partnerMix!.partners.every((p) => p.level === null)).toBe(true)
    expect(store.models.partnerMix!.total?.value).toBe(3300)
  })

  it('partner mix from a file with months only: says the file has none of the annual figures it reads, not that a year is missing', async () => {
    for (const k of Object.keys(file)) if (k.endsWith('/year')) delete file[k]
    const store = useCalculatorsStore()
    await store.load()
    await store.setDataset('partnerMix', FILE.id)
    const w = mount(CalcImportedSource, {
      props: { calculator: 'partnerMix', dataset: FILE.id },
      global: { plugins: [i18n()] },
    })
    await flushPromises()
    expect(store.state.partnerMix.imported).toMatchObject({ reporter: 'china', flow: 'exports' })
    expect(store.models.partnerMix!.total).toBeNull()
    expect(w.get('[data-test="pm-imported-unread"]').text()).toBe(
      'Nothing this calculator reads is in the file: This dataset has no annual data.',
    )
    // On a Chinese page the services' reason is in Chinese too (it was their English text).
    const zh = i18n()
    zh.global.locale.value = 'zh-CN'
    pageI18n.global.locale.value = 'zh-CN'
    try {
      const shown = mount(CalcImportedSource, {
        props: { calculator: 'partnerMix', dataset: FILE.id },
        global: { plugins: [zh] },
      })
      await flushPromises()
      expect(shown.get('[data-test="pm-imported-unread"]').text()).toBe(
        '此计算器所需的数据均不在该文件中：此数据集没有年度数据。',
      )
    } finally {
      pageI18n.global.locale.value = 'en'
    }
    // The full year reads this file's months (the US's trade with China): nothing to say there.
    store.state.fullYear.imported = trade
    await store.setDataset('fullYear', FILE.id)
    const fy = mount(CalcImportedSource, {
      props: { calculator: 'fullYear', dataset: FILE.id },
      global: { plugins: [i18n()] },
    })
    await flushPromises()
    expect(store.importedFor('fullYear')!.series.exports?.points.length).toBe(24)
    expect(fy.find('[data-test="fy-imported-unread"]').exists()).toBe(false)
  })

  it('full year from a pick the file has nothing for: its reasons run together as each language runs sentences', async () => {
    const store = useCalculatorsStore()
    await store.load()
    // China's trade with the US by month: the file has the US's with China only.
    await store.setImported('fullYear', { ...trade, reporter: 'china', partner: 'us', balanceFlow: null })
    const shown = async (locale: 'en' | 'zh-CN') => {
      const plugin = i18n()
      plugin.global.locale.value = locale
      pageI18n.global.locale.value = locale
      try {
        const w = mount(CalcImportedSource, {
          props: { calculator: 'fullYear', dataset: FILE.id },
          global: { plugins: [plugin] },
        })
        await flushPromises()
        return w.get('[data-test="fy-imported-unread"]').text()
      } finally {
        pageI18n.global.locale.value = 'en'
      }
    }
    expect(await shown('en')).toBe(
      'Nothing this calculator reads is in the file: ' +
        'Dataset "us-census" has no monthly exports for China with United States. ' +
        'Dataset "us-census" has no monthly imports for China with United States.',
    )
    // Chinese puts no space after its full stop.
    expect(await shown('zh-CN')).toBe(
      '此计算器所需的数据均不在该文件中：' +
        '数据集“us-census”中没有 China 与 United States 之间的月度“exports”数据。' +
        '数据集“us-census”中没有 China 与 United States 之间的月度“imports”数据。',
    )
  })

  it('while the file’s figures are read, a calculator has no model (it is loading), not one without them', async () => {
    // A slow engine for the file's trade (reporter us): its answers wait until the test lets them through.
    let letThrough!: () => void
    const held = new Promise<void>((resolve) => (letThrough = resolve))
    installBridge({
      ...(window as unknown as { trade: Record<string, unknown> }).trade,
      getSeries: async (q: SeriesQuery) => {
        if (q.dataset === FILE.id && q.reporter === 'us') await held
        return seriesOf(q)
      },
    })
    const store = useCalculatorsStore()
    // The page opens on a full year read from the file (as a saved session or scenario has it).
    Object.assign(store.state.fullYear, { dataset: FILE.id, imported: trade, year: 2019, cutoffMonth: 11 })
    const loaded = store.load()
    await vi.waitFor(() => expect(Object.keys(store.data)).toContain(FILE.id))
    expect(store.reading).toBeGreaterThan(0)
    // The file's dataset is here, its figures are not: no model yet, so nothing reads as missing.
    expect(store.models.fullYear).toBeNull()
    letThrough()
    await loaded
    expect(store.models.fullYear?.actuals.sumOfMonths.ok).toBe(true)
  })

  it('world share: China ÷ World from the file, through the same composable (with its own file picker)', async () => {
    const store = useCalculatorsStore()
    await store.load()
    store.state.worldShare.baseSource = 'imported'
    const w = mount(CalcImportedSource, {
      props: { calculator: 'worldShare' },
      global: { plugins: [i18n()] },
    })
    await flushPromises()
    expect(store.state.worldShare.importedBase).toMatchObject({
      dataset: FILE.id,
      flow: 'exports',
      china: 'china',
      world: 'world',
    })
    expect(w.get('[data-test="ws-imported-dataset"]').element).toBeTruthy()
    const m = store.models.worldShare!
    expect(m.baseYear).toBe(2022)
    // 3,600 bn (in USD thousand) ÷ 25,000 bn (in USD): the file states both; the ratio is taken in one unit.
    expect(m.base?.value).toBeCloseTo((3600 / 25_000) * 100, 9)
  })
})

describe('a monthly balance where the file states none', () => {
  const point = (period: string, value: number, sourceId = 'file'): DataPoint => ({
    period,
    periodStart: period.slice(0, 7),
    periodEnd: period.slice(-7),
    value,
    sourceId,
  })
  const series = (name: string, points: DataPoint[]): SeriesData => ({ series: name, points })

  it('is exports − imports on the figures’ decimal digits, for periods both levels cover with the same span', () => {
    const x = series('x', [point('2024-01..2024-02', 12.3), point('2024-03', 1.239083), point('2024-04', 5)])
    const i = series('i', [
      point('2024-01..2024-02', 12.1),
      point('2024-03', 0.999763),
      point('2024-04..2024-05', 9),
    ])
    const b = balanceOrComputed(null, x, i)!
    // 12.3 − 12.1 in floating point is 0.20000000000000107; the published digits give 0.2.
    expect(b.points.map((p) => [p.period, p.value, p.status])).toEqual([
      ['2024-01..2024-02', 0.2, 'computed'],
      ['2024-03', 0.23932, 'computed'],
    ])
    expect(b.points[0]!.computedFrom!.map((p) => [p.role, p.value])).toEqual([
      ['exports', 12.3],
      ['imports', 12.1],
    ])
  })

  it('keeps the file’s own balance where it has one and computes none over it', () => {
    const x = series('x', [point('2024-01', 10), point('2024-02', 11), point('2024-03', 12)])
    const i = series('i', [point('2024-01', 4), point('2024-02', 5), point('2024-03', 6)])
    const published = series('b', [point('2024-01..2024-02', 99, 'published')])
    const b = balanceOrComputed(published, x, i)!
    expect(b.points.map((p) => [p.period, p.value, p.computedFrom ? 'computed' : 'published'])).toEqual([
      ['2024-01..2024-02', 99, 'published'],
      ['2024-03', 6, 'computed'],
    ])
    // No level pairs at all: the file's balance as it is; none at all: no balance.
    expect(balanceOrComputed(published, x, null)).toBe(published)
    expect(balanceOrComputed(null, x, null)).toBeNull()
  })
})
