/**
 * The rule a summed point states, where an imported file does not print the total itself: partners
 * summed into the World (the file has no World rows) or into a bloc (from the members the file names,
 * which may be fewer than the bloc's). The services write it into the point's note (in English, as the
 * CSV and the snapshot keep it); the page reads it back to state it in the reader's language.
 */
export type SumRule = { kind: 'world' } | { kind: 'bloc'; label: string; members: number }

/** `partners` is how many were summed for that period (null where not known). */
export function sumNote(rule: SumRule, partners: number | null): string {
  const n = partners === null ? 'the' : `the ${partners}`
  const plural = partners !== 1
  return rule.kind === 'world'
    ? `computed: sum of ${n} partner${plural ? 's' : ''} the file names (the file gives no World total)`
    : `computed: sum of ${n} member${plural ? 's' : ''} of ${rule.label} the file names (of ${rule.members})`
}

export type ParsedSumNote = SumRule & { partners: number | null }

/** A note `sumNote` wrote, read back into its rule and count; null for any other note. */
export function parseSumNote(note: string): ParsedSumNote | null {
  const world =
    /^computed: sum of the (?:(\d+) )?partners? the file names \(the file gives no World total\)$/.exec(note)
  if (world) return { kind: 'world', partners: world[1] ? Number(world[1]) : null }
  const bloc = /^computed: sum of the (?:(\d+) )?members? of (.+) the file names \(of (\d+)\)$/.exec(note)
  if (bloc)
    return {
      kind: 'bloc',
      label: bloc[2]!,
      members: Number(bloc[3]),
      partners: bloc[1] ? Number(bloc[1]) : null,
    }
  return null
}
