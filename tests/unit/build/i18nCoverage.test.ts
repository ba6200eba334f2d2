/**
 * Every message exists in English and in Chinese, and no component's template writes user-visible
 * English of its own (text or a static title/placeholder/label): it goes through vue-i18n.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const rendererSrc = fileURLToPath(new URL('../../../renderer/src', import.meta.url))
const messagesDir = join(rendererSrc, 'i18n', 'messages')

type Tree = { [key: string]: string | Tree }
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`),
  )

/** Placeholders a message uses: `{n}`, `{label}`… (Chinese must fill the same ones). */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path, ext) : path.endsWith(ext) ? [path] : []
  })
}

/** Words that are the same in every language: format and key names, a file extension. */
const ALLOWED = new Set([
  'Esc',
  'ctesnap',
  'PNG',
  'SVG',
  'CSV',
  'PDF',
  'JSON',
  'Markdown',
  'README',
  'USD',
  'Parquet',
  'UN',
  'Comtrade',
])

/** The English a template shows by itself: text between tags and static user-facing attributes. */
export function englishLiterals(source: string): string[] {
  const start = source.indexOf('<template>')
  const end = source.lastIndexOf('</template>')
  if (start < 0 || end < 0) return []
  const template = source
    .slice(start + '<template>'.length, end)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\{\{[\s\S]*?\}\}/g, ' ')
  const found: string[] = []
  const english = (text: string) =>
    // A sample of machine syntax (a view string `a=b&c=d`) is not prose.
    !/^[\w.-]+=[^\s]*&/.test(text) &&
    text.split(/[^A-Za-z]+/).filter((w) => w.length > 1 && !ALLOWED.has(w)).length > 0
  for (const m of template.matchAll(/>([^<>]+)</g)) {
    const text = m[1]!.trim()
    if (text && english(text)) found.push(text)
  }
  for (const m of template.matchAll(/\s(placeholder|title|aria-label|alt|label)="([^"]*)"/g)) {
    if (english(m[2]!)) found.push(`${m[1]}="${m[2]}"`)
  }
  return found
}

/** The lines of a component's template, comments left out. */
function templateLines(source: string): string[] {
  const start = source.indexOf('<template>')
  const end = source.lastIndexOf('</template>')
  if (start < 0 || end < 0) return []
  return source
    .slice(start + '<template>'.length, end)
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
}

/**
 * Brackets a template writes around a message or a value ("(" + t(…) + ")"): Chinese brackets are
 * full-width (（…）, no space before), so the brackets belong to the message in each language.
 */
export function templateBrackets(source: string): string[] {
  return templateLines(source)
    .filter((line) => /\(\s*(\{\{|<[A-Z])|\}\}\s*\)/.test(line))
    .map((line) => line.trim())
}

/**
 * Colons a template writes after a message or a value ("{{ t(…) }}:"): Chinese writes a full-width colon
 * (：), so the colon belongs to the message (app.labelled) in each language.
 */
export function templateColons(source: string): string[] {
  return templateLines(source)
    .filter((line) => /\}\}\s*:/.test(line))
    .map((line) => line.trim())
}

describe('messages', () => {
  it('every key exists in both languages, with the same placeholders, and none is empty', async () => {
    for (const file of filesUnder(messagesDir, '.ts')) {
      const messages = (await import(file)).default as { en: Tree; 'zh-CN': Tree }
      const en = keysOf(messages.en)
      const zh = keysOf(messages['zh-CN'])
      const name = relative(rendererSrc, file)
      expect(zh, `${name}: keys missing in Chinese`).toEqual(expect.arrayContaining(en))
      expect(en, `${name}: keys missing in English`).toEqual(expect.arrayContaining(zh))
      const get = (tree: Tree, key: string) =>
        key.split('.').reduce<string | Tree>((node, k) => (node as Tree)[k]!, tree) as string
      for (const key of en) {
        expect(get(messages['zh-CN'], key).trim(), `${name}: ${key} is empty in Chinese`).not.toBe('')
        expect(placeholders(get(messages['zh-CN'], key)), `${name}: ${key} placeholders`).toEqual(
          placeholders(get(messages.en, key)),
        )
      }
    }
  })
})

describe('components', () => {
  it('the scanner finds English text and static labels, and ignores interpolations and comments', () => {
    expect(
      englishLiterals(
        '<template><p>{{ t("a") }}</p><!-- a note --><b>Sources</b><input placeholder="Type here" :title="t(\'x\')"/><kbd>?</kbd> PNG</template>',
      ),
    ).toEqual(['Sources', 'placeholder="Type here"'])
  })

  it('the bracket scanner finds brackets around an interpolation or a component, not inside one', () => {
    const template = [
      '<template>',
      '<b>({{ n }})</b>',
      '<i>{{ t("a", { x: f(1) }) }}</i>',
      '<p>(<CalcValue :v="1" />',
      '{{ t("b") }})</p>',
      '</template>',
    ].join('\n')
    expect(templateBrackets(template)).toEqual([
      '<b>({{ n }})</b>',
      '<p>(<CalcValue :v="1" />',
      '{{ t("b") }})</p>',
    ])
    expect(templateBrackets('<template><b>{{ t("a") }}</b> <i>{{ f(n) }}</i></template>')).toEqual([])
  })

  it('write no brackets of their own around a message or a value (CSV (表格), 贸易差额 (无月度数据))', () => {
    const offenders = filesUnder(rendererSrc, '.vue').flatMap((file) =>
      templateBrackets(readFileSync(file, 'utf8')).map((text) => `${relative(rendererSrc, file)}: ${text}`),
    )
    expect(offenders).toEqual([])
  })

  it('the colon scanner finds a colon after an interpolation, not one inside it', () => {
    expect(
      templateColons('<template><span>{{ t("a") }}:</span> <b>{{ t("b", { x: 1 }) }}</b></template>'),
    ).toEqual(['<span>{{ t("a") }}:</span> <b>{{ t("b", { x: 1 }) }}</b>'])
    expect(
      templateColons('<template><span>{{ t("app.labelled", { label: t("a") }) }}</span></template>'),
    ).toEqual([])
  })

  it('write no colon of their own after a message or a value (货币: 美元)', () => {
    const offenders = filesUnder(rendererSrc, '.vue').flatMap((file) =>
      templateColons(readFileSync(file, 'utf8')).map((text) => `${relative(rendererSrc, file)}: ${text}`),
    )
    expect(offenders).toEqual([])
  })

  it('hold no user-visible English literal', () => {
    const offenders = filesUnder(rendererSrc, '.vue').flatMap((file) =>
      englishLiterals(readFileSync(file, 'utf8')).map((text) => `${relative(rendererSrc, file)}: ${text}`),
    )
    expect(offenders).toEqual([])
  })

  it("use vue-i18n's components only as imported: the app's build does not register them globally", () => {
    // electron.vite.config.ts builds vue-i18n with __VUE_I18N_FULL_INSTALL__ off: a template's
    // <i18n-t> (or <i18n-n>, <i18n-d>) without an import is drawn as an empty unknown element in the
    // app, though these tests, built without that flag, render it.
    const offenders = filesUnder(rendererSrc, '.vue').flatMap((file) => {
      const source = readFileSync(file, 'utf8')
      return templateLines(source)
        .flatMap((line) => [...line.matchAll(/<(i18n-[tnd]|I18n[TND])\b/g)].map((m) => m[1]!))
        .filter((tag) => {
          const name = tag.startsWith('I18n') ? tag : `I18n${tag.at(-1)!.toUpperCase()}`
          return (
            tag !== name || !new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from 'vue-i18n'`).test(source)
          )
        })
        .map((tag) => `${relative(rendererSrc, file)}: <${tag}>`)
    })
    expect(offenders).toEqual([])
  })
})
