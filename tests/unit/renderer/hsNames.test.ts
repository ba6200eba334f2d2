// @vitest-environment happy-dom
/**
 * HS products named in Chinese from the code list (data/codes/hs-zh.csv): every section and chapter of
 * the English HS list the services label products with has its tariff title, and the name reads as the
 * tariff numbers them. Headings and subheadings, which the code list has no Chinese titles for, are
 * named by their code with the HS list's English description, said to be English.
 */
import { describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { mount } from '@vue/test-utils'
import { i18n } from '../../../renderer/src/i18n'
import { englishDescription, useNames } from '../../../renderer/src/lib/names'
import { readCsvTable } from '../../../electron/shared/csv'
import { romanToNumber } from '../../../electron/shared/hsProduct'
import { hsName, parseHsNames } from '../../../renderer/src/lib/hsNames'
import hsList from '../../../data/codes/hs.csv?raw'
import hsSections from '../../../data/codes/hs-sections.csv?raw'
import hsZh from '../../../data/codes/hs-zh.csv?raw'

describe('HS names in Chinese', () => {
  const zh = parseHsNames(hsZh)

  it('has a title for each of the 21 sections and for every chapter of the HS list, and none in Latin letters', () => {
    const sections = readCsvTable(hsSections).map((r) => romanToNumber(r.section!.trim()))
    expect(sections).toHaveLength(21)
    expect([...zh.sections.keys()].sort((a, b) => a - b)).toEqual(sections.sort((a, b) => a - b))
    const chapters = readCsvTable(hsList)
      .filter((r) => r.level?.trim() === '2')
      .map((r) => r.hscode!.trim())
    expect(chapters.length).toBeGreaterThan(90)
    for (const chapter of chapters) expect(zh.chapters.get(chapter), chapter).toBeTruthy()
    for (const title of [...zh.sections.values(), ...zh.chapters.values()])
      expect(title).not.toMatch(/[A-Za-z]/)
  })

  it('names sections and chapters by number and title, headings by their code', () => {
    expect(hsName('hs_s16')).toEqual({
      level: 'section',
      number: '16',
      title: '机器、机械器具、电气设备及其零件；录音机及放声机、电视图像、声音的录制和重放设备及其零件、附件',
    })
    expect(hsName('hs85')?.title).toBe(
      '电机、电气设备及其零件；录音机及放声机、电视图像、声音的录制和重放设备及其零件、附件',
    )
    expect(hsName('hs03')).toMatchObject({ level: 'chapter', number: '3' })
    expect(hsName('hs8542')).toEqual({ level: 'heading', number: '8542', title: '' })
    expect(hsName('hs854231')).toEqual({ level: 'heading', number: '854231', title: '' })
    expect(hsName('all')).toBeNull()
    expect(hsName('rare_earths')).toBeNull()
  })
})

describe("HS product names in the reader's language", () => {
  /** useNames' hsProduct in a component, in the given language. */
  function hsProduct(locale: 'en' | 'zh-CN', code: string, label?: string): string | null {
    i18n.global.locale.value = locale
    let result: string | null = null
    const Probe = defineComponent({
      setup() {
        result = useNames().hsProduct(code, label)
        return () => null
      },
    })
    mount(Probe, { global: { plugins: [i18n] } }).unmount()
    return result
  }

  it("reads the English description out of the services' label, and nothing else", () => {
    expect(englishDescription('8542', 'HS 8542 Electronic integrated circuits')).toBe(
      'Electronic integrated circuits',
    )
    expect(englishDescription('8542', 'HS 8542 (not in the HS list)')).toBeNull()
    expect(englishDescription('8542', 'HS 854231 Processors and controllers')).toBeNull()
    expect(englishDescription('8542', '8542')).toBeNull()
    expect(englishDescription('8542', undefined)).toBeNull()
  })

  it('in Chinese: chapters by the tariff, headings by code and the English description marked as English', () => {
    expect(hsProduct('zh-CN', 'hs85', 'HS 85 Electrical machinery and equipment')).toBe(
      '第85章 电机、电气设备及其零件；录音机及放声机、电视图像、声音的录制和重放设备及其零件、附件',
    )
    expect(hsProduct('zh-CN', 'hs8542', 'HS 8542 Electronic integrated circuits')).toBe(
      'HS 8542（英文名称：Electronic integrated circuits）',
    )
    expect(hsProduct('zh-CN', 'hs854231', 'HS 854231 (not in the HS list)')).toBe('HS 854231')
    expect(hsProduct('zh-CN', 'hs8542')).toBe('HS 8542')
    expect(hsProduct('zh-CN', 'rare_earths')).toBeNull()
    // English reads the services' labels as they are.
    expect(hsProduct('en', 'hs8542', 'HS 8542 Electronic integrated circuits')).toBeNull()
  })
})
