// @vitest-environment happy-dom
/**
 * Plain-text messages skip vue-i18n's compiler (renderer/src/i18n/index.ts): each must read exactly
 * as the compiler would have made it, in both languages, and messages with syntax must still be compiled.
 */
import { compile, createMessageContext, type MessageCompilerContext } from '@intlify/core-base'
import { describe, expect, it } from 'vitest'
import { LOCALES, messageCompiler } from '../../../renderer/src/i18n'

const files = import.meta.glob<{ default: Record<string, unknown> }>(
  '../../../renderer/src/i18n/messages/*.ts',
  { eager: true },
)

/** Every message of every feature file (the calculators' too), with its key. */
function allMessages(): [string, string][] {
  const out: [string, string][] = []
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === 'string') out.push([prefix, value])
    else for (const [k, v] of Object.entries(value as object)) walk(`${prefix}.${k}`, v)
  }
  for (const [file, { default: messages }] of Object.entries(files))
    for (const locale of LOCALES) walk(`${file}:${locale}`, messages[locale])
  return out
}

const context = (key: string): MessageCompilerContext => ({
  key,
  locale: 'en',
  onError: (e) => {
    throw e
  },
})
const render = (message: string, key: string, compiler: typeof messageCompiler) =>
  compiler(message, context(key))(createMessageContext({ named: { n: 2, name: 'x' }, pluralIndex: 1 }))

describe('the message compiler', () => {
  it('reads every plain-text message as vue-i18n compiles it', () => {
    const messages = allMessages()
    expect(messages.length).toBeGreaterThan(1000)
    let plain = 0
    for (const [key, message] of messages) {
      expect(render(message, key, messageCompiler), key).toBe(render(message, key, compile))
      if (!/[{}@|]/.test(message)) plain++
    }
    // Most messages take the short way; the test would pass vacuously if none did.
    expect(plain).toBeGreaterThan(messages.length / 2)
  })

  it('still compiles placeholders, links and plural cases', () => {
    expect(render('{n} items for {name}', 'a', messageCompiler)).toBe('2 items for x')
    expect(render('one | many', 'b', messageCompiler)).toBe('many')
    expect(render("{'{'}literal{'}'}", 'c', messageCompiler)).toBe('{literal}')
  })
})
