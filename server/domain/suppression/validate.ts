/** Input checks: a wrong call must fail loudly, never publish something unchecked. */
import { varFor } from './keys'
import type { Family } from './tables'
import { LOWEST_MIN_GROUP_SIZE, type CountRow, type Dimension } from './types'

export function validateMinGroupSize(k: unknown): number {
  if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < LOWEST_MIN_GROUP_SIZE) {
    throw new RangeError(
      `suppression: minGroupSize must be an integer >= ${LOWEST_MIN_GROUP_SIZE}, got ${String(k)}`,
    )
  }
  return k
}

export function validateDimensions(dimensions: readonly Dimension[]): void {
  const names = new Set<string>()
  for (const dim of dimensions) {
    if (typeof dim.name !== 'string' || dim.name === '' || names.has(dim.name)) {
      throw new TypeError(`suppression: dimension names must be unique and non-empty`)
    }
    names.add(dim.name)
    const values = new Set(dim.values)
    if (dim.values.length === 0 || values.size !== dim.values.length) {
      throw new TypeError(`suppression: dimension ${dim.name} needs distinct values`)
    }
    if (dim.values.some((v) => typeof v !== 'string')) {
      throw new TypeError(`suppression: values of dimension ${dim.name} must be strings`)
    }
  }
}

export function validateCount(n: unknown, where: string): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`suppression: count of ${where} must be a nonnegative integer`)
  }
  return n
}

/**
 * Counts per full combination, in the finest table's order. Repeated keys add up; a key with
 * a missing, extra or unknown value is refused (its respondents would vanish from every table).
 */
export function cubeCounts(family: Family, counts: Iterable<CountRow>): Float64Array {
  const finest = family.tables[family.cube]
  const cube = new Float64Array(finest.size)
  for (const row of counts) {
    const n = validateCount(row.n, JSON.stringify(row.key))
    cube[varFor(family, finest, row.key) - finest.offset] += n
  }
  return cube
}
