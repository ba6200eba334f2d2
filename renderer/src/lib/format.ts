/**
 * The app's one number and unit formatter, per locale: values and units as the user reads them in
 * charts, tables, calculators and the import screens. Values keep the precision they were published
 * with (up to two decimals unless asked); a value that is not a finite number is never shown as NaN or
 * Infinity.
 */
const formatters = new Map<string, Intl.NumberFormat>()

/** One cached Intl.NumberFormat per locale and style: making one costs far more than using it. */
function formatter(locale: string, signed: boolean, maxDigits = 2, minDigits = 0): Intl.NumberFormat {
  const key = `${locale}|${signed}|${maxDigits}|${minDigits}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      maximumFractionDigits: maxDigits,
      minimumFractionDigits: minDigits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    })
    formatters.set(key, f)
  }
  return f
}

const isChinese = (locale: string) => locale.toLowerCase().startsWith('zh')
/** `USD bn, change y/y`: a difference on a year earlier, in the series' unit (a balance's y/y). */
const CHANGE = /^(.+), change y\/y$/

/**
 * Unit names in Chinese. Units not listed (an imported file's own) are shown as written.
 */
const UNITS_ZH: Record<string, string> = {
  USD: '美元',
  'USD bn': '亿美元',
  'USD thousand': '千美元',
  'USD mn': '百万美元',
  'CNY tn': '万亿元',
  'CNY bn': '亿元',
  tonnes: '吨',
  'million tonnes': '百万吨',
  '% y/y': '同比 %',
  '% m/m': '环比 %',
  '% q/q': '季度环比 %',
  '% of total': '占总额 %',
}

/**
 * How many of the reader's units make one of the data's: Chinese counts amounts in 万, 亿 and 万亿, never
 * 十亿, so a value in billions is shown in 亿 (× 10, an exact move of the decimal point: 359.4 bn is
 * 3,594 亿美元), as the value axes' compact labels (10亿) and imported files' amounts (750.4 亿美元) count.
 * The data, the CSV and a snapshot keep the data's unit; every figure, axis and unit name on a page
 * goes through this, so a page never mixes 十亿美元 and 亿美元.
 */
export function unitScale(unit: string, locale: string): number {
  // A change on a year earlier (`USD bn, change y/y`) is in its series' unit.
  const level = CHANGE.exec(unit)?.[1] ?? unit
  return isChinese(locale) && (level === 'USD bn' || level === 'CNY bn') ? 10 : 1
}

/** A unit as the reader's language names it: `USD bn` → `亿美元` (see unitScale); `index, 2025-03 = 100` → `指数（2025年3月 = 100）`. */
export function unitLabel(unit: string, locale = 'en-US', period: (p: string) => string = (p) => p): string {
  const change = CHANGE.exec(unit)
  if (change) return isChinese(locale) ? `${unitLabel(change[1]!, locale)}，同比变化` : unit
  const index = /^index, (.+) = 100$/.exec(unit)
  if (index) {
    const base = index[1] === 'first period' ? null : period(index[1]!)
    if (isChinese(locale)) return `指数（${base ?? '首期'} = 100）`
    return `index, ${base ?? 'first period'} = 100`
  }
  return isChinese(locale) ? (UNITS_ZH[unit] ?? unit) : unit
}

export function formatLevel(value: number, unit: string, locale = 'en-US'): string {
  const scale = unitScale(unit, locale)
  const n = formatter(locale, false, scale === 1 ? 2 : 1).format(value * scale)
  if (isChinese(locale)) return UNITS_ZH[unit] ? `${n} ${UNITS_ZH[unit]}` : `${n} ${unit}`
  if (unit === 'USD bn') return `$${n} bn`
  if (unit === 'USD mn') return `$${n} mn`
  return `${n} ${unit}`
}

const percentSigns = new Map<string, { before: string; after: string }>()

/**
 * A number already written for the locale (`14.7`, `+5.9`) as a percentage the way the locale writes
 * one: Intl's own percent pattern says where the sign goes and with what space (en and zh `14.7%`, fr
 * `14,7 %`, tr `%14,7`). The number keeps the digits it was written with: Intl's percent style would
 * multiply by 100 in binary floating point first.
 */
function asPercent(number: string, locale: string): string {
  let sign = percentSigns.get(locale)
  if (!sign) {
    const parts = new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.05)
    const at = parts.findIndex((p) => p.type === 'integer')
    const text = (from: number, to?: number) =>
      parts
        .slice(from, to)
        .map((p) => p.value)
        .join('')
    sign = { before: text(0, at), after: text(at + 1) }
    percentSigns.set(locale, sign)
  }
  // A + or − stays in front of the whole, as Intl puts it: −%5 in Turkish, not %−5.
  const [, plusMinus = '', digits = number] = /^([+\-\u2212]?)(.*)$/s.exec(number) ?? []
  return `${plusMinus}${sign.before}${digits}${sign.after}`
}

/** A percentage (`14.7` → `14.7%`), to `digits` decimals at most (all of them when `fixed`), signed if asked. */
export function formatPercent(
  value: number,
  locale = 'en-US',
  { digits = 2, signed = false, fixed = false }: { digits?: number; signed?: boolean; fixed?: boolean } = {},
): string {
  return asPercent(formatter(locale, signed, digits, fixed ? digits : 0).format(value), locale)
}

/** `5.9` → `+5.9%`, `-1.1` → `-1.1%`. */
export function formatChange(value: number, locale = 'en-US'): string {
  return formatPercent(value, locale, { signed: true })
}

/** A value in whatever unit a chart shows; "—" for a gap. */
export function formatValue(value: number | null, unit: string, locale = 'en-US'): string {
  if (value === null || !Number.isFinite(value)) return '—'
  if (unit.startsWith('% y/y') || unit.startsWith('% m/m') || unit.startsWith('% q/q'))
    return formatChange(value, locale)
  if (unit.startsWith('%')) return formatPercent(value, locale)
  if (unit.startsWith('index')) return formatter(locale, false).format(value)
  const change = CHANGE.exec(unit)
  if (change) return formatDifference(value, change[1]!, locale)
  return formatLevel(value, unit, locale)
}

/** A difference of two levels, signed: `+$1.5 bn`, `−$567 mn` (never `$-567 mn`). */
export function formatDifference(value: number, unit: string, locale = 'en-US'): string {
  const level = formatLevel(Math.abs(value), unit, locale)
  return value > 0 ? `+${level}` : value < 0 ? `−${level}` : level
}

/**
 * A figure exactly as its source printed it, digits grouped for the locale and every printed decimal
 * kept, the unit named in the reader's language: "212916095", "USD thousand" → "212,916,095 USD thousand"
 * (zh-CN: "212,916,095 千美元"). In the reader's scale by moving the decimal point, never by arithmetic:
 * "221.337434", "USD bn" → zh-CN "2,213.37434 亿美元".
 */
export function formatPrinted(
  text: string,
  unit: string,
  locale = 'en-US',
  /** False: the number alone, in the unit's scale, for a sum whose last term names the unit. */
  { named = true }: { named?: boolean } = {},
): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  const suffix = unit && named ? ` ${unitLabel(unit, locale)}` : ''
  if (!m) return `${text}${suffix}`
  let [whole, decimals = ''] = [m[2]!, m[3] ?? '']
  // unitScale is 1 or 10: one place to the right.
  if (unitScale(unit, locale) === 10) {
    whole = (whole + (decimals[0] ?? '0')).replace(/^0+(?=\d)/, '')
    decimals = decimals.slice(1)
  }
  const nf = new Intl.NumberFormat(locale, { useGrouping: true })
  const decimal = nf.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.'
  return `${m[1]}${nf.format(BigInt(whole))}${decimals ? decimal + decimals : ''}${suffix}`
}

/* ——— The calculators: a number, or why there is none ——— */

export type Shown = { text: string; finite: true } | { text: '—'; finite: false; reason: NonFiniteReason }
export type NonFiniteReason = 'not-a-number' | 'infinite' | 'missing'

export interface DisplayOptions {
  locale?: string
  /**
   * 'usd-bn' → `$1,080.1 bn` (zh: `10,801 亿美元`); 'bn' → a value in billions as a number in the
   * reader's scale, for a table or axis whose heading names the unit (`1,080.1`; zh: `10,801`);
   * 'pct' → `5.2%`; 'pp' → `+1.2 pp` (zh: `+1.2 个百分点`); 'plain' → `1,080.1`.
   */
  style?: 'usd-bn' | 'bn' | 'pct' | 'pp' | 'plain'
  /** Maximum fraction digits (default 2), in billions: one fewer where the reader counts in 亿. */
  digits?: number
  /** Show a + on positive values. */
  signed?: boolean
  /** Always print `digits` decimals, for a column read down: `5.0%` beside `14.7%`, never `5%`. */
  fixed?: boolean
}

/** Formats a number, or explains why there is none. */
export function showNumber(value: number | null | undefined, options: DisplayOptions = {}): Shown {
  if (value === null || value === undefined) return { text: '—', finite: false, reason: 'missing' }
  if (Number.isNaN(value)) return { text: '—', finite: false, reason: 'not-a-number' }
  if (!Number.isFinite(value)) return { text: '—', finite: false, reason: 'infinite' }
  const { locale = 'en', style = 'plain', signed = style === 'pp', fixed = false } = options
  // Billions in the reader's scale (unitScale): the same precision, one decimal fewer in 亿.
  const scale = style === 'usd-bn' || style === 'bn' ? unitScale('USD bn', locale) : 1
  const digits = scale === 10 ? Math.max(0, (options.digits ?? 2) - 1) : (options.digits ?? 2)
  const scaled = value * scale
  // −0 would print as "-0"; a rounded tiny negative as "-0" too. Both are zero to the reader.
  const rounded = Math.abs(scaled) < 0.5 * 10 ** -digits ? 0 : scaled
  const body = formatter(locale, signed, digits, fixed ? digits : 0).format(rounded)
  switch (style) {
    case 'usd-bn': {
      // In Chinese the unit follows the number, as formatLevel writes it: `10,801 亿美元`.
      if (isChinese(locale)) return { text: `${body} ${UNITS_ZH['USD bn']}`, finite: true }
      const negative = body.startsWith('-') || body.startsWith('−')
      const plus = body.startsWith('+')
      const digitsOnly = negative || plus ? body.slice(1) : body
      return { text: `${negative ? '-' : plus ? '+' : ''}$${digitsOnly} bn`, finite: true }
    }
    case 'pct':
      return { text: asPercent(body, locale), finite: true }
    case 'pp':
      return { text: isChinese(locale) ? `${body} 个百分点` : `${body} pp`, finite: true }
    default:
      return { text: body, finite: true }
  }
}

/**
 * The decimals a column of numbers is printed with, so that it is read down at one precision: the most
 * any of its values needs at up to `maxDigits` (1.2 and 0.35 → 2: 1.20 beside 0.35; 1 and 5 → 0). Print
 * every value with `fixed` at these digits. A value that is missing or not finite needs none.
 */
export function columnDigits(values: readonly (number | null | undefined)[], maxDigits = 2): number {
  const plain = formatter('en-US', false, maxDigits)
  return Math.max(
    0,
    ...values.map((v) =>
      v === null || v === undefined || !Number.isFinite(v) ? 0 : (plain.format(v).split('.')[1]?.length ?? 0),
    ),
  )
}

/** Just the text (for charts' tick labels and tooltips, where no explanation fits). */
export function numberText(value: number | null | undefined, options: DisplayOptions = {}): string {
  return showNumber(value, options).text
}

/* ——— Imported files: amounts in their own unit, file sizes ——— */

/**
 * An amount in its unit, short: $75.0 bn, $12.3 mn, 1,234.5 EUR. In Chinese by the Chinese scale words
 * 万 (10⁴), 亿 (10⁸) and 万亿 (10¹²), as the value axes' compact labels count (axisTickLabel: 10亿), so a
 * legend, a table and the axis beside them use one scale: 750.4 亿美元, 1,234.6 万美元.
 *
 * `trimZeros`: a decimal that is zero is dropped ($10 bn, 1,000 万美元), for labels whose steps are whole
 * in their scale word (a colour legend's powers of ten); elsewhere amounts keep theirs, to align.
 */
export function formatAmount(
  value: number,
  unit: string,
  locale = 'en-US',
  { trimZeros = false }: { trimZeros?: boolean } = {},
): string {
  const abs = Math.abs(value)
  const short = (n: number) => formatter(locale, false, 1, trimZeros ? 0 : 1).format(n)
  if (unit === 'USD') {
    // The sign before the currency, as formatDifference writes it: −$12.3 mn, never $-12.3 mn.
    const sign = value < 0 ? '−' : ''
    if (isChinese(locale)) {
      if (abs >= 1e12) return `${sign}${short(abs / 1e12)} 万亿美元`
      if (abs >= 1e8) return `${sign}${short(abs / 1e8)} 亿美元`
      if (abs >= 1e4) return `${sign}${short(abs / 1e4)} 万美元`
      return `${sign}${formatter(locale, false).format(abs)} 美元`
    }
    if (abs >= 1e12) return `${sign}$${short(abs / 1e12)} tn`
    if (abs >= 1e9) return `${sign}$${short(abs / 1e9)} bn`
    if (abs >= 1e6) return `${sign}$${short(abs / 1e6)} mn`
    return `${sign}$${formatter(locale, false).format(abs)}`
  }
  const n = formatter(locale, false).format(value)
  return unit ? `${n} ${unit}` : n
}

const compactFormatters = new Map<string, Intl.NumberFormat>()

/**
 * A value axis's tick label in the reader's language. Axes reaching 100,000 read compact (10亿, 9.8亿;
 * 1B, 980M), with the fewest decimals that keep every tick's label distinct, so an imported file in
 * whole dollars does not print 1,000,000,000; smaller axes print the decimals their spacing needs, as
 * Chart.js's own labels do.
 */
export function axisTickLabel(
  value: number,
  ticks: readonly number[],
  locale = 'en-US',
  /** The data's unit: an axis in billions is labelled in the reader's scale (unitScale). */
  unit = '',
): string {
  const scale = unitScale(unit, locale)
  if (scale !== 1)
    return axisTickLabel(
      value * scale,
      ticks.map((v) => v * scale),
      locale,
    )
  if (ticks.some((v) => Math.abs(v) >= 1e5)) {
    for (let digits = 0; digits <= 3; digits++) {
      const key = `${locale}|${digits}`
      let f = compactFormatters.get(key)
      if (!f) {
        f = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: digits })
        compactFormatters.set(key, f)
      }
      const labels = ticks.map((v) => f.format(v))
      if (new Set(labels).size === labels.length) return f.format(value)
    }
  }
  const delta = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 0
  const decimals = delta > 0 ? Math.max(0, Math.min(20, -Math.floor(Math.log10(delta)))) : 0
  return formatter(locale, false, decimals, decimals).format(value)
}

/**
 * Names in a running list: "Japan, Korea" in English, "日本、韩国" in Chinese (the enumeration comma).
 * Items that hold commas themselves (`Japan $1,234.5 bn`) are listed with `semicolons`: "…; …" / "…；…".
 */
export function listText(
  items: readonly string[],
  locale = 'en-US',
  { semicolons = false }: { semicolons?: boolean } = {},
): string {
  const zh = locale.startsWith('zh')
  return items.join(semicolons ? (zh ? '；' : '; ') : zh ? '、' : ', ')
}

/**
 * Sentences one after another, as the page's language runs them together (app.sentences: a space
 * after an English full stop, none after a Chinese 。): the one way several reasons or notes are joined.
 */
export function sentencesText(
  items: readonly string[],
  t: (key: string, values: Record<string, string>) => string,
): string {
  return items.length ? items.reduce((first, second) => t('app.sentences', { first, second })) : ''
}

/** A file size, short: 1.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(0)} kB`
  return `${bytes} B`
}
