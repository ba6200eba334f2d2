/**
 * Number formatting for what the user reads, per locale. Values keep the precision they were
 * published with (up to two decimals); a value that is not a finite number is never shown as NaN.
 */
const formatters = new Map<string, Intl.NumberFormat>()

function formatter(locale: string, signed: boolean): Intl.NumberFormat {
  const key = `${locale}|${signed}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      maximumFractionDigits: 2,
      signDisplay: signed ? 'exceptZero' : 'auto',
    })
    formatters.set(key, f)
  }
  return f
}

export function formatLevel(value: number, unit: string, locale = 'en-US'): string {
  const n = formatter(locale, false).format(value)
  if (unit === 'USD bn') return `$${n} bn`
  if (unit === 'USD mn') return `$${n} mn`
  return `${n} ${unit}`
}

/** `5.9` → `+5.9%`, `-1.1` → `-1.1%`. */
export function formatChange(value: number, locale = 'en-US'): string {
  return `${formatter(locale, true).format(value)}%`
}

/** A value in whatever unit a chart shows; "—" for a gap. */
export function formatValue(value: number | null, unit: string, locale = 'en-US'): string {
  if (value === null || !Number.isFinite(value)) return '—'
  if (unit.startsWith('% y/y') || unit.startsWith('% m/m')) return formatChange(value, locale)
  if (unit.startsWith('%')) return `${formatter(locale, false).format(value)}%`
  if (unit.startsWith('index')) return formatter(locale, false).format(value)
  return formatLevel(value, unit, locale)
}
