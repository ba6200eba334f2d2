import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Series, SeriesAnswer, SeriesInfo, SeriesQuery } from '@shared/api'
import { say } from '@shared/say'
import {
  encodeViewState,
  selectionsOf,
  viewProblem,
  type SeriesSelection,
  type ViewState,
} from '@shared/viewState'
import { ApiError, call, callAllPages, loadRefusals, messageOf, saidText } from '../api/client'
import type { FetchedSeries } from '../lib/chartModel'
import type { ShownBreakdown } from '../lib/embeddedData'
import { firstViewOf } from '../lib/datasetView'
import { PRESETS, type PresetId } from '../lib/presets'
import { i18n } from '../i18n'
import { normalizeView, seriesOnBasis, unknownCodes, type UnknownCode } from '../lib/viewRules'
import { useDimensionsStore } from './dimensions'

const MAX_HISTORY = 100

/** Reference data some charts draw besides their series (not series themselves). */
export interface References {
  /** Full-year totals of the charted flow, for the "previous record" line. */
  annual: Series | null
  /** A published projection of the charted measure (e.g. China's 2030 share). */
  projection: Series | null
}

/**
 * The Explorer: the view state (the single truth for what is shown), its undo/redo history, and the
 * series fetched for it. Every change goes through `apply`, which normalises the view and refuses one
 * whose parts do not fit together; a view given as text is checked whole by the schema first.
 */
export const useExplorerStore = defineStore('explorer', () => {
  const view = ref<ViewState>(structuredClone(PRESETS.headline))
  const past = ref<ViewState[]>([])
  const future = ref<ViewState[]>([])
  // Fetched data is replaced whole on every load: keep it out of deep reactivity.
  const fetched = shallowRef<FetchedSeries[]>([])
  // The view the fetched data belongs to: charts and tables read this pair, never a new view with old data.
  const loadedView = shallowRef<ViewState>(view.value)
  const references = shallowRef<References>({ annual: null, projection: null })
  const catalog = shallowRef<SeriesInfo[]>([])
  /** The dataset the series list belongs to: a view of another dataset waits for its own list. */
  const catalogDataset = ref<string | null>(null)
  const loading = ref(false)
  /**
   * Views given as text still being read (their schema loads first): until one is applied the page
   * shows the view it had (on a first visit the default one, with no data), which is not the one asked
   * for, so the page is busy rather than showing that.
   */
  const opening = ref(0)
  /** Reading a view's address or loading its data: what is shown is not yet the view asked for. */
  const busy = computed(() => loading.value || opening.value > 0)
  const error = ref<string | null>(null)
  /** The export dialog, opened by the toolbar button and by File › Export… (the `export` command). */
  const exportOpen = ref(false)
  /**
   * Data a self-contained snapshot brought with it, for its own view: shown instead of asking the main
   * process (which may not have the dataset). Any other view loads as usual.
   */
  const saved = shallowRef<{
    state: string
    fetched: FetchedSeries[]
    references: References
    /** The breakdown panel as saved (the panel shows it for its own query only). */
    breakdown: ShownBreakdown | null
  } | null>(null)
  /** The breakdown panel's ranking as shown now, which a self-contained snapshot keeps (RankingPanel sets it). */
  const breakdownShown = shallowRef<ShownBreakdown | null>(null)
  let loadId = 0
  /**
   * Whether a view was asked for since the page began (a control, a preset even if it is the view
   * shown, the address, a snapshot): the last session's view, which answers later, then stays away.
   */
  let chosen = false
  let inflight: { state: string; promise: Promise<void> } | null = null
  /** The series key (seriesKeyOf) of the data in `fetched`: a view that differs only in its breakdown reuses it. */
  let fetchedKey: string | null = null

  const stateString = computed(() => encodeViewState(view.value))
  /** Whether the view's dataset's series list is here: before it, no control knows what the dataset lacks. */
  const catalogLoaded = computed(() => catalogDataset.value === view.value.dataset)

  /**
   * The codes of the view its dataset does not have: known once the series list is, so a view string
   * opened before it (the address at startup) is told about here rather than refused.
   */
  const unknown = computed(() =>
    unknownCodes(
      view.value,
      catalogLoaded.value ? catalog.value : [],
      useDimensionsStore().of(view.value.dataset),
    ),
  )

  /**
   * Replaces the view if it can be shown; returns the reason otherwise. Records undo history. The views
   * given here are typed: made by the controls and presets, or the session's and snapshots' (main checked
   * those against the contract). A view given as text is checked whole first (openStateString).
   */
  function apply(next: ViewState, record = true): string | null {
    chosen = true
    const normalized = plainCopy(
      normalizeView(next, catalogDataset.value === next.dataset ? catalog.value : []),
    )
    const problem = viewProblem(normalized)
    if (problem) return problem
    if (encodeViewState(normalized) === stateString.value) return null
    if (record) {
      past.value = [...past.value, view.value].slice(-MAX_HISTORY)
      future.value = []
    }
    view.value = normalized
    void load()
    return null
  }

  /**
   * Shows the view the last session ended on, unless one was asked for since the page began: the
   * session is read after the first chart has started, so a quick first choice would otherwise be undone.
   */
  function restore(last: ViewState): void {
    if (chosen) return
    apply(last, false)
    chosen = false
  }

  /** Whether a view was asked for since the page began (the last session's view is not one). */
  function viewChosen(): boolean {
    return chosen
  }

  function update(patch: Partial<ViewState>): string | null {
    return apply({ ...view.value, ...patch })
  }

  function undo(): void {
    const previous = past.value.at(-1)
    if (!previous) return
    past.value = past.value.slice(0, -1)
    future.value = [view.value, ...future.value]
    apply(previous, false)
  }

  function redo(): void {
    const [next, ...rest] = future.value
    if (!next) return
    future.value = rest
    past.value = [...past.value, view.value]
    apply(next, false)
  }

  function applyPreset(id: PresetId): void {
    apply(structuredClone(PRESETS[id]))
  }

  /**
   * Opens a state string (pasted, or from the address bar), checked whole by the schema, which loads
   * (with zod) on first use: the first chart needs neither. A bad one is refused with its reason.
   */
  async function openStateString(text: string, record = true): Promise<string | null> {
    opening.value++
    try {
      const { decodeViewState } = await import('@shared/viewStateSchema')
      const decoded = decodeViewState(text)
      if (!decoded.ok) {
        await loadRefusals()
        return saidText(decoded.said, decoded.message)
      }
      // A code the dataset does not have is refused in plain words, the view shown staying as it was
      // (known once the dataset's series list is: else the Explorer says so beside the chart, `unknown`).
      const known = catalogDataset.value === decoded.view.dataset ? catalog.value : []
      const lacking = unknownCodes(decoded.view, known, useDimensionsStore().of(decoded.view.dataset))[0]
      if (lacking) return unknownCodeMessage(lacking)
      return apply(decoded.view, record)
    } finally {
      opening.value--
    }
  }

  async function loadCatalog(dataset = view.value.dataset): Promise<void> {
    const list = await callAllPages('listSeries', { dataset })
    // A list that arrives after the view moved to another dataset is not the view's: the controls keep theirs.
    if (dataset !== view.value.dataset) return
    catalog.value = list
    catalogDataset.value = dataset
  }

  /** Shows a view with the data a self-contained snapshot saved (see `saved`). */
  function showSaved(
    next: ViewState,
    data: { fetched: FetchedSeries[]; references: References; breakdown: ShownBreakdown | null },
  ): string | null {
    chosen = true
    const shown = plainCopy(next)
    const problem = viewProblem(shown)
    if (problem) return problem
    saved.value = { state: seriesKeyOf(shown), ...data }
    if (encodeViewState(shown) !== stateString.value) {
      past.value = [...past.value, view.value].slice(-MAX_HISTORY)
      future.value = []
      view.value = shown
    }
    void load()
    return null
  }

  /** Drops a self-contained snapshot's data: the same view is read from the library again. */
  function readLiveData(): Promise<void> {
    saved.value = null
    return load()
  }

  /**
   * Opens another dataset (bundled or imported) at its first view, built from its own dimensions. A
   * view shown while they load (a snapshot reopened, a preset, undo) stays: it was asked for later.
   */
  async function switchDataset(dataset: string): Promise<string | null> {
    if (dataset === view.value.dataset) return null
    const asked = view.value
    try {
      const [dims, list] = await Promise.all([
        useDimensionsStore().load(dataset),
        callAllPages('listSeries', { dataset }),
      ])
      if (view.value !== asked) return null
      catalog.value = list
      catalogDataset.value = dataset
      return apply(firstViewOf(dims, list))
    } catch (e) {
      return messageOf(e)
    }
  }

  /**
   * Loads the data of the current view; a second call for the same view joins the one under way. A
   * change of the breakdown only (a drill-down step, another picture) keeps the chart's data: the
   * breakdown panel asks for its own.
   */
  function load(): Promise<void> {
    const key = seriesKeyOf(view.value)
    if (saved.value && saved.value.state === key) {
      loadId++
      fetched.value = saved.value.fetched
      references.value = saved.value.references
      fetchedKey = key
      loadedView.value = view.value
      loading.value = false
      error.value = null
      return Promise.resolve()
    }
    if (inflight && inflight.state === stateString.value) return inflight.promise
    if (!inflight && fetchedKey === key && !error.value) {
      loadedView.value = view.value
      return Promise.resolve()
    }
    const promise = fetchView()
    inflight = { state: stateString.value, promise }
    void promise.finally(() => {
      if (inflight?.promise === promise) inflight = null
    })
    return promise
  }

  /** The data of a view, shown: the chart and table read these together. */
  function show(shown: ViewState, series: FetchedSeries[], refs: References): void {
    fetched.value = series
    references.value = refs
    fetchedKey = seriesKeyOf(shown)
    loadedView.value = shown
  }

  async function fetchView(): Promise<void> {
    const id = ++loadId
    const current = view.value
    loading.value = true
    error.value = null
    const fetchSeries = () => fetchSelections(current, catalog.value)
    try {
      // The chart's series are asked for first, and the series list (for the controls and projections)
      // once they are here, so the two never share the engine and the connections before the first
      // chart. A basis other than customs names its series, which needs the list first.
      const series = current.basis ? null : fetchSeries()
      const catalogKnown = catalogDataset.value === current.dataset
      const fetchCatalog = () => loadCatalog(current.dataset)
      const catalogReady = catalogKnown
        ? Promise.resolve()
        : series
          ? series.then(fetchCatalog, fetchCatalog)
          : fetchCatalog()
      const referencesReady = catalogReady.then(() => fetchReferences(current, catalog.value))
      if (series && !catalogKnown) {
        // A dataset's first view: its series list, which the chart needs only for its references (a
        // projection, the previous record), is still on its way. The series are shown as soon as they
        // are here and the references join them when known; the view stays busy until then.
        referencesReady.catch(() => {}) // awaited below; a failure is reported there
        const first = await series
        if (id !== loadId) return
        show(current, first, { annual: null, projection: null })
      }
      const [fetchedSeries, refs] = await Promise.all([
        series ?? catalogReady.then(fetchSeries),
        referencesReady,
      ])
      if (id !== loadId) return // a newer view was asked for meanwhile
      show(current, fetchedSeries, refs)
    } catch (e) {
      if (id === loadId) error.value = messageOf(e)
    } finally {
      if (id === loadId) loading.value = false
      // The dataset's dimensions feed the controls, not the chart: asked for once its data is here.
      useDimensionsStore()
        .load(current.dataset)
        .catch(() => {})
    }
  }

  return {
    view,
    loadedView,
    past,
    future,
    fetched,
    references,
    catalog,
    catalogLoaded,
    loading,
    busy,
    error,
    exportOpen,
    stateString,
    unknown,
    apply,
    restore,
    viewChosen,
    update,
    undo,
    redo,
    applyPreset,
    switchDataset,
    showSaved,
    readLiveData,
    saved,
    breakdownShown,
    openStateString,
    load,
  }
})

/** A code the dataset does not have, in plain words. */
export function unknownCodeMessage(u: UnknownCode): string {
  return i18n.global.t(`explorer.unknownCode.${u.kind}`, { code: u.code })
}

/** What the chart's data depend on: the view without its breakdown. */
function seriesKeyOf(view: ViewState): string {
  const { breakdown: _breakdown, ...rest } = view
  return encodeViewState(rest as ViewState)
}

/** A view as plain data of its own (a view is JSON by design): the history never shares arrays with the live view. */
function plainCopy(view: ViewState): ViewState {
  return JSON.parse(JSON.stringify(view)) as ViewState
}

function queryOf(view: ViewState, s: SeriesSelection, patch: Partial<SeriesQuery> = {}): SeriesQuery {
  return {
    dataset: view.dataset,
    ...(view.reporter ? { reporter: view.reporter } : {}),
    flow: s.flow,
    partner: s.partner,
    product: s.product,
    measure: view.measure,
    frequency: view.frequency,
    ...(view.unit ? { unit: view.unit } : {}),
    ...patch,
  }
}

/** A series the dataset may lack: null for NOT_FOUND (shown as "no data"), other errors propagate. */
async function optional(query: SeriesQuery): Promise<Series | null> {
  try {
    return await call('getSeries', query)
  } catch (e) {
    if (e instanceof ApiError && e.code === 'NOT_FOUND') return null
    throw e
  }
}

/**
 * The series of every selection of a view, asked for in one call (getSeriesBatch): each selection's
 * series on the view's basis, and what its transform reads besides (the published y/y or
 * year-to-date figures, which win over computed ones; the world total for a share).
 */
async function fetchSelections(view: ViewState, catalog: readonly SeriesInfo[]): Promise<FetchedSeries[]> {
  const queries: SeriesQuery[] = []
  const ask = (query: SeriesQuery) => queries.push(query) - 1
  const level = view.measure === 'level'
  const plans = selectionsOf(view).map((selection) => {
    /** The series id on the view's basis; null where the dataset has none on that basis. */
    const named = seriesOnBasis(view, catalog, selection)
    if (named === null) return { selection, named }
    return {
      selection,
      named,
      series: ask(queryOf(view, selection, named ? { series: named } : {})),
      // A published rate is the customs one: a series named on another basis is compared with itself only.
      published: named
        ? undefined
        : level && view.transform === 'yoy'
          ? ask(queryOf(view, selection, { measure: 'yoy', unit: undefined }))
          : level && view.transform === 'ytd' && view.frequency === 'month'
            ? ask(queryOf(view, selection, { frequency: 'ytd' }))
            : undefined,
      total:
        view.transform === 'share'
          ? ask(queryOf(view, selection, { partner: 'world', product: 'all' }))
          : undefined,
    }
  })
  const answers = queries.length ? await call('getSeriesBatch', { queries }) : []
  // A refusal inside the batch is worded as one the call threw (`call`): with the refusals loaded.
  if (answers.length < queries.length || answers.some((answer) => 'error' in answer)) await loadRefusals()
  return plans.map((plan): FetchedSeries => {
    const none = { selection: plan.selection, series: null, published: null, total: null }
    if (plan.named === null)
      return {
        ...none,
        error: i18n.global.t('explorer.noBasisSeries', {
          basis: i18n.global.t(`explorer.bases.${view.basis}`),
        }),
      }
    try {
      return {
        selection: plan.selection,
        series: seriesOf(answers[plan.series]),
        published: plan.published === undefined ? null : optionalOf(answers[plan.published]),
        total: plan.total === undefined ? null : optionalOf(answers[plan.total]),
      }
    } catch (e) {
      // A series the dataset lacks, or a selection it cannot answer, is this selection's "no data",
      // its reason in the page's language (a snapshot keeps it as shown), never the services' English.
      if (e instanceof ApiError && (e.code === 'NOT_FOUND' || e.code === 'INVALID_ARGUMENT'))
        return { ...none, error: messageOf(e) }
      throw e
    }
  })
}

/** One answer of a batch: its series, or its refusal thrown as the call would have thrown it. */
function seriesOf(answer: SeriesAnswer | undefined): Series {
  if (!answer) throw ApiError.saying('INTERNAL', say('seriesUnanswered'))
  if ('error' in answer) throw ApiError.of(answer.error)
  return answer.series
}

/** A series the dataset may lack (see `optional`): null for NOT_FOUND. */
function optionalOf(answer: SeriesAnswer | undefined): Series | null {
  return answer && 'error' in answer && answer.error.code === 'NOT_FOUND' ? null : seriesOf(answer)
}

async function fetchReferences(view: ViewState, catalog: readonly SeriesInfo[]): Promise<References> {
  const [first] = selectionsOf(view)
  if (!first) return { annual: null, projection: null }
  const annual =
    view.chart === 'ytdByYear'
      ? await optional(queryOf(view, first, { frequency: 'year', measure: 'level', unit: 'USD bn' }))
      : null
  const projected = catalog.find(
    (c) =>
      c.projection &&
      c.flow === first.flow &&
      c.partner === first.partner &&
      c.product === first.product &&
      c.measure === view.measure &&
      // An annual projection is not a point of a year-to-date or monthly line.
      c.frequency === view.frequency,
  )
  const projection = projected
    ? await optional(
        queryOf(view, first, {
          series: projected.series,
          frequency: projected.frequency,
          unit: projected.unit,
        }),
      )
    : null
  return { annual, projection }
}

/** Called when the Explorer route is entered: applies the view of the address bar and starts loading. */
export function prefetchExplorer(stateString: string): void {
  const explorer = useExplorerStore()
  // The address's view first, so the default view's data is never fetched on the way.
  void (stateString ? explorer.openStateString(stateString, false) : Promise.resolve(null)).then(() =>
    explorer.load(),
  )
}
