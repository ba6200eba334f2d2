/**
 * The what-if calculators: their serialisable state (inputs, user assumptions, scenarios, the open
 * calculator — see @shared/calculatorState) and the data they read. Everything shown is derived by the
 * pure model builders in lib/calculators/*Model.ts; the getters here only wire state and data to them.
 * The store persists nothing itself: `exportState()` / `importState()` are for the app's view state,
 * snapshots and exports, and always carry the current outputs.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Source, Translations } from '@shared/api'
import {
  CALCULATORS,
  defaultCalculatorState,
  parseCalculatorState,
  type CalculatorId,
  type CalculatorState,
  type FullYearInputs,
  type ImportedChoice,
  type OutputSummary,
  type ParsedState,
  type PartnerMixInputs,
  type Scenario,
  type UserAssumption,
  type WorldShareInputs,
} from '@shared/calculatorState'
import { ApiError, call, callAllPages, messageOf } from '../api/client'
import { loadCalculatorData, type CalculatorData } from '../lib/calculators/dataQueries'
import { buildFullYearModel, type FullYearModel } from '../lib/calculators/fullYearModel'
import {
  importedChoiceOf,
  importedExports,
  importedPartnerData,
  importedQueries,
  importedSurplus,
  importedYuan,
  loadImportedSeries,
  yearsInFile,
  type ImportedSeries,
} from '../lib/calculators/importedInputs'
import { buildPartnerMixModel, partnerIdsOf, type PartnerMixModel } from '../lib/calculators/partnerMixModel'
import { buildWorldShareModel, type WorldShareModel } from '../lib/calculators/worldShareModel'
import {
  deleteScenario as deleteFrom,
  duplicateScenario,
  renameScenario as renameIn,
  saveScenario as saveTo,
  type RenameResult,
} from '../lib/calculators/scenarios'

export type InputsOf<C extends CalculatorId> = C extends 'fullYear'
  ? FullYearInputs
  : C extends 'partnerMix'
    ? PartnerMixInputs
    : WorldShareInputs
export type ModelOf<C extends CalculatorId> = C extends 'fullYear'
  ? FullYearModel
  : C extends 'partnerMix'
    ? PartnerMixModel
    : WorldShareModel

/** How far the High and Low presets move the growth rates from the current inputs (percentage points). */
export const PRESET_SWING_PP: Record<CalculatorId, number> = { fullYear: 5, partnerMix: 5, worldShare: 1 }

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
let counter = 0
const newId = () => `sc-${Date.now().toString(36)}-${(counter += 1).toString(36)}`

/**
 * The model of one calculator's inputs over already-loaded data, or null while its dataset loads.
 * `imported` is what the inputs' imported-data choice read from the file (see importedInputs.ts): it
 * replaces the levels the calculator would read from the dataset by the bundled package's names.
 */
export function modelFor(
  calculator: CalculatorId,
  inputs: FullYearInputs | PartnerMixInputs | WorldShareInputs,
  data: CalculatorData | undefined,
  imported: ImportedSeries | null = null,
) {
  if (!data) return null
  switch (calculator) {
    case 'fullYear':
      return imported
        ? buildFullYearModel(inputs as FullYearInputs, importedSurplus(imported), importedYuan(imported))
        : buildFullYearModel(inputs as FullYearInputs, data.surplus, data.yuan)
    case 'partnerMix':
      return buildPartnerMixModel(
        inputs as PartnerMixInputs,
        imported ? importedPartnerData(imported) : data.partners,
      )
    case 'worldShare':
      return buildWorldShareModel(inputs as WorldShareInputs, {
        ...data.share,
        imported: imported ? importedExports(imported) : null,
      })
  }
}

export const useCalculatorsStore = defineStore('calculators', () => {
  const state = ref<CalculatorState>(defaultCalculatorState())
  // Loaded data is replaced whole, never edited: no deep reactivity needed.
  const data = shallowRef<Record<string, CalculatorData>>({})
  const datasets = shallowRef<
    { id: string; title: string; translations?: Translations; version: string; bundled: boolean }[]
  >([])
  /** Series read from imported datasets for the calculators' imported-data choices, by their queries. */
  const imported = shallowRef<Record<string, ImportedSeries>>({})
  const loading = ref(false)
  const error = ref<string | null>(null)
  /**
   * Reads of a dataset or an imported file still on their way (a dataset or file chosen, a scenario
   * opened, a file's dimensions for its choices): until they answer, a calculator has no model or its
   * choices are not final, and the page is busy.
   */
  const reading = ref(0)
  function counted<T>(read: Promise<T>): Promise<T> {
    reading.value++
    return read.finally(() => reading.value--)
  }

  const pending = new Map<string, Promise<void>>()
  function ensureData(dataset: string): Promise<void> {
    if (data.value[dataset]) return Promise.resolve()
    let p = pending.get(dataset)
    if (!p) {
      p = counted(
        loadCalculatorData(
          dataset,
          {
            series: (q) => call('getSeries', q),
            observations: (a) => call('getObservations', a),
            listSeries: (a) => callAllPages('listSeries', a),
          },
          (e) => e instanceof ApiError && e.code === 'NOT_FOUND',
        ).then((d) => {
          data.value = { ...data.value, [dataset]: d }
        }),
      ).finally(() => pending.delete(dataset))
      pending.set(dataset, p)
    }
    return p
  }

  type Inputs = Scenario['inputs']
  const queriesOf = (calculator: CalculatorId, inputs: Inputs) => {
    const choice = importedChoiceOf(inputs)
    return choice ? importedQueries(calculator, choice) : null
  }
  const importedOf = (calculator: CalculatorId, inputs: Inputs) => {
    const q = queriesOf(calculator, inputs)
    return q ? (imported.value[JSON.stringify(q)] ?? null) : null
  }
  async function ensureImported(calculator: CalculatorId, inputs: Inputs): Promise<void> {
    const q = queriesOf(calculator, inputs)
    const key = JSON.stringify(q)
    if (!q || imported.value[key]) return
    await counted(
      loadImportedSeries(
        q,
        (query) => call('getSeries', query),
        (e) => e instanceof ApiError && e.code === 'NOT_FOUND',
      ).then((d) => {
        imported.value = { ...imported.value, [key]: d }
      }),
    )
  }

  /** Reads what a calculator's imported-data choice names, if not read yet. */
  async function loadImported(calculator: CalculatorId): Promise<void> {
    try {
      await ensureImported(calculator, state.value[calculator])
    } catch (e) {
      error.value = messageOf(e)
    }
  }

  /**
   * Reads a calculator's inputs from an imported dataset (or, with null, stops): the world-share base,
   * or the full-year or partner-mix levels (their dataset becomes that file).
   */
  async function setImported(calculator: CalculatorId, choice: ImportedChoice | null): Promise<void> {
    if (calculator === 'worldShare') {
      const inputs = state.value.worldShare
      inputs.importedBase = choice as WorldShareInputs['importedBase']
      inputs.baseSource = choice ? 'imported' : 'statistic'
      inputs.baseYear = null
    } else {
      const inputs = state.value[calculator]
      inputs.imported = choice as never
      if (choice) inputs.dataset = choice.dataset
      // A file has no published year-to-date balance: its months are summed (each one published).
      if (choice && calculator === 'fullYear') state.value.fullYear.ytdBasis = 'sum-of-months'
    }
    try {
      await Promise.all([
        ensureData(state.value[calculator].dataset),
        ensureImported(calculator, state.value[calculator]),
      ])
      const read =
        choice && calculator !== 'worldShare' ? importedOf(calculator, state.value[calculator]) : null
      const moved = read ? yearsInFile(calculator, state.value[calculator], read) : null
      if (moved) Object.assign(state.value[calculator], moved)
    } catch (e) {
      error.value = messageOf(e)
    }
  }

  /** The datasets a calculator can read: the bundled package and every imported one, with versions. */
  async function refreshDatasets(): Promise<void> {
    const catalog = await call('listDatasets', {})
    datasets.value = catalog.datasets.map((d) => ({
      id: d.id,
      title: d.title,
      translations: d.translations,
      version: d.version,
      bundled: d.bundled,
    }))
  }

  /** Loads the dataset list and the data every calculator and saved scenario refers to. */
  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      await refreshDatasets()
      const wanted = new Set([
        ...CALCULATORS.map((c) => state.value[c].dataset),
        ...state.value.scenarios.map((s) => s.inputs.dataset),
      ])
      await Promise.all([
        ...[...wanted].map(ensureData),
        ...CALCULATORS.map((c) => ensureImported(c, state.value[c])),
        ...state.value.scenarios.map((s) => ensureImported(s.calculator, s.inputs)),
      ])
    } catch (e) {
      error.value = messageOf(e)
    } finally {
      loading.value = false
    }
  }

  async function setDataset(calculator: CalculatorId, dataset: string): Promise<void> {
    state.value[calculator].dataset = dataset
    try {
      await ensureData(dataset)
    } catch (e) {
      error.value = messageOf(e)
    }
  }

  /** What a calculator's imported-data choice read from its file (null: none chosen, or still loading). */
  const importedFor = (calculator: CalculatorId) => importedOf(calculator, state.value[calculator])

  /**
   * Whether a calculator reads its figures from an imported file and has not read them (its choices in
   * the file still to come, or its series on their way): its model waits for them, rather than show the
   * file without them as figures the data lacks. The full year and the partner mix read the file that is
   * their dataset; the world share reads one only for a base taken from it.
   */
  const awaitingFile = (c: CalculatorId) => {
    const inputs = state.value[c]
    const reads =
      'baseSource' in inputs
        ? inputs.baseSource === 'imported'
        : datasets.value.some((d) => d.id === inputs.dataset && !d.bundled)
    return reads && importedOf(c, inputs) === null
  }

  /** Each calculator's model over its inputs and loaded data (null while its dataset or file loads). */
  const models = computed(() => {
    const of = <C extends CalculatorId>(c: C) =>
      awaitingFile(c)
        ? null
        : (modelFor(
            c,
            state.value[c],
            data.value[state.value[c].dataset],
            importedOf(c, state.value[c]),
          ) as ModelOf<C> | null)
    return { fullYear: of('fullYear'), partnerMix: of('partnerMix'), worldShare: of('worldShare') }
  })

  /** Every source of every loaded dataset, by id. */
  const sources = computed<Record<string, Source>>(() =>
    Object.assign(
      {},
      ...Object.values(data.value).map((d) => d.sources),
      ...Object.values(imported.value).map((d) => d.sources),
    ),
  )

  const outputs = computed(() => ({
    fullYear: models.value.fullYear?.summary ?? {},
    partnerMix: models.value.partnerMix?.summary ?? {},
    worldShare: models.value.worldShare?.summary ?? {},
  }))

  /** The state as plain JSON, with the current outputs: what a snapshot or an export stores. */
  function exportState(): CalculatorState {
    return clone({ ...state.value, outputs: outputs.value })
  }

  /** Replaces the state with a validated one (e.g. from a snapshot); refused whole, with the reason. */
  function importState(value: unknown): ParsedState {
    const parsed = parseCalculatorState(value)
    if (parsed.ok) {
      state.value = parsed.state
      void load()
    }
    return parsed
  }

  // ——— User assumptions ———

  function overridesOf(calculator: CalculatorId): UserAssumption[] {
    return state.value[calculator].overrides
  }

  /** Sets (or, with value null, removes) the user's figure for a target such as `imports:2024-12`. */
  function setOverride(
    calculator: CalculatorId,
    target: string,
    value: number | null,
    unit: UserAssumption['unit'],
    note?: string,
  ): void {
    const list = overridesOf(calculator)
    const i = list.findIndex((o) => o.target === target)
    if (value === null) {
      if (i >= 0) list.splice(i, 1)
      return
    }
    const entry: UserAssumption = {
      kind: 'user-assumption',
      target,
      value,
      unit,
      note: note ?? list[i]?.note ?? '',
    }
    if (i >= 0) list.splice(i, 1, entry)
    else list.push(entry)
  }

  function setOverrideNote(calculator: CalculatorId, target: string, note: string): void {
    const o = overridesOf(calculator).find((x) => x.target === target)
    if (o) o.note = note.slice(0, 500)
  }

  // ——— Scenarios ———

  const scenariosOf = (calculator: CalculatorId) =>
    state.value.scenarios.filter((s) => s.calculator === calculator)

  function summaryFor(calculator: CalculatorId, inputs: Scenario['inputs']): OutputSummary {
    return (
      modelFor(calculator, inputs, data.value[inputs.dataset], importedOf(calculator, inputs))?.summary ?? {}
    )
  }

  /** Saves a calculator's current inputs (or the given ones) as a named scenario; returns it. */
  function saveScenario(
    name: string,
    calculator: CalculatorId = state.value.selected,
    inputs?: Scenario['inputs'],
  ): Scenario {
    const copy = clone(inputs ?? state.value[calculator])
    const scenario = {
      id: newId(),
      name,
      calculator,
      inputs: copy,
      outputs: summaryFor(calculator, copy),
      savedAt: new Date().toISOString(),
    } as Scenario
    const { list, saved } = saveTo(state.value.scenarios, scenario)
    state.value.scenarios = list
    return saved
  }

  function renameScenario(id: string, name: string): RenameResult<Scenario> {
    const r = renameIn(state.value.scenarios, id, name)
    if (r.ok) state.value.scenarios = r.list
    return r
  }

  function duplicate(id: string, copySuffix?: string): Scenario | null {
    const r = duplicateScenario(state.value.scenarios, id, newId(), copySuffix)
    state.value.scenarios = r.list
    return r.copy
  }

  function remove(id: string): void {
    state.value.scenarios = deleteFrom(state.value.scenarios, id)
    state.value.compare = state.value.compare.filter((c) => c !== id)
  }

  /** Loads a scenario's inputs into its calculator (the scenario itself is unchanged). */
  function applyScenario(id: string): void {
    const s = state.value.scenarios.find((x) => x.id === id)
    if (!s) return
    ;(state.value as Record<CalculatorId, unknown>)[s.calculator] = clone(s.inputs)
    void ensureData(s.inputs.dataset)
    void ensureImported(s.calculator, s.inputs)
  }

  function toggleCompare(id: string, on?: boolean): void {
    const has = state.value.compare.includes(id)
    const want = on ?? !has
    if (want && !has) state.value.compare = [...state.value.compare, id]
    if (!want && has) state.value.compare = state.value.compare.filter((c) => c !== id)
  }

  /** Base (the current inputs), High and Low (growth rates ± PRESET_SWING_PP), ticked for comparison. */
  function createPresets(
    calculator: CalculatorId,
    names: { base: string; high: string; low: string },
  ): Scenario[] {
    const swing = PRESET_SWING_PP[calculator]
    const shifted = (sign: 1 | -1): Scenario['inputs'] => {
      const i = clone(state.value[calculator])
      if (calculator === 'fullYear') {
        const f = i as FullYearInputs
        f.exportGrowthPct += sign * swing
        f.importGrowthPct -= sign * swing
        f.balanceGrowthPct += sign * 2 * swing
      } else if (calculator === 'partnerMix') {
        const p = i as PartnerMixInputs
        const ids = partnerIdsOf(data.value[p.dataset]?.partners ?? { total: null, byPartner: {} })
        for (const k of ids) p.growthPct[k] = (p.growthPct[k] ?? 0) + sign * swing
        p.restGrowthPct += sign * swing
      } else {
        const w = i as WorldShareInputs
        w.chinaGrowthPct += sign * swing
      }
      return i
    }
    const made = [
      saveScenario(names.base, calculator),
      saveScenario(names.high, calculator, shifted(1)),
      saveScenario(names.low, calculator, shifted(-1)),
    ]
    for (const s of made) toggleCompare(s.id, true)
    return made
  }

  /** The live model of a saved scenario (recomputed from its inputs and the data). */
  function scenarioModel(s: Scenario) {
    return modelFor(s.calculator, s.inputs, data.value[s.inputs.dataset], importedOf(s.calculator, s.inputs))
  }

  function select(calculator: CalculatorId): void {
    state.value.selected = calculator
  }

  return {
    state,
    data,
    datasets,
    loading,
    error,
    reading,
    counted,
    load,
    refreshDatasets,
    ensureData,
    setDataset,
    setImported,
    loadImported,
    importedFor,
    models,
    sources,
    outputs,
    exportState,
    importState,
    setOverride,
    setOverrideNote,
    scenariosOf,
    saveScenario,
    renameScenario,
    duplicate,
    remove,
    applyScenario,
    toggleCompare,
    createPresets,
    scenarioModel,
    select,
  }
})
