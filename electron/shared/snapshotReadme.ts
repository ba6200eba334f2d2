/** The README.md written beside an exported snapshot's files. */
import type { Note } from './notes'
import type { Snapshot } from './snapshot'

/** A Markdown README for an exported snapshot: what it shows, the data versions, the notes and every source. */
export function snapshotReadme(snapshot: Snapshot, files: readonly string[]): string {
  const lines = [
    `# ${snapshot.title}`,
    '',
    `Saved ${snapshot.savedAt} with China Trade Explorer ${snapshot.app.version}.`,
    '',
    '## Files',
    '',
    ...files.map((f) => `- \`${f}\``),
    '',
    '## Data',
    '',
    ...snapshot.datasets.map((d) => `- Dataset \`${d.id}\`, version ${d.version ?? 'unknown'}`),
    `- Unit of the numbers: ${snapshot.numbers.unit}`,
    `- View: \`${snapshot.view.flows.join(', ')}\` × \`${snapshot.view.partners.join(', ')}\` × \`${snapshot.view.products.join(', ')}\`, ` +
      `${snapshot.view.measure}, ${snapshot.view.frequency}, transform ${snapshot.view.transform}` +
      `${snapshot.view.range.from ? `, from ${snapshot.view.range.from}` : ''}${snapshot.view.range.to ? ` to ${snapshot.view.range.to}` : ''}`,
    ...breakdownLine(snapshot.view.breakdown),
    '',
    'Values of kind "computed" (year on year, year to date, sums, shares) were derived by the app from published figures;',
    'values of kind "published" were read in the sources below; values of kind "projected" are published forecasts.',
    '',
    '## Notes',
    '',
  ]
  if (snapshot.notes.length === 0) lines.push('(none)', '')
  for (const note of snapshot.notes) {
    lines.push(`### ${describeTarget(note)}${note.tags.length ? ` — tags: ${note.tags.join(', ')}` : ''}`, '')
    // Quoted so a note's own headings stay inside it.
    lines.push(...note.text.split(/\r?\n/).map((l) => `> ${l}`), '')
  }
  lines.push('## Sources', '')
  for (const s of snapshot.sources) {
    lines.push(
      `- ${s.title}${s.publisher ? ` — ${s.publisher}` : ''}${s.published ? `, ${s.published}` : ''}. <${s.url}>`,
    )
  }
  lines.push('')
  return lines.join('\n')
}

/** The breakdown under the chart, where the view recorded one (an imported dataset's ranking). */
function breakdownLine(b: Snapshot['view']['breakdown']): string[] {
  if (!b) return []
  const ranked = b.by === 'product' ? 'products' : 'partners'
  const picture = b.picture === 'table' ? 'a table' : b.picture === 'treemap' ? 'a treemap' : 'a world map'
  const drilled = b.by === 'product' && b.drill !== 'all' ? `, drilled into \`${b.drill}\`` : ''
  return [`- Breakdown: ${ranked} as ${picture}, top ${b.top}${drilled}`]
}

/** A note's target in words (the README is English, like the file names it lists). */
function describeTarget(note: Pick<Note, 'target'>): string {
  const t = note.target
  switch (t.kind) {
    case 'point':
      return `${t.series} at ${t.period}`
    case 'range':
      return `${t.series ? `${t.series}, ` : ''}${t.from} to ${t.to}`
    case 'series':
      return `series ${t.series}`
    case 'view':
      return 'the whole view'
    case 'dataset':
      return `dataset ${t.dataset}`
  }
}
