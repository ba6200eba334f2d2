/**
 * Notes are Markdown, rendered safely: no HTML the user (or a snapshot file) wrote ever reaches the
 * page as HTML. Two layers:
 *
 * 1. marked, with raw HTML blocks and inline tags rendered as escaped text (so `<script>` shows as the
 *    characters `<script>`), images rendered as their alt text (nothing is fetched: the app is
 *    offline), and links kept only for http(s) and mailto addresses;
 * 2. DOMPurify over the result with a strict allow-list of tags and attributes (no style, no event
 *    handlers, no images, no forms), as a second line should the first ever let something through.
 *
 * The page's Content-Security-Policy (no inline script) is a third.
 */
import DOMPurify, { type DOMPurify as Purifier } from 'dompurify'
import { Marked } from 'marked'

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
const SAFE_LINK = /^(https?:\/\/|mailto:)/i

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    image: ({ text }) => escapeHtml(text),
    link({ href, title, tokens }) {
      const inner = this.parser.parseInline(tokens)
      if (!SAFE_LINK.test(href)) return inner
      return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${inner}</a>`
    },
  },
})

export const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]

let purifier: Purifier | null = null
function purify(): Purifier {
  if (purifier) return purifier
  const p = DOMPurify(window)
  // Links leave the app (Electron opens them in the system browser); they never get the page's context.
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('rel', 'noopener noreferrer')
      node.setAttribute('target', '_blank')
    }
  })
  purifier = p
  return p
}

/** Layer 1: Markdown → HTML in which nothing the user wrote is markup (raw HTML escaped, unsafe links dropped). */
export function markdownToHtml(text: string): string {
  return marked.parse(text) as string
}

/** Layer 2: any HTML → only the allow-listed tags and attributes, links to http(s)/mailto only. */
export function sanitizeHtml(html: string): string {
  return purify().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'rel', 'target'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_TRUSTED_TYPE: false,
  }) as string
}

/** Markdown → sanitised HTML, safe for v-html. */
export function renderMarkdown(text: string): string {
  return sanitizeHtml(markdownToHtml(text))
}
