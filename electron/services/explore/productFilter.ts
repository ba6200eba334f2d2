/**
 * Which product rows of an imported dataset make up a product as the view names it. Files hold
 * product rows at one or more HS levels (Comtrade gives chapters, headings and subheadings side by
 * side; BACI only subheadings): a product is read at its own level where the file has it, else summed
 * from the finest level below it that the file has — never from two levels at once, which would count
 * the same trade twice.
 */
import { AppError } from '../../shared/errors'
import { say } from '../../shared/messages'
import { sqlString } from '../import/sql'
import type { HsCodes, ProductRef } from './hsCodes'

/** The level to read a product of `digits` digits at, or null when the file has nothing that fine. */
export function levelFor(digits: number, levels: readonly number[]): number | null {
  const finer = levels.filter((l) => l >= digits).sort((a, b) => a - b)
  return finer[0] ?? null
}

/** A SQL condition on `product` and `level` columns selecting exactly the rows of one product. */
export function productWhere(ref: ProductRef, levels: readonly number[], hs: HsCodes): string {
  if (ref.kind === 'hs') {
    const level = levelFor(ref.code.length, levels)
    if (level === null)
      throw new AppError('NOT_FOUND', say('noProductsAtDigits', { digits: ref.code.length }))
    return `level = ${level} AND starts_with(product, ${sqlString(ref.code)})`
  }
  if (ref.kind === 'section') {
    const section = hs.sections.find((s) => s.number === ref.section)
    const level = levelFor(2, levels)
    if (!section || level === null) throw new AppError('NOT_FOUND', say('noSuchSection'))
    return `level = ${level} AND list_contains([${section.chapters.map(sqlString).join(', ')}], left(product, 2))`
  }
  throw new AppError('INVALID_ARGUMENT', say('allProductsFromTotals'))
}
