/**
 * Two-way sensitivity table, as in a spreadsheet's What-If Data Table: one input varies down the rows,
 * another across the columns, and each cell is the result f(row, column) with every other input held.
 * A cell whose result is beyond a threshold (e.g. above the previous record) is flagged, so the UI can
 * mark it with more than colour. Non-finite results are flagged as such, never shown as numbers.
 */

export interface SensitivityCell {
  value: number
  finite: boolean
  /** True when the value is finite and strictly beyond the threshold in its direction. */
  beyond: boolean
}

export interface SensitivityTable {
  rows: number[]
  columns: number[]
  /** cells[i][j] = f(rows[i], columns[j]). */
  cells: SensitivityCell[][]
}

export interface Threshold {
  value: number
  direction: 'above' | 'below'
}

export function twoWayTable(
  rows: readonly number[],
  columns: readonly number[],
  f: (row: number, column: number) => number,
  threshold?: Threshold | null,
): SensitivityTable {
  return {
    rows: [...rows],
    columns: [...columns],
    cells: rows.map((r) =>
      columns.map((c) => {
        const value = f(r, c)
        const finite = Number.isFinite(value)
        const beyond =
          finite &&
          !!threshold &&
          (threshold.direction === 'above' ? value > threshold.value : value < threshold.value)
        return { value, finite, beyond }
      }),
    ),
  }
}

/**
 * Axis values centred on `center`: center − n·step … center + n·step (2n + 1 values), rounded to
 * 1e-9 so 0.1-steps print cleanly.
 */
export function axisAround(center: number, step: number, n: number): number[] {
  const values: number[] = []
  for (let i = -n; i <= n; i += 1) values.push(Math.round((center + i * step) * 1e9) / 1e9)
  return values
}
