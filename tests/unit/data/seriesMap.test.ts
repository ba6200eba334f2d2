import { describe, expect, it } from 'vitest'
import { checkUnit, labelOf, mapSeries, resourceOf } from '../../../scripts/data/seriesMap'
import type { Frequency } from '../../../scripts/data/frequency'

type Row = [series: string, unit: string, frequency: Frequency, dims: string, resource: string, label: string]

// dims: reporter/flow/partner/product/measure
const table: Row[] = [
  ['exports_usd', 'USD bn', 'month', 'china/exports/world/all/level', 'monthly', 'Exports'],
  ['exports_yoy', '% y/y', 'month', 'china/exports/world/all/yoy', 'monthly', 'Exports, y/y %'],
  ['imports_usd', 'USD bn', 'month', 'china/imports/world/all/level', 'monthly', 'Imports'],
  ['trade_balance_usd', 'USD bn', 'month', 'china/balance/world/all/level', 'monthly', 'Trade balance'],
  [
    'trade_balance_cny',
    'CNY bn',
    'month',
    'china/balance/world/all/level',
    'monthly',
    'Trade balance (CNY bn)',
  ],
  [
    'exports_cny_annual',
    'CNY tn',
    'year',
    'china/exports/world/all/level',
    'annual',
    'Exports, annual (CNY tn)',
  ],
  [
    'exports_usd_ytd',
    'USD bn',
    'ytd',
    'china/exports/world/all/level',
    'cumulative',
    'Exports, year to date',
  ],
  [
    'trade_balance_usd_ytd',
    'USD bn',
    'ytd',
    'china/balance/world/all/level',
    'cumulative',
    'Trade balance, year to date',
  ],
  ['imports_yoy_annual', '% y/y', 'year', 'china/imports/world/all/yoy', 'annual', 'Imports, annual, y/y %'],
  ['exports_to_us_yoy', '% y/y', 'month', 'china/exports/us/all/yoy', 'partners', 'Exports to the US, y/y %'],
  ['exports_to_eu_usd', 'USD bn', 'month', 'china/exports/eu/all/level', 'partners', 'Exports to the EU'],
  [
    'exports_to_asean_yoy_ytd',
    '% y/y',
    'ytd',
    'china/exports/asean/all/yoy',
    'partners',
    'Exports to ASEAN, year to date, y/y %',
  ],
  [
    'exports_to_southeast_asia_yoy',
    '% y/y',
    'month',
    'china/exports/southeast_asia/all/yoy',
    'partners',
    'Exports to Southeast Asia, y/y %',
  ],
  [
    'exports_to_latin_america_usd_annual',
    'USD bn',
    'year',
    'china/exports/latin_america/all/level',
    'partners',
    'Exports to Latin America, annual',
  ],
  [
    'exports_to_south_korea_yoy',
    '% y/y',
    'month',
    'china/exports/south_korea/all/yoy',
    'partners',
    'Exports to South Korea, y/y %',
  ],
  [
    'imports_from_us_yoy_ytd',
    '% y/y',
    'ytd',
    'china/imports/us/all/yoy',
    'partners',
    'Imports from the US, year to date, y/y %',
  ],
  [
    'trade_balance_with_us_usd',
    'USD bn',
    'month',
    'china/balance/us/all/level',
    'partners',
    'Trade balance with the US',
  ],
  [
    'trade_balance_with_eu_usd_annual',
    'USD bn',
    'year',
    'china/balance/eu/all/level',
    'partners',
    'Trade balance with the EU, annual',
  ],
  [
    'trade_with_us_total_usd_annual',
    'USD bn',
    'year',
    'china/trade/us/all/level',
    'partners',
    'Total trade with the US, annual',
  ],
  [
    'us_share_of_china_exports_pct_annual',
    '%',
    'year',
    'china/exports/us/all/share',
    'partners',
    "US share of China's exports, annual (%)",
  ],
  [
    'rare_earth_exports_tons',
    'tonnes',
    'month',
    'china/exports/world/rare_earths/level',
    'commodities',
    'Rare-earth exports (tonnes)',
  ],
  [
    'rare_earth_imports_tons_annual',
    'tonnes',
    'year',
    'china/imports/world/rare_earths/level',
    'commodities',
    'Rare-earth imports, annual (tonnes)',
  ],
  [
    'rare_earth_magnet_exports_tons_ytd',
    'tonnes',
    'ytd',
    'china/exports/world/rare_earth_magnets/level',
    'commodities',
    'Rare-earth magnet exports, year to date (tonnes)',
  ],
  [
    'rare_earth_magnet_exports_to_us_tons',
    'tonnes',
    'month',
    'china/exports/us/rare_earth_magnets/level',
    'commodities',
    'Rare-earth magnet exports to the US (tonnes)',
  ],
  [
    'rare_earth_products_exports_tons',
    'tonnes',
    'month',
    'china/exports/world/rare_earth_products/level',
    'commodities',
    'Rare-earth product exports (tonnes)',
  ],
  [
    'soybean_imports_mt',
    'million tonnes',
    'month',
    'china/imports/world/soybeans/level',
    'commodities',
    'Soybean imports (million tonnes)',
  ],
  [
    'soybean_imports_from_brazil_mt',
    'million tonnes',
    'month',
    'china/imports/brazil/soybeans/level',
    'commodities',
    'Soybean imports from Brazil (million tonnes)',
  ],
  [
    'soybean_imports_from_argentina_mt_ytd',
    'million tonnes',
    'ytd',
    'china/imports/argentina/soybeans/level',
    'commodities',
    'Soybean imports from Argentina, year to date (million tonnes)',
  ],
  [
    'soybean_imports_yoy',
    '% y/y',
    'month',
    'china/imports/world/soybeans/yoy',
    'commodities',
    'Soybean imports, y/y %',
  ],
  [
    'soybean_imports_from_us_mt',
    'million tonnes',
    'month',
    'china/imports/us/soybeans/level',
    'commodities',
    'Soybean imports from the US (million tonnes)',
  ],
  [
    'coal_imports_mt',
    'million tonnes',
    'month',
    'china/imports/world/coal/level',
    'commodities',
    'Coal imports (million tonnes)',
  ],
  [
    'coal_imports_mt_ytd',
    'million tonnes',
    'ytd',
    'china/imports/world/coal/level',
    'commodities',
    'Coal imports, year to date (million tonnes)',
  ],
  [
    'crude_oil_imports_mt',
    'million tonnes',
    'month',
    'china/imports/world/crude_oil/level',
    'commodities',
    'Crude oil imports (million tonnes)',
  ],
  [
    'crude_oil_imports_mt_annual',
    'million tonnes',
    'year',
    'china/imports/world/crude_oil/level',
    'commodities',
    'Crude oil imports, annual (million tonnes)',
  ],
  [
    'iron_ore_imports_mt_ytd',
    'million tonnes',
    'ytd',
    'china/imports/world/iron_ore/level',
    'commodities',
    'Iron ore imports, year to date (million tonnes)',
  ],
  [
    'steel_exports_mt',
    'million tonnes',
    'month',
    'china/exports/world/steel/level',
    'commodities',
    'Steel exports (million tonnes)',
  ],
  [
    'exports_to_taiwan_usd',
    'USD bn',
    'month',
    'china/exports/taiwan/all/level',
    'partners',
    'Exports to Taiwan',
  ],
  [
    'imports_from_taiwan_yoy_ytd',
    '% y/y',
    'ytd',
    'china/imports/taiwan/all/yoy',
    'partners',
    'Imports from Taiwan, year to date, y/y %',
  ],
  [
    'trade_balance_with_taiwan_usd',
    'USD bn',
    'month',
    'china/balance/taiwan/all/level',
    'partners',
    'Trade balance with Taiwan',
  ],
  [
    'exports_to_hong_kong_yoy',
    '% y/y',
    'month',
    'china/exports/hong_kong/all/yoy',
    'partners',
    'Exports to Hong Kong, y/y %',
  ],
  [
    'imports_from_hong_kong_yoy',
    '% y/y',
    'month',
    'china/imports/hong_kong/all/yoy',
    'partners',
    'Imports from Hong Kong, y/y %',
  ],
  [
    'world_merchandise_exports_usd_annual',
    'USD bn',
    'year',
    'world/exports/world/all/level',
    'world',
    'World merchandise exports',
  ],
  [
    'world_merchandise_trade_usd_annual',
    'USD bn',
    'year',
    'world/trade/world/all/level',
    'world',
    'World merchandise trade',
  ],
  [
    'world_merchandise_trade_value_growth_pct',
    '% y/y',
    'year',
    'world/trade/world/all/yoy',
    'world',
    'World merchandise trade value, y/y %',
  ],
  [
    'world_merchandise_trade_volume_yoy_annual',
    '% y/y',
    'year',
    'world/trade/world/all/yoy',
    'world',
    'World merchandise trade volume, y/y %',
  ],
  [
    'china_share_world_merchandise_exports_pct',
    '%',
    'year',
    'china/exports/world/all/share',
    'world',
    "China's share of world merchandise exports (%)",
  ],
  [
    'china_share_world_merchandise_imports_pct',
    '%',
    'ytd',
    'china/imports/world/all/share',
    'world',
    "China's share of world merchandise imports, year to date (%)",
  ],
  [
    'china_share_world_exports_pct_projection',
    '%',
    'year',
    'china/exports/world/all/share',
    'world',
    "China's projected share of world exports (%)",
  ],
  [
    'china_merchandise_exports_usd_annual_wto',
    'USD bn',
    'year',
    'china/exports/world/all/level',
    'world',
    "China's merchandise exports (WTO)",
  ],
  [
    'china_merchandise_imports_usd_annual_wdi',
    'USD bn',
    'year',
    'china/imports/world/all/level',
    'world',
    "China's merchandise imports (World Bank WDI)",
  ],
]

describe('mapSeries', () => {
  it.each(table)('%s', (series, unit, frequency, dims, resource, label) => {
    const d = mapSeries(series)
    expect([d.reporter, d.flow, d.partner, d.product, d.measure].join('/')).toBe(dims)
    expect(() => checkUnit(d, unit)).not.toThrow()
    expect(resourceOf(d, frequency)).toBe(resource)
    expect(labelOf(d, unit, frequency)).toBe(label)
  })

  it('reads the frequency suffix and the projection marker', () => {
    expect(mapSeries('exports_usd').suffix).toBeNull()
    expect(mapSeries('exports_usd_annual').suffix).toBe('annual')
    expect(mapSeries('exports_to_us_yoy_ytd').suffix).toBe('ytd')
    expect(mapSeries('china_merchandise_exports_usd_annual_wto').suffix).toBe('annual')
    expect(mapSeries('china_share_world_exports_pct_projection').projection).toBe(true)
    expect(mapSeries('exports_usd').projection).toBe(false)
  })

  it('sends headline totals to a resource by frequency', () => {
    const d = mapSeries('exports_usd')
    expect(resourceOf(d, 'month')).toBe('monthly')
    expect(resourceOf(d, 'ytd')).toBe('cumulative')
    expect(resourceOf(d, 'year')).toBe('annual')
  })

  it.each([
    'exports',
    'exports_eur',
    'exports_to_mars_yoy',
    'exports_to__yoy',
    'imports_to_us_yoy',
    'trade_balance_with_us_yoy',
    'rare_earth_exports_from_us_tons',
    'rare_earth_exports_kg',
    'soybean_exports_mt',
    'steel_imports_mt',
    'crude_oil_exports_mt',
    'coal_imports_to_us_mt',
    'iron_ore_imports_tons',
    'crude_imports_mt',
    'imports_from_macau_usd',
    'world_merchandise_exports_cny',
    'china_merchandise_exports_usd_annual',
    'exports_usd_wto',
    'exports_usd_monthly',
    'Exports_usd',
    'exports-usd',
    '',
  ])('rejects %j', (series) => {
    expect(() => mapSeries(series)).toThrow(/series/)
  })
})

describe('checkUnit', () => {
  it.each([
    ['exports_usd', '% y/y'],
    ['exports_usd', 'CNY tn'],
    ['exports_cny', 'USD bn'],
    ['exports_yoy', '%'],
    ['china_share_world_merchandise_exports_pct', '% y/y'],
    ['rare_earth_exports_tons', 'million tonnes'],
    ['soybean_imports_mt', 'tonnes'],
    ['crude_oil_imports_mt', 'USD thousand'],
    ['steel_exports_mt', 'tonnes'],
    ['exports_usd', 'usd bn'],
  ])('rejects %s in %j', (series, unit) => {
    expect(() => checkUnit(mapSeries(series), unit)).toThrow(/inconsistent with its measure/)
  })
})
