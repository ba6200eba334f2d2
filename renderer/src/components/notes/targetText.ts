/** What a note is attached to, in the user's language: "Exports · US · Oct 2025", "Jan–Mar 2025", "The whole view". */
import { useI18n } from 'vue-i18n'
import type { Note } from '@shared/notes'
import { formatPeriod } from '@shared/periods'
import { useNames } from '../../lib/names'

export function useTargetText(): (note: Pick<Note, 'target'>) => string {
  const { t, locale } = useI18n()
  const names = useNames()
  const seriesName = (key: string) => {
    const [flow = '', partner = 'world', product = 'all'] = key.split(':')
    return names.series({ flow, partner, product })
  }
  const period = (p: string) => formatPeriod(p, locale.value)
  return ({ target }) => {
    switch (target.kind) {
      case 'point':
        return `${seriesName(target.series)} · ${period(target.period)}`
      case 'range':
        return `${target.series ? `${seriesName(target.series)} · ` : ''}${period(target.from)} – ${period(target.to)}`
      case 'series':
        return seriesName(target.series)
      case 'view':
        return t('notes.kinds.view')
      case 'dataset':
        return t('app.labelledValue', { label: t('notes.kinds.dataset'), value: target.dataset })
    }
  }
}
