/**
 * The thinnest bar drawn, in CSS pixels: below it a bar of a long monthly chart is a hairline,
 * unreadable. A module of its own, with no imports, so the end-to-end tests read the same figure
 * without bringing in the chart's code.
 */
export const MIN_BAR_WIDTH = 3
