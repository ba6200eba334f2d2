/** An amount in its unit, short: $75.0 bn, $12.3 mn, 1,234.5 EUR. */
export function formatAmount(value: number, unit: string, locale = 'en-US'): string {
  const abs = Math.abs(value)
  const short = (n: number) =>
    n.toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })
  if (unit === 'USD') {
    if (abs >= 1e12) return `$${short(value / 1e12)} tn`
    if (abs >= 1e9) return `$${short(value / 1e9)} bn`
    if (abs >= 1e6) return `$${short(value / 1e6)} mn`
    return `$${value.toLocaleString(locale, { maximumFractionDigits: 2 })}`
  }
  const n = value.toLocaleString(locale, { maximumFractionDigits: 2 })
  return unit ? `${n} ${unit}` : n
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(0)} kB`
  return `${bytes} B`
}
