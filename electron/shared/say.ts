/**
 * A refusal as it travels: its catalogue id and parameters (messages.ts holds the texts). Apart from the
 * catalogue so that code which only says a message, such as the page's stores, does not load every
 * text with it: the page loads the texts when it first words a refusal.
 */
import type { serviceMessages } from './messages'

export type MessageId = keyof typeof serviceMessages

/**
 * A parameter: text from the user's file or the app (shown as it is), a number (shown by the page's
 * number formatter), a period key (shown by the period module), a list of texts, or a message of its own.
 */
export type ParamValue = string | number | { period: string } | { list: readonly string[] } | Said

export interface Said {
  id: MessageId
  params?: Readonly<Record<string, ParamValue>>
}

/** The slot names of a template: `'line {line}: {detail}'` → `'line' | 'detail'`. */
type Slots<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | Slots<R> : never
export type ParamsOf<I extends MessageId> = { readonly [K in Slots<(typeof serviceMessages)[I]>]: ParamValue }

/** A message by id, its parameters checked against the slots of its English text. */
export function say<I extends MessageId>(
  id: I,
  ...params: [Slots<(typeof serviceMessages)[I]>] extends [never] ? [] : [ParamsOf<I>]
): Said {
  return params[0] ? { id, params: params[0] } : { id }
}
