/** Number formatting for what the user reads. Values keep the precision they were published with. */
const level = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
const signed = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, signDisplay: 'exceptZero' })

export function formatLevel(value: number, unit: string): string {
  if (unit === 'USD bn') return `$${level.format(value)} bn`
  return `${level.format(value)} ${unit}`
}

/** `5.9` → `+5.9%`, `-1.1` → `-1.1%`. */
export function formatChange(value: number): string {
  return `${signed.format(value)}%`
}
