/**
 * A note's text as a one-line chart label. Plain string work, kept apart from the Markdown renderer
 * (marked, DOMPurify) so drawing notes on a chart does not load it.
 */
/** A one-line plain-text label for a chart annotation: the first line, Markdown marks removed, shortened. */
export function plainLabel(text: string, max = 48): string {
  const line = text.split(/\r?\n/).find((l) => l.trim()) ?? ''
  const plain = line
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, '')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain
}
