import { describe, expect, it } from 'vitest'
import { slugOf } from '../../../electron/shared/slug'

describe('slugOf', () => {
  it('makes lower-case hyphen-joined words of a title, accents folded', () => {
    expect(slugOf("China's surplus, Jan–Nov 2025", 'chart')).toBe('china-s-surplus-jan-nov-2025')
    expect(slugOf('  Exportações à Côte d’Ivoire ', 'chart')).toBe('exportacoes-a-cote-d-ivoire')
  })

  it('is never a path, never hidden, and falls back when nothing is left', () => {
    expect(slugOf('../../etc/passwd', 'snapshot')).toBe('etc-passwd')
    expect(slugOf('.hidden', 'snapshot')).toBe('hidden')
    expect(slugOf('中美贸易', 'snapshot')).toBe('snapshot')
    expect(slugOf('', 'chart')).toBe('chart')
  })

  it('cuts to the length asked without leaving a trailing hyphen', () => {
    expect(slugOf('a'.repeat(59) + ' b', 'x')).toBe('a'.repeat(59))
    expect(slugOf('abcd efgh', 'x', 5)).toBe('abcd')
    expect(slugOf('x'.repeat(80), 'y')).toHaveLength(60)
  })
})
