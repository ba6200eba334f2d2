/**
 * The one slug: a file name or an id made from a title — lower-case ASCII letters and digits in
 * hyphen-joined words, so it is never a path, never hidden and safe on every file system.
 */

/** `China's surplus, 2025` → `china-s-surplus-2025`; `fallback` when nothing is left (a title all in Chinese). */
export function slugOf(title: string, fallback: string, maxLength = 60): string {
  const slug = title
    // Accents come apart from their letters and are dropped: `Côte` → `cote`, not `co-te`.
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '')
  return slug || fallback
}
