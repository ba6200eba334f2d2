// @vitest-environment happy-dom
/**
 * The product treemap and the partner world map: which rectangles and shapes they draw from a ranking,
 * how partners find their shapes (the app's code list against the world atlas's ids), and that both
 * carry title, unit and source onto exported images like the Explorer's charts (the PNG/SVG files
 * themselves are checked in Chromium: tests/e2e/exploreComtrade.test.ts).
 */
import { describe, expect, it, vi } from 'vitest'
import { Chart, Title, SubTitle, Tooltip } from 'chart.js'
import {
  ChoroplethController,
  ColorLogarithmicScale,
  ColorScale,
  GeoFeature,
  ProjectionScale,
  topojson,
} from 'chartjs-chart-geo'
import { TreemapController, TreemapElement } from 'chartjs-chart-treemap'
import world from 'world-atlas/countries-50m.json'
import csv from '../../../data/codes/countries.csv?raw'
import type { Ranking } from '@shared/exploreApi'
import {
  fitText,
  isDecade,
  legendDecades,
  mapConfig,
  textOn,
  treemapConfig,
  treemapItems,
  type BreakdownItem,
} from '../../../renderer/src/lib/breakdownCharts'
import { chartText } from '../../../renderer/src/lib/chartConfig'
import { axisTickLabel } from '../../../renderer/src/lib/format'
import { atlasIdOf, iso2Of, parseCountryCodes } from '../../../renderer/src/lib/countryCodes'
import { rankingDecoration } from '../../../renderer/src/lib/exportView'
import { drawSvg } from '../../../renderer/src/lib/svgExport'

Chart.register(
  TreemapController,
  TreemapElement,
  ChoroplethController,
  GeoFeature,
  ColorScale,
  ColorLogarithmicScale,
  ProjectionScale,
  Title,
  SubTitle,
  Tooltip,
)

const theme = { text: '#1b1f24', muted: '#5a6270', grid: '#d9dde3', surface: '#ffffff' }
const text = chartText(
  (key, values) => `${key}${values && Object.keys(values).length ? JSON.stringify(values) : ''}`,
  'en',
)

function ranking(over: Partial<Ranking>): Ranking {
  return {
    dataset: 'x',
    version: '1',
    reporter: { code: 'china', label: 'China' },
    flow: 'exports',
    by: 'product',
    partner: { code: 'world', label: 'World' },
    product: { code: 'all', label: 'All products' },
    path: [{ code: 'all', label: 'All products' }],
    unit: 'USD',
    frequency: 'year',
    from: '2022',
    to: '2022',
    previousFrom: '2021',
    previousTo: '2021',
    rows: [],
    other: { count: 0, value: 0, previous: null },
    total: 0,
    all: [],
    source: {
      title: 'TradeData.csv (imported 2026-12-01, version 1)',
      publisher: 'UN Comtrade',
      url: 'file:',
    },
    ...over,
  }
}

const row = (code: string, value: number, previous: number | null, extra: object = {}) => ({
  code,
  label: `HS ${code.slice(2)}`,
  value,
  share: null,
  previous,
  yoy: previous ? (value / previous - 1) * 100 : null,
  drill: true,
  ...extra,
})

describe('the product treemap', () => {
  const products = ranking({
    rows: [row('hs85', 600, 500), row('hs84', 300, 300), row('hs61', 0, 10)],
    other: { count: 4, value: 100, previous: 50 },
    total: 1000,
  })

  it('draws the table’s rows and “other”, never a rectangle for a zero amount', () => {
    const items = treemapItems(products, 'Other (4)')
    expect(items.map((i) => [i.code, i.value])).toEqual([
      ['hs85', 600],
      ['hs84', 300],
      ['other', 100],
    ])
    // "other" is summed like the table: 100 of 1,000, up from 50.
    expect(items[2]).toMatchObject({ label: 'Other (4)', share: 10, yoy: 100, other: true, drill: false })
  })

  it('carries the title, unit, span and source on an exported image (the Explorer’s decoration)', () => {
    const items = treemapItems(products, 'Other (4)')
    const decoration = rankingDecoration(
      products,
      'China exports by product',
      'Value in USD',
      '2022',
      800,
      text,
      ['Shares computed here.'],
    )
    const plugins = treemapConfig(items, 'USD', theme, text, decoration).options!.plugins!
    expect(plugins.title).toMatchObject({ display: true, text: 'China exports by product' })
    const lines = plugins.subtitle!.text as string[]
    expect(lines[0]).toBe('Value in USD · 2022 · app.title')
    expect(lines.join('\n')).toContain('UN Comtrade: TradeData.csv (imported 2026-12-01, version 1)')
    expect(lines.at(-1)).toBe('Shares computed here.')
    // On screen the page shows these itself.
    expect(treemapConfig(items, 'USD', theme, text).options!.plugins!.title).toMatchObject({ display: false })
  })

  it('cuts a long product name to its rectangle’s width with an ellipsis (the plugin hides a label that overflows)', () => {
    const measure = (s: string) => s.length * 6
    const name = 'HS 8517 Telephone sets, including smartphones'
    expect(fitText(name, 1000, measure)).toBe(name)
    expect(fitText(name, 60, measure)).toBe('HS 8517 T…')
    // No space before the ellipsis: 'HS 8517…', not 'HS 8517 …'.
    expect(fitText(name, 54, measure)).toBe('HS 8517…')
    expect(fitText(name, 5, measure)).toBe('')

    const long = { ...row('hs8517', 600, null), label: name, share: 60 }
    const config = treemapConfig(
      treemapItems(ranking({ rows: [long], total: 1000 }), 'Other'),
      'USD',
      theme,
      text,
    )
    const { formatter } = (
      config.data.datasets[0] as unknown as { labels: { formatter: (c: object) => unknown } }
    ).labels
    const canvas = { font: '', measureText: (s: string) => ({ width: s.length * 6 }) }
    const label = (width: number) =>
      formatter({
        raw: { _data: treemapItems(ranking({ rows: [long], total: 1000 }), 'Other')[0] },
        element: { width },
        chart: { ctx: canvas },
      })
    // 100 px less a 1 px border and 4 px padding on each side: 15 characters of 6 px.
    expect(label(100)).toEqual(['HS 8517 Teleph…', '$600 · 60.0%'])
    for (const line of label(100) as string[]) expect(line.length * 6).toBeLessThanOrEqual(90)
    expect(label(1000)).toEqual([name, '$600 · 60.0%'])
    // Too narrow for a letter of the name: no label (the table and the tooltip have it).
    expect(label(10)).toBe('')
  })

  it('writes black on light tiles and white on dark ones', () => {
    expect(textOn('#ffffff')).toBe('#111111')
    expect(textOn('#0072b2')).toBe('#ffffff')
    expect(textOn('#ccbb44')).toBe('#111111')
  })
})

describe('partners on the world map', () => {
  it('finds each country’s shape by its ISO 3166-1 numeric code from the app’s code list', () => {
    expect(atlasIdOf('USA')).toBe('840')
    expect(atlasIdOf('CHN')).toBe('156')
    expect(atlasIdOf('HKG')).toBe('344')
    expect(atlasIdOf('AFG')).toBe('004')
    expect(iso2Of('DEU')).toBe('DE')
    // Comtrade's "Other Asia, n.e.s." has a number, but no country shape carries it; World is no country.
    expect(atlasIdOf('S19')).toBe('490')
    expect(iso2Of('S19')).toBeNull()
    expect(atlasIdOf('XXX')).toBeNull()
  })

  it('reads quoted names without disturbing the codes before them', () => {
    const codes = parseCountryCodes(
      'iso3,m49,iso2,name\nCOD,180,CD,"Congo, The Democratic Republic of the"\n',
    )
    expect(codes.get('COD')).toEqual({ numeric: '180', iso2: 'CD' })
  })

  it('has a code for every shape of the bundled atlas, and the shapes are the countries the list says', () => {
    const byNumeric = new Map([...parseCountryCodes(csv)].map(([iso3, c]) => [c.numeric, iso3]))
    const shapes = (
      world.objects.countries as { geometries: { id?: string; properties: { name: string } }[] }
    ).geometries
    const ids = shapes.filter((g) => g.id)
    expect(ids.length).toBeGreaterThan(230)
    expect(ids.filter((g) => !byNumeric.has(g.id!))).toEqual([])
    const named = (name: string) => byNumeric.get(shapes.find((g) => g.properties.name === name)!.id!)
    expect([named('China'), named('United States of America'), named('France'), named('Hong Kong')]).toEqual([
      'CHN',
      'USA',
      'FRA',
      'HKG',
    ])
  })

  it('shades the partners the file has and leaves every other shape missing', async () => {
    const { features } = topojson.feature(world, world.objects.countries)
    const items: BreakdownItem[] = [
      { code: 'us', label: 'United States', value: 5e11, share: 60, yoy: -5, drill: false, atlasId: '840' },
      { code: 'deu', label: 'Germany', value: 1e11, share: 12, yoy: 2, drill: false, atlasId: '276' },
      {
        code: 's19',
        label: 'Other Asia, n.e.s.',
        value: 9e10,
        share: 11,
        yoy: null,
        drill: false,
        atlasId: '490',
      },
    ]
    const config = mapConfig(features, items, 'USD', theme, text)
    const data = config.data.datasets[0]!.data as unknown as { feature: { id: string }; value: number }[]
    const shaded = data.filter((d) => Number.isFinite(d.value))
    expect(shaded.map((d) => [d.feature.id, d.value]).sort()).toEqual([
      ['276', 1e11],
      ['840', 5e11],
    ])
    expect(data.length).toBe(features.length)

    expect(config.options!.plugins!.title).toMatchObject({ display: false })
  })

  it('labels its colour legend at powers of ten only (a one-partner map’s $500 bn ran into $1 tn), without a zero decimal', () => {
    expect([1e10, 1e11, 1e12, 1e3, 1].map(isDecade)).toEqual([true, true, true, true, true])
    expect([5e11, 2e10, 0, -10, Number.NaN].map(isDecade)).toEqual([false, false, false, false, false])
    const { features } = topojson.feature(world, world.objects.countries)
    const us = { code: 'us', label: 'US', value: 5.3e10, share: 100, yoy: null, drill: false, atlasId: '840' }
    const scale = mapConfig(features, [us], 'USD', theme, text).options!.scales!.color as unknown as {
      ticks: { align: string; callback: (v: number) => string }
    }
    expect([1e10, 1e11, 5e11, 1e12].map((v) => scale.ticks.callback(v))).toEqual([
      '$10 bn',
      '$100 bn',
      '',
      '$1 tn',
    ])
    // Every step is whole in its scale word, so none carries a decimal that is zero.
    expect([1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e13].map((v) => scale.ticks.callback(v))).toEqual([
      '$1,000',
      '$10,000',
      '$100,000',
      '$1 mn',
      '$10 mn',
      '$100 mn',
      '$1 bn',
      '$10 tn',
    ])
    expect(scale.ticks.align).toBe('start')
  })

  it('labels at most four powers of ten, evenly spaced and the largest among them, so labels never meet on the bar', () => {
    // A file whose partners span $10 to $1 bn: "$100,000" ran into "$10 mn" with every other decade labelled.
    const ticks = [10, 20, 50, 100, 1e3, 1e4, 1e5, 2e5, 1e6, 1e7, 1e8, 1e9]
    expect([...legendDecades(ticks)]).toEqual([1e3, 1e6, 1e9])
    const { features } = topojson.feature(world, world.objects.countries)
    const us = { code: 'us', label: 'US', value: 5.3e10, share: 100, yoy: null, drill: false, atlasId: '840' }
    for (const [locale, labels] of [
      ['en-US', ['$1,000', '$1 mn', '$1 bn']],
      ['zh-CN', ['1,000 美元', '100 万美元', '10 亿美元']],
    ] as const) {
      const scale = mapConfig(
        features,
        [us],
        'USD',
        theme,
        chartText((key) => key, locale),
      ).options!.scales!.color as unknown as {
        ticks: { autoSkip: boolean; callback: (v: number, i: number, t: { value: number }[]) => string }
      }
      const shown = ticks
        .map((v, i) =>
          scale.ticks.callback(
            v,
            i,
            ticks.map((value) => ({ value })),
          ),
        )
        .filter(Boolean)
      expect(shown).toEqual(labels)
      // Chart.js's own thinning would drop some of these (it takes each label as centred on its tick).
      expect(scale.ticks.autoSkip).toBe(false)
    }
    // Up to four decades, each is labelled.
    expect([...legendDecades([1e9, 5e9, 1e10, 1e11, 1e12])]).toEqual([1e9, 1e10, 1e11, 1e12])
    expect([...legendDecades([2, 5])]).toEqual([])
  })

  it('labels its colour legend in Chinese by 万, 亿 and 万亿, the scale words of the value axes', () => {
    const { features } = topojson.feature(world, world.objects.countries)
    const us = {
      code: 'us',
      label: '美国',
      value: 5.3e10,
      share: 100,
      yoy: null,
      drill: false,
      atlasId: '840',
    }
    const zh = chartText((key) => key, 'zh-CN')
    const scale = mapConfig(features, [us], 'USD', theme, zh).options!.scales!.color as unknown as {
      ticks: { callback: (v: number) => string }
    }
    const decades = [1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13]
    const legend = decades.map((v) => scale.ticks.callback(v))
    // Whole steps are written as the rest of the app writes round amounts in Chinese: 1,000 万, not 1,000.0 万.
    expect(legend).toEqual([
      '1 万美元',
      '10 万美元',
      '100 万美元',
      '1,000 万美元',
      '1 亿美元',
      '10 亿美元',
      '100 亿美元',
      '1,000 亿美元',
      '1 万亿美元',
      '10 万亿美元',
    ])
    // The same scale word as an axis over the same values (10万, 100万, 1亿, 10亿 … 10万亿), never 十亿.
    const word = (label: string) => /万亿|亿|万/.exec(label)?.[0]
    expect(legend.map(word)).toEqual(decades.map((v) => word(axisTickLabel(v, decades, 'zh-CN'))))
  })

  it(
    'keeps the colour legend off the land: every country is drawn above the legend’s bar, on screen and exported',
    { timeout: 60_000 },
    async () => {
      vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
        () =>
          ({
            font: '',
            measureText: (s: string) => ({ width: s.length * 6 }),
          }) as unknown as CanvasRenderingContext2D,
      )
      const { features } = topojson.feature(world, world.objects.countries)
      const items: BreakdownItem[] = [
        { code: 'us', label: 'US', value: 1e11, share: null, yoy: null, drill: false, atlasId: '840' },
        { code: 'cl', label: 'Chile', value: 1e6, share: null, yoy: null, drill: false, atlasId: '152' },
      ]
      const decoration = { title: 'Imports by partner', subtitle: 'Value in USD · 2019', footer: ['Sources'] }
      // The Explorer's map at 1280 px and 1024 px (420 px high), and an exported picture.
      for (const [width, height, withTitle] of [
        [900, 420, false],
        [620, 420, false],
        [1000, 600, true],
      ] as const) {
        const config = mapConfig(features, items, 'USD', theme, text, withTitle ? decoration : undefined)
        const svg = await drawSvg(config, width, height, { id: 'bg' }).text()
        // The legend's bar: one 1 px rectangle per shade, moved into place by its transform.
        const bar = [
          ...svg.matchAll(/<rect [^>]*\sy="([\d.]+)"[^>]*matrix\(1 0 0 1 [\d.-]+ ([\d.-]+)\)/g),
        ].map((m) => Number(m[1]) + Number(m[2]))
        expect(bar.length, `${width}×${height}`).toBeGreaterThan(200)
        // The lowest point of any country (Antarctica's coast): filled shapes, not the outline of the globe.
        const land = [...svg.matchAll(/<path fill="(?!none)[^"]+"[^>]*\sd="([^"]+)"/g)].flatMap((m) =>
          [...m[1]!.matchAll(/[ML] -?[\d.]+ (-?[\d.]+)/g)].map((p) => Number(p[1])),
        )
        expect(land.length).toBeGreaterThan(1000)
        expect(Math.max(...land), `${width}×${height}`).toBeLessThan(Math.min(...bar))
      }
    },
  )

  it(
    'exports the map as vector SVG: every shaded country its own shape, in its shade, the rest missing',
    { timeout: 60_000 },
    async () => {
      // happy-dom has no 2D canvas, which svgcanvas measures text with: widths as a browser's would roughly be.
      vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
        () =>
          ({
            font: '',
            measureText: (s: string) => ({ width: s.length * 6 }),
          }) as unknown as CanvasRenderingContext2D,
      )
      const { features } = topojson.feature(world, world.objects.countries)
      // West to east, values spanning three orders of magnitude.
      const partners = [
        { id: '076', value: 1e9 }, // Brazil
        { id: '276', value: 1e11 }, // Germany
        { id: '156', value: 5e11 }, // China
        { id: '392', value: 3e10 }, // Japan
      ]
      const items: BreakdownItem[] = partners.map(({ id, value }) => ({
        code: id,
        label: id,
        value,
        share: null,
        yoy: null,
        drill: false,
        atlasId: id,
      }))
      const decoration = {
        title: 'Imports by partner',
        subtitle: 'Value in USD · 2019',
        footer: ['Natural Earth'],
      }
      const blob = drawSvg(mapConfig(features, items, 'USD', theme, text, decoration), 1000, 600, {
        id: 'bg',
      })
      const svg = await blob.text()
      expect(svg).toContain('>Imports by partner</text>')
      expect(svg).toContain('>Natural Earth</text>')

      // The shade of a value, as the map's rule states it: logarithmic, from the palest blue (the least
      // of the partners) to the darkest (the most), on a light page.
      const [pale, dark] = [
        [214, 230, 244],
        [8, 48, 107],
      ]
      const [low, high] = [Math.log(1e9), Math.log(5e11)]
      const shade = (value: number) => {
        const k = (Math.log(value) - low) / (high - low)
        return `rgb(${pale.map((p, i) => Math.round(p + (dark[i]! - p) * k)).join(', ')})`
      }
      const paths = [...svg.matchAll(/<path fill="([^"]+)"[^>]*\sd="([^"]+)"/g)].map((m) => ({
        fill: m[1]!,
        d: m[2]!,
      }))
      const rings = (id: string) => {
        const geometry = features.find((f) => f.id === id)!.geometry as {
          type: string
          coordinates: unknown[][]
        }
        return geometry.type === 'Polygon'
          ? geometry.coordinates.length
          : geometry.coordinates.reduce((n, polygon) => n + polygon.length, 0)
      }
      const west = (d: string) => Math.min(...[...d.matchAll(/[ML] (-?[\d.]+) /g)].map((m) => Number(m[1])))
      const drawn = partners.map(({ id, value }) => {
        const shaded = paths.filter((p) => p.fill === shade(value))
        // One shape in that shade, with exactly the country's rings (its mainland and islands).
        expect(shaded.length, id).toBe(1)
        expect(shaded[0]!.d.match(/M/g)!.length, id).toBe(rings(id))
        return west(shaded[0]!.d)
      })
      // Where they are: Brazil, Germany, China, Japan from west to east.
      expect([...drawn].sort((a, b) => a - b)).toEqual(drawn)
      // Every other country drawn, in the "missing" colour, never a shade of zero.
      expect(paths.filter((p) => p.fill === theme.grid).length).toBe(features.length - partners.length)
      // Points to 1/100 px, none repeated in a row: a path as short as the picture allows.
      for (const { d } of paths) {
        expect(d).not.toMatch(/\.\d{3}/)
        expect(d).not.toMatch(/L (\S+ \S+) L \1(?= |$)/)
      }
    },
  )
})
