/**
 * A schema's first complaint about a document, as a catalogued message the page words in its language:
 * the field as the document names it (a schema key or an index) and what that field should hold. Never
 * zod's own wording (a library's English), never the document's content: a hostile file must not be
 * echoed back at length.
 */
import type { z } from 'zod'
import { say, type Said } from './say'

const clip = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text)

/**
 * What `issue` says the field should hold, its `value` as the document has it; null where the schema
 * says nothing plainer than "invalid".
 */
export function expectation(issue: z.core.$ZodIssue, value: unknown): Said | null {
  switch (issue.code) {
    case 'invalid_type': {
      // A number JSON reads as Infinity (1e999) is a number, but not one the app can hold.
      if (issue.expected === 'number' && typeof value === 'number') return say('expectFiniteNumber')
      const type = TYPES[issue.expected as keyof typeof TYPES] as
        (typeof TYPES)[keyof typeof TYPES] | undefined
      return type ? say(type) : null
    }
    case 'too_small':
    case 'too_big': {
      const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum)
      // "At least 1" is "not empty", said so (and no "1 characters").
      if (issue.code === 'too_small' && n === 1 && issue.origin in EMPTY)
        return say(EMPTY[issue.origin as keyof typeof EMPTY])
      const bounds = BOUNDS[issue.origin as keyof typeof BOUNDS] as
        (typeof BOUNDS)[keyof typeof BOUNDS] | undefined
      const bound = bounds?.[issue.code]
      return bound ? say(bound, { n }) : null
    }
    case 'invalid_value':
      return say('expectOneOf', { values: { list: issue.values.map((v) => clip(String(v))) } })
    case 'invalid_format':
      return say('expectForm')
    case 'custom':
      return isSaid(issue.params?.said) ? issue.params.said : null
    default:
      return null
  }
}

const TYPES = {
  string: 'expectText',
  number: 'expectNumber',
  int: 'expectWholeNumber',
  boolean: 'expectTrueFalse',
  array: 'expectList',
  object: 'expectFields',
} as const

const EMPTY = { string: 'expectNonEmptyText', array: 'expectNonEmptyList' } as const

const BOUNDS = {
  string: { too_small: 'expectAtLeastChars', too_big: 'expectAtMostChars' },
  array: { too_small: 'expectAtLeastItems', too_big: 'expectAtMostItems' },
  number: { too_small: 'expectNoLess', too_big: 'expectNoMore' },
} as const

const isSaid = (value: unknown): value is Said =>
  !!value && typeof value === 'object' && typeof (value as Said).id === 'string'

/** The value at `path` in a parsed JSON document (undefined where the path leads nowhere). */
function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let at = document
  for (const key of path) {
    if (!at || typeof at !== 'object') return undefined
    at = (at as Record<PropertyKey, unknown>)[key]
  }
  return at
}

/** The first problem of `error`, found in `document` (a snapshot, a note), as a refusal's reason. */
export function issueSaid(error: z.ZodError, document: unknown): Said {
  const issue = error.issues[0]
  if (!issue) return say('snapshotContentInvalid')
  const prefix = issue.path.length ? `${issue.path.map(String).join('.')}.` : ''
  if (issue.code === 'unrecognized_keys')
    return say('fieldsUnknown', { fields: { list: issue.keys.map((k) => clip(`${prefix}${k}`)) } })
  if (!issue.path.length) return say('snapshotContentInvalid')
  const field = clip(prefix.slice(0, -1))
  const value = valueAt(document, issue.path)
  if (value === undefined) return say('fieldMissing', { field })
  // A check that says what is wrong with the value itself (a period's refusal) rather than what it should be.
  if (issue.code === 'custom' && isSaid(issue.params?.problem))
    return say('fieldRefused', { field, problem: issue.params.problem })
  const expected = expectation(issue, value)
  return expected ? say('fieldExpected', { field, expected }) : say('fieldInvalid', { field })
}
