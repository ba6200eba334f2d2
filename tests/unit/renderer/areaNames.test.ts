/**
 * Areas that are not ISO 3166-1 countries (data/codes/other-areas.csv: Kosovo, and former states such as
 * the USSR) are named in both languages by the messages, each as itself. The CLDR names the page uses
 * for countries would merge them: `Intl.DisplayNames` reads the retired codes as their successors.
 */
import { describe, expect, it } from 'vitest'
import messages from '../../../renderer/src/i18n/messages/explorer'
import { readCsvTable } from '../../../electron/shared/csv'
import table from '../../../data/codes/other-areas.csv?raw'
import { areaName } from '../../../renderer/src/lib/names'

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

// The one rule that names an area wherever the app shows one (Explorer, its ranking, the Import page,
// the mirror and the calculators).
const catalogueOf = (locale: 'en' | 'zh-CN') => {
  const names = messages[locale].explorer.partnerNames as Record<string, string>
  return (code: string) => names[code] ?? null
}
// The country code list's answers for these codes, as the Import page reads them (data/codes/countries.csv).
const ISO2: Record<string, string> = { DEU: 'DE', XKX: 'XK', JPN: 'JP' }
const iso2Of = (code: string) => ISO2[code] ?? null

describe('areaName', () => {
  it.each([
    // code, the file's text, locale, name shown
    ['XKX', 'Kosovo (file)', 'en', 'Kosovo'],
    ['XKX', 'Kosovo (file)', 'zh-CN', '科索沃'],
    ['SUN', 'Soviet Union (file)', 'en', 'USSR'],
    ['SUN', 'Soviet Union (file)', 'zh-CN', '苏联'],
    ['DEU', 'Germany (file)', 'en', 'Germany'],
    ['DEU', 'Germany (file)', 'zh-CN', '德国'],
    ['JPN', 'JAPAN', 'zh-CN', '日本'],
    // The bundled data's own codes: a group from the catalogue, a country by its code's CLDR name.
    ['eu', 'EU (file)', 'zh-CN', '欧盟'],
    ['us', 'us', 'zh-CN', '美国'],
    // Nothing knows it: the file's own text, never the code.
    ['QQQ', 'Atlantis, n.e.s.', 'en', 'Atlantis, n.e.s.'],
    ['QQQ', 'Atlantis, n.e.s.', 'zh-CN', 'Atlantis, n.e.s.'],
  ] as const)('%s "%s" in %s → %s', (code, label, locale, shown) => {
    expect(areaName(code, label, iso2Of, catalogueOf(locale), locale)).toBe(shown)
  })

  it('a retired code never reaches CLDR, which would name its successor', () => {
    // The file gives the USSR an ISO-2 code CLDR reads as Russia: the catalogue's name wins.
    expect(areaName('SUN', 'USSR', () => 'SU', catalogueOf('en'), 'en')).toBe('USSR')
  })
})
