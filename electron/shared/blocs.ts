/**
 * The blocs an imported file's partners are grouped into (data/codes/blocs.csv lists their members),
 * with the English label the services give them; the page names them from its message catalogue.
 */
export const BLOC_LABELS: Record<string, string> = {
  eu: 'European Union (27)',
  asean: 'ASEAN',
  africa: 'Africa',
  latin_america: 'Latin America and the Caribbean',
}
