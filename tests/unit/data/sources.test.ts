import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { isHttpUrl, parseSourceTitle, sourceId } from '../../../scripts/data/sources'

describe('parseSourceTitle', () => {
  it.each([
    [
      'China 2020 exports up despite virus; surplus surges to $535B (AP via Business Standard, 2021-01-14)',
      'AP via Business Standard',
      '2021-01-14',
    ],
    ['China Trade Balance (FocusEconomics)', 'FocusEconomics', ''],
    ["China's Imports and Exports Fell in January-February (Epoch Times, 2023-03)", 'Epoch Times', '2023-03'],
    ['Open data note (Reuters, Mar 2025)', 'Reuters', 'Mar 2025'],
    ['Something (Fundación Andrés Bello, 2024)', 'Fundación Andrés Bello', '2024'],
    ['Link Securities note via thecorner-stone.org (Jul 2024)', '', 'Jul 2024'],
    ["KUNA: China's exports grow 7.6 pct in May (2024-06-07)", '', '2024-06-07'],
    [
      'Merchandise trade (WTO iLibrary, World Trade Statistical Review 2016)',
      'WTO iLibrary, World Trade Statistical Review 2016',
      '',
    ],
    ['Trade (MIC Customs Solutions, citing Reuters)', 'MIC Customs Solutions, citing Reuters', ''],
    ['Open4Business (Ukraine) China tag page, citing Bloomberg, Mar 2025', '', ''],
    ['FX.co forex news: China April 2025 trade surplus', '', ''],
    // Nested parentheses: no parenthesised group without inner parentheses ends the title, so nothing is read.
    ['Report (A (nested), 2025-01-01)', '', ''],
  ])('%s', (title, publisher, published) => {
    expect(parseSourceTitle(title)).toEqual({ publisher, published })
  })
})

describe('sourceId', () => {
  it('is s + the first 10 hex digits of sha1(url + "\\n" + title)', () => {
    expect(sourceId('https://example.org/a', 'Title (AP, 2025-01-02)')).toBe('sa260502dde')
    const url = 'https://x.test/p'
    const title = 'T'
    expect(sourceId(url, title)).toBe(
      's' + createHash('sha1').update(`${url}\n${title}`).digest('hex').slice(0, 10),
    )
  })

  it('differs when either the URL or the title differs', () => {
    const a = sourceId('https://x.test/p', 'T')
    expect(sourceId('https://x.test/q', 'T')).not.toBe(a)
    expect(sourceId('https://x.test/p', 'T2')).not.toBe(a)
    expect(a).toMatch(/^s[0-9a-f]{10}$/)
  })
})

describe('isHttpUrl', () => {
  it.each([
    ['https://www.reuters.com/x', true],
    ['http://a1.digitallook.com/cgi-bin/x?y=1', true],
    ['shared/data/file.csv', false],
    ['ftp://x.test/', false],
    ['https://', false],
    ['', false],
  ])('%j → %s', (url, ok) => {
    expect(isHttpUrl(url)).toBe(ok)
  })
})
