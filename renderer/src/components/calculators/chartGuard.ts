/**
 * vue-chartjs updates a chart on the tick after its props change; if the chart was unmounted in
 * between (results hidden while an input is invalid), Chart.js would update a destroyed chart and throw.
 * This instance-level guard skips updates of a chart whose canvas is gone. Nothing global is changed.
 */
import { shallowRef, watch } from 'vue'
import type { Chart } from 'chart.js'

const guarded = new WeakSet<object>()

/**
 * Returns a function ref for the vue-chartjs component: `<BarView :ref="guard">`. (A function, so the
 * template visibly uses it.)
 */
export function useChartUpdateGuard(): (component: unknown) => void {
  const view = shallowRef<{ chart: Chart | null } | null>(null)
  watch(
    () => view.value?.chart ?? null,
    (chart) => {
      if (!chart || guarded.has(chart)) return
      guarded.add(chart)
      const update = chart.update.bind(chart)
      chart.update = (mode) => {
        if (!chart.canvas?.isConnected) return
        update(mode)
      }
    },
    { immediate: true, flush: 'sync' },
  )
  return (component) => {
    view.value = (component as { chart: Chart | null } | null) ?? null
  }
}
