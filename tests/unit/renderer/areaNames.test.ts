/**
 * Areas that are not ISO 3166-1 countries (data/codes/other-areas.csv: Kosovo, and former states such as
 * the USSR) are named in both languages by the messages, each as itself. The CLDR names the page uses
 * for countries would merge them: `Intl.DisplayNames` reads the retired codes as their successors.
 */
import { describe, expect, it } from 'vitest'
import messages from '../../../renderer/src/i18n/messages/explorer'
import { readCsvTable } from '../../../electron/shared/csv'
import table from '../../../data/codes/other-areas.csv?raw'

const areas = readCsvTable(table)

describe('names of areas that are not ISO 3166-1 countries', () => {
  it('every one has its own name in English and Chinese', () => {
    expect(areas.length).toBeGreaterThanOrEqual(8)
    for (const locale of ['en', 'zh-CN'] as const) {
      const names = messages[locale].explorer.partnerNames as Record<string, string>
      for (const area of areas)
        expect([area.code, typeof names[area.code!.toLowerCase()]]).toEqual([area.code, 'string'])
    }
    const en = messages.en.explorer.partnerNames as Record<string, string>
    const zh = messages['zh-CN'].explorer.partnerNames as Record<string, string>
    expect([en.sun, zh.sun, en.csk, zh.csk, en.scg, zh.scg]).toEqual([
      'USSR',
      '苏联',
      'Czechoslovakia',
      '捷克斯洛伐克',
      'Serbia and Montenegro',
      '塞尔维亚和黑山',
    ])
  })

  it('why not CLDR: it names the retired codes after their successors', () => {
    const cldr = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
    expect(cldr.of('SU')).toBe('Russia')
    expect(cldr.of('CS')).toBe('Serbia')
    // So no former state carries a two-letter code; Kosovo's XK is CLDR's own name for it.
    expect(areas.filter((a) => a.iso2).map((a) => [a.code, a.iso2, cldr.of(a.iso2!)])).toEqual([
      ['XKX', 'XK', 'Kosovo'],
    ])
  })
})
