/**
 * A point's note in the reader's language. Notes are written in English where they are made (the
 * transforms in lib/transforms.ts, an imported file's sums in the services: electron/shared/sumNote.ts),
 * as the CSV and the snapshot keep them; the page shows the ones the app writes through the message
 * catalogue. A note quoted from the data (a source's own remark) is shown as written.
 */
import { parseSumNote } from '@shared/sumNote'
import { BLOC_LABELS } from '@shared/blocs'
import { formatPeriod } from '@shared/periods'
import { JAN_FEB_AVERAGE_NOTE } from './transforms'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** The transforms' notes: their English wording (lib/transforms.ts) → message key and the parts they name. */
const PATTERNS: { pattern: RegExp; key: string; names: string[] }[] = [
  { pattern: /^no level a year earlier$/, key: 'noYearEarlier', names: [] },
  { pattern: /^the level a year earlier is zero$/, key: 'zeroBase', names: [] },
  { pattern: /^change on the same period a year earlier$/, key: 'publishedYoy', names: [] },
  { pattern: /^computed from levels$/, key: 'fromLevels', names: [] },
  {
    pattern: /^computed against the sum of (\d+) separately published months$/,
    key: 'againstParts',
    names: ['n'],
  },
  { pattern: /^year to date unknown: (\S+) has no value$/, key: 'ytdGap', names: ['period'] },
  { pattern: /^year to date unknown: no value for (\S+)$/, key: 'ytdGap', names: ['period'] },
  { pattern: /^published year to date; the sum of the months is (.+)$/, key: 'ytdPublished', names: ['sum'] },
  { pattern: /^sum of (\S+)\.\.(\S+)$/, key: 'ytdSum', names: ['from', 'to'] },
  { pattern: /^12 months to (\S+)$/, key: 'rolling12', names: ['to'] },
  { pattern: /^average of the 3 months to (\S+) \(their sum ÷ 3\)$/, key: 'ma3', names: ['to'] },
  { pattern: /^no value ending (\S+) inside the (\d+) months$/, key: 'rollingGap', names: ['period', 'n'] },
  { pattern: /^a combined period has no month-on-month change$/, key: 'combinedMom', names: [] },
  { pattern: /^the previous month has no comparable value$/, key: 'noPreviousMonth', names: [] },
  { pattern: /^no value to compare$/, key: 'noValue', names: [] },
  { pattern: /^no value for the base period (\S+)$/, key: 'noBase', names: ['period'] },
  { pattern: /^a period of another length is not comparable with the base$/, key: 'otherLength', names: [] },
  { pattern: /^no total for this period$/, key: 'noTotal', names: [] },
  {
    pattern: /^% change on the same quarter a year before \((\S+)\)$/,
    key: 'yoyQuarter',
    names: ['period'],
  },
  { pattern: /^sum of the quarters (\S+) to (\S+)$/, key: 'ytdQuarters', names: ['from', 'to'] },
  { pattern: /^sum of the 4 quarters to (\S+)$/, key: 'rolling4q', names: ['to'] },
  { pattern: /^no value for (\S+) inside the 4 quarters$/, key: 'rollingQuarterGap', names: ['period'] },
  { pattern: /^% change on the previous quarter \((\S+)\)$/, key: 'qoq', names: ['period'] },
  {
    pattern: /^only a calendar quarter has a quarter-on-quarter change$/,
    key: 'otherLengthQoq',
    names: [],
  },
  { pattern: /^the previous quarter has no comparable value$/, key: 'noPreviousQuarter', names: [] },
]

const PERIOD_NAMES = new Set(['period', 'from', 'to'])

/** `note` in the reader's language (`locale`): English notes are shown as written. */
export function pointNoteText(note: string, t: Translate, locale: string): string {
  if (note === JAN_FEB_AVERAGE_NOTE) return t('explorer.janFebAverage.rule')
  if (locale.startsWith('en')) return note
  const sum = parseSumNote(note)
  if (sum) {
    const n = sum.partners ?? '?'
    if (sum.kind === 'world') return t('explorer.pointNotes.sumWorld', { n })
    const code = Object.keys(BLOC_LABELS).find((c) => BLOC_LABELS[c] === sum.label)
    const bloc = code ? t(`explorer.partnerNames.${code}`) : sum.label
    return t('explorer.pointNotes.sumBloc', { n, bloc, members: sum.members })
  }
  for (const { pattern, key, names } of PATTERNS) {
    const match = pattern.exec(note)
    if (!match) continue
    const params = Object.fromEntries(
      names.map((name, i) => {
        const part = match[i + 1]!
        return [name, PERIOD_NAMES.has(name) ? formatPeriod(part, locale) : part]
      }),
    )
    return t(`explorer.pointNotes.${key}`, params)
  }
  return note
}
