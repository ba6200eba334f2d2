/**
 * The what-if calculators' state: the inputs of the three calculators, the user's own figures standing
 * in for missing data (each labelled a user assumption), the saved scenarios and which calculator is
 * open. Plain JSON, validated with zod wherever it crosses a boundary (a snapshot, an export).
 * Self-contained (zod only) so the app's view state can embed it as one field.
 *
 * Conventions: every rate is stored in **percent** as the user typed it (`exportGrowthPct: 5` is 5 %);
 * the calculators convert to fractions. Levels are USD bn. `outputs` is derived (recomputed from the
 * inputs and the data on load) and kept so an exported snapshot carries the numbers it showed.
 */
import { z } from 'zod'
import { Code as PartnerCode, DatasetId, Sha256 } from './primitives'

export const CALCULATOR_STATE_VERSION = 1
export const CALCULATORS = ['fullYear', 'partnerMix', 'worldShare'] as const
export const CalculatorId = z.enum(CALCULATORS)
export type CalculatorId = z.infer<typeof CalculatorId>

/**
 * The partners the partner-mix calculator always offers (a user may type a level where the data has
 * none); every other partner with a level in the data is offered too. The rest of the world is
 * computed, never entered.
 */
export const PARTNER_IDS = ['us', 'eu', 'asean', 'africa', 'latin_america', 'japan'] as const
export type PartnerId = string
const Year = z.number().int().min(1900).max(2100)
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)
/** A growth rate in percent: −100 % (nothing left) to +1,000 %. */
export const GROWTH_PCT_RANGE = { min: -100, max: 1000 } as const
const GrowthPct = z.number().finite().min(GROWTH_PCT_RANGE.min).max(GROWTH_PCT_RANGE.max)
/** World and China growth for the share path must stay above −100 % (a ratio of the two is taken). */
const ShareGrowthPct = z.number().finite().gt(-100).max(GROWTH_PCT_RANGE.max)
const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
const Name = z.string().min(1).max(60)

/**
 * A figure the user typed in place of one the data does not have. `target` says what it stands for:
 * `exports:YYYY-MM` / `imports:YYYY-MM` (a monthly level, USD bn), `partner:<id>` (a base-year partner
 * level, USD bn) or `baseShare` (the base-year share, %).
 */
export const UserAssumption = z
  .object({
    kind: z.literal('user-assumption'),
    target: z
      .string()
      .max(64)
      .regex(/^((exports|imports):\d{4}-\d{2}|partner:[a-z_]+|baseShare)$/),
    value: z.number().finite().min(0).max(1_000_000),
    unit: z.enum(['USD bn', '%']),
    note: z.string().max(500),
  })
  .strict()
export type UserAssumption = z.infer<typeof UserAssumption>

const uniqueTargets = (list: UserAssumption[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>()
  for (const o of list) {
    if (seen.has(o.target)) ctx.addIssue({ code: 'custom', message: `two user figures for ${o.target}` })
    seen.add(o.target)
  }
}
const Overrides = z.array(UserAssumption).max(48).superRefine(uniqueTargets)

/**
 * An imported file, named exactly: id, version, SHA-256 and file name, so a snapshot or a scenario
 * says which file (and which import of it) a calculator's inputs were read from.
 */
const ImportedFile = {
  dataset: DatasetId,
  version: z.string().max(64),
  sha256: Sha256.nullable(),
  fileName: z.string().max(260).nullable(),
}

/**
 * The base share computed from an imported dataset (a WDI or WTO file, say): China's exports ÷ world
 * exports × 100, both read from the file by reporter and flow.
 */
export const ImportedShareBase = z
  .object({
    ...ImportedFile,
    /** The flow (or indicator) both series are read from, and the reporters of each. */
    flow: PartnerCode,
    china: PartnerCode,
    world: PartnerCode,
  })
  .strict()
export type ImportedShareBase = z.infer<typeof ImportedShareBase>

/**
 * The full-year calculator's monthly levels read from an imported dataset: one reporter's exports,
 * imports and (where the file has one) balance with one partner, each a flow of the file. Used when the
 * calculator's dataset is that file.
 */
export const ImportedTrade = z
  .object({
    ...ImportedFile,
    reporter: PartnerCode,
    partner: PartnerCode,
    exportsFlow: PartnerCode,
    importsFlow: PartnerCode,
    /** The file's balance flow; null when it has none (then no month's balance is read). */
    balanceFlow: PartnerCode.nullable(),
  })
  .strict()
export type ImportedTrade = z.infer<typeof ImportedTrade>

/**
 * The partner-mix calculator's annual levels read from an imported dataset: one reporter's flow to the
 * World (the total) and to each partner the calculator lists. Used when the calculator's dataset is
 * that file.
 */
export const ImportedPartners = z
  .object({ ...ImportedFile, reporter: PartnerCode, flow: PartnerCode })
  .strict()
export type ImportedPartners = z.infer<typeof ImportedPartners>

/** Any calculator's imported-data choice. */
export type ImportedChoice = ImportedShareBase | ImportedTrade | ImportedPartners

export const FullYearInputs = z
  .object({
    dataset: DatasetId,
    year: Year,
    /** The last month of actuals (2 = through Jan–Feb, published combined; 11 = through November). */
    cutoffMonth: z.number().int().min(2).max(11),
    /** Year-to-date surplus: the published YTD figure, or the sum of the published monthly balances. */
    ytdBasis: z.enum(['published-ytd', 'sum-of-months']),
    exportGrowthPct: GrowthPct,
    importGrowthPct: GrowthPct,
    balanceGrowthPct: GrowthPct,
    /** Last year's months as revised where the data has a later vintage, or as the data displays them. */
    baseVintage: z.enum(['revised', 'as-published']).default('revised'),
    /** Results in US dollars, or from the published yuan series (never converted). */
    currency: z.enum(['USD', 'CNY']).default('USD'),
    /** The method chosen for a remaining month, keyed by last year's month; absent = automatic. */
    methods: z.record(Month, z.enum(['levels', 'balance'])),
    overrides: Overrides,
    /** Where the levels are read when the dataset is an imported file (null: as the bundled package names them). */
    imported: ImportedTrade.nullable().default(null),
    goalSeek: z
      .object({
        variable: z.enum(['exportGrowth', 'importGrowth', 'balanceGrowth']),
        targetUsdBn: z.number().finite().nullable(),
      })
      .strict(),
  })
  .strict()
export type FullYearInputs = z.infer<typeof FullYearInputs>

export const PartnerMixInputs = z
  .object({
    dataset: DatasetId,
    baseYear: Year,
    /** Growth by partner code; a partner without an entry grows by 0 %. */
    growthPct: z
      .record(PartnerCode, GrowthPct)
      .refine((r) => Object.keys(r).length <= 64, 'too many partners'),
    restGrowthPct: GrowthPct,
    /** Share of the exports lost in the US market sold elsewhere, 0–100 %. */
    redirectionPct: z.number().finite().min(0).max(100),
    /** Where the redirected exports go (partner codes or `rest`); empty: every other destination. */
    redirectTo: z.array(PartnerCode).max(64).default([]),
    /** How far the tornado chart moves each growth rate (± percentage points). */
    tornadoSwingPct: z.number().finite().gt(0).max(100),
    overrides: Overrides,
    /** Where the levels are read when the dataset is an imported file (null: as the bundled package names them). */
    imported: ImportedPartners.nullable().default(null),
  })
  .strict()
export type PartnerMixInputs = z.infer<typeof PartnerMixInputs>

export const WorldShareInputs = z
  .object({
    dataset: DatasetId,
    /** China against the rest of the world (share = C / (C + R)), or against world growth (with its caveat). */
    model: z.enum(['rest-of-world', 'world-growth']).default('rest-of-world'),
    /** The base share: WTO's statistic (by year), or the bank estimate the data reports (“~15% today”). */
    baseSource: z.enum(['statistic', 'estimate', 'imported']).default('statistic'),
    /** Where the imported base is read from (kept when the user goes back to the statistic). */
    importedBase: ImportedShareBase.nullable().default(null),
    /** The base year; null = the latest year the chosen base has. */
    baseYear: Year.nullable(),
    chinaGrowthPct: ShareGrowthPct,
    /** The rest of the world's export growth (the rest-of-world model). */
    restGrowthPct: ShareGrowthPct.default(0),
    /** World export growth (the world-growth model). */
    worldGrowthPct: ShareGrowthPct,
    /** The last year of the charted paths. */
    horizonYear: Year,
    overrides: Overrides,
    goalSeek: z
      .object({ targetSharePct: z.number().finite().gt(0).lt(100).nullable(), targetYear: Year })
      .strict(),
  })
  .strict()
export type WorldShareInputs = z.infer<typeof WorldShareInputs>

/** Named outputs (e.g. `totalUsdBn`, `vsRecordUsdBn`); null where the result was not a finite number. */
export const OutputSummary = z.record(z.string().max(48), z.number().finite().nullable())
export type OutputSummary = z.infer<typeof OutputSummary>

const scenarioOf = <C extends CalculatorId, I extends z.ZodType>(calculator: C, inputs: I) =>
  z
    .object({
      id: Id,
      name: Name,
      calculator: z.literal(calculator),
      inputs,
      /** The outputs when the scenario was saved (the app recomputes them from the inputs for comparison). */
      outputs: OutputSummary,
      savedAt: z.string().max(40),
    })
    .strict()

export const Scenario = z.discriminatedUnion('calculator', [
  scenarioOf('fullYear', FullYearInputs),
  scenarioOf('partnerMix', PartnerMixInputs),
  scenarioOf('worldShare', WorldShareInputs),
])
export type Scenario = z.infer<typeof Scenario>

export const CalculatorState = z
  .object({
    version: z.literal(CALCULATOR_STATE_VERSION),
    selected: CalculatorId,
    fullYear: FullYearInputs,
    partnerMix: PartnerMixInputs,
    worldShare: WorldShareInputs,
    scenarios: z.array(Scenario).max(300),
    /** Ids of the scenarios ticked for side-by-side comparison. */
    compare: z.array(Id).max(300),
    outputs: z
      .object({ fullYear: OutputSummary, partnerMix: OutputSummary, worldShare: OutputSummary })
      .partial()
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const ids = new Set<string>()
    for (const sc of s.scenarios) {
      if (ids.has(sc.id))
        ctx.addIssue({ code: 'custom', path: ['scenarios'], message: `duplicate scenario id ${sc.id}` })
      ids.add(sc.id)
    }
    if (s.worldShare.baseYear !== null && s.worldShare.horizonYear <= s.worldShare.baseYear)
      ctx.addIssue({
        code: 'custom',
        path: ['worldShare', 'horizonYear'],
        message: 'the horizon must be after the base year',
      })
  })
export type CalculatorState = z.infer<typeof CalculatorState>

export function defaultFullYearInputs(): FullYearInputs {
  return {
    dataset: 'china-trade',
    year: 2025,
    cutoffMonth: 11,
    ytdBasis: 'published-ytd',
    baseVintage: 'revised',
    currency: 'USD',
    exportGrowthPct: 0,
    importGrowthPct: 0,
    balanceGrowthPct: 0,
    methods: {},
    overrides: [],
    imported: null,
    goalSeek: { variable: 'exportGrowth', targetUsdBn: null },
  }
}

export function defaultPartnerMixInputs(): PartnerMixInputs {
  return {
    dataset: 'china-trade',
    baseYear: 2024,
    growthPct: Object.fromEntries(PARTNER_IDS.map((p) => [p, 0])),
    restGrowthPct: 0,
    redirectionPct: 50,
    redirectTo: [],
    tornadoSwingPct: 5,
    overrides: [],
    imported: null,
  }
}

export function defaultWorldShareInputs(): WorldShareInputs {
  return {
    dataset: 'china-trade',
    model: 'rest-of-world',
    baseSource: 'statistic',
    importedBase: null,
    baseYear: null,
    chinaGrowthPct: 0,
    restGrowthPct: 0,
    worldGrowthPct: 0,
    horizonYear: 2030,
    overrides: [],
    goalSeek: { targetSharePct: null, targetYear: 2030 },
  }
}

/** Neutral defaults: no growth anywhere, so nothing looks like a forecast until the user enters one. */
export function defaultCalculatorState(): CalculatorState {
  return {
    version: CALCULATOR_STATE_VERSION,
    selected: 'fullYear',
    fullYear: defaultFullYearInputs(),
    partnerMix: defaultPartnerMixInputs(),
    worldShare: defaultWorldShareInputs(),
    scenarios: [],
    compare: [],
  }
}

export type ParsedState = { ok: true; state: CalculatorState } | { ok: false; message: string }

/** Validates a state read from outside (a snapshot, a file). Refused whole, with the reason, never half-applied. */
export function parseCalculatorState(value: unknown): ParsedState {
  const parsed = CalculatorState.safeParse(value)
  if (parsed.success) return { ok: true, state: parsed.data }
  const issue = parsed.error.issues[0]
  return {
    ok: false,
    message: `The calculator state is not valid: ${issue?.path.join('.') || 'state'}: ${issue?.message}`,
  }
}
