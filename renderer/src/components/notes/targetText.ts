/** What a note is attached to, in the user's language: "Exports · US · Oct 2025", "Jan–Mar 2025", "The whole view". */
import { useI18n } from 'vue-i18n'
import type { Note } from '@shared/notes'
import { formatPeriod } from '@shared/periods'

export function useTargetText(): (note: Pick<Note, 'target'>) => string {
  const { t, te } = useI18n()
  const name = (group: string, code: string) =>
    te(`explorer.${group}.${code}`) ? t(`explorer.${group}.${code}`) : code
  const seriesName = (key: string) => {
    const [flow = '', partner = 'world', product = 'all'] = key.split(':')
    return [
      name('flows', flow),
      partner !== 'world' ? name('partnerNames', partner) : '',
      product !== 'all' ? name('productNames', product) : '',
    ]
      .filter(Boolean)
      .join(' · ')
  }
  return ({ target }) => {
    switch (target.kind) {
      case 'point':
        return `${seriesName(target.series)} · ${formatPeriod(target.period)}`
      case 'range':
        return `${target.series ? `${seriesName(target.series)} · ` : ''}${formatPeriod(target.from)} – ${formatPeriod(target.to)}`
      case 'series':
        return seriesName(target.series)
      case 'view':
        return t('notes.kinds.view')
      case 'dataset':
        return `${t('notes.kinds.dataset')}: ${target.dataset}`
    }
  }
}
