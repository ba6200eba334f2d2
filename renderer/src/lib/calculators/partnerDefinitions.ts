/**
 * What a partner name covers, so figures reported under different definitions are not compared as if
 * they were one. Customs report the European Union as EU28 (with the United Kingdom) up to 2019 and as
 * EU27 from 2020, after the UK left; ASEAN is the ten member states, while some reports say
 * “Southeast Asia” without saying whether they mean ASEAN. Pure.
 */
export type PartnerDefinition = 'eu28' | 'eu27' | 'asean10' | 'southeast-asia-as-reported'

/** The first year customs report the EU without the United Kingdom. */
export const EU27_FROM_YEAR = 2020

export function partnerDefinition(partner: string, year: number): PartnerDefinition | null {
  if (partner === 'eu') return year < EU27_FROM_YEAR ? 'eu28' : 'eu27'
  if (partner === 'asean') return 'asean10'
  if (partner === 'southeast_asia') return 'southeast-asia-as-reported'
  return null
}
