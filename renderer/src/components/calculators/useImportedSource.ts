/**
 * One calculator's inputs read from an imported dataset: the file (chosen here, or the calculator's own
 * dataset), its dimensions, and the reporter, partner and flows each input is read from — all offered
 * from the file's own dimensions, guessed where the file makes it plain (`china`, `world`, `exports`),
 * and kept in the calculator's state with the file's version and SHA-256, so a scenario or a snapshot
 * names the exact file. Every calculator uses this one composable (CalcImportedSource.vue shows it).
 */
import { computed, shallowRef, watch, type Ref } from 'vue'
import type { CalculatorId, ImportedChoice } from '@shared/calculatorState'
import type { Dimensions, DimensionValue } from '@shared/exploreApi'
import { call, messageOf } from '../../api/client'
import { useCalculatorsStore } from '../../stores/calculators'

/** One pick: which dimension it is chosen from and how a first choice is guessed from the file. */
export interface ImportedField {
  key: string
  from: 'reporters' | 'partners' | 'flows'
  /** The code to start with, given the file's dimensions and the picks before this one; null: none fits. */
  guess: (values: DimensionValue[], picks: Record<string, string | null>) => string | null
  /** A field the file may not have (e.g. a balance flow): null is a valid pick. */
  optional?: boolean
}

/** The first value whose code or label matches. */
export const firstMatch = (values: DimensionValue[], pattern: RegExp): string | null =>
  values.find((v) => pattern.test(v.code) || pattern.test(v.label))?.code ?? null

export function useImportedSource(
  calculator: CalculatorId,
  fields: readonly ImportedField[],
  /** The dataset the calculator reads (full-year, partner mix); undefined: the user picks one here. */
  fixedDataset?: Ref<string | undefined>,
) {
  const store = useCalculatorsStore()
  const importedSets = computed(() => store.datasets.filter((d) => !d.bundled))
  const current = computed<(ImportedChoice & Record<string, unknown>) | null>(() => {
    const inputs = store.state[calculator]
    const choice = 'importedBase' in inputs ? inputs.importedBase : inputs.imported
    return choice as (ImportedChoice & Record<string, unknown>) | null
  })
  const dims = shallowRef<Dimensions | null>(null)
  const problem = shallowRef<string | null>(null)
  /** The picks in effect for the dimensions shown (the state's, where they are for this file). */
  const picks = computed<Record<string, string | null>>(() => {
    const c = current.value
    const same = c && dims.value && c.dataset === dims.value.dataset
    return Object.fromEntries(fields.map((f) => [f.key, same ? ((c[f.key] as string | null) ?? null) : null]))
  })

  async function apply(change: Record<string, string | null>): Promise<void> {
    const d = dims.value
    if (!d) return
    const next = { ...picks.value, ...change }
    if (fields.some((f) => !f.optional && !next[f.key])) return
    const choice = {
      dataset: d.dataset,
      version: d.version,
      sha256: d.sha256,
      fileName: d.fileName,
      ...next,
    } as ImportedChoice
    // Reopening the same choice (the page shown again) changes nothing the user set.
    const same =
      current.value &&
      Object.entries(choice).every(([k, v]) => (current.value as Record<string, unknown>)[k] === v)
    if (same) await store.loadImported(calculator)
    else await store.setImported(calculator, choice)
  }

  /** Which file was asked for last: an answer for a file chosen before it is left unused. */
  let asked = 0

  /** Reads the file's dimensions, keeps the picks made for it before, guesses the others. */
  function useDataset(dataset: string): Promise<void> {
    return store.counted(read(dataset, ++asked))
  }
  async function read(dataset: string, ask: number): Promise<void> {
    problem.value = null
    try {
      const d = await call('getDimensions', { dataset })
      // Files chosen one after the other are answered in any order: applied, the earlier file's answer
      // would choose that file again (full year and partner mix read the file chosen here).
      if (ask !== asked) return
      dims.value = d
      const kept = current.value?.dataset === dataset ? current.value : null
      const chosen: Record<string, string | null> = {}
      for (const f of fields) {
        const keep = kept?.[f.key] as string | null | undefined
        chosen[f.key] = keep !== undefined ? keep : f.guess(d[f.from], chosen)
      }
      await apply(chosen)
    } catch (e) {
      if (ask === asked) problem.value = messageOf(e)
    }
  }

  const title = computed(() => {
    const id = current.value?.dataset
    return store.datasets.find((d) => d.id === id)?.title ?? id
  })

  // The calculator's own dataset (full-year, partner mix), or the user's choice here (world share).
  if (fixedDataset) {
    watch(
      fixedDataset,
      (id) => {
        if (id && id !== dims.value?.dataset) void useDataset(id)
      },
      { immediate: true },
    )
  } else {
    watch(
      importedSets,
      (sets) => {
        const first = current.value?.dataset ?? sets[0]?.id
        if (!dims.value && first) void useDataset(first)
      },
      { immediate: true },
    )
  }

  return { importedSets, current, dims, picks, problem, title, apply, useDataset }
}
